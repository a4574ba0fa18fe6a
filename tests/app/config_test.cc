// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/app/config.h"

#include "testutil.h"
#include <gtest/gtest.h>

namespace clusterscope::app {
namespace {

constexpr const char* kMinimal = R"(code = "t"
name_zh = "测试"
region_code = "500102"

[[tiers]]
code = "L"
name_zh = "主导"

[[clusters]]
code = "L1"
name_zh = "材料"
tier = "L"
classes = ["26"]
)";

std::string LoadError(const std::string& text) {
  auto system = LoadSystemText(text, "sys.toml", testutil::SystemsDir());
  EXPECT_FALSE(system.has_value()) << text;
  return system ? "" : system.error().message();
}

TEST(ConfigTest, LoadsTheShippedSystems) {
  auto fuling = LoadSystemFile(testutil::SystemsDir() + "/fuling-2349.toml");
  ASSERT_OK(fuling);
  EXPECT_EQ(fuling->tiers.size(), 4u);
  EXPECT_EQ(fuling->clusters.size(), 18u);
  EXPECT_EQ(fuling->parks.size(), 5u);
  const char* codes[] = {"L1", "L2", "P1", "P2", "P3", "F1", "F2", "F3", "F4",
                         "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"};
  for (std::size_t i = 0; i < 18; ++i) EXPECT_EQ(fuling->clusters[i].code, codes[i]);
  const char* tier_sizes[][2] = {{"L", "2"}, {"P", "3"}, {"F", "4"}, {"N", "9"}};
  for (const auto& [tier, size] : tier_sizes) {
    EXPECT_EQ(std::to_string(fuling->ClustersOfTier(tier).size()), size) << tier;
  }
  EXPECT_EQ(fuling->FindCluster("L2")->name_zh, "新能源汽车动力电池及轻量化部件");
  EXPECT_EQ(fuling->FindPark("BT")->name_zh, "白涛新材料科技城");
  EXPECT_EQ(fuling->designation_types.size(), 13u);
  ASSERT_NE(fuling->parent, nullptr);
  EXPECT_EQ(fuling->parent->clusters.size(), 12u);
  EXPECT_OK(fuling->Validate(core::IndustryClassification::Gbt4754()));
}

TEST(ConfigTest, LoadsAMinimalSystemWithDefaultDesignations) {
  auto system = LoadSystemText(kMinimal, "sys.toml", ".");
  ASSERT_OK(system);
  EXPECT_EQ(system->designation_types.size(), 13u);
}

TEST(ConfigTest, ReportsProblemsWithFileLineAndKey) {
  struct Case {
    std::string text;
    const char* expected;
  } cases[] = {
      {std::string(kMinimal) + "\n[[clusters]]\ncode = \"L1\"\nname_zh = \"重复\"\ntier = \"L\"\n",
       "sys.toml:16: clusters[1].code: duplicate code 'L1'"},
      {std::string(kMinimal) + "\n[[clusters]]\ncode = \"X1\"\nname_zh = \"未知\"\ntier = \"Q\"\n",
       "sys.toml:18: clusters[1].tier: cluster 'X1' names unknown tier 'Q'"},
      {std::string(kMinimal) +
           "\n[[clusters]]\ncode = \"N1\"\nname_zh = \"化工\"\ntier = \"L\"\nclasses = [\"266\"]\n",
       "clusters[1].classes: 'L1' and 'N1' both cover"},
      {std::string(kMinimal) + "clases = [\"27\"]\n",
       "sys.toml:14: clusters[0].clases: unknown key"},
      {std::string(kMinimal) + "exclude = \"2661\"\n", "clusters[0].exclude: must be an array"},
      {std::string(kMinimal) + "\n[[parks]]\ncode = 5\nname_zh = \"园\"\n",
       "sys.toml:16: parks[0].code: must be a string"},
      {"name_zh = \"x\"\nregion_code = \"500102\"\n", "sys.toml:1: code: required key is missing"},
      {"code = \"t\"\nname_zh = \"x\"\nregion_code = \"500102\"\nparent = \"missing.toml\"\n",
       "missing.toml: cannot open the file"},
      // A parent that is a device or too large is refused, not read without end (fuzzing).
      {"code = \"t\"\nname_zh = \"x\"\nregion_code = \"500102\"\nparent = \"/dev/zero\"\n",
       "/dev/zero: not a regular file"},
      {"code = \"t\"\nname_zh = [\n", "sys.toml:2:"},
      {std::string(kMinimal) + "parent = \"CQ-X\"\n", "has no parent system"},
  };
  for (const auto& c : cases) {
    const std::string message = LoadError(c.text);
    EXPECT_NE(message.find(c.expected), std::string::npos)
        << "expected: " << c.expected << "\ngot: " << message;
  }
}

TEST(ConfigTest, ChecksAgainstTheParentFile) {
  const std::string text =
      "code = \"t\"\nname_zh = \"测试\"\nregion_code = \"500102\"\nparent = "
      "\"chongqing-33618.toml\"\n[[tiers]]\ncode = \"L\"\nname_zh = \"主导\"\n[[clusters]]\ncode = "
      "\"L1\"\nname_zh = \"材料\"\ntier = \"L\"\nclasses = [\"26\"]\nparent = \"CQ-Z9\"\n";
  const std::string message = LoadError(text);
  EXPECT_NE(message.find("sys.toml:13: clusters[0].parent"), std::string::npos) << message;
  EXPECT_NE(message.find("chongqing-33618 does not have"), std::string::npos) << message;
}

}  // namespace
}  // namespace clusterscope::app
