// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/model/cluster_system.h"

#include "testutil.h"
#include <gtest/gtest.h>

namespace clusterscope::model {
namespace {

const core::IndustryClassification& Industries() { return core::IndustryClassification::Gbt4754(); }

ClusterSystem SmallSystem() {
  ClusterSystem system;
  system.code = "test";
  system.name_zh = "测试体系";
  system.region_code = "500102";
  system.tiers = {{"L", "主导", "leading", "千亿级", 1e11}, {"N", "新星", "emerging", "", {}}};
  system.clusters = {{"L1", "材料", "materials", "L", {{"26", "28"}, {"266"}}, "", {}},
                     {"N1", "精细化工", "fine chemicals", "N", {{"266"}, {}}, "", {}}};
  system.parks = {{"GXQ", "高新区", "high-tech zone", 12.5}};
  system.designation_types = DefaultDesignationTypes();
  return system;
}

bool HasProblem(const std::vector<Problem>& problems, const std::string& key,
                const std::string& text) {
  for (const auto& p : problems) {
    if (p.key == key && p.message.find(text) != std::string::npos) return true;
  }
  return false;
}

std::string Dump(const std::vector<Problem>& problems) {
  std::string out;
  for (const auto& p : problems) out += p.key + ": " + p.message + "\n";
  return out;
}

TEST(ClusterSystemTest, AValidSystemHasNoProblems) {
  const auto problems = SmallSystem().Check(Industries());
  EXPECT_TRUE(problems.empty()) << Dump(problems);
}

TEST(ClusterSystemTest, MapsClassesWithExclusions) {
  const auto system = SmallSystem();
  ASSERT_NE(system.ClusterOfClass("2614"), nullptr);
  EXPECT_EQ(system.ClusterOfClass("2614")->code, "L1");
  EXPECT_EQ(system.ClusterOfClass("2661")->code, "N1");  // carved out of L1 by exclude
  EXPECT_EQ(system.ClusterOfClass("2826")->code, "L1");  // spandex
  EXPECT_EQ(system.ClusterOfClass("1371"), nullptr);
}

// A class that serves two clusters: its own cluster's by default, the other's by enterprise.
TEST(ClusterSystemTest, TakesClassesByEnterprise) {
  auto system = SmallSystem();
  system.clusters[1].by_enterprise = {{"2614"}, {}};  // L1's organic chemicals, N1's by name
  EXPECT_TRUE(system.Check(Industries()).empty()) << Dump(system.Check(Industries()));
  EXPECT_EQ(system.ClusterOfClass("2614")->code, "L1");  // the default stays L1's
  EXPECT_TRUE(system.ClusterMayHoldClass("N1", "2614"));
  EXPECT_TRUE(system.ClusterMayHoldClass("L1", "2614"));
  EXPECT_FALSE(system.ClusterMayHoldClass("N1", "2826"));
  EXPECT_FALSE(system.ClusterMayHoldClass("X9", "2614"));
}

TEST(ClusterSystemTest, ReportsBadByEnterpriseClasses) {
  auto system = SmallSystem();
  system.clusters[0].by_enterprise = {{"9999", "2614", "26"}, {}};
  const auto problems = system.Check(Industries());
  EXPECT_TRUE(HasProblem(problems, "clusters[0].by_enterprise[0]", "not a GB/T 4754-2017 code"))
      << Dump(problems);
  EXPECT_TRUE(HasProblem(problems, "clusters[0].by_enterprise[1]", "already among cluster 'L1'"))
      << Dump(problems);
  EXPECT_TRUE(HasProblem(problems, "clusters[0].by_enterprise[2]", "already among cluster 'L1'"))
      << Dump(problems);
}

TEST(ClusterSystemTest, ReportsDuplicateCodes) {
  auto system = SmallSystem();
  system.clusters.push_back({"L1", "重复", "", "L", {{"13"}, {}}, "", {}});
  system.parks.push_back({"GXQ", "又一个", "", {}});
  const auto problems = system.Check(Industries());
  EXPECT_TRUE(HasProblem(problems, "clusters[2].code", "duplicate code 'L1'")) << Dump(problems);
  EXPECT_TRUE(HasProblem(problems, "parks[1].code", "duplicate code 'GXQ'")) << Dump(problems);
}

TEST(ClusterSystemTest, ReportsUnknownTier) {
  auto system = SmallSystem();
  system.clusters[1].tier = "X";
  const auto problems = system.Check(Industries());
  EXPECT_TRUE(HasProblem(problems, "clusters[1].tier", "unknown tier 'X'")) << Dump(problems);
}

TEST(ClusterSystemTest, ReportsOverlappingMappingsOncePerPair) {
  auto system = SmallSystem();
  system.clusters[0].classes.exclude.clear();  // now L1 and N1 both cover 266x
  const auto problems = system.Check(Industries());
  ASSERT_EQ(problems.size(), 1u) << Dump(problems);
  EXPECT_TRUE(HasProblem(problems, "clusters[1].classes", "'L1' and 'N1' both cover"))
      << Dump(problems);
  EXPECT_TRUE(HasProblem(problems, "clusters[1].classes", "2661")) << Dump(problems);
}

TEST(ClusterSystemTest, ReportsBadIndustryCodes) {
  auto system = SmallSystem();
  system.clusters[0].classes.include.push_back("9999");
  system.clusters[0].classes.exclude.push_back("1371");  // not under 26 or 28
  const auto problems = system.Check(Industries());
  EXPECT_TRUE(HasProblem(problems, "clusters[0].classes[2]", "not a GB/T 4754-2017 code"))
      << Dump(problems);
  EXPECT_TRUE(HasProblem(problems, "clusters[0].exclude[1]", "not under any")) << Dump(problems);
}

TEST(ClusterSystemTest, ChecksParentClusters) {
  auto system = SmallSystem();
  system.clusters[0].parent_cluster = "CQ-A3";
  EXPECT_TRUE(HasProblem(system.Check(Industries()), "clusters[0].parent", "no parent system"));
  auto parent = std::make_shared<ClusterSystem>();
  parent->code = "cq";
  parent->name_zh = "重庆";
  parent->region_code = "500000";
  parent->tiers = {{"A", "万亿级", "", "", {}}};
  parent->clusters = {{"CQ-A1", "汽车", "", "A", {}, "", {}}};
  system.parent = parent;
  EXPECT_TRUE(HasProblem(system.Check(Industries()), "clusters[0].parent", "not have"));
  system.clusters[0].parent_cluster = "CQ-A1";
  EXPECT_TRUE(system.Check(Industries()).empty()) << Dump(system.Check(Industries()));
  EXPECT_OK(system.Validate(Industries()));
}

TEST(ClusterSystemTest, ChecksRegionAndFigures) {
  auto system = SmallSystem();
  system.region_code = "500199";
  system.tiers[0].output_threshold_yuan = -1;
  system.parks[0].land_km2 = -2;
  const auto problems = system.Check(Industries());
  EXPECT_TRUE(HasProblem(problems, "region_code", "not a county-level division")) << Dump(problems);
  EXPECT_TRUE(HasProblem(problems, "tiers[0].output_threshold_yuan", "negative"));
  EXPECT_TRUE(HasProblem(problems, "parks[0].land_km2", "negative"));
}

TEST(ClusterSystemTest, ChecksGroupings) {
  auto system = SmallSystem();
  system.groupings = {{"sector",
                       "门类",
                       "",
                       {{"MAT", "材料", "", {{"26"}, {}}},
                        {"CHEM", "化工", "", {{"2661"}, {}}},
                        {"EMPTY", "空", "", {}}}}};
  const auto problems = system.Check(Industries());
  EXPECT_TRUE(HasProblem(problems, "groupings[0].categories[1].classes", "both cover 1 class"))
      << Dump(problems);
  EXPECT_TRUE(HasProblem(problems, "groupings[0].categories[2].classes", "at least one"))
      << Dump(problems);
}

TEST(FulingSystemTest, MapsTheArticlesIndustries) {
  const auto& fuling = testutil::FulingSystem();
  ASSERT_EQ(fuling.clusters.size(), 18u);
  struct Case {
    const char* industry;
    const char* cluster;
  } cases[] = {
      {"2614", "L1"},  // adipic acid (华峰)
      {"2826", "L1"},  // spandex
      {"3841", "L2"},  // lithium-ion cells (瑞浦兰钧, 赣锋)
      {"3670", "P3"},  // aluminium wheels (万丰); lightweight-parts makers join L2 by name
      {"1371", "F1"},  // zhacai
      {"1391", "P1"},  // food
      {"0721", "P2"},  // shale gas
      {"3731", "P3"},  // shipbuilding (川东船舶)
      {"3821", "P3"},  // transformers (南瑞博瑞)
      {"2761", "F2"},  // biological medicines (华兰生物)
      {"2780", "F2"},  // pharmaceutical packaging (首键)
      {"3985", "N1"},  // electronic special materials
      {"3849", "N6"},  // other batteries: storage
      {"6572", "N7"},  // games content
      {"6511", "N9"},  // software
  };
  for (const auto& c : cases) {
    const auto* cluster = fuling.ClusterOfClass(c.industry);
    ASSERT_NE(cluster, nullptr) << c.industry;
    EXPECT_EQ(cluster->code, c.cluster) << c.industry;
  }
  // Every cluster covers something, and the parent system is there.
  for (const auto& cluster : fuling.clusters) {
    EXPECT_FALSE(
        core::IndustryClassification::Gbt4754().ClassesUnder(cluster.classes.include[0]).empty())
        << cluster.code;
  }
  ASSERT_NE(fuling.parent, nullptr);
  EXPECT_EQ(fuling.parent->code, "chongqing-33618");
  EXPECT_EQ(fuling.FindCluster("L1")->parent_cluster, "CQ-A3");
  const auto* sector = fuling.FindGrouping("sector");
  ASSERT_NE(sector, nullptr);
  EXPECT_EQ(sector->CategoryOf("3841")->code, "AUTO");
  EXPECT_EQ(sector->CategoryOf("4420")->code, "ENERGY");
}

}  // namespace
}  // namespace clusterscope::model
