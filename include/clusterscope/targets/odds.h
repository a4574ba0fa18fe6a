// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The odds of reaching a numeric target, from the predictive distribution of the figure's
// change to the end of the target year: its yearly changes (log changes, or points for shares)
// are taken as draws of a normal law whose mean and spread are both unknown, so the change over
// h years, centred on the trend, is a Student t with n - 1 degrees of freedom scaled by
// s √(h + h² / n): four yearly changes give wide odds, ten narrower ones. Closed form, so a
// report says the same each time. Method and a worked case in docs/targets.md.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "clusterscope/core/message.h"

namespace clusterscope::targets {

// Fewer yearly changes than this give no odds: two changes leave one degree of freedom, whose t
// law has no variance to speak of.
inline constexpr std::size_t kMinYearlyChanges = 3;

struct OddsInput {
  std::vector<double> yearly_changes;  // log changes (additive: point changes), oldest first
  double actual = 0;                   // the figure now
  double goal = 0;
  double years = 0;       // from now to the end of the target year
  bool at_most = false;   // the goal is a ceiling
  bool additive = false;  // shares: changes in points, not in logs
  // The yearly change to centre the law on, when not the history's mean (a report centres it
  // on the trend the projection follows, so that the odds and the projection tell one story).
  std::optional<double> centre;
};

struct Odds {
  double probability = 0;         // of reaching the goal
  double mean_change = 0;         // the centre of the yearly changes
  double sd_change = 0;           // their sample standard deviation s
  std::size_t history_years = 0;  // n, the yearly changes the law was fitted to
  double degrees_of_freedom = 0;  // n - 1
  double scale = 0;               // of the whole change to the target year: s √(h + h² / n)
};

// nullopt, with the reason in `why_not`, with fewer than kMinYearlyChanges yearly changes, a
// history that never varied, a figure or goal not above zero for a multiplicative law, or no
// time left.
std::optional<Odds> EstimateOdds(const OddsInput& input, core::Text* why_not);

// The odds of a target whose projection to the end of the target year is its own `trend` plus
// `pipeline` (what investment projects still add, taken as certain: its uncertainty is in its
// weights). Centred on the trend, against the goal less the pipeline, so that the odds are at
// least one half exactly when trend + pipeline reaches the goal; the pipeline is counted once.
std::optional<Odds> OddsOfProjection(const std::vector<double>& yearly_changes, double actual,
                                     double goal, double trend, double pipeline, double years,
                                     bool at_most, bool additive, core::Text* why_not);

// Φ((μ·T − ln(goal/actual)) / (σ·√T)): the odds when mean and spread are known, the limit of
// the predictive odds as the history grows.
double LognormalOdds(double actual, double goal, double mean, double sd, double years,
                     bool at_most);

}  // namespace clusterscope::targets
