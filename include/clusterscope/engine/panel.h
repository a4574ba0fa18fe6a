// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Panel is the enterprise x month x measure table in memory, laid out month by month: each month
// holds one column per measure over every enterprise (0.0 where missing) and a column of
// validity bits. A new month is new columns, so an import lands without rebuilding anything.
// At each quarter end it also keeps the year-to-date sums of every measure, so that a
// year-to-date figure adds at most two months to a checkpoint instead of up to twelve (a
// third more memory for a third of the reading). A month whose rows report prior-year figures
// (上年同期) holds them in columns of their own; the others hold none. Plain data; its image on
// disk (Save, Map) is the same columns as they lie in memory, so a mapped panel is ready to use
// without reading it.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clusterscope/core/huge_pages.h"
#include "clusterscope/core/status.h"
#include "clusterscope/model/monthly_panel.h"

namespace clusterscope::engine {

// Money (万元), energy (tce) and headcounts as fixed-point integers of a millionth of their
// unit (0.01 元 of 万元): sums, sign tests and comparisons are exact where binary floating point
// would make a year's profits of 3.2, 2.6 and -5.8 a loss of -1e-15. An int64 holds 9.2e12 of
// the unit, 700 times the nation's yearly industrial output in 万元. Ratios are worked from the
// exact sums (FromAmount).
using Amount = std::int64_t;
inline constexpr double kAmountScale = 1e6;
// The amount nearest `value`: exact for any decimal of up to six places whose double is the
// nearest to it (as parsed from text), below 9e9 of the unit.
inline Amount ToAmount(double value) { return std::llround(value * kAmountScale); }
// The double nearest the amount (one rounding below 2^53 millionths).
inline double FromAmount(Amount amount) { return static_cast<double>(amount) / kAmountScale; }

// A column of the panel: its own (in huge pages) or borrowed from a mapped image. Written only
// through Mutable(), resize() and assign(), which first copy a borrowed column: a panel mapped
// from disk stays read-only until a new month is laid over it.
template <typename T>
class ColumnBuffer {
 public:
  ColumnBuffer() = default;
  static ColumnBuffer Borrow(const T* data, std::size_t size) {
    ColumnBuffer column;
    column.borrowed_ = size == 0 ? nullptr : data;
    column.borrowed_size_ = size;
    return column;
  }
  const T* data() const { return borrowed_ != nullptr ? borrowed_ : owned_.data(); }
  std::size_t size() const { return borrowed_ != nullptr ? borrowed_size_ : owned_.size(); }
  bool empty() const { return size() == 0; }
  const T& operator[](std::size_t i) const { return data()[i]; }
  T* Mutable() {
    Own();
    return owned_.data();
  }
  void resize(std::size_t n, T value) {
    Own();
    owned_.resize(n, value);
  }
  void assign(std::size_t n, T value) {
    borrowed_ = nullptr;
    owned_.assign(n, value);
  }
  template <typename It>
  void assign(It first, It last) {
    borrowed_ = nullptr;
    owned_.assign(first, last);
  }

 private:
  void Own() {
    if (borrowed_ == nullptr) return;
    owned_.assign(borrowed_, borrowed_ + borrowed_size_);
    borrowed_ = nullptr;
  }
  const T* borrowed_ = nullptr;
  std::size_t borrowed_size_ = 0;
  core::HugeVector<T> owned_;
};

class Panel {
 public:
  // Lays the enterprise-months of `facts` over the panel: new enterprises get a slot, new
  // months new columns, and months held already take the new values (a revision).
  void Apply(const model::MonthlyPanel& facts);

  std::size_t enterprises() const { return code_end_.size(); }
  std::string_view uscc(std::size_t e) const {
    const std::uint64_t begin = e == 0 ? 0 : code_end_[e - 1];
    return {code_chars_.data() + begin, static_cast<std::size_t>(code_end_[e] - begin)};
  }
  // The slot of `uscc`, or -1 (a binary search over the slots in credit-code order).
  std::int64_t Find(std::string_view uscc) const;
  // The slot of the i-th credit code in ascending order.
  std::uint32_t SlotInCodeOrder(std::size_t i) const { return order_[i]; }

  // Months held, as core::Period::Index(); empty() when none.
  bool empty() const { return months_.empty(); }
  std::int32_t first_period() const { return first_; }
  std::int32_t last_period() const {
    return first_ + static_cast<std::int32_t>(months_.size()) - 1;
  }
  bool HasMonth(std::int32_t period) const {
    return period >= first_ && period <= last_period() && !months_.empty();
  }

  // Column of `measure` in `period` (enterprises() values), or nullptr outside the months held.
  const Amount* Column(std::int32_t period, model::Measure measure) const;
  // Validity bits of `period` (bit m for measure m), or nullptr outside the months held.
  const std::uint16_t* Valid(std::int32_t period) const;
  // The prior-year figures reported with `period`'s rows and their validity bits, or nullptr
  // when no row of the month reported one.
  const Amount* Prior(std::int32_t period, model::Measure measure) const;
  const std::uint16_t* PriorValid(std::int32_t period) const;

  // Year-to-date sums: the latest quarter end q in `period`'s year with q <= period whose
  // checkpoint is held, or -1 when none is (start from zero). Months between q and `period`
  // are then added from Column().
  std::int32_t YearToDateCheckpoint(std::int32_t period) const;
  // Σ of `measure` over January .. `checkpoint` of its year (missing months as zero), for a
  // period returned by YearToDateCheckpoint().
  const Amount* YearToDate(std::int32_t checkpoint, model::Measure measure) const;
  // 1 where the enterprise reported output in some month of January .. `checkpoint`.
  const std::uint8_t* ReportedYearToDate(std::int32_t checkpoint) const;

  // Bytes of the columns (for the memory figure of the benchmark).
  std::size_t ColumnBytes() const;

  // The image (panel_image.cc): Save writes the columns to `path` as they lie in memory (a
  // temporary file of the writer's own, fsynced and renamed over it); Map maps such a file
  // read-only and borrows its columns, so that only the pages a computation reads are ever read.
  // `covers` is the first month the facts were read from (Period::Index), kept in the image for its
  // user. The file carries an XXH3 checksum, checked by VerifyImage and not by Map: reading every
  // page would cost what mapping saves.
  Status Save(const std::string& path, std::int32_t covers) const;
  static Result<Panel> Map(const std::string& path);
  static Status VerifyImage(const std::string& path);
  std::int32_t covers() const { return covers_; }

 private:
  struct Month {
    std::array<ColumnBuffer<Amount>, model::kMeasureCount> values;
    ColumnBuffer<std::uint16_t> valid;
    // Only once a row of the month reports a prior-year figure.
    std::array<ColumnBuffer<Amount>, model::kMeasureCount> prior;
    ColumnBuffer<std::uint16_t> prior_valid;
    // Quarter ends only: Σ January .. this month, and whether output was reported in it.
    std::array<ColumnBuffer<Amount>, model::kMeasureCount> year_to_date;
    ColumnBuffer<std::uint8_t> reported_year_to_date;
  };
  // Slots for the credit codes not held yet, in the order given; keeps `order_` sorted.
  void AddSlots(const std::vector<std::string_view>& codes);
  // The slot of each enterprise of `facts`, new ones added (with their columns).
  std::vector<std::uint32_t> SlotsOf(const model::MonthlyPanel& facts);
  static bool IsQuarterEnd(std::int32_t period) { return period % 12 % 3 == 2; }
  void Resize(std::size_t enterprises);
  // Recomputes the checkpoints of `year` from the quarter that holds month `from_period` on.
  void UpdateCheckpoints(std::int32_t from_period);
  Month& MonthAt(std::int32_t period);  // adds columns as needed

  // Credit codes by slot: their characters end to end, and where each ends.
  ColumnBuffer<char> code_chars_;
  ColumnBuffer<std::uint64_t> code_end_;
  ColumnBuffer<std::uint32_t> order_;  // the slots in credit-code order
  std::shared_ptr<const void> image_;  // the mapping columns are borrowed from, if any
  std::int32_t covers_ = 0;
  std::int32_t first_ = 0;
  std::vector<Month> months_;  // months_[i] is period first_ + i
};

}  // namespace clusterscope::engine
