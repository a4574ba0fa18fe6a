// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Ladder criteria: bounds, progress towards a bar, the high-tech R&D bands at their edges, and
// the pipeline's weighted addition to a group's sales.
#include "clusterscope/chains/cultivation.h"

#include <gtest/gtest.h>

#include "clusterscope/chains/pipeline.h"

namespace clusterscope::chains {
namespace {

model::Criterion HighTechBand() {
  model::Criterion c;
  c.figure = "rd_intensity_3y";
  c.band_by = "revenue_last_year";
  c.bands = {{5000.0, 0.05}, {20000.0, 0.04}, {std::nullopt, 0.03}};
  return c;
}

struct Row {
  std::string uscc;
  std::string name;
  std::vector<std::pair<std::string, double>> figures;
};

// A table over `rows`, which outlive it (the table keeps views of their names).
FigureTable Table(const std::vector<Row>& rows) {
  FigureTable table;
  for (const auto& r : rows) table.AddEnterprise(r.uscc, r.name);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    for (const auto& [code, value] : rows[i].figures) table.Column(code)[i] = value;
  }
  return table;
}

CriterionResult Tested(const model::Criterion& c, const std::vector<Row>& one) {
  return TestCriterion(c, Table(one), 0);
}

std::vector<Row> Firm(double revenue, double rd) {
  return {{"U", "某企业", {{"revenue_last_year", revenue}, {"rd_intensity_3y", rd}}}};
}

TEST(CultivationTest, TheTableHoldsAFigurePerEnterpriseAndNoneWhereUnset) {
  const std::vector<Row> rows = {{"A", "甲", {{"revenue_12m", 10}}}, {"B", "乙", {}}};
  const auto table = Table(rows);
  ASSERT_EQ(table.size(), 2u);
  EXPECT_EQ(table.uscc(1), "B");
  EXPECT_EQ(table.name(0), "甲");
  EXPECT_EQ(table.Get(0, "revenue_12m"), 10.0);
  EXPECT_FALSE(table.Get(1, "revenue_12m").has_value());
  EXPECT_FALSE(table.Get(0, "employees").has_value());
  EXPECT_EQ(table.Find("employees"), nullptr);
}

TEST(CultivationTest, HighTechBandsAtTheirEdges) {
  const auto c = HighTechBand();
  // Up to 50 M yuan inclusive: 5 %.
  EXPECT_DOUBLE_EQ(*Tested(c, Firm(5000, 0.05)).min, 0.05);
  EXPECT_TRUE(Tested(c, Firm(5000, 0.05)).met);
  EXPECT_FALSE(Tested(c, Firm(5000, 0.0499)).met);
  // Just above 50 M: 4 %.
  EXPECT_DOUBLE_EQ(*Tested(c, Firm(5000.01, 0.04)).min, 0.04);
  EXPECT_TRUE(Tested(c, Firm(5000.01, 0.04)).met);
  // Up to 200 M inclusive: 4 %; above: 3 %.
  EXPECT_DOUBLE_EQ(*Tested(c, Firm(20000, 0.04)).min, 0.04);
  EXPECT_FALSE(Tested(c, Firm(20000, 0.035)).met);
  EXPECT_DOUBLE_EQ(*Tested(c, Firm(20000.01, 0.03)).min, 0.03);
  EXPECT_TRUE(Tested(c, Firm(20000.01, 0.03)).met);
  EXPECT_FALSE(Tested(c, Firm(1e7, 0.0299)).met);
  // Progress towards the bar, and no data.
  EXPECT_NEAR(Tested(c, Firm(1e7, 0.015)).progress, 0.5, 1e-12);
  EXPECT_FALSE(Tested(c, {{"U", "x", {{"revenue_last_year", 100}}}}).value.has_value());
  EXPECT_FALSE(Tested(c, {{"U", "x", {{"rd_intensity_3y", 0.1}}}}).met);  // no band without revenue
}

TEST(CultivationTest, ListsThePopulationCloseToTheStep) {
  model::Ladder ladder;
  ladder.code = "small_to_above";
  ladder.name_zh = "小升规";
  ladder.population = {{"above_scale", std::nullopt, 0.0, "", {}, ""}};
  ladder.criteria = {{"revenue_12m", 2000.0, std::nullopt, "", {}, ""}};
  ladder.list_from = 0.6;
  const std::vector<Row> firms = {
      {"A", "已规上", {{"above_scale", 1}, {"revenue_12m", 9000}}},
      {"B", "达标", {{"above_scale", 0}, {"revenue_12m", 2000}}},
      {"C", "接近", {{"above_scale", 0}, {"revenue_12m", 1500}}},
      {"D", "刚好列入", {{"above_scale", 0}, {"revenue_12m", 1200}}},
      {"E", "尚远", {{"above_scale", 0}, {"revenue_12m", 1199}}},
      {"F", "无数据", {{"above_scale", 0}}},
  };
  const auto result = EvaluateLadder(ladder, Table(firms));
  EXPECT_EQ(result.population, 5u);
  EXPECT_EQ(result.ready, 1u);
  ASSERT_EQ(result.entries.size(), 3u);
  EXPECT_EQ(result.entries[0].uscc, "B");
  EXPECT_TRUE(result.entries[0].ready);
  EXPECT_EQ(result.entries[1].uscc, "C");
  EXPECT_DOUBLE_EQ(result.entries[1].readiness, 0.75);
  EXPECT_FALSE(result.entries[1].criteria[0].met);
  EXPECT_EQ(*result.entries[1].criteria[0].value, 1500);
  EXPECT_EQ(result.entries[2].uscc, "D");  // 0.6 exactly is listed
}

TEST(PipelineTest, WeightedAdditionByStageAndGroup) {
  model::Project a;  // signed, produces from 2026-01-15 at 12,000 a year after 12 months
  a.code = "A";
  a.cluster = "L2";
  a.park = "GXQ";
  a.stage = model::Stage::kSigned;
  a.reached[1] = core::Date{2025, 3, 1};
  a.ramp_months = 12;
  a.planned[4] = core::Date{2026, 1, 15};
  a.phases.push_back({1, std::nullopt, std::nullopt, "", 12000, std::nullopt});
  model::Project b = a;  // in production since 2025-01-15: half way up the ramp in mid 2025
  b.code = "B";
  b.cluster = "L1";
  b.stage = model::Stage::kProduction;
  b.reached[2] = core::Date{2025, 3, 2};
  b.reached[3] = core::Date{2025, 3, 3};
  b.reached[4] = core::Date{2025, 1, 15};
  b.planned[4].reset();
  const model::PipelineRules rules;  // signed 0.5, production 1.0
  const core::Date now{2025, 12, 31}, target{2027, 12, 31};
  // A: nothing now, 12,000 in 2027, weight 0.5 -> 6,000. B: 2025 makes 12,000 x 66/144 = 5,500,
  // 2027 makes 12,000 -> 6,500.
  // The result points into the projects it was given: they outlive it (ASan caught a temporary).
  const std::vector<model::Project> projects{a, b};
  const auto total = AdditionFor(projects, rules, "total", now, target);
  EXPECT_NEAR(total.total, 6000 + 6500, 1e-9);
  ASSERT_EQ(total.projects.size(), 2u);
  EXPECT_EQ(total.projects[0].project->code, "B");
  EXPECT_NEAR(AdditionFor(projects, rules, "cluster:L2", now, target).total, 6000, 1e-9);
  EXPECT_NEAR(AdditionFor(projects, rules, "park:GXQ", now, target).total, 12500, 1e-9);
  EXPECT_NEAR(AdditionFor(projects, rules, "tier:L", now, target).total, 0, 1e-9);
}

}  // namespace
}  // namespace clusterscope::chains
