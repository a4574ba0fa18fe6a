// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// MonthlyPanel holds enterprise-months in bulk, column by column: a file being imported, the
// facts of an import batch, the current values of a range of months. One row per
// enterprise-month; a missing measure is a cleared validity bit and a 0.0 value, so that sums
// need no test (missing counts as zero in sums) while "missing" stays distinct from "zero".
// Enterprises are slots in a dictionary of credit codes, so a row costs no string. The
// prior-year figures a row reports (上年同期) are a second set of columns with validity bits of
// their own, held only once some row has one: most panels have none.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "clusterscope/core/huge_pages.h"
#include "clusterscope/core/string_hash.h"
#include "clusterscope/model/monthly.h"

namespace clusterscope::model {

class MonthlyPanel {
 public:
  // The slot of credit code `uscc`, adding it to the dictionary if new.
  std::uint32_t Slot(std::string_view uscc);
  // The slot of `uscc`, or -1 if the panel has no such enterprise.
  std::int64_t FindSlot(std::string_view uscc) const;

  // Appends one enterprise-month; `period_index` is core::Period::Index().
  void Add(std::uint32_t slot, std::int32_t period_index,
           const std::array<std::optional<double>, kMeasureCount>& values);
  void Add(std::uint32_t slot, std::int32_t period_index,
           const std::array<std::optional<double>, kMeasureCount>& values,
           const std::array<std::optional<double>, kMeasureCount>& prior);
  void Add(const MonthlyRecord& record);
  // Appends with the validity bits given (values of missing measures must be 0.0).
  void Add(std::uint32_t slot, std::int32_t period_index, std::uint16_t valid,
           const std::array<double, kMeasureCount>& values);
  void Add(std::uint32_t slot, std::int32_t period_index, std::uint16_t valid,
           const std::array<double, kMeasureCount>& values, std::uint16_t prior_valid,
           const std::array<double, kMeasureCount>& prior);
  void Reserve(std::size_t rows);

  std::size_t rows() const { return period_.size(); }
  std::size_t enterprises() const { return usccs_.size(); }
  bool empty() const { return period_.empty(); }

  const std::string& uscc(std::uint32_t slot) const { return usccs_[slot]; }
  std::uint32_t slot(std::size_t row) const { return slot_[row]; }
  std::int32_t period_index(std::size_t row) const { return period_[row]; }
  bool has(std::size_t row, Measure m) const {
    return (valid_[row] >> static_cast<unsigned>(m) & 1U) != 0;
  }
  // The value, or 0.0 if missing.
  double value(std::size_t row, Measure m) const {
    return values_[static_cast<std::size_t>(m)][row];
  }
  std::optional<double> Get(std::size_t row, Measure m) const {
    return has(row, m) ? std::optional<double>(value(row, m)) : std::nullopt;
  }
  std::uint16_t valid_bits(std::size_t row) const { return valid_[row]; }

  // Whether any row carries a prior-year figure.
  bool has_priors() const { return !prior_valid_.empty(); }
  bool has_prior(std::size_t row, Measure m) const {
    return has_priors() && (prior_valid_[row] >> static_cast<unsigned>(m) & 1U) != 0;
  }
  // The prior-year figure, or 0.0 if missing.
  double prior(std::size_t row, Measure m) const {
    return has_priors() ? prior_[static_cast<std::size_t>(m)][row] : 0.0;
  }
  std::optional<double> GetPrior(std::size_t row, Measure m) const {
    return has_prior(row, m) ? std::optional<double>(prior(row, m)) : std::nullopt;
  }
  std::uint16_t prior_bits(std::size_t row) const {
    return has_priors() ? prior_valid_[row] : std::uint16_t{0};
  }
  MonthlyRecord Record(std::size_t row) const;
  // True if row `a` of this panel and row `b` of `other` carry the same measures and values.
  bool SameValues(std::size_t a, const MonthlyPanel& other, std::size_t b) const;

  // Whole columns, for storage and the engine.
  const std::vector<std::string>& usccs() const { return usccs_; }
  const std::vector<std::uint32_t>& slots() const { return slot_; }
  const std::vector<std::int32_t>& periods() const { return period_; }
  const std::vector<std::uint16_t>& valid() const { return valid_; }
  const core::HugeVector<double>& column(Measure m) const {
    return values_[static_cast<std::size_t>(m)];
  }
  // Prior-year columns, when has_priors().
  const std::vector<std::uint16_t>& prior_valid() const { return prior_valid_; }
  const core::HugeVector<double>& prior_column(Measure m) const {
    return prior_[static_cast<std::size_t>(m)];
  }

  // Renumbers the slots in credit-code order and sorts the rows by (credit code, period),
  // keeping the file order of equal keys (stable). Returns the permutation applied: row i of
  // the sorted panel was row order[i] before.
  std::vector<std::uint32_t> Sort();
  // True once rows are in (credit code, period) order with slots in credit-code order.
  bool IsSorted() const;
  // The rows of slot `slot` in a sorted panel: [first, last).
  std::pair<std::size_t, std::size_t> RowsOf(std::uint32_t slot) const;

  // Keeps only the rows whose `keep` flag is set (same order); the dictionary is kept.
  void Filter(const std::vector<std::uint8_t>& keep);
  // Drops the enterprises left without rows (after Filter), keeping the order of the others.
  void DropEmptySlots();

  // Builds a panel from raw columns (storage reads); `valid` and `values` parallel `period`,
  // and so do `prior_valid` and `prior` unless empty (no prior-year figures).
  static MonthlyPanel FromColumns(std::vector<std::string> usccs, std::vector<std::uint32_t> slots,
                                  std::vector<std::int32_t> periods,
                                  std::vector<std::uint16_t> valid,
                                  std::array<core::HugeVector<double>, kMeasureCount> values,
                                  std::vector<std::uint16_t> prior_valid = {},
                                  std::array<core::HugeVector<double>, kMeasureCount> prior = {});

 private:
  void IndexSlots();
  void AddPriors(std::uint16_t prior_valid, const std::array<double, kMeasureCount>& prior);

  std::vector<std::string> usccs_;  // dictionary, by slot
  std::unordered_map<std::string, std::uint32_t, core::StringHash, std::equal_to<>>
      lookup_;                                                  // -> slot
  std::vector<std::uint32_t> slot_;                             // per row
  std::vector<std::int32_t> period_;                            // per row: Period::Index()
  std::vector<std::uint16_t> valid_;                            // per row: bit m set if measure m
  std::array<core::HugeVector<double>, kMeasureCount> values_;  // per measure, per row
  std::vector<std::uint16_t> prior_valid_;  // per row once has_priors(), else empty
  std::array<core::HugeVector<double>, kMeasureCount> prior_;  // likewise
  std::vector<std::size_t> first_row_;                         // per slot, once sorted (+1 end)
};

}  // namespace clusterscope::model
