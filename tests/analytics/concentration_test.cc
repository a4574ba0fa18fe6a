// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Specialisation and concentration against published values (REAT's examples, Stoermann 2009)
// and hand-worked cases, with the undefined ones (zero totals, logs of zero).
#include "clusterscope/analytics/concentration.h"

#include <cmath>
#include <vector>

#include "testutil.h"
#include <gtest/gtest.h>

namespace clusterscope::analytics {
namespace {

TEST(LocationQuotientTest, ReproducesThePublishedValue) {
  // 1,714 of a region's 79,006 against 879,213 of a nation's 15,593,224.
  const auto lq = LocationQuotient(1714, 79006, 879213, 15593224);
  ASSERT_TRUE(lq.has_value());
  EXPECT_NEAR(*lq, 0.3847623, 5e-8);
}

TEST(LocationQuotientTest, IsUndefinedNotZeroWhereATotalIsZero) {
  EXPECT_FALSE(LocationQuotient(0, 0, 10, 100).has_value());  // the region has nothing
  EXPECT_FALSE(LocationQuotient(0, 10, 0, 100).has_value());  // nobody has the industry
  EXPECT_DOUBLE_EQ(*LocationQuotient(0, 10, 10, 100), 0.0);   // the region lacks it: 0
  RegionIndustryMatrix m;
  ASSERT_OK(m.Add("A", "x", 30));
  ASSERT_OK(m.Add("A", "y", 10));
  ASSERT_OK(m.Add("B", "x", 10));
  ASSERT_OK(m.Add("B", "y", 50));
  m.AddRegion("C");    // a region with nothing
  m.AddIndustry("z");  // an industry nobody has
  const auto lq = LocationQuotients(m);
  ASSERT_EQ(lq.size(), 9u);
  // A/x: (30/40) / (40/100) = 1.875; B/y: (50/60) / (60/100) = 1.3889.
  EXPECT_DOUBLE_EQ(*lq[0], 1.875);
  EXPECT_NEAR(*lq[4], 50.0 / 60 / 0.6, 1e-12);
  EXPECT_FALSE(lq[2].has_value());  // A/z
  EXPECT_FALSE(lq[6].has_value());  // C/x
}

TEST(ConcentrationTest, GiniHerfindahlAndTheilReproduceREAT) {
  const std::vector<double> a = {20, 50, 20, 10};
  EXPECT_NEAR(*Gini(a), 0.3, 1e-12);
  EXPECT_NEAR(*Herfindahl(a), 0.34, 1e-12);
  EXPECT_NEAR(*HerfindahlNormalised(a), 0.12, 1e-12);
  const std::vector<double> income = {10, 10, 10, 20, 50};
  EXPECT_NEAR(*Theil(income), 0.2326302, 5e-8);
  // Theil's T by hand: (3 x 0.5 ln 0.5 + 2.5 ln 2.5) / 5.
  EXPECT_NEAR(*TheilT(income), (3 * 0.5 * std::log(0.5) + 2.5 * std::log(2.5)) / 5, 1e-12);
}

TEST(ConcentrationTest, EdgeCasesAreUndefinedOrAtTheirBounds) {
  const std::vector<double> zeros = {0, 0, 0};
  EXPECT_FALSE(Gini(zeros).has_value());
  EXPECT_FALSE(Herfindahl(zeros).has_value());
  EXPECT_FALSE(Theil(zeros).has_value());
  EXPECT_FALSE(Gini(std::vector<double>{}).has_value());
  const std::vector<double> one = {5};
  EXPECT_DOUBLE_EQ(*Herfindahl(one), 1.0);
  EXPECT_FALSE(HerfindahlNormalised(one).has_value());  // n < 2
  const std::vector<double> equal = {4, 4, 4, 4};
  EXPECT_DOUBLE_EQ(*Gini(equal), 0.0);
  EXPECT_DOUBLE_EQ(*HerfindahlNormalised(equal), 0.0);
  EXPECT_DOUBLE_EQ(*Theil(equal), 0.0);
  const std::vector<double> monopoly = {0, 0, 9};
  EXPECT_DOUBLE_EQ(*HerfindahlNormalised(monopoly), 1.0);
  EXPECT_NEAR(*Gini(monopoly), 2.0 / 3, 1e-12);  // (n − 1) / n
  EXPECT_FALSE(Theil(monopoly).has_value());     // ln(μ / 0)
  EXPECT_NEAR(*TheilT(monopoly), std::log(3.0), 1e-12);
}

TEST(ConcentrationTest, KrugmanAndHooverCompareTwoDistributions) {
  RegionIndustryMatrix m;
  ASSERT_OK(m.Add("A", "x", 30));
  ASSERT_OK(m.Add("A", "y", 10));
  ASSERT_OK(m.Add("B", "x", 10));
  ASSERT_OK(m.Add("B", "y", 50));
  // A: (0.75, 0.25) against the nation (0.4, 0.6): |0.35| + |−0.35| = 0.7.
  EXPECT_NEAR(*KrugmanSpecialisation(m, 0), 0.7, 1e-12);
  // x across regions (0.75, 0.25) against the regions' totals (0.4, 0.6): half of 0.7.
  EXPECT_NEAR(*HooverLocalisation(m, 0), 0.35, 1e-12);
  EXPECT_FALSE(Krugman(std::vector<double>{1, 2}, std::vector<double>{1}).has_value());
  EXPECT_FALSE(Hoover(std::vector<double>{0, 0}, std::vector<double>{1, 1}).has_value());
}

TEST(ClusterIndexTest, LitzenbergerSternbergReproducesREAT) {
  // REAT's example from Farhauer and Kroell (2014).
  const auto ci = LitzenbergerSternberg(1743, 5740, 50, 576, 488, 4621, 35, 53);
  ASSERT_TRUE(ci.has_value());
  EXPECT_NEAR(*ci, 21.87491, 5e-6);
  EXPECT_FALSE(LitzenbergerSternberg(1743, 5740, 0, 576, 488, 4621, 35, 53).has_value());
  EXPECT_FALSE(LitzenbergerSternberg(0, 5740, 50, 576, 488, 4621, 0, 53).has_value());
}

TEST(ClusterIndexTest, EllisonGlaeserByHand) {
  // Two regions of equal size; the industry all in the first, in two equal plants:
  // G = 0.5, Σx² = 0.5, H = 0.5: γ = (0.5 − 0.25) / 0.25 = 1.
  EXPECT_NEAR(*EllisonGlaeser(std::vector<double>{100, 0}, std::vector<double>{500, 500},
                              std::vector<double>{50, 50}),
              1.0, 1e-12);
  // Spread as everything else (G = 0): γ = −H / (1 − H) = −1.
  EXPECT_NEAR(*EllisonGlaeser(std::vector<double>{50, 50}, std::vector<double>{500, 500},
                              std::vector<double>{50, 50}),
              -1.0, 1e-12);
  // Ten equal plants, 80/20 across regions of 60/40: G = 0.08, H = 0.1, Σx² = 0.52:
  // γ = (0.08 − 0.048) / (0.48 · 0.9).
  EXPECT_NEAR(*EllisonGlaeser(std::vector<double>{80, 20}, std::vector<double>{600, 400},
                              std::vector<double>(10, 10.0)),
              (0.08 - 0.48 * 0.1) / (0.48 * 0.9), 1e-12);
  EXPECT_FALSE(
      EllisonGlaeser(std::vector<double>{1, 0}, std::vector<double>{1, 1}, std::vector<double>{5})
          .has_value());  // one plant
  EXPECT_FALSE(
      EllisonGlaeser(std::vector<double>{1}, std::vector<double>{1}, std::vector<double>{1, 1})
          .has_value());  // one region holds everything
}

TEST(MatrixTest, RefusesNegativeValuesDuplicateCellsAndEmptyLabels) {
  RegionIndustryMatrix m;
  EXPECT_EQ(m.Add("A", "x", -1).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(m.Add("A", "x", std::nan("")).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(m.Add("", "x", 1).code(), Status::Code::kInvalidArgument);
  ASSERT_OK(m.Add("A", "x", 1));
  EXPECT_EQ(m.Add("A", "x", 2).code(), Status::Code::kAlreadyExists);
  EXPECT_DOUBLE_EQ(m.Value(0, 0), 1);
  EXPECT_DOUBLE_EQ(m.Total(), 1);
}

}  // namespace
}  // namespace clusterscope::analytics
