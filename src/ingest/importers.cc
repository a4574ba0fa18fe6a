// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/ingest/importers.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "clusterscope/core/text.h"
#include "clusterscope/ingest/quality.h"
#include "clusterscope/ingest/record_parser.h"

namespace clusterscope::ingest {
namespace {

// Cells of the present columns of a record, by canonical name.
Cells CellsOf(const ColumnMap& columns, const std::vector<ColumnSpec>& specs,
              const core::CsvRecord& record) {
  Cells cells;
  for (const auto& spec : specs) {
    if (columns.Has(spec.name)) cells.emplace(spec.name, columns.Cell(record, spec.name));
  }
  return cells;
}

// Collects the issues of one row into the report, located by file, line, header and value.
class RowIssues {
 public:
  RowIssues(const CsvTable& table, const ColumnMap& columns, const core::CsvRecord& record,
            ImportReport& report)
      : table_(table), columns_(columns), record_(record), report_(report) {}

  void Fail(const CellIssue& issue) {
    report_.errors.push_back(Locate(issue));
    reasons_.push_back(fmt::format("{}: {} [{}]", issue.column.empty() ? "row" : issue.column,
                                   issue.message, issue.rule));
  }
  void Warn(const CellIssue& issue) { report_.warnings.push_back(Locate(issue)); }
  void Add(const ParsedRecord& parsed) {
    for (const auto& issue : parsed.errors) Fail(issue);
    for (const auto& issue : parsed.warnings) Warn(issue);
  }
  bool failed() const { return !reasons_.empty(); }
  std::string Reasons() const { return fmt::format("{}", fmt::join(reasons_, "; ")); }

  // A row whose field count differs from the header's cannot be read column by column.
  bool FieldCountOk() {
    if (record_.fields.size() == table_.header.fields.size()) return true;
    Fail({"", "field_count",
          fmt::format("the row has {} fields but the header has {}", record_.fields.size(),
                      table_.header.fields.size())});
    return false;
  }

 private:
  RowIssue Locate(const CellIssue& issue) const {
    RowIssue out;
    out.file = table_.file;
    out.sheet = table_.sheet;
    out.line = record_.line;
    if (!issue.column.empty()) {
      out.column = columns_.HeaderOf(issue.column);
      out.value = std::string(columns_.Cell(record_, issue.column));
    }
    out.rule = issue.rule;
    out.message = issue.message;
    return out;
  }

  const CsvTable& table_;
  const ColumnMap& columns_;
  const core::CsvRecord& record_;
  ImportReport& report_;
  std::vector<std::string> reasons_;
};

// A header with no rows is almost always the wrong export; say so rather than "0 imported".
Status CheckHasRows(const CsvTable& table) {
  if (!table.rows.empty()) return Status::Ok();
  return Status::InvalidArgument(
      fmt::format("{}: the file has a header but no data rows", table.file));
}

struct OpenedFile {
  CsvTable table;
  ColumnMap columns;
};

// The file's table with its columns mapped: every import starts here.
Result<OpenedFile> OpenFile(const std::string& path, const std::vector<ColumnSpec>& specs,
                            const ImportOptions& options) {
  auto table = ReadTableFile(path, options.sheet, options.gbk ? Encoding::kGbk : Encoding::kUtf8);
  if (!table) return Error(table.error());
  auto columns = MapColumns(*table, specs);
  if (!columns) return Error(columns.error());
  CLUSTERSCOPE_RETURN_IF_ERROR(CheckHasRows(*table));
  return OpenedFile{std::move(*table), std::move(*columns)};
}

std::string DefaultRejectsPath(const std::string& path) { return path + ".rejects.csv"; }

// A row that passed every check, with the record it becomes.
template <typename T>
struct Accepted {
  const core::CsvRecord* record;
  T value;
};

// Writes the accepted rows in one transaction, then the rejects file if any; nothing is
// committed if either fails.
template <typename Row, typename Put>
Result<ImportReport> Write(storage::Store& store, const CsvTable& table,
                           const std::vector<Row>& accepted,
                           const std::vector<RejectedRow>& rejected, const ImportOptions& options,
                           ImportReport report, Put put) {
  return Write(store, table, accepted, rejected, options, std::move(report), put,
               [](storage::Transaction&) { return Status::Ok(); });
}

// The same, running `before_commit` in the transaction after the rows are written.
template <typename Row, typename Put, typename BeforeCommit>
Result<ImportReport> Write(storage::Store& store, const CsvTable& table,
                           const std::vector<Row>& accepted,
                           const std::vector<RejectedRow>& rejected, const ImportOptions& options,
                           ImportReport report, Put put, BeforeCommit before_commit) {
  if (report.has_errors() && !options.skip_invalid) return report;
  auto tx = store.Begin(options.actor);
  if (!tx) return Error(tx.error());
  storage::ImportBatch batch;
  batch.kind = report.kind;
  std::error_code ignored;  // an unresolvable path is still recorded as given
  const auto absolute = std::filesystem::absolute(table.file, ignored);
  batch.file = absolute.empty() ? table.file : absolute.lexically_normal().string();
  batch.rows_read = static_cast<std::int64_t>(report.rows_read);
  batch.rows_written = static_cast<std::int64_t>(accepted.size());
  batch.rows_rejected = static_cast<std::int64_t>(report.rows_rejected);
  auto batch_id = (*tx)->AddImportBatch(batch);
  if (!batch_id) return Error(batch_id.error());
  std::size_t done = 0;
  for (const auto& row : accepted) {
    if (options.progress && done++ % 4096 == 0) options.progress(done - 1, accepted.size());
    auto change = put(**tx, row);
    if (!change) {
      return Error(change.error().WithContext(fmt::format("{}:{}", table.file, row.record->line)));
    }
    switch (*change) {
      case storage::Change::kInserted:
        ++report.inserted;
        break;
      case storage::Change::kUpdated:
        ++report.updated;
        break;
      case storage::Change::kUnchanged:
        ++report.unchanged;
        break;
    }
  }
  if (options.progress) options.progress(accepted.size(), accepted.size());
  CLUSTERSCOPE_RETURN_IF_ERROR(before_commit(**tx));
  if (!rejected.empty()) {
    report.rejects_file =
        options.rejects_path.empty() ? DefaultRejectsPath(table.file) : options.rejects_path;
    CLUSTERSCOPE_RETURN_IF_ERROR(WriteRejectsFile(report.rejects_file, table.header, rejected));
  }
  CLUSTERSCOPE_RETURN_IF_ERROR((*tx)->Commit());
  report.written = true;
  report.batch_id = *batch_id;
  return report;
}

}  // namespace

std::string RowIssue::ToString() const {
  std::string out = sheet.empty() ? fmt::format("{}:{}: ", file, line)
                                  : fmt::format("{} [sheet {}] row {}: ", file, sheet, line);
  if (!column.empty()) out += fmt::format("column '{}' value '{}': ", column, value);
  out += fmt::format("{} [{}]", message, rule);
  return out;
}

namespace {
// The key column every interchange file shares.
ColumnSpec UsccColumn() { return {"uscc", {"统一社会信用代码", "社会信用代码", "信用代码"}, true}; }
}  // namespace

const std::vector<ColumnSpec>& EnterpriseColumns() {
  static const std::vector<ColumnSpec> columns = {
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
  };
  return columns;
}

const std::vector<ColumnSpec>& DesignationColumns() {
  static const std::vector<ColumnSpec> columns = {
      UsccColumn(),
      {"designation", {"认定类型", "称号", "资质"}, true},
      {"granted", {"认定日期", "授予日期"}, true},
      {"withdrawn", {"撤销日期", "取消日期"}, false},
      {"level", {"级别", "认定级别"}, false},
      {"note", {"备注"}, false},
  };
  return columns;
}

const std::vector<ColumnSpec>& ScaleColumns() {
  static const std::vector<ColumnSpec> columns = {
      UsccColumn(),
      {"year", {"年度", "统计年度"}, true},
      {"above_scale", {"是否规上", "规上企业"}, true},
  };
  return columns;
}

const std::vector<ColumnSpec>& MonthlyColumns() {
  static const std::vector<ColumnSpec> columns = {
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
  };
  return columns;
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
              {"uscc", "duplicate_key",
               fmt::format("credit code {} already appears on line {}", uscc, it->second)});
        }
      }
      issues.Add(parsed);
      if (!issues.failed()) accepted.push_back({&record, std::move(parsed.enterprise)});
    }
    if (issues.failed()) {
      ++report.rows_rejected;
      rejected.push_back({&record, issues.Reasons()});
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
        parsed.errors.push_back(
            {"year", "malformed_year", fmt::format("'{}' is not a year (1990-2100)", year_cell)});
      }
      if (!above)
        parsed.errors.push_back({"above_scale", "malformed_boolean", above.error().message()});
      const auto e = enterprises.find(uscc);
      if (e == enterprises.end()) {
        parsed.errors.push_back({"uscc", "unknown_enterprise",
                                 fmt::format("enterprise {} is not in the registry", uscc)});
      }
      if (parsed.errors.empty()) {
        const auto [it, inserted] = first_line.emplace(std::make_pair(uscc, year), record.line);
        if (!inserted) {
          parsed.errors.push_back(
              {"", "duplicate_key",
               fmt::format("{} {} already appears on line {}", uscc, year, it->second)});
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
      rejected.push_back({&record, issues.Reasons()});
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
        parsed.errors.push_back({"uscc", "unknown_enterprise",
                                 fmt::format("enterprise {} is not in the registry; import it "
                                             "first",
                                             d.uscc)});
      }
      if (parsed.errors.empty()) {
        const auto [it, inserted] =
            first_line.emplace(key_of(d.uscc, d.type, d.granted), record.line);
        if (!inserted) {
          parsed.errors.push_back(
              {"", "duplicate_key",
               fmt::format("designation {} of {} granted {} already appears on line {}", d.type,
                           d.uscc, d.granted.ToString(), it->second)});
        }
      }
      issues.Add(parsed);
      if (!issues.failed()) accepted.push_back({&record, std::move(parsed.designation)});
    }
    if (issues.failed()) {
      ++report.rows_rejected;
      rejected.push_back({&record, issues.Reasons()});
    }
  }

  return Write(store, *table, accepted, rejected, options, std::move(report),
               [](storage::Transaction& tx, const Accepted<model::Designation>& row) {
                 return tx.PutDesignation(row.value);
               });
}

namespace {
double MoneyFactor(MoneyUnit unit) {
  switch (unit) {
    case MoneyUnit::kYuan:
      return 1e-4;
    case MoneyUnit::kWan:
      return 1.0;
    case MoneyUnit::kYi:
      return 1e4;
  }
  return 1.0;
}
}  // namespace

// Turns the year-to-date values (累计) of accepted rows into month values (当月): a month's value
// is its year-to-date less the year-to-date just before it, which is the file's previous row of
// the same enterprise and year plus the stored months in between (or the stored months from
// January). A February with no January anywhere is the usual combined January-February report:
// its value covers both months and January stays missing. Stocks (employees) are not
// differenced. Rows whose derived values break a rule move to the rejected list.
Status DeriveMonthValues(storage::Store& store, const CsvTable& table, const ColumnMap& columns,
                         ImportReport& report,
                         std::vector<Accepted<model::MonthlyRecord>>& accepted,
                         std::vector<RejectedRow>& rejected) {
  std::map<std::pair<std::string, int>, std::vector<std::size_t>> groups;  // (uscc, year) -> rows
  for (std::size_t i = 0; i < accepted.size(); ++i) {
    groups[{accepted[i].value.uscc, accepted[i].value.period.year}].push_back(i);
  }
  std::vector<bool> keep(accepted.size(), true);
  std::vector<model::MonthlyRecord> derived(accepted.size());
  for (auto& [key, rows] : groups) {
    const auto& [uscc, year] = key;
    std::sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) {
      return accepted[a].value.period < accepted[b].value.period;
    });
    auto stored_facts = store.ListMonthly(uscc, std::nullopt);
    if (!stored_facts) return stored_facts.error();
    std::map<int, const model::MonthlyRecord*> stored;  // month -> current value, this year
    for (const auto& fact : *stored_facts) {
      if (fact.record.period.year == year) stored[fact.record.period.month] = &fact.record;
    }
    const model::MonthlyRecord* previous = nullptr;  // the file's previous row of this year
    for (const std::size_t row : rows) {
      const model::MonthlyRecord& ytd = accepted[row].value;
      const int month = ytd.period.month;
      const int from = previous != nullptr ? previous->period.month + 1 : 1;
      std::vector<int> missing_months;
      for (int m = from; m < month; ++m) {
        if (stored.count(m) == 0) missing_months.push_back(m);
      }
      RowIssues issues(table, columns, *accepted[row].record, report);
      const bool combined_jan_feb = month == 2 && missing_months == std::vector<int>{1};
      if (!missing_months.empty() && !combined_jan_feb) {
        issues.Warn({"period", "cumulative_gap",
                     fmt::format("no value for {}-{:02}..{:02}; the month value of {} covers "
                                 "them",
                                 year, missing_months.front(), missing_months.back(),
                                 ytd.period.ToString())});
      }
      model::MonthlyRecord& out = derived[row];
      out.uscc = ytd.uscc;
      out.period = ytd.period;
      for (const auto& info : model::Measures()) {
        const auto& value = ytd[info.measure];
        if (!value) continue;
        if (info.measure == model::Measure::kEmployees) {  // a stock, reported at month end
          out[info.measure] = value;
          continue;
        }
        std::optional<double> before = 0.0;
        if (previous != nullptr) before = (*previous)[info.measure];
        for (int m = from; m < month && before; ++m) {
          if (const auto it = stored.find(m); it != stored.end()) {
            const auto& stored_value = (*it->second)[info.measure];
            before = stored_value ? std::optional<double>(*before + *stored_value) : std::nullopt;
          }
        }
        if (!before) {
          issues.Warn({std::string(info.column), "cumulative_underivable",
                       fmt::format("{} of {} cannot be derived: an earlier year-to-date value is "
                                   "missing; left empty",
                                   info.column, ytd.period.ToString())});
          continue;
        }
        out[info.measure] = *value - *before;
        if (*out[info.measure] < 0 && !info.may_be_negative) {
          issues.Fail({std::string(info.column), "negative_value",
                       fmt::format("the month value derived from the year-to-date, {} - {} = {}, "
                                   "is negative",
                                   *value, *before, *out[info.measure])});
        }
      }
      const auto& output = out[model::Measure::kOutputValue];
      const auto& value_added = out[model::Measure::kValueAdded];
      if (output && value_added && *value_added > *output) {
        issues.Fail({"value_added", "va_above_output",
                     fmt::format("the derived month value added {} is above output {}",
                                 *value_added, *output)});
      }
      if (issues.failed()) {
        keep[row] = false;
        ++report.rows_rejected;
        rejected.push_back({accepted[row].record, issues.Reasons()});
      }
      previous = &ytd;
    }
  }
  std::vector<Accepted<model::MonthlyRecord>> kept;
  for (std::size_t i = 0; i < accepted.size(); ++i) {
    if (!keep[i]) continue;
    accepted[i].value = std::move(derived[i]);
    kept.push_back(std::move(accepted[i]));
  }
  accepted = std::move(kept);
  return Status::Ok();
}

// The data-quality audit of the accepted rows against the stored months around them.
Result<std::vector<model::QualityWarning>> AuditQuality(
    storage::Store& store, const std::vector<model::Enterprise>& enterprises,
    const std::vector<Accepted<model::MonthlyRecord>>& accepted, const model::QualityRules& rules) {
  CLUSTERSCOPE_RETURN_IF_ERROR(rules.Validate());
  if (accepted.empty()) return std::vector<model::QualityWarning>{};
  int first = accepted.front().value.period.Index();
  int last = first;
  for (const auto& row : accepted) {
    first = std::min(first, row.value.period.Index());
    last = std::max(last, row.value.period.Index());
  }
  // Far enough back for the trailing median and for a year of revenue, and for 未报 the month
  // before the first.
  const int window = std::max(rules.trailing_months, 11);
  auto stored = store.ListMonthlyBetween(core::Period::FromIndex(first - window),
                                         core::Period::FromIndex(last));
  if (!stored) return Error(stored.error());
  QualityContext context;
  for (const auto& fact : *stored) {
    context.months[fact.record.uscc][fact.record.period.Index()] = fact.record;
  }
  std::vector<model::MonthlyRecord> incoming;
  for (const auto& row : accepted) {
    context.months[row.value.uscc][row.value.period.Index()] = row.value;
    incoming.push_back(row.value);
  }
  for (const auto& e : enterprises) context.enterprises.emplace(e.uscc, &e);
  return CheckQuality(incoming, context, rules);
}

Result<ImportReport> ImportMonthly(storage::Store& store, const std::string& path,
                                   const ImportOptions& options) {
  auto file = OpenFile(path, MonthlyColumns(), options);
  if (!file) return Error(file.error());
  const CsvTable* table = &file->table;
  const ColumnMap* columns = &file->columns;

  auto enterprises = store.ListEnterprises({});
  if (!enterprises) return Error(enterprises.error());
  std::unordered_set<std::string> known;
  for (const auto& e : *enterprises) known.insert(e.uscc);

  ImportReport report;
  report.kind = "monthly";
  report.file = path;
  std::unordered_map<std::string, std::size_t> first_line;  // "uscc/YYYYMM" -> line
  std::vector<Accepted<model::MonthlyRecord>> accepted;
  std::vector<RejectedRow> rejected;
  const double factor = MoneyFactor(options.unit);
  for (const auto& record : table->rows) {
    ++report.rows_read;
    RowIssues issues(*table, *columns, record, report);
    if (issues.FieldCountOk()) {
      auto parsed = ParseMonthlyCells(CellsOf(*columns, MonthlyColumns(), record), factor);
      const auto& r = parsed.record;
      if (parsed.errors.empty() && known.count(r.uscc) == 0) {
        parsed.errors.push_back({"uscc", "unknown_enterprise",
                                 fmt::format("enterprise {} is not in the registry; import it "
                                             "first",
                                             r.uscc)});
      }
      if (parsed.errors.empty()) {
        const auto [it, inserted] =
            first_line.emplace(fmt::format("{}/{}", r.uscc, r.period.Code()), record.line);
        if (!inserted) {
          parsed.errors.push_back({"", "duplicate_key",
                                   fmt::format("{} {} already appears on line {}", r.uscc,
                                               r.period.ToString(), it->second)});
        }
      }
      issues.Add(parsed);
      if (!issues.failed()) accepted.push_back({&record, std::move(parsed.record)});
    }
    if (issues.failed()) {
      ++report.rows_rejected;
      rejected.push_back({&record, issues.Reasons()});
    }
  }

  if (options.cumulative) {
    CLUSTERSCOPE_RETURN_IF_ERROR(
        DeriveMonthValues(store, *table, *columns, report, accepted, rejected));
  }
  if (!report.has_errors() || options.skip_invalid) {
    auto quality = AuditQuality(store, *enterprises, accepted, options.quality_rules);
    if (!quality) return Error(quality.error());
    report.quality = std::move(*quality);
  }
  const auto quality = report.quality;
  return Write(
      store, *table, accepted, rejected, options, std::move(report),
      [](storage::Transaction& tx, const Accepted<model::MonthlyRecord>& row) {
        return tx.PutMonthly(row.value);
      },
      [&quality](storage::Transaction& tx) { return tx.PutQualityWarnings(quality); });
}

}  // namespace clusterscope::ingest
