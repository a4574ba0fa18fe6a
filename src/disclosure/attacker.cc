// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/disclosure/attacker.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <glpk.h>

namespace clusterscope::disclosure {

// Rows are the published cells, fixed at their figures (a withheld cell's row is deleted: the
// basis stays as small as what is published); columns are the atoms. GLPK counts from 1.
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

Attacker::Attacker(const LinearTable& table)
    : table_(table), withheld_(table.cells.size(), false), lp_(std::make_unique<Lp>()) {
  for (std::size_t c = 0; c < table.cells.size(); ++c) row_cell_.push_back(c);
  glp_term_out(GLP_OFF);  // the library's progress lines, on this thread
  glp_prob* p = lp_->prob;
  const int rows = static_cast<int>(table.cells.size());
  const int cols = static_cast<int>(table.atoms);
  if (rows > 0) glp_add_rows(p, rows);
  if (cols > 0) glp_add_cols(p, cols);
  std::vector<int> ia{0};
  std::vector<int> ja{0};
  std::vector<double> ar{0};
  for (int r = 0; r < rows; ++r) {
    const double v = table.values[static_cast<std::size_t>(r)];
    glp_set_row_bnds(p, r + 1, GLP_FX, v, v);
    for (const auto atom : table.cells[static_cast<std::size_t>(r)]) {
      ia.push_back(r + 1);
      ja.push_back(static_cast<int>(atom) + 1);
      ar.push_back(1.0);
    }
  }
  for (int c = 1; c <= cols; ++c) {
    glp_set_col_bnds(p, c, table.non_negative ? GLP_LO : GLP_FR, 0, 0);
  }
  for (const auto& [atom, value] : table.known) {
    glp_set_col_bnds(p, static_cast<int>(atom) + 1, GLP_FX, value, value);
  }
  glp_load_matrix(p, static_cast<int>(ia.size()) - 1, ia.data(), ja.data(), ar.data());
  glp_scale_prob(p, GLP_SF_AUTO);
  glp_adv_basis(p, 0);
}

Attacker::~Attacker() = default;

void Attacker::Withhold(std::size_t cell) {
  if (withheld_[cell]) return;
  withheld_[cell] = true;
  const auto at = std::find(row_cell_.begin(), row_cell_.end(), cell);
  if (table_.HasFloor(cell)) {  // the row stays, as a bound from below
    const int row = static_cast<int>(at - row_cell_.begin()) + 1;
    glp_set_row_bnds(lp_->prob, row, GLP_LO, table_.floors[cell], 0);
    return;
  }
  const int row = static_cast<int>(at - row_cell_.begin()) + 1;
  const bool basic = glp_get_row_stat(lp_->prob, row) == GLP_BS;
  const std::array<int, 2> rows{0, row};
  glp_del_rows(lp_->prob, 1, rows.data());
  row_cell_.erase(at);
  // A basic row leaves a valid basis behind; a non-basic one does not: a fresh one before the
  // next solve (once for many cells withheld together).
  if (!basic) basis_invalid_ = true;
}

std::optional<Interval> Attacker::Bounds(std::size_t cell) {
  glp_prob* p = lp_->prob;
  if (basis_invalid_) glp_adv_basis(p, 0);
  basis_invalid_ = false;
  for (const auto atom : lp_->objective) glp_set_obj_coef(p, static_cast<int>(atom) + 1, 0);
  lp_->objective = table_.cells[cell];
  for (const auto atom : lp_->objective) glp_set_obj_coef(p, static_cast<int>(atom) + 1, 1);
  // The published cells with a non-zero dual at the optimum: withholding one frees the bound.
  const auto binding = [&](std::vector<std::size_t>& out) {
    out.clear();
    for (std::size_t r = 0; r < row_cell_.size(); ++r) {
      if (withheld_[row_cell_[r]]) continue;  // a floor: nothing more to withhold
      if (std::abs(glp_get_row_dual(p, static_cast<int>(r) + 1)) > 1e-9) {
        out.push_back(row_cell_[r]);
      }
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
  const auto low = lp_->Solve(GLP_MIN);
  if (!low) return std::nullopt;
  out.low = *low;
  binding(binding_low_);
  point(out.low, point_low_);
  const auto high = lp_->Solve(GLP_MAX);
  if (!high) return std::nullopt;
  out.high = *high;
  binding(binding_high_);
  point(out.high, point_high_);
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
