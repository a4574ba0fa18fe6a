// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Shift-share worked by hand on two regions and two industries, and its edge cases: an
// industry new to the region, a region missing from a year, the dynamic form.
#include "clusterscope/analytics/shift_share.h"

#include "testutil.h"
#include <gtest/gtest.h>

namespace clusterscope::analytics {
namespace {

RegionIndustryMatrix Make(
    std::initializer_list<std::tuple<const char*, const char*, double>> cells) {
  RegionIndustryMatrix m;
  for (const auto& [r, j, v] : cells) EXPECT_OK(m.Add(r, j, v));
  return m;
}

// Base: A (x 100, y 50), B (x 200, y 150). End: A (x 130, y 45), B (x 210, y 165).
// Nation 500 -> 550 (G = 10 %); x 300 -> 340 (13.33 %); y 200 -> 210 (5 %).
const RegionIndustryMatrix kBase =
    Make({{"A", "x", 100}, {"A", "y", 50}, {"B", "x", 200}, {"B", "y", 150}});
const RegionIndustryMatrix kEnd =
    Make({{"A", "x", 130}, {"A", "y", 45}, {"B", "x", 210}, {"B", "y", 165}});

TEST(ShiftShareTest, ClassicAndEstebanMarquillasByHand) {
  auto s = ShiftShare(kBase, kEnd, "A");
  ASSERT_OK(s);
  ASSERT_EQ(s->industries.size(), 2u);
  const auto& x = s->industries[0].components;
  EXPECT_EQ(s->industries[0].industry, "x");
  EXPECT_NEAR(x.national_share, 10, 1e-9);
  EXPECT_NEAR(x.industry_mix, 100.0 / 30, 1e-9);
  EXPECT_NEAR(x.regional_share, 50.0 / 3, 1e-9);
  // ê_x = 150 · 300/500 = 90; r − g = 0.3 − 0.1333 = 0.1667.
  EXPECT_NEAR(*x.competitive, 15, 1e-9);
  EXPECT_NEAR(*x.allocation, 10.0 / 6, 1e-9);
  const auto& y = s->industries[1].components;
  EXPECT_NEAR(y.national_share, 5, 1e-9);
  EXPECT_NEAR(y.industry_mix, -2.5, 1e-9);
  EXPECT_NEAR(y.regional_share, -7.5, 1e-9);
  EXPECT_NEAR(*y.competitive, -9, 1e-9);  // ê_y = 60, r − g = −0.15
  EXPECT_NEAR(*y.allocation, 1.5, 1e-9);
  const auto& t = s->total;
  EXPECT_NEAR(t.growth, 25, 1e-9);
  EXPECT_NEAR(t.national_share, 15, 1e-9);
  EXPECT_NEAR(t.industry_mix, 100.0 / 30 - 2.5, 1e-9);
  EXPECT_NEAR(t.regional_share, 50.0 / 3 - 7.5, 1e-9);
  EXPECT_NEAR(t.national_share + t.industry_mix + t.regional_share, t.growth, 1e-9);
  EXPECT_NEAR(*t.competitive + *t.allocation, t.regional_share, 1e-9);
  EXPECT_NEAR(t.net_total_shift(), t.industry_mix + t.regional_share, 1e-12);
}

TEST(ShiftShareTest, GerfinFactorsMultiplyToTheRelativeGrowth) {
  auto s = ShiftShare(kBase, kEnd, "A");
  ASSERT_OK(s);
  // Expected with national industry growth: 100 · 340/300 + 50 · 210/200 = 165.8333.
  const double expected = 100 * 340.0 / 300 + 50 * 210.0 / 200;
  EXPECT_NEAR(*s->gerfin.industry_mix, expected / 150 / 1.1, 1e-12);
  EXPECT_NEAR(*s->gerfin.regional_share, 175 / expected, 1e-12);
  EXPECT_NEAR(*s->gerfin.net_total_shift, 175.0 / 150 / 1.1, 1e-12);
  EXPECT_NEAR(*s->gerfin.industry_mix * *s->gerfin.regional_share, *s->gerfin.net_total_shift,
              1e-12);
}

TEST(ShiftShareTest, AnIndustryNewToTheRegionIsAllRegionalShare) {
  const auto base = Make({{"A", "x", 100}, {"B", "x", 100}, {"B", "z", 50}});
  const auto end = Make({{"A", "x", 110}, {"A", "z", 20}, {"B", "x", 100}, {"B", "z", 60}});
  auto s = ShiftShare(base, end, "A");
  ASSERT_OK(s);
  ASSERT_EQ(s->industries.size(), 2u);
  const auto& z = s->industries[1].components;
  EXPECT_EQ(s->industries[1].industry, "z");
  EXPECT_DOUBLE_EQ(z.national_share, 0);
  EXPECT_DOUBLE_EQ(z.industry_mix, 0);
  EXPECT_DOUBLE_EQ(z.regional_share, 20);
  EXPECT_FALSE(z.competitive.has_value());  // no base-year growth rate to compare
  EXPECT_NEAR(s->total.national_share + s->total.industry_mix + s->total.regional_share,
              s->total.growth, 1e-9);
}

TEST(ShiftShareTest, DynamicSumsTheYearsAndRefusesWhatItCannotCompute) {
  const auto mid = Make({{"A", "x", 120}, {"A", "y", 40}, {"B", "x", 190}, {"B", "y", 170}});
  auto dynamic = DynamicShiftShare({&kBase, &mid, &kEnd}, "A");
  ASSERT_OK(dynamic);
  auto first = ShiftShare(kBase, mid, "A");
  auto second = ShiftShare(mid, kEnd, "A");
  ASSERT_OK(first);
  ASSERT_OK(second);
  EXPECT_NEAR(dynamic->total.industry_mix, first->total.industry_mix + second->total.industry_mix,
              1e-9);
  EXPECT_NEAR(dynamic->total.regional_share,
              first->total.regional_share + second->total.regional_share, 1e-9);
  EXPECT_NEAR(dynamic->total.growth, 25, 1e-9);
  EXPECT_NEAR(*dynamic->gerfin.net_total_shift, 175.0 / 150 / 1.1, 1e-12);  // first to last

  EXPECT_EQ(ShiftShare(kBase, kEnd, "Z").error().code(), Status::Code::kNotFound);
  RegionIndustryMatrix empty;
  empty.AddRegion("A");
  EXPECT_EQ(ShiftShare(empty, kEnd, "A").error().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(DynamicShiftShare({&kBase}, "A").error().code(), Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace clusterscope::analytics
