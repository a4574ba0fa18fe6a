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

}  // namespace
}  // namespace clusterscope::app
