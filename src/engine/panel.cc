// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/engine/panel.h"

#include <algorithm>

namespace clusterscope::engine {

std::int64_t Panel::Find(std::string_view uscc) const {
  const std::uint32_t* order = order_.data();
  const auto at = std::lower_bound(
      order, order + order_.size(), uscc,
      [this](std::uint32_t slot, std::string_view code) { return this->uscc(slot) < code; });
  if (at == order + order_.size() || this->uscc(*at) != uscc) return -1;
  return static_cast<std::int64_t>(*at);
}

void Panel::AddSlots(const std::vector<std::string_view>& codes) {
  if (codes.empty()) return;
  const auto before = static_cast<std::uint32_t>(enterprises());
  std::size_t chars = code_chars_.size();
  for (const auto code : codes) chars += code.size();
  std::vector<char> all(code_chars_.data(), code_chars_.data() + code_chars_.size());
  all.reserve(chars);
  std::vector<std::uint64_t> ends(code_end_.data(), code_end_.data() + code_end_.size());
  ends.reserve(ends.size() + codes.size());
  for (const auto code : codes) {
    all.insert(all.end(), code.begin(), code.end());
    ends.push_back(all.size());
  }
  code_chars_.assign(all.begin(), all.end());
  code_end_.assign(ends.begin(), ends.end());
  // The new slots sorted (facts usually come sorted, so this is one pass), then merged in.
  std::vector<std::uint32_t> added(codes.size());
  for (std::uint32_t i = 0; i < added.size(); ++i) added[i] = before + i;
  const auto by_code = [this](std::uint32_t a, std::uint32_t b) { return uscc(a) < uscc(b); };
  if (!std::is_sorted(added.begin(), added.end(), by_code)) {
    std::sort(added.begin(), added.end(), by_code);
  }
  std::vector<std::uint32_t> order(order_.size() + added.size());
  std::merge(order_.data(), order_.data() + order_.size(), added.begin(), added.end(),
             order.begin(), by_code);
  order_.assign(order.begin(), order.end());
}

void Panel::Resize(std::size_t enterprises) {
  for (std::size_t i = 0; i < months_.size(); ++i) {
    Month& month = months_[i];
    for (auto& column : month.values) column.resize(enterprises, 0);
    month.valid.resize(enterprises, 0);
    if (!month.prior_valid.empty()) {
      for (auto& column : month.prior) column.resize(enterprises, 0);
      month.prior_valid.resize(enterprises, 0);
    }
    if (IsQuarterEnd(first_ + static_cast<std::int32_t>(i))) {
      for (auto& column : month.year_to_date) column.resize(enterprises, 0);
      month.reported_year_to_date.resize(enterprises, 0);
    }
  }
}

Panel::Month& Panel::MonthAt(std::int32_t period) {
  if (months_.empty()) first_ = period;
  if (period < first_) {
    months_.insert(months_.begin(), static_cast<std::size_t>(first_ - period), Month{});
    first_ = period;
  }
  const auto at = static_cast<std::size_t>(period - first_);
  if (at >= months_.size()) months_.resize(at + 1);
  Month& month = months_[at];
  if (month.valid.size() != enterprises()) Resize(enterprises());  // new months, gaps included
  return month;
}

std::vector<std::uint32_t> Panel::SlotsOf(const model::MonthlyPanel& facts) {
  std::vector<std::uint32_t> slot_of(facts.enterprises());
  std::vector<std::string_view> new_codes;
  for (std::uint32_t s = 0; s < facts.enterprises(); ++s) {
    const std::int64_t held = Find(facts.uscc(s));
    if (held >= 0) {
      slot_of[s] = static_cast<std::uint32_t>(held);
    } else {
      slot_of[s] = static_cast<std::uint32_t>(enterprises() + new_codes.size());
      new_codes.push_back(facts.uscc(s));
    }
  }
  if (!new_codes.empty()) {
    AddSlots(new_codes);
    Resize(enterprises());
  }
  return slot_of;
}

void Panel::Apply(const model::MonthlyPanel& facts) {
  // Slots first, all at once: growing every month's columns one enterprise at a time would copy
  // them over and over.
  const std::vector<std::uint32_t> slot_of = SlotsOf(facts);
  if (facts.empty()) return;
  // Columns for every month the facts touch first, then the rows in their own order: reads run
  // down the fact columns and each (month, measure) column is written in slot order, so the
  // writes are a few hundred sequential streams rather than a cache miss per value.
  const auto [low, high] = std::minmax_element(facts.periods().begin(), facts.periods().end());
  const auto span = static_cast<std::size_t>(*high - *low) + 1;
  std::vector<std::array<Amount*, model::kMeasureCount>> to(span);
  std::vector<std::uint16_t*> valid_to(span);
  std::vector<std::array<Amount*, model::kMeasureCount>> prior_to(span);
  std::vector<std::uint16_t*> prior_valid_to(span, nullptr);
  std::vector<bool> present(span, false);
  std::vector<bool> with_priors(span, false);
  for (std::size_t r = 0; r < facts.rows(); ++r) {
    const auto i = static_cast<std::size_t>(facts.period_index(r) - *low);
    present[i] = true;
    if (facts.prior_bits(r) != 0) with_priors[i] = true;
  }
  for (std::size_t i = 0; i < span; ++i) {
    if (!present[i]) continue;
    Month& month = MonthAt(*low + static_cast<std::int32_t>(i));
    if (with_priors[i] && month.prior_valid.empty()) {
      for (auto& column : month.prior) column.assign(enterprises(), 0);
      month.prior_valid.assign(enterprises(), 0);
    }
  }
  for (std::size_t i = 0; i < span; ++i) {  // after MonthAt: it may move the months
    if (!present[i]) continue;
    Month& month = months_[static_cast<std::size_t>(*low + static_cast<std::int32_t>(i) - first_)];
    for (std::size_t m = 0; m < model::kMeasureCount; ++m) to[i][m] = month.values[m].Mutable();
    valid_to[i] = month.valid.Mutable();
    if (!month.prior_valid.empty()) {  // a revision without priors clears the old ones
      for (std::size_t m = 0; m < model::kMeasureCount; ++m) {
        prior_to[i][m] = month.prior[m].Mutable();
      }
      prior_valid_to[i] = month.prior_valid.Mutable();
    }
  }
  std::array<const double*, model::kMeasureCount> from{};
  for (std::size_t m = 0; m < model::kMeasureCount; ++m) {
    from[m] = facts.column(static_cast<model::Measure>(m)).data();
  }
  for (std::size_t r = 0; r < facts.rows(); ++r) {
    const auto i = static_cast<std::size_t>(facts.period_index(r) - *low);
    const std::uint32_t slot = slot_of[facts.slot(r)];
    for (std::size_t m = 0; m < model::kMeasureCount; ++m) to[i][m][slot] = ToAmount(from[m][r]);
    valid_to[i][slot] = facts.valid_bits(r);
    if (prior_valid_to[i] != nullptr) {
      for (std::size_t m = 0; m < model::kMeasureCount; ++m) {
        prior_to[i][m][slot] = ToAmount(facts.prior(r, static_cast<model::Measure>(m)));
      }
      prior_valid_to[i][slot] = facts.prior_bits(r);
    }
  }
  // New enterprises change every checkpoint only by zeros; changed months change their year's
  // checkpoints from their quarter on.
  std::int32_t year = -1;
  for (std::size_t i = 0; i < span; ++i) {
    const std::int32_t period = *low + static_cast<std::int32_t>(i);
    if (!present[i] || period / 12 == year) continue;
    year = period / 12;
    UpdateCheckpoints(period);
  }
}

void Panel::UpdateCheckpoints(std::int32_t from_period) {
  const std::int32_t january = from_period / 12 * 12;
  const std::int32_t december = january + 11;
  // Start from the checkpoint before the quarter of `from_period` when it is held; months
  // before first_ are not held, so zero is then right.
  const std::int32_t start = january + from_period % 12 / 3 * 3;  // first month to add
  const std::int32_t previous = start - 1;
  const bool from_checkpoint = start != january && HasMonth(previous);
  const std::size_t n = enterprises();
  std::vector<Amount> running(n);
  for (std::size_t m = 0; m < model::kMeasureCount; ++m) {
    const auto measure = static_cast<model::Measure>(m);
    if (from_checkpoint) {
      const Amount* held = YearToDate(previous, measure);
      std::copy(held, held + n, running.begin());
    } else {
      std::fill(running.begin(), running.end(), 0);
    }
    for (std::int32_t p = start; p <= december && p <= last_period(); ++p) {
      if (!HasMonth(p)) continue;
      const Amount* column = Column(p, measure);
      for (std::size_t e = 0; e < n; ++e) running[e] += column[e];
      if (IsQuarterEnd(p)) {
        auto& checkpoint = months_[static_cast<std::size_t>(p - first_)].year_to_date[m];
        std::copy(running.begin(), running.end(), checkpoint.Mutable());
      }
    }
  }
  std::vector<std::uint8_t> reported(n, 0);
  if (from_checkpoint) {
    const std::uint8_t* held = ReportedYearToDate(previous);
    std::copy(held, held + n, reported.begin());
  }
  for (std::int32_t p = start; p <= december && p <= last_period(); ++p) {
    if (!HasMonth(p)) continue;
    const std::uint16_t* valid = Valid(p);
    for (std::size_t e = 0; e < n; ++e) reported[e] |= static_cast<std::uint8_t>(valid[e] & 1U);
    if (IsQuarterEnd(p)) {
      months_[static_cast<std::size_t>(p - first_)].reported_year_to_date.assign(reported.begin(),
                                                                                 reported.end());
    }
  }
}

std::int32_t Panel::YearToDateCheckpoint(std::int32_t period) const {
  const std::int32_t january = period / 12 * 12;
  for (std::int32_t q = january + period % 12 / 3 * 3 + 2; q >= january; q -= 3) {
    if (q <= period && HasMonth(q)) return q;
  }
  return -1;
}

const Amount* Panel::YearToDate(std::int32_t checkpoint, model::Measure measure) const {
  if (!HasMonth(checkpoint) || !IsQuarterEnd(checkpoint)) return nullptr;
  return months_[static_cast<std::size_t>(checkpoint - first_)]
      .year_to_date[static_cast<std::size_t>(measure)]
      .data();
}

const std::uint8_t* Panel::ReportedYearToDate(std::int32_t checkpoint) const {
  if (!HasMonth(checkpoint) || !IsQuarterEnd(checkpoint)) return nullptr;
  return months_[static_cast<std::size_t>(checkpoint - first_)].reported_year_to_date.data();
}

const Amount* Panel::Column(std::int32_t period, model::Measure measure) const {
  if (!HasMonth(period)) return nullptr;
  return months_[static_cast<std::size_t>(period - first_)]
      .values[static_cast<std::size_t>(measure)]
      .data();
}

const std::uint16_t* Panel::Valid(std::int32_t period) const {
  if (!HasMonth(period)) return nullptr;
  return months_[static_cast<std::size_t>(period - first_)].valid.data();
}

const Amount* Panel::Prior(std::int32_t period, model::Measure measure) const {
  if (!HasMonth(period)) return nullptr;
  const Month& month = months_[static_cast<std::size_t>(period - first_)];
  return month.prior_valid.empty() ? nullptr
                                   : month.prior[static_cast<std::size_t>(measure)].data();
}

const std::uint16_t* Panel::PriorValid(std::int32_t period) const {
  if (!HasMonth(period)) return nullptr;
  const Month& month = months_[static_cast<std::size_t>(period - first_)];
  return month.prior_valid.empty() ? nullptr : month.prior_valid.data();
}

std::size_t Panel::ColumnBytes() const {
  std::size_t bytes = 0;
  for (const auto& month : months_) {
    for (const auto& column : month.values) bytes += column.size() * sizeof(Amount);
    for (const auto& column : month.prior) bytes += column.size() * sizeof(Amount);
    bytes += month.prior_valid.size() * sizeof(std::uint16_t);
    for (const auto& column : month.year_to_date) bytes += column.size() * sizeof(Amount);
    bytes += month.valid.size() * sizeof(std::uint16_t) + month.reported_year_to_date.size();
  }
  return bytes;
}

}  // namespace clusterscope::engine
