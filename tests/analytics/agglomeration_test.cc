// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Ellison–Glaeser and Litzenberger–Sternberg from plants, worked by hand: industry A has two
// plants of 10 in area r1; industry B two of 20 in r2.
#include "clusterscope/analytics/agglomeration.h"

#include <gtest/gtest.h>

namespace clusterscope::analytics {
namespace {

std::vector<Plant> TwoIndustries() {
  return {{"r1", "A", 10}, {"r1", "A", 10}, {"r2", "B", 20}, {"r2", "B", 20}};
}

TEST(AgglomerationTest, EllisonGlaeserFromPlantsByHand) {
  const auto result = Agglomerate(TwoIndustries(), nullptr);
  ASSERT_EQ(result.areas, (std::vector<std::string>{"r1", "r2"}));
  ASSERT_EQ(result.industries.size(), 2u);
  const auto& a = result.industries[0];
  EXPECT_EQ(a.industry, "A");
  EXPECT_EQ(a.plants, 2u);
  EXPECT_DOUBLE_EQ(a.total, 20);
  // x = (1/3, 2/3), s = (1, 0): G = 4/9 + 4/9 = 8/9, 1 − Σx² = 4/9, H = 1/2:
  // γ = (8/9 − 4/9 · 1/2) / (4/9 · 1/2) = 3.
  EXPECT_DOUBLE_EQ(*a.plant_herfindahl, 0.5);
  EXPECT_NEAR(*a.ellison_glaeser, 3, 1e-12);
  EXPECT_TRUE(result.cluster_index.empty());  // no area facts
}

TEST(AgglomerationTest, ClusterIndexFromAreaFactsByHand) {
  const std::map<std::string, AreaFacts> facts = {{"r1", {10, 100}}, {"r2", {20, 200}}};
  const auto result = Agglomerate(TwoIndustries(), &facts);
  ASSERT_EQ(result.cluster_index.size(), 2u);  // A in r1, B in r2
  const auto& a = result.cluster_index[0];
  EXPECT_EQ(a.area, "r1");
  EXPECT_EQ(a.industry, "A");
  // Density (20/10)/(20/30) = 3, stock (20/100)/(20/300) = 3, size (20/2)/(20/2) = 1: 9.
  EXPECT_NEAR(*a.index, 9, 1e-12);
  const auto& b = result.cluster_index[1];
  // (40/20)/(40/30) = 1.5 twice, over 1: 2.25.
  EXPECT_NEAR(*b.index, 2.25, 1e-12);
  // An area the facts do not give is listed, its index undefined.
  const std::map<std::string, AreaFacts> partial = {{"r1", {10, 100}}};
  const auto missing = Agglomerate(TwoIndustries(), &partial);
  EXPECT_EQ(missing.areas_without_facts, (std::vector<std::string>{"r2"}));
  EXPECT_FALSE(missing.cluster_index[1].index);
}

TEST(AgglomerationTest, OnePlantOrOneAreaIsUndefined) {
  const auto one_plant = Agglomerate({{"r1", "A", 5}, {"r2", "B", 5}}, nullptr);
  EXPECT_FALSE(one_plant.industries[0].ellison_glaeser);  // H = 1
  const auto one_area = Agglomerate({{"r1", "A", 5}, {"r1", "A", 5}}, nullptr);
  EXPECT_FALSE(one_area.industries[0].ellison_glaeser);  // Σx² = 1
}

}  // namespace
}  // namespace clusterscope::analytics
