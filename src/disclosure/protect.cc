// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/disclosure/protect.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <random>
#include <set>

#include "null_space.h"

#include "clusterscope/disclosure/attacker.h"

namespace clusterscope::disclosure {
namespace {

// A cell of the past (an earlier month's): published or withheld as it was then, and not
// checked again.
bool Fixed(const std::vector<double>& cost, std::size_t cell) { return std::isinf(cost[cell]); }

// Withholds every published cell whose atoms are those of a withheld one (but fixed cells).
void WithholdTwins(const LinearTable& table, std::vector<Reason>& reasons,
                   const std::vector<double>& cost) {
  std::map<std::vector<std::uint32_t>, std::vector<std::size_t>> alike;
  for (std::size_t c = 0; c < table.cells.size(); ++c) alike[table.cells[c]].push_back(c);
  for (const auto& [atoms, cells] : alike) {
    const bool any = std::any_of(cells.begin(), cells.end(),
                                 [&](std::size_t c) { return reasons[c] != Reason::kNone; });
    if (!any) continue;
    for (const auto c : cells) {
      if (reasons[c] == Reason::kNone && !Fixed(cost, c)) reasons[c] = Reason::kSameAs;
    }
  }
}

// The cheapest of `candidates` (published cells) that is not fixed, or none.
std::optional<std::size_t> Cheapest(const std::vector<std::size_t>& candidates,
                                    const std::vector<double>& cost) {
  std::optional<std::size_t> best;
  for (const auto c : candidates) {
    if (Fixed(cost, c)) continue;
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

// Whether the attacker knows every atom of the cell already (an insider's own enterprises):
// nothing to protect.
bool AllKnown(const LinearTable& table, std::size_t cell) {
  if (table.known.empty()) return false;
  return std::all_of(table.cells[cell].begin(), table.cells[cell].end(), [&](std::uint32_t a) {
    return std::any_of(table.known.begin(), table.known.end(),
                       [a](const auto& known) { return known.first == a; });
  });
}

// Atoms the attacker cannot tell apart, because the same published cells hold them: mass moves
// freely between them without changing a published figure. Gives, without a solve, an interval
// the attacker cannot narrow a cell below (an inner bound of the linear programme's).
class Swaps {
 public:
  explicit Swaps(const LinearTable& table) : table_(table), class_of_(table.atoms, -1) {
    for (const auto& [atom, value] : table.known) known_.insert(atom);
  }

  // After cells were withheld.
  void Rebuild(const Attacker& attacker) {
    std::vector<std::vector<std::uint32_t>> signature(table_.atoms);
    for (std::size_t c = 0; c < table_.cells.size(); ++c) {
      // (a floored cell holds its atoms too: a swap must not take it below)
      if (attacker.withheld(c) && !table_.HasFloor(c)) continue;
      for (const auto a : table_.cells[c]) signature[a].push_back(static_cast<std::uint32_t>(c));
    }
    std::map<std::vector<std::uint32_t>, std::int32_t> classes;
    class_value_.clear();
    class_size_.clear();
    for (std::size_t a = 0; a < table_.atoms; ++a) {
      if (known_.count(static_cast<std::uint32_t>(a)) != 0) {
        class_of_[a] = -1;
        continue;
      }
      const auto [at, fresh] =
          classes.try_emplace(signature[a], static_cast<std::int32_t>(class_value_.size()));
      if (fresh) {
        class_value_.push_back(0);
        class_size_.push_back(0);
      }
      class_of_[a] = at->second;
      class_value_[static_cast<std::size_t>(at->second)] += table_.atom_values[a];
      ++class_size_[static_cast<std::size_t>(at->second)];
    }
  }

  Interval Inner(std::size_t cell) const {
    const double v = table_.values[cell];
    // class -> the value and number of its atoms in the cell
    std::map<std::int32_t, std::pair<double, std::size_t>> inside;
    for (const auto a : table_.cells[cell]) {
      if (class_of_[a] < 0) continue;
      auto& [value, atoms] = inside[class_of_[a]];
      value += table_.atom_values[a];
      ++atoms;
    }
    Interval out{v, v};
    for (const auto& [c, in] : inside) {
      const auto k = static_cast<std::size_t>(c);
      if (class_size_[k] == in.second) continue;    // no partner outside the cell
      if (!table_.non_negative) return Interval{};  // moves either way, without end
      out.high += class_value_[k] - in.first;
      out.low -= in.first;
    }
    return out;
  }

 private:
  const LinearTable& table_;
  std::set<std::uint32_t> known_;
  std::vector<std::int32_t> class_of_;  // per atom; -1 for a known atom
  std::vector<double> class_value_;
  std::vector<std::size_t> class_size_;
};

// The intervals of withheld cells, from shortcuts when they are enough, else from the solver.
// The shortcuts are intervals the attacker cannot narrow: the values each cell takes at the
// points the solver found so far (each fits every published figure, and still does once more
// is withheld), and the swaps of atoms the published cells cannot tell apart.
class Bounder {
 public:
  Bounder(const LinearTable& table, Attacker& attacker, double share)
      : table_(table),
        attacker_(attacker),
        share_(share),
        swaps_(table),
        shortcuts_(!table.atom_values.empty()),
        known_(table.atoms, 0.0) {
    for (const double v : table.values) seen_.push_back({v, v});
    for (const auto& [atom, value] : table.known) known_[atom] = value;
  }

  // Cells were withheld since the last call.
  void Withheld() { stale_ = true; }

  // The side on which the interval falls short of the cell's protection, or none. What the
  // attacker knows of the cell (an insider's own enterprises) is no secret: the protection is of
  // the rest, so both are taken without it.
  std::optional<Side> Short(std::size_t cell, const Interval& interval) const {
    if (ShortOn(cell, interval, Side::kHigh)) return Side::kHigh;
    if (ShortOn(cell, interval, Side::kLow)) return Side::kLow;
    return std::nullopt;
  }

  std::optional<Interval> Bounds(std::size_t cell) {
    if (!Short(cell, seen_[cell])) return seen_[cell];
    if (stale_) Refresh();
    if (FreeAbove(cell)) {
      seen_[cell].high = kUnbounded;
      if (!Short(cell, seen_[cell])) return seen_[cell];
    }
    if (!table_.non_negative && Moves(cell)) return Interval{};
    if (shortcuts_) {
      const Interval inner = swaps_.Inner(cell);
      if (!Short(cell, inner)) return inner;
      seen_[cell] = {std::min(seen_[cell].low, inner.low), std::max(seen_[cell].high, inner.high)};
    }
    // Only the sides still short: the other is as wide as the points seen show.
    const bool low = ShortOn(cell, seen_[cell], Side::kLow);
    const bool high = ShortOn(cell, seen_[cell], Side::kHigh);
    solves_ += (low ? 1U : 0U) + (high ? 1U : 0U);
    auto out = attacker_.Bounds(cell, low, high);
    for (const auto side : {Side::kLow, Side::kHigh}) See(attacker_.Point(side));
    if (out && !low) out->low = seen_[cell].low;
    if (out && !high) out->high = seen_[cell].high;
    return out;
  }

  // Widens the seen intervals of many cells with few programmes: the points at which a batch
  // of cells that still fall short on one side are together least, or most, each weighed by
  // its size. Cells that do not pull against each other all reach their bounds at once; each
  // round takes those still short in batches a quarter the size of the last (the first are
  // large: one programme proves thousands), and the rest are left to Bounds().
  void Prove(const std::vector<std::size_t>& cells) {
    if (!shortcuts_ || !table_.non_negative) return;
    if (stale_) Refresh();
    std::mt19937_64 random(cells.size());
    for (int round = 0; round < 5; ++round) {
      std::size_t proved = 0;
      for (const auto side : {Side::kLow, Side::kHigh}) {
        std::vector<std::size_t> pending;
        for (const auto c : cells) {
          if (side == Side::kHigh && FreeAbove(c)) seen_[c].high = kUnbounded;
          if (ShortOn(c, seen_[c], side)) pending.push_back(c);
        }
        std::shuffle(pending.begin(), pending.end(), random);
        const std::size_t batch = std::max<std::size_t>(16, kBatch >> (2 * round));
        for (std::size_t from = 0; from < pending.size(); from += batch) {
          std::vector<double> weights(table_.atoms, 0.0);
          const std::size_t to = std::min(pending.size(), from + batch);
          for (std::size_t i = from; i < to; ++i) {
            const double weight = 1 / std::max(1.0, std::abs(table_.values[pending[i]]));
            for (const auto a : table_.cells[pending[i]]) weights[a] += weight;
          }
          ++solves_;
          See(attacker_.Extreme(weights, side));
          for (std::size_t i = from; i < to; ++i) {
            if (!ShortOn(pending[i], seen_[pending[i]], side)) ++proved;
          }
        }
      }
      if (proved == 0) break;
    }
  }

  std::size_t solves() const { return solves_; }

 private:
  static constexpr std::size_t kBatch = 4096;

  // Whether the interval falls short of the cell's protection on `side`. What the attacker knows
  // of the cell (an insider's own enterprises) is no secret: the protection is of the rest. Nor
  // is what was published before: a cell with a floor (its year to date published at an earlier
  // month) protects what it grew by since, on both sides, the floor less what the attacker knew
  // of it then being what they knew of the rest.
  bool ShortOn(std::size_t cell, const Interval& interval, Side side) const {
    double known = 0;
    for (const auto a : table_.cells[cell]) known += known_[a];
    const double value = table_.values[cell] - known;
    double margin = share_ * std::abs(value);
    if (table_.HasFloor(cell)) {
      const double floor_known = table_.floor_known.empty() ? 0.0 : table_.floor_known[cell];
      const double grown = value - (table_.floors[cell] - floor_known);
      margin = std::min(margin, share_ * std::max(grown, 0.0));
    }
    const double slack = 1e-7 * std::max(1.0, std::abs(table_.values[cell]));
    if (side == Side::kHigh) return interval.high - known < value + margin - slack;
    return interval.low - known > value - margin + slack;
  }

  // Whether the cell holds an atom in no published cell: nothing holds it from above.
  bool FreeAbove(std::size_t cell) const {
    if (!table_.non_negative) return false;
    return std::any_of(table_.cells[cell].begin(), table_.cells[cell].end(),
                       [&](std::uint32_t a) { return published_in_[a] == 0; });
  }

  void Refresh() {
    stale_ = false;
    if (shortcuts_) swaps_.Rebuild(attacker_);
    published_in_.assign(table_.atoms, 0);
    for (std::size_t c = 0; c < table_.cells.size(); ++c) {
      if (attacker_.withheld(c)) continue;
      for (const auto a : table_.cells[c]) ++published_in_[a];
    }
    for (const auto& [atom, value] : table_.known) ++published_in_[atom];
    if (table_.non_negative) return;
    std::vector<bool> withheld;
    for (std::size_t c = 0; c < table_.cells.size(); ++c) withheld.push_back(attacker_.withheld(c));
    free_ = FreeDirection(table_, withheld, ++seed_);
    scale_ = 0;
    for (const double d : free_) scale_ = std::max(scale_, std::abs(d));
  }

  // Whether the cell changes along the free direction: then nothing holds it either way.
  bool Moves(std::size_t cell) const {
    if (free_.empty()) return false;  // no direction: ask the solver
    double change = 0;
    for (const auto a : table_.cells[cell]) change += free_[a];
    return std::abs(change) >
           1e-8 * scale_ * static_cast<double>(std::max<std::size_t>(table_.cells[cell].size(), 1));
  }

  void See(const std::vector<double>& point) {
    if (point.empty()) return;
    for (std::size_t c = 0; c < table_.cells.size(); ++c) {
      double value = 0;
      for (const auto a : table_.cells[c]) value += point[a];
      seen_[c].low = std::min(seen_[c].low, value);
      seen_[c].high = std::max(seen_[c].high, value);
    }
  }

  const LinearTable& table_;
  Attacker& attacker_;
  const double share_;
  Swaps swaps_;
  const bool shortcuts_;
  std::vector<double> known_;  // per atom: its value when the attacker knows it, else 0
  bool stale_ = true;
  std::vector<Interval> seen_;  // per cell
  std::vector<double> free_;    // a free direction, per atom (tables that may be negative)
  std::vector<std::uint32_t> published_in_;  // per atom: the published cells that hold it
  double scale_ = 0;
  std::uint64_t seed_ = 0;
  std::size_t solves_ = 0;
};

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
  WithholdTwins(table, reasons, cost);
  std::vector<bool> withheld;
  for (const auto reason : reasons) withheld.push_back(reason != Reason::kNone);
  Attacker attacker(table, withheld);
  std::vector<std::size_t> work;  // withheld cells still to check, in the order withheld
  for (std::size_t c = 0; c < reasons.size(); ++c) {
    if (reasons[c] != Reason::kNone && !Fixed(cost, c)) work.push_back(c);
  }
  // Withholding a cell only widens the others' intervals, so a cell once protected stays so and
  // one pass over the growing list suffices.
  Bounder bounder(table, attacker, options.share);
  bounder.Prove(work);
  for (std::size_t next = 0; next < work.size(); ++next) {
    const std::size_t cell = work[next];
    if (AllKnown(table, cell)) continue;
    for (;;) {
      const auto interval = bounder.Bounds(cell);
      const auto short_side = interval ? bounder.Short(cell, *interval) : Side::kHigh;
      if (!short_side) break;
      // (an interval that falls short came from the solver: Binding() is its answer)
      std::optional<std::size_t> complement;
      if (interval) {
        const auto binding = attacker.Binding(*short_side);
        complement = Cheapest(binding, cost);
        // The bound rests on fixed cells alone: withholding others leaves it where it is.
        if (!complement && !binding.empty()) break;
      }
      if (!complement) complement = CheapestNeighbour(table, attacker, cell, cost);
      if (!complement) break;  // nothing left to withhold: the audit will say so
      reasons[*complement] = Reason::kSecondary;
      attacker.Withhold(*complement);
      bounder.Withheld();
      work.push_back(*complement);
    }
  }
  return bounder.solves();
}

std::vector<Finding> Audit(const LinearTable& table, const std::vector<Reason>& reasons,
                           const ProtectionOptions& options) {
  std::vector<bool> withheld_cells;
  for (const auto reason : reasons) withheld_cells.push_back(reason != Reason::kNone);
  Attacker attacker(table, withheld_cells);
  Bounder bounder(table, attacker, options.share);
  std::vector<std::size_t> withheld;
  for (std::size_t c = 0; c < reasons.size(); ++c) {
    if (reasons[c] != Reason::kNone && !AllKnown(table, c)) withheld.push_back(c);
  }
  bounder.Prove(withheld);
  std::vector<Finding> out;
  for (std::size_t c = 0; c < reasons.size(); ++c) {
    if (reasons[c] == Reason::kNone || AllKnown(table, c)) continue;
    const auto interval = bounder.Bounds(c);
    if (interval && !bounder.Short(c, *interval)) continue;
    // Both sides, as the attacker has them.
    const auto exact = interval ? attacker.Bounds(c) : interval;
    out.push_back({c, table.values[c], exact.value_or(Interval{}), exact.has_value()});
  }
  return out;
}

}  // namespace clusterscope::disclosure
