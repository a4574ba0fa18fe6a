// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/ingest/table_layout.h"

#include <gtest/gtest.h>

namespace clusterscope::ingest {
namespace {

using model::MoneyUnit;

core::CsvRecord Row(std::vector<std::string> fields, std::size_t line = 0) {
  return core::CsvRecord{std::move(fields), line};
}

// The monthly file's columns, as far as these tests need them.
std::vector<ColumnSpec> Specs() {
  return {{"uscc", {"统一社会信用代码"}, true},
          {"period", {"报告期"}, true},
          {"name", {"单位详细名称"}, false},
          {"output_value", {"工业总产值"}, true},
          {"output_value_prior", {"工业总产值上年同期"}, false},
          {"revenue", {"营业收入"}, false},
          {"revenue_prior", {}, false}};
}

TEST(TableLayoutTest, AFileThatStartsWithItsHeaderIsReadAsBefore) {
  const auto layout = FindLayout("m.csv", {Row({"uscc", "period", "output_value"}, 1)}, Specs());
  ASSERT_TRUE(layout.has_value()) << layout.error().message();
  EXPECT_EQ(layout->header_index, 0u);
  EXPECT_EQ(layout->header_rows, 1u);
  EXPECT_TRUE(layout->above.empty());
  EXPECT_FALSE(layout->unit.has_value());
  EXPECT_FALSE(layout->year_to_date.has_value());
  EXPECT_EQ(layout->header.fields, (std::vector<std::string>{"uscc", "period", "output_value"}));
}

TEST(TableLayoutTest, SkipsTheTitleAndTakesTheUnitFromTheUnitsLine) {
  const std::vector<core::CsvRecord> rows = {
      Row({"涪陵区2025年12月规模以上工业企业主要经济指标", "", "", ""}, 1),
      Row({"单位：千元、吨标准煤、人", "", "", ""}, 2), Row({"", "", "", ""}, 3),
      Row({"序号", "统一社会信用代码", "报告期", "工业总产值"}, 4),
      Row({"1", "91500102MA0000015T", "2025-12", "1000"}, 5)};
  const auto layout = FindLayout("m.xlsx", rows, Specs());
  ASSERT_TRUE(layout.has_value()) << layout.error().message();
  EXPECT_EQ(layout->header_index, 3u);
  EXPECT_EQ(layout->above, (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(layout->unit, MoneyUnit::kQian);
  EXPECT_EQ(layout->header.fields,
            (std::vector<std::string>{"", "统一社会信用代码", "报告期", "工业总产值"}));
  ASSERT_EQ(layout->left_out.size(), 1u);
  EXPECT_EQ(layout->left_out[0].first, 1u);
  EXPECT_EQ(layout->left_out[0].second, "序号");
}

TEST(TableLayoutTest, ReadsAUnitInTheHeaderAndRefusesTwoUnits) {
  auto layout = FindLayout(
      "m.csv", {Row({"统一社会信用代码", "报告期", "工业总产值（元）", "营业收入(元)"})}, Specs());
  ASSERT_TRUE(layout.has_value()) << layout.error().message();
  EXPECT_EQ(layout->unit, MoneyUnit::kYuan);
  EXPECT_EQ(layout->header.fields,
            (std::vector<std::string>{"统一社会信用代码", "报告期", "工业总产值", "营业收入"}));

  layout = FindLayout(
      "m.csv", {Row({"单位：万元"}), Row({"统一社会信用代码", "报告期", "工业总产值（千元）"})},
      Specs());
  ASSERT_FALSE(layout.has_value());
  EXPECT_NE(layout.error().message().find("万元"), std::string::npos);
  EXPECT_NE(layout.error().message().find("千元"), std::string::npos);
}

// 工业总产值 merged across 本月 / 本年累计 / 上年同月 / 上年同期累计; the credit code and period
// merged down both rows.
TEST(TableLayoutTest, ATwoLevelHeaderTakesTheMonthColumnsAndTheirPriors) {
  const std::vector<core::CsvRecord> rows = {
      Row({"统一社会信用代码", "报告期", "工业总产值", "", "", "", "营业收入", ""}, 1),
      Row({"", "", "本月", "本年累计", "上年同月", "上年同期累计", "本月", "增速(%)"}, 2),
      Row({"91500102MA0000015T", "2025-12", "10", "120", "9", "110", "8", "3.1"}, 3)};
  const auto layout = FindLayout("m.xlsx", rows, Specs());
  ASSERT_TRUE(layout.has_value()) << layout.error().message();
  EXPECT_EQ(layout->header_rows, 2u);
  EXPECT_EQ(layout->year_to_date, false);
  EXPECT_EQ(layout->header.fields,
            (std::vector<std::string>{"统一社会信用代码", "报告期", "output_value", "",
                                      "output_value_prior", "", "revenue", ""}));
  ASSERT_EQ(layout->left_out.size(), 3u);
  EXPECT_EQ(layout->left_out[0].second, "工业总产值·本年累计");
  EXPECT_EQ(layout->left_out[1].second, "工业总产值·上年同期累计");
  EXPECT_EQ(layout->left_out[2].second, "营业收入·增速(%)");
}

TEST(TableLayoutTest, ATwoLevelHeaderOfYearToDateColumnsIsReadAsCumulative) {
  const std::vector<core::CsvRecord> rows = {
      Row({"序号", "统一社会信用代码", "报告期", "工业总产值", "", "营业收入", ""}),
      Row({"", "", "", "本年累计", "上年同期累计", "本年累计", "上年同期累计"})};
  const auto layout = FindLayout("m.xlsx", rows, Specs());
  ASSERT_TRUE(layout.has_value()) << layout.error().message();
  EXPECT_EQ(layout->year_to_date, true);
  EXPECT_EQ(layout->header.fields,
            (std::vector<std::string>{"", "统一社会信用代码", "报告期", "output_value",
                                      "output_value_prior", "revenue", "revenue_prior"}));
}

// The bureau's 本月 · 本年累计 · 上年同期累计: the prior-year figure is year-to-date, so the
// sheet is read on that basis, with its prior, and the month columns are left out.
TEST(TableLayoutTest, AYearToDatePriorMakesTheSheetYearToDate) {
  const std::vector<core::CsvRecord> rows = {
      Row({"统一社会信用代码", "报告期", "工业总产值", "", "", "营业收入", "", ""}, 3),
      Row({"", "", "本月", "本年累计", "上年同期累计", "本月", "本年累计", "上年同期累计"}, 4)};
  const auto layout = FindLayout("m.xlsx", rows, Specs());
  ASSERT_TRUE(layout.has_value()) << layout.error().message();
  EXPECT_EQ(layout->year_to_date, true);
  EXPECT_EQ(layout->header.fields,
            (std::vector<std::string>{"统一社会信用代码", "报告期", "", "output_value",
                                      "output_value_prior", "", "revenue", "revenue_prior"}));
  ASSERT_EQ(layout->left_out.size(), 2u);
  EXPECT_EQ(layout->left_out[0].second, "工业总产值·本月");
  EXPECT_EQ(layout->left_out[1].second, "营业收入·本月");
  EXPECT_EQ(layout->texts[4], "工业总产值·上年同期累计");
}

TEST(TableLayoutTest, RefusesMonthForOneIndicatorAndYearToDateForAnother) {
  const auto layout = FindLayout("m.xlsx",
                                 {Row({"统一社会信用代码", "报告期", "工业总产值", "营业收入"}),
                                  Row({"", "", "本月", "本年累计"})},
                                 Specs());
  ASSERT_FALSE(layout.has_value());
  EXPECT_NE(layout.error().message().find("工业总产值·本月"), std::string::npos)
      << layout.error().message();
}

// A header of typos is no header the layout can find: the first non-blank row is taken, so that
// the header check names every unknown column, as for a plain file.
TEST(TableLayoutTest, WithoutAHeaderTakesTheFirstNonBlankRow) {
  const auto layout = FindLayout(
      "m.csv", {Row({"", ""}), Row({"usc", "perod", "output"}), Row({"1", "2"})}, Specs());
  ASSERT_TRUE(layout.has_value()) << layout.error().message();
  EXPECT_EQ(layout->header_index, 1u);
  EXPECT_EQ(layout->header.fields, (std::vector<std::string>{"usc", "perod", "output"}));
}

TEST(TableLayoutTest, ClassifiesSubtotalNoteAndBlankRows) {
  EXPECT_EQ(ClassifyRow(Row({"", "合计", "", "1000"})), RowKind::kSubtotal);
  EXPECT_EQ(ClassifyRow(Row({"合 计", "", "1000"})), RowKind::kSubtotal);
  EXPECT_EQ(ClassifyRow(Row({"", "其中：高新区", "500"})), RowKind::kSubtotal);
  EXPECT_EQ(ClassifyRow(Row({"注：本表数据为快报数。", "", ""})), RowKind::kNote);
  EXPECT_EQ(ClassifyRow(Row({"数据来源：区统计局"})), RowKind::kNote);
  EXPECT_EQ(ClassifyRow(Row({"", " ", ""})), RowKind::kBlank);
  EXPECT_EQ(ClassifyRow(Row({"3", "91500102MA0000015T", "2025-12", "10"})), RowKind::kData);
  // An enterprise whose name starts like a note is data: only a note's own forms count.
  EXPECT_EQ(ClassifyRow(Row({"注塑制品有限公司", "91500102MA0000015T"})), RowKind::kData);
}

TEST(TableLayoutTest, ReadsUnitsLinesAndHeaderUnits) {
  EXPECT_EQ(UnitsLine(Row({"单位：万元、吨标准煤、人"})), MoneyUnit::kWan);
  EXPECT_EQ(UnitsLine(Row({"", "计量单位: 元"})), MoneyUnit::kYuan);
  EXPECT_EQ(UnitsLine(Row({"金额单位：亿元"})), MoneyUnit::kYi);
  EXPECT_EQ(UnitsLine(Row({"单位：吨标准煤、人"})), std::nullopt);
  EXPECT_EQ(UnitsLine(Row({"单位详细名称", "工业总产值"})), std::nullopt);
  EXPECT_EQ(UnitsLine(Row({"涪陵区2025年12月主要经济指标"})), std::nullopt);
  EXPECT_EQ(SplitUnit("工业总产值（千元）").text, "工业总产值");
  EXPECT_EQ(SplitUnit("工业总产值（千元）").unit, MoneyUnit::kQian);
  EXPECT_EQ(SplitUnit("工业总产值(当年价格)").text, "工业总产值(当年价格)");
  EXPECT_FALSE(SplitUnit("工业总产值(当年价格)").unit.has_value());
  EXPECT_EQ(MatchColumn(Specs(), " 工业 总产值 "), 3u);
  EXPECT_EQ(MatchColumn(Specs(), "USCC"), 0u);
}

}  // namespace
}  // namespace clusterscope::ingest
