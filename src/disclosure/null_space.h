// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Directions that change no published cell, for tables whose values may be negative: there the
// attacker's interval of a cell is a point or the whole line, and one random direction of the
// null space tells which, with no linear programme.
#pragma once

#include <cstdint>
#include <vector>

#include "clusterscope/disclosure/table.h"

namespace clusterscope::disclosure {

// A random combination of the null space of the published cells' equations (the atoms the
// attacker knows held still), one value per atom; all zeros when the published cells fix every
// atom; empty when the table is too large to factorise, or the
// factorisation too inexact to trust (then no shortcut).
std::vector<double> FreeDirection(const LinearTable& table, const std::vector<bool>& withheld,
                                  std::uint64_t seed);

}  // namespace clusterscope::disclosure
