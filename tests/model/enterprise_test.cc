// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/model/enterprise.h"

#include "testutil.h"
#include <gtest/gtest.h>

namespace clusterscope::model {
namespace {

Enterprise ValidEnterprise() {
  Enterprise e;
  e.uscc = testutil::CreditCode(1);
  e.name = "重庆测试材料有限公司";
  e.industry_code = "2614";
  e.cluster = "L1";
  e.cluster_source = ClusterSource::kDerived;
  e.park = "BT";
  e.town = "500102013";  // 白涛街道
  return e;
}

TEST(EnterpriseTest, ChecksEveryField) {
  const auto& system = testutil::FulingSystem();
  const auto& industries = core::IndustryClassification::Gbt4754();
  EXPECT_TRUE(ValidEnterprise().Check(system, industries).empty());
  auto e = ValidEnterprise();
  e.uscc[17] = e.uscc[17] == '0' ? '1' : '0';
  e.industry_code = "2618";
  e.cluster = "Z9";
  e.park = "XX";
  e.town = "500102999";
  e.strategic_emerging = "12";
  e.land_km2 = -1;
  std::vector<std::string> keys;
  for (const auto& problem : e.Check(system, industries)) keys.push_back(problem.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"uscc", "industry_code", "cluster", "park", "town",
                                            "strategic_emerging", "land_km2"}));
}

TEST(EnterpriseTest, KeepsAboveScaleHistoryByYear) {
  auto e = ValidEnterprise();
  e.above_scale = {{2022, false}, {2023, true}};
  EXPECT_EQ(e.AboveScaleIn(2023), true);
  EXPECT_EQ(e.AboveScaleIn(2022), false);
  EXPECT_FALSE(e.AboveScaleIn(2024).has_value());
}

TEST(AssignClusterTest, DerivesReportsAndNeverGuesses) {
  const auto& system = testutil::FulingSystem();
  const auto derived = AssignCluster(system, "3841", "");
  EXPECT_EQ(derived.cluster, "L2");
  EXPECT_EQ(derived.source, ClusterSource::kDerived);
  EXPECT_TRUE(derived.warning.empty());

  const auto agree = AssignCluster(system, "3841", "L2");
  EXPECT_EQ(agree.source, ClusterSource::kExplicit);
  EXPECT_TRUE(agree.warning.empty());

  const auto conflict = AssignCluster(system, "3841", "P3");
  EXPECT_EQ(conflict.cluster, "P3");  // the user's word stands, but it is reported
  EXPECT_EQ(conflict.source, ClusterSource::kExplicit);
  EXPECT_NE(conflict.warning.en.find("maps to cluster L2"), std::string::npos);

  const auto unmapped = AssignCluster(system, "3311", "");  // metal structures: no cluster
  EXPECT_EQ(unmapped.cluster, "");
  EXPECT_EQ(unmapped.source, ClusterSource::kNone);
  EXPECT_NE(unmapped.warning.en.find("maps to no cluster"), std::string::npos);
}

// High-tech manufacturing by class, and for a partial class (* in the official table) by the
// enterprise's own flag.
TEST(EnterpriseTest, IsHighTechByClassOrForAPartialClassByItsFlag) {
  auto system = testutil::FulingSystem();
  system.high_tech_by_enterprise = {"2780"};  // pharmaceutical packaging: partly high-tech
  const auto& industries = core::IndustryClassification::Gbt4754();
  EXPECT_TRUE(system.Check(industries).empty());
  auto e = ValidEnterprise();
  e.industry_code = "2761";  // biological medicines: the whole class
  EXPECT_TRUE(IsHighTech(system, e));
  e.industry_code = "2780";
  EXPECT_FALSE(IsHighTech(system, e));  // not said: not counted
  e.high_tech = false;
  EXPECT_FALSE(IsHighTech(system, e));
  e.high_tech = true;
  EXPECT_TRUE(IsHighTech(system, e));
  e.industry_code = "1371";  // zhacai: on no list, whatever the flag says
  EXPECT_FALSE(IsHighTech(system, e));
  std::vector<std::string> keys;
  for (const auto& problem : e.Check(system, industries)) keys.push_back(problem.key);
  EXPECT_EQ(keys, std::vector<std::string>{"high_tech"});

  system.high_tech_by_enterprise = {"1371"};
  const auto problems = system.Check(industries);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].key, "high_tech_by_enterprise[0]");
}

// The shipped Fuling map, class by class where issue 19 found it wrong (docs/cluster_system.md
// gives the reasons).
TEST(AssignClusterTest, FulingMapFollowsTheClassification) {
  const auto& system = testutil::FulingSystem();
  const auto cluster_of = [&](const char* industry) {
    return AssignCluster(system, industry, "").cluster;
  };
  EXPECT_EQ(cluster_of("3670"), "P3");  // car parts: automobiles by default
  EXPECT_EQ(cluster_of("3612"), "P3");  // NEV vehicles are automobiles, not batteries
  EXPECT_EQ(cluster_of("3611"), "P3");
  EXPECT_EQ(cluster_of("3841"), "L2");
  EXPECT_EQ(cluster_of("3843"), "");    // lead-acid batteries are not power batteries
  EXPECT_EQ(cluster_of("3844"), "");    // nor zinc-manganese cells
  EXPECT_EQ(cluster_of("4342"), "P3");  // ship repair (船舶修造)
  EXPECT_EQ(cluster_of("3731"), "P3");
  EXPECT_EQ(cluster_of("1120"), "P2");  // shale-gas services
  EXPECT_EQ(cluster_of("0721"), "P2");
  EXPECT_EQ(cluster_of("4411"), "");    // thermal power: gas-fired plants by enterprise only
  EXPECT_EQ(cluster_of("4415"), "P2");  // wind power
  EXPECT_EQ(cluster_of("2621"), "");    // nitrogen fertiliser is not an advanced material
  EXPECT_EQ(cluster_of("3011"), "");    // nor is cement
  EXPECT_EQ(cluster_of("2614"), "L1");
  EXPECT_EQ(cluster_of("3511"), "P3");  // mining machinery
  EXPECT_EQ(cluster_of("3516"), "P3");  // metallurgical machinery
  EXPECT_EQ(cluster_of("3514"), "N4");  // construction machinery
  EXPECT_EQ(cluster_of("3517"), "N4");  // tunnelling machinery
  EXPECT_EQ(cluster_of("2411"), "");    // stationery is not digital culture
  EXPECT_EQ(cluster_of("2451"), "");    // nor are toys
  EXPECT_EQ(cluster_of("2462"), "N7");  // game and entertainment equipment
  EXPECT_EQ(cluster_of("6572"), "N7");
  EXPECT_EQ(cluster_of("6511"), "N9");

  // Classes that serve two clusters: the second takes an enterprise by name, without a warning.
  for (const auto& [industry, cluster] : std::vector<std::pair<const char*, const char*>>{
           {"3670", "L2"}, {"3091", "L2"}, {"2669", "N1"}, {"4411", "P2"}, {"4412", "P2"}}) {
    const auto named = AssignCluster(system, industry, cluster);
    EXPECT_EQ(named.cluster, cluster) << industry;
    EXPECT_EQ(named.source, ClusterSource::kExplicit) << industry;
    EXPECT_TRUE(named.warning.empty()) << industry << ": " << named.warning.en;
  }
  // Any other cluster named against the map is kept but reported.
  EXPECT_FALSE(AssignCluster(system, "3670", "F1").warning.empty());
  EXPECT_FALSE(AssignCluster(system, "4411", "L2").warning.empty());
}

}  // namespace
}  // namespace clusterscope::model
