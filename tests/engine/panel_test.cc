// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The panel's quarter-end checkpoints must always equal the plain sum of the months from
// January, whatever order the months arrive in: a panel starting mid-year, a gap month, a
// revision of an earlier month, an enterprise first seen later, months laid before the first.
#include "clusterscope/engine/panel.h"

#include <gtest/gtest.h>

#include "clusterscope/core/period.h"

namespace clusterscope::engine {
namespace {

using model::Measure;

std::int32_t P(int year, int month) { return core::Period{year, month}.Index(); }

model::MonthlyRecord Month(const std::string& uscc, int year, int month, double output,
                           double profit) {
  model::MonthlyRecord r;
  r.uscc = uscc;
  r.period = {year, month};
  r[Measure::kOutputValue] = output;
  r[Measure::kProfit] = profit;
  return r;
}

// Σ of `measure` for `uscc` over January .. `period`, from the month columns (exact).
Amount Sum(const Panel& panel, std::string_view uscc, std::int32_t period, Measure measure) {
  const auto e = static_cast<std::size_t>(panel.Find(uscc));
  Amount sum = 0;
  for (std::int32_t p = period / 12 * 12; p <= period; ++p) {
    if (panel.HasMonth(p)) sum += panel.Column(p, measure)[e];
  }
  return sum;
}

// Checks every quarter end held against the sums from the month columns.
void ExpectCheckpointsMatch(const Panel& panel) {
  for (std::int32_t q = panel.first_period(); q <= panel.last_period(); ++q) {
    if (q % 12 % 3 != 2) continue;
    ASSERT_EQ(panel.YearToDateCheckpoint(q), q);
    for (std::size_t e = 0; e < panel.enterprises(); ++e) {
      for (const auto m : {Measure::kOutputValue, Measure::kProfit}) {
        EXPECT_EQ(panel.YearToDate(q, m)[e], Sum(panel, panel.uscc(e), q, m))
            << panel.uscc(e) << " " << core::Period::FromIndex(q).ToString();
      }
    }
  }
}

TEST(PanelTest, CheckpointsFollowEveryWayMonthsArrive) {
  Panel panel;
  model::MonthlyPanel facts;
  // A starts in May 2023 (no checkpoint before June); July is missing.
  for (int m = 5; m <= 12; ++m) {
    if (m != 7) facts.Add(Month("A", 2023, m, 10.0 * m, -1));
  }
  facts.Sort();
  panel.Apply(facts);
  EXPECT_EQ(panel.YearToDateCheckpoint(P(2023, 5)), -1);
  EXPECT_EQ(panel.YearToDateCheckpoint(P(2023, 8)), P(2023, 6));
  EXPECT_DOUBLE_EQ(FromAmount(panel.YearToDate(P(2023, 6), Measure::kOutputValue)[0]), 50 + 60);
  EXPECT_DOUBLE_EQ(FromAmount(panel.YearToDate(P(2023, 9), Measure::kOutputValue)[0]),
                   50 + 60 + 80 + 90);
  EXPECT_DOUBLE_EQ(FromAmount(panel.YearToDate(P(2023, 12), Measure::kProfit)[0]), -7);
  ExpectCheckpointsMatch(panel);

  // A revision of June moves June's checkpoint and every later one of 2023, by the change.
  model::MonthlyPanel revision;
  revision.Add(Month("A", 2023, 6, 160, -1));
  panel.Apply(revision);
  EXPECT_DOUBLE_EQ(FromAmount(panel.YearToDate(P(2023, 12), Measure::kOutputValue)[0]),
                   50 + 160 + 80 + 90 + 100 + 110 + 120);
  ExpectCheckpointsMatch(panel);

  // B arrives in 2024 with a gap: February 2024 only, then May 2024.
  model::MonthlyPanel b;
  b.Add(Month("B", 2024, 2, 7, 1));
  b.Add(Month("B", 2024, 5, 9, 1));
  b.Sort();
  panel.Apply(b);
  EXPECT_EQ(panel.last_period(), P(2024, 5));
  EXPECT_EQ(panel.YearToDateCheckpoint(P(2024, 5)), P(2024, 3));
  EXPECT_EQ(FromAmount(panel.YearToDate(P(2024, 3), Measure::kOutputValue)[panel.Find("A")]), 0.0);
  EXPECT_DOUBLE_EQ(FromAmount(panel.YearToDate(P(2024, 3), Measure::kOutputValue)[panel.Find("B")]),
                   7);
  EXPECT_EQ(panel.ReportedYearToDate(P(2024, 3))[panel.Find("B")], 1);
  EXPECT_EQ(panel.ReportedYearToDate(P(2024, 3))[panel.Find("A")], 0);
  ExpectCheckpointsMatch(panel);

  // Months before the first: January to April 2023 of A move 2023's checkpoints.
  model::MonthlyPanel early;
  for (int m = 1; m <= 4; ++m) early.Add(Month("A", 2023, m, 1, 0));
  early.Sort();
  panel.Apply(early);
  EXPECT_EQ(panel.first_period(), P(2023, 1));
  EXPECT_DOUBLE_EQ(FromAmount(panel.YearToDate(P(2023, 3), Measure::kOutputValue)[panel.Find("A")]),
                   3);
  EXPECT_EQ(panel.ReportedYearToDate(P(2023, 3))[panel.Find("A")], 1);
  ExpectCheckpointsMatch(panel);
}

}  // namespace
}  // namespace clusterscope::engine
