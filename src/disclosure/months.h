// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// One quantity over the published months of a year, as the attacker sees it. The unknowns are
// each enterprise's increments month by month (merged into atoms where no cell tells them
// apart), so a year-to-date figure is the sum of its months, and a month's figure, or the
// difference of two year-to-date figures of the same enterprises, is just one more equation.
// Internal to the disclosure module.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "frame.h"

#include "clusterscope/disclosure/protect.h"

namespace clusterscope::disclosure {

// One month of the year: its groups in full and the form they were published in.
struct PublishedMonth {
  engine::MonthlyIndicators full;
  Frame frame;                                 // of `full`
  const engine::MonthlyIndicators* published;  // the same groups, withheld as published
};

inline constexpr std::size_t kNoGroup = static_cast<std::size_t>(-1);

// What a cell of a months table is.
struct MonthsCell {
  std::size_t month = 0;         // index into the months
  std::size_t group = kNoGroup;  // the group's position in the month's indicators
  std::size_t enterprises = 0;   // a set of enterprises no group tells apart (group kNoGroup)
  engine::Quantity quantity = engine::Quantity::kOutput;
};

struct MonthsTable {
  LinearTable table;
  std::vector<MonthsCell> what;  // per cell
  std::vector<Reason> reasons;   // kNone: published; kPrimary: withheld, or never published
};

// The published groups of a month by kind and code.
std::map<std::pair<std::string, std::string>, const engine::GroupIndicators*> ShownGroups(
    const engine::MonthlyIndicators& published);

// The table of `ytd` over `months` (January to the period, of one year): every month's
// year-to-date cells, with the cells of `month` (the same quantity's figure of the month alone)
// where it has them, and a never-published cell for each set of enterprises the groups tell
// apart whose own figure the rules would withhold. A group's year to date withheld after it was
// published is floored by what was published (it only grows): the table's floors say so.
MonthsTable MonthsTableOf(const std::vector<PublishedMonth>& months, engine::Quantity ytd,
                          std::optional<engine::Quantity> month, const DisclosureRules& rules);

}  // namespace clusterscope::disclosure
