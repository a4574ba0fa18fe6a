// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Published figures as a linear system, the way an attacker sees them: every cell (a group's
// figure of one quantity) is the sum of the values of its atoms, and an atom is a set of
// enterprises that every cell holds whole or not at all, so the unknowns are as few as the cells
// can tell apart. Pure.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

namespace clusterscope::disclosure {

inline constexpr double kUnbounded = std::numeric_limits<double>::infinity();

struct LinearTable {
  std::size_t atoms = 0;
  std::vector<std::vector<std::uint32_t>> cells;  // each cell's atoms, sorted
  std::vector<double> values;                     // each cell's figure
  // Each atom's value: the truth the attacker does not know, from which shortcuts show a cell
  // safe without a linear programme (empty: none taken).
  std::vector<double> atom_values;
  bool non_negative = true;  // the attacker knows no atom is below zero (false: profit)
  std::vector<std::pair<std::uint32_t, double>> known;  // atoms the attacker knows (insiders)
  // Per cell (empty: none): what the attacker knows it is at least even when withheld, or
  // -kUnbounded (a year to date published last month floors this month's).
  std::vector<double> floors;
  // Per cell with a floor (empty: all 0): the part of the floor the attacker knew on their own
  // (an insider's enterprises, at the floor's month), so that floor less this is what they knew
  // of the rest of the cell.
  std::vector<double> floor_known;

  bool HasFloor(std::size_t cell) const { return !floors.empty() && floors[cell] != -kUnbounded; }
};

// The largest cell among some (the published ones, say) whose atoms are a strict part of a given
// cell's: an equation less its largest part (a year to date less the month before's) spans the
// same as the two, with a fraction of the entries.
class Parts {
 public:
  // Parts are looked for among the cells flagged in `among` (one flag per cell).
  Parts(const LinearTable& table, const std::vector<bool>& among);
  void Drop(std::size_t cell);  // no longer among them
  std::optional<std::size_t> Largest(std::size_t cell);

 private:
  const LinearTable& table_;
  std::vector<bool> among_;
  std::vector<std::vector<std::uint32_t>> cells_of_atom_;  // those among them, of each atom
  std::vector<std::uint32_t> overlap_;  // Largest()'s count per cell, zero between calls
};

// What the attacker can say of a cell: it lies in [low, high] (±kUnbounded when nothing holds it).
struct Interval {
  double low = -kUnbounded;
  double high = kUnbounded;
};

// Atoms from the members each cell holds (indices below `members`): members in the same cells
// form one atom. `atom_of` receives each member's atom, or -1 for a member of no cell.
struct Atoms {
  std::size_t count = 0;
  std::vector<std::vector<std::uint32_t>> cells;  // each cell's atoms, sorted
  std::vector<std::int32_t> atom_of;              // per member
};
Atoms MakeAtoms(std::size_t members, const std::vector<std::vector<std::uint32_t>>& cell_members);

}  // namespace clusterscope::disclosure
