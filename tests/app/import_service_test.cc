// SPDX-License-Identifier: LicenseRef-ClusterScope
// The conveniences of an upload, at the application layer where the command line and the server
// share them: a GBK file read as GBK and said so, columns of the office's own left out when asked
// (each named), money in 千元, and the templates of each kind.
#include "clusterscope/app/import_service.h"

#include <algorithm>

#include "testutil.h"
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <iconv.h>

#include "clusterscope/app/init.h"
#include "clusterscope/app/registry_service.h"
#include "clusterscope/ingest/table_file.h"
#include "clusterscope/storage/store.h"

namespace clusterscope::app {
namespace {

// `utf8` in GB18030, with glibc's iconv (what Excel on Chinese Windows writes).
std::string Gbk(const std::string& utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  std::string out(utf8.size() * 2 + 8, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size();
  char* at = out.data();
  std::size_t out_left = out.size();
  iconv(cd, &in, &in_left, &at, &out_left);
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

class ImportServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.Path("u.db");
    ASSERT_OK(InitDatabase({db_, testutil::SystemsDir() + "/fuling-2349.toml", "t", "", "", ""}));
    auto app = testutil::OpenApp(db_);
    ASSERT_OK(app);
    app_ = std::move(*app);
    uscc_ = testutil::CreditCode(1);
    testutil::WriteFile(dir_.Path("e.csv"),
                        fmt::format("uscc,name,industry_code,park\n{},甲企业,3841,GXQ\n", uscc_));
    ASSERT_OK(app_.Import("enterprises", dir_.Path("e.csv")));
  }

  // The stored output of 2025-10 in 万元.
  double October() {
    auto store = storage::OpenSqliteStore(db_);
    EXPECT_TRUE(store.has_value());
    auto facts = (*store)->ListMonthly(uscc_, core::Period{2025, 10});
    EXPECT_TRUE(facts.has_value() && facts->size() == 1);
    return facts->front()
        .record.values[static_cast<std::size_t>(model::Measure::kOutputValue)]
        .value_or(-1);
  }

  testutil::TempDir dir_;
  std::string db_;
  testutil::App app_;
  std::string uscc_;
};

TEST_F(ImportServiceTest, AGbkFileIsReadAsGbkAndSaysSo) {
  const std::string path = dir_.Path("gbk.csv");
  testutil::WriteFile(path, Gbk(fmt::format("统一社会信用代码,报告期,工业总产值\r\n"
                                            "{},2025-10,\"250,000.50\"\r\n",
                                            uscc_)));
  EXPECT_EQ(*ingest::DetectEncoding(path), ingest::Encoding::kGbk);
  // Without detection it is refused, with the hint; with it, imported and said so.
  EXPECT_FALSE(app_.Import("monthly", path));
  model::ImportOptions options;
  options.detect_encoding = true;
  auto report = app_.Import("monthly", path, options);
  ASSERT_OK(report);
  EXPECT_TRUE(report->written);
  ASSERT_FALSE(report->warnings.empty());
  EXPECT_EQ(report->warnings.front().rule, "read_as_gbk");
  EXPECT_DOUBLE_EQ(October(), 250000.5);
  // A UTF-8 file is left as it is, without a word.
  testutil::WriteFile(dir_.Path("utf8.csv"),
                      fmt::format("统一社会信用代码,报告期,工业总产值\n{},2025-10,100\n", uscc_));
  EXPECT_EQ(*ingest::DetectEncoding(dir_.Path("utf8.csv")), ingest::Encoding::kUtf8);
  auto plain = app_.Import("monthly", dir_.Path("utf8.csv"), options);
  ASSERT_OK(plain);
  EXPECT_TRUE(std::none_of(plain->warnings.begin(), plain->warnings.end(),
                           [](const auto& w) { return w.rule == "read_as_gbk"; }));
}

TEST_F(ImportServiceTest, ColumnsOfTheOfficesOwnAreLeftOutOnlyWhenAsked) {
  const std::string path = dir_.Path("extra.csv");
  testutil::WriteFile(path, fmt::format("序号,统一社会信用代码,备注,报告期,工业总产值\n"
                                        "1,{},快报,2025-10,80\n",
                                        uscc_));
  auto refused = app_.Import("monthly", path);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message().find("备注"), std::string::npos);
  model::ImportOptions options;
  options.ignore_unknown_columns = true;
  auto report = app_.Import("monthly", path, options);
  ASSERT_OK(report);
  EXPECT_TRUE(report->written);
  std::vector<std::string> left_out;
  for (const auto& w : report->warnings) {
    if (w.rule == "column_ignored") left_out.push_back(w.column);
  }
  // 序号 is understood as a row number: passed over, not named.
  EXPECT_EQ(left_out, (std::vector<std::string>{"备注"}));
  EXPECT_DOUBLE_EQ(October(), 80);
}

TEST_F(ImportServiceTest, MoneyInThousandsOfYuan) {
  const std::string path = dir_.Path("qian.csv");
  testutil::WriteFile(path, fmt::format("uscc,period,output_value\n{},2025-10,12345\n", uscc_));
  model::ImportOptions options;
  options.unit = *model::ParseMoneyUnit("千元");
  ASSERT_OK(app_.Import("monthly", path, options));
  EXPECT_DOUBLE_EQ(October(), 1234.5);  // 12,345 千元 = 1,234.5 万元
  EXPECT_EQ(model::ParseMoneyUnit("qian"), model::MoneyUnit::kQian);
  EXPECT_FALSE(model::ParseMoneyUnit("千"));
}

TEST_F(ImportServiceTest, EveryKindHasATemplateWithChineseHeaders) {
  const auto* monthly = FindImportKind("monthly");
  ASSERT_NE(monthly, nullptr);
  auto csv = ImportTemplate(*monthly, "csv");
  ASSERT_OK(csv);
  EXPECT_TRUE(csv->starts_with("\xEF\xBB\xBF统一社会信用代码,报告期,工业总产值,"));
  // The template reads back as a file of its kind: its headers are all known.
  testutil::WriteFile(dir_.Path("t.csv"), *csv + uscc_ + ",2025-10,5\r\n");
  ASSERT_OK(app_.Import("monthly", dir_.Path("t.csv")));
  for (const auto& kind : ImportKinds()) {
    auto xlsx = ImportTemplate(kind, "xlsx");
    ASSERT_OK(xlsx);
    EXPECT_TRUE(xlsx->starts_with("PK")) << kind.name;  // a zip: an .xlsx workbook
    EXPECT_EQ(kind.headers_zh.size(), kind.columns.size()) << kind.name;
  }
}

// A park's own sheet: a title, a units line in 千元, a two-level header, a column the office
// adds (产值说明, known to no alias) and 合计 and 注 rows; `month` and `value` (千元) vary.
std::string ParkSheet(const std::string& uscc, const std::string& month, const std::string& value) {
  return fmt::format(
      "涪陵区{}规模以上工业企业主要经济指标,,,,,\n"
      "单位：千元,,,,,\n"
      "序号,统一社会信用代码,报告期,工业总产值,,产值说明\n"
      ",,,本月,上年同月,\n"
      "1,{},{},{},,快报\n"
      "合计,,,{},,\n"
      "注：本表为快报数,,,,,\n",
      month, uscc, month, value, value);
}

TEST_F(ImportServiceTest, ADryRunShowsHowTheFileIsReadAndWritesNothing) {
  const std::string path = dir_.Path("dry.csv");
  testutil::WriteFile(path, fmt::format("序号,统一社会信用代码,报告期,工业总产值（千元）\n"
                                        "1,{},2025年10月,\"12,345\"\n",
                                        uscc_));
  model::ImportOptions options;
  options.dry_run = true;
  auto report = app_.Import("monthly", path, options);
  ASSERT_OK(report);
  EXPECT_TRUE(report->dry_run);
  EXPECT_FALSE(report->written);
  EXPECT_FALSE(report->batch_id);
  EXPECT_EQ(report->inserted, 1U);  // counted as the import would count it
  ASSERT_EQ(report->columns.size(), 4U);
  EXPECT_EQ(report->columns[0].use, "left_out");  // 序号
  EXPECT_EQ(report->columns[1].column, "uscc");
  EXPECT_EQ(report->columns[3].header, "工业总产值（千元）");
  EXPECT_EQ(report->columns[3].column, "output_value");
  ASSERT_EQ(report->sample.size(), 1U);
  EXPECT_EQ(report->sample[0].line, 2U);
  EXPECT_EQ(report->sample[0].cells.at("period"), "2025-10");       // the text date, parsed
  EXPECT_EQ(report->sample[0].cells.at("output_value"), "1234.5");  // 千元 as 万元
  // Nothing stored: no fact, no batch.
  auto store = storage::OpenSqliteStore(db_);
  ASSERT_OK(store);
  EXPECT_TRUE((*store)->ListMonthly(uscc_, core::Period{2025, 10})->empty());
  EXPECT_EQ((*store)->ListImportBatches()->size(), 1U);  // the enterprises' only
  // A dry run of the registry's kinds shows its first rows as read.
  testutil::WriteFile(dir_.Path("e2.csv"),
                      fmt::format("uscc,name,industry_code,park\n{},乙企业,3841,GXQ\n", uscc_));
  auto enterprises = app_.Import("enterprises", dir_.Path("e2.csv"), options);
  ASSERT_OK(enterprises);
  EXPECT_EQ(enterprises->updated, 1U);
  ASSERT_EQ(enterprises->sample.size(), 1U);
  EXPECT_EQ(enterprises->sample[0].cells.at("name"), "乙企业");
  EXPECT_EQ((*store)->GetEnterprise(uscc_)->value().name, "甲企业");
}

TEST_F(ImportServiceTest, AProfileSavedFromOneMonthsSheetReadsTheNext) {
  auto imports = app_.Service<ImportService>();
  const std::string october = dir_.Path("october.csv");
  testutil::WriteFile(october, ParkSheet(uscc_, "2025-10", "12345"));
  // 产值说明 is no column the import knows: the profile must be told.
  auto unknown = imports.SaveProfileFrom("gxq", "monthly", october, {}, {});
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message().find("产值说明"), std::string::npos);
  auto saved = imports.SaveProfileFrom("gxq", "monthly", october, {}, {{"产值说明", ""}});
  ASSERT_OK(saved);
  EXPECT_EQ(saved->header_line, 3U);
  EXPECT_EQ(saved->header_rows, 2U);
  EXPECT_EQ(saved->unit, model::MoneyUnit::kQian);
  EXPECT_EQ(saved->year_to_date, false);
  // It round-trips through its TOML, as an analyst edits it.
  const std::string toml = ImportProfileToml(*saved);
  EXPECT_NE(toml.find("header = '工业总产值·本月'"), std::string::npos) << toml;
  auto again = imports.SaveProfileToml(toml, "edited.toml", "gxq-copy");
  ASSERT_OK(again);
  EXPECT_EQ(again->columns, saved->columns);
  EXPECT_EQ(imports.Profiles()->size(), 2U);

  // November's sheet, read by the profile: the report names it.
  const std::string november = dir_.Path("november.csv");
  testutil::WriteFile(november, ParkSheet(uscc_, "2025-11", "20000"));
  model::ImportOptions options;
  options.profile = *imports.Profile("gxq");
  auto report = app_.Import("monthly", november, options);
  ASSERT_OK(report);
  EXPECT_TRUE(report->written);
  EXPECT_EQ(report->profile, "gxq");
  auto store = storage::OpenSqliteStore(db_);
  ASSERT_OK(store);
  auto facts = (*store)->ListMonthly(uscc_, core::Period{2025, 11});
  ASSERT_OK(facts);
  ASSERT_EQ(facts->size(), 1U);
  EXPECT_DOUBLE_EQ(
      *facts->front().record.values[static_cast<std::size_t>(model::Measure::kOutputValue)], 2000);
  // A profile of monthly files reads no other kind; a wrong TOML is located; deleting is final.
  EXPECT_FALSE(app_.Import("enterprises", dir_.Path("e.csv"), options));
  auto bad = imports.SaveProfileToml("name = 'x'\nkind = 'monthly'\nheader_rows = 3\n", "bad.toml");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message().find("bad.toml:3: header_rows"), std::string::npos);
  auto wrong_column = imports.SaveProfileToml(
      "name = 'x'\nkind = 'monthly'\n[[columns]]\nheader = '产值'\ncolumn = 'output'\n", "c.toml");
  ASSERT_FALSE(wrong_column);
  EXPECT_NE(wrong_column.error().message().find("'output' is not a column"), std::string::npos);
  ASSERT_OK(imports.DeleteProfile("gxq-copy"));
  EXPECT_EQ(imports.Profile("gxq-copy").error().code(), Status::Code::kNotFound);
  EXPECT_EQ(imports.DeleteProfile("gxq-copy").code(), Status::Code::kNotFound);
}

TEST_F(ImportServiceTest, OnlyAdminsAndAnalystsChangeProfiles) {
  const std::string october = dir_.Path("october.csv");
  testutil::WriteFile(october, ParkSheet(uscc_, "2025-10", "12345"));
  for (const auto role : {model::Role::kParkEditor, model::Role::kViewer}) {
    ImportService imports(*app_.db, Caller{"u", role, "GXQ", Channel::kHttp});
    auto saved = imports.SaveProfileFrom("p", "monthly", october, {}, {{"产值说明", ""}});
    ASSERT_FALSE(saved);
    EXPECT_EQ(saved.error().code(), Status::Code::kPermissionDenied);
  }
  ImportService analyst(*app_.db, Caller{"a", model::Role::kAnalyst, "", Channel::kHttp});
  ASSERT_OK(analyst.SaveProfileFrom("p", "monthly", october, {}, {{"产值说明", ""}}));
  ImportService editor(*app_.db, Caller{"u", model::Role::kParkEditor, "GXQ", Channel::kHttp});
  EXPECT_EQ(editor.DeleteProfile("p").code(), Status::Code::kPermissionDenied);
  EXPECT_OK(editor.Profile("p"));  // used by anyone who uploads
}

}  // namespace
}  // namespace clusterscope::app
