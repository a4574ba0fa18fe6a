// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/analytics/concentration.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace clusterscope::analytics {
namespace {

double Sum(std::span<const double> values) {
  return std::accumulate(values.begin(), values.end(), 0.0);
}

// The mean of a non-empty distribution with a positive total (the entropy measures' base).
std::optional<double> PositiveMean(std::span<const double> values) {
  const double total = Sum(values);
  if (values.empty() || total <= 0) return std::nullopt;
  return total / static_cast<double>(values.size());
}

}  // namespace

std::optional<double> LocationQuotient(double x_rj, double x_r, double x_j, double x) {
  if (x_r == 0 || x_j == 0 || x == 0) return std::nullopt;
  return (x_rj / x_r) / (x_j / x);
}

std::vector<std::optional<double>> LocationQuotients(const RegionIndustryMatrix& matrix) {
  const auto rows = matrix.RegionTotals();
  const auto columns = matrix.IndustryTotals();
  const double total = matrix.Total();
  const std::size_t n = columns.size();
  std::vector<std::optional<double>> out(rows.size() * n);
  // Absent cells are 0: their quotient is 0 where the totals are not.
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (std::size_t j = 0; j < n; ++j)
      out[r * n + j] = LocationQuotient(0, rows[r], columns[j], total);
  }
  for (const auto& c : matrix.cells()) {
    out[c.region * n + c.industry] =
        LocationQuotient(c.value, rows[c.region], columns[c.industry], total);
  }
  return out;
}

std::optional<double> Krugman(std::span<const double> a, std::span<const double> b) {
  const double total_a = Sum(a), total_b = Sum(b);
  if (a.size() != b.size() || total_a == 0 || total_b == 0) return std::nullopt;
  double sum = 0;
  for (std::size_t i = 0; i < a.size(); ++i) sum += std::abs(a[i] / total_a - b[i] / total_b);
  return sum;
}

std::optional<double> Hoover(std::span<const double> a, std::span<const double> b) {
  const auto k = Krugman(a, b);
  return k ? std::optional<double>(*k / 2) : std::nullopt;
}

std::optional<double> KrugmanSpecialisation(const RegionIndustryMatrix& matrix,
                                            std::size_t region) {
  const auto row = matrix.Row(region);
  const auto nation = matrix.IndustryTotals();
  return Krugman(row, nation);
}

std::optional<double> HooverLocalisation(const RegionIndustryMatrix& matrix, std::size_t industry) {
  std::vector<double> column(matrix.regions().size(), 0.0);
  for (const auto& c : matrix.cells()) {
    if (c.industry == industry) column[c.region] = c.value;
  }
  const auto totals = matrix.RegionTotals();
  return Hoover(column, totals);
}

std::optional<double> Herfindahl(std::span<const double> values) {
  const double total = Sum(values);
  if (total == 0) return std::nullopt;
  double h = 0;
  for (double v : values) h += (v / total) * (v / total);
  return h;
}

std::optional<double> HerfindahlNormalised(std::span<const double> values) {
  const auto h = Herfindahl(values);
  const double n = static_cast<double>(values.size());
  if (!h || values.size() < 2) return std::nullopt;
  return (*h - 1 / n) / (1 - 1 / n);
}

std::optional<double> Gini(std::span<const double> values) {
  const double n = static_cast<double>(values.size());
  const double total = Sum(values);
  if (values.empty() || total == 0) return std::nullopt;
  // ΣΣ|x_i − x_j| from the sorted values: each x_(k) is above k of them and below n − k − 1.
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  double pairs = 0;
  for (std::size_t k = 0; k < sorted.size(); ++k) {
    pairs += sorted[k] * (2 * static_cast<double>(k) - n + 1);
  }
  const double mean = total / n;
  return 2 * pairs / (2 * n * n * mean);
}

std::optional<double> Theil(std::span<const double> values) {
  const auto mean = PositiveMean(values);
  if (!mean) return std::nullopt;
  double sum = 0;
  for (double v : values) {
    if (v <= 0) return std::nullopt;
    sum += std::log(*mean / v);
  }
  return sum / static_cast<double>(values.size());
}

std::optional<double> TheilT(std::span<const double> values) {
  const auto mean = PositiveMean(values);
  if (!mean) return std::nullopt;
  double sum = 0;
  for (double v : values) {
    if (v < 0) return std::nullopt;
    if (v > 0) sum += v / *mean * std::log(v / *mean);
  }
  return sum / static_cast<double>(values.size());
}

std::optional<double> LitzenbergerSternberg(double e_ij, double e_i, double a_j, double a,
                                            double p_j, double p, double b_ij, double b_i) {
  if (e_i == 0 || a_j == 0 || a == 0 || p_j == 0 || p == 0 || b_ij == 0 || b_i == 0 || e_ij == 0) {
    return std::nullopt;
  }
  const double density = (e_ij / a_j) / (e_i / a);
  const double stock = (e_ij / p_j) / (e_i / p);
  const double size = (e_ij / b_ij) / (e_i / b_i);
  return density * stock / size;
}

std::optional<double> EllisonGlaeser(std::span<const double> industry_by_region,
                                     std::span<const double> total_by_region,
                                     std::span<const double> plant_sizes) {
  const double industry = Sum(industry_by_region), total = Sum(total_by_region);
  if (industry_by_region.size() != total_by_region.size() || industry == 0 || total == 0) {
    return std::nullopt;
  }
  double g = 0, x2 = 0;
  for (std::size_t r = 0; r < total_by_region.size(); ++r) {
    const double s = industry_by_region[r] / industry, x = total_by_region[r] / total;
    g += (s - x) * (s - x);
    x2 += x * x;
  }
  const auto h = Herfindahl(plant_sizes);
  if (!h || 1 - x2 <= 0 || 1 - *h <= 0) return std::nullopt;
  return (g - (1 - x2) * *h) / ((1 - x2) * (1 - *h));
}

}  // namespace clusterscope::analytics
