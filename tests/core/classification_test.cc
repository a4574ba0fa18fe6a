// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/core/classification.h"

#include "testutil.h"
#include <gtest/gtest.h>

namespace clusterscope::core {
namespace {

TEST(IndustryClassificationTest, HasTheWholeStandard) {
  const auto& industries = IndustryClassification::Gbt4754();
  int counts[5] = {0, 0, 0, 0, 0};
  for (const auto& entry : industries.entries()) ++counts[entry.level];
  EXPECT_EQ(counts[1], 20);    // 门类
  EXPECT_EQ(counts[2], 97);    // 大类
  EXPECT_EQ(counts[3], 473);   // 中类
  EXPECT_EQ(counts[4], 1381);  // 小类, as shipped (see reference/README.md)
}

TEST(IndustryClassificationTest, NamesEveryLevel) {
  const auto& industries = IndustryClassification::Gbt4754();
  const auto path = industries.Path("3841");
  ASSERT_EQ(path.size(), 4u);
  EXPECT_EQ(path[0]->code, "C");
  EXPECT_EQ(path[0]->name, "制造业");
  EXPECT_EQ(path[1]->code, "38");
  EXPECT_EQ(path[1]->name, "电气机械和器材制造业");
  EXPECT_EQ(path[2]->code, "384");
  EXPECT_EQ(path[2]->name, "电池制造");
  EXPECT_EQ(path[3]->name, "锂离子电池制造");
  ASSERT_NE(industries.Find("C3841"), nullptr);  // the section-prefixed form
  EXPECT_EQ(industries.Find("C3841")->code, "3841");
  EXPECT_EQ(industries.Find("9999"), nullptr);
}

TEST(IndustryClassificationTest, ChecksClasses) {
  const auto& industries = IndustryClassification::Gbt4754();
  EXPECT_OK(industries.CheckClass("1371"));
  EXPECT_TRUE(industries.IsClass("2614"));
  EXPECT_FALSE(industries.IsClass("261"));
  struct Case {
    const char* code;
    const char* expected;
  } cases[] = {{"261", "4-digit"}, {"38a1", "4-digit"}, {"3848", "not a class"}, {"", "4-digit"}};
  for (const auto& c : cases) {
    const Status status = industries.CheckClass(c.code);
    EXPECT_FALSE(status.ok()) << c.code;
    EXPECT_NE(status.message().find(c.expected), std::string::npos) << status.message();
  }
}

TEST(IndustryClassificationTest, ListsClassesUnderAPrefix) {
  const auto& industries = IndustryClassification::Gbt4754();
  const auto battery = industries.ClassesUnder("384");
  ASSERT_EQ(battery.size(), 5u);
  EXPECT_EQ(battery.front()->code, "3841");
  EXPECT_EQ(battery.back()->code, "3849");
  const auto section_b = industries.ClassesUnder("B");  // mining
  ASSERT_FALSE(section_b.empty());
  for (const auto* entry : section_b) EXPECT_EQ(entry->section, "B");
  EXPECT_TRUE(industries.ClassesUnder("99x").empty());
}

TEST(HighTechTest, FlagsByClass) {
  const auto pharma = HighTechCategoryOf("2720");
  ASSERT_TRUE(pharma.has_value());
  EXPECT_EQ(pharma->code, "01");
  EXPECT_EQ(pharma->name, "医药制造业");
  EXPECT_FALSE(HighTechCategoryOf("1371").has_value());  // zhacai is not high-tech
  EXPECT_EQ(HighTechClasses().size(), 85u);
}

TEST(StrategicEmergingTest, KnowsBothLevels) {
  EXPECT_EQ(StrategicEmergingIndustries().size(), 49u);
  ASSERT_NE(FindStrategicEmerging("1"), nullptr);
  EXPECT_EQ(FindStrategicEmerging("1")->name, "新一代信息技术产业");
  ASSERT_NE(FindStrategicEmerging("1.2"), nullptr);
  EXPECT_EQ(FindStrategicEmerging("1.2")->parent_code, "1");
  EXPECT_EQ(FindStrategicEmerging("10"), nullptr);
}

TEST(DivisionsTest, KnowsFulingAndItsTowns) {
  const Division* fuling = FindCounty("500102");
  ASSERT_NE(fuling, nullptr);
  EXPECT_EQ(fuling->name, "涪陵区");
  const auto towns = TownsOf("500102");
  EXPECT_EQ(towns.size(), 27u);
  EXPECT_EQ(towns.front()->name, "敦仁街道");
  EXPECT_TRUE(TownsOf("110101").empty());  // no towns shipped for Beijing's Dongcheng
}

}  // namespace
}  // namespace clusterscope::core
