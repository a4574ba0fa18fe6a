// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Panel is the enterprise x month x measure table in memory, laid out month by month: each month
// holds one column per measure over every enterprise (0.0 where missing) and a column of
// validity bits. A new month is new columns, so an import lands without rebuilding anything.
// At each quarter end it also keeps the year-to-date sums of every measure, so that a
// year-to-date figure adds at most two months to a checkpoint instead of up to twelve (a
// third more memory for a third of the reading). A month whose rows report prior-year figures
// (上年同期) holds them in columns of their own; the others hold none. Plain data; no storage,
// no formats.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "clusterscope/core/huge_pages.h"
#include "clusterscope/core/string_hash.h"
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

class Panel {
 public:
  // Lays the enterprise-months of `facts` over the panel: new enterprises get a slot, new
  // months new columns, and months held already take the new values (a revision).
  void Apply(const model::MonthlyPanel& facts);

  std::size_t enterprises() const { return usccs_.size(); }
  const std::string& uscc(std::size_t e) const { return usccs_[e]; }
  // The slot of `uscc`, or -1.
  std::int64_t Find(std::string_view uscc) const;

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

 private:
  // Columns in huge pages: a national panel is gigabytes, faulted in at the first build.
  struct Month {
    std::array<core::HugeVector<Amount>, model::kMeasureCount> values;
    core::HugeVector<std::uint16_t> valid;
    // Only once a row of the month reports a prior-year figure.
    std::array<core::HugeVector<Amount>, model::kMeasureCount> prior;
    core::HugeVector<std::uint16_t> prior_valid;
    // Quarter ends only: Σ January .. this month, and whether output was reported in it.
    std::array<core::HugeVector<Amount>, model::kMeasureCount> year_to_date;
    core::HugeVector<std::uint8_t> reported_year_to_date;
  };
  static bool IsQuarterEnd(std::int32_t period) { return period % 12 % 3 == 2; }
  void Resize(std::size_t enterprises);
  // Recomputes the checkpoints of `year` from the quarter that holds month `from_period` on.
  void UpdateCheckpoints(std::int32_t from_period);
  Month& MonthAt(std::int32_t period);  // adds columns as needed

  std::vector<std::string> usccs_;
  std::unordered_map<std::string, std::uint32_t, core::StringHash, std::equal_to<>> index_;
  std::int32_t first_ = 0;
  std::vector<Month> months_;  // months_[i] is period first_ + i
};

}  // namespace clusterscope::engine
