// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The attacker's linear programmes: given every published cell of a table (and that values are
// not negative where they cannot be), the smallest and largest value a withheld cell can take.
// Solved with GLPK's simplex, each solve starting from the last one's basis, in independent
// parts where the published cells leave the atoms in separate sets.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

#include "clusterscope/disclosure/table.h"

namespace clusterscope::disclosure {

enum class Side { kLow, kHigh };

class Attacker {
 public:
  // Every cell of `table` published at first but those `withheld` (one flag per cell, or empty).
  // The table must outlive the attacker.
  explicit Attacker(const LinearTable& table, const std::vector<bool>& withheld = {});
  ~Attacker();
  Attacker(const Attacker&) = delete;
  Attacker& operator=(const Attacker&) = delete;

  // The cell's figure is no longer published: the attacker loses its equation.
  void Withhold(std::size_t cell);
  bool withheld(std::size_t cell) const { return withheld_[cell]; }

  // The interval the published cells leave `cell`; nullopt when the solver failed (treat the
  // cell as exposed).
  // Only the sides asked for are solved (the other is left unbounded, with no binding cells and
  // no point).
  std::optional<Interval> Bounds(std::size_t cell, bool low_side = true, bool high_side = true);

  // A point that fits every published figure at which the sum of the atoms' values, each times
  // its weight (one per atom), is least or most; empty when unbounded or unsolved. Many cells
  // at once: where they pull apart, each gets what the others leave it.
  std::vector<double> Extreme(const std::vector<double>& weights, Side side);

  // The published cells whose equations hold the last Bounds() call's bound on `side`: withholding
  // one of them can widen it.
  std::vector<std::size_t> Binding(Side side) const;

  // The atoms' values at the last Bounds() call's optimum on `side` (empty when unbounded): a
  // point that fits every published figure, so every cell's value there is one the attacker
  // cannot rule out.
  const std::vector<double>& Point(Side side) const {
    return side == Side::kLow ? point_low_ : point_high_;
  }

 private:
  struct Block;  // one of GLPK's problems, kept out of this header
  const LinearTable& table_;
  std::vector<bool> withheld_;
  // A cell's row in the programme (an equation, or a floor) is its own less the equation of the
  // largest published cell whose atoms are a strict part of its own (a year to date less the
  // month before's): the same system, as each row takes away only smaller ones, with a fraction
  // of the entries, so a simplex step costs a fraction of the time. (Cells of the same atoms
  // keep a row each: with one, the solver's duals name complements that withhold more.) The
  // rows then tie only some atoms together (a year's months fall apart): each set is a
  // programme of its own, and a row that comes to reach atoms of several joins them.
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  struct Row {
    std::size_t less = kNone;           // the cell taken away from this one's row
    std::vector<std::size_t> parts_of;  // the cells whose rows take this one away
  };
  std::vector<std::uint32_t> RowAtoms(std::size_t cell) const;
  std::unique_ptr<Block> Build(std::vector<std::uint32_t> atoms, std::vector<std::size_t> rows);
  void Index();  // where each atom and row is, after blocks were built
  void SetRow(Block& block, int index, std::size_t cell);  // its coefficients and bounds
  static int IndexOf(const Block& block, std::size_t cell);
  void Reshape(std::size_t cell);  // its row anew, joining blocks if it reaches others
  void ClearObjectives();
  bool Compose(std::vector<double>& point);  // each block's point; false when one has none

  std::vector<Row> rows_;         // per cell
  std::unique_ptr<Parts> parts_;  // among the published cells
  std::vector<std::unique_ptr<Block>> blocks_;
  std::vector<std::size_t> block_of_row_;  // per cell: kNone when it has no row
  std::vector<std::size_t> block_of_atom_;
  std::vector<int> col_of_atom_;  // its column in its block
  std::vector<std::size_t> binding_low_;
  std::vector<std::size_t> binding_high_;
  std::vector<double> point_low_;
  std::vector<double> point_high_;
};

}  // namespace clusterscope::disclosure
