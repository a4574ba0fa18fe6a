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

}  // namespace
}  // namespace clusterscope::model
