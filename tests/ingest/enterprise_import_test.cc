// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "testutil.h"
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "clusterscope/ingest/importers.h"

namespace clusterscope::ingest {
namespace {

constexpr const char* kHeader =
    "uscc,name,industry_code,cluster,park,town,above_scale,founded,listed,land_km2,"
    "strategic_emerging\n";

std::string Row(int n, const std::string& industry = "3841") {
  return fmt::format("{},企业{},{},,GXQ,敦仁街道,1,2015-03-01,0,0.12,\n", testutil::CreditCode(n),
                     n, industry);
}

class EnterpriseImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = testutil::OpenFulingStore(dir_.Path("test.db"));
    ASSERT_OK(store);
    store_ = std::move(*store);
  }

  Result<ImportReport> Import(const std::string& text, bool skip_invalid = false) {
    const std::string path = dir_.Path(fmt::format("file{}.csv", file_counter_++));
    testutil::WriteFile(path, text);
    ImportOptions options;
    options.actor = "tester";
    options.year = 2023;
    options.skip_invalid = skip_invalid;
    return ImportEnterprises(*store_, testutil::FulingSystem(), path, options);
  }

  std::int64_t Count() {
    auto count = store_->CountEnterprises();
    EXPECT_TRUE(count.has_value());
    return count.value_or(-1);
  }

  testutil::TempDir dir_;
  std::unique_ptr<storage::Store> store_;
  int file_counter_ = 0;
};

TEST_F(EnterpriseImportTest, ImportsAndDerivesClusters) {
  auto report = Import(std::string(kHeader) + Row(1) + Row(2, "1371") + Row(3, "3311"));
  ASSERT_OK(report);
  EXPECT_TRUE(report->written);
  EXPECT_EQ(report->inserted, 3u);
  EXPECT_TRUE(report->errors.empty());
  ASSERT_EQ(report->warnings.size(), 1u);  // 3311 maps to no cluster
  EXPECT_EQ(report->warnings[0].rule, "cluster_unmapped");
  EXPECT_EQ(report->warnings[0].line, 4u);

  auto e = store_->GetEnterprise(testutil::CreditCode(2));
  ASSERT_OK(e);
  ASSERT_TRUE(e->has_value());
  EXPECT_EQ((*e)->cluster, "F1");
  EXPECT_EQ((*e)->cluster_source, model::ClusterSource::kDerived);
  EXPECT_EQ((*e)->town, "500102006");  // 敦仁街道 by name
  EXPECT_EQ((*e)->above_scale.at(2023), true);
  EXPECT_EQ((*e)->founded->ToString(), "2015-03-01");
  EXPECT_DOUBLE_EQ(*(*e)->land_km2, 0.12);
}

TEST_F(EnterpriseImportTest, ReportsEachRuleWithFileLineColumnAndValue) {
  struct Case {
    std::string row;  // a whole data line
    const char* column;
    const char* rule;
  };
  const std::string good = testutil::CreditCode(7);
  std::string bad_check = good;
  bad_check[17] = bad_check[17] == '0' ? '1' : '0';
  const Case cases[] = {
      {bad_check + ",甲,3841,,,,,,,,\n", "uscc", "credit_code_check"},
      {"91500102ABC,甲,3841,,,,,,,,\n", "uscc", "credit_code_format"},
      {good + ",甲,3848,,,,,,,,\n", "industry_code", "unknown_industry_class"},
      {good + ",甲,384,,,,,,,,\n", "industry_code", "malformed_industry_code"},
      {good + ",甲,3841,Q9,,,,,,,\n", "cluster", "unknown_cluster"},
      {good + ",甲,3841,,XYZ,,,,,,\n", "park", "unknown_park"},
      {good + ",甲,3841,,,火星镇,,,,,\n", "town", "unknown_town"},
      {good + ",,3841,,,,,,,,\n", "name", "missing_required"},
      {good + ",甲,3841,,,,maybe,,,,\n", "above_scale", "malformed_boolean"},
      {good + ",甲,3841,,,,,2015-02-30,,,\n", "founded", "malformed_date"},
      {good + ",甲,3841,,,,,,,ten,\n", "land_km2", "malformed_number"},
      {good + ",甲,3841,,,,,,,-1,\n", "land_km2", "negative_value"},
      {good + ",甲,3841,,,,,,,,12\n", "strategic_emerging", "unknown_sei_category"},
      {good + ",甲,3841\n", "", "field_count"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.rule);
    auto report = Import(std::string(kHeader) + Row(1) + c.row);
    ASSERT_OK(report);
    EXPECT_FALSE(report->written);
    ASSERT_EQ(report->errors.size(), 1u) << report->errors[0].ToString();
    const auto& issue = report->errors[0];
    EXPECT_EQ(issue.rule, c.rule);
    EXPECT_EQ(issue.column, c.column);
    EXPECT_EQ(issue.line, 3u);
    EXPECT_NE(issue.file.find(".csv"), std::string::npos);
    EXPECT_EQ(Count(), 0) << "nothing may be written";
  }
}

// The high-tech flag of a partial class (高技术制造业: 是 / 否), refused on a class the list lacks.
TEST_F(EnterpriseImportTest, ReadsTheHighTechFlag) {
  const std::string a = testutil::CreditCode(1), b = testutil::CreditCode(2);
  auto report =
      Import("uscc,name,industry_code,高技术制造业\n" + a + ",甲,2780,是\n" + b + ",乙,2761,否\n");
  ASSERT_OK(report);
  ASSERT_TRUE(report->written) << report->errors[0].ToString();
  auto e = store_->GetEnterprise(a);
  ASSERT_OK(e);
  ASSERT_TRUE(e->has_value());
  EXPECT_EQ((*e)->high_tech, true);
  auto bad = Import("uscc,name,industry_code,high_tech\n" + b + ",乙,1371,是\n");
  ASSERT_OK(bad);
  EXPECT_FALSE(bad->written);
  ASSERT_EQ(bad->errors.size(), 1u);
  EXPECT_EQ(bad->errors[0].rule, "not_a_high_tech_class");
  EXPECT_EQ(bad->errors[0].column, "high_tech");
}

TEST_F(EnterpriseImportTest, ReportsDuplicateKeysWithTheFirstLine) {
  auto report = Import(std::string(kHeader) + Row(1) + Row(2) + Row(1));
  ASSERT_OK(report);
  ASSERT_EQ(report->errors.size(), 1u);
  EXPECT_EQ(report->errors[0].rule, "duplicate_key");
  EXPECT_EQ(report->errors[0].line, 4u);
  EXPECT_NE(report->errors[0].message.en.find("line 2"), std::string::npos);
}

TEST_F(EnterpriseImportTest, TenThousandRowsWithThreePercentBad) {
  std::string text = kHeader;
  std::set<int> bad_lines;
  for (int i = 0; i < 10000; ++i) {
    if (i % 100 < 3) {  // 3 % of rows, of three kinds
      bad_lines.insert(i + 2);
      switch (i % 100) {
        case 0:
          text += fmt::format("{},企业{},9999,,,,1,,,,\n", testutil::CreditCode(i), i);
          break;
        case 1:
          text += fmt::format("{}X,企业{},3841,,,,1,,,,\n", testutil::CreditCode(i), i);
          break;
        default:
          text += fmt::format("{},企业{},3841,,NOPARK,,1,,,,\n", testutil::CreditCode(i), i);
          break;
      }
    } else {
      text += Row(i, i % 2 == 0 ? "3841" : "2614");
    }
  }
  auto report = Import(text);
  ASSERT_OK(report);
  EXPECT_FALSE(report->written);
  EXPECT_EQ(report->rows_read, 10000u);
  EXPECT_EQ(report->rows_rejected, 300u);
  std::set<std::size_t> reported;
  for (const auto& issue : report->errors) reported.insert(issue.line);
  EXPECT_EQ(reported, std::set<std::size_t>(bad_lines.begin(), bad_lines.end()));
  EXPECT_EQ(Count(), 0);

  auto skipping = Import(text, true);
  ASSERT_OK(skipping);
  EXPECT_TRUE(skipping->written);
  EXPECT_EQ(skipping->inserted, 9700u);
  EXPECT_EQ(Count(), 9700);
  const std::string rejects = testutil::ReadFile(skipping->rejects_file);
  EXPECT_EQ(std::count(rejects.begin(), rejects.end(), '\n'), 301);  // header + 300 rows
  EXPECT_NE(rejects.find("unknown_park"), std::string::npos);
  auto batches = store_->ListImportBatches();
  ASSERT_OK(batches);
  ASSERT_EQ(batches->size(), 1u);
  EXPECT_EQ(batches->front().rows_written, 9700);
  EXPECT_EQ(batches->front().rows_rejected, 300);
}

TEST_F(EnterpriseImportTest, UpdatesExistingEnterprisesAndAuditsThem) {
  ASSERT_OK(Import(std::string(kHeader) + Row(1)));
  // A narrower file: only the columns present change; the cluster is now given explicitly and
  // disagrees with the class mapping, which is kept and reported.
  auto report = Import(fmt::format(
      "统一社会信用代码,企业名称,行业代码,所属集群\n{},新名称,3841,P3\n", testutil::CreditCode(1)));
  ASSERT_OK(report);
  EXPECT_EQ(report->updated, 1u);
  ASSERT_EQ(report->warnings.size(), 1u);
  EXPECT_EQ(report->warnings[0].rule, "cluster_conflict");
  auto e = store_->GetEnterprise(testutil::CreditCode(1));
  ASSERT_OK(e);
  EXPECT_EQ((*e)->name, "新名称");
  EXPECT_EQ((*e)->cluster, "P3");
  EXPECT_EQ((*e)->cluster_source, model::ClusterSource::kExplicit);
  EXPECT_EQ((*e)->park, "GXQ");  // not in the file: kept
  auto audit = store_->ListAudit({"enterprise", testutil::CreditCode(1), 0});
  ASSERT_OK(audit);
  bool saw_name = false;
  for (const auto& entry : *audit) {
    if (entry.field == "name" && entry.action == "update") {
      saw_name = true;
      EXPECT_EQ(entry.old_value, "企业1");
      EXPECT_EQ(entry.new_value, "新名称");
      EXPECT_TRUE(entry.batch_id.has_value());
    }
  }
  EXPECT_TRUE(saw_name);

  // Importing the same file again changes nothing.
  auto again = Import(
      fmt::format("uscc,name,industry_code,cluster\n{},新名称,3841,P3\n", testutil::CreditCode(1)));
  ASSERT_OK(again);
  EXPECT_EQ(again->unchanged, 1u);
}

TEST_F(EnterpriseImportTest, ImportsTheAboveScaleDirectoryByYear) {
  ASSERT_OK(Import(std::string(kHeader) + Row(1) + Row(2)));
  const std::string a = testutil::CreditCode(1);
  const std::string b = testutil::CreditCode(2);
  testutil::WriteFile(
      dir_.Path("scale.csv"),
      fmt::format("统一社会信用代码,年度,是否规上\n{0},2021,否\n{0},2022,是\n{1},2024,0\n", a, b));
  ImportOptions options;
  options.actor = "tester";
  auto report = ImportScale(*store_, dir_.Path("scale.csv"), options);
  ASSERT_OK(report);
  EXPECT_TRUE(report->written);
  EXPECT_EQ(report->updated, 2u);
  auto e = store_->GetEnterprise(a);
  ASSERT_OK(e);
  EXPECT_EQ((*e)->above_scale, (std::map<int, bool>{{2021, false}, {2022, true}, {2023, true}}));

  testutil::WriteFile(dir_.Path("bad.csv"),
                      fmt::format("uscc,year,above_scale\n{0},20x1,1\n{0},2021,maybe\n{1},2021,1\n"
                                  "{0},2022,1\n{0},2022,0\n",
                                  a, testutil::CreditCode(3)));
  auto bad = ImportScale(*store_, dir_.Path("bad.csv"), options);
  ASSERT_OK(bad);
  EXPECT_FALSE(bad->written);
  std::vector<std::string> rules;
  for (const auto& issue : bad->errors) rules.push_back(issue.rule);
  EXPECT_EQ(rules, (std::vector<std::string>{"malformed_year", "malformed_boolean",
                                             "unknown_enterprise", "duplicate_key"}));
}

TEST_F(EnterpriseImportTest, RejectsAHeaderOnlyFile) {
  auto report = Import(kHeader);
  ASSERT_FALSE(report.has_value());
  EXPECT_NE(report.error().message().find("no data rows"), std::string::npos);
}

}  // namespace
}  // namespace clusterscope::ingest
