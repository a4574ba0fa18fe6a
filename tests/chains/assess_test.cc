// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Link ratings rule by rule, the completeness score, members by class and by hand, the local
// supply share, and 补链 candidates ranked by fit and size.
#include "clusterscope/chains/assess.h"

#include <gtest/gtest.h>

#include "clusterscope/chains/candidates.h"

namespace clusterscope::chains {
namespace {

model::ChainLink Link() {
  model::ChainLink link;
  link.code = "cells";
  link.name_zh = "电芯";
  link.classes = {"3841"};
  link.products = {"电芯"};
  return link;
}

LinkRating Rate(std::size_t enterprises, double output, std::optional<double> growth,
                double top_share) {
  return RateLink({enterprises, enterprises, output, growth, top_share}, model::LinkRules{},
                  Link());
}

TEST(AssessTest, RatesEachRule) {
  // Default rules: missing below 1 enterprise; at risk at -10 % or on one firm with 90 %;
  // strong from 3 enterprises, 100,000 万元 and growth >= 0.
  auto r = Rate(0, 0, std::nullopt, 0);
  EXPECT_EQ(r.status, LinkStatus::kMissing);
  EXPECT_EQ(r.reasons[0].rule, "few_enterprises");

  r = Rate(5, 500000, -0.10, 0.3);  // exactly at the at-risk bar
  EXPECT_EQ(r.status, LinkStatus::kAtRisk);
  EXPECT_EQ(r.reasons[0].rule, "shrinking");
  EXPECT_EQ(Rate(5, 500000, -0.0999, 0.3).status,
            LinkStatus::kWeak);  // not at risk: shrinking less

  r = Rate(2, 500000, 0.05, 0.9);  // two firms, one makes 90 %
  EXPECT_EQ(r.status, LinkStatus::kAtRisk);
  EXPECT_EQ(r.reasons[0].rule, "one_enterprise");
  EXPECT_EQ(Rate(3, 500000, 0.05, 0.95).status, LinkStatus::kStrong);  // 3 firms: not "one"

  r = Rate(3, 100000, 0.0, 0.5);  // every strong bar exactly
  EXPECT_EQ(r.status, LinkStatus::kStrong);
  r = Rate(3, 99999, 0.0, 0.5);
  EXPECT_EQ(r.status, LinkStatus::kWeak);
  EXPECT_EQ(r.reasons[0].rule, "below_strong_output");
  r = Rate(2, 200000, 0.01, 0.6);
  EXPECT_EQ(r.status, LinkStatus::kWeak);
  EXPECT_EQ(r.reasons[0].rule, "below_strong_count");
  r = Rate(4, 200000, -0.02, 0.6);
  EXPECT_EQ(r.status, LinkStatus::kWeak);
  EXPECT_EQ(r.reasons[0].rule, "below_strong_growth");
  EXPECT_EQ(Rate(4, 200000, std::nullopt, 0.6).status, LinkStatus::kStrong);  // all new

  // A link's own bar.
  auto small = Link();
  small.strong_output = 20000;
  EXPECT_EQ(RateLink({3, 3, 25000, 0.1, 0.5}, model::LinkRules{}, small).status,
            LinkStatus::kStrong);
}

TEST(AssessTest, CompletenessWeighsStatuses) {
  const model::CompletenessWeights w;  // 1, 0.5, 0.5, 0
  EXPECT_DOUBLE_EQ(
      Completeness(
          {LinkStatus::kStrong, LinkStatus::kWeak, LinkStatus::kAtRisk, LinkStatus::kMissing}, w),
      50);
  EXPECT_DOUBLE_EQ(Completeness({LinkStatus::kStrong, LinkStatus::kStrong}, w), 100);
  EXPECT_DOUBLE_EQ(Completeness({}, w), 0);
}

model::Enterprise Firm(const std::string& uscc, const std::string& name, const std::string& cls) {
  model::Enterprise e;
  e.uscc = uscc;
  e.name = name;
  e.industry_code = cls;
  return e;
}

TEST(AssessTest, MembersByClassByHandAndMasters) {
  model::Chain chain;
  chain.code = "battery";
  chain.links = {Link()};
  chain.links.push_back({});
  chain.links[1].code = "pack";
  chain.links[1].name_zh = "PACK";
  chain.links[1].products = {"PACK"};  // no class: by hand only
  chain.members = {{"乙公司", "pack"}, {"无此公司", "pack"}};
  chain.masters = {"C"};
  const std::vector<model::Enterprise> registry = {
      Firm("A", "甲公司", "3841"), Firm("B", "乙公司", "3841"), Firm("C", "丙公司", "3611")};
  const auto m = ResolveMembers(chain, RegistryLookup(registry));
  EXPECT_EQ(m.links[0], (std::vector<std::string>{"A", "B"}));
  EXPECT_EQ(m.links[1], (std::vector<std::string>{"B"}));
  EXPECT_EQ(m.all, (std::vector<std::string>{"A", "B", "C"}));
  EXPECT_EQ(m.masters, (std::vector<std::string>{"C"}));
  EXPECT_EQ(m.unknown, (std::vector<std::string>{"无此公司"}));
}

TEST(AssessTest, LocalSupplyShare) {
  const std::vector<model::Enterprise> registry = {Firm("A", "甲", "3841"), Firm("B", "乙", "3841"),
                                                   Firm("L", "本地配套", "2921")};
  const std::vector<model::SupplyRelation> relations = {
      {"A", "L", 2025, 0, 30},   // local, outside the chain
      {"A", "B", 2025, 0, 10},   // local, in the chain
      {"A", "X", 2025, 0, 60},   // from outside the district
      {"A", "L", 2024, 0, 999},  // another year
      {"Z", "L", 2025, 0, 999},  // not a buyer in question
  };
  const RegistryLookup lookup(registry);
  const auto s = LocalSupply(relations, 2025, {"A"}, {"A", "B"}, lookup);
  EXPECT_DOUBLE_EQ(s.purchases, 100);
  EXPECT_DOUBLE_EQ(*s.local_share, 0.4);
  EXPECT_DOUBLE_EQ(*s.in_chain_share, 0.1);
  EXPECT_FALSE(LocalSupply(relations, 2023, {"A"}, {}, lookup).local_share.has_value());
}

TEST(CandidatesTest, RanksByFitThenSizeAndSaysWhy) {
  auto link = Link();
  link.classes = {"3841", "398"};
  const std::vector<model::Prospect> prospects = {
      {"P1", "大型电芯企业", "3841", "福建", 3000000, "动力电池"},
      {"P2", "小型电芯企业", "3841", "江苏", 30000, "电芯"},
      {"P3", "电子材料企业", "3985", "湖南", 800000, ""},
      {"P4", "铅酸电池企业", "3843", "浙江", 900000, ""},
      {"P5", "整车企业", "3612", "广东", 9000000, ""},
      {"P6", "电芯贸易公司", "5179", "上海", 1000, "电芯"},
  };
  const auto ranked = RankCandidates(link, prospects, 0);
  ASSERT_EQ(ranked.size(), 5u);  // the vehicle maker does not serve the link
  EXPECT_EQ(ranked[0].prospect->uscc, "P1");
  EXPECT_EQ(ranked[0].match, "class");
  EXPECT_EQ(ranked[0].size_rank, 1u);
  EXPECT_DOUBLE_EQ(ranked[0].score, 0.7 * 1.0 + 0.3 * 1.0);
  EXPECT_EQ(ranked[1].prospect->uscc, "P2");  // class and product: fit capped at 1
  EXPECT_EQ(ranked[1].matched, "3841");
  EXPECT_EQ(ranked[1].product, "电芯");
  EXPECT_EQ(ranked[2].prospect->uscc, "P3");
  EXPECT_EQ(ranked[2].match, "group");
  EXPECT_EQ(ranked[3].match, "product");    // P6 by its product
  EXPECT_EQ(ranked[4].match, "neighbour");  // P4: 3843 beside 3841
  EXPECT_EQ(RankCandidates(link, prospects, 2).size(), 2u);
}

}  // namespace
}  // namespace clusterscope::chains
