// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The predictive odds: the worked case of docs/targets.md by hand, wider with a short history
// than a long one, the known-parameter limit, shares in points and ceilings, the pipeline
// counted once (the odds agree with the projection), and the cases with no odds and why.
#include "clusterscope/targets/odds.h"

#include <cmath>
#include <random>

#include <gtest/gtest.h>

namespace clusterscope::targets {
namespace {

// Four yearly log changes with sample sd 0.06: mean 0.05, deviations ±0.0693 / ±0.0.
std::vector<double> History(std::size_t n, double mean, double sd) {
  // Alternating deviations ±d give a sample sd of d √(n / (n − 1)) for an even n.
  const double d = sd * std::sqrt(static_cast<double>(n - 1) / static_cast<double>(n));
  std::vector<double> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back(mean + (i % 2 == 0 ? d : -d));
  return out;
}

TEST(OddsTest, TheWorkedCaseByHand) {
  // A margin of 0.20 on the log scale (the trend ends 0.20 above the goal), σ 0.06, 2.5 years
  // to go, four changes: scale 0.06 √(2.5 + 2.5² / 4) = 0.12093, t = 1.6538 with 3 degrees of
  // freedom: F₃(t) = ½ + (x / (1 + t²/3) + atan x) / π with x = t / √3 = 0.9016.
  const double actual = 1000;
  const double goal = 1200;
  const double years = 2.5;
  const double centre = (std::log(goal / actual) + 0.20) / years;
  core::Text why;
  const auto odds =
      EstimateOdds({History(4, 0.05, 0.06), actual, goal, years, false, false, centre}, &why);
  ASSERT_TRUE(odds) << why.en;
  EXPECT_NEAR(odds->sd_change, 0.06, 1e-12);
  EXPECT_EQ(odds->history_years, 4u);
  EXPECT_EQ(odds->degrees_of_freedom, 3);
  EXPECT_NEAR(odds->scale, 0.12093387, 1e-8);
  EXPECT_NEAR(odds->probability, 0.90163, 1e-5);
  // Were mean and spread known, the normal law would say 98 %: the history does not allow it.
  EXPECT_NEAR(LognormalOdds(actual, goal, centre, 0.06, years, false), 0.98249, 1e-5);
}

TEST(OddsTest, AShortHistoryGivesWiderOddsThanALongOne) {
  const double centre = 0.1;  // 1000 grows to 1284 in 2.5 years; the goal 1150 is well within
  core::Text why;
  const auto four =
      EstimateOdds({History(4, 0.1, 0.08), 1000, 1150, 2.5, false, false, centre}, &why);
  const auto ten =
      EstimateOdds({History(10, 0.1, 0.08), 1000, 1150, 2.5, false, false, centre}, &why);
  ASSERT_TRUE(four && ten);
  EXPECT_LT(four->probability, ten->probability);
  // And a very long one tends to the known-parameter law.
  const auto long_run =
      EstimateOdds({History(4000, 0.1, 0.08), 1000, 1150, 2.5, false, false, centre}, &why);
  EXPECT_NEAR(long_run->probability, LognormalOdds(1000, 1150, 0.1, 0.08, 2.5, false), 2e-3);
  EXPECT_GT(ten->probability, 0.5);
  EXPECT_LT(ten->probability, LognormalOdds(1000, 1150, 0.1, 0.08, 2.5, false));
}

TEST(OddsTest, SharesMoveInPointsAndCeilingsCountFromAbove) {
  core::Text why;
  // A share at 30 % rising 2 points a year (sd 1): 40 % in 2 years is far out.
  const auto far = EstimateOdds({{1, 2, 3}, 30, 40, 2, false, true, std::nullopt}, &why);
  EXPECT_LT(far->probability, 0.05);
  const auto near = EstimateOdds({{1, 2, 3}, 30, 33, 2, false, true, std::nullopt}, &why);
  EXPECT_GT(near->probability, 0.6);
  // A ceiling is the other tail of the same law.
  // Energy intensity 0.5 falling 5 % a year: 0.46 or below in 2 years needs ln 0.92 = −0.083.
  const auto up = EstimateOdds({{-0.03, -0.05, -0.07}, 0.5, 0.46, 2, false, false, {}}, &why);
  const auto down = EstimateOdds({{-0.03, -0.05, -0.07}, 0.5, 0.46, 2, true, false, {}}, &why);
  EXPECT_NEAR(up->probability + down->probability, 1, 1e-12);
  EXPECT_GT(down->probability, 0.5);
}

TEST(OddsTest, ThePipelineIsCountedOnce) {
  // The case: trend 3,600, projects 300, goal 4,000. The projection, 3,900, misses:
  // the odds must be under one half (counting the projects twice made them about 71 %).
  core::Text why;
  const auto odds =
      OddsOfProjection(History(4, 0.08, 0.05), 3000, 4000, 3600, 300, 2.5, false, false, &why);
  ASSERT_TRUE(odds) << why.en;
  EXPECT_LT(odds->probability, 0.5);
  // The projects alone covering the goal make it certain.
  EXPECT_EQ(
      OddsOfProjection(History(4, 0.08, 0.05), 3000, 4000, 3600, 4200, 2.5, false, false, &why)
          ->probability,
      1.0);
}

TEST(OddsTest, AreAtLeastOneHalfExactlyWhenTheProjectionReachesTheGoal) {
  std::mt19937_64 rng(19);
  std::uniform_real_distribution<double> unit(0, 1);
  for (int i = 0; i < 2000; ++i) {
    const bool additive = i % 3 == 0;
    const bool at_most = i % 4 == 0;
    const double actual = additive ? 20 + 40 * unit(rng) : 100 + 900 * unit(rng);
    const double trend = actual * (0.7 + 0.8 * unit(rng));
    const double pipeline = i % 2 == 0 ? 0.0 : actual * 0.2 * unit(rng);
    const double goal = actual * (0.8 + 0.9 * unit(rng));
    const double years = 0.25 + 5 * unit(rng);
    std::vector<double> changes;
    for (std::size_t k = 0; k < 3 + static_cast<std::size_t>(i % 8); ++k) {
      changes.push_back((additive ? 2.0 : 0.05) * (unit(rng) - 0.3));
    }
    core::Text why;
    const auto odds =
        OddsOfProjection(changes, actual, goal, trend, pipeline, years, at_most, additive, &why);
    ASSERT_TRUE(odds) << why.en;
    const double projection = trend + pipeline;
    const bool meets = at_most ? projection <= goal : projection >= goal;
    if (std::abs(projection - goal) < 1e-9 * goal) continue;  // on the line: one half
    EXPECT_EQ(odds->probability >= 0.5, meets)
        << i << " projection " << projection << " goal " << goal << " odds " << odds->probability;
  }
}

TEST(OddsTest, SaysWhyThereAreNoOdds) {
  core::Text why;
  EXPECT_FALSE(EstimateOdds({{0.05, 0.07}, 1000, 1200, 2, false, false, {}}, &why));
  EXPECT_NE(why.en.find("at least 3 yearly changes; there are 2"), std::string::npos) << why.en;
  EXPECT_FALSE(EstimateOdds({{0.1, 0.2, 0.3}, 0, 1200, 2, false, false, {}}, &why));  // from 0
  EXPECT_FALSE(why.en.empty());
  EXPECT_FALSE(EstimateOdds({{0.1, 0.2, 0.3}, 1000, 1200, 0, false, false, {}}, &why));
  EXPECT_NE(why.en.find("over"), std::string::npos);
  EXPECT_FALSE(EstimateOdds({{0.1, 0.1, 0.1}, 1000, 1200, 2, false, false, {}}, &why));
  EXPECT_NE(why.en.find("never varied"), std::string::npos);
}

}  // namespace
}  // namespace clusterscope::targets
