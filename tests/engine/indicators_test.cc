// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Every indicator against a case computed by hand (the figures are in the comments): an
// enterprise entering this year (base 0), one leaving (not above scale: not in F), one with a
// missing month, one that stopped reporting, a group whose base is zero, negative profit,
// January alone, and a new month laid over a loaded panel.
#include "clusterscope/engine/indicators.h"

#include <array>
#include <limits>
#include <tuple>

#include "testutil.h"
#include <gtest/gtest.h>

namespace clusterscope::engine {
namespace {

using model::Measure;

class IndicatorsTest : public ::testing::Test {
 protected:
  IndicatorsTest() {
    //        cluster  above scale   2023 output (Jan-Mar)   2024 output (Jan-Mar)
    // A  0   L1       2023, 2024    100 100 100  = 300      110 120 130 = 360 (profit -5 each)
    // B  1   N1       2024          -                       50 50 50 = 150 (enters: base 0)
    // C  2   L1       2023          80 80 80               10 10 10 (left the frame)
    // D  3   P1       2023, 2024    60 60 60  = 180         40 - 60 = 100 (February missing)
    // E  4   P1       2023, 2024    30 30 30  = 90          20 - - = 20 (stopped reporting)
    // F  5   L1       2024          70 70 70               - (no report in 2024: not in F)
    Add(0, "L1", {2023, 2024});
    Add(1, "N1", {2024});
    Add(2, "L1", {2023});
    Add(3, "P1", {2023, 2024});
    Add(4, "P1", {2023, 2024});
    Add(5, "L1", {2024});
    for (int m = 1; m <= 3; ++m) {
      auto a23 = Month(0, 2023, m, 100);
      a23[Measure::kEnergyTce] = 10;
      a23[Measure::kValueAdded] = 25;
      panel_.Add(a23);
      auto a24 = Month(0, 2024, m, 100 + 10 * m);
      a24[Measure::kProfit] = -5;
      a24[Measure::kValueAdded] = 30;
      a24[Measure::kEnergyTce] = 9;
      a24[Measure::kRevenue] = 100;
      a24[Measure::kRdExpense] = 1;
      a24[Measure::kEmployees] = 10;
      panel_.Add(a24);
      panel_.Add(Month(1, 2024, m, 50));
      panel_.Add(Month(2, 2023, m, 80));
      panel_.Add(Month(2, 2024, m, 10));
      panel_.Add(Month(3, 2023, m, 60));
      if (m != 2) panel_.Add(Month(3, 2024, m, m == 1 ? 40 : 60));
      panel_.Add(Month(4, 2023, m, 30));
      if (m == 1) panel_.Add(Month(4, 2024, m, 20));
      panel_.Add(Month(5, 2023, m, 70));
    }
    panel_.Sort();
  }

  void Add(int n, const std::string& cluster, std::vector<int> years) {
    model::Enterprise e;
    e.uscc = testutil::CreditCode(n);
    e.name = std::string(1, static_cast<char>('A' + n));
    e.industry_code = cluster == "N1" ? "2669" : "3841";
    e.cluster = cluster;
    for (int y : years) e.above_scale[y] = true;
    registry_.push_back(e);
  }
  static model::MonthlyRecord Month(int n, int year, int month, double output) {
    model::MonthlyRecord r;
    r.uscc = testutil::CreditCode(n);
    r.period = {year, month};
    r[Measure::kOutputValue] = output;
    return r;
  }
  MonthlyIndicators Compute(core::Period period) {
    Engine engine(testutil::FulingSystem(), registry_);
    engine.Apply(panel_);
    return engine.Compute(period);
  }
  static const GroupIndicators& Group(const MonthlyIndicators& r, const std::string& kind,
                                      const std::string& code) {
    for (const auto& g : r.groups) {
      if (g.kind == kind && g.code == code) return g;
    }
    ADD_FAILURE() << "no group " << kind << " " << code;
    static const GroupIndicators none;
    return none;
  }

  std::vector<model::Enterprise> registry_;
  model::MonthlyPanel panel_;
};

TEST_F(IndicatorsTest, SumsTheFrameOnTheSameBasis) {
  const auto r = Compute({2024, 3});
  const auto& total = Group(r, "total", "total");
  EXPECT_EQ(total.enterprises, 4u);          // A B D E; C left, F did not report
  EXPECT_DOUBLE_EQ(total.ytd[0], 630);       // 360 + 150 + 100 + 20
  EXPECT_DOUBLE_EQ(total.ytd_base[0], 570);  // 300 + 0 + 180 + 90
  EXPECT_DOUBLE_EQ(*total.growth_same_basis, 630.0 / 570 - 1);
  EXPECT_DOUBLE_EQ(total.month_output, 240);       // 130 + 50 + 60 + 0
  EXPECT_DOUBLE_EQ(total.month_output_base, 190);  // 100 + 60 + 30
  EXPECT_DOUBLE_EQ(*total.month_growth, 240.0 / 190 - 1);
  EXPECT_EQ(total.declining_count, 2u);  // D 100 < 180, E 20 < 90; B has no base
  EXPECT_EQ(total.loss_count, 1u);
  EXPECT_DOUBLE_EQ(total.loss_amount, -15);
  EXPECT_EQ(total.non_reporting_count, 1u);  // E has no March
  EXPECT_DOUBLE_EQ(*total.contribution_rate, 1);
  EXPECT_DOUBLE_EQ(*total.pull_pp, 60.0 / 570 * 100);
}

TEST_F(IndicatorsTest, ContributionsAndPullsOfAPartitionAddUp) {
  const auto r = Compute({2024, 3});
  // Changes: L1 (A) +60, N1 (B) +150, P1 (D, E) -150; total +60 on a base of 570.
  const auto& l1 = Group(r, "cluster", "L1");
  const auto& n1 = Group(r, "cluster", "N1");
  const auto& p1 = Group(r, "cluster", "P1");
  EXPECT_EQ(l1.enterprises, 1u);
  EXPECT_DOUBLE_EQ(*l1.contribution_rate, 1.0);
  EXPECT_DOUBLE_EQ(*n1.contribution_rate, 2.5);
  EXPECT_DOUBLE_EQ(*p1.contribution_rate, -2.5);
  EXPECT_FALSE(n1.growth_same_basis.has_value());  // a whole group with a zero base
  EXPECT_NEAR(*l1.pull_pp + *n1.pull_pp + *p1.pull_pp,
              *Group(r, "total", "total").growth_same_basis * 100, 1e-12);
  EXPECT_DOUBLE_EQ(*p1.pull_pp, -150.0 / 570 * 100);
  // Tiers partition the same way: leading (L), emerging (N), pillar (P).
  EXPECT_DOUBLE_EQ(Group(r, "tier", "L").ytd[0], 360);
  EXPECT_DOUBLE_EQ(Group(r, "tier", "P").ytd_base[0], 270);
}

TEST_F(IndicatorsTest, ComputesTheRatios) {
  const auto r = Compute({2024, 3});
  const auto& a = Group(r, "cluster", "L1");
  EXPECT_DOUBLE_EQ(*a.va_rate, 90.0 / 360);
  EXPECT_DOUBLE_EQ(*a.profit_margin, -15.0 / 300);
  EXPECT_DOUBLE_EQ(*a.rd_intensity, 3.0 / 300);
  EXPECT_DOUBLE_EQ(*a.energy_per_va, 27.0 / 90);
  EXPECT_DOUBLE_EQ(*a.energy_per_va_change_nominal, (27.0 / 90) / (30.0 / 75) - 1);  // -25 %
  EXPECT_FALSE(a.energy_per_va_change.has_value());  // at comparable prices: no index here
  // 90 万元 of value added in 3 months by 10 people on average: 36 万元 a person a year.
  EXPECT_DOUBLE_EQ(*a.labor_productivity, 36);
  EXPECT_DOUBLE_EQ(*a.Growth(Measure::kValueAdded), 90.0 / 75 - 1);
  // No revenue reported at all in P1: undefined, not zero.
  EXPECT_FALSE(Group(r, "cluster", "P1").rd_intensity.has_value());
  EXPECT_FALSE(Group(r, "cluster", "P1").labor_productivity.has_value());
}

TEST_F(IndicatorsTest, RanksByOutputAndByGrowth) {
  const auto r = Compute({2024, 3});
  const auto& total = Group(r, "total", "total");
  ASSERT_EQ(total.top_by_output.size(), 4u);
  EXPECT_EQ(total.top_by_output[0].name, "A");
  EXPECT_EQ(total.top_by_output[1].name, "B");
  EXPECT_EQ(total.top_by_output[3].name, "E");
  ASSERT_EQ(total.top_by_growth.size(), 3u);  // B has no base
  EXPECT_EQ(total.top_by_growth[0].name, "A");
  EXPECT_DOUBLE_EQ(*total.top_by_growth[0].growth, 0.2);
  EXPECT_EQ(total.top_by_growth[2].name, "E");
}

TEST_F(IndicatorsTest, JanuaryAloneAndGroupsWithoutEnterprisesLeftOut) {
  const auto r = Compute({2024, 1});
  const auto& total = Group(r, "total", "total");
  EXPECT_EQ(total.enterprises, 4u);
  EXPECT_DOUBLE_EQ(total.ytd[0], 220);       // 110 + 50 + 40 + 20
  EXPECT_DOUBLE_EQ(total.ytd_base[0], 190);  // 100 + 0 + 60 + 30
  EXPECT_EQ(total.non_reporting_count, 0u);
  for (const auto& g : r.groups) EXPECT_GT(g.enterprises, 0u) << g.kind << " " << g.code;
}

TEST_F(IndicatorsTest, ANewMonthLandsOnTheLoadedPanel) {
  Engine engine(testutil::FulingSystem(), registry_);
  engine.Apply(panel_);
  model::MonthlyPanel april;
  april.Add(Month(0, 2024, 4, 140));
  april.Add(Month(4, 2024, 3, 25));  // E's late March report
  april.Sort();
  engine.Apply(april);
  const auto march = engine.Compute({2024, 3});
  EXPECT_DOUBLE_EQ(march.groups.front().ytd[0], 655);
  EXPECT_EQ(march.groups.front().non_reporting_count, 0u);
  const auto r = engine.Compute({2024, 4});
  EXPECT_DOUBLE_EQ(r.groups.front().month_output, 140);
  EXPECT_DOUBLE_EQ(r.groups.front().ytd[0], 795);
}

TEST_F(IndicatorsTest, RaisesAlertsForGroupsAndEnterprises) {
  Engine engine(testutil::FulingSystem(), registry_);
  engine.Apply(panel_);
  AlertRules rules;
  rules.decline_share = 0.2;
  rules.decline_months = 1;
  const auto rules_of = [](const std::vector<Alert>& alerts) {
    std::vector<std::string> out;
    for (const auto& a : alerts) out.push_back(a.level + " " + a.rule + " " + a.code);
    return out;
  };
  // January, total +15.8 % (220 against 190): P1 (D, E) 60 against 90 shrinks, and so do the
  // groups that hold A, D and E together (division 38, high-tech, AUTO: 170 against 190) and
  // tier P; L1 (A, +10 %) grows slower than the total; B has no base. D (40 against 60) and
  // E (20 against 30) are down a third.
  auto january = engine.Compute({2024, 1});
  EXPECT_EQ(rules_of(engine.Alerts(january, rules)),
            (std::vector<std::string>{
                "red group_declining P1", "red group_declining 38", "red group_declining high_tech",
                "red group_declining AUTO", "red group_declining P", "amber group_below_total L1",
                "amber group_below_total L", "red enterprise_declining " + testutil::CreditCode(3),
                "red enterprise_declining " + testutil::CreditCode(4)}));
  // February: D and E reported January and not February (未报).
  auto february = engine.Compute({2024, 2});
  std::size_t missing = 0;
  for (const auto& a : engine.Alerts(february, rules)) {
    if (a.rule == "not_reported") {
      ++missing;
      EXPECT_TRUE(a.enterprise_level());
    }
  }
  EXPECT_EQ(missing, 2u);
}

// The case: value added flat at current prices while factory-gate prices fell 3 %, energy
// flat. At comparable prices value added grew 100 / 97 - 1 = 3.09 %, so energy per value added
// fell (1 + 0) / (100 / 97) - 1 = -3 %: a 3 % target met, which current prices would miss (0 %).
TEST(EnergyPerValueAddedTest, FallsAtComparablePricesOnTheSameEnterprises) {
  model::Enterprise e;
  e.uscc = testutil::CreditCode(1);
  e.industry_code = "3841";
  e.cluster = "L1";
  e.above_scale = {{2024, true}, {2025, true}};
  model::MonthlyPanel panel;
  for (int year : {2024, 2025}) {
    for (int m = 1; m <= 3; ++m) {
      model::MonthlyRecord r;
      r.uscc = e.uscc;
      r.period = {year, m};
      r[Measure::kOutputValue] = 300;
      r[Measure::kValueAdded] = 100;
      r[Measure::kEnergyTce] = 50;
      panel.Add(r);
    }
  }
  panel.Sort();
  Engine engine(testutil::FulingSystem(), {e});
  engine.Apply(panel);
  engine.SetPriceIndices({{"38", {2025, 1}, 97}, {"38", {2025, 2}, 97}, {"38", {2025, 3}, 97}});
  const auto total = engine.Compute({2025, 3}).groups.front();
  EXPECT_NEAR(*total.value_added_growth_real, 100.0 / 97 - 1, 1e-12);
  EXPECT_NEAR(*total.energy_per_va_change, -0.03, 1e-12);
  EXPECT_NEAR(*total.energy_per_va_change_nominal, 0.0, 1e-12);
  EXPECT_NEAR(*total.energy_per_va, 0.5, 1e-12);  // the level stays at current prices
}

// Contribution and pull of value added at comparable prices: L1 100 -> 110 a month, N1 100 ->
// 130, prices up 10 % in 2025 for both. Real: L1 300 -> 300, N1 300 -> 354.5; the total grew
// 54.5 on 600: L1 contributes 0, N1 all of it, pulling 9.09 points.
TEST(ValueAddedContributionTest, AddsUpAtComparablePrices) {
  std::vector<model::Enterprise> registry;
  model::MonthlyPanel panel;
  for (const auto& [n, cluster, now] : {std::tuple{0, "L1", 110.0}, std::tuple{1, "N1", 130.0}}) {
    model::Enterprise e;
    e.uscc = testutil::CreditCode(n);
    e.industry_code = "3841";
    e.cluster = cluster;
    e.above_scale = {{2024, true}, {2025, true}};
    registry.push_back(e);
    for (int year : {2024, 2025}) {
      for (int m = 1; m <= 3; ++m) {
        model::MonthlyRecord r;
        r.uscc = e.uscc;
        r.period = {year, m};
        r[Measure::kOutputValue] = 400;
        r[Measure::kValueAdded] = year == 2024 ? 100 : now;
        panel.Add(r);
      }
    }
  }
  panel.Sort();
  Engine engine(testutil::FulingSystem(), registry);
  engine.Apply(panel);
  const auto none = engine.Compute({2025, 3});
  EXPECT_FALSE(none.groups.front().contribution_rate_va_real.has_value());  // no prices yet
  engine.SetPriceIndices({{"38", {2025, 1}, 110}, {"38", {2025, 2}, 110}, {"38", {2025, 3}, 110}});
  const auto r = engine.Compute({2025, 3});
  const auto group = [&](const std::string& code) {
    for (const auto& g : r.groups) {
      if (g.kind == "cluster" && g.code == code) return g;
    }
    return GroupIndicators{};
  };
  const double n1_change = 390.0 / 1.1 - 300;
  EXPECT_NEAR(*group("L1").contribution_rate_va_real, 0, 1e-12);
  EXPECT_NEAR(*group("N1").contribution_rate_va_real, 1, 1e-12);
  EXPECT_NEAR(*group("N1").pull_pp_va_real, n1_change / 600 * 100, 1e-9);
  EXPECT_NEAR(*group("L1").pull_pp_va_real + *group("N1").pull_pp_va_real,
              *r.groups.front().value_added_growth_real * 100, 1e-9);
  // Output at current prices did not move: its contribution is undefined, its pull zero.
  EXPECT_FALSE(group("N1").contribution_rate.has_value());
  EXPECT_NEAR(*group("N1").pull_pp, 0, 1e-12);
}

// A's value added: 90 in 2024-01..03 against 75 a year before (+20 % nominal). With its
// division's prices up 20 % on last year every month, 90 x 100 / 120 = 75: no real growth.
TEST_F(IndicatorsTest, DeflatesValueAddedWithTheDivisionsPriceIndex) {
  Engine engine(testutil::FulingSystem(), registry_);
  engine.Apply(panel_);
  EXPECT_FALSE(engine.Compute({2024, 3}).groups.front().value_added_growth_real.has_value());
  engine.SetPriceIndices({{"38", {2024, 1}, 120}, {"38", {2024, 2}, 120}, {"38", {2024, 3}, 120}});
  const auto r = engine.Compute({2024, 3});
  const auto& a = Group(r, "cluster", "L1");
  EXPECT_NEAR(*a.Growth(Measure::kValueAdded), 0.2, 1e-12);
  EXPECT_NEAR(*a.value_added_growth_real, 0.0, 1e-12);
  EXPECT_EQ(a.price_gaps, 0u);
  // March has no index: the real growth is unknown, never the nominal one in disguise.
  engine.SetPriceIndices({{"38", {2024, 1}, 120}, {"38", {2024, 2}, 120}});
  const auto gap = engine.Compute({2024, 3});
  EXPECT_FALSE(Group(gap, "cluster", "L1").value_added_growth_real.has_value());
  EXPECT_EQ(Group(gap, "cluster", "L1").price_gaps, 1u);
}

}  // namespace
}  // namespace clusterscope::engine

namespace clusterscope::engine {
namespace {

// Money is summed exactly (issue 23): a year's profits of 0.3, -0.1 and -0.2 万元 add up to
// nothing, not to the -2.8e-17 of binary floating point, so the enterprise is no loss-maker;
// two enterprises whose outputs differ in the sixth decimal keep their order, and a group's
// sums are the exact decimal sums.
TEST(ExactMoneyTest, AYearOfProfitsSummingToZeroIsNoLoss) {
  std::vector<model::Enterprise> registry;
  model::MonthlyPanel panel;
  const std::array<std::array<double, 3>, 2> profits = {{{0.3, -0.1, -0.2}, {0.1, 0.2, -0.3}}};
  const std::array<std::array<double, 3>, 2> outputs = {{{0.1, 0.2, 1e6}, {0.3, 0.000001, 1e6}}};
  for (std::size_t n = 0; n < 2; ++n) {
    model::Enterprise e;
    e.uscc = testutil::CreditCode(static_cast<int>(n) + 1);
    e.name = "E" + std::to_string(n);
    e.industry_code = "3841";
    e.cluster = "L1";
    e.above_scale = {{2024, true}, {2025, true}};
    registry.push_back(e);
    for (int year : {2024, 2025}) {
      for (std::size_t m = 0; m < 3; ++m) {
        model::MonthlyRecord r;
        r.uscc = e.uscc;
        r.period = {year, static_cast<int>(m) + 1};
        r[Measure::kOutputValue] = outputs[n][m];
        r[Measure::kRevenue] = 100;
        r[Measure::kProfit] = profits[n][m];
        panel.Add(r);
      }
    }
  }
  panel.Sort();
  Engine engine(testutil::FulingSystem(), registry);
  engine.Apply(panel);
  const auto indicators = engine.Compute({2025, 3}, {.top = 2});
  const auto& total = indicators.groups.front();
  ASSERT_EQ(total.kind, "total");
  EXPECT_EQ(0.3 - 0.1 - 0.2 < 0, true) << "in binary floating point it is a loss";
  EXPECT_EQ(total.loss_count, 0u);
  EXPECT_EQ(total.loss_amount, 0.0);
  EXPECT_EQ(total.Sum(Quantity::kProfit), 0.0);
  // 0.1 + 0.2 + 1e6 against 0.3 + 0.000001 + 1e6: the second is larger by a millionth.
  EXPECT_EQ(total.Sum(Quantity::kOutput), 2000000.600001);
  ASSERT_EQ(total.top_by_output.size(), 2u);
  EXPECT_EQ(total.top_by_output[0].uscc, testutil::CreditCode(2));
  EXPECT_EQ(total.top_by_output[0].ytd_output, 1000000.300001);
  EXPECT_EQ(total.top_by_output[1].ytd_output, 1000000.3);
  EXPECT_EQ(*total.growth_same_basis, 0.0);
}

// The fixed point's limits, in numbers: six decimals exact, and the nation's output in range.
TEST(ExactMoneyTest, AmountsKeepSixDecimalsAndTheNationsOutput) {
  EXPECT_EQ(ToAmount(0.000001), 1);
  EXPECT_EQ(ToAmount(-1234.567891), -1234567891);
  EXPECT_EQ(FromAmount(ToAmount(1244.5)), 1244.5);
  EXPECT_EQ(ToAmount(0.1) + ToAmount(0.2), ToAmount(0.3));
  // China's industrial output, about 1.3e10 万元 a year, summed over 36 months.
  const Amount nation = ToAmount(1.3e10) * 36;
  EXPECT_GT(nation, 0);
  EXPECT_LT(nation, std::numeric_limits<Amount>::max() / 10);
}

}  // namespace
}  // namespace clusterscope::engine
