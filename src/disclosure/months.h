// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// One quantity over the published months of a year, as the attacker sees it. The unknowns are
// each enterprise's increments month by month (merged into atoms where no cell tells them
// apart), so a year-to-date figure is the sum of its months, and a month's figure, or the
// difference of two year-to-date figures of the same enterprises, is just one more equation.
// Internal to the disclosure module.
#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "frame.h"

#include "clusterscope/disclosure/protect.h"

namespace clusterscope::disclosure {

// Per group of a month, per quantity: whether the figure is published.
using ShownFigures = std::vector<std::array<bool, engine::kQuantityCount>>;

// One month of the year: its groups in full and which of their figures are published.
struct PublishedMonth {
  engine::MonthlyIndicators full;
  Frame frame;         // of `full`
  ShownFigures shown;  // per group of `full`
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

// Which figures of `full`'s groups `published` shows (the same groups, withheld as published).
ShownFigures ShownIn(const engine::MonthlyIndicators& full,
                     const engine::MonthlyIndicators& published);

// The table of `ytd` over `months` (consecutive months of one year, to the period; from January
// for the whole year, else the first stands for the year to then): every month's
// year-to-date cells, with the cells of `month` (the same quantity's figure of the month alone)
// where it has them, and a never-published cell for each set of enterprises the groups tell
// apart whose own figure the rules would withhold. A group's year to date withheld after it was
// published is floored by what was published (it only grows): the table's floors say so.
MonthsTable MonthsTableOf(const std::vector<const PublishedMonth*>& months, engine::Quantity ytd,
                          std::optional<engine::Quantity> month, const DisclosureRules& rules);

}  // namespace clusterscope::disclosure
