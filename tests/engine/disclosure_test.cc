// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/engine/disclosure.h"

#include <gtest/gtest.h>

namespace clusterscope::engine {
namespace {

GroupIndicators Group(std::string kind, std::string code, std::string parent_kind,
                      std::string parent_code, std::size_t enterprises, double output, double first,
                      double second) {
  GroupIndicators g;
  g.kind = std::move(kind);
  g.code = std::move(code);
  g.parent_kind = std::move(parent_kind);
  g.parent_code = std::move(parent_code);
  g.enterprises = enterprises;
  g.ytd[0] = output;
  g.ytd_base[0] = output * 0.9;
  g.growth_same_basis = 1 / 0.9 - 1;
  g.largest = {first, second};
  g.top_by_output.push_back({"X", "X", first, std::nullopt});
  return g;
}

std::string Reason(const MonthlyIndicators& r, const std::string& code) {
  for (const auto& g : r.groups) {
    if (g.code == code) return g.suppressed;
  }
  ADD_FAILURE() << code;
  return "?";
}

// total (20 enterprises) = tier L (L1 + L2 + L3, complete) + the unclustered rest.
MonthlyIndicators Region() {
  MonthlyIndicators r;
  r.groups.push_back(Group("total", "total", "", "", 20, 1000, 100, 90));
  r.groups.push_back(Group("tier", "L", "total", "total", 12, 600, 100, 90));
  r.groups.push_back(Group("cluster", "L1", "tier", "L", 5, 300, 100, 90));
  r.groups.push_back(Group("cluster", "L2", "tier", "L", 4, 200, 60, 50));
  r.groups.push_back(Group("cluster", "L3", "tier", "L", 3, 100, 40, 30));
  return r;
}

TEST(DisclosureTest, LeavesSafeGroupsAndDropsEveryRanking) {
  auto r = Region();
  ApplyDisclosureControl(r, {});
  for (const auto& g : r.groups) {
    EXPECT_EQ(g.suppressed, "") << g.code;
    EXPECT_TRUE(g.top_by_output.empty());
  }
}

TEST(DisclosureTest, WithholdsAOneEnterpriseGroupAndASiblingThatWouldGiveItAway) {
  auto r = Region();
  r.groups[4] = Group("cluster", "L3", "tier", "L", 1, 100, 100, 0);  // one enterprise
  r.groups[2].enterprises = 4;
  r.groups[3].enterprises = 7;  // still 12 in the tier
  ApplyDisclosureControl(r, {});
  EXPECT_EQ(Reason(r, "L3"), "few_enterprises");
  // L = L1 + L2 + L3: with L3 alone withheld it is L - L1 - L2. The smaller of L1, L2 goes too.
  EXPECT_EQ(Reason(r, "L2"), "secondary");
  EXPECT_EQ(Reason(r, "L1"), "");
  EXPECT_EQ(Reason(r, "L"), "");
  const auto& l3 = r.groups[4];
  EXPECT_EQ(l3.enterprises, 1u);  // the count stays; figures go, never as zeros in reports
  EXPECT_EQ(l3.ytd[0], 0);
  EXPECT_FALSE(l3.growth_same_basis.has_value());
}

TEST(DisclosureTest, WithholdsDominatedGroupsAndAppliesThePPercentRule) {
  auto r = Region();
  r.groups[2] = Group("cluster", "L1", "tier", "L", 5, 300, 200, 60);  // 260 of 300: 87 %
  ApplyDisclosureControl(r, {});
  EXPECT_EQ(Reason(r, "L1"), "dominance");
  EXPECT_EQ(Reason(r, "L3"), "secondary");  // the smallest sibling

  auto p = Region();
  p.groups[3] = Group("cluster", "L2", "tier", "L", 4, 200, 120, 75);  // 195 of 200: 97.5 %
  DisclosureRules loose;
  loose.dominance = 0.99;
  ApplyDisclosureControl(p, loose);
  EXPECT_EQ(Reason(p, "L2"), "");
  auto q = Region();
  q.groups[3] = Group("cluster", "L2", "tier", "L", 4, 200, 120, 75);
  loose.p_percent = 10;  // the rest, 5, is under 10 % of the largest, 120
  ApplyDisclosureControl(q, loose);
  EXPECT_EQ(Reason(q, "L2"), "p_percent");
}

TEST(DisclosureTest, AWithheldParentIsNotTheSumOfVisibleChildren) {
  MonthlyIndicators r;
  r.groups.push_back(Group("total", "total", "", "", 20, 1000, 100, 90));
  r.groups.push_back(Group("tier", "N", "total", "total", 8, 80, 70, 5));  // dominated
  r.groups.push_back(Group("cluster", "N1", "tier", "N", 4, 50, 20, 15));
  r.groups.push_back(Group("cluster", "N2", "tier", "N", 4, 30, 12, 10));
  r.groups.push_back(Group("tier", "P", "total", "total", 12, 920, 100, 90));
  ApplyDisclosureControl(r, {});
  EXPECT_EQ(Reason(r, "N"), "dominance");
  EXPECT_EQ(Reason(r, "N2"), "secondary");  // else N = N1 + N2
  // total = N + P: with N withheld, P would give it away, so P goes as well.
  EXPECT_EQ(Reason(r, "P"), "secondary");
  EXPECT_EQ(Reason(r, "total"), "");
}

// A division that is exactly one cluster's enterprises shares the cluster's fate: withheld as a
// complement in one hierarchy, it would otherwise stand visible in the other with the same figures.
TEST(DisclosureTest, GroupsOfTheSameEnterprisesShareOneFate) {
  auto r = Region();
  r.groups[4] = Group("cluster", "L3", "tier", "L", 1, 100, 100, 0);  // one enterprise
  r.groups[2].enterprises = 4;
  r.groups[3].enterprises = 7;
  r.groups[3].frame = 0xA2;  // L2's seven enterprises ...
  auto twin = Group("division", "36", "total", "total", 7, 200, 60, 50);
  twin.frame = 0xA2;  // ... are division 36's
  r.groups.push_back(twin);
  auto other = Group("division", "38", "total", "total", 4, 150, 60, 50);
  other.frame = 0xB3;
  r.groups.push_back(other);
  ApplyDisclosureControl(r, {});
  EXPECT_EQ(Reason(r, "L3"), "few_enterprises");
  EXPECT_EQ(Reason(r, "L2"), "secondary");  // the smaller visible sibling of L3
  EXPECT_EQ(Reason(r, "36"), "same_as");
  EXPECT_NE(r.groups[5].ytd[0], 200) << "withheld figures are gone";
  // And 36 withheld alone among the divisions would be the total less 38: 38 goes too.
  EXPECT_EQ(Reason(r, "38"), "secondary");
}

TEST(DisclosureTest, RefusesNonsenseRules) {
  DisclosureRules rules;
  rules.dominance = 1.5;
  EXPECT_FALSE(rules.Validate().ok());
  rules = {};
  rules.min_enterprises = 0;
  EXPECT_FALSE(rules.Validate().ok());
}

}  // namespace
}  // namespace clusterscope::engine
