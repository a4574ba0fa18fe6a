// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/disclosure/attacker.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <utility>

#include <glpk.h>

namespace clusterscope::disclosure {
namespace {

// GLPK keeps an environment per thread that only glp_free_env frees: without this, every thread
// that ever solved (the server's workers, the report's parallel threads) leaked it at its end.
struct ThreadSolver {
  ThreadSolver() = default;
  ~ThreadSolver() { glp_free_env(); }
  ThreadSolver(const ThreadSolver&) = delete;
  ThreadSolver& operator=(const ThreadSolver&) = delete;
};

// Called before a thread's first GLPK call: the environment is freed when the thread ends.
void EnsureThreadSolver() {
  thread_local ThreadSolver solver;
  (void)solver;
}

glp_prob* CreateProblem() {
  EnsureThreadSolver();
  return glp_create_prob();
}

}  // namespace

// One independent part of the attacker's programme: atoms that rows tie together, and those
// rows (published cells fixed at their figures, or floors). GLPK counts from 1.
struct Attacker::Block {
  glp_prob* prob = CreateProblem();
  glp_smcp parm{};
  std::vector<std::uint32_t> atoms;  // the atom of each column
  std::vector<std::size_t> rows;     // the cell of each row
  std::vector<int> objective;        // the columns with a coefficient
  bool basis_invalid = false;        // a deleted row took a non-basic variable with it
  bool settled = false;              // its columns hold a point that fits its rows
  Block() {
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.presolve = GLP_OFF;  // keep the basis from one solve to the next
    parm.it_lim = 100000;
  }
  ~Block() { glp_delete_prob(prob); }
  Block(const Block&) = delete;
  Block& operator=(const Block&) = delete;

  void ClearObjective() {
    for (const int col : objective) glp_set_obj_coef(prob, col, 0);
    objective.clear();
  }

  // Solves in `direction`; the optimum, ±kUnbounded, or nullopt when the solver failed. The
  // last basis first; when that ends badly (a stale basis, or a large table's rounding, can end
  // in a false "no feasible point"), again from an advanced basis, then from the standard one
  // with the dual simplex, then with the presolver.
  std::optional<double> Solve(int direction) {
    if (basis_invalid) glp_adv_basis(prob, 0);
    basis_invalid = false;
    glp_set_obj_dir(prob, direction);
    for (int attempt = 0; attempt < 4; ++attempt) {
      glp_smcp p = parm;
      if (attempt == 1) glp_adv_basis(prob, 0);
      if (attempt >= 2) glp_std_basis(prob);
      if (attempt == 2) p.meth = GLP_DUALP;
      if (attempt == 3) p.presolve = GLP_ON;
      if (glp_simplex(prob, &p) != 0) continue;
      settled = glp_get_prim_stat(prob) == GLP_FEAS;
      switch (glp_get_status(prob)) {
        case GLP_OPT:
          return glp_get_obj_val(prob);
        case GLP_UNBND:
          return direction == GLP_MAX ? kUnbounded : -kUnbounded;
        default:
          break;
      }
    }
    settled = false;
    return std::nullopt;
  }
};

Attacker::Attacker(const LinearTable& table, const std::vector<bool>& withheld)
    : table_(table),
      withheld_(table.cells.size(), false),
      rows_(table.cells.size()),
      block_of_row_(table.cells.size(), kNone),
      block_of_atom_(table.atoms, kNone),
      col_of_atom_(table.atoms, 0) {
  EnsureThreadSolver();
  glp_term_out(GLP_OFF);  // the library's progress lines, on this thread
  for (std::size_t c = 0; c < withheld.size() && c < table.cells.size(); ++c) {
    withheld_[c] = withheld[c];
  }
  std::vector<bool> published;
  for (const bool w : withheld_) published.push_back(!w);
  parts_ = std::make_unique<Parts>(table, published);
  std::vector<std::size_t> row_cells;
  for (std::size_t c = 0; c < table.cells.size(); ++c) {
    if (table.cells[c].empty() || (withheld_[c] && !table.HasFloor(c))) continue;
    row_cells.push_back(c);
    rows_[c].less = parts_->Largest(c).value_or(kNone);
    if (rows_[c].less != kNone) rows_[rows_[c].less].parts_of.push_back(c);
  }
  // The atoms that rows tie together, each set a block of its own (a year's months, once a year
  // to date is the month before's and its month): the simplex's steps cost with the size of
  // the programme they run in. Atoms in no row make one block.
  std::vector<std::size_t> root(table.atoms);
  std::iota(root.begin(), root.end(), 0);
  const auto find = [&](std::size_t a) {
    while (root[a] != a) a = root[a] = root[root[a]];
    return a;
  };
  std::vector<std::vector<std::uint32_t>> row_atoms;
  for (const auto c : row_cells) {
    row_atoms.push_back(RowAtoms(c));
    const auto& atoms = row_atoms.back();
    for (std::size_t i = 1; i < atoms.size(); ++i) root[find(atoms[i])] = find(atoms[0]);
  }
  std::vector<bool> in_row(table.atoms, false);
  for (const auto& atoms : row_atoms) {
    for (const auto a : atoms) in_row[a] = true;
  }
  std::map<std::size_t, std::size_t> block_of_root;
  std::vector<std::vector<std::uint32_t>> block_atoms;
  for (std::size_t a = 0; a < table.atoms; ++a) {
    const std::size_t key = in_row[a] ? find(a) : table.atoms;  // (the loose atoms' block)
    const auto [at, fresh] = block_of_root.try_emplace(key, block_atoms.size());
    if (fresh) block_atoms.emplace_back();
    block_atoms[at->second].push_back(static_cast<std::uint32_t>(a));
  }
  std::vector<std::vector<std::size_t>> block_rows(block_atoms.size());
  for (std::size_t i = 0; i < row_cells.size(); ++i) {
    const std::size_t key = find(row_atoms[i].front());
    block_rows[block_of_root.at(key)].push_back(row_cells[i]);
  }
  for (std::size_t b = 0; b < block_atoms.size(); ++b) {
    blocks_.push_back(Build(std::move(block_atoms[b]), std::move(block_rows[b])));
  }
  Index();
}

Attacker::~Attacker() = default;

std::vector<std::uint32_t> Attacker::RowAtoms(std::size_t cell) const {
  const std::size_t less = rows_[cell].less;
  if (less == kNone) return table_.cells[cell];
  std::vector<std::uint32_t> rest;
  std::set_difference(table_.cells[cell].begin(), table_.cells[cell].end(),
                      table_.cells[less].begin(), table_.cells[less].end(),
                      std::back_inserter(rest));
  return rest;
}

std::unique_ptr<Attacker::Block> Attacker::Build(std::vector<std::uint32_t> atoms,
                                                 std::vector<std::size_t> rows) {
  auto block = std::make_unique<Block>();
  block->atoms = std::move(atoms);
  block->rows = std::move(rows);
  glp_prob* p = block->prob;
  if (!block->atoms.empty()) glp_add_cols(p, static_cast<int>(block->atoms.size()));
  if (!block->rows.empty()) glp_add_rows(p, static_cast<int>(block->rows.size()));
  std::map<std::uint32_t, double> known(table_.known.begin(), table_.known.end());
  for (std::size_t i = 0; i < block->atoms.size(); ++i) {
    const int col = static_cast<int>(i) + 1;
    col_of_atom_[block->atoms[i]] = col;
    const auto at = known.find(block->atoms[i]);
    if (at != known.end()) {
      glp_set_col_bnds(p, col, GLP_FX, at->second, at->second);
    } else {
      glp_set_col_bnds(p, col, table_.non_negative ? GLP_LO : GLP_FR, 0, 0);
    }
  }
  for (std::size_t r = 0; r < block->rows.size(); ++r) {
    SetRow(*block, static_cast<int>(r) + 1, block->rows[r]);
  }
  glp_scale_prob(p, GLP_SF_AUTO);
  glp_adv_basis(p, 0);
  return block;
}

void Attacker::Index() {
  for (std::size_t b = 0; b < blocks_.size(); ++b) {
    const Block& block = *blocks_[b];
    for (std::size_t i = 0; i < block.atoms.size(); ++i) {
      block_of_atom_[block.atoms[i]] = b;
      col_of_atom_[block.atoms[i]] = static_cast<int>(i) + 1;
    }
    for (const auto cell : block.rows) block_of_row_[cell] = b;
  }
}

void Attacker::SetRow(Block& block, int index, std::size_t cell) {
  const auto atoms = RowAtoms(cell);
  const std::size_t less = rows_[cell].less;
  const double part = less == kNone ? 0.0 : table_.values[less];
  std::vector<int> ind{0};
  std::vector<double> val{0};
  for (const auto a : atoms) {
    ind.push_back(col_of_atom_[a]);
    val.push_back(1.0);
  }
  glp_set_mat_row(block.prob, index, static_cast<int>(atoms.size()), ind.data(), val.data());
  if (!withheld_[cell]) {
    const double value = table_.values[cell] - part;
    glp_set_row_bnds(block.prob, index, GLP_FX, value, value);
  } else {  // a floor, less the part's figure
    glp_set_row_bnds(block.prob, index, GLP_LO, table_.floors[cell] - part, 0);
  }
  block.settled = false;
}

int Attacker::IndexOf(const Block& block, std::size_t cell) {
  return static_cast<int>(std::find(block.rows.begin(), block.rows.end(), cell) -
                          block.rows.begin()) +
         1;
}

void Attacker::Reshape(std::size_t cell) {
  // A row that now reaches atoms of other blocks joins them all into one.
  std::set<std::size_t> joined{block_of_row_[cell]};
  for (const auto a : RowAtoms(cell)) joined.insert(block_of_atom_[a]);
  if (joined.size() > 1) {
    std::vector<std::uint32_t> atoms;
    std::vector<std::size_t> rows;
    for (const auto b : joined) {
      atoms.insert(atoms.end(), blocks_[b]->atoms.begin(), blocks_[b]->atoms.end());
      rows.insert(rows.end(), blocks_[b]->rows.begin(), blocks_[b]->rows.end());
    }
    for (auto b = joined.rbegin(); b != joined.rend(); ++b) {
      blocks_.erase(blocks_.begin() + static_cast<std::ptrdiff_t>(*b));
    }
    blocks_.push_back(Build(std::move(atoms), std::move(rows)));
    Index();
    return;  // (built with the row as it is now)
  }
  Block& block = *blocks_[block_of_row_[cell]];
  SetRow(block, IndexOf(block, cell), cell);
}

void Attacker::Withhold(std::size_t cell) {
  if (withheld_[cell]) return;
  withheld_[cell] = true;
  parts_->Drop(cell);
  Row& row = rows_[cell];
  const bool floor = table_.HasFloor(cell);
  if (!floor && block_of_row_[cell] != kNone) {  // its row goes
    if (row.less != kNone) {
      auto& parts_of = rows_[row.less].parts_of;
      parts_of.erase(std::find(parts_of.begin(), parts_of.end(), cell));
      row.less = kNone;
    }
    Block& block = *blocks_[block_of_row_[cell]];
    const int index = IndexOf(block, cell);
    const bool basic = glp_get_row_stat(block.prob, index) == GLP_BS;
    const std::array<int, 2> doomed{0, index};
    glp_del_rows(block.prob, 1, doomed.data());
    block.rows.erase(block.rows.begin() + (index - 1));
    block_of_row_[cell] = kNone;
    block.settled = false;
    // A basic row leaves a valid basis behind; a non-basic one does not: a fresh one before the
    // next solve (once for many cells withheld together).
    if (!basic) block.basis_invalid = true;
  }
  // No longer an equation: the rows that took it away take another part, or none. (Its own row,
  // a floor from now on, keeps its part.)
  const auto wholes = std::exchange(row.parts_of, {});
  for (const auto whole : wholes) {
    rows_[whole].less = parts_->Largest(whole).value_or(kNone);
    if (rows_[whole].less != kNone) rows_[rows_[whole].less].parts_of.push_back(whole);
  }
  for (const auto whole : wholes) Reshape(whole);
  if (floor && block_of_row_[cell] != kNone) Reshape(cell);  // a bound from below now
}

void Attacker::ClearObjectives() {
  for (auto& block : blocks_) block->ClearObjective();
}

bool Attacker::Compose(std::vector<double>& point) {
  point.assign(table_.atoms, 0.0);
  for (auto& block : blocks_) {
    // A block the last solves did not touch, changed since its own: any point that fits it.
    if (!block->settled && !block->Solve(GLP_MIN)) {
      point.clear();
      return false;
    }
    for (std::size_t i = 0; i < block->atoms.size(); ++i) {
      point[block->atoms[i]] = glp_get_col_prim(block->prob, static_cast<int>(i) + 1);
    }
  }
  return true;
}

std::optional<Interval> Attacker::Bounds(std::size_t cell, bool low_side, bool high_side) {
  ClearObjectives();
  std::set<std::size_t> touched;
  for (const auto a : table_.cells[cell]) {
    Block& block = *blocks_[block_of_atom_[a]];
    glp_set_obj_coef(block.prob, col_of_atom_[a], 1);
    block.objective.push_back(col_of_atom_[a]);
    touched.insert(block_of_atom_[a]);
  }
  // The published cells with a non-zero dual at the optimum: withholding one frees the bound.
  // A row is its cell's equation less its part's, so a cell's dual is its row's less those of
  // the rows that take it away.
  const auto binding = [&](std::vector<std::size_t>& out) {
    out.clear();
    std::map<std::size_t, double> dual;  // published cell -> its dual in its own terms
    for (const auto b : touched) {
      const Block& block = *blocks_[b];
      for (std::size_t r = 0; r < block.rows.size(); ++r) {
        const std::size_t c = block.rows[r];
        const double y = glp_get_row_dual(block.prob, static_cast<int>(r) + 1);
        if (!withheld_[c]) dual[c] += y;  // (a floor: nothing more to withhold)
        if (rows_[c].less != kNone) dual[rows_[c].less] -= y;
      }
    }
    for (const auto& [c, y] : dual) {
      if (std::abs(y) > 1e-9) out.push_back(c);
    }
  };
  // Each block's optimum, summed: the cell's parts in different blocks move independently.
  const auto solve = [&](int direction) -> std::optional<double> {
    double total = 0;
    for (const auto b : touched) {
      const auto optimum = blocks_[b]->Solve(direction);
      if (!optimum) return std::nullopt;
      total += *optimum;
    }
    return total;
  };
  // One side: its bound, and the cells and point behind it; false when the solver failed.
  const auto side = [&](int direction, double& bound, std::vector<std::size_t>& cells,
                        std::vector<double>& point) {
    const auto optimum = solve(direction);
    if (!optimum) return false;
    bound = *optimum;
    binding(cells);
    if (!std::isinf(bound)) Compose(point);
    return true;
  };
  Interval out;
  binding_low_.clear();
  binding_high_.clear();
  point_low_.clear();
  point_high_.clear();
  if (low_side && !side(GLP_MIN, out.low, binding_low_, point_low_)) return std::nullopt;
  if (high_side && !side(GLP_MAX, out.high, binding_high_, point_high_)) return std::nullopt;
  return out;
}

std::vector<double> Attacker::Extreme(const std::vector<double>& weights, Side side) {
  ClearObjectives();
  std::set<std::size_t> touched;
  for (std::size_t a = 0; a < weights.size(); ++a) {
    if (weights[a] == 0) continue;
    Block& block = *blocks_[block_of_atom_[a]];
    glp_set_obj_coef(block.prob, col_of_atom_[a], weights[a]);
    block.objective.push_back(col_of_atom_[a]);
    touched.insert(block_of_atom_[a]);
  }
  std::vector<double> out;
  for (const auto b : touched) {
    const auto optimum = blocks_[b]->Solve(side == Side::kLow ? GLP_MIN : GLP_MAX);
    if (!optimum || std::isinf(*optimum)) return out;
  }
  Compose(out);
  return out;
}

std::vector<std::size_t> Attacker::Binding(Side side) const {
  return side == Side::kLow ? binding_low_ : binding_high_;
}

}  // namespace clusterscope::disclosure
