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

namespace clusterscope::report {
namespace {

using model::Measure;
constexpr std::size_t Idx(Measure m) { return static_cast<std::size_t>(m); }

struct Column {
  const char* zh;
  const char* en;
  const char* format;  // Excel number format
  double width;
};

// The columns of every group table, in order.
const std::vector<Column>& GroupColumns() {
  static const std::vector<Column> kColumns = {
      {"代码", "code", nullptr, 10},
      {"名称", "name", nullptr, 28},
      {"企业数", "enterprises", "0", 8},
      {"本月产值（万元）", "month output (10k yuan)", "#,##0.0", 16},
      {"累计产值（万元）", "output YTD (10k yuan)", "#,##0.0", 16},
      {"上年同期（万元）", "same months last year", "#,##0.0", 16},
      {"同比增速", "growth", "0.0%", 10},
      {"贡献率", "contribution", "0.0%", 10},
      {"拉动（百分点）", "pull (pp)", "0.00", 12},
      {"增加值（万元）", "value added", "#,##0.0", 14},
      {"营业收入（万元）", "revenue", "#,##0.0", 14},
      {"利润总额（万元）", "profit", "#,##0.0", 14},
      {"研发投入强度", "R&D intensity", "0.00%", 12},
      {"单位增加值能耗", "energy per value added", "0.000", 12},
      {"劳动生产率（万元/人·年）", "labour productivity", "0.0", 14},
      {"下降企业", "declining", "0", 8},
      {"亏损企业", "loss-making", "0", 8},
  };
  return kColumns;
}

}  // namespace

Status MonthlyReportXlsx(const engine::MonthlyIndicators& indicators,
                         const std::string& region_name, Language language, const std::string& path,
                         const std::vector<Document>& appendix) {
  auto opened = detail::OpenWorkbook(path);
  if (!opened) return opened.error();
  detail::Workbook book = std::move(*opened);
  lxw_format* bold = workbook_add_format(book.get());
  format_set_bold(bold);
  format_set_text_wrap(bold);
  std::vector<lxw_format*> formats;
  for (const auto& column : GroupColumns()) {
    lxw_format* format = nullptr;
    if (column.format != nullptr) {
      format = workbook_add_format(book.get());
      format_set_num_format(format, column.format);
    }
    formats.push_back(format);
  }
  const bool zh = language == Language::kZh;
  const char* withheld = zh ? "保密" : "suppressed";

  // One sheet per kind of group, in the report's order.
  std::map<std::string, lxw_worksheet*> sheets;
  std::map<std::string, lxw_row_t> rows;
  for (const auto& g : indicators.groups) {
    if (sheets.count(g.kind) == 0) {
      lxw_worksheet* sheet = workbook_add_worksheet(
          book.get(), detail::KindTitle(g.kind, language).substr(0, 31).c_str());
      const std::string title =
          fmt::format("{} {} {}", region_name, zh ? "工业经济运行月报" : "monthly report",
                      indicators.period.ToString());
      worksheet_write_string(sheet, 0, 0, title.c_str(), bold);
      for (std::size_t c = 0; c < GroupColumns().size(); ++c) {
        const auto& column = GroupColumns()[c];
        worksheet_write_string(sheet, 2, static_cast<lxw_col_t>(c), zh ? column.zh : column.en,
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
    const std::vector<std::optional<double>> values = {g.month_output,
                                                       g.ytd[Idx(Measure::kOutputValue)],
                                                       g.ytd_base[Idx(Measure::kOutputValue)],
                                                       g.growth_same_basis,
                                                       g.contribution_rate,
                                                       g.pull_pp,
                                                       g.ytd[Idx(Measure::kValueAdded)],
                                                       g.ytd[Idx(Measure::kRevenue)],
                                                       g.ytd[Idx(Measure::kProfit)],
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

  // Alerts.
  if (!indicators.alerts.empty()) {
    lxw_worksheet* sheet = workbook_add_worksheet(book.get(), zh ? "预警" : "Alerts");
    const char* headers[] = {zh ? "级别" : "level", zh ? "规则" : "rule", zh ? "类别" : "kind",
                             zh ? "代码" : "code",  zh ? "名称" : "name", zh ? "说明" : "message"};
    for (lxw_col_t c = 0; c < 6; ++c) worksheet_write_string(sheet, 0, c, headers[c], bold);
    worksheet_set_column(sheet, 3, 4, 24, nullptr);
    worksheet_set_column(sheet, 5, 5, 60, nullptr);
    lxw_row_t row = 1;
    for (const auto& a : indicators.alerts) {
      worksheet_write_string(sheet, row, 0, a.level.c_str(), nullptr);
      worksheet_write_string(sheet, row, 1, a.rule.c_str(), nullptr);
      worksheet_write_string(sheet, row, 2, a.kind.c_str(), nullptr);
      worksheet_write_string(sheet, row, 3, a.code.c_str(), nullptr);
      worksheet_write_string(sheet, row, 4, a.name.c_str(), nullptr);
      const std::string message = detail::AlertMessage(a, indicators.period, language);
      worksheet_write_string(sheet, row, 5, message.c_str(), nullptr);
      ++row;
    }
  }

  // Largest enterprises of the total (absent from a public report).
  for (const auto& g : indicators.groups) {
    if (g.kind != "total" || g.top_by_output.empty()) continue;
    lxw_worksheet* sheet =
        workbook_add_worksheet(book.get(), zh ? "产值前列企业" : "Top enterprises");
    const char* headers[] = {zh ? "位次" : "rank", zh ? "统一社会信用代码" : "credit code",
                             zh ? "企业" : "enterprise", zh ? "累计产值（万元）" : "output YTD",
                             zh ? "同比增速" : "growth"};
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

  for (const auto& document : appendix) detail::AddSheets(book.get(), document);
  return detail::CloseWorkbook(std::move(book), path);
}

}  // namespace clusterscope::report
