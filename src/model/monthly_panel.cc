// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/model/monthly_panel.h"

#include <algorithm>
#include <numeric>

namespace clusterscope::model {
namespace {

// Applies `order` to a column: out[i] = in[order[i]].
template <typename Column>
void Permute(Column& column, const std::vector<std::uint32_t>& order) {
  Column out(column.size());
  for (std::size_t i = 0; i < order.size(); ++i) out[i] = column[order[i]];
  column = std::move(out);
}

template <typename Column>
void Keep(Column& column, const std::vector<std::uint8_t>& keep) {
  std::size_t out = 0;
  for (std::size_t i = 0; i < column.size(); ++i) {
    if (keep[i] != 0) column[out++] = column[i];
  }
  column.resize(out);
}

}  // namespace

std::uint32_t MonthlyPanel::Slot(std::string_view uscc) {
  // Files list an enterprise's months together: the last slot is the likely one.
  if (!slot_.empty() && usccs_[slot_.back()] == uscc) return slot_.back();
  if (const auto it = lookup_.find(uscc); it != lookup_.end()) return it->second;
  const auto slot = static_cast<std::uint32_t>(usccs_.size());
  usccs_.emplace_back(uscc);
  lookup_.emplace(usccs_.back(), slot);
  first_row_.clear();
  return slot;
}

std::int64_t MonthlyPanel::FindSlot(std::string_view uscc) const {
  const auto it = lookup_.find(uscc);
  return it == lookup_.end() ? -1 : static_cast<std::int64_t>(it->second);
}

void MonthlyPanel::Reserve(std::size_t rows) {
  slot_.reserve(rows);
  period_.reserve(rows);
  valid_.reserve(rows);
  for (auto& column : values_) column.reserve(rows);
}

// Called after the row's own columns are appended; the first row with a prior-year figure gives
// the rows before it prior-year columns, all missing.
void MonthlyPanel::AddPriors(std::uint16_t prior_valid,
                             const std::array<double, kMeasureCount>& prior) {
  if (prior_valid == 0 && !has_priors()) return;
  if (!has_priors()) {
    prior_valid_.assign(valid_.size() - 1, 0);
    for (auto& column : prior_) column.assign(valid_.size() - 1, 0.0);
  }
  prior_valid_.push_back(prior_valid);
  for (std::size_t m = 0; m < kMeasureCount; ++m) prior_[m].push_back(prior[m]);
}

namespace {

// Validity bits and values (0.0 where missing) of optional figures.
std::uint16_t Split(const std::array<std::optional<double>, kMeasureCount>& in,
                    std::array<double, kMeasureCount>& out) {
  std::uint16_t bits = 0;
  for (std::size_t m = 0; m < kMeasureCount; ++m) {
    if (in[m]) bits = static_cast<std::uint16_t>(bits | (1U << m));
    out[m] = in[m].value_or(0.0);
  }
  return bits;
}

}  // namespace

void MonthlyPanel::Add(std::uint32_t slot, std::int32_t period_index,
                       const std::array<std::optional<double>, kMeasureCount>& values) {
  std::array<double, kMeasureCount> plain{};
  const std::uint16_t bits = Split(values, plain);
  Add(slot, period_index, bits, plain);
}

void MonthlyPanel::Add(std::uint32_t slot, std::int32_t period_index,
                       const std::array<std::optional<double>, kMeasureCount>& values,
                       const std::array<std::optional<double>, kMeasureCount>& prior) {
  std::array<double, kMeasureCount> plain{};
  std::array<double, kMeasureCount> plain_prior{};
  const std::uint16_t bits = Split(values, plain);
  const std::uint16_t prior_bits = Split(prior, plain_prior);
  Add(slot, period_index, bits, plain, prior_bits, plain_prior);
}

void MonthlyPanel::Add(std::uint32_t slot, std::int32_t period_index, std::uint16_t valid,
                       const std::array<double, kMeasureCount>& values) {
  Add(slot, period_index, valid, values, 0, {});
}

void MonthlyPanel::Add(std::uint32_t slot, std::int32_t period_index, std::uint16_t valid,
                       const std::array<double, kMeasureCount>& values, std::uint16_t prior_valid,
                       const std::array<double, kMeasureCount>& prior) {
  slot_.push_back(slot);
  period_.push_back(period_index);
  valid_.push_back(valid);
  for (std::size_t m = 0; m < kMeasureCount; ++m) values_[m].push_back(values[m]);
  AddPriors(prior_valid, prior);
  first_row_.clear();
}

void MonthlyPanel::Add(const MonthlyRecord& record) {
  Add(Slot(record.uscc), record.period.Index(), record.values, record.prior);
}

MonthlyRecord MonthlyPanel::Record(std::size_t row) const {
  MonthlyRecord record;
  record.uscc = usccs_[slot_[row]];
  record.period = core::Period::FromIndex(period_[row]);
  for (std::size_t m = 0; m < kMeasureCount; ++m) {
    record.values[m] = Get(row, static_cast<Measure>(m));
    record.prior[m] = GetPrior(row, static_cast<Measure>(m));
  }
  return record;
}

bool MonthlyPanel::SameValues(std::size_t a, const MonthlyPanel& other, std::size_t b) const {
  if (valid_[a] != other.valid_[b]) return false;
  for (std::size_t m = 0; m < kMeasureCount; ++m) {
    if (values_[m][a] != other.values_[m][b]) return false;
  }
  if (prior_bits(a) != other.prior_bits(b)) return false;
  for (std::size_t m = 0; m < kMeasureCount; ++m) {
    const auto measure = static_cast<Measure>(m);
    if (has_prior(a, measure) && prior(a, measure) != other.prior(b, measure)) return false;
  }
  return true;
}

std::vector<std::uint32_t> MonthlyPanel::Sort() {
  // Slots in credit-code order first, so that rows sort on two integers.
  std::vector<std::uint32_t> by_code(usccs_.size());
  std::iota(by_code.begin(), by_code.end(), 0U);
  std::sort(by_code.begin(), by_code.end(),
            [&](std::uint32_t a, std::uint32_t b) { return usccs_[a] < usccs_[b]; });
  std::vector<std::uint32_t> renumber(usccs_.size());
  for (std::size_t i = 0; i < by_code.size(); ++i) {
    renumber[by_code[i]] = static_cast<std::uint32_t>(i);
  }
  Permute(usccs_, by_code);
  for (auto& s : slot_) s = renumber[s];
  for (std::size_t i = 0; i < usccs_.size(); ++i)
    lookup_[usccs_[i]] = static_cast<std::uint32_t>(i);

  std::vector<std::uint32_t> order(rows());
  std::iota(order.begin(), order.end(), 0U);
  const auto key = [&](std::uint32_t row) {
    return (std::uint64_t{slot_[row]} << 32) | static_cast<std::uint32_t>(period_[row]);
  };
  if (!std::is_sorted(order.begin(), order.end(),
                      [&](std::uint32_t a, std::uint32_t b) { return key(a) < key(b); })) {
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return key(a) < key(b); });
    Permute(slot_, order);
    Permute(period_, order);
    Permute(valid_, order);
    for (auto& column : values_) Permute(column, order);
    if (has_priors()) {
      Permute(prior_valid_, order);
      for (auto& column : prior_) Permute(column, order);
    }
  }
  IndexSlots();
  return order;
}

bool MonthlyPanel::IsSorted() const { return !first_row_.empty() || (usccs_.empty() && empty()); }

void MonthlyPanel::IndexSlots() {
  first_row_.assign(usccs_.size() + 1, 0);
  for (const auto s : slot_) ++first_row_[s + 1];
  std::partial_sum(first_row_.begin(), first_row_.end(), first_row_.begin());
}

std::pair<std::size_t, std::size_t> MonthlyPanel::RowsOf(std::uint32_t slot) const {
  return {first_row_[slot], first_row_[slot + 1]};
}

void MonthlyPanel::Filter(const std::vector<std::uint8_t>& keep) {
  if (std::find(keep.begin(), keep.end(), 0) == keep.end()) return;
  const bool sorted = IsSorted();
  Keep(slot_, keep);
  Keep(period_, keep);
  Keep(valid_, keep);
  for (auto& column : values_) Keep(column, keep);
  if (has_priors()) {
    Keep(prior_valid_, keep);
    for (auto& column : prior_) Keep(column, keep);
  }
  if (sorted) IndexSlots();  // filtering keeps the order
}

void MonthlyPanel::DropEmptySlots() {
  std::vector<std::uint8_t> used(usccs_.size(), 0);
  for (const auto s : slot_) used[s] = 1;
  if (std::find(used.begin(), used.end(), 0) == used.end()) return;
  const bool sorted = IsSorted();
  std::vector<std::uint32_t> renumber(usccs_.size(), 0);
  std::vector<std::string> kept;
  for (std::size_t s = 0; s < usccs_.size(); ++s) {
    if (used[s] == 0) continue;
    renumber[s] = static_cast<std::uint32_t>(kept.size());
    kept.push_back(std::move(usccs_[s]));
  }
  usccs_ = std::move(kept);
  for (auto& s : slot_) s = renumber[s];
  lookup_.clear();
  for (std::size_t i = 0; i < usccs_.size(); ++i)
    lookup_.emplace(usccs_[i], static_cast<std::uint32_t>(i));
  first_row_.clear();
  if (sorted) IndexSlots();
}

MonthlyPanel MonthlyPanel::FromColumns(std::vector<std::string> usccs,
                                       std::vector<std::uint32_t> slots,
                                       std::vector<std::int32_t> periods,
                                       std::vector<std::uint16_t> valid,
                                       std::array<core::HugeVector<double>, kMeasureCount> values,
                                       std::vector<std::uint16_t> prior_valid,
                                       std::array<core::HugeVector<double>, kMeasureCount> prior) {
  MonthlyPanel panel;
  if (!prior_valid.empty()) {
    panel.prior_valid_ = std::move(prior_valid);
    panel.prior_ = std::move(prior);
  }
  panel.usccs_ = std::move(usccs);
  panel.slot_ = std::move(slots);
  panel.period_ = std::move(periods);
  panel.valid_ = std::move(valid);
  panel.values_ = std::move(values);
  panel.lookup_.reserve(panel.usccs_.size());
  for (std::size_t i = 0; i < panel.usccs_.size(); ++i) {
    panel.lookup_.emplace(panel.usccs_[i], static_cast<std::uint32_t>(i));
  }
  const bool sorted = std::is_sorted(panel.usccs_.begin(), panel.usccs_.end()) && [&] {
    for (std::size_t i = 1; i < panel.slot_.size(); ++i) {
      if (std::pair(panel.slot_[i - 1], panel.period_[i - 1]) >=
          std::pair(panel.slot_[i], panel.period_[i])) {
        return false;
      }
    }
    return true;
  }();
  if (sorted) panel.IndexSlots();
  return panel;
}

}  // namespace clusterscope::model
