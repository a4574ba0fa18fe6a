// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The base of growth (issue 19, item 1): an enterprise-month's base is the prior-year figure it
// reported (上年同期), else its stored figure of a year earlier, else zero; and the enterprises
// whose growth rests on a zero base are counted.
#include "testutil.h"
#include <gtest/gtest.h>

#include "clusterscope/engine/indicators.h"

namespace clusterscope::engine {
namespace {

using model::Measure;

class BaseTest : public ::testing::Test {
 protected:
  // A continues: 2024 stored 100 a month, 2025 110 a month.
  // B is new above scale in 2025, reports output_value_prior 40 a month and output 50.
  // C continues: 2024 stored 200 a month; in 2025 reports output_value_prior 190 and output 200.
  // D is new above scale in 2025, founded 2020, reports 30 a month and no prior.
  // E is new above scale in 2025, founded 2024-06 (inside the base window): no base, rightly.
  BaseTest() {
    Add(0, {2024, 2025}, core::Date{2010, 1, 1});
    Add(1, {2025}, core::Date{2015, 5, 1});
    Add(2, {2024, 2025}, core::Date{2008, 3, 1});
    Add(3, {2025}, core::Date{2020, 7, 1});
    Add(4, {2025}, core::Date{2024, 6, 1});
    for (int m = 1; m <= 3; ++m) {
      panel_.Add(Month(0, 2024, m, 100));
      panel_.Add(Month(0, 2025, m, 110));
      panel_.Add(Month(1, 2025, m, 50, 40));
      panel_.Add(Month(2, 2024, m, 200));
      panel_.Add(Month(2, 2025, m, 200, 190));
      panel_.Add(Month(3, 2025, m, 30));
    }
    panel_.Sort();
  }

  void Add(int n, std::vector<int> years, core::Date founded) {
    model::Enterprise e;
    e.uscc = testutil::CreditCode(n);
    e.name = std::string(1, static_cast<char>('A' + n));
    e.industry_code = "3841";
    e.cluster = "L1";
    e.founded = founded;
    for (int y : years) e.above_scale[y] = true;
    registry_.push_back(e);
  }
  static model::MonthlyRecord Month(int n, int year, int month, double output,
                                    std::optional<double> prior = std::nullopt) {
    model::MonthlyRecord r;
    r.uscc = testutil::CreditCode(n);
    r.period = {year, month};
    r[Measure::kOutputValue] = output;
    r.prior[static_cast<std::size_t>(Measure::kOutputValue)] = prior;
    return r;
  }
  MonthlyIndicators Compute(core::Period period) const {
    Engine engine(testutil::FulingSystem(), registry_);
    engine.Apply(panel_);
    return engine.Compute(period);
  }
  static GroupIndicators Total(const MonthlyIndicators& r) { return r.groups.front(); }

  std::vector<model::Enterprise> registry_;
  model::MonthlyPanel panel_;
};

TEST_F(BaseTest, TheWorkedCaseOfTheIssue) {
  const auto r = Compute({2025, 3});
  const auto& total = Total(r);
  ASSERT_EQ(total.kind, "total");
  EXPECT_EQ(total.enterprises, 4u);
  EXPECT_DOUBLE_EQ(total.ytd[0], 1170);      // 330 + 150 + 600 + 90
  EXPECT_DOUBLE_EQ(total.ytd_base[0], 990);  // 300 + 120 + 570 + 0
  EXPECT_NEAR(*total.growth_same_basis, 0.1818, 5e-5);
  EXPECT_EQ(total.unbased_count, 1u);  // D
  EXPECT_DOUBLE_EQ(*total.unbased_output, 90);
  // The month alone: 110 + 50 + 200 + 30 on 100 + 40 + 190 + 0.
  EXPECT_DOUBLE_EQ(total.month_output, 390);
  EXPECT_DOUBLE_EQ(total.month_output_base, 330);
}

TEST_F(BaseTest, AReportedPriorStandsOverTheStoredFigure) {
  const auto r = Compute({2025, 1});
  const auto& total = Total(r);
  EXPECT_DOUBLE_EQ(total.ytd_base[0], 330);  // A 100 stored, B 40 and C 190 reported, D none
  // C's own growth reads its reported base: 200 / 190 - 1.
  for (const auto& ranked : total.top_by_growth) {
    if (ranked.uscc == testutil::CreditCode(2)) {
      EXPECT_NEAR(*ranked.growth, 10.0 / 190, 1e-12);
    }
  }
}

TEST_F(BaseTest, AnEnterpriseFoundedInTheBaseWindowIsNotUnbased) {
  panel_.Add(Month(4, 2025, 3, 70));
  panel_.Sort();
  const auto& total = Total(Compute({2025, 3}));
  EXPECT_EQ(total.enterprises, 5u);
  EXPECT_EQ(total.unbased_count, 1u);  // still D alone: E began in 2024-06
  EXPECT_DOUBLE_EQ(*total.unbased_output, 90);
}

TEST_F(BaseTest, AnUnknownFoundingDateCountsAsUnbased) {
  registry_[3].founded.reset();
  registry_[4].founded.reset();
  panel_.Add(Month(4, 2025, 3, 70));
  panel_.Sort();
  const auto& total = Total(Compute({2025, 3}));
  EXPECT_EQ(total.unbased_count, 2u);
  EXPECT_DOUBLE_EQ(*total.unbased_output, 160);
}

TEST_F(BaseTest, AReportedZeroIsABase) {
  // D revises February with a prior of 0: it had a base, of zero, and is not unbased.
  model::MonthlyPanel revised;
  revised.Add(Month(3, 2025, 2, 30, 0.0));
  revised.Sort();
  Engine engine(testutil::FulingSystem(), registry_);
  engine.Apply(panel_);
  engine.Apply(revised);
  const auto& total = Total(engine.Compute({2025, 3}));
  EXPECT_EQ(total.unbased_count, 0u);
  EXPECT_DOUBLE_EQ(total.ytd_base[0], 990);
}

TEST_F(BaseTest, ARevisionWithoutPriorsFallsBackToTheStoredFigure) {
  Engine engine(testutil::FulingSystem(), registry_);
  engine.Apply(panel_);
  model::MonthlyPanel revised;  // C's March again, with no prior this time
  revised.Add(Month(2, 2025, 3, 200));
  revised.Sort();
  engine.Apply(revised);
  const auto& total = Total(engine.Compute({2025, 3}));
  EXPECT_DOUBLE_EQ(total.ytd_base[0], 1000);  // C: 190 + 190 + 200 stored
}

}  // namespace
}  // namespace clusterscope::engine
