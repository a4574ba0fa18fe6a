// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The odds of reaching a numeric target: a Monte Carlo simulation that draws each remaining
// year's change from the figure's own history (a normal law fitted to its yearly log changes,
// or to its yearly point changes for shares), seeded for reproducibility. Method in
// docs/targets.md; checked against the closed form of the lognormal growth model.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace clusterscope::targets {

struct OddsInput {
  std::vector<double> yearly_changes;  // log changes (additive: point changes), oldest first
  double actual = 0;                   // the figure now
  double goal = 0;
  double years = 0;       // from now to the end of the target year
  bool at_most = false;   // the goal is a ceiling
  bool additive = false;  // shares: changes in points, not in logs
  std::size_t draws = 10000;
  std::uint64_t seed = 2027;
  // The yearly change to centre the law on, when not the history's mean (a report centres it
  // on the trend projection, so that the odds and the projection tell one story).
  std::optional<double> centre;
};

struct Odds {
  double probability = 0;  // the share of draws that reach the goal
  std::size_t draws = 0;
  std::uint64_t seed = 0;
  double mean_change = 0;  // the centre of the yearly changes drawn
  double sd_change = 0;
  std::size_t history_years = 0;  // yearly changes the law was fitted to
};

// nullopt with fewer than two yearly changes (no spread to draw from), a figure not above zero
// for a multiplicative law, or no time left.
std::optional<Odds> EstimateOdds(const OddsInput& input);

// The closed form for the same law: P(actual x exp(N(mean x years, sd² x years)) reaches goal).
double LognormalOdds(double actual, double goal, double mean, double sd, double years,
                     bool at_most);

}  // namespace clusterscope::targets
