// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "null_space.h"

#include <random>
#include <set>

#include <Eigen/Dense>

namespace clusterscope::disclosure {

std::vector<double> FreeDirection(const LinearTable& table, const std::vector<bool>& withheld,
                                  std::uint64_t seed) {
  std::set<std::uint32_t> known;
  for (const auto& [atom, value] : table.known) known.insert(atom);
  std::vector<Eigen::Index> column_of(table.atoms, -1);
  std::vector<std::size_t> atom_of_column;
  for (std::size_t a = 0; a < table.atoms; ++a) {
    if (known.count(static_cast<std::uint32_t>(a)) != 0) continue;
    column_of[a] = static_cast<Eigen::Index>(atom_of_column.size());
    atom_of_column.push_back(a);
  }
  std::vector<std::size_t> rows;
  for (std::size_t c = 0; c < table.cells.size(); ++c) {
    if (!withheld[c] || table.HasFloor(c)) rows.push_back(c);
  }
  const auto n = static_cast<Eigen::Index>(atom_of_column.size());
  std::vector<double> out(table.atoms, 0.0);
  if (n == 0) return out;
  // The dense factorisation needs rows x atoms doubles: beyond kMaxCells (128 MiB) none is
  // given, and the solver bounds each cell instead (a national table would need gigabytes).
  constexpr std::size_t kMaxCells = std::size_t{16} << 20;
  if (rows.size() * atom_of_column.size() > kMaxCells) return {};
  std::mt19937_64 random(seed);
  std::normal_distribution<double> normal;
  Eigen::VectorXd direction;
  if (rows.empty()) {
    direction = Eigen::VectorXd::NullaryExpr(n, [&] { return normal(random); });
  } else {
    Eigen::MatrixXd a = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(rows.size()), n);
    for (std::size_t r = 0; r < rows.size(); ++r) {
      for (const auto atom : table.cells[rows[r]]) {
        if (column_of[atom] >= 0) a(static_cast<Eigen::Index>(r), column_of[atom]) = 1;
      }
    }
    const Eigen::FullPivLU<Eigen::MatrixXd> lu(a);
    if (lu.rank() == n) return out;
    const Eigen::MatrixXd kernel = lu.kernel();
    const Eigen::VectorXd weights =
        Eigen::VectorXd::NullaryExpr(kernel.cols(), [&] { return normal(random); });
    direction = kernel * weights;
  }
  for (Eigen::Index j = 0; j < n; ++j) {
    out[atom_of_column[static_cast<std::size_t>(j)]] = direction(j);
  }
  return out;
}

}  // namespace clusterscope::disclosure
