// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The monthly report's JSON form, written as a stream: the contract's fields, null where a value
// is undefined or not finite, withheld groups as nulls with the reason, and alert messages in
// the report's language from the figures the engine gives.
#include "clusterscope/report/monthly_report.h"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace clusterscope::report {
namespace {

engine::MonthlyIndicators Sample() {
  engine::MonthlyIndicators indicators;
  indicators.period = {2025, 6};
  engine::GroupIndicators total;
  total.kind = "total";
  total.code = "total";
  total.name = "全部规上工业";
  total.enterprises = 3;
  total.ytd[0] = 120.5;
  total.ytd_base[0] = 100;
  total.growth_same_basis = 0.205;
  total.rd_intensity = std::numeric_limits<double>::quiet_NaN();  // never in JSON as NaN
  total.top_by_output.push_back({"91500102MA5U0001XX", "甲 \"引号\" 公司", 80, 0.1});
  indicators.groups.push_back(total);
  engine::GroupIndicators withheld;
  withheld.kind = "cluster";
  withheld.code = "L1";
  withheld.name = "先进材料";
  withheld.enterprises = 1;
  withheld.suppressed = "primary";
  withheld.ytd[0] = 50;  // must not appear
  indicators.groups.push_back(withheld);
  indicators.alerts.push_back(
      {"amber", "group_below_total", "cluster", "P1", "P1", 0.05, 0.205, 0});
  indicators.alerts.push_back(
      {"red", "enterprise_declining", "enterprise", "X", "乙", -0.42, 0.2, 3});
  indicators.alerts.push_back({"amber", "not_reported", "enterprise", "Y", "丙", {}, {}, 0});
  return indicators;
}

TEST(MonthlyReportJsonTest, KeepsTheContractAndWritesNullsNotZeros) {
  const auto json = nlohmann::json::parse(MonthlyReportJson(Sample()));
  EXPECT_EQ(json["period"], "2025-06");
  EXPECT_EQ(json["money_unit"], "万元");
  EXPECT_EQ(json["value_added_growth"], "nominal");
  ASSERT_EQ(json["groups"].size(), 2u);
  const auto& total = json["groups"][0];
  EXPECT_EQ(total["kind"], "total");
  EXPECT_EQ(total["enterprises"], 3);
  EXPECT_DOUBLE_EQ(total["ytd_output"].get<double>(), 120.5);
  EXPECT_DOUBLE_EQ(total["growth_same_basis"].get<double>(), 0.205);
  EXPECT_TRUE(total["rd_intensity"].is_null());
  EXPECT_TRUE(total["contribution_rate"].is_null());
  EXPECT_TRUE(total["suppressed"].is_null());
  ASSERT_EQ(total["top"].size(), 1u);
  EXPECT_EQ(total["top"][0]["name"], "甲 \"引号\" 公司");
  EXPECT_EQ(total["top"][0]["uscc"], "91500102MA5U0001XX");
  const auto& withheld = json["groups"][1];
  EXPECT_EQ(withheld["suppressed"], "primary");
  EXPECT_TRUE(withheld["ytd_output"].is_null());
  EXPECT_TRUE(withheld["top"].empty());
}

TEST(MonthlyReportJsonTest, WordsAlertsInTheReportsLanguage) {
  const auto zh = nlohmann::json::parse(MonthlyReportJson(Sample(), Language::kZh));
  EXPECT_EQ(zh["alerts"][0]["message"], "产值增速+5.0%，低于全部规上工业的+20.5%");
  EXPECT_EQ(zh["alerts"][1]["message"], "产值连续 3 个月同比下降 20% 以上（最低 -42.0%）");
  EXPECT_EQ(zh["alerts"][2]["message"], "2025-05 已报、2025-06 未报");
  EXPECT_TRUE(zh["alerts"][2]["value"].is_null());
  const auto en = nlohmann::json::parse(MonthlyReportJson(Sample(), Language::kEn));
  EXPECT_EQ(en["alerts"][0]["message"], "output +5.0%, below the total's +20.5%");
  EXPECT_EQ(en["alerts"][1]["message"],
            "output down 20% or more on last year for 3 months running (worst -42.0%)");
  EXPECT_EQ(en["alerts"][2]["message"], "reported 2025-05 but not 2025-06");
}

}  // namespace
}  // namespace clusterscope::report
