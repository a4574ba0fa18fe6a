// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// One month's groups as the primary rules and the tables see them: each enterprise's
// contributions, the atoms (sets of enterprises no group tells apart), and the rules that say
// whether a set of contributions is sensitive. Internal to the disclosure module.
#pragma once

#include <cstdint>
#include <vector>

#include "clusterscope/disclosure/control.h"
#include "clusterscope/disclosure/table.h"
#include "clusterscope/engine/indicators.h"

namespace clusterscope::disclosure {

struct Frame {
  engine::Contributions contributions;
  Atoms atoms;
  std::vector<std::vector<std::uint32_t>> atom_members;  // per atom
};

// `indicators` in full, as `engine` computed them.
Frame FrameOf(const engine::Engine& engine, const engine::MonthlyIndicators& indicators);

// Whether figures made of these contributions would reveal one of them: too few contributors,
// two that dominate, or (p %) a second that could estimate the first. Takes absolute values in
// place, so a loss weighs like a profit; a figure nobody contributes to reveals nothing.
bool Sensitive(std::vector<double>& values, const DisclosureRules& rules);

// Whether the members' values of `q` are sensitive.
bool SensitiveMembers(const Frame& frame, const std::vector<std::uint32_t>& members,
                      engine::Quantity q, const DisclosureRules& rules);

}  // namespace clusterscope::disclosure
