// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/targets/odds.h"

#include <cmath>
#include <random>

namespace clusterscope::targets {

double LognormalOdds(double actual, double goal, double mean, double sd, double years,
                     bool at_most) {
  // ln(final / actual) ~ N(mean x years, sd² x years); reaching the goal is final >= goal.
  const double needed = std::log(goal / actual);
  const double spread = sd * std::sqrt(years);
  if (spread == 0) return (mean * years >= needed) != at_most ? 1.0 : 0.0;
  const double z = (mean * years - needed) / spread;
  const double above = 0.5 * std::erfc(-z / std::sqrt(2.0));  // Φ(z)
  return at_most ? 1 - above : above;
}

std::optional<Odds> EstimateOdds(const OddsInput& input) {
  const auto n = input.yearly_changes.size();
  if (n < 2 || input.years <= 0 || input.draws == 0) return std::nullopt;
  if (!input.additive && (input.actual <= 0 || input.goal <= 0)) return std::nullopt;
  Odds odds;
  odds.draws = input.draws;
  odds.seed = input.seed;
  odds.history_years = n;
  for (const double c : input.yearly_changes) odds.mean_change += c;
  odds.mean_change /= static_cast<double>(n);
  double squares = 0;
  for (const double c : input.yearly_changes) {
    squares += (c - odds.mean_change) * (c - odds.mean_change);
  }
  odds.sd_change = std::sqrt(squares / static_cast<double>(n - 1));  // sample sd
  if (input.centre) odds.mean_change = *input.centre;

  // Each whole year a draw from N(mean, sd); a part year f from N(mean f, sd² f).
  std::mt19937_64 random(input.seed);
  std::normal_distribution<double> normal(0.0, 1.0);
  const double whole = std::floor(input.years);
  const double part = input.years - whole;
  std::size_t reached = 0;
  for (std::size_t d = 0; d < input.draws; ++d) {
    double change = 0;
    for (int y = 0; y < static_cast<int>(whole); ++y) {
      change += odds.mean_change + odds.sd_change * normal(random);
    }
    if (part > 0) {
      change += odds.mean_change * part + odds.sd_change * std::sqrt(part) * normal(random);
    }
    const double final_value =
        input.additive ? input.actual + change : input.actual * std::exp(change);
    if (input.at_most ? final_value <= input.goal : final_value >= input.goal) ++reached;
  }
  odds.probability = static_cast<double>(reached) / static_cast<double>(input.draws);
  return odds;
}

}  // namespace clusterscope::targets
