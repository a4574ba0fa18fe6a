// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The shipped chain work loads (five chains, the battery chain as the article names it, the
// ladders), and bad chain files are refused with file, line, key and reason: a cycle, an unknown
// class, an unknown upstream link, a bad ladder.
#include "clusterscope/app/chains_config.h"

#include "testutil.h"
#include <gtest/gtest.h>

namespace clusterscope::app {
namespace {

const std::string kHead = "system = \"fuling-2349\"\n";

std::string Load(const std::string& text) {
  auto plan = LoadChainPlanText(text, "chains.toml", testutil::FulingSystem());
  return plan ? "" : plan.error().message();
}

TEST(ChainsConfigTest, ShipsTheDistrictsChains) {
  auto plan = LoadChainPlanFile(testutil::SystemsDir() + "/fuling-2349-chains.toml",
                                testutil::FulingSystem());
  ASSERT_TRUE(plan) << plan.error().message();
  ASSERT_EQ(plan->chains.size(), 5u);
  const auto* battery = plan->FindChain("battery");
  ASSERT_NE(battery, nullptr);
  EXPECT_EQ(battery->links.size(), 12u);
  for (const char* link : {"lithium", "cathode", "anode", "electrolyte", "separator", "cells",
                           "pack", "bms", "motor", "lightweight", "vehicle", "recycling"}) {
    EXPECT_NE(battery->FindLink(link), nullptr) << link;
  }
  // Upstream to downstream: lithium before cathode before cells before pack before vehicle.
  const auto order = battery->TopologicalOrder();
  ASSERT_EQ(order.size(), battery->links.size());
  std::map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < order.size(); ++i) at[battery->links[order[i]].code] = i;
  EXPECT_LT(at["lithium"], at["cathode"]);
  EXPECT_LT(at["cathode"], at["cells"]);
  EXPECT_LT(at["cells"], at["pack"]);
  EXPECT_LT(at["pack"], at["vehicle"]);
  EXPECT_LT(at["vehicle"], at["recycling"]);
  EXPECT_EQ(*battery->FindLink("recycling")->strong_output, 20000);
  for (const char* chain : {"nylon66", "polyurethane", "shale_gas", "zhacai"}) {
    EXPECT_NE(plan->FindChain(chain), nullptr) << chain;
  }
  EXPECT_EQ(plan->ladders.size(), 7u);
  EXPECT_EQ(plan->pipeline.stage_months[3], 18);
  EXPECT_DOUBLE_EQ(plan->pipeline.realisation[1], 0.5);
}

TEST(ChainsConfigTest, RefusesACycleNamingItsLinks) {
  const std::string text = kHead + R"(
[[chains]]
code = "c"
name_zh = "链"
[[chains.links]]
code = "a"
name_zh = "甲"
classes = ["3841"]
upstream = ["c"]
[[chains.links]]
code = "b"
name_zh = "乙"
classes = ["3849"]
upstream = ["a"]
[[chains.links]]
code = "c"
name_zh = "丙"
classes = ["3611"]
upstream = ["b"]
)";
  EXPECT_EQ(Load(text), "chains.toml:6: chains[0].links: the links form a cycle: a → b → c → a");
}

TEST(ChainsConfigTest, RefusesUnknownClassesLinksAndFigures) {
  const std::string text = kHead + R"(
[[chains]]
code = "c"
name_zh = "链"
[[chains.links]]
code = "a"
name_zh = "甲"
classes = ["3848"]
[[chains.links]]
code = "b"
name_zh = "乙"
upstream = ["z"]
products = ["x"]
[[chains.members]]
enterprise = "某公司"
link = "q"
[[ladders]]
code = "l"
name_zh = "梯"
criteria = [{ figure = "turnover", min = 1 }, { figure = "holds:knighthood", min = 1 }]
)";
  const std::string message = Load(text);
  EXPECT_NE(message.find("chains.toml:9: chains[0].links[0].classes[0]: '3848' is not a GB/T "
                         "4754-2017 division, group or class"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("chains.toml:13: chains[0].links[1].upstream[0]: unknown link 'z' in "
                         "chain 'c'"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("chains[0].members[0].link: unknown link 'q'"), std::string::npos)
      << message;
  EXPECT_NE(message.find("ladders[0].criteria[0].figure: unknown figure 'turnover'"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("unknown designation type 'knighthood'"), std::string::npos) << message;
}

TEST(ChainsConfigTest, RefusesASelfLoopAndBadRules) {
  const std::string text = kHead + R"(
[rules]
strong_enterprises = 0
[[chains]]
code = "c"
name_zh = "链"
[[chains.links]]
code = "a"
name_zh = "甲"
classes = ["38"]
upstream = ["a"]
)";
  const std::string message = Load(text);
  EXPECT_NE(message.find("rules.strong_enterprises: must be at least min_enterprises"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("upstream[0]: a link cannot feed itself"), std::string::npos) << message;
}

}  // namespace
}  // namespace clusterscope::app
