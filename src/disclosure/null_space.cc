// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "null_space.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <random>
#include <set>

#include <Eigen/OrderingMethods>
#include <Eigen/SparseCore>
#include <Eigen/SparseQR>

namespace clusterscope::disclosure {

namespace {

// The rows of the cells a direction must keep (published, or with a floor), each less its largest
// part (the same span, with a fraction of the entries to factorise): per atom, the rows that
// hold it. `rows` receives how many rows there are.
std::vector<std::vector<std::uint32_t>> RowsOfAtoms(const LinearTable& table,
                                                    const std::vector<bool>& withheld,
                                                    std::size_t& rows) {
  std::vector<bool> held;
  for (std::size_t c = 0; c < table.cells.size(); ++c) {
    held.push_back(!withheld[c] || table.HasFloor(c));
  }
  Parts parts(table, held);
  std::vector<std::vector<std::uint32_t>> out(table.atoms);
  rows = 0;
  for (std::size_t c = 0; c < table.cells.size(); ++c) {
    if (!held[c]) continue;
    const auto& atoms = table.cells[c];
    const auto part = parts.Largest(c);
    std::vector<std::uint32_t> rest;
    if (part) {
      std::set_difference(atoms.begin(), atoms.end(), table.cells[*part].begin(),
                          table.cells[*part].end(), std::back_inserter(rest));
    }
    for (const auto a : part ? rest : atoms) out[a].push_back(static_cast<std::uint32_t>(rows));
    ++rows;
  }
  return out;
}

// `sums` (one per class) less its projection on the span of the rows (`rows_of_class`, indices
// below `rows`), through a sparse QR factorisation of the transposed rows (Q's first `rank`
// columns span the rows). False when the block is too large to factorise: the triangular factor
// can fill to rows^2 / 2 doubles, and beyond kMaxCells (128 MiB) no direction is given (the
// solver bounds each cell instead); or when the factorisation is too inexact to trust.
bool Project(const std::vector<std::vector<std::uint32_t>>& rows_of_class, std::size_t rows,
             Eigen::VectorXd& sums) {
  constexpr std::size_t kMaxCells = std::size_t{16} << 20;
  if (rows * rows / 2 > kMaxCells) return false;
  std::vector<Eigen::Triplet<double>> ones;
  for (std::size_t c = 0; c < rows_of_class.size(); ++c) {
    for (const auto r : rows_of_class[c]) {
      ones.emplace_back(static_cast<Eigen::Index>(c), static_cast<Eigen::Index>(r), 1.0);
    }
  }
  Eigen::SparseMatrix<double> transposed(static_cast<Eigen::Index>(rows_of_class.size()),
                                         static_cast<Eigen::Index>(rows));
  transposed.setFromTriplets(ones.begin(), ones.end());
  transposed.makeCompressed();
  Eigen::SparseQR<Eigen::SparseMatrix<double>, Eigen::COLAMDOrdering<int>> qr(transposed);
  if (qr.info() != Eigen::Success) return false;
  Eigen::VectorXd rotated = qr.matrixQ().transpose() * sums;
  rotated.head(qr.rank()).setZero();
  sums = qr.matrixQ() * rotated;
  // A published cell that moves along the direction would make a fixed cell look free: none
  // may move beyond rounding.
  const Eigen::VectorXd moved = transposed.transpose() * sums;
  const double scale = sums.cwiseAbs().maxCoeff();
  for (Eigen::Index r = 0; r < moved.size(); ++r) {
    const double size = static_cast<double>(transposed.col(r).nonZeros());
    if (std::abs(moved(r)) > 1e-11 * scale * std::max(1.0, size)) return false;
  }
  return true;
}

}  // namespace

// Atoms that the same equations hold (the same published cells) move only through their sum as
// far as those cells are concerned, so the null space is that of one column per such class,
// spread over its atoms, plus any change that keeps each class's sum: the factorisation is of
// rows x classes, not rows x atoms.
std::vector<double> FreeDirection(const LinearTable& table, const std::vector<bool>& withheld,
                                  std::uint64_t seed) {
  std::set<std::uint32_t> known;
  for (const auto& [atom, value] : table.known) known.insert(atom);
  std::size_t row_count = 0;
  auto signature = RowsOfAtoms(table, withheld, row_count);
  std::map<std::vector<std::uint32_t>, std::size_t> class_of_signature;
  std::vector<std::vector<std::size_t>> members;    // per class
  std::vector<std::vector<std::uint32_t>> rows_of;  // per class
  for (std::size_t a = 0; a < table.atoms; ++a) {
    if (known.count(static_cast<std::uint32_t>(a)) != 0) continue;
    const auto [at, fresh] = class_of_signature.try_emplace(signature[a], members.size());
    if (fresh) {
      members.emplace_back();
      rows_of.push_back(std::move(signature[a]));
    }
    members[at->second].push_back(a);
  }
  const auto n = static_cast<Eigen::Index>(members.size());
  std::vector<double> out(table.atoms, 0.0);
  if (n == 0) return out;
  std::mt19937_64 random(seed);
  std::normal_distribution<double> normal;
  // The classes' sums: a random vector less its projection on the rows' span, block by block
  // of the rows that classes tie together (a year's months, once the rows are sparse).
  Eigen::VectorXd sums = Eigen::VectorXd::NullaryExpr(n, [&] { return normal(random); });
  std::vector<std::size_t> root(row_count);
  std::iota(root.begin(), root.end(), 0);
  const auto find = [&](std::size_t r) {
    while (root[r] != r) r = root[r] = root[root[r]];
    return r;
  };
  for (const auto& rows : rows_of) {
    for (std::size_t i = 1; i < rows.size(); ++i) root[find(rows[i])] = find(rows[0]);
  }
  std::map<std::size_t, std::vector<std::size_t>> classes_of_block;
  for (std::size_t c = 0; c < rows_of.size(); ++c) {
    if (!rows_of[c].empty()) classes_of_block[find(rows_of[c].front())].push_back(c);
  }
  for (const auto& [block, classes] : classes_of_block) {
    std::map<std::uint32_t, std::uint32_t> local;  // row -> its index in the block
    std::vector<std::vector<std::uint32_t>> local_rows;
    Eigen::VectorXd local_sums(static_cast<Eigen::Index>(classes.size()));
    for (std::size_t i = 0; i < classes.size(); ++i) {
      auto& rows = local_rows.emplace_back();
      for (const auto r : rows_of[classes[i]]) {
        rows.push_back(
            local.try_emplace(r, static_cast<std::uint32_t>(local.size())).first->second);
      }
      local_sums(static_cast<Eigen::Index>(i)) = sums(static_cast<Eigen::Index>(classes[i]));
    }
    if (!Project(local_rows, local.size(), local_sums)) return {};
    for (std::size_t i = 0; i < classes.size(); ++i) {
      sums(static_cast<Eigen::Index>(classes[i])) = local_sums(static_cast<Eigen::Index>(i));
    }
  }
  // Each class's sum spread evenly, plus a random change that keeps it.
  for (Eigen::Index c = 0; c < n; ++c) {
    const auto& atoms = members[static_cast<std::size_t>(c)];
    std::vector<double> shift;
    double mean = 0;
    for (std::size_t i = 0; i < atoms.size(); ++i) {
      shift.push_back(atoms.size() > 1 ? normal(random) : 0.0);
      mean += shift.back();
    }
    mean /= static_cast<double>(atoms.size());
    for (std::size_t i = 0; i < atoms.size(); ++i) {
      out[atoms[i]] = sums(c) / static_cast<double>(atoms.size()) + shift[i] - mean;
    }
  }
  return out;
}

}  // namespace clusterscope::disclosure
