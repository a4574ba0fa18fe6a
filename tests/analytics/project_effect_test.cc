// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// A project's direct and total effect through Miller and Blair's two-sector table, by hand:
// L = [[1.25412541, 0.330033], [0.2640264, 1.12211221]].
#include "clusterscope/analytics/project_effect.h"

#include "testutil.h"
#include <gtest/gtest.h>

namespace clusterscope::analytics {
namespace {

model::ProjectPhase Phase(int number, double annual_sales) {
  model::ProjectPhase phase;
  phase.number = number;
  phase.annual_sales = annual_sales;
  return phase;
}

class ProjectEffectTest : public ::testing::Test {
 protected:
  void SetUp() override {
    table_ = {{"agriculture", "manufacturing"}, {{150, 500}, {200, 100}}, {350, 1700}};
    auto io = AnalyseInputOutput(table_);
    ASSERT_OK(io);
    analysis_ = std::move(*io);
    plan_.system_code = "fuling-2349";
    plan_.region = "涪陵区";
    // Division 13 lies in two clusters (榨菜 F1 and food P1): its cluster is given. 3841 lies
    // in L2 only: derived.
    plan_.sectors = {{"agriculture", {"13"}, "F1"}, {"manufacturing", {"3841"}, ""}};
  }

  ProjectEffect Effect(const model::Project& project, const std::string& industry_class = "") {
    return EffectOf(project, industry_class, nullptr, plan_, table_, analysis_,
                    testutil::FulingSystem(), core::IndustryClassification::Gbt4754());
  }

  InputOutputTable table_;
  InputOutputAnalysis analysis_;
  model::AnalyticsPlan plan_;
};

TEST_F(ProjectEffectTest, SalesAtFullOutputThroughTheLeontiefInverse) {
  EXPECT_TRUE(
      plan_.Check(testutil::FulingSystem(), core::IndustryClassification::Gbt4754()).empty());
  model::Project battery;
  battery.code = "P1";
  battery.cluster = "L2";
  battery.phases = {Phase(1, 100), Phase(2, 50)};
  const auto e = Effect(battery);
  EXPECT_EQ(e.sector, "manufacturing");
  EXPECT_EQ(e.matched_by, "cluster");  // the only sector of L2
  ASSERT_TRUE(e.direct && e.total && e.multiplier);
  EXPECT_DOUBLE_EQ(*e.direct, 150);
  // ΔX = 150 x (0.330033, 1.12211221): 49.50495 in agriculture, 168.31683 in manufacturing.
  EXPECT_NEAR(*e.total, 150 * (0.330033 + 1.12211221), 1e-4);
  EXPECT_NEAR(*e.multiplier, 1.4521452, 1e-6);
  ASSERT_EQ(e.by_cluster.size(), 2u);
  EXPECT_EQ(e.by_cluster[0].first, "L2");  // the system's order
  EXPECT_NEAR(e.by_cluster[0].second, 150 * 1.12211221, 1e-4);
  EXPECT_EQ(e.by_cluster[1].first, "F1");
  EXPECT_NEAR(e.by_cluster[1].second, 150 * 0.330033, 1e-4);
}

TEST_F(ProjectEffectTest, TheRunningEnterprisesClassComesFirstAndGapsAreNamed) {
  model::Project project;
  project.cluster = "L2";
  project.phases = {Phase(1, 10)};
  // A registered enterprise of class 1371 puts it in agriculture (division 13 listed).
  const auto e = Effect(project, "1371");
  EXPECT_EQ(e.sector, "agriculture");
  EXPECT_EQ(e.matched_by, "enterprise");
  EXPECT_NEAR(*e.total, 10 * (1.25412541 + 0.2640264), 1e-5);
  // No sales at full output: the sector, and no figure.
  model::Project no_sales;
  no_sales.cluster = "L2";
  const auto none = Effect(no_sales);
  EXPECT_EQ(none.note, "no_sales");
  EXPECT_EQ(none.sector, "manufacturing");
  EXPECT_FALSE(none.total);
  // A cluster no sector counts for and whose codes (3091, 3985) no sector lists.
  model::Project elsewhere;
  elsewhere.cluster = "N1";
  elsewhere.phases = {Phase(1, 10)};
  EXPECT_EQ(Effect(elsewhere).note, "no_sector");
  EXPECT_DOUBLE_EQ(*Effect(elsewhere).direct, 10);
  plan_.sectors[1].industries.push_back("30");
  EXPECT_EQ(Effect(elsewhere).sector, "manufacturing");  // 3091 lies in division 30
  EXPECT_EQ(Effect(elsewhere).matched_by, "cluster");
}

TEST_F(ProjectEffectTest, ThePlanRefusesUnknownCodesAndClassesMappedTwice) {
  plan_.sectors.push_back({"more", {"3841", "99"}, "ZZ"});
  const auto problems =
      plan_.Check(testutil::FulingSystem(), core::IndustryClassification::Gbt4754());
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].key, "sectors[2].cluster");
  EXPECT_EQ(problems[1].key, "sectors[2].industries[0]");  // 3841 is manufacturing's
  EXPECT_EQ(problems[2].key, "sectors[2].industries[1]");
}

}  // namespace
}  // namespace clusterscope::analytics
