// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Progress figures against hand-computed cases: time-progress at month boundaries, the CAGR and
// points-a-year requirements, the traffic light, at-most targets, rates, comparisons and
// milestones, and "no data" never shown as zero.
#include "clusterscope/targets/progress.h"

#include <cmath>

#include <gtest/gtest.h>

namespace clusterscope::targets {
namespace {

model::Target Level(double goal) {
  model::Target t;
  t.id = "T";
  t.kind = model::TargetKind::kLevel;
  t.unit = "亿元";
  t.base_year = 2022;
  t.target_year = 2027;
  t.target_value = goal;
  return t;
}

TEST(ProgressTest, TimeProgressCountsWholeMonthsFromTheEndOfTheBaseYear) {
  EXPECT_DOUBLE_EQ(TimeProgress(2022, 2027, {2022, 12}), 0.0);  // the base itself
  EXPECT_DOUBLE_EQ(TimeProgress(2022, 2027, {2023, 1}), 1.0 / 60);
  EXPECT_DOUBLE_EQ(TimeProgress(2022, 2027, {2023, 12}), 12.0 / 60);
  EXPECT_DOUBLE_EQ(TimeProgress(2022, 2027, {2025, 6}), 30.0 / 60);
  EXPECT_DOUBLE_EQ(TimeProgress(2022, 2027, {2027, 12}), 1.0);
  EXPECT_DOUBLE_EQ(TimeProgress(2022, 2027, {2028, 3}), 1.0);  // clamped
  EXPECT_DOUBLE_EQ(TimeProgress(2022, 2027, {2021, 5}), 0.0);
  EXPECT_DOUBLE_EQ(YearsLeft(2027, {2025, 6}), 2.5);
  EXPECT_DOUBLE_EQ(YearsLeft(2027, {2027, 12}), 0.0);
}

TEST(ProgressTest, RequiredGrowthIsACompoundRate) {
  // 2000 to 4000 in 2 years: sqrt(2) − 1 = 41.42 % a year.
  EXPECT_NEAR(*RequiredGrowth(2000, 4000, 2), std::sqrt(2.0) - 1, 1e-12);
  EXPECT_NEAR(*RequiredGrowth(800, 1000, 2.5), std::pow(1.25, 0.4) - 1, 1e-12);
  EXPECT_FALSE(RequiredGrowth(0, 1000, 2));  // from nothing no rate gets there
  EXPECT_FALSE(RequiredGrowth(-5, 1000, 2));
  EXPECT_FALSE(RequiredGrowth(800, 1000, 0));  // no time left
}

TEST(ProgressTest, ALevelBehindTimeIsAmberThenRed) {
  model::TargetPlan plan;  // amber within 10 points of time-progress
  const auto t = Level(1000);
  // 2025-06: time 30/60 = 0.5. Base 600, actual 760: path ln(760/600) / ln(1000/600) = 0.463.
  auto p = Evaluate(plan, t, {2025, 6}, {760.0, 600.0, {}, {}, {}, {}, {}});
  EXPECT_EQ(p.status, "amber");
  EXPECT_NEAR(*p.completion, 0.76, 1e-12);
  EXPECT_NEAR(*p.path_progress, std::log(760.0 / 600) / std::log(1000.0 / 600), 1e-12);
  EXPECT_NEAR(*p.required_annual_growth, std::pow(1000.0 / 760, 1 / 2.5) - 1, 1e-12);
  EXPECT_FALSE(p.required_points_per_year);
  // Actual 700: path 0.30, 20 points behind: red.
  EXPECT_EQ(Evaluate(plan, t, {2025, 6}, {700.0, 600.0, {}, {}, {}, {}, {}}).status, "red");
  // Actual 790: path ln(790/600) / ln(1000/600) = 0.539, 4 points ahead: green.
  EXPECT_EQ(Evaluate(plan, t, {2025, 6}, {790.0, 600.0, {}, {}, {}, {}, {}}).status, "green");
  // Actual 820: path 0.611, 11 points ahead (the ahead gap is 10): ahead.
  EXPECT_EQ(Evaluate(plan, t, {2025, 6}, {820.0, 600.0, {}, {}, {}, {}, {}}).status, "ahead");
  // Met before the target year: ahead, with nothing required; met in its last month: green.
  const auto met = Evaluate(plan, t, {2025, 6}, {1010.0, 600.0, {}, {}, {}, {}, {}});
  EXPECT_EQ(met.status, "ahead");
  EXPECT_FALSE(met.required_annual_growth);
  EXPECT_EQ(Evaluate(plan, t, {2027, 12}, {1010.0, 600.0, {}, {}, {}, {}, {}}).status, "green");
}

// The path's light meets the odds: 滞后 (red) needs both against the goal, one of them is 关注.
TEST(ProgressTest, TheOddsWeighTheLight) {
  model::TargetPlan plan;
  const auto t = Level(1000);
  const auto with_odds = [&](double actual, double probability) {
    auto p = Evaluate(plan, t, {2025, 6}, {actual, 600.0, {}, {}, {}, {}, {}});
    p.odds = Odds{.probability = probability};
    WeighOdds(p);
    return p.status;
  };
  // Path 20 points behind (700): red with the trend short, amber when the trend gets there.
  EXPECT_EQ(with_odds(700, 0.49), "red");
  EXPECT_EQ(with_odds(700, 0.5), "amber");
  // Path 3.7 points behind (760): amber when the trend gets there (even at 99 %), red if not.
  EXPECT_EQ(with_odds(760, 0.99), "amber");
  EXPECT_EQ(with_odds(760, 0.2), "red");
  // On time (790) or ahead (820) with the trend short: amber; with it: unchanged.
  EXPECT_EQ(with_odds(790, 0.3), "amber");
  EXPECT_EQ(with_odds(820, 0.3), "amber");
  EXPECT_EQ(with_odds(790, 0.7), "green");
  EXPECT_EQ(with_odds(820, 0.7), "ahead");
  // Met, or past the target year: the odds change nothing.
  EXPECT_EQ(with_odds(1010, 0.1), "ahead");
  auto late = Evaluate(plan, t, {2028, 1}, {900.0, 600.0, {}, {}, {}, {}, {}});
  late.odds = Odds{.probability = 0.9};
  WeighOdds(late);
  EXPECT_EQ(late.status, "red");
  // No odds: the path alone.
  auto alone = Evaluate(plan, t, {2025, 6}, {700.0, 600.0, {}, {}, {}, {}, {}});
  WeighOdds(alone);
  EXPECT_EQ(alone.status, "red");
}

TEST(ProgressTest, ASteadyCompoundRateToTheGoalIsOnTrack) {
  model::TargetPlan plan;
  plan.red_gap = 0.05;
  const auto t = Level(1000);
  // From 600 at a steady rate that reaches 1000 at the end of 2027: at mid-2025, half the time,
  // 600 x (1000/600)^0.5 = 774.6, half the way on the log scale (linear would say 0.44: behind).
  for (const double time : {0.2, 0.5, 0.9}) {
    const int months = static_cast<int>(std::lround(time * 60));
    const core::Period at = core::Period::FromIndex(core::Period{2022, 12}.Index() + months);
    const double actual = 600 * std::pow(1000.0 / 600, time);
    const auto p = Evaluate(plan, t, at, {actual, 600.0, {}, {}, {}, {}, {}});
    EXPECT_NEAR(*p.path_progress, time, 1e-9);
    EXPECT_EQ(p.status, "green") << time;
  }
  // A share keeps the linear path in points.
  auto share = Level(50);
  share.unit = "%";
  EXPECT_NEAR(*Evaluate(plan, share, {2025, 6}, {45.0, 40.0, {}, {}, {}, {}, {}}).path_progress,
              0.5, 1e-12);
}

TEST(ProgressTest, AFloorIsHeldEveryYear) {
  model::TargetPlan plan;
  model::Target t;
  t.id = "T19";
  t.kind = model::TargetKind::kFloor;
  t.unit = "%";
  t.base_year = 2022;
  t.target_year = 2027;
  t.target_value = 40;
  // Base 45, now 38: broken, red (a level to reach would have called it green).
  auto p = Evaluate(plan, t, {2025, 6}, {38.0, 45.0, {}, {}, {}, {}, {}});
  EXPECT_EQ(p.status, "red");
  EXPECT_NE(p.note.en.find("below the floor of 40"), std::string::npos) << p.note.en;
  EXPECT_EQ(Evaluate(plan, t, {2025, 6}, {42.0, 45.0, {}, {}, {}, {}, {}}).status, "green");
  // Held now, but 2024 ended below it: amber, saying when.
  Figures broken{42.0, 45.0, {}, {}, {}, {}, {}};
  broken.broken_in = 2024;
  p = Evaluate(plan, t, {2025, 6}, broken);
  EXPECT_EQ(p.status, "amber");
  EXPECT_NE(p.note.en.find("2024"), std::string::npos);
  EXPECT_EQ(Evaluate(plan, t, {2025, 6}, {{}, 45.0, {}, {}, {}, {}, {}}).status, "no_data");
}

TEST(ProgressTest, ASharesRequirementIsInPointsAYear) {
  model::TargetPlan plan;
  auto t = Level(40);
  t.kind = model::TargetKind::kRatio;
  t.unit = "%";
  // 29.5 % at 2025-12 with two years left: (40 − 29.5) / 2 = 5.25 points a year.
  const auto p = Evaluate(plan, t, {2025, 12}, {29.5, 25.0, {}, {}, {}, {}, {}});
  EXPECT_NEAR(*p.required_points_per_year, 5.25, 1e-12);
  EXPECT_FALSE(p.required_annual_growth);
  EXPECT_NEAR(*p.path_progress, 4.5 / 15, 1e-12);  // against time 0.6: red
  EXPECT_EQ(p.status, "red");
}

TEST(ProgressTest, AnAtMostTargetCompletesAsTheFigureFalls) {
  model::TargetPlan plan;
  auto t = Level(0.5);
  t.unit = "吨标准煤/万元";
  t.direction = model::Direction::kAtMost;
  // From 0.8 to 0.6 of a path to 0.5: path ln(0.6 / 0.8) / ln(0.5 / 0.8) = 0.612; time 0.6:
  // green. (0.62 would be 0.542 of the way: behind, amber.)
  const auto p = Evaluate(plan, t, {2025, 12}, {0.6, 0.8, {}, {}, {}, {}, {}});
  EXPECT_NEAR(*p.path_progress, std::log(0.75) / std::log(0.625), 1e-12);
  EXPECT_NEAR(*p.completion, 0.5 / 0.6, 1e-12);
  EXPECT_EQ(p.status, "green");
  EXPECT_EQ(Evaluate(plan, t, {2025, 12}, {0.62, 0.8, {}, {}, {}, {}, {}}).status, "amber");
}

TEST(ProgressTest, ACountFromZeroNeedsUnitsAYear) {
  model::TargetPlan plan;
  auto t = Level(4);
  t.kind = model::TargetKind::kCount;
  t.unit = "家";
  // None yet at 2025-12, two years left: 2 a year; no growth rate gets there from zero.
  const auto p = Evaluate(plan, t, {2025, 12}, {0.0, 0.0, {}, {}, {}, {}, {}});
  EXPECT_FALSE(p.required_annual_growth);
  EXPECT_DOUBLE_EQ(*p.required_per_year, 2.0);
  EXPECT_EQ(p.status, "red");
}

TEST(ProgressTest, ProjectsTheTrendToTheTargetYear) {
  // Growing 10 % a year from 100: 100 x 1.1^5 = 161.051 at the end of a five-year path.
  EXPECT_NEAR(*Project({{0, 100}, {1, 110}, {2, 121}}, 5, false), 161.051, 1e-9);
  // A June 12-month figure sits half a year on: 100 and 100 x 1.1^1.5.
  EXPECT_NEAR(*Project({{0, 100}, {1.5, 100 * std::pow(1.1, 1.5)}}, 5, false),
              100 * std::pow(1.1, 5), 1e-9);
  // Shares in points: 20, 22, 24 -> 30 after five years.
  EXPECT_NEAR(*Project({{0, 20}, {1, 22}, {2, 24}}, 5, true), 30, 1e-12);
  // A loss (negative) cannot be logged: a straight line.
  EXPECT_NEAR(*Project({{0, -10}, {1, -5}}, 3, false), 5, 1e-12);
  // Least squares, not the last two points: (0,1) (1,3) (2,2) has slope 0.5 through (1,2).
  EXPECT_NEAR(*Project({{0, 1}, {1, 3}, {2, 2}}, 4, true), 3.5, 1e-12);
  EXPECT_FALSE(Project({{1, 100}}, 5, false));
  EXPECT_FALSE(Project({{1, 100}, {1, 120}}, 5, false));
}

TEST(ProgressTest, NoDataIsSaidWithItsReasonNeverZero) {
  model::TargetPlan plan;
  const auto p =
      Evaluate(plan, Level(1000), {2025, 6},
               {std::nullopt,
                std::nullopt,
                {},
                {},
                core::Text{"序列 gdp 无 2025 年的值", "series gdp has no value for 2025"},
                {},
                {}});
  EXPECT_EQ(p.status, "no_data");
  EXPECT_EQ(p.note.en, "series gdp has no value for 2025");
  EXPECT_FALSE(p.actual);
  EXPECT_FALSE(p.completion);
}

TEST(ProgressTest, RatesComparisonsAndMilestones) {
  model::TargetPlan plan;
  model::Target rate = Level(0);
  rate.kind = model::TargetKind::kRate;
  rate.target_value.reset();
  rate.direction = model::Direction::kAtMost;
  // Energy intensity −3.5 % against a set fall of 3.2 %: met. −2.9 %: within half a point.
  EXPECT_EQ(Evaluate(plan, rate, {2025, 12}, {-3.5, {}, 3.2, {}, {}, {}, {}}).status, "green");
  EXPECT_EQ(Evaluate(plan, rate, {2025, 12}, {-2.9, {}, 3.2, {}, {}, {}, {}}).status, "amber");
  EXPECT_EQ(Evaluate(plan, rate, {2025, 12}, {-1.0, {}, 3.2, {}, {}, {}, {}}).status, "red");
  model::Target compare = rate;
  compare.kind = model::TargetKind::kCompare;
  // CO2 −4 % against society's −3 %: falls faster, met.
  EXPECT_EQ(Evaluate(plan, compare, {2025, 12}, {-4.0, {}, -3.0, {}, {}, {}, {}}).status, "green");
  EXPECT_EQ(Evaluate(plan, compare, {2025, 12}, {-2.0, {}, -3.0, {}, {}, {}, {}}).status, "red");

  model::Target milestone = Level(0);
  milestone.kind = model::TargetKind::kMilestone;
  const auto pending = Evaluate(plan, milestone, {2025, 12}, {});
  EXPECT_EQ(pending.status, "amber");
  EXPECT_EQ(pending.note.en, "pending");
  EXPECT_EQ(pending.note.zh, "尚未实现");
  const auto reached =
      Evaluate(plan, milestone, {2025, 12}, {{}, {}, {}, core::Period{2025, 3}, {}, {}, {}});
  EXPECT_EQ(reached.status, "ahead");  // reached before its year
  EXPECT_EQ(reached.note.en, "reached 2025-03");
  EXPECT_EQ(reached.note.zh, "2025年3月已实现");
  EXPECT_FALSE(pending.completion);  // pending is not "0 % done"
  EXPECT_EQ(Evaluate(plan, milestone, {2028, 1}, {}).status, "red");
  // Reached only after the period asked about: still pending then.
  EXPECT_EQ(
      Evaluate(plan, milestone, {2025, 1}, {{}, {}, {}, core::Period{2025, 3}, {}, {}, {}}).status,
      "amber");
}

}  // namespace
}  // namespace clusterscope::targets
