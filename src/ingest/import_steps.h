// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The steps every import shares: reading and locating the rows' issues, and writing the accepted
// rows as one import batch (all or nothing, with the rejects file). Private to ingest.
#pragma once

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "clusterscope/core/period.h"
#include "clusterscope/ingest/import_report.h"
#include "clusterscope/ingest/record_parser.h"
#include "clusterscope/ingest/table_file.h"
#include "clusterscope/ingest/table_layout.h"
#include "clusterscope/storage/store.h"
#include "clusterscope/text/imports.h"

namespace clusterscope::ingest::detail {

// A file of millions of bad rows (monthly figures before the registry, say) must not take
// gigabytes of messages: past this many, issues are counted only.
inline constexpr std::size_t kMaxKeptIssues = 10000;

// Keeps an issue in the report (or only counts it, past kMaxKeptIssues).
inline void KeepIssue(ImportReport& report, RowIssue issue, bool error) {
  auto& list = error ? report.errors : report.warnings;
  if (list.size() < kMaxKeptIssues) {
    list.push_back(std::move(issue));
  } else {
    ++(error ? report.errors_not_kept : report.warnings_not_kept);
  }
}

// Cells of the present columns of a record, by canonical name.
inline Cells CellsOf(const ColumnMap& columns, const std::vector<ColumnSpec>& specs,
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
    KeepIssue(report_, Locate(issue), true);
    reasons_.push_back(fmt::format("{}: {} [{}]", issue.column.empty() ? "row" : issue.column,
                                   issue.message.en, issue.rule));
  }
  void Warn(const CellIssue& issue) { KeepIssue(report_, Locate(issue), false); }
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
          core::Say(text::kFieldCount, record_.fields.size(), table_.header.fields.size())});
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
inline Status CheckHasRows(const CsvTable& table) {
  if (!table.rows.empty()) return Status::Ok();
  return Status::Of(Status::Code::kInvalidArgument, core::Say(text::kNoDataRows, table.file));
}

// How many rows a dry run shows as parsed.
inline constexpr std::size_t kSampleRows = 5;

struct OpenedFile {
  CsvTable table;  // the data rows only
  ColumnMap columns;
  TableLayout layout;
  std::vector<SkippedRow> skipped;
  std::size_t skipped_not_kept = 0;
  std::vector<RowIssue> subtotal_warnings;  // 合计 rows that are not their rows' sum
  std::vector<ImportReport::Column> described;
  std::vector<ImportReport::SampleRow> sample;  // a dry run's first rows
  std::string profile;

  // Where the header was, how each column was read and which rows were left out, into the
  // import's report; a dry run's also gets the first rows.
  void Describe(ImportReport& report) const {
    report.header_line = layout.header.line;
    report.header_rows = layout.header_rows;
    report.columns = described;
    report.sample = sample;
    report.profile = profile;
    for (const auto& row : skipped) {
      report.skipped.push_back({row.line, std::string(row.kind), table.sheet});
    }
    report.skipped_not_kept = skipped_not_kept;
    report.warnings.insert(report.warnings.end(), subtotal_warnings.begin(),
                           subtotal_warnings.end());
  }
};

// The file's table, found in its sheet (title rows, 合计 and 注 rows left out), with its
// columns mapped: every import but the streamed monthly one starts here.
inline Result<OpenedFile> OpenFile(const std::string& path, const std::vector<ColumnSpec>& specs,
                                   const ImportOptions& options) {
  std::error_code ignored;
  const std::uint64_t budget = options.memory_budget > 0
                                   ? options.memory_budget
                                   : DefaultMemoryBudget(std::filesystem::file_size(path, ignored));
  auto reader =
      OpenLaidOutTable(path, options.sheet, options.gbk ? Encoding::kGbk : Encoding::kUtf8, budget,
                       specs, options.profile ? &*options.profile : nullptr);
  if (!reader) return Error(reader.error());
  auto table = ReadAll(**reader, budget);
  if (!table) return Error(table.error());
  auto columns = MapColumns(*table, specs, options.on_ignored_column);
  if (!columns) return Error(columns.error());
  CLUSTERSCOPE_RETURN_IF_ERROR(CheckHasRows(*table));
  if (options.check_row) {
    for (const auto& record : table->rows) {
      CLUSTERSCOPE_RETURN_IF_ERROR(options.check_row(
          record.line, columns->Cell(record, "uscc"),
          columns->Has("park") ? std::optional(columns->Cell(record, "park")) : std::nullopt));
    }
  }
  std::vector<ImportReport::SampleRow> sample;
  for (std::size_t i = 0; options.dry_run && i < table->rows.size() && i < kSampleRows; ++i) {
    sample.push_back({table->rows[i].line, CellsOf(*columns, specs, table->rows[i])});
  }
  return OpenedFile{std::move(*table),
                    std::move(*columns),
                    (*reader)->layout(),
                    (*reader)->skipped(),
                    (*reader)->skipped_not_kept(),
                    SubtotalWarnings(**reader),
                    DescribeColumns((*reader)->layout(), specs),
                    std::move(sample),
                    options.profile ? options.profile->name : std::string()};
}

inline std::string DefaultRejectsPath(const std::string& path) { return path + ".rejects.csv"; }

// A row that passed every check, with the record it becomes.
template <typename T>
struct Accepted {
  const core::CsvRecord* record;
  T value;
};

// Starts the transaction of an import and records its batch.
struct OpenBatch {
  std::unique_ptr<storage::Transaction> tx;
  std::int64_t id = 0;
};
inline Result<OpenBatch> BeginBatch(storage::Store& store, const std::string& file,
                                    const ImportReport& report, std::size_t rows_written,
                                    const ImportOptions& options) {
  auto tx = store.Begin(options.actor);
  if (!tx) return Error(tx.error());
  storage::ImportBatch batch;
  batch.kind = report.kind;
  std::error_code ignored;  // an unresolvable path is still recorded as given
  const auto absolute = std::filesystem::absolute(file, ignored);
  batch.file = !options.source_name.empty() ? options.source_name
               : absolute.empty()           ? file
                                            : absolute.lexically_normal().string();
  batch.rows_read = static_cast<std::int64_t>(report.rows_read);
  batch.rows_written = static_cast<std::int64_t>(rows_written);
  batch.rows_rejected = static_cast<std::int64_t>(report.rows_rejected);
  auto id = (*tx)->AddImportBatch(batch);
  if (!id) return Error(id.error());
  return OpenBatch{std::move(*tx), *id};
}

// Writes the rejects file if rows were rejected, then commits: a failure of either leaves
// nothing committed. A dry run does neither.
inline Status CommitBatch(OpenBatch& batch, const std::string& file, const core::CsvRecord& header,
                          const std::vector<RejectedRow>& rejected, const ImportOptions& options,
                          ImportReport& report) {
  if (options.dry_run) return Status::Ok();  // the transaction rolls back: nothing is written
  if (!rejected.empty()) {
    report.rejects_file =
        options.rejects_path.empty() ? DefaultRejectsPath(file) : options.rejects_path;
    CLUSTERSCOPE_RETURN_IF_ERROR(WriteRejectsFile(report.rejects_file, header, rejected));
  }
  CLUSTERSCOPE_RETURN_IF_ERROR(batch.tx->Commit());
  report.written = true;
  report.batch_id = batch.id;
  return Status::Ok();
}

// Writes the accepted rows in one transaction, then the rejects file if any; nothing is
// committed if either fails.
template <typename Row, typename Put>
Result<ImportReport> Write(storage::Store& store, const CsvTable& table,
                           const std::vector<Row>& accepted,
                           const std::vector<RejectedRow>& rejected, const ImportOptions& options,
                           ImportReport report, Put put) {
  if (report.has_errors() && !options.skip_invalid) return report;
  auto batch = BeginBatch(store, table.file, report, accepted.size(), options);
  if (!batch) return Error(batch.error());
  std::size_t done = 0;
  for (const auto& row : accepted) {
    if (options.progress && done++ % 4096 == 0) options.progress(done - 1, accepted.size());
    auto change = put(*batch->tx, row);
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
  CLUSTERSCOPE_RETURN_IF_ERROR(
      CommitBatch(*batch, table.file, table.header, rejected, options, report));
  return report;
}

// A period cell that is a year ("2024": month 0) or a month ("2024-06"); false otherwise.
inline bool ParseYearOrMonth(std::string_view text, int& year, int& month) {
  if (text.size() == 4 &&
      std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    year = std::stoi(std::string(text));
    month = 0;
    return true;
  }
  if (auto period = core::Period::Parse(text)) {
    year = period->year;
    month = period->month;
    return true;
  }
  return false;
}

// The row loop of an import whose rows each become one value: `parse(record, columns, value,
// parsed)` fills the value and the row's issues; a key (`key(value)`) seen on an earlier line is
// refused; then all or nothing is written with `put(tx, value)`.
template <typename T, typename Parse, typename Key, typename Put>
Result<ImportReport> ImportRows(storage::Store& store, const std::string& path,
                                const std::vector<ColumnSpec>& specs, std::string kind,
                                const ImportOptions& options, Parse parse, Key key, Put put) {
  auto file = OpenFile(path, specs, options);
  if (!file) return Error(file.error());
  ImportReport report;
  report.kind = std::move(kind);
  report.file = path;
  file->Describe(report);
  std::map<std::string, std::size_t> first_line;
  std::vector<Accepted<T>> accepted;
  std::vector<RejectedRow> rejected;
  for (const auto& record : file->table.rows) {
    ++report.rows_read;
    RowIssues issues(file->table, file->columns, record, report);
    if (issues.FieldCountOk()) {
      ParsedRecord parsed;
      T value{};
      parse(record, file->columns, value, parsed);
      if (parsed.errors.empty()) {
        const auto [it, inserted] = first_line.emplace(key(value), record.line);
        if (!inserted) {
          parsed.errors.push_back(
              {"", "duplicate_key", core::Say(text::kKeyRepeated, it->first, it->second)});
        }
      }
      issues.Add(parsed);
      if (!issues.failed()) accepted.push_back({&record, std::move(value)});
    }
    if (issues.failed()) {
      ++report.rows_rejected;
      rejected.push_back({record, issues.Reasons()});
    }
  }
  return Write(
      store, file->table, accepted, rejected, options, std::move(report),
      [&](storage::Transaction& tx, const Accepted<T>& row) { return put(tx, row.value); });
}

}  // namespace clusterscope::ingest::detail
