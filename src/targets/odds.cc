// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/targets/odds.h"

#include <algorithm>
#include <cmath>

#include <boost/math/distributions/students_t.hpp>

#include "clusterscope/text/targets.h"

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

std::optional<Odds> EstimateOdds(const OddsInput& input, core::Text* why_not) {
  const auto n = input.yearly_changes.size();
  if (n < kMinYearlyChanges) {
    *why_not = core::Say(text::kOddsNeedYearlyChanges, kMinYearlyChanges, n);
    return std::nullopt;
  }
  if (input.years <= 0) {
    *why_not = core::Say(text::kOddsNoTimeLeft);
    return std::nullopt;
  }
  if (!input.additive && (input.actual <= 0 || input.goal <= 0)) {
    *why_not = core::Say(text::kOddsNotAboveZero);
    return std::nullopt;
  }
  Odds odds;
  odds.history_years = n;
  for (const double c : input.yearly_changes) odds.mean_change += c;
  odds.mean_change /= static_cast<double>(n);
  double squares = 0;
  for (const double c : input.yearly_changes) {
    squares += (c - odds.mean_change) * (c - odds.mean_change);
  }
  odds.sd_change = std::sqrt(squares / static_cast<double>(n - 1));           // sample sd
  if (odds.sd_change <= 1e-12 * std::max(1.0, std::abs(odds.mean_change))) {  // rounding only
    *why_not = core::Say(text::kOddsHistoryNeverVaried);
    return std::nullopt;
  }
  if (input.centre) odds.mean_change = *input.centre;

  // S, the change to the end of the target year: (S − h·centre) / (s √(h + h²/n)) ~ t(n − 1),
  // the predictive law of a sum of h future draws when the mean is estimated from n.
  const double h = input.years;
  odds.degrees_of_freedom = static_cast<double>(n - 1);
  odds.scale = odds.sd_change * std::sqrt(h + h * h / static_cast<double>(n));
  const double needed =
      input.additive ? input.goal - input.actual : std::log(input.goal / input.actual);
  const double margin = (h * odds.mean_change - needed) / odds.scale;  // above the goal
  const boost::math::students_t law(odds.degrees_of_freedom);
  odds.probability = input.at_most ? boost::math::cdf(law, -margin) : boost::math::cdf(law, margin);
  return odds;
}

std::optional<Odds> OddsOfProjection(const std::vector<double>& yearly_changes, double actual,
                                     double goal, double trend, double pipeline, double years,
                                     bool at_most, bool additive, core::Text* why_not) {
  const double rest = goal - pipeline;  // what the trend must cover
  if (!additive && rest <= 0 && years > 0) {
    // The projects alone cover the goal (for a ceiling: put it out of reach).
    Odds certain;
    certain.probability = at_most ? 0 : 1;
    certain.history_years = yearly_changes.size();
    return certain;
  }
  OddsInput input{yearly_changes, actual, rest, years, at_most, additive, std::nullopt};
  if (years > 0) {
    if (additive) {
      input.centre = (trend - actual) / years;
    } else if (trend > 0 && actual > 0) {
      input.centre = std::log(trend / actual) / years;
    }
  }
  return EstimateOdds(input, why_not);
}

}  // namespace clusterscope::targets
