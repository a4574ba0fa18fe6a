// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/disclosure/attacker.h"

#include <cmath>

#include <glpk.h>

namespace clusterscope::disclosure {

// Rows are the cells (fixed at their figure while published, free once withheld), columns the
// atoms. GLPK counts from 1.
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

  // Solves in `direction`; the optimum, ±kUnbounded, or nullopt when the solver failed.
  std::optional<double> Solve(int direction) {
    glp_set_obj_dir(prob, direction);
    if (glp_simplex(prob, &parm) != 0) {
      // A singular or stale basis: start again from a fresh one, once.
      glp_adv_basis(prob, 0);
      if (glp_simplex(prob, &parm) != 0) return std::nullopt;
    }
    switch (glp_get_status(prob)) {
      case GLP_OPT:
        return glp_get_obj_val(prob);
      case GLP_UNBND:
        return direction == GLP_MAX ? kUnbounded : -kUnbounded;
      default:
        return std::nullopt;
    }
  }
};

Attacker::Attacker(const LinearTable& table)
    : table_(table), withheld_(table.cells.size(), false), lp_(std::make_unique<Lp>()) {
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
  glp_load_matrix(p, static_cast<int>(ia.size()) - 1, ia.data(), ja.data(), ar.data());
  glp_scale_prob(p, GLP_SF_AUTO);
  glp_adv_basis(p, 0);
}

Attacker::~Attacker() = default;

void Attacker::Withhold(std::size_t cell) {
  if (withheld_[cell]) return;
  withheld_[cell] = true;
  glp_set_row_bnds(lp_->prob, static_cast<int>(cell) + 1, GLP_FR, 0, 0);
}

std::optional<Interval> Attacker::Bounds(std::size_t cell) {
  glp_prob* p = lp_->prob;
  for (const auto atom : lp_->objective) glp_set_obj_coef(p, static_cast<int>(atom) + 1, 0);
  lp_->objective = table_.cells[cell];
  for (const auto atom : lp_->objective) glp_set_obj_coef(p, static_cast<int>(atom) + 1, 1);
  // The published cells with a non-zero dual at the optimum: withholding one frees the bound.
  const auto binding = [&](std::vector<std::size_t>& out) {
    out.clear();
    for (std::size_t r = 0; r < table_.cells.size(); ++r) {
      if (withheld_[r]) continue;
      if (std::abs(glp_get_row_dual(p, static_cast<int>(r) + 1)) > 1e-9) out.push_back(r);
    }
  };
  Interval out;
  const auto low = lp_->Solve(GLP_MIN);
  if (!low) return std::nullopt;
  out.low = *low;
  binding(binding_low_);
  const auto high = lp_->Solve(GLP_MAX);
  if (!high) return std::nullopt;
  out.high = *high;
  binding(binding_high_);
  return out;
}

std::vector<std::size_t> Attacker::Binding(Side side) const {
  return side == Side::kLow ? binding_low_ : binding_high_;
}

}  // namespace clusterscope::disclosure
