// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Finding the table in a sheet as offices and the statistics bureau make them: a title and a
// units line above the header ("单位：万元、吨标准煤、人"), a header of one level or of two (an
// indicator merged across 本月 / 本年累计 / 上年同月 / 上年同期累计), a 序号 column, and 合计,
// 其中, blank and 注 rows among and below the data. Plain functions over the first rows of a
// sheet; the readers of table_file.h apply what they find.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clusterscope/core/csv.h"
#include "clusterscope/core/status.h"
#include "clusterscope/ingest/table_file.h"
#include "clusterscope/model/import_report.h"

namespace clusterscope::ingest {

// How many rows from the top a header is looked for in.
inline constexpr std::size_t kLayoutRows = 30;

// The spec `text` names, by its name or an alias (case and spaces ignored), or nullopt.
std::optional<std::size_t> MatchColumn(const std::vector<ColumnSpec>& specs, std::string_view text);

// A header cell without a unit in brackets: "工业总产值（千元）" -> "工业总产值", with the unit
// when it is a money unit.
struct HeaderText {
  std::string text;
  std::optional<model::MoneyUnit> unit;
};
HeaderText SplitUnit(std::string_view cell);

// The money unit a units line states ("单位：千元、吨标准煤、人" -> 千元), or nullopt when the
// row is not a units line or names no money unit.
std::optional<model::MoneyUnit> UnitsLine(const core::CsvRecord& row);

// What a row under the header is: data, blank, a subtotal (合计, 总计, 小计, 其中…) or a note
// (注：…, 说明：…, 数据来源…), from its first three non-empty cells.
enum class RowKind { kData, kBlank, kSubtotal, kNote };
RowKind ClassifyRow(const core::CsvRecord& row);

// Where the table sits and what its columns are called.
struct TableLayout {
  std::size_t header_index = 0;          // the header's first row, among the rows given
  std::size_t header_rows = 1;           // 2 for a two-level header
  std::vector<std::size_t> above;        // the title and units rows above the header
  std::optional<model::MoneyUnit> unit;  // stated by a units line or by the headers
  // A two-level header's figures: from the 本年累计 columns (true) or the 本月 ones (false);
  // nullopt for a one-level header. When an indicator has both, 本月 is taken.
  std::optional<bool> year_to_date;
  // One name per column, ready for MapHeader: a one-level column's own text (without a unit in
  // brackets), a two-level column's spec name ("output_value_prior"), "" for a column left out,
  // else the header's text (two levels joined by "·").
  core::CsvRecord header;
  // Each column's header as in the file, two levels joined by "·" (for the preview and profiles).
  std::vector<std::string> texts;
  // Columns left out: 序号, and the 本年累计 twin of a 本月 column (1-based, with their text).
  std::vector<std::pair<std::size_t, std::string>> left_out;
};

// Finds the header among `rows` (a sheet's first rows, at most kLayoutRows of them are looked
// at): the first row in which two cells, or every required column, name a spec. A row under it
// with 本月 / 本年累计 / 上年同月 / 上年同期累计 (or 当月, 累计, 上年同期) makes the header
// two-level: each such cell takes the indicator above it or, under a merged cell, to its left.
// 上年… columns map to the spec named "<indicator>_prior" when there is one.
// When no row names two columns, the first non-blank row is the header, as in a plain file (the
// header check then names its unknown columns). InvalidArgument naming `file` when the headers
// and units line state two different money units, or mix 本月 and 本年累计 indicators.
// A `profile` fixes the header's row and levels where it states them (InvalidArgument when the
// file has no such row) and names the columns it lists by their header text ("" leaves one out).
Result<TableLayout> FindLayout(const std::string& file, const std::vector<core::CsvRecord>& rows,
                               const std::vector<ColumnSpec>& specs,
                               const model::ImportProfile* profile = nullptr);

// The layout's columns as the import report lists them: position, header, column read as, use.
std::vector<model::ImportReport::Column> DescribeColumns(const TableLayout& layout,
                                                         const std::vector<ColumnSpec>& specs);

// A row a laid-out table left out, by its line and why: "title", "units", "blank", "subtotal",
// "note".
struct SkippedRow {
  std::size_t line = 0;
  std::string_view kind;
};

// A 合计 row whose figure is not the sum of the data rows above it (since the last 合计).
struct SubtotalDifference {
  std::size_t line = 0;
  std::size_t column = 0;  // 1-based
  double stated = 0;
  double sum = 0;
};

// A table with its layout applied: header() is the layout's header, Next() hands out data rows
// only, and what was left out is kept (at most kMaxSkippedKept rows, the rest counted).
class LaidOutReader final : public TableReader {
 public:
  static constexpr std::size_t kMaxSkippedKept = 1000;
  // Finds the table in `inner` (its header row and first rows) by `specs`.
  static Result<std::unique_ptr<LaidOutReader>> Open(std::unique_ptr<TableReader> inner,
                                                     const std::vector<ColumnSpec>& specs,
                                                     const model::ImportProfile* profile = nullptr);
  Status Next(core::CsvBatch& batch) override;
  double FractionRead() const override { return inner_->FractionRead(); }

  const TableLayout& layout() const { return layout_; }
  const std::vector<SkippedRow>& skipped() const { return skipped_; }
  std::size_t skipped_not_kept() const { return skipped_not_kept_; }
  // Each 合计 (总计) row is checked against the sum of the data rows above it, column by column,
  // within the rounding of the figures summed: the first 100 differences.
  const std::vector<SubtotalDifference>& subtotal_differences() const { return differences_; }

 private:
  LaidOutReader() = default;
  void Skip(std::size_t line, std::string_view kind);
  // Moves the data rows of `batch` to its front and records the others.
  void Filter(core::CsvBatch& batch);

  std::unique_ptr<TableReader> inner_;
  TableLayout layout_;
  core::CsvBatch first_;  // the rows read past the header while finding it
  bool first_given_ = false;
  bool inner_done_ = false;  // the inner reader has given its last rows
  std::vector<SkippedRow> skipped_;
  std::size_t skipped_not_kept_ = 0;
  // The data rows' sums since the last 合计, per column: the sum, how many figures, and the
  // most decimals one had (for the rounding allowed).
  struct Sum {
    double total = 0;
    std::size_t count = 0;
    int decimals = 0;
  };
  void Add(const core::CsvRecord& row);
  void Check(const core::CsvRecord& total);
  std::vector<Sum> sums_;
  std::vector<SubtotalDifference> differences_;
};

// The reader's 合计 differences as the import's warnings `subtotal_differs`.
std::vector<model::RowIssue> SubtotalWarnings(const LaidOutReader& reader);

// OpenTable, then the table found in it by `specs` (and the profile, if any).
Result<std::unique_ptr<LaidOutReader>> OpenLaidOutTable(
    const std::string& path, const std::string& sheet, Encoding encoding,
    std::uint64_t memory_budget, const std::vector<ColumnSpec>& specs,
    const model::ImportProfile* profile = nullptr);

}  // namespace clusterscope::ingest
