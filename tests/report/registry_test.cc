// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/report/registry.h"

#include "testutil.h"
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "clusterscope/report/text_table.h"

namespace clusterscope::report {
namespace {

TEST(TextTableTest, AlignsChineseByDisplayWidth) {
  TextTable table({"code", "name", "n"});
  table.AlignRight(2);
  table.AddRow({"L1", "先进材料", "12"});
  table.AddRow({"P10", "ab", "3"});
  EXPECT_EQ(table.Render(),
            "code  name       n\n"
            "----  --------  --\n"
            "L1    先进材料  12\n"
            "P10   ab         3\n");
}

TEST(SystemJsonTest, GivesScriptsTiersClustersAndParks) {
  const auto json = nlohmann::json::parse(SystemJson(testutil::FulingSystem(), {{"L1", 3}}));
  EXPECT_EQ(json["code"], "fuling-2349");
  EXPECT_EQ(json["region_name"], "涪陵区");
  ASSERT_EQ(json["tiers"].size(), 4u);
  EXPECT_EQ(json["tiers"][0]["code"], "L");
  EXPECT_EQ(json["tiers"][0]["clusters"], nlohmann::json({"L1", "L2"}));
  EXPECT_EQ(json["tiers"][0]["output_threshold_yuan"], 1e11);
  EXPECT_TRUE(json["tiers"][3]["output_threshold_yuan"].is_null());
  ASSERT_EQ(json["clusters"].size(), 18u);
  EXPECT_EQ(json["clusters"][0]["code"], "L1");
  EXPECT_EQ(json["clusters"][0]["name_zh"], "先进材料");
  EXPECT_EQ(json["clusters"][0]["tier"], "L");
  EXPECT_EQ(json["clusters"][0]["parent_cluster"], "CQ-A3");
  EXPECT_EQ(json["clusters"][0]["enterprises"], 3);
  EXPECT_EQ(json["clusters"][1]["enterprises"], 0);
  ASSERT_EQ(json["parks"].size(), 5u);
  EXPECT_EQ(json["parks"][0]["code"], "GXQ");
  EXPECT_TRUE(json["parks"][0]["land_km2"].is_null());
  EXPECT_EQ(json["parent"]["code"], "chongqing-33618");
  EXPECT_EQ(json["groupings"][0]["categories"].size(), 5u);
}

TEST(ImportReportTest, SaysWhatHappened) {
  model::ImportReport report;
  report.kind = "enterprises";
  report.file = "e.csv";
  report.rows_read = 2;
  report.rows_rejected = 1;
  report.errors.push_back({"e.csv", "", 3, "park", "XYZ", "unknown_park",
                           core::Text{"'XYZ' 不是园区", "'XYZ' is not a park"}});
  const std::string text = ImportReportText(report, 10);
  EXPECT_NE(text.find("e.csv:3: column 'park' value 'XYZ': 'XYZ' is not a park [unknown_park]"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("nothing imported"), std::string::npos);
  const auto json = nlohmann::json::parse(ImportReportJson(report, core::Language::kEn));
  EXPECT_EQ(json["written"], false);
  EXPECT_EQ(json["errors"][0]["rule"], "unknown_park");
  EXPECT_EQ(json["errors"][0]["line"], 3);
}

TEST(IndustryTest, ShowsWhereAClassBelongs) {
  const auto* entry = core::IndustryClassification::Gbt4754().Find("2720");
  ASSERT_NE(entry, nullptr);
  const auto json = nlohmann::json::parse(IndustryJson(*entry, &testutil::FulingSystem()));
  EXPECT_EQ(json["path"].size(), 4u);
  EXPECT_EQ(json["high_tech_category"], "01");
  EXPECT_EQ(json["cluster"], "F2");
  EXPECT_EQ(json["groupings"]["sector"], "CON");
}

}  // namespace
}  // namespace clusterscope::report
