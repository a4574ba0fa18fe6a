// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/core/period.h"

#include <gtest/gtest.h>

namespace clusterscope::core {
namespace {

TEST(PeriodTest, ParsesReportingMonths) {
  struct Case {
    const char* text;
    int year;
    int month;
  } cases[] = {{"2023-06", 2023, 6},   {"2023/6", 2023, 6},    {"202306", 2023, 6},
               {"2023.12", 2023, 12},  {"2023年6月", 2023, 6}, {"2023年12月", 2023, 12},
               {"2023-06-01", 2023, 6}};
  for (const auto& c : cases) {
    auto period = Period::Parse(c.text);
    ASSERT_TRUE(period.has_value()) << c.text;
    EXPECT_EQ(period->year, c.year) << c.text;
    EXPECT_EQ(period->month, c.month) << c.text;
  }
  for (const char* bad :
       {"", "2023", "2023-13", "2023-00", "2023-6-32", "23-06", "2023年13月", "abcdef"}) {
    EXPECT_FALSE(Period::Parse(bad).has_value()) << bad;
  }
}

TEST(PeriodTest, CountsMonthsAcrossYears) {
  const Period dec{2022, 12};
  const Period jan{2023, 1};
  EXPECT_EQ(jan.Index() - dec.Index(), 1);
  EXPECT_EQ(Period::FromIndex(jan.Index()), jan);
  EXPECT_EQ(Period::FromCode(jan.Code()), jan);
  EXPECT_EQ(jan.Code(), 202301);
  EXPECT_EQ(jan.ToString(), "2023-01");
  EXPECT_LT(dec, jan);
}

}  // namespace
}  // namespace clusterscope::core
