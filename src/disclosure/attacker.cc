// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/disclosure/attacker.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <utility>

#include <glpk.h>

namespace clusterscope::disclosure {

// Rows are the published cells, fixed at their figures (a withheld cell's row is deleted: the
// basis stays as small as what is published; or kept as a bound from below when the cell has a
// floor); columns are the atoms. GLPK counts from 1.
struct Attacker::Lp {
  glp_prob* prob = glp_create_prob();
  glp_smcp parm{};
  std::vector<std::uint32_t> objective;  // the atoms of the last cell asked for
  Lp() {
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.presolve = GLP_OFF;  // keep the basis from one solve to the next
    parm.it_lim = 100000;
  }
  ~Lp() { glp_delete_prob(prob); }
  Lp(const Lp&) = delete;
  Lp& operator=(const Lp&) = delete;

  // Solves in `direction`; the optimum, ±kUnbounded, or nullopt when the solver failed. The
  // last basis first; when that ends badly (a stale basis, or a large table's rounding, can end
  // in a false "no feasible point"), again from an advanced basis, then from the standard one
  // with the dual simplex, then with the presolver.
  std::optional<double> Solve(int direction) {
    glp_set_obj_dir(prob, direction);
    for (int attempt = 0; attempt < 4; ++attempt) {
      glp_smcp p = parm;
      if (attempt == 1) glp_adv_basis(prob, 0);
      if (attempt >= 2) glp_std_basis(prob);
      if (attempt == 2) p.meth = GLP_DUALP;
      if (attempt == 3) p.presolve = GLP_ON;
      if (glp_simplex(prob, &p) != 0) continue;
      switch (glp_get_status(prob)) {
        case GLP_OPT:
          return glp_get_obj_val(prob);
        case GLP_UNBND:
          return direction == GLP_MAX ? kUnbounded : -kUnbounded;
        default:
          break;
      }
    }
    return std::nullopt;
  }
};

Attacker::Attacker(const LinearTable& table, const std::vector<bool>& withheld)
    : table_(table),
      withheld_(table.cells.size(), false),
      rows_(table.cells.size()),
      lp_(std::make_unique<Lp>()) {
  for (std::size_t c = 0; c < withheld.size() && c < table.cells.size(); ++c) {
    withheld_[c] = withheld[c];
  }
  std::vector<bool> published;
  for (const bool w : withheld_) published.push_back(!w);
  parts_ = std::make_unique<Parts>(table, published);
  glp_term_out(GLP_OFF);  // the library's progress lines, on this thread
  glp_prob* p = lp_->prob;
  for (std::size_t c = 0; c < table.cells.size(); ++c) {
    if (!withheld_[c] || table.HasFloor(c)) lp_row_.push_back(c);
  }
  const int cols = static_cast<int>(table.atoms);
  if (!lp_row_.empty()) glp_add_rows(p, static_cast<int>(lp_row_.size()));
  if (cols > 0) glp_add_cols(p, cols);
  for (int c = 1; c <= cols; ++c) {
    glp_set_col_bnds(p, c, table.non_negative ? GLP_LO : GLP_FR, 0, 0);
  }
  for (const auto& [atom, value] : table.known) {
    glp_set_col_bnds(p, static_cast<int>(atom) + 1, GLP_FX, value, value);
  }
  for (const auto cell : lp_row_) {
    rows_[cell].less = parts_->Largest(cell).value_or(kNone);
    if (rows_[cell].less != kNone) rows_[rows_[cell].less].parts_of.push_back(cell);
  }
  for (std::size_t r = 0; r < lp_row_.size(); ++r) SetRow(static_cast<int>(r) + 1, lp_row_[r]);
  glp_scale_prob(p, GLP_SF_AUTO);
  glp_adv_basis(p, 0);
}

Attacker::~Attacker() = default;

void Attacker::SetRow(int index, std::size_t cell) {
  glp_prob* p = lp_->prob;
  const std::size_t less = rows_[cell].less;
  std::vector<std::uint32_t> atoms = table_.cells[cell];
  double value = table_.values[cell];
  if (less != kNone) {
    const auto& part = table_.cells[less];
    std::vector<std::uint32_t> rest;
    std::set_difference(atoms.begin(), atoms.end(), part.begin(), part.end(),
                        std::back_inserter(rest));
    atoms = std::move(rest);
    value -= table_.values[less];
  }
  std::vector<int> ind{0};
  std::vector<double> val{0};
  for (const auto a : atoms) {
    ind.push_back(static_cast<int>(a) + 1);
    val.push_back(1.0);
  }
  glp_set_mat_row(p, index, static_cast<int>(atoms.size()), ind.data(), val.data());
  if (!withheld_[cell]) {
    glp_set_row_bnds(p, index, GLP_FX, value, value);
  } else {  // a floor, less the part's figure
    glp_set_row_bnds(p, index, GLP_LO, table_.floors[cell] - (table_.values[cell] - value), 0);
  }
}

int Attacker::IndexOf(std::size_t cell) const {
  return static_cast<int>(std::find(lp_row_.begin(), lp_row_.end(), cell) - lp_row_.begin()) + 1;
}

void Attacker::Withhold(std::size_t cell) {
  if (withheld_[cell]) return;
  withheld_[cell] = true;
  parts_->Drop(cell);
  // No longer an equation: the rows that took it away take another part, or none. (Its own row,
  // a floor from now on, keeps its part.)
  Row& row = rows_[cell];
  if (row.less != kNone && !table_.HasFloor(cell)) {
    auto& parts_of = rows_[row.less].parts_of;
    parts_of.erase(std::find(parts_of.begin(), parts_of.end(), cell));
    row.less = kNone;
  }
  for (const auto whole : std::exchange(row.parts_of, {})) {
    rows_[whole].less = parts_->Largest(whole).value_or(kNone);
    if (rows_[whole].less != kNone) rows_[rows_[whole].less].parts_of.push_back(whole);
    SetRow(IndexOf(whole), whole);
  }
  const int index = IndexOf(cell);
  if (table_.HasFloor(cell)) {  // the row stays, as a bound from below
    SetRow(index, cell);
    return;
  }
  const bool basic = glp_get_row_stat(lp_->prob, index) == GLP_BS;
  const std::array<int, 2> doomed{0, index};
  glp_del_rows(lp_->prob, 1, doomed.data());
  lp_row_.erase(lp_row_.begin() + (index - 1));
  // A basic row leaves a valid basis behind; a non-basic one does not: a fresh one before the
  // next solve (once for many cells withheld together).
  if (!basic) basis_invalid_ = true;
}

std::optional<Interval> Attacker::Bounds(std::size_t cell, bool low_side, bool high_side) {
  glp_prob* p = lp_->prob;
  if (basis_invalid_) glp_adv_basis(p, 0);
  basis_invalid_ = false;
  for (const auto atom : lp_->objective) glp_set_obj_coef(p, static_cast<int>(atom) + 1, 0);
  lp_->objective = table_.cells[cell];
  for (const auto atom : lp_->objective) glp_set_obj_coef(p, static_cast<int>(atom) + 1, 1);
  // The published cells with a non-zero dual at the optimum: withholding one frees the bound.
  // A row is its cell's equation less its part's, so a cell's dual is its row's less those of
  // the rows that take it away.
  const auto binding = [&](std::vector<std::size_t>& out) {
    out.clear();
    std::map<std::size_t, double> dual;  // published cell -> its dual in its own terms
    for (std::size_t r = 0; r < lp_row_.size(); ++r) {
      const std::size_t c = lp_row_[r];
      const double y = glp_get_row_dual(p, static_cast<int>(r) + 1);
      if (!withheld_[c]) dual[c] += y;  // (a floor: nothing more to withhold)
      if (rows_[c].less != kNone) dual[rows_[c].less] -= y;
    }
    for (const auto& [c, y] : dual) {
      if (std::abs(y) > 1e-9) out.push_back(c);
    }
  };
  const auto point = [&](double optimum, std::vector<double>& out) {
    out.clear();
    if (std::isinf(optimum)) return;
    for (std::size_t a = 0; a < table_.atoms; ++a) {
      out.push_back(glp_get_col_prim(p, static_cast<int>(a) + 1));
    }
  };
  Interval out;
  binding_low_.clear();
  binding_high_.clear();
  point_low_.clear();
  point_high_.clear();
  if (low_side) {
    const auto low = lp_->Solve(GLP_MIN);
    if (!low) return std::nullopt;
    out.low = *low;
    binding(binding_low_);
    point(out.low, point_low_);
  }
  if (high_side) {
    const auto high = lp_->Solve(GLP_MAX);
    if (!high) return std::nullopt;
    out.high = *high;
    binding(binding_high_);
    point(out.high, point_high_);
  }
  return out;
}

std::vector<double> Attacker::Extreme(const std::vector<double>& weights, Side side) {
  glp_prob* p = lp_->prob;
  if (basis_invalid_) glp_adv_basis(p, 0);
  basis_invalid_ = false;
  for (const auto atom : lp_->objective) glp_set_obj_coef(p, static_cast<int>(atom) + 1, 0);
  lp_->objective.clear();
  for (std::size_t a = 0; a < weights.size(); ++a) {
    if (weights[a] == 0) continue;
    glp_set_obj_coef(p, static_cast<int>(a) + 1, weights[a]);
    lp_->objective.push_back(static_cast<std::uint32_t>(a));
  }
  const auto optimum = lp_->Solve(side == Side::kLow ? GLP_MIN : GLP_MAX);
  std::vector<double> out;
  if (!optimum || std::isinf(*optimum)) return out;
  for (std::size_t a = 0; a < table_.atoms; ++a) {
    out.push_back(glp_get_col_prim(p, static_cast<int>(a) + 1));
  }
  return out;
}

std::vector<std::size_t> Attacker::Binding(Side side) const {
  return side == Side::kLow ? binding_low_ : binding_high_;
}

}  // namespace clusterscope::disclosure
