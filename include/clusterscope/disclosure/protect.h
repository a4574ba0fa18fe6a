// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Secondary suppression over one linear table, and the audit that checks it: every withheld cell
// must keep a protection interval against an attacker who knows every published cell. Pure but
// for the solver.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "clusterscope/disclosure/table.h"

namespace clusterscope::disclosure {

// Why a cell is withheld. Names no enterprise.
enum class Reason : std::uint8_t {
  kNone,       // published
  kPrimary,    // its own figure would reveal an enterprise's
  kSecondary,  // withheld so that a withheld cell cannot be worked out from the published ones
  kSameAs,     // the same enterprises as a withheld cell
};
std::string_view ReasonName(Reason reason);  // "primary", "secondary", "same_as"; "" for kNone

struct ProtectionOptions {
  // Each withheld cell's interval must reach this share of its value on both sides.
  double share = 0.15;
};

// Withholds, in place on `reasons` (one per cell), the cells with the same atoms as a withheld
// one and then complements until every withheld cell keeps its protection. A complement is the
// cheapest published cell (by `cost`, one per cell) among those the attacker's bound rests on.
// A cell of infinite cost is of the past (an earlier month's, out already): never withheld if
// published, and not checked again if withheld (Audit checks everything). Returns how many
// linear programmes it solved.
std::size_t Protect(const LinearTable& table, std::vector<Reason>& reasons,
                    const std::vector<double>& cost, const ProtectionOptions& options);

// A withheld cell the attacker can narrow down more than its protection allows (or that the
// solver could not bound: `solved` false).
struct Finding {
  std::size_t cell = 0;
  double value = 0;
  Interval interval;
  bool solved = true;
};

// The attacker's audit of a table as published: both bounds of every withheld cell. A cell's
// floor (LinearTable::floors) is what the attacker knew of it before: no protection below it.
std::vector<Finding> Audit(const LinearTable& table, const std::vector<Reason>& reasons,
                           const ProtectionOptions& options);

// Whether an interval protects `value` by `share` on both sides (with a little slack for the
// solver's rounding).
bool Protects(const Interval& interval, double value, double share);

}  // namespace clusterscope::disclosure
