// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/ingest/table_file.h"

#include "testutil.h"
#include <gtest/gtest.h>

#include "clusterscope/ingest/analytics_files.h"
#include "clusterscope/ingest/importers.h"

namespace clusterscope::ingest {
namespace {

TEST(TableFileTest, DropsTheByteOrderMark) {
  testutil::TempDir dir;
  testutil::WriteFile(dir.Path("a.csv"), "\xEF\xBB\xBFuscc,name\n1,x\n");
  auto table = ReadCsvFile(dir.Path("a.csv"));
  ASSERT_OK(table);
  EXPECT_EQ(table->header.fields[0], "uscc");
  ASSERT_EQ(table->rows.size(), 1u);
  EXPECT_EQ(table->rows[0].line, 2u);
}

TEST(TableFileTest, RecognisesGbkFromExcel) {
  testutil::TempDir dir;
  // "企业名称" in GBK.
  testutil::WriteFile(dir.Path("gbk.csv"), "uscc,\xC6\xF3\xD2\xB5\xC3\xFB\xB3\xC6\n1,x\n");
  auto table = ReadCsvFile(dir.Path("gbk.csv"));
  ASSERT_FALSE(table.has_value());
  EXPECT_NE(table.error().message().find("GBK"), std::string::npos) << table.error().message();
  EXPECT_NE(table.error().message().find("gbk.csv:1"), std::string::npos);
  EXPECT_NE(table.error().message().find("--encoding gbk"), std::string::npos);

  auto converted = ReadCsvFile(dir.Path("gbk.csv"), Encoding::kGbk);
  ASSERT_OK(converted);
  EXPECT_EQ(converted->header.fields[1], "企业名称");

  // A byte sequence GB18030 does not have either.
  testutil::WriteFile(dir.Path("junk.csv"), "a,b\n1,\x81\x20\n");
  auto junk = ReadCsvFile(dir.Path("junk.csv"), Encoding::kGbk);
  ASSERT_FALSE(junk.has_value());
  EXPECT_NE(junk.error().message().find("junk.csv:2: not GBK"), std::string::npos)
      << junk.error().message();
}

TEST(TableFileTest, AnswersEmptyAndMissingFiles) {
  testutil::TempDir dir;
  testutil::WriteFile(dir.Path("empty.csv"), "");
  auto empty = ReadCsvFile(dir.Path("empty.csv"));
  ASSERT_FALSE(empty.has_value());
  EXPECT_NE(empty.error().message().find("empty"), std::string::npos);
  auto missing = ReadCsvFile(dir.Path("nope.csv"));
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code(), Status::Code::kNotFound);
}

TEST(TableFileTest, MapsChineseHeadersAndRejectsUnknownOnes) {
  testutil::TempDir dir;
  testutil::WriteFile(dir.Path("zh.csv"),
                      "统一社会信用代码, 企业名称 ,行业代码,所属集群\nx,y,z,w\n");
  auto table = ReadCsvFile(dir.Path("zh.csv"));
  ASSERT_OK(table);
  auto columns = MapColumns(*table, EnterpriseColumns());
  ASSERT_OK(columns);
  EXPECT_EQ(columns->Cell(table->rows[0], "name"), "y");
  EXPECT_EQ(columns->HeaderOf("cluster"), "所属集群");
  EXPECT_FALSE(columns->Has("park"));

  testutil::WriteFile(dir.Path("bad.csv"), "USCC,name,industry_code,colour,name\nx,y,z,w,v\n");
  auto bad_table = ReadCsvFile(dir.Path("bad.csv"));
  ASSERT_OK(bad_table);
  auto bad = MapColumns(*bad_table, EnterpriseColumns());
  ASSERT_FALSE(bad.has_value());
  const std::string& message = bad.error().message();
  EXPECT_NE(message.find("bad.csv:1"), std::string::npos) << message;
  EXPECT_NE(message.find("column 4 'colour' is not a known column"), std::string::npos) << message;
  EXPECT_NE(message.find("column 5 'name' repeats column 2"), std::string::npos) << message;

  testutil::WriteFile(dir.Path("short.csv"), "uscc,name\nx,y\n");
  auto short_table = ReadCsvFile(dir.Path("short.csv"));
  ASSERT_OK(short_table);
  auto missing = MapColumns(*short_table, EnterpriseColumns());
  ASSERT_FALSE(missing.has_value());
  EXPECT_NE(missing.error().message().find("required column 'industry_code' is missing"),
            std::string::npos);
}

TEST(TableFileTest, WritesRejectsThatExcelOpens) {
  testutil::TempDir dir;
  core::CsvRecord header{{"uscc", "name"}, 1};
  core::CsvRecord row{{"bad", "有,逗号"}, 2};
  ASSERT_OK(
      WriteRejectsFile(dir.Path("r.csv"), header, {{row, "uscc: wrong [credit_code_format]"}}));
  EXPECT_EQ(testutil::ReadFile(dir.Path("r.csv")),
            "\xEF\xBB\xBF\"uscc\",\"name\",\"reject_reason\"\r\n"
            "\"bad\",\"有,逗号\",\"uscc: wrong [credit_code_format]\"\r\n");
}

// A benchmark matrix is read whole: every problem is listed, in both languages.
TEST(TableFileTest, AMatrixListsItsProblemsInBothLanguages) {
  testutil::TempDir dir;
  testutil::WriteFile(dir.Path("m.csv"),
                      "region,industry,value,year\nA,26,-5,2024\nA,26,x,2024\n"
                      "A,27,1,20x4\n");
  auto matrix = ReadMatrixFile(dir.Path("m.csv"));
  ASSERT_FALSE(matrix.has_value());
  const std::string zh = matrix.error().message(core::Language::kZh);
  const std::string en = matrix.error().message(core::Language::kEn);
  EXPECT_NE(zh.find("3 处问题，未读入任何数据"), std::string::npos) << zh;
  EXPECT_NE(zh.find("m.csv:2：value：-5 是负数（non_negative）"), std::string::npos) << zh;
  EXPECT_NE(zh.find("'x' 不是数字"), std::string::npos) << zh;
  EXPECT_NE(zh.find("'20x4' 不是年份（YYYY）"), std::string::npos) << zh;
  EXPECT_NE(en.find("m.csv:2: value: -5 is negative (non_negative)"), std::string::npos) << en;
  EXPECT_NE(en.find("'20x4' is not a year (YYYY)"), std::string::npos) << en;
}

}  // namespace
}  // namespace clusterscope::ingest
