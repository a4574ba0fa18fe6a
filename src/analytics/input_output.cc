// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/analytics/input_output.h"

#include <cmath>
#include <set>

#include <Eigen/Dense>
#include <fmt/format.h>

namespace clusterscope::analytics {
namespace {

using Eigen::MatrixXd;
using Eigen::VectorXd;

std::vector<double> ToVector(const VectorXd& v) { return {v.data(), v.data() + v.size()}; }

std::vector<std::vector<double>> ToRows(const MatrixXd& m) {
  std::vector<std::vector<double>> rows(static_cast<std::size_t>(m.rows()));
  for (Eigen::Index i = 0; i < m.rows(); ++i)
    rows[static_cast<std::size_t>(i)] = ToVector(m.row(i));
  return rows;
}

// (I − M)⁻¹, or InvalidArgument when I − M is singular (the economy cannot produce its own
// inputs).
Result<MatrixXd> InverseOfIdentityMinus(const MatrixXd& m, const char* what) {
  const MatrixXd system = MatrixXd::Identity(m.rows(), m.cols()) - m;
  Eigen::FullPivLU<MatrixXd> lu(system);
  if (!lu.isInvertible()) {
    return Error(Status::InvalidArgument(fmt::format("I − {} is singular: no inverse", what)));
  }
  return MatrixXd(lu.inverse());
}

}  // namespace

Result<InputOutputAnalysis> AnalyseInputOutput(const InputOutputTable& table) {
  const std::size_t n = table.sectors.size();
  if (n == 0) return Error(Status::InvalidArgument("the table has no sectors"));
  std::set<std::string> seen;
  for (const auto& s : table.sectors) {
    if (!seen.insert(s).second) {
      return Error(Status::InvalidArgument(fmt::format("sector '{}' is named twice", s)));
    }
  }
  if (table.flows.size() != n || table.final_demand.size() != n) {
    return Error(Status::InvalidArgument(
        fmt::format("the table is not square: {} sectors, {} rows of flows, {} final demands", n,
                    table.flows.size(), table.final_demand.size())));
  }
  const auto size = static_cast<Eigen::Index>(n);
  MatrixXd z(size, size);
  VectorXd f(size);
  for (std::size_t i = 0; i < n; ++i) {
    if (table.flows[i].size() != n) {
      return Error(Status::InvalidArgument(
          fmt::format("row '{}' has {} flows for {} sectors: the table is not square",
                      table.sectors[i], table.flows[i].size(), n)));
    }
    for (std::size_t j = 0; j < n; ++j) {
      const double v = table.flows[i][j];
      if (!std::isfinite(v) || v < 0) {
        return Error(
            Status::InvalidArgument(fmt::format("flow from '{}' to '{}' is {}: flows are 0 or more",
                                                table.sectors[i], table.sectors[j], v)));
      }
      z(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = v;
    }
    if (!std::isfinite(table.final_demand[i])) {
      return Error(Status::InvalidArgument(
          fmt::format("final demand of '{}' is not a number", table.sectors[i])));
    }
    f(static_cast<Eigen::Index>(i)) = table.final_demand[i];
  }
  const VectorXd x = z.rowwise().sum() + f;
  for (std::size_t i = 0; i < n; ++i) {
    if (!(x(static_cast<Eigen::Index>(i)) > 0)) {
      return Error(Status::InvalidArgument(fmt::format(
          "sector '{}' has no output (its flows and final demand sum to {}): its coefficients "
          "are undefined",
          table.sectors[i], x(static_cast<Eigen::Index>(i)))));
    }
  }
  const MatrixXd a = z * x.cwiseInverse().asDiagonal();  // a_ij = z_ij / x_j
  auto l = InverseOfIdentityMinus(a, "A");
  if (!l) return Error(l.error());
  const MatrixXd b = x.cwiseInverse().asDiagonal() * z;  // Ghosh: b_ij = z_ij / x_i
  auto g = InverseOfIdentityMinus(b, "B (Ghosh)");
  if (!g) return Error(g.error());

  InputOutputAnalysis out;
  out.output = ToVector(x);
  out.coefficients = ToRows(a);
  out.leontief_inverse = ToRows(*l);
  const VectorXd columns = l->colwise().sum().transpose();
  const VectorXd rows = l->rowwise().sum();
  const double sum_l = l->sum();
  const double sum_g = g->sum();
  const double count = static_cast<double>(n);
  out.output_multipliers = ToVector(columns);
  out.backward_linkage = ToVector(columns * (count / sum_l));
  out.forward_linkage = ToVector(rows * (count / sum_l));
  out.forward_linkage_ghosh = ToVector(VectorXd(g->rowwise().sum()) * (count / sum_g));
  for (std::size_t i = 0; i < n; ++i) {
    const bool backward = out.backward_linkage[i] > 1;
    const bool forward = out.forward_linkage[i] > 1;
    out.key_sectors.push_back(backward && forward ? "key"
                              : backward          ? "backward"
                              : forward           ? "forward"
                                                  : "none");
  }
  return out;
}

Result<std::vector<double>> OutputChange(const InputOutputAnalysis& analysis,
                                         const std::vector<double>& demand_change) {
  const std::size_t n = analysis.leontief_inverse.size();
  if (demand_change.size() != n) {
    return Error(Status::InvalidArgument(
        fmt::format("{} demand changes for {} sectors", demand_change.size(), n)));
  }
  std::vector<double> out(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j)
      out[i] += analysis.leontief_inverse[i][j] * demand_change[j];
  }
  return out;
}

}  // namespace clusterscope::analytics
