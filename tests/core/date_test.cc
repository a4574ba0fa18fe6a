// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/core/date.h"

#include <gtest/gtest.h>

namespace clusterscope::core {
namespace {

TEST(DateTest, ParsesTheFormsAnalystsWrite) {
  struct Case {
    const char* text;
    const char* iso;
  } cases[] = {{"2023-08-04", "2023-08-04"},
               {"2023/8/4", "2023-08-04"},
               {"2023.08.04", "2023-08-04"},
               {"2024-02-29", "2024-02-29"}};
  for (const auto& c : cases) {
    auto date = Date::Parse(c.text);
    ASSERT_TRUE(date.has_value()) << c.text << ": " << date.error().ToString();
    EXPECT_EQ(date->ToString(), c.iso);
  }
}

TEST(DateTest, RejectsImpossibleDates) {
  for (const char* text : {"", "2023", "2023-13-01", "2023-02-29", "2023-04-31", "20230804",
                           "2023-08-04T00", "abcd-08-04", "1800-01-01", "2023-8"}) {
    EXPECT_FALSE(Date::Parse(text).has_value()) << text;
  }
}

TEST(DateTest, OrdersChronologically) {
  EXPECT_LT(*Date::Parse("2023-01-31"), *Date::Parse("2023-02-01"));
  EXPECT_EQ(*Date::Parse("2023-2-1"), *Date::Parse("2023-02-01"));
}

}  // namespace
}  // namespace clusterscope::core
