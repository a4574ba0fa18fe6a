// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// `import monthly`: streams the file into a columnar panel (no row object per line, so a
// national panel of 17 M rows fits in memory), checks every row, sorts, finds duplicates,
// derives month values from year-to-date ones, runs the data-quality audit against the stored
// months, and writes the panel as one import batch.
#include <algorithm>
#include <chrono>
#include <climits>
#include <cmath>
#include <cstdint>
#include <map>
#include <unordered_map>

#include "import_steps.h"
#include <fmt/format.h>

#include "clusterscope/core/classification.h"
#include "clusterscope/core/text.h"
#include "clusterscope/ingest/importers.h"
#include "clusterscope/ingest/quality.h"
#include "clusterscope/ingest/table_layout.h"
#include "clusterscope/text/imports.h"

namespace clusterscope::ingest {
namespace {

using namespace detail;  // NOLINT: the shared import steps
using model::Measure;

// A difference of two figures at its decimal value: to six decimals (of 万元, 0.01 元, the
// finest a file states), so that 1,200.30 less 1,100.10 is the double 100.2 reads as, not
// 100.19999999999993. Exact while the figures are below 10^9 万元.
double Decimals6(double value) { return std::round(value * 1e6) / 1e6; }

// The power of ten a money unit is of 万元.
int MoneyExponent(MoneyUnit unit) {
  switch (unit) {
    case MoneyUnit::kYuan:
      return -4;
    case MoneyUnit::kQian:
      return -1;
    case MoneyUnit::kWan:
      return 0;
    case MoneyUnit::kYi:
      return 4;
  }
  return 0;
}

// The options as the file's layout settles them: the unit it states (unless one was given,
// which must agree), year-to-date when its two-level header reads 本年累计; what it said goes
// into the report.
Result<ImportOptions> Settle(const LaidOutReader& reader, const std::string& path,
                             const ImportOptions& options, ImportReport& report) {
  const TableLayout& layout = reader.layout();
  ImportOptions read = options;
  report.header_line = layout.header.line;
  report.header_rows = layout.header_rows;
  report.unit_stated = layout.unit;
  report.year_to_date_stated = layout.year_to_date;
  report.columns = DescribeColumns(layout, MonthlyColumns());
  if (options.profile) report.profile = options.profile->name;
  if (layout.unit && options.unit && *layout.unit != *options.unit) {
    return Error(
        Status::Of(Status::Code::kInvalidArgument,
                   core::Say(text::kUnitDiffersFromFile, path, model::MoneyUnitName(*options.unit),
                             model::MoneyUnitName(*layout.unit))));
  }
  read.unit = options.unit.value_or(layout.unit.value_or(MoneyUnit::kWan));
  if (layout.year_to_date == false && options.cumulative) {
    return Error(Status::Of(Status::Code::kInvalidArgument,
                            core::Say(text::kCumulativeButMonthColumns, path)));
  }
  if (layout.year_to_date == true) read.cumulative = true;
  for (const auto& [column, text] : layout.left_out) {
    if (text.find("·") == std::string::npos) continue;  // a 序号: nothing to say
    report.warnings.push_back({reader.file(), reader.sheet(), layout.header.line, text, "",
                               "column_left_out", core::Say(text::kColumnLeftOut, column, text)});
  }
  return read;
}

// The rows the reader left out, into the report.
void NoteSkipped(const LaidOutReader& reader, ImportReport& report) {
  for (const auto& row : reader.skipped()) {
    report.skipped.push_back({row.line, std::string(row.kind), reader.sheet()});
  }
  report.skipped_not_kept = reader.skipped_not_kept();
  for (auto& warning : SubtotalWarnings(reader)) report.warnings.push_back(std::move(warning));
}

// A figure as a person reads it: to six decimals at most, without trailing zeros (a 千元 figure
// in 万元 is not exact in binary).
std::string Figure(double value) {
  std::string text = fmt::format("{:.6f}", value);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text == "-0" ? "0" : text;
}

// Credit code -> registry entry; the keys point into the loaded registry.
using Registry = std::unordered_map<std::string_view, const model::Enterprise*>;

// The file being imported: where its rows came from, and the rows found wrong after reading
// (duplicates, derived values), whose cells a second read fetches for the rejects file. A row
// is known by a key: its line, and with several sheets the sheet's index in the top 8 bits (a
// sheet has at most 1,048,576 rows, below 2^24).
class MonthlyFile {
 public:
  MonthlyFile(const TableReader& reader, const ColumnMap& columns, std::vector<std::string> sheets)
      : source_{reader.file(), reader.sheet(), reader.header(), {}},
        columns_(columns),
        sheets_(std::move(sheets)) {}

  const CsvTable& source() const { return source_; }
  const ColumnMap& columns() const { return columns_; }
  const std::vector<std::string>& sheets() const { return sheets_; }

  // The rows read next are of sheet `index`.
  void StartSheet(std::size_t index) {
    current_ = index;
    source_.sheet = sheets_[index];
  }
  std::uint32_t Key(std::size_t line) const {
    return sheets_.size() > 1 ? static_cast<std::uint32_t>((current_ << 24) | line)
                              : static_cast<std::uint32_t>(line);
  }
  std::size_t LineOf(std::uint32_t key) const { return sheets_.size() > 1 ? key & 0xFFFFFFU : key; }
  const std::string& SheetOf(std::uint32_t key) const {
    return sheets_[sheets_.size() > 1 ? key >> 24 : 0];
  }
  // A row as a message names it: its line, after its sheet's name when there are several.
  std::string Where(std::uint32_t key) const {
    return sheets_.size() > 1 ? fmt::format("{}!{}", SheetOf(key), LineOf(key))
                              : fmt::format("{}", key);
  }

  // An issue found after reading, on the row `key`, about `column` (canonical name, or empty).
  void LateIssue(ImportReport& report, std::uint32_t key, std::string_view column,
                 std::string value, std::string rule, core::Text message, bool error) {
    RowIssue issue;
    issue.file = source_.file;
    issue.sheet = SheetOf(key);
    issue.line = LineOf(key);
    if (!column.empty()) {
      issue.column = columns_.HeaderOf(column);
      issue.value = std::move(value);
    }
    issue.rule = rule;
    issue.message = message;
    KeepIssue(report, std::move(issue), error);
    if (!error) return;
    std::string& reasons = late_rejects_[key];
    if (!reasons.empty()) reasons += "; ";
    reasons += fmt::format("{}: {} [{}]", column.empty() ? "row" : column, message.en, rule);
  }
  bool has_late_rejects() const { return !late_rejects_.empty(); }

  // Reads the file again for the cells of the rows rejected late.
  Status CollectLateRejects(const std::string& path, const ImportOptions& options,
                            std::vector<RejectedRow>& rejected) {
    if (late_rejects_.empty()) return Status::Ok();
    for (std::size_t index = 0; index < sheets_.size(); ++index) {
      StartSheet(index);
      auto reader = OpenTable(path, sheets_[index], options.gbk ? Encoding::kGbk : Encoding::kUtf8,
                              options.memory_budget);
      if (!reader) return reader.error();
      core::CsvBatch batch;
      do {
        CLUSTERSCOPE_RETURN_IF_ERROR((*reader)->Next(batch));
        for (std::size_t i = 0; i < batch.size; ++i) {
          const auto it = late_rejects_.find(Key(batch.records[i].line));
          if (it != late_rejects_.end()) rejected.push_back({batch.records[i], it->second});
        }
      } while (batch.size > 0);
    }
    return Status::Ok();
  }

 private:
  CsvTable source_;  // file, sheet and header; no rows
  const ColumnMap& columns_;
  std::vector<std::string> sheets_;  // read in this order; one, "" for CSV or the first
  std::size_t current_ = 0;
  std::map<std::uint32_t, std::string> late_rejects_;  // key -> reasons
};

// A dry run's first rows as read: money in 万元, the period as YYYY-MM, figures as stated (a
// year-to-date file's before its months are derived).
void Sample(const model::MonthlyPanel& panel, const std::vector<std::uint32_t>& lines,
            const MonthlyFile& file, ImportReport& report) {
  constexpr std::size_t kSampleRows = 5;
  for (std::size_t r = 0; r < panel.rows() && r < kSampleRows; ++r) {
    model::Cells cells;
    cells.emplace("uscc", panel.uscc(panel.slot(r)));
    cells.emplace("period", core::Period::FromIndex(panel.period_index(r)).ToString());
    for (const auto& info : model::Measures()) {
      if (const auto value = panel.Get(r, info.measure)) {
        cells.emplace(std::string(info.column), Figure(*value));
      }
      const bool prior = model::HasPrior(info.measure) && panel.has_priors();
      if (const auto value = prior ? panel.GetPrior(r, info.measure) : std::nullopt) {
        cells.emplace(std::string(info.prior_column), Figure(*value));
      }
    }
    report.sample.push_back({file.LineOf(lines[r]), std::move(cells)});
  }
}

// Where each cell of a monthly row sits in the file (nullopt: no such column).
struct MonthlyPositions {
  explicit MonthlyPositions(const ColumnMap& columns)
      : uscc(columns.Position("uscc")),
        period(columns.Position("period")),
        status(columns.Position("status")) {
    for (const auto& info : model::Measures()) {
      measures[static_cast<std::size_t>(info.measure)] = columns.Position(info.column);
      if (model::HasPrior(info.measure)) {
        priors[static_cast<std::size_t>(info.measure)] = columns.Position(info.prior_column);
      }
    }
  }
  // The cells of `record` (trimmed), into `cells`.
  void Read(const core::CsvRecord& record, MonthlyCells& cells) const {
    const auto cell = [&](const std::optional<std::size_t>& at) {
      return at ? std::optional<std::string_view>(core::Trim(record.fields[*at])) : std::nullopt;
    };
    cells.uscc = cell(uscc).value_or("");
    cells.period = cell(period).value_or("");
    cells.status = cell(status);
    for (std::size_t m = 0; m < model::kMeasureCount; ++m) {
      cells.measures[m] = cell(measures[m]);
      cells.priors[m] = cell(priors[m]);
    }
  }

  std::optional<std::size_t> uscc, period, status;
  std::array<std::optional<std::size_t>, model::kMeasureCount> measures, priors;
};

// Reads every row into `panel` (with its line in `lines`), rejecting the rows that fail a
// check of their own: malformed cells, unknown enterprises.
// The row's enterprise is in the registry and in the industrial frame: the monthly forms of the
// above-scale industrial survey cover sections B, C and D only (services report elsewhere).
// A name as written, for comparing: no spaces, full-width brackets as ASCII ones.
std::string NameKey(std::string_view name) {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const std::string_view rest = name.substr(i);
    if (name[i] == ' ') continue;
    if (rest.starts_with("（") || rest.starts_with("）")) {
      out += rest.starts_with("（") ? '(' : ')';
      i += std::string_view("（").size() - 1;
      continue;
    }
    out += name[i];
  }
  return out;
}

// The registry columns of a row (name, industry code), empty when the file has none.
struct RegistryCells {
  std::string_view name;
  std::string_view industry_code;
};

void CheckEnterprise(const Registry& registry, const RegistryCells& stated, ParsedMonthly& parsed) {
  const auto it = registry.find(parsed.uscc);
  if (it == registry.end()) {
    parsed.errors.push_back(
        {"uscc", "unknown_enterprise", core::Say(text::kNotInRegistryImportFirst, parsed.uscc)});
    return;
  }
  const model::Enterprise& registered = *it->second;
  if (!stated.name.empty() && NameKey(stated.name) != NameKey(registered.name)) {
    parsed.warnings.push_back(
        {"name", "name_differs", core::Say(text::kNameDiffers, stated.name, registered.name)});
  }
  if (!stated.industry_code.empty() && stated.industry_code != registered.industry_code) {
    parsed.warnings.push_back(
        {"industry_code", "industry_differs",
         core::Say(text::kIndustryDiffers, stated.industry_code, registered.industry_code)});
  }
  const auto* entry = core::IndustryClassification::Gbt4754().Find(it->second->industry_code);
  if (entry != nullptr && !core::IsIndustrialSection(entry->section)) {
    parsed.errors.push_back(
        {"uscc", "outside_industrial_frame",
         core::Say(text::kOutsideIndustrialFrame, parsed.uscc, entry->code, entry->section)});
  }
}

Status ReadRows(TableReader& reader, MonthlyFile& file, const Registry& registry,
                const ImportOptions& options, model::MonthlyPanel& panel,
                std::vector<std::uint32_t>& lines, ImportReport& report,
                std::vector<RejectedRow>& rejected) {
  const ColumnMap& columns = file.columns();
  const MonthlyPositions positions(columns);
  const int exponent = MoneyExponent(options.unit.value_or(MoneyUnit::kWan));
  const std::size_t width = reader.header().fields.size();

  MonthlyCells cells;
  ParsedMonthly parsed;
  std::string last_known;  // the credit code of the last accepted row: checked already
  int reserved = 0;
  core::CsvBatch batch;
  for (;;) {
    CLUSTERSCOPE_RETURN_IF_ERROR(reader.Next(batch));
    if (batch.size == 0) break;
    for (std::size_t b = 0; b < batch.size; ++b) {
      const core::CsvRecord& record = batch.records[b];
      ++report.rows_read;
      if (options.check_row) {
        CLUSTERSCOPE_RETURN_IF_ERROR(options.check_row(
            record.line, columns.Cell(record, "uscc"),
            columns.Has("park") ? std::optional(columns.Cell(record, "park")) : std::nullopt));
      }
      RowIssues issues(file.source(), columns, record, report);
      if (record.fields.size() == width) {
        positions.Read(record, cells);
        const bool known_code = !last_known.empty() && cells.uscc == last_known;
        ParseMonthlyCells(cells, exponent, known_code, parsed);
        if (parsed.errors.empty() && !known_code) {
          CheckEnterprise(registry,
                          {columns.Cell(record, "name"), columns.Cell(record, "industry_code")},
                          parsed);
        }
        issues.Add(parsed);
        if (!issues.failed()) {
          if (!known_code) last_known = parsed.uscc;
          panel.Add(panel.Slot(parsed.uscc), parsed.period.Index(), parsed.values, parsed.prior);
          lines.push_back(file.Key(record.line));
        }
      } else {
        issues.FieldCountOk();
      }
      if (issues.failed()) {
        ++report.rows_rejected;
        rejected.push_back({record, issues.Reasons()});
      }
    }
    const double fraction = std::max(reader.FractionRead(), 1e-9);
    const auto estimate =
        static_cast<std::size_t>(static_cast<double>(report.rows_read) / fraction);
    if (panel.rows() == lines.size() && lines.capacity() < estimate && reserved++ == 0) {
      // Once, from the first block: growing 11 columns of millions of rows by doubling would
      // copy each several times.
      panel.Reserve(estimate + estimate / 50);
      lines.reserve(estimate + estimate / 50);
    }
    if (options.progress) options.progress(report.rows_read, std::max(report.rows_read, estimate));
  }
  if (options.progress) options.progress(report.rows_read, report.rows_read);
  return Status::Ok();
}

// Rejects the second and later rows of an enterprise-month (the panel is sorted, stably: equal
// keys keep the file's order).
void FindDuplicates(const model::MonthlyPanel& panel, const std::vector<std::uint32_t>& lines,
                    MonthlyFile& file, ImportReport& report, std::vector<std::uint8_t>& keep) {
  std::size_t first = 0;
  for (std::size_t r = 1; r < panel.rows(); ++r) {
    if (panel.slot(r) != panel.slot(first) || panel.period_index(r) != panel.period_index(first)) {
      first = r;
      continue;
    }
    keep[r] = 0;
    ++report.rows_rejected;
    file.LateIssue(report, lines[r], "", "", "duplicate_key",
                   core::Say(text::kPairRepeated, panel.uscc(panel.slot(r)),
                             core::Period::FromIndex(panel.period_index(r)).ToString(),
                             file.Where(lines[first])),
                   true);
  }
}

class MonthValueDeriver {
 public:
  using Values = std::array<std::optional<double>, model::kMeasureCount>;

  MonthValueDeriver(const model::MonthlyPanel& panel, const model::MonthlyPanel& stored,
                    const std::vector<std::uint32_t>& lines, MonthlyFile& file,
                    ImportReport& report, std::vector<std::uint8_t>& keep)
      : panel_(panel), stored_(stored), lines_(lines), file_(file), report_(report), keep_(keep) {}

  model::MonthlyPanel Run() {
    model::MonthlyPanel derived;
    derived.Reserve(panel_.rows());
    for (std::uint32_t slot = 0; slot < panel_.enterprises(); ++slot) Enterprise(slot, derived);
    derived.Sort();  // same order as the panel: this only indexes the slots
    return derived;
  }

 private:
  static constexpr std::size_t kNone = SIZE_MAX;

  void Enterprise(std::uint32_t slot, model::MonthlyPanel& derived) {
    const auto [begin, end] = panel_.RowsOf(slot);
    // This enterprise's stored months, by period index.
    stored_row_.clear();
    if (const std::int64_t s = stored_.FindSlot(panel_.uscc(slot)); s >= 0) {
      const auto [sb, se] = stored_.RowsOf(static_cast<std::uint32_t>(s));
      for (std::size_t r = sb; r < se; ++r) stored_row_[stored_.period_index(r)] = r;
    }
    std::size_t previous = kNone;  // the file's previous row of the same year
    for (std::size_t r = begin; r < end; ++r) {
      const core::Period period = core::Period::FromIndex(panel_.period_index(r));
      if (previous != kNone &&
          core::Period::FromIndex(panel_.period_index(previous)).year != period.year) {
        previous = kNone;
      }
      const int from =
          previous != kNone ? core::Period::FromIndex(panel_.period_index(previous)).month + 1 : 1;
      NoteGap(r, period, from);
      bool failed = false;
      const Values out = Derive(r, previous, period, from, false, failed);
      const Values prior = Derive(r, previous, period, from, true, failed);
      failed = !CheckDerived(r, out) || failed;
      if (failed && keep_[r] != 0) {
        keep_[r] = 0;
        ++report_.rows_rejected;
      }
      derived.Add(derived.Slot(panel_.uscc(slot)), panel_.period_index(r), out, prior);
      previous = r;
    }
  }

  // Warns of months between the previous year-to-date and this one that no one reported (not
  // the combined January-February report).
  void NoteGap(std::size_t r, core::Period period, int from) {
    std::vector<int> missing_months;
    for (int m = from; m < period.month; ++m) {
      if (stored_row_.count(core::Period{period.year, m}.Index()) != 0) continue;
      // A January inside a stored combined January-February report is not missing.
      if (m == 1 && stored_row_.count(core::Period{period.year, 2}.Index()) != 0) continue;
      missing_months.push_back(m);
    }
    const bool combined_jan_feb = period.month == 2 && missing_months == std::vector<int>{1};
    if (!missing_months.empty() && !combined_jan_feb) {
      file_.LateIssue(report_, lines_[r], "period", period.ToString(), "cumulative_gap",
                      core::Say(text::kCumulativeGap, period.year, missing_months.front(),
                                missing_months.back(), period.ToString()),
                      false);
    }
  }

  // The month values of row r, or with `prior` its prior-year figures (上年同期, year to date
  // like the rest of the file); `failed` when one is negative where it may not be.
  Values Derive(std::size_t r, std::size_t previous, core::Period period, int from, bool prior,
                bool& failed) {
    Values out;
    for (const auto& info : model::Measures()) {
      if (prior && !model::HasPrior(info.measure)) continue;
      const auto ytd = prior ? panel_.GetPrior(r, info.measure) : panel_.Get(r, info.measure);
      if (!ytd) continue;
      const auto m = static_cast<std::size_t>(info.measure);
      if (info.measure == Measure::kEmployees) {  // a stock, reported at month end
        out[m] = ytd;
        continue;
      }
      const std::string_view column = prior ? info.prior_column : info.column;
      const std::optional<double> before =
          YearToDateBefore(previous, period, from, info.measure, prior);
      if (!before) {
        file_.LateIssue(report_, lines_[r], column, fmt::format("{}", *ytd),
                        "cumulative_underivable",
                        core::Say(text::kCumulativeUnderivable, column, period.ToString()), false);
        continue;
      }
      out[m] = Decimals6(*ytd - *before);
      if (*out[m] < 0 && !info.may_be_negative) {
        failed = true;
        file_.LateIssue(report_, lines_[r], column, fmt::format("{}", *ytd), "negative_value",
                        core::Say(text::kDerivedNegative, *ytd, *before, *out[m]), true);
      }
    }
    return out;
  }

  // The year-to-date just before the month (of the prior-year figures with `prior`): the file's
  // previous row of the year plus the stored months after it (or the stored months from
  // January); missing if a needed value is.
  std::optional<double> YearToDateBefore(std::size_t previous, core::Period period, int from,
                                         Measure measure, bool prior) const {
    std::optional<double> before = 0.0;
    if (previous != kNone) {
      before = prior ? panel_.GetPrior(previous, measure) : panel_.Get(previous, measure);
    }
    for (int month = from; month < period.month && before; ++month) {
      const auto it = stored_row_.find(core::Period{period.year, month}.Index());
      if (it == stored_row_.end()) continue;
      const auto value =
          prior ? stored_.GetPrior(it->second, measure) : stored_.Get(it->second, measure);
      before = value ? std::optional<double>(*before + *value) : std::nullopt;
    }
    return before;
  }

  // The rules that only derived values can break; false when one is.
  bool CheckDerived(std::size_t r, const Values& out) {
    const auto& output = out[static_cast<std::size_t>(Measure::kOutputValue)];
    const auto& value_added = out[static_cast<std::size_t>(Measure::kValueAdded)];
    if (output && value_added && *value_added > *output) {
      file_.LateIssue(report_, lines_[r], "value_added", fmt::format("{}", *value_added),
                      "va_above_output",
                      core::Say(text::kDerivedVaAboveOutput, *value_added, *output), true);
      return false;
    }
    return true;
  }

  const model::MonthlyPanel& panel_;
  const model::MonthlyPanel& stored_;
  const std::vector<std::uint32_t>& lines_;
  MonthlyFile& file_;
  ImportReport& report_;
  std::vector<std::uint8_t>& keep_;
  std::unordered_map<std::int32_t, std::size_t> stored_row_;  // of the enterprise at hand
};

// Turns the year-to-date values (累计) into month values (当月): a month's value is its
// year-to-date less the year-to-date just before it, which is the file's previous row of the
// same enterprise and year plus the stored months in between (or the stored months from
// January). A February with no January anywhere is the usual combined January-February report:
// its value covers both months and January stays missing. Stocks (employees) are not
// differenced. Rows whose derived values break a rule are rejected.
Status DeriveMonthValues(storage::Store& store, model::MonthlyPanel& panel,
                         const std::vector<std::uint32_t>& lines, MonthlyFile& file,
                         ImportReport& report, std::vector<std::uint8_t>& keep) {
  if (panel.empty()) return Status::Ok();
  std::int32_t first = INT_MAX;
  std::int32_t last = INT_MIN;
  for (const auto p : panel.periods()) {
    first = std::min(first, p);
    last = std::max(last, p);
  }
  auto stored = store.CurrentMonthly(core::Period{core::Period::FromIndex(first).year, 1},
                                     core::Period::FromIndex(last));
  if (!stored) return stored.error();
  panel = MonthValueDeriver(panel, *stored, lines, file, report, keep).Run();
  return Status::Ok();
}

// The data-quality audit of the incoming rows against the stored months around them. The
// stored months not in the file are appended to `panel` for the audit and dropped after it.
Result<std::vector<model::QualityWarning>> AuditQuality(storage::Store& store,
                                                        const Registry& registry,
                                                        model::MonthlyPanel& panel,
                                                        const model::QualityRules& rules) {
  if (panel.empty()) return std::vector<model::QualityWarning>{};
  std::int32_t first = INT_MAX;
  std::int32_t last = INT_MIN;
  for (const auto p : panel.periods()) {
    first = std::min(first, p);
    last = std::max(last, p);
  }
  // Far enough back for the trailing median, for a year of revenue, for 未报 the month before
  // the first and for the base of growth the same month a year earlier.
  const int window = std::max(rules.trailing_months, 12);
  std::vector<std::uint8_t> incoming(panel.rows(), 1);
  {
    auto stored = store.CurrentMonthly(core::Period::FromIndex(first - window),
                                       core::Period::FromIndex(last));
    if (!stored) return Error(stored.error());
    // Stored months the file does not replace, found while the panel's index is intact.
    std::vector<std::pair<std::uint32_t, std::size_t>> extra;  // (stored slot, stored row)
    for (std::uint32_t s = 0; s < stored->enterprises(); ++s) {
      const auto [sb, se] = stored->RowsOf(s);
      const std::int64_t slot = panel.FindSlot(stored->uscc(s));
      std::size_t r = 0;
      std::size_t end = 0;
      if (slot >= 0) std::tie(r, end) = panel.RowsOf(static_cast<std::uint32_t>(slot));
      for (std::size_t k = sb; k < se; ++k) {
        while (r < end && panel.period_index(r) < stored->period_index(k)) ++r;
        if (r < end && panel.period_index(r) == stored->period_index(k)) continue;
        extra.emplace_back(s, k);
      }
    }
    for (const auto& [s, k] : extra) {
      std::array<double, model::kMeasureCount> values{};
      for (std::size_t m = 0; m < model::kMeasureCount; ++m) {
        values[m] = stored->value(k, static_cast<Measure>(m));
      }
      panel.Add(panel.Slot(stored->uscc(s)), stored->period_index(k), stored->valid_bits(k),
                values);
    }
    incoming.resize(panel.rows(), 0);
  }
  if (!panel.IsSorted()) {  // stored months were appended
    const auto order = panel.Sort();
    std::vector<std::uint8_t> sorted(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) sorted[i] = incoming[order[i]];
    incoming = std::move(sorted);
  }
  std::vector<const model::Enterprise*> enterprises(panel.enterprises(), nullptr);
  for (std::uint32_t s = 0; s < panel.enterprises(); ++s) {
    if (const auto it = registry.find(panel.uscc(s)); it != registry.end()) {
      enterprises[s] = it->second;
    }
  }
  auto warnings = CheckQuality({panel, incoming, enterprises}, rules);
  panel.Filter(incoming);
  return warnings;
}

// The worksheets to read, in order: options.sheets ("*": every one of the workbook), else the
// one sheet (the first when none is named).
Result<std::vector<std::string>> SheetsToRead(const std::string& path,
                                              const ImportOptions& options) {
  if (options.sheets.empty()) return std::vector<std::string>{options.sheet};
  std::vector<std::string> sheets = options.sheets;
  if (std::find(sheets.begin(), sheets.end(), "*") != sheets.end()) {
    auto names = XlsxSheetNames(path);
    if (!names) return Error(names.error());
    sheets = std::move(*names);
  }
  constexpr std::size_t kMaxSheets = 255;  // a row's key keeps its sheet in 8 bits
  if (sheets.size() > kMaxSheets) {
    return Error(Status::Of(Status::Code::kInvalidArgument,
                            core::Say(text::kTooManySheets, path, sheets.size(), kMaxSheets)));
  }
  return sheets;
}

// The rows of every sheet read into one panel: each sheet's table found on its own (a title,
// 合计 and 注 rows of its own), every sheet on the first's columns, unit and basis.
struct SheetsRead {
  SheetsRead(const std::string& path, const ImportOptions& options, std::vector<std::string> sheets)
      : path_(path), options_(options), sheets_(std::move(sheets)) {}

  Status Run(const Registry& registry, ImportReport& report, std::vector<RejectedRow>& rejected) {
    for (std::size_t i = 0; i < sheets_.size(); ++i) {
      auto reader =
          OpenLaidOutTable(path_, sheets_[i], options_.gbk ? Encoding::kGbk : Encoding::kUtf8,
                           options_.memory_budget, MonthlyColumns(),
                           options_.profile ? &*options_.profile : nullptr);
      if (!reader) return reader.error();
      auto settled = Settle(**reader, path_, options_, report);
      if (!settled) return settled.error();
      if (i == 0) {
        read = *settled;
        auto mapped = MapHeader((*reader)->file(), (*reader)->header(), MonthlyColumns(),
                                options_.on_ignored_column);
        if (!mapped) return mapped.error();
        columns = std::make_unique<ColumnMap>(std::move(*mapped));
        file = std::make_unique<MonthlyFile>(**reader, *columns, sheets_);
      } else if ((*reader)->header().fields != file->source().header.fields ||
                 settled->unit != read.unit || settled->cumulative != read.cumulative) {
        return Status::Of(Status::Code::kInvalidArgument,
                          core::Say(text::kSheetsDiffer, path_, sheets_[i], sheets_[0]));
      }
      file->StartSheet(i);
      CLUSTERSCOPE_RETURN_IF_ERROR(
          ReadRows(**reader, *file, registry, read, panel, lines, report, rejected));
      NoteSkipped(**reader, report);
    }
    return Status::Ok();
  }

  ImportOptions read;  // as the first sheet settles them
  std::unique_ptr<ColumnMap> columns;
  std::unique_ptr<MonthlyFile> file;
  model::MonthlyPanel panel;
  std::vector<std::uint32_t> lines;  // per panel row, its key (MonthlyFile::Key)

 private:
  const std::string& path_;
  const ImportOptions& options_;
  std::vector<std::string> sheets_;
};

// Adds the time since the last lap to the report's timings.
class Stopwatch {
 public:
  explicit Stopwatch(ImportReport& report) : report_(report) {}
  void Lap(std::string step) {
    const auto now = std::chrono::steady_clock::now();
    report_.timings.emplace_back(std::move(step),
                                 std::chrono::duration<double>(now - last_).count());
    last_ = now;
  }

 private:
  ImportReport& report_;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

}  // namespace

Result<ImportReport> ImportMonthly(storage::Store& store, const std::string& path,
                                   const ImportOptions& options) {
  CLUSTERSCOPE_RETURN_IF_ERROR(options.quality_rules.Validate());
  ImportReport report;
  Stopwatch stopwatch(report);
  auto sheets = SheetsToRead(path, options);
  if (!sheets) return Error(sheets.error());

  auto enterprises = store.ListEnterprises({});
  if (!enterprises) return Error(enterprises.error());
  Registry registry;
  registry.reserve(enterprises->size());
  for (const auto& e : *enterprises) registry.emplace(e.uscc, &e);
  stopwatch.Lap("registry");

  report.kind = "monthly";
  report.file = path;
  SheetsRead sheets_read(path, options, std::move(*sheets));
  std::vector<RejectedRow> rejected;
  CLUSTERSCOPE_RETURN_IF_ERROR(sheets_read.Run(registry, report, rejected));
  model::MonthlyPanel& panel = sheets_read.panel;
  std::vector<std::uint32_t>& lines = sheets_read.lines;  // per panel row, its key in the file
  MonthlyFile& file = *sheets_read.file;
  const ImportOptions& read = sheets_read.read;
  if (options.dry_run) Sample(panel, lines, file, report);
  stopwatch.Lap("read");
  if (report.rows_read == 0) {
    return Error(Status::Of(Status::Code::kInvalidArgument, core::Say(text::kNoDataRows, path)));
  }

  const auto order = panel.Sort();
  {
    std::vector<std::uint32_t> sorted(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) sorted[i] = lines[order[i]];
    lines = std::move(sorted);
  }
  std::vector<std::uint8_t> keep(panel.rows(), 1);
  FindDuplicates(panel, lines, file, report, keep);
  if (read.cumulative) {
    CLUSTERSCOPE_RETURN_IF_ERROR(DeriveMonthValues(store, panel, lines, file, report, keep));
  }
  if (report.has_errors() && !options.skip_invalid) return report;
  panel.Filter(keep);
  lines = {};
  stopwatch.Lap("sort");

  auto quality = AuditQuality(store, registry, panel, options.quality_rules);
  if (!quality) return Error(quality.error());
  report.quality = std::move(*quality);
  stopwatch.Lap("audit");
  CLUSTERSCOPE_RETURN_IF_ERROR(file.CollectLateRejects(path, options, rejected));
  std::sort(rejected.begin(), rejected.end(), [](const RejectedRow& a, const RejectedRow& b) {
    return a.record.line < b.record.line;
  });

  const std::size_t rows = panel.rows();
  auto batch = BeginBatch(store, path, report, rows, options);
  if (!batch) return Error(batch.error());
  auto written = batch->tx->PutMonthlyPanel(std::move(panel));
  if (!written) return Error(written.error().WithContext(path));
  report.inserted = written->inserted;
  report.updated = written->updated;
  report.unchanged = written->unchanged;
  stopwatch.Lap("write facts");
  CLUSTERSCOPE_RETURN_IF_ERROR(batch->tx->PutQualityWarnings(report.quality));
  CLUSTERSCOPE_RETURN_IF_ERROR(
      CommitBatch(*batch, path, file.source().header, rejected, options, report));
  stopwatch.Lap("write warnings and commit");
  return report;
}

}  // namespace clusterscope::ingest
