// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// CsvParser turns RFC 4180 CSV bytes, fed in any chunks, into records that know the physical
// line they start on (quoted fields may span lines). It wraps libcsv in strict mode. One parser
// per stream; not thread-safe. Blank lines are skipped.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "clusterscope/core/status.h"

namespace clusterscope::core {

struct CsvRecord {
  std::vector<std::string> fields;
  std::size_t line = 0;  // 1-based physical line on which the record starts
};

// Records of a stream, reusing their storage from batch to batch: the first `size` records are
// the batch's, the rest is spare (fields keep their capacity, so a steady stream allocates
// nothing).
struct CsvBatch {
  std::vector<CsvRecord> records;
  std::size_t size = 0;
  void Clear() { size = 0; }
};

// Excel's columns (A to XFD): a record with more fields is refused (InvalidArgument), and the
// fields past it are never held, so a header of a million commas costs nothing.
inline constexpr std::size_t kMaxCsvFields = 16384;

class CsvParser {
 public:
  CsvParser();
  ~CsvParser();
  CsvParser(const CsvParser&) = delete;
  CsvParser& operator=(const CsvParser&) = delete;

  // Parses `bytes` and appends every record completed by them to `out`. InvalidArgument (with
  // the line) on malformed quoting; the parser is unusable after an error.
  Status Feed(std::string_view bytes, CsvBatch& out);
  // Ends the stream, appending the last record if it had no line break. InvalidArgument on an
  // unterminated quoted field.
  Status Finish(CsvBatch& out);

  // Line the parser has reached (1-based), for messages about the current position.
  std::size_t line() const;

  struct State;  // opaque; defined in csv.cc

 private:
  void Attach(CsvBatch& out);
  Status CheckWidth() const;

  std::unique_ptr<State> state_;
};

// Parses a whole text (embedded reference data, small files).
Result<std::vector<CsvRecord>> ParseCsv(std::string_view text);

}  // namespace clusterscope::core
