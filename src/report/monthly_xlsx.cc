// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The monthly report as an Excel workbook (libxlsxwriter): the tables an analyst would otherwise
// copy into Excel by hand, with number formats, one sheet each.
#include <map>
#include <memory>

#include "monthly_parts.h"
#include <fmt/format.h>
#include <xlsxwriter.h>

#include "clusterscope/report/monthly_report.h"
#include "clusterscope/text/report.h"

namespace clusterscope::report {
namespace {

using model::Measure;

struct Column {
  core::Message title;
  const char* format;  // Excel number format
  double width;
};

// The columns of every group table, in order.
const std::vector<Column>& GroupColumns() {
  static const std::vector<Column> kColumns = {
      {text::kColumnCode, nullptr, 10},
      {text::kColumnName, nullptr, 28},
      {text::kColumnEnterprises, "0", 8},
      {text::kColumnMonthOutput, "#,##0.0", 16},
      {text::kColumnOutputYtd, "#,##0.0", 16},
      {text::kColumnSameMonthsLastYear, "#,##0.0", 16},
      {text::kColumnGrowth, "0.0%", 10},
      {text::kColumnContribution, "0.0%", 10},
      {text::kColumnPullPp, "0.00", 12},
      {text::kColumnValueAdded, "#,##0.0", 14},
      {text::kColumnRevenue, "#,##0.0", 14},
      {text::kColumnProfit, "#,##0.0", 14},
      {text::kColumnRDIntensity, "0.00%", 12},
      {text::kColumnEnergyPerValueAdded, "0.000", 12},
      {text::kColumnLabourProductivity, "0.0", 14},
      {text::kColumnDeclining, "0", 8},
      {text::kColumnLossMaking, "0", 8},
  };
  return kColumns;
}

}  // namespace

namespace {

// The number format of each group column (nullptr: text), in the workbook.
std::vector<lxw_format*> ColumnFormats(lxw_workbook* book) {
  std::vector<lxw_format*> formats;
  for (const auto& column : GroupColumns()) {
    lxw_format* format = nullptr;
    if (column.format != nullptr) {
      format = workbook_add_format(book);
      format_set_num_format(format, column.format);
    }
    formats.push_back(format);
  }
  return formats;
}

// The alerts, a row each: level, rule, what about, and the message in `language`.
void AddAlertsSheet(lxw_workbook* book, const engine::MonthlyIndicators& indicators,
                    Language language, lxw_format* bold) {
  if (indicators.alerts.empty()) return;
  lxw_worksheet* sheet = workbook_add_worksheet(book, text::kAlerts.In(language));
  const char* headers[] = {text::kLevel.In(language), text::kRule.In(language),
                           text::kKind.In(language),  text::kGroupCode.In(language),
                           text::kName.In(language),  text::kMessage.In(language)};
  for (lxw_col_t c = 0; c < 6; ++c) worksheet_write_string(sheet, 0, c, headers[c], bold);
  worksheet_set_column(sheet, 3, 4, 24, nullptr);
  worksheet_set_column(sheet, 5, 5, 60, nullptr);
  lxw_row_t row = 1;
  for (const auto& a : indicators.alerts) {
    worksheet_write_string(sheet, row, 0, detail::LevelWord(a.level, language).c_str(), nullptr);
    worksheet_write_string(sheet, row, 1, a.rule.c_str(), nullptr);
    worksheet_write_string(sheet, row, 2, detail::SubjectWord(a.kind, language).c_str(), nullptr);
    worksheet_write_string(sheet, row, 3, a.code.c_str(), nullptr);
    worksheet_write_string(sheet, row, 4, a.name.c_str(), nullptr);
    const std::string message = detail::AlertMessage(a, indicators.period, language);
    worksheet_write_string(sheet, row, 5, message.c_str(), nullptr);
    ++row;
  }
}

// The total's largest enterprises (absent from a public report), with the group tables'
// formats of output and growth.
void AddTopSheet(lxw_workbook* book, const engine::MonthlyIndicators& indicators, Language language,
                 lxw_format* bold, const std::vector<lxw_format*>& formats) {
  for (const auto& g : indicators.groups) {
    if (g.kind != "total" || g.top_by_output.empty()) continue;
    lxw_worksheet* sheet = workbook_add_worksheet(book, text::kTopEnterprises.In(language));
    const char* headers[] = {text::kRank.In(language), text::kCreditCodeFull.In(language),
                             text::kEnterprise.In(language), text::kOutputYtdWan.In(language),
                             text::kGrowthSameBasis.In(language)};
    for (lxw_col_t c = 0; c < 5; ++c) worksheet_write_string(sheet, 0, c, headers[c], bold);
    worksheet_set_column(sheet, 1, 2, 30, nullptr);
    for (std::size_t i = 0; i < g.top_by_output.size(); ++i) {
      const auto& r = g.top_by_output[i];
      const auto row = static_cast<lxw_row_t>(i + 1);
      worksheet_write_number(sheet, row, 0, static_cast<double>(i + 1), nullptr);
      worksheet_write_string(sheet, row, 1, r.uscc.c_str(), nullptr);
      worksheet_write_string(sheet, row, 2, r.name.c_str(), nullptr);
      worksheet_write_number(sheet, row, 3, r.ytd_output, formats[4]);
      if (r.growth) worksheet_write_number(sheet, row, 4, *r.growth, formats[6]);
    }
  }
}

}  // namespace

Result<std::string> MonthlyReportXlsx(const engine::MonthlyIndicators& indicators,
                                      const std::string& region_name, Language language,
                                      const std::vector<Document>& appendix) {
  auto opened = detail::Workbook::Open();
  if (!opened) return Error(opened.error());
  detail::Workbook book = std::move(*opened);
  lxw_format* bold = workbook_add_format(book.get());
  format_set_bold(bold);
  format_set_text_wrap(bold);
  const std::vector<lxw_format*> formats = ColumnFormats(book.get());
  const char* withheld = text::kSuppressed.In(language);

  // One sheet per kind of group, in the report's order.
  std::map<std::string, lxw_worksheet*> sheets;
  std::map<std::string, lxw_row_t> rows;
  for (const auto& g : indicators.groups) {
    if (sheets.count(g.kind) == 0) {
      lxw_worksheet* sheet = workbook_add_worksheet(
          book.get(), detail::KindTitle(g.kind, language).substr(0, 31).c_str());
      const std::string title =
          fmt::format("{} {} {}", region_name, text::kMonthlyReportShort.In(language),
                      indicators.period.ToString());
      worksheet_write_string(sheet, 0, 0, title.c_str(), bold);
      for (std::size_t c = 0; c < GroupColumns().size(); ++c) {
        const auto& column = GroupColumns()[c];
        worksheet_write_string(sheet, 2, static_cast<lxw_col_t>(c), column.title.In(language),
                               bold);
        worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                             column.width, nullptr);
      }
      worksheet_freeze_panes(sheet, 3, 2);
      sheets[g.kind] = sheet;
      rows[g.kind] = 3;
    }
    lxw_worksheet* sheet = sheets[g.kind];
    const lxw_row_t row = rows[g.kind]++;
    worksheet_write_string(sheet, row, 0, g.code.c_str(), nullptr);
    worksheet_write_string(sheet, row, 1, g.name.c_str(), nullptr);
    worksheet_write_number(sheet, row, 2, static_cast<double>(g.enterprises), formats[2]);
    if (!g.suppressed.empty()) {
      for (std::size_t c = 3; c < GroupColumns().size(); ++c) {
        worksheet_write_string(sheet, row, static_cast<lxw_col_t>(c), withheld, nullptr);
      }
      continue;
    }
    using engine::Quantity;
    const std::vector<std::optional<double>> values = {g.Figure(Quantity::kMonthOutput),
                                                       g.Figure(Quantity::kOutput),
                                                       g.Figure(Quantity::kOutputBase),
                                                       g.growth_same_basis,
                                                       g.contribution_rate,
                                                       g.pull_pp,
                                                       g.Figure(Quantity::kValueAdded),
                                                       g.Figure(Quantity::kRevenue),
                                                       g.Figure(Quantity::kProfit),
                                                       g.rd_intensity,
                                                       g.energy_per_va,
                                                       g.labor_productivity,
                                                       static_cast<double>(g.declining_count),
                                                       static_cast<double>(g.loss_count)};
    for (std::size_t i = 0; i < values.size(); ++i) {
      const auto c = static_cast<lxw_col_t>(i + 3);
      if (values[i]) {
        worksheet_write_number(sheet, row, c, *values[i], formats[i + 3]);
      }  // undefined: an empty cell, never zero
    }
  }

  AddAlertsSheet(book.get(), indicators, language, bold);
  AddTopSheet(book.get(), indicators, language, bold, formats);

  for (const auto& document : appendix) detail::AddSheets(book.get(), document);
  return std::move(book).Bytes();
}

}  // namespace clusterscope::report
