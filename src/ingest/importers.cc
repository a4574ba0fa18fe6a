// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/ingest/importers.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "import_steps.h"
#include <fmt/format.h>

#include "clusterscope/core/classification.h"
#include "clusterscope/core/text.h"
#include "clusterscope/ingest/record_parser.h"
#include "clusterscope/text/imports.h"

namespace clusterscope::ingest {
using namespace detail;  // NOLINT: the shared import steps

namespace {
// The key column every interchange file shares.
ColumnSpec UsccColumn() { return {"uscc", {"统一社会信用代码", "社会信用代码", "信用代码"}, true}; }
}  // namespace

const std::vector<ColumnSpec>& EnterpriseColumns() {
  static const std::vector<ColumnSpec> kColumns = {
      UsccColumn(),
      {"name", {"企业名称", "单位名称", "单位详细名称"}, true},
      {"industry_code", {"行业代码", "国民经济行业代码"}, true},
      {"cluster", {"所属集群", "集群"}, false},
      {"park", {"所在园区", "园区"}, false},
      {"town", {"乡镇街道", "所在乡镇街道", "乡镇"}, false},
      {"above_scale", {"是否规上", "规上企业"}, false},
      {"founded", {"成立日期", "成立时间"}, false},
      {"listed", {"是否上市", "上市"}, false},
      {"land_km2", {"用地面积", "用地面积（平方公里）", "用地面积(平方公里)"}, false},
      {"strategic_emerging", {"战略性新兴产业", "战略性新兴产业分类"}, false},
      {"high_tech", {"高技术制造业", "是否高技术制造业"}, false},
  };
  return kColumns;
}

const std::vector<ColumnSpec>& DesignationColumns() {
  static const std::vector<ColumnSpec> kColumns = {
      UsccColumn(),
      {"designation", {"认定类型", "称号", "资质"}, true},
      {"granted", {"认定日期", "授予日期"}, true},
      {"withdrawn", {"撤销日期", "取消日期"}, false},
      {"level", {"级别", "认定级别"}, false},
      {"note", {"备注"}, false},
  };
  return kColumns;
}

const std::vector<ColumnSpec>& ScaleColumns() {
  static const std::vector<ColumnSpec> kColumns = {
      UsccColumn(),
      {"year", {"年度", "统计年度"}, true},
      {"above_scale", {"是否规上", "规上企业"}, true},
  };
  return kColumns;
}

const std::vector<ColumnSpec>& MonthlyColumns() {
  static const std::vector<ColumnSpec> kColumns = {
      UsccColumn(),
      {"period", {"报告期", "统计期", "年月"}, true},
      {"output_value", {"工业总产值", "工业总产值（当年价格）", "工业总产值(当年价格)"}, true},
      {"value_added", {"工业增加值"}, false},
      {"revenue", {"营业收入"}, false},
      {"profit", {"利润总额"}, false},
      {"rd_expense", {"研发费用"}, false},
      {"new_product_revenue", {"新产品收入", "新产品销售收入"}, false},
      {"export_value", {"出口交货值"}, false},
      {"energy_tce", {"综合能源消费量"}, false},
      {"employees", {"期末从业人员", "从业人员期末人数"}, false},
      {"status", {"生产状态", "运行状态", "状态"}, false},
      // Registry columns the bureau's sheets carry beside the figures: checked against the
      // registry (a difference is a warning), never written from here.
      {"name", {"单位详细名称", "企业名称", "单位名称", "企业详细名称"}, false},
      {"industry_code", {"行业代码", "国民经济行业代码", "行业小类代码"}, false},
      // The enterprise's own figures for the same period last year (上年同期), as the forms
      // carry them beside each flow.
      {"output_value_prior", {"上年同期工业总产值", "工业总产值上年同期"}, false},
      {"value_added_prior", {"上年同期工业增加值", "工业增加值上年同期"}, false},
      {"revenue_prior", {"上年同期营业收入", "营业收入上年同期"}, false},
      {"profit_prior", {"上年同期利润总额", "利润总额上年同期"}, false},
      {"rd_expense_prior", {"上年同期研发费用", "研发费用上年同期"}, false},
      {"new_product_revenue_prior",
       {"上年同期新产品收入", "新产品收入上年同期", "上年同期新产品销售收入"},
       false},
      {"export_value_prior", {"上年同期出口交货值", "出口交货值上年同期"}, false},
      {"energy_tce_prior", {"上年同期综合能源消费量", "综合能源消费量上年同期"}, false},
  };
  return kColumns;
}

Result<ImportReport> ImportEnterprises(storage::Store& store, const model::ClusterSystem& system,
                                       const std::string& path, const ImportOptions& options) {
  auto file = OpenFile(path, EnterpriseColumns(), options);
  if (!file) return Error(file.error());
  const CsvTable* table = &file->table;
  const ColumnMap* columns = &file->columns;

  // One read of the registry rather than one query per row.
  auto existing_list = store.ListEnterprises({});
  if (!existing_list) return Error(existing_list.error());
  std::map<std::string, const model::Enterprise*> existing;
  for (const auto& e : *existing_list) existing.emplace(e.uscc, &e);

  ImportReport report;
  report.kind = "enterprises";
  report.file = path;
  file->Describe(report);
  std::map<std::string, std::size_t> first_line;  // uscc -> line of its first row
  std::vector<Accepted<model::Enterprise>> accepted;
  std::vector<RejectedRow> rejected;

  for (const auto& record : table->rows) {
    ++report.rows_read;
    RowIssues issues(*table, *columns, record, report);
    if (issues.FieldCountOk()) {
      const Cells cells = CellsOf(*columns, EnterpriseColumns(), record);
      const std::string& uscc = cells.at("uscc");
      const auto prior = existing.find(uscc);
      auto parsed = ParseEnterpriseCells(cells, prior != existing.end() ? prior->second : nullptr,
                                         system, options.year);
      if (!uscc.empty()) {
        const auto [it, inserted] = first_line.emplace(uscc, record.line);
        if (!inserted) {
          parsed.errors.push_back(
              {"uscc", "duplicate_key", core::Say(text::kCreditCodeRepeated, uscc, it->second)});
        }
      }
      issues.Add(parsed);
      if (!issues.failed()) accepted.push_back({&record, std::move(parsed.enterprise)});
    }
    if (issues.failed()) {
      ++report.rows_rejected;
      rejected.push_back({record, issues.Reasons()});
    }
  }

  return Write(store, *table, accepted, rejected, options, std::move(report),
               [](storage::Transaction& tx, const Accepted<model::Enterprise>& row) {
                 return tx.PutEnterprise(row.value);
               });
}

Result<ImportReport> ImportScale(storage::Store& store, const std::string& path,
                                 const ImportOptions& options) {
  auto file = OpenFile(path, ScaleColumns(), options);
  if (!file) return Error(file.error());
  const CsvTable* table = &file->table;
  const ColumnMap* columns = &file->columns;
  auto list = store.ListEnterprises({});
  if (!list) return Error(list.error());
  std::map<std::string, model::Enterprise> enterprises;
  for (auto& e : *list) enterprises.emplace(e.uscc, std::move(e));

  ImportReport report;
  report.kind = "scale";
  report.file = path;
  file->Describe(report);
  std::map<std::pair<std::string, int>, std::size_t> first_line;
  std::set<std::string> touched;
  std::vector<RejectedRow> rejected;
  const core::CsvRecord* first_accepted = nullptr;
  for (const auto& record : table->rows) {
    ++report.rows_read;
    RowIssues issues(*table, *columns, record, report);
    if (issues.FieldCountOk()) {
      ParsedRecord parsed;
      const std::string uscc(columns->Cell(record, "uscc"));
      const std::string year_cell(columns->Cell(record, "year"));
      const auto parsed_year = core::ParseInteger(year_cell);
      const int year = parsed_year.value_or(0);
      const bool year_ok = year >= 1990 && year <= 2100;
      auto above = core::ParseYesNo(columns->Cell(record, "above_scale"));
      if (!year_ok) {
        parsed.errors.push_back({"year", "malformed_year", core::Say(text::kNotAYear, year_cell)});
      }
      if (!above)
        parsed.errors.push_back(
            {"above_scale", "malformed_boolean",
             text::Refused(text::kNotYesNo, columns->Cell(record, "above_scale"),
                           above.error().message())});
      const auto e = enterprises.find(uscc);
      if (e == enterprises.end()) {
        parsed.errors.push_back(
            {"uscc", "unknown_enterprise", core::Say(text::kNotInRegistry, uscc)});
      }
      if (parsed.errors.empty()) {
        const auto [it, inserted] = first_line.emplace(std::make_pair(uscc, year), record.line);
        if (!inserted) {
          parsed.errors.push_back(
              {"", "duplicate_key", core::Say(text::kPairRepeated, uscc, year, it->second)});
        }
      }
      issues.Add(parsed);
      if (!issues.failed()) {
        e->second.above_scale[year] = *above;
        touched.insert(uscc);
        if (first_accepted == nullptr) first_accepted = &record;
      }
    }
    if (issues.failed()) {
      ++report.rows_rejected;
      rejected.push_back({record, issues.Reasons()});
    }
  }
  // One put per enterprise, after all its years are applied; rows only count the input.
  std::vector<Accepted<model::Enterprise>> puts;
  for (const auto& uscc : touched) puts.push_back({first_accepted, enterprises[uscc]});
  auto written = Write(store, *table, puts, rejected, options, std::move(report),
                       [](storage::Transaction& tx, const Accepted<model::Enterprise>& row) {
                         return tx.PutEnterprise(row.value);
                       });
  return written;
}

const std::vector<ColumnSpec>& PriceColumns() {
  static const std::vector<ColumnSpec> kColumns = {
      {"division", {"行业代码", "行业大类", "行业大类代码"}, true},
      {"period", {"报告期", "统计期", "年月"}, true},
      {"index", {"价格指数", "工业生产者出厂价格指数", "出厂价格指数", "ppi"}, true},
  };
  return kColumns;
}

Result<ImportReport> ImportPrices(storage::Store& store, const std::string& path,
                                  const ImportOptions& options) {
  const auto& industries = core::IndustryClassification::Gbt4754();
  return detail::ImportRows<model::PriceIndex>(
      store, path, PriceColumns(), "prices", options,
      [&](const core::CsvRecord& record, const ColumnMap& columns, model::PriceIndex& index,
          ParsedRecord& parsed) {
        index.division = std::string(columns.Cell(record, "division"));
        const auto* entry = industries.Find(index.division);
        if (entry == nullptr || entry->level != 2) {
          parsed.errors.push_back(
              {"division", "unknown_division", core::Say(text::kNotADivision, index.division)});
        }
        auto period = core::Period::Parse(columns.Cell(record, "period"));
        if (period) {
          index.period = *period;
        } else {
          parsed.errors.push_back({"period", "malformed_period",
                                   text::Refused(text::kNotAMonth, columns.Cell(record, "period"),
                                                 period.error().message())});
        }
        auto value = core::ParseDecimal(columns.Cell(record, "index"));
        if (!value) {
          parsed.errors.push_back({"index", "malformed_number",
                                   text::Refused(text::kNotANumber, columns.Cell(record, "index"),
                                                 value.error().message())});
        } else if (*value <= 0 || *value > 1000) {
          parsed.errors.push_back({"index", "index_range", core::Say(text::kIndexRange)});
        } else {
          index.index = *value;
        }
      },
      [](const model::PriceIndex& index) {
        return fmt::format("{} {}", index.division, index.period.ToString());
      },
      [](storage::Transaction& tx, const model::PriceIndex& index) {
        return tx.PutPriceIndex(index);
      });
}

const std::vector<ColumnSpec>& SeriesColumns() {
  static const std::vector<ColumnSpec> kColumns = {
      {"series", {"序列", "指标代码", "指标"}, true},
      {"period", {"期别", "年份", "报告期"}, true},
      {"value", {"数值", "值"}, true},
      {"source", {"来源", "数据来源"}, false},
  };
  return kColumns;
}

Result<ImportReport> ImportSeries(storage::Store& store, const model::TargetPlan& plan,
                                  const std::string& path, const ImportOptions& options) {
  return detail::ImportRows<model::SeriesValue>(
      store, path, SeriesColumns(), "series", options,
      [&](const core::CsvRecord& record, const ColumnMap& columns, model::SeriesValue& value,
          ParsedRecord& parsed) {
        value.series = std::string(columns.Cell(record, "series"));
        const auto* definition = plan.FindSeries(value.series);
        if (definition == nullptr) {
          std::vector<std::string> known;
          for (const auto& s : plan.series) known.push_back(s.code);
          parsed.errors.push_back(
              {"series", "unknown_series",
               core::Say(text::kNotASeries, value.series, fmt::join(known, ", "))});
        }
        const std::string period(columns.Cell(record, "period"));
        if (!detail::ParseYearOrMonth(period, value.year, value.month)) {
          parsed.errors.push_back(
              {"period", "malformed_period", core::Say(text::kNotYearOrMonth, period)});
        }
        auto number = core::ParseDecimal(columns.Cell(record, "value"));
        if (!number) {
          parsed.errors.push_back({"value", "malformed_number",
                                   text::Refused(text::kNotANumber, columns.Cell(record, "value"),
                                                 number.error().message())});
        } else {
          value.value = *number;
          if (definition != nullptr && definition->unit == "date" && *number != 1) {
            parsed.errors.push_back({"value", "milestone_value", core::Say(text::kMilestoneValue)});
          }
        }
        if (columns.Has("source")) value.source = std::string(columns.Cell(record, "source"));
      },
      [](const model::SeriesValue& value) {
        return fmt::format("{} {}", value.series, value.PeriodText());
      },
      [](storage::Transaction& tx, const model::SeriesValue& value) {
        return tx.PutSeriesValue(value);
      });
}

Result<ImportReport> ImportDesignations(storage::Store& store, const model::ClusterSystem& system,
                                        const std::string& path, const ImportOptions& options) {
  auto file = OpenFile(path, DesignationColumns(), options);
  if (!file) return Error(file.error());
  const CsvTable* table = &file->table;
  const ColumnMap* columns = &file->columns;

  auto enterprises = store.ListEnterprises({});
  if (!enterprises) return Error(enterprises.error());
  std::set<std::string> known;
  for (const auto& e : *enterprises) known.insert(e.uscc);
  auto designations = store.ListDesignations({});
  if (!designations) return Error(designations.error());
  std::map<std::string, const model::Designation*> stored;
  const auto key_of = [](std::string_view uscc, std::string_view type, const core::Date& date) {
    return fmt::format("{}/{}/{}", uscc, type, date.ToString());
  };
  for (const auto& d : *designations) stored.emplace(key_of(d.uscc, d.type, d.granted), &d);

  ImportReport report;
  report.kind = "designations";
  report.file = path;
  file->Describe(report);
  std::map<std::string, std::size_t> first_line;
  std::vector<Accepted<model::Designation>> accepted;
  std::vector<RejectedRow> rejected;

  const FindDesignation find = [&](const std::string& uscc, const std::string& type,
                                   const core::Date& granted) -> const model::Designation* {
    const auto it = stored.find(key_of(uscc, type, granted));
    return it == stored.end() ? nullptr : it->second;
  };
  for (const auto& record : table->rows) {
    ++report.rows_read;
    RowIssues issues(*table, *columns, record, report);
    if (issues.FieldCountOk()) {
      auto parsed =
          ParseDesignationCells(CellsOf(*columns, DesignationColumns(), record), system, find);
      const model::Designation& d = parsed.designation;
      if (parsed.errors.empty() && known.count(d.uscc) == 0) {
        parsed.errors.push_back(
            {"uscc", "unknown_enterprise", core::Say(text::kNotInRegistryImportFirst, d.uscc)});
      }
      if (parsed.errors.empty()) {
        const auto [it, inserted] =
            first_line.emplace(key_of(d.uscc, d.type, d.granted), record.line);
        if (!inserted) {
          parsed.errors.push_back({"", "duplicate_key",
                                   core::Say(text::kDesignationRepeated, d.type, d.uscc,
                                             d.granted.ToString(), it->second)});
        }
      }
      issues.Add(parsed);
      if (!issues.failed()) accepted.push_back({&record, std::move(parsed.designation)});
    }
    if (issues.failed()) {
      ++report.rows_rejected;
      rejected.push_back({record, issues.Reasons()});
    }
  }

  return Write(store, *table, accepted, rejected, options, std::move(report),
               [](storage::Transaction& tx, const Accepted<model::Designation>& row) {
                 return tx.PutDesignation(row.value);
               });
}

}  // namespace clusterscope::ingest
