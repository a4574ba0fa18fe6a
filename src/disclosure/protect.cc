// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/disclosure/protect.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "clusterscope/disclosure/attacker.h"

namespace clusterscope::disclosure {
namespace {

// Withholds every published cell whose atoms are those of a withheld one.
void WithholdTwins(const LinearTable& table, std::vector<Reason>& reasons) {
  std::map<std::vector<std::uint32_t>, std::vector<std::size_t>> alike;
  for (std::size_t c = 0; c < table.cells.size(); ++c) alike[table.cells[c]].push_back(c);
  for (const auto& [atoms, cells] : alike) {
    const bool any = std::any_of(cells.begin(), cells.end(),
                                 [&](std::size_t c) { return reasons[c] != Reason::kNone; });
    if (!any) continue;
    for (const auto c : cells) {
      if (reasons[c] == Reason::kNone) reasons[c] = Reason::kSameAs;
    }
  }
}

// The cheapest of `candidates` (published cells), or none.
std::optional<std::size_t> Cheapest(const std::vector<std::size_t>& candidates,
                                    const std::vector<double>& cost) {
  std::optional<std::size_t> best;
  for (const auto c : candidates) {
    if (!best || cost[c] < cost[*best]) best = c;
  }
  return best;
}

// The cheapest published cell sharing an atom with `cell`: the fallback when the solver names
// no binding cell.
std::optional<std::size_t> CheapestNeighbour(const LinearTable& table, const Attacker& attacker,
                                             std::size_t cell, const std::vector<double>& cost) {
  std::vector<std::size_t> near;
  for (std::size_t c = 0; c < table.cells.size(); ++c) {
    if (attacker.withheld(c)) continue;
    const auto& a = table.cells[c];
    const auto& b = table.cells[cell];
    std::vector<std::uint32_t> shared;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(shared));
    if (!shared.empty()) near.push_back(c);
  }
  return Cheapest(near, cost);
}

}  // namespace

std::string_view ReasonName(Reason reason) {
  switch (reason) {
    case Reason::kPrimary:
      return "primary";
    case Reason::kSecondary:
      return "secondary";
    case Reason::kSameAs:
      return "same_as";
    case Reason::kNone:
      break;
  }
  return "";
}

bool Protects(const Interval& interval, double value, double share) {
  const double margin = share * std::abs(value);
  const double slack = 1e-7 * std::max(1.0, std::abs(value));
  return interval.high >= value + margin - slack && interval.low <= value - margin + slack;
}

std::size_t Protect(const LinearTable& table, std::vector<Reason>& reasons,
                    const std::vector<double>& cost, const ProtectionOptions& options) {
  WithholdTwins(table, reasons);
  Attacker attacker(table);
  std::vector<std::size_t> work;  // withheld cells still to check, in the order withheld
  for (std::size_t c = 0; c < reasons.size(); ++c) {
    if (reasons[c] == Reason::kNone) continue;
    attacker.Withhold(c);
    work.push_back(c);
  }
  // Withholding a cell only widens the others' intervals, so a cell once protected stays so and
  // one pass over the growing list suffices.
  std::size_t solves = 0;
  for (std::size_t next = 0; next < work.size(); ++next) {
    const std::size_t cell = work[next];
    for (;;) {
      const auto interval = attacker.Bounds(cell);
      solves += 2;
      if (interval && Protects(*interval, table.values[cell], options.share)) break;
      std::optional<std::size_t> complement;
      if (interval) {
        const bool high_short =
            interval->high < table.values[cell] + options.share * std::abs(table.values[cell]);
        complement = Cheapest(attacker.Binding(high_short ? Side::kHigh : Side::kLow), cost);
      }
      if (!complement) complement = CheapestNeighbour(table, attacker, cell, cost);
      if (!complement) break;  // nothing left to withhold: the audit will say so
      reasons[*complement] = Reason::kSecondary;
      attacker.Withhold(*complement);
      work.push_back(*complement);
    }
  }
  return solves;
}

std::vector<Finding> Audit(const LinearTable& table, const std::vector<Reason>& reasons,
                           const ProtectionOptions& options) {
  Attacker attacker(table);
  for (std::size_t c = 0; c < reasons.size(); ++c) {
    if (reasons[c] != Reason::kNone) attacker.Withhold(c);
  }
  std::vector<Finding> out;
  for (std::size_t c = 0; c < reasons.size(); ++c) {
    if (reasons[c] == Reason::kNone) continue;
    const auto interval = attacker.Bounds(c);
    if (interval && Protects(*interval, table.values[c], options.share)) continue;
    out.push_back({c, table.values[c], interval.value_or(Interval{}), interval.has_value()});
  }
  return out;
}

}  // namespace clusterscope::disclosure
