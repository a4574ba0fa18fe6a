// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The Monte Carlo odds against the closed form of the lognormal growth model, reproducibility
// by seed, shares in points, ceilings, and the cases with nothing to draw from.
#include "clusterscope/targets/odds.h"

#include <cmath>

#include <gtest/gtest.h>

namespace clusterscope::targets {
namespace {

// Yearly log changes with mean 0.08 and sample sd 0.05: 0.03, 0.08, 0.13.
const std::vector<double> kHistory = {0.03, 0.08, 0.13};

TEST(OddsTest, MatchesTheLognormalClosedForm) {
  for (const double goal : {1200.0, 1400.0, 1600.0}) {
    for (const double years : {2.0, 2.5}) {
      OddsInput input{kHistory, 1000, goal, years, false, false, 200000, 7, {}};
      const auto odds = EstimateOdds(input);
      ASSERT_TRUE(odds);
      EXPECT_NEAR(odds->mean_change, 0.08, 1e-12);
      EXPECT_NEAR(odds->sd_change, 0.05, 1e-12);
      const double exact = LognormalOdds(1000, goal, 0.08, 0.05, years, false);
      // Three standard errors of a proportion from 200,000 draws.
      const double se = std::sqrt(exact * (1 - exact) / 200000);
      EXPECT_NEAR(odds->probability, exact, 3 * se + 1e-9) << goal << " " << years;
    }
  }
  // By hand: 1000 to 1200 in 2 years needs ln 1.2 = 0.1823; mean 0.16, sd 0.05 √2 = 0.0707:
  // z = (0.16 − 0.1823) / 0.0707 = −0.316, Φ(z) = 0.376.
  EXPECT_NEAR(LognormalOdds(1000, 1200, 0.08, 0.05, 2, false), 0.376, 0.001);
}

TEST(OddsTest, IsReproducibleBySeedAndReportsItsDraws) {
  OddsInput input{kHistory, 1000, 1200, 2, false, false, 5000, 42, {}};
  const auto a = EstimateOdds(input);
  const auto b = EstimateOdds(input);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->probability, b->probability);
  EXPECT_EQ(a->draws, 5000u);
  EXPECT_EQ(a->seed, 42u);
  EXPECT_EQ(a->history_years, 3u);
  input.seed = 43;
  EXPECT_NE(EstimateOdds(input)->probability, a->probability);
}

TEST(OddsTest, SharesMoveInPointsAndCeilingsCountFromAbove) {
  // A share at 30 % rising 2 points a year (sd 1): 40 % in 2 years needs 10 points, far out.
  OddsInput share{{1, 2, 3}, 30, 40, 2, false, true, 20000, 1, {}};
  EXPECT_LT(EstimateOdds(share)->probability, 0.01);
  share.goal = 33;  // 3 points in 2 years against 4 expected: likely
  EXPECT_GT(EstimateOdds(share)->probability, 0.7);
  // A ceiling: energy intensity 0.5 falling 5 % a year must reach 0.45 or below in 2 years.
  OddsInput ceiling{{-0.03, -0.05, -0.07}, 0.5, 0.45, 2, true, false, 200000, 3, {}};
  const double exact = LognormalOdds(0.5, 0.45, -0.05, 0.02, 2, true);
  EXPECT_NEAR(EstimateOdds(ceiling)->probability, exact, 0.005);
}

TEST(OddsTest, CanBeCentredOnTheTrend) {
  // Centred on 10 % a year with the history's spread (sd 0.05): the closed form with mean 0.1.
  OddsInput input{kHistory, 1000, 1200, 2, false, false, 200000, 5, 0.1};
  const auto odds = EstimateOdds(input);
  EXPECT_NEAR(odds->mean_change, 0.1, 1e-12);
  EXPECT_NEAR(odds->sd_change, 0.05, 1e-12);
  EXPECT_NEAR(odds->probability, LognormalOdds(1000, 1200, 0.1, 0.05, 2, false), 0.005);
}

TEST(OddsTest, NothingToDrawFromGivesNoOdds) {
  EXPECT_FALSE(EstimateOdds({{0.05}, 1000, 1200, 2, false, false, 100, 1, {}}));    // one change
  EXPECT_FALSE(EstimateOdds({kHistory, 0, 1200, 2, false, false, 100, 1, {}}));     // from zero
  EXPECT_FALSE(EstimateOdds({kHistory, 1000, 1200, 0, false, false, 100, 1, {}}));  // no time
}

}  // namespace
}  // namespace clusterscope::targets
