// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Reading interchange files: a UTF-8 CSV with a header row, whose columns are matched by name
// or by an alias (Chinese headers), with unknown, duplicate and missing required columns
// reported precisely. Also the rejects file that --skip-invalid writes. Plain functions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clusterscope/core/csv.h"
#include "clusterscope/core/status.h"

namespace clusterscope::ingest {

struct ColumnSpec {
  std::string_view name;                  // canonical name, "uscc"
  std::vector<std::string_view> aliases;  // "统一社会信用代码", ...
  bool required = false;
};

// Where each known column sits in a file's header.
class ColumnMap {
 public:
  ColumnMap(std::vector<std::optional<std::size_t>> positions, std::vector<std::string> headers,
            std::vector<ColumnSpec> specs);

  bool Has(std::string_view name) const;
  // Where column `name` sits in the file, or nullopt if it is absent.
  std::optional<std::size_t> Position(std::string_view name) const;
  // The trimmed cell of column `name` in `record`; empty if the column is absent.
  std::string_view Cell(const core::CsvRecord& record, std::string_view name) const;
  // The header text the file used for column `name` (for messages).
  std::string HeaderOf(std::string_view name) const;
  const std::vector<std::string>& headers() const { return headers_; }

 private:
  std::vector<std::optional<std::size_t>> positions_;  // parallel to specs_
  std::vector<std::string> headers_;                   // as in the file
  std::vector<ColumnSpec> specs_;
};

// A table read from a file: a CSV file, or one sheet of an .xlsx workbook.
struct CsvTable {
  std::string file;
  std::string sheet;  // the worksheet's name for .xlsx; empty for CSV
  core::CsvRecord header;
  std::vector<core::CsvRecord> rows;
};

// Reads a table file a batch of rows at a time, never holding a whole CSV file: a 1 GB export
// streams through in bounded memory. (An .xlsx sheet is read whole; Excel caps a sheet at
// 1,048,576 rows.)
class TableReader {
 public:
  virtual ~TableReader() = default;
  const std::string& file() const { return file_; }
  const std::string& sheet() const { return sheet_; }  // empty for CSV
  const core::CsvRecord& header() const { return header_; }
  // The next data rows into `batch` (cleared first); batch.size is 0 at the end of the file.
  // InvalidArgument naming the file and line on bad encoding or quoting.
  virtual Status Next(core::CsvBatch& batch) = 0;
  // How much of the file has been read, 0..1 (for progress bars).
  virtual double FractionRead() const = 0;

 protected:
  std::string file_;
  std::string sheet_;
  core::CsvRecord header_;
};

// The text encoding of a CSV file: UTF-8, or GBK (GB18030) as Excel on Chinese Windows saves.
enum class Encoding { kUtf8, kGbk };

// Opens a CSV file, or a sheet of an .xlsx workbook (by the name's ending), and reads its
// header. NotFound if the file is missing; InvalidArgument if it is empty or unreadable as such.
// `memory_budget` bounds an .xlsx sheet's cells (0: DefaultMemoryBudget); a CSV file is streamed.
Result<std::unique_ptr<TableReader>> OpenTable(const std::string& path, const std::string& sheet,
                                               Encoding encoding = Encoding::kUtf8,
                                               std::uint64_t memory_budget = 0);

// The encoding a CSV file is in: GBK when it is not valid UTF-8 and every byte above ASCII reads
// as a GBK pair (Excel's plain "CSV" on Chinese Windows), else UTF-8 (an .xlsx is always UTF-8).
// Reads the file in blocks; NotFound if it cannot be opened.
Result<Encoding> DetectEncoding(const std::string& path);

// Reads a whole CSV file. InvalidArgument (naming the file and line) if it cannot be read, is
// empty, is not in the encoding (with a hint when UTF-8 was expected and it looks like GBK), or
// has malformed quoting.
// A UTF-8 byte-order mark is accepted and dropped.
Result<CsvTable> ReadCsvFile(const std::string& path, Encoding encoding = Encoding::kUtf8);

// Reads one worksheet (the first if `sheet` is empty) of an .xlsx workbook. Record lines are the
// sheet's row numbers; date-formatted cells read as YYYY-MM-DD, numbers as typed. NotFound if
// the file is missing; InvalidArgument naming the file if it is not a valid workbook (truncated,
// an .xls, corrupt), has no such sheet, or the sheet is empty.
// The sheet and its shared strings are streamed, never held as XML, and bounded, since a few
// kilobytes of zip can stand for gigabytes: InvalidArgument naming the limit for a cell
// outside Excel's grid (XFD1048576), a cell longer than Excel's 32,767 characters, a part of more
// than `max_part_bytes` or more than `max_ratio` times its compressed size (past 16 MiB), or cells
// taking more memory than `memory_budget` (0: 64 MiB + 8 x the file's size).
struct XlsxLimits {
  std::uint64_t max_part_bytes = std::uint64_t{1} << 30;
  std::uint64_t max_ratio = 200;
  std::uint64_t memory_budget = 0;
};
Result<CsvTable> ReadXlsxFile(const std::string& path, const std::string& sheet,
                              const XlsxLimits& limits = {});
// The names of an .xlsx workbook's worksheets, in their order.
Result<std::vector<std::string>> XlsxSheetNames(const std::string& path);
// The memory an upload or import of `file_bytes` may take when no budget is given.
std::uint64_t DefaultMemoryBudget(std::uint64_t file_bytes);

// The rest of `reader`'s rows, whole: InvalidArgument naming the limit when they take more than
// `budget` bytes.
Result<CsvTable> ReadAll(TableReader& reader, std::uint64_t budget);

// An .xlsx workbook by its name's ending, else a CSV file, whole: InvalidArgument naming the
// limit when its cells take more than `memory_budget` (0: DefaultMemoryBudget).
Result<CsvTable> ReadTableFile(const std::string& path, const std::string& sheet,
                               Encoding encoding = Encoding::kUtf8,
                               std::uint64_t memory_budget = 0);

// Called with an unknown column's 1-based position and header when the reader asked to leave
// such columns out; empty: an unknown column is an error.
using UnknownColumn = std::function<void(std::size_t, std::string_view)>;

// Matches a header against `specs`: as MapColumns, for a streamed table.
Result<ColumnMap> MapHeader(const std::string& file, const core::CsvRecord& header,
                            const std::vector<ColumnSpec>& specs,
                            const UnknownColumn& unknown = {});

// Matches the header against `specs`: InvalidArgument naming the file and every unknown (unless
// `unknown` takes them), duplicate or missing required column, with the accepted names.
Result<ColumnMap> MapColumns(const CsvTable& table, const std::vector<ColumnSpec>& specs,
                             const UnknownColumn& unknown = {});

// Writes the rejected rows with their original cells and a last column, reject_reason, as
// UTF-8 CSV with a byte-order mark (so that Excel opens it right).
struct RejectedRow {
  core::CsvRecord record;  // a copy: a streamed file's rows do not outlive their batch
  std::string reason;
};
Status WriteRejectsFile(const std::string& path, const core::CsvRecord& header,
                        const std::vector<RejectedRow>& rows);

}  // namespace clusterscope::ingest
