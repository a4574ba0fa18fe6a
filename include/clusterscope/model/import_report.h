// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// What an import found and did, and how it is asked for: every rejected row with file, line,
// column, value and rule, the warnings, the counts; the import batch as recorded. Bad rows are
// data, not failures: readers add to the report and carry on, and the caller's policy
// (all-or-nothing, or --skip-invalid) decides. Plain values shared by ingest, storage, app and
// the renderers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clusterscope/core/message.h"
#include "clusterscope/model/quality.h"

namespace clusterscope::model {

// Cells by canonical column name ("uscc", "park", ...). A column that is absent is not in the
// map; an empty cell is an empty string.
using Cells = std::map<std::string, std::string, std::less<>>;

struct CellIssue {
  std::string column;  // canonical column name, or empty for the record as a whole
  std::string rule;    // stable rule id (see docs/file_formats.md)
  core::Text message;  // for people, in both languages (text/imports.h)
};

struct RowIssue {
  std::string file;
  std::string sheet;     // worksheet of an .xlsx file; empty for CSV
  std::size_t line = 0;  // 1-based line of a CSV file (header: 1), or the sheet's row number
  std::string column;    // column name as in the file, or empty for the whole row
  std::string value;     // the offending cell as read
  std::string rule;      // stable rule id: "credit_code_check", "unknown_industry_class", ...
  core::Text message;    // a sentence for people, in both languages

  std::string ToString() const;  // "file:line: column 'x' value 'v': message [rule]", in English
};

enum class MoneyUnit { kYuan, kQian, kWan, kYi };
// "yuan", "qian", "wan", "yi" or the unit itself (元, 千元, 万元, 亿元); nullopt for anything else.
std::optional<MoneyUnit> ParseMoneyUnit(std::string_view text);
// The unit as written: "元", "千元", "万元", "亿元".
std::string_view MoneyUnitName(MoneyUnit unit);

struct ImportReport {
  std::string kind;  // "enterprises", "designations"
  std::string file;
  std::size_t rows_read = 0;
  std::size_t rows_rejected = 0;  // rows with at least one error
  std::size_t inserted = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::vector<RowIssue> errors;
  std::vector<RowIssue> warnings;
  std::size_t errors_not_kept = 0;  // beyond the first 10,000 of each, issues are only counted
  std::size_t warnings_not_kept = 0;
  // The data-quality audit of monthly rows: stored with the batch, listed by `audit list`.
  std::vector<QualityWarning> quality;
  bool written = false;                  // true once the import committed
  std::optional<std::int64_t> batch_id;  // set when written
  std::string rejects_file;              // set when --skip-invalid wrote one
  // Rows of the file that are no data, left out: title and units lines above the header,
  // blank, subtotal (合计, 其中…) and note rows (注：…), by line; past 1,000 only counted.
  struct Skipped {
    std::size_t line = 0;
    std::string kind;   // "title", "units", "blank", "subtotal", "note"
    std::string sheet;  // of an .xlsx file; empty for CSV
  };
  std::vector<Skipped> skipped;
  std::size_t skipped_not_kept = 0;
  // How the table was read: its header's row (the first of two for a two-level header), and
  // the money unit and basis (year-to-date or month) the file stated, if it did.
  std::size_t header_line = 1;
  std::size_t header_rows = 1;
  std::optional<MoneyUnit> unit_stated;
  std::optional<bool> year_to_date_stated;
  // Each column of the file as read: its 1-based position, its header as in the file (two
  // levels joined by "·"), the column it was read as (canonical name; empty when not read), and
  // how: "read", "left_out" (序号, a 本年累计 twin, a profile's ""), "ignored" (unknown, left out
  // at the reader's asking).
  struct Column {
    std::size_t position = 0;
    std::string header;
    std::string column;
    std::string use;
  };
  std::vector<Column> columns;
  // A dry run's first data rows as parsed, by canonical column (monthly money in 万元, periods
  // as YYYY-MM); empty otherwise.
  struct SampleRow {
    std::size_t line = 0;
    Cells cells;
  };
  std::vector<SampleRow> sample;
  bool dry_run = false;  // checked as an import would be, nothing written
  std::string profile;   // the import profile the file was read by, if any
  // Wall-clock seconds of each step of a monthly import ("read", "sort", "audit", "write"), in
  // order: what a slow import spent its time on.
  std::vector<std::pair<std::string, double>> timings;

  bool has_errors() const { return !errors.empty(); }
};

// A saved way of reading one source's files (an import profile): where the header is, what its
// columns mean, the basis, the unit and the sheets. Saved from a file (`import profile save`) or
// edited as TOML; every field left at its default is found in the file as without a profile.
struct ImportProfile {
  std::string name;
  std::string kind;             // "monthly", ...: the kind of file it reads
  std::size_t header_line = 0;  // the header's (first) row; 0: found
  std::size_t header_rows = 0;  // 1 or 2; 0: found
  // Header text as in the file (two levels joined by "·") -> canonical column, "" to leave out.
  std::vector<std::pair<std::string, std::string>> columns;
  std::optional<bool> year_to_date;  // figures are 本年累计 (true) or 本月 (false)
  std::optional<MoneyUnit> unit;
  std::vector<std::string> sheets;  // worksheets to read, "*" for all; empty: the first
  std::string source;               // the file it was saved from, for people
};

struct ImportOptions {
  bool skip_invalid = false;  // write the valid rows and a rejects file, instead of nothing
  std::string rejects_path;   // default: "<file>.rejects.csv"
  std::string actor;          // recorded in the audit log and the import batch
  std::string benchmark;      // import matrix: the benchmark's name (default: the file's stem)
  std::string source_name;    // the file as the import batch records it (an upload: the name it
                              // was sent under); default: the file's absolute path
  std::string sheet;          // worksheet of an .xlsx file (default: the first)
  // Several worksheets read as one file, in order, each laid out on its own (a sheet per park
  // or per month; monthly files); {"*"}: every sheet. Non-empty: `sheet` is not used.
  std::vector<std::string> sheets;
  bool gbk = false;  // a CSV file is GBK-encoded, not UTF-8
  // Read a CSV file that is not UTF-8 but reads as GBK as GBK, with a warning `read_as_gbk`
  // (uploads: offices send what Excel on Chinese Windows saves).
  bool detect_encoding = false;
  // Columns the import does not know are left out, each named in a warning `column_ignored`,
  // instead of refusing the file (the reader asked for it: an upload's "ignore unknown columns").
  bool ignore_unknown_columns = false;
  // Bytes the file's cells may take in memory, past which it is refused; 0: 64 MiB and 8 times
  // the file's size (ingest::DefaultMemoryBudget).
  std::uint64_t memory_budget = 0;
  int year = 0;  // year the above_scale column describes (enterprises)
  // Money cells of a monthly file: in this unit; nullopt: the unit the file states (a units
  // line, a header "工业总产值（千元）"), else 万元. A unit given that differs from the file's
  // is refused.
  std::optional<MoneyUnit> unit;
  // Monthly cells are year-to-date (累计), not month values (当月); a two-level header of
  // 本年累计 columns says so itself.
  bool cumulative = false;
  QualityRules quality_rules;  // thresholds of the data-quality audit (monthly)
  // Check everything and count what would change, then write nothing; the report carries the
  // first rows as parsed (report.sample).
  bool dry_run = false;
  // Read the file as this profile says (header rows, column names); the options it sets (unit,
  // basis, sheets) are applied by the caller.
  std::optional<ImportProfile> profile;
  // Called with each data row's line, credit code and park cell (nullopt when the file has no
  // park column) as the file is read, before anything is written: a failure ends the import
  // with nothing written. A park editor's upload checks here that every row is of its park, on
  // the one reading of the file.
  using CheckRow =
      std::function<Status(std::size_t, std::string_view, std::optional<std::string_view>)>;
  CheckRow check_row;
  // With ignore_unknown_columns: called for each column left out (1-based position, header),
  // as the header is read. ImportService turns these into the report's warnings.
  using IgnoredColumn = std::function<void(std::size_t, std::string_view)>;
  IgnoredColumn on_ignored_column;
  // Called now and then while rows are written: (rows written, rows to write).
  std::function<void(std::size_t, std::size_t)> progress;
};

// An import as the database records it.
struct ImportBatch {
  std::int64_t id = 0;
  std::string kind;  // "enterprises", "designations", ...
  std::string file;
  std::string at;
  std::string actor;
  std::int64_t rows_read = 0;
  std::int64_t rows_written = 0;
  std::int64_t rows_rejected = 0;
  std::optional<std::string> undone_at;  // set once `import undo` reverted the batch
  std::optional<std::string> undone_by;
};

}  // namespace clusterscope::model
