// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Real Excel files, written with libxlsxwriter as Excel would write them, read back through the
// importer and compared with the same data from CSV.
#include <filesystem>

#include "testutil.h"
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include "clusterscope/ingest/importers.h"

namespace clusterscope::ingest {
namespace {

using model::Measure;

// A workbook with a notes sheet first and the monthly table second, the period column as real
// Excel dates, numbers as numbers, one empty cell, and a formula.
void WriteWorkbook(const std::string& path, const std::vector<std::string>& codes) {
  lxw_workbook* workbook = workbook_new(path.c_str());
  lxw_worksheet* notes = workbook_add_worksheet(workbook, "说明");
  worksheet_write_string(notes, 0, 0, "涪陵区规上工业企业月报（示例）", nullptr);
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "月报");
  lxw_format* month_format = workbook_add_format(workbook);
  format_set_num_format(month_format, "yyyy-mm");
  const char* headers[] = {"统一社会信用代码", "报告期",   "工业总产值",
                           "工业增加值",       "利润总额", "期末从业人员"};
  for (lxw_col_t col = 0; col < 6; ++col)
    worksheet_write_string(sheet, 0, col, headers[col], nullptr);
  lxw_row_t row = 1;
  for (const auto& code : codes) {
    for (int month = 1; month <= 3; ++month, ++row) {
      worksheet_write_string(sheet, row, 0, code.c_str(), nullptr);
      lxw_datetime date = {2023, static_cast<uint8_t>(month), 1, 0, 0, 0};
      worksheet_write_datetime(sheet, row, 1, &date, month_format);
      worksheet_write_number(sheet, row, 2, 1000.25 * month, nullptr);
      if (month != 2) worksheet_write_number(sheet, row, 3, 300.5 * month, nullptr);  // Feb empty
      worksheet_write_number(sheet, row, 4, month == 3 ? -12.5 : 40, nullptr);
      const std::string formula = fmt::format("=100+{}", month);
      worksheet_write_formula_num(sheet, row, 5, formula.c_str(), nullptr, 100 + month);
    }
  }
  ASSERT_EQ(workbook_close(workbook), LXW_NO_ERROR);
}

std::string Csv(const std::vector<std::string>& codes) {
  std::string text = "uscc,period,output_value,value_added,profit,employees\n";
  for (const auto& code : codes) {
    for (int month = 1; month <= 3; ++month) {
      text += fmt::format("{},2023-{:02},{},{},{},{}\n", code, month, 1000.25 * month,
                          month != 2 ? fmt::format("{}", 300.5 * month) : "",
                          month == 3 ? -12.5 : 40, 100 + month);
    }
  }
  return text;
}

class XlsxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (int n = 1; n <= 2; ++n) codes_.push_back(testutil::CreditCode(n));
    for (const char* name : {"x.db", "c.db"}) {
      auto store = testutil::OpenFulingStore(dir_.Path(name));
      ASSERT_OK(store);
      auto tx = (*store)->Begin("tester");
      for (const auto& code : codes_) {
        model::Enterprise e;
        e.uscc = code;
        e.name = "企业";
        e.industry_code = "1371";
        ASSERT_OK((*tx)->PutEnterprise(e));
      }
      ASSERT_OK((*tx)->Commit());
      stores_.push_back(std::move(*store));
    }
  }

  ImportOptions Options(const std::string& sheet) {
    ImportOptions options;
    options.actor = "tester";
    options.sheet = sheet;
    return options;
  }

  testutil::TempDir dir_;
  std::vector<std::string> codes_;
  std::vector<std::unique_ptr<storage::Store>> stores_;
};

TEST_F(XlsxTest, ExcelAndCsvGiveTheSameStoredValues) {
  WriteWorkbook(dir_.Path("m.xlsx"), codes_);
  testutil::WriteFile(dir_.Path("m.csv"), Csv(codes_));
  auto excel = ImportMonthly(*stores_[0], dir_.Path("m.xlsx"), Options("月报"));
  ASSERT_OK(excel);
  ASSERT_TRUE(excel->written) << excel->errors[0].ToString();
  auto csv = ImportMonthly(*stores_[1], dir_.Path("m.csv"), Options(""));
  ASSERT_OK(csv);
  ASSERT_TRUE(csv->written);
  for (const auto& code : codes_) {
    auto from_excel = stores_[0]->ListMonthly(code, std::nullopt);
    auto from_csv = stores_[1]->ListMonthly(code, std::nullopt);
    ASSERT_OK(from_excel);
    ASSERT_OK(from_csv);
    ASSERT_EQ(from_excel->size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
      EXPECT_EQ((*from_excel)[i].record.period, (*from_csv)[i].record.period);
      EXPECT_EQ((*from_excel)[i].record.values, (*from_csv)[i].record.values) << i;
    }
    EXPECT_FALSE((*from_excel)[1].record[Measure::kValueAdded].has_value());
    EXPECT_DOUBLE_EQ(*(*from_excel)[2].record[Measure::kProfit], -12.5);
    EXPECT_DOUBLE_EQ(*(*from_excel)[2].record[Measure::kEmployees], 103);
  }
}

TEST_F(XlsxTest, ErrorsNameTheSheetAndRow) {
  std::vector<std::string> codes = codes_;
  codes.push_back(testutil::CreditCode(9));  // not registered
  WriteWorkbook(dir_.Path("bad.xlsx"), codes);
  auto report = ImportMonthly(*stores_[0], dir_.Path("bad.xlsx"), Options("月报"));
  ASSERT_OK(report);
  EXPECT_FALSE(report->written);
  ASSERT_EQ(report->errors.size(), 3u);
  EXPECT_EQ(report->errors[0].sheet, "月报");
  EXPECT_EQ(report->errors[0].line, 8u);  // rows 8-10 of the sheet
  EXPECT_EQ(report->errors[0].rule, "unknown_enterprise");
  EXPECT_NE(report->errors[0].ToString().find("bad.xlsx [sheet 月报] row 8"), std::string::npos)
      << report->errors[0].ToString();
}

TEST_F(XlsxTest, AnswersBadWorkbooksClearly) {
  WriteWorkbook(dir_.Path("m.xlsx"), codes_);
  // The first sheet is the notes sheet: a header it is not.
  auto first = ImportMonthly(*stores_[0], dir_.Path("m.xlsx"), Options(""));
  ASSERT_FALSE(first.has_value());
  EXPECT_NE(first.error().message().find("bad header"), std::string::npos);

  auto unknown = ImportMonthly(*stores_[0], dir_.Path("m.xlsx"), Options("Sheet9"));
  ASSERT_FALSE(unknown.has_value());
  EXPECT_NE(unknown.error().message().find("the workbook has 说明, 月报"), std::string::npos)
      << unknown.error().message();

  const std::string whole = testutil::ReadFile(dir_.Path("m.xlsx"));
  testutil::WriteFile(dir_.Path("cut.xlsx"), whole.substr(0, whole.size() / 2));
  auto cut = ImportMonthly(*stores_[0], dir_.Path("cut.xlsx"), Options(""));
  ASSERT_FALSE(cut.has_value());
  EXPECT_NE(cut.error().message().find("not a readable .xlsx workbook"), std::string::npos)
      << cut.error().message();

  testutil::WriteFile(dir_.Path("old.xlsx"), std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) +
                                                 std::string(600, '\0'));  // an .xls header
  auto old = ImportMonthly(*stores_[0], dir_.Path("old.xlsx"), Options(""));
  ASSERT_FALSE(old.has_value());
  EXPECT_NE(old.error().message().find(".xls"), std::string::npos);
  // Under its own name or saved as .csv, it is named for what it is, not read as text.
  for (const char* name : {"old.xls", "old.csv"}) {
    testutil::WriteFile(dir_.Path(name), std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) +
                                             std::string(600, '\0'));
    auto named = ImportMonthly(*stores_[0], dir_.Path(name), Options(""));
    ASSERT_FALSE(named.has_value()) << name;
    EXPECT_NE(named.error().message().find("Excel 97-2003 workbook (.xls)"), std::string::npos)
        << named.error().message();
  }

  auto missing = ImportMonthly(*stores_[0], dir_.Path("none.xlsx"), Options(""));
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code(), Status::Code::kNotFound);
}

// A sheet is parsed whole, so one beyond the limit is refused with advice, not read into
// gigabytes of memory. (The real limit is 1 GiB; here it is lowered to the test's sheet.)
TEST_F(XlsxTest, RefusesASheetTooLargeToParseAndPointsToCsv) {
  WriteWorkbook(dir_.Path("m.xlsx"), codes_);
  auto fits = ReadXlsxFile(dir_.Path("m.xlsx"), "月报");
  ASSERT_OK(fits);
  auto refused = ReadXlsxFile(dir_.Path("m.xlsx"), "月报", XlsxLimits{.max_part_bytes = 100});
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(refused.error().message().find("CSV UTF-8"), std::string::npos)
      << refused.error().message();
}

// A CSV file is read as a stream: a file much larger than a read block (4 MB) goes through in
// pieces, with lines counted across the pieces.
TEST_F(XlsxTest, StreamsACsvFileLargerThanAReadBlock) {
  std::string text = "uscc,period,output_value\n";
  std::size_t rows = 0;
  while (text.size() < (std::size_t{9} << 20)) {
    for (int m = 1; m <= 12 && text.size() < (std::size_t{9} << 20); ++m) {
      text += fmt::format("{},{}-{:02},{}\n", codes_[rows % codes_.size()], 1900 + rows / 12 % 120,
                          m, rows);
      ++rows;
    }
  }
  text += "bad-code,2023-01,1\n";
  testutil::WriteFile(dir_.Path("big.csv"), text);
  auto reader = OpenTable(dir_.Path("big.csv"), "");
  ASSERT_OK(reader);
  core::CsvBatch batch;
  std::size_t read = 0;
  std::size_t blocks = 0;
  std::size_t last_line = 0;
  do {
    ASSERT_OK((*reader)->Next(batch));
    if (batch.size > 0) ++blocks;
    read += batch.size;
    if (batch.size > 0) last_line = batch.records[batch.size - 1].line;
  } while (batch.size > 0);
  EXPECT_EQ(read, rows + 1);
  EXPECT_GE(blocks, 3u);
  EXPECT_EQ(last_line, rows + 2);  // the header is line 1
}

}  // namespace
}  // namespace clusterscope::ingest
