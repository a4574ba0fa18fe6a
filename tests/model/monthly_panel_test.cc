// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/model/monthly_panel.h"

#include "testutil.h"
#include <gtest/gtest.h>

namespace clusterscope::model {
namespace {

MonthlyRecord Row(int n, core::Period period, std::optional<double> output) {
  MonthlyRecord r;
  r.uscc = testutil::CreditCode(n);
  r.period = period;
  r[Measure::kOutputValue] = output;
  return r;
}

TEST(MonthlyPanelTest, KeepsMissingApartFromZero) {
  MonthlyPanel panel;
  auto r = Row(1, {2023, 1}, 0.0);
  r[Measure::kProfit] = -3.5;
  panel.Add(r);
  panel.Add(Row(1, {2023, 2}, std::nullopt));
  EXPECT_TRUE(panel.has(0, Measure::kOutputValue));
  EXPECT_EQ(panel.Get(0, Measure::kOutputValue), 0.0);
  EXPECT_EQ(panel.Get(0, Measure::kProfit), -3.5);
  EXPECT_FALSE(panel.Get(1, Measure::kOutputValue).has_value());
  EXPECT_EQ(panel.value(1, Measure::kOutputValue), 0.0);  // sums need no test
  EXPECT_EQ(panel.Record(0).values, r.values);
  EXPECT_EQ(panel.enterprises(), 1u);
}

TEST(MonthlyPanelTest, SortsByCreditCodeAndPeriodKeepingTheFileOrderOfEqualKeys) {
  MonthlyPanel panel;
  panel.Add(Row(2, {2023, 2}, 1));
  panel.Add(Row(1, {2023, 3}, 2));
  panel.Add(Row(2, {2023, 1}, 3));
  panel.Add(Row(1, {2023, 3}, 4));  // a duplicate of row 1, later in the file
  ASSERT_LT(testutil::CreditCode(1), testutil::CreditCode(2));
  const auto order = panel.Sort();
  EXPECT_EQ(order, (std::vector<std::uint32_t>{1, 3, 2, 0}));
  EXPECT_TRUE(panel.IsSorted());
  EXPECT_EQ(panel.uscc(0), testutil::CreditCode(1));
  EXPECT_EQ(panel.value(0, Measure::kOutputValue), 2);
  EXPECT_EQ(panel.value(1, Measure::kOutputValue), 4);
  EXPECT_EQ(panel.RowsOf(0), (std::pair<std::size_t, std::size_t>{0, 2}));
  EXPECT_EQ(panel.RowsOf(1), (std::pair<std::size_t, std::size_t>{2, 4}));
  EXPECT_EQ(panel.FindSlot(testutil::CreditCode(2)), 1);
  EXPECT_EQ(panel.FindSlot(testutil::CreditCode(3)), -1);

  panel.Filter({1, 0, 1, 1});
  EXPECT_EQ(panel.rows(), 3u);
  EXPECT_EQ(panel.RowsOf(0), (std::pair<std::size_t, std::size_t>{0, 1}));
  panel.Filter({0, 1, 1});
  panel.DropEmptySlots();
  EXPECT_EQ(panel.enterprises(), 1u);
  EXPECT_EQ(panel.uscc(0), testutil::CreditCode(2));
  EXPECT_EQ(panel.RowsOf(0), (std::pair<std::size_t, std::size_t>{0, 2}));
  EXPECT_EQ(panel.period_index(0), (core::Period{2023, 1}.Index()));
}

}  // namespace
}  // namespace clusterscope::model

namespace clusterscope::model {
namespace {

TEST(MonthlyPanelTest, HoldsPriorYearFiguresOnlyOnceARowHasOne) {
  MonthlyPanel panel;
  panel.Add(Row(2, {2023, 2}, 10.0));
  EXPECT_FALSE(panel.has_priors());
  auto with_prior = Row(1, {2023, 1}, 12.0);
  with_prior.prior[static_cast<std::size_t>(Measure::kOutputValue)] = 0.0;  // a reported zero
  panel.Add(with_prior);
  panel.Add(Row(1, {2023, 3}, 11.0));
  ASSERT_TRUE(panel.has_priors());
  EXPECT_FALSE(panel.has_prior(0, Measure::kOutputValue));  // the row before stays without
  EXPECT_EQ(panel.GetPrior(1, Measure::kOutputValue), 0.0);
  EXPECT_FALSE(panel.GetPrior(2, Measure::kOutputValue).has_value());

  panel.Sort();  // enterprise 1 first: its January, then its March
  EXPECT_EQ(panel.Record(0).prior, with_prior.prior);
  MonthlyPanel other;
  other.Add(Row(1, {2023, 1}, 12.0));
  other.Sort();
  EXPECT_FALSE(panel.SameValues(0, other, 0));  // the same figures but for the prior
  MonthlyPanel march;
  march.Add(Row(1, {2023, 3}, 11.0));
  march.Sort();
  EXPECT_TRUE(panel.SameValues(1, march, 0));  // neither has a prior

  panel.Filter({1, 0, 1});
  ASSERT_EQ(panel.rows(), 2u);
  EXPECT_EQ(panel.GetPrior(0, Measure::kOutputValue), 0.0);
  EXPECT_FALSE(panel.has_prior(1, Measure::kOutputValue));
}

}  // namespace
}  // namespace clusterscope::model
