// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The shipped 2027 plan loads with all 30 rows wired, and every kind of bad plan is refused with
// the file, line, key and reason.
#include "clusterscope/app/targets_config.h"

#include <set>

#include "testutil.h"
#include <gtest/gtest.h>

namespace clusterscope::app {
namespace {

using model::TargetKind;

TEST(TargetsConfigTest, ShipsAllThirtyRowsOfThe2027Table) {
  auto plan = LoadTargetPlanFile(testutil::SystemsDir() + "/fuling-2349-targets.toml",
                                 testutil::FulingSystem());
  ASSERT_TRUE(plan) << plan.error().message();
  std::set<int> rows;
  std::set<TargetKind> kinds;
  for (const auto& t : plan->targets) {
    rows.insert(t.row);
    kinds.insert(t.kind);
    EXPECT_EQ(t.base_year, 2022) << t.id;
    EXPECT_EQ(t.target_year, 2027) << t.id;
  }
  EXPECT_EQ(rows.size(), 30u);
  EXPECT_EQ(*rows.begin(), 1);
  EXPECT_EQ(*rows.rbegin(), 30);
  EXPECT_EQ(kinds.size(), 7u);  // every kind of target
  int doublings = 0;
  for (const auto& t : plan->targets) doublings += t.row == 30 ? 1 : 0;
  EXPECT_EQ(doublings, 6);
  const auto* va = plan->FindTarget("T01");
  ASSERT_NE(va, nullptr);
  EXPECT_EQ(va->kind, TargetKind::kLevel);
  EXPECT_EQ(va->value->name, "value_added");
  EXPECT_EQ(*va->target_value, 1000);
  EXPECT_EQ(va->unit, "亿元");
  const auto* big = plan->FindTarget("T30f");
  ASSERT_NE(big, nullptr);
  EXPECT_EQ(*big->value->threshold, 1000000);
}

std::string Plan(const std::string& target) {
  return "system = \"fuling-2349\"\nbase_year = 2022\ntarget_year = 2027\n"
         "[[series]]\ncode = \"gdp\"\nname_zh = \"地区生产总值\"\nunit = \"亿元\"\n"
         "[[targets]]\nid = \"X\"\nname_zh = \"x\"\n" +
         target;
}

std::string Problems(const std::string& target) {
  auto plan = LoadTargetPlanText(Plan(target), "plan.toml", testutil::FulingSystem());
  return plan ? "" : plan.error().message();
}

TEST(TargetsConfigTest, RefusesUnknownNamesWithFileLineAndKey) {
  EXPECT_EQ(Problems("kind = \"level\"\nunit = \"亿元\"\ntarget = 1\n"
                     "value = { measure = \"turnover\" }\n"),
            "plan.toml:14: targets[0].value.measure: unknown measure 'turnover'");
  EXPECT_EQ(
      Problems("kind = \"level\"\nunit = \"亿元\"\ntarget = 1\nvalue = { series = \"gnp\" }\n"),
      "plan.toml:14: targets[0].value.series: unknown series 'gnp' (declare it under "
      "[[series]])");
  EXPECT_NE(Problems("kind = \"count\"\nunit = \"家\"\ntarget = 1\n"
                     "value = { designation = \"gold_medal\" }\n")
                .find("unknown designation type 'gold_medal'"),
            std::string::npos);
  EXPECT_NE(Problems("kind = \"level\"\nunit = \"亿元\"\ntarget = 1\nscope = \"park:NOPE\"\n"
                     "value = { measure = \"output_value\", group = \"park:NOPE\" }\n")
                .find("unknown scope 'park:NOPE'"),
            std::string::npos);
  EXPECT_NE(Problems("kind = \"level\"\nunit = \"亿元\"\ntarget = 1\n"
                     "value = { measure = \"output_value\", group = \"cluster:Z9\" }\n")
                .find("targets[0].value.group: unknown group 'cluster:Z9'"),
            std::string::npos);
  EXPECT_NE(Problems("kind = \"sum\"\nunit = \"亿元\"\n").find("unknown kind 'sum'"),
            std::string::npos);
  EXPECT_NE(Problems("kind = \"level\"\nunit = \"亿元\"\ntarget = 1\nvalue = { measure = "
                     "\"revenue\" }\ncolour = \"red\"\n")
                .find("targets[0].colour: unknown key"),
            std::string::npos);
}

TEST(TargetsConfigTest, RefusesMixedUnitsAndABackwardsPath) {
  // Money stated in persons; a share of money over a count; a target year before the base.
  EXPECT_NE(Problems("kind = \"level\"\nunit = \"人\"\ntarget = 1\nvalue = { measure = "
                     "\"revenue\" }\n")
                .find("targets[0].unit: unit '人' does not fit what the target reads"),
            std::string::npos);
  EXPECT_NE(Problems("kind = \"ratio\"\nunit = \"%\"\ntarget = 1\n"
                     "numerator = { measure = \"revenue\" }\n"
                     "denominator = { enterprises = \"above_scale\" }\n")
                .find("needs numerator and denominator of the same kind"),
            std::string::npos);
  EXPECT_NE(Problems("kind = \"level\"\nunit = \"亿元\"\ntarget = 1\ntarget_year = 2020\n"
                     "value = { measure = \"revenue\" }\n")
                .find("target year 2020 is before the base year 2022"),
            std::string::npos);
  EXPECT_NE(Problems("kind = \"level\"\nunit = \"亿元\"\nvalue = { measure = \"revenue\" }\n")
                .find("needs a target"),
            std::string::npos);
  EXPECT_NE(Problems("kind = \"ratio\"\nunit = \"%\"\ntarget = 1\ndecompose = \"cluster\"\n"
                     "numerator = { measure = \"revenue\" }\n"
                     "denominator = { measure = \"revenue\" }\n")
                .find("only a level target of a measure over the whole region can be split"),
            std::string::npos);
  EXPECT_NE(Problems("kind = \"level\"\nunit = \"亿元\"\ntarget = 100\ndecompose = \"cluster\"\n"
                     "parts = { L1 = 80, Z9 = 30 }\nvalue = { measure = \"revenue\" }\n")
                .find("unknown cluster 'Z9'"),
            std::string::npos);
  EXPECT_NE(Problems("kind = \"level\"\nunit = \"亿元\"\ntarget = 100\ndecompose = \"cluster\"\n"
                     "parts = { L1 = 80, L2 = 30 }\nvalue = { measure = \"revenue\" }\n")
                .find("add up to more than the target"),
            std::string::npos);
  EXPECT_NE(Problems("kind = \"milestone\"\nseries = \"gdp\"\n").find("unit \"date\""),
            std::string::npos);
}

}  // namespace
}  // namespace clusterscope::app
