// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "fact_view.h"

#include <algorithm>
#include <queue>
#include <tuple>

namespace clusterscope::storage::facts {

FactView::FactView(std::vector<std::shared_ptr<const Segment>> live) : segments_(std::move(live)) {}

void FactView::ForEachEnterprise(std::int32_t from, std::int32_t to, const Visitor& visit) const {
  // Cursor per segment over its enterprises; the heap yields the smallest credit code first and,
  // for equal codes, the oldest segment first.
  using Cursor = std::pair<std::string_view, std::uint32_t>;  // (credit code, segment)
  std::priority_queue<Cursor, std::vector<Cursor>, std::greater<>> heap;
  std::vector<std::size_t> position(segments_.size(), 0);
  for (std::uint32_t s = 0; s < segments_.size(); ++s) {
    if (segments_[s]->enterprises() > 0) heap.emplace(segments_[s]->uscc(0), s);
  }
  std::vector<std::uint32_t> holders;  // segments holding the current enterprise, oldest first
  std::vector<FactRef> rows;
  std::vector<std::tuple<std::int32_t, std::uint32_t, std::size_t>> versions;
  while (!heap.empty()) {
    const std::string_view uscc = heap.top().first;
    holders.clear();
    while (!heap.empty() && heap.top().first == uscc) {
      holders.push_back(heap.top().second);
      heap.pop();
    }
    rows.clear();
    if (holders.size() == 1) {
      const Segment& seg = *segments_[holders[0]];
      const std::size_t k = position[holders[0]];
      for (std::size_t r = seg.first_row(k); r < seg.end_row(k); ++r) {
        if (seg.period(r) >= from && seg.period(r) <= to) rows.push_back({holders[0], r});
      }
    } else {
      versions.clear();
      for (const std::uint32_t s : holders) {
        const Segment& seg = *segments_[s];
        const std::size_t k = position[s];
        for (std::size_t r = seg.first_row(k); r < seg.end_row(k); ++r) {
          if (seg.period(r) >= from && seg.period(r) <= to)
            versions.emplace_back(seg.period(r), s, r);
        }
      }
      std::sort(versions.begin(), versions.end());
      for (std::size_t i = 0; i < versions.size(); ++i) {
        // The newest segment of each period wins: the last of its run.
        if (i + 1 < versions.size() && std::get<0>(versions[i + 1]) == std::get<0>(versions[i])) {
          continue;
        }
        rows.push_back({std::get<1>(versions[i]), std::get<2>(versions[i])});
      }
    }
    if (!rows.empty()) visit(uscc, rows);
    for (const std::uint32_t s : holders) {
      if (++position[s] < segments_[s]->enterprises()) {
        heap.emplace(segments_[s]->uscc(position[s]), s);
      }
    }
  }
}

model::MonthlyPanel FactView::Current(std::int32_t from, std::int32_t to) const {
  // References first, then the columns one measure at a time: reading a segment column by
  // column keeps each read sequential, where copying row by row would touch nine places.
  std::vector<std::string> usccs;
  std::vector<std::uint32_t> slots;
  std::vector<FactRef> refs;
  std::size_t bound = 0;  // rows of every segment: enough, so nothing regrows
  for (const auto& segment : segments_) bound += segment->rows();
  refs.reserve(bound);
  slots.reserve(bound);
  ForEachEnterprise(from, to, [&](std::string_view uscc, const std::vector<FactRef>& rows) {
    const auto slot = static_cast<std::uint32_t>(usccs.size());
    usccs.emplace_back(uscc);
    refs.insert(refs.end(), rows.begin(), rows.end());
    slots.insert(slots.end(), rows.size(), slot);
  });
  std::vector<std::int32_t> periods(refs.size());
  std::vector<std::uint16_t> valid(refs.size());
  for (std::size_t i = 0; i < refs.size(); ++i) {
    const Segment& seg = *segments_[refs[i].segment];
    periods[i] = seg.period(refs[i].row);
    valid[i] = seg.valid(refs[i].row);
  }
  std::array<core::HugeVector<double>, model::kMeasureCount> values;
  for (std::size_t m = 0; m < model::kMeasureCount; ++m) {
    values[m].resize(refs.size());
    for (std::size_t i = 0; i < refs.size(); ++i) {
      values[m][i] = segments_[refs[i].segment]->value(m, refs[i].row);
    }
  }
  // Prior-year figures only when a segment read from has any.
  std::vector<std::uint16_t> prior_valid;
  std::array<core::HugeVector<double>, model::kMeasureCount> prior;
  const bool with_priors = std::any_of(segments_.begin(), segments_.end(),
                                       [](const auto& segment) { return segment->has_priors(); });
  if (with_priors) {
    prior_valid.resize(refs.size());
    for (std::size_t i = 0; i < refs.size(); ++i) {
      prior_valid[i] = segments_[refs[i].segment]->prior_valid(refs[i].row);
    }
    for (std::size_t m = 0; m < model::kMeasureCount; ++m) {
      prior[m].resize(refs.size());
      for (std::size_t i = 0; i < refs.size(); ++i) {
        prior[m][i] = segments_[refs[i].segment]->prior(m, refs[i].row);
      }
    }
  }
  return model::MonthlyPanel::FromColumns(std::move(usccs), std::move(slots), std::move(periods),
                                          std::move(valid), std::move(values),
                                          std::move(prior_valid), std::move(prior));
}

std::vector<FactRef> FactView::Versions(std::string_view uscc,
                                        std::optional<std::int32_t> period) const {
  std::vector<FactRef> out;
  for (std::uint32_t s = 0; s < segments_.size(); ++s) {
    const Segment& seg = *segments_[s];
    const std::int64_t k = seg.Find(uscc);
    if (k < 0) continue;
    for (std::size_t r = seg.first_row(static_cast<std::size_t>(k));
         r < seg.end_row(static_cast<std::size_t>(k)); ++r) {
      if (!period || seg.period(r) == *period) out.push_back({s, r});
    }
  }
  std::stable_sort(out.begin(), out.end(), [&](const FactRef& a, const FactRef& b) {
    return this->period(a) < this->period(b);
  });
  return out;
}

model::MonthlyRecord FactView::Record(std::string_view uscc, const FactRef& ref) const {
  const Segment& seg = *segments_[ref.segment];
  model::MonthlyRecord record;
  record.uscc = std::string(uscc);
  record.period = core::Period::FromIndex(seg.period(ref.row));
  for (std::size_t m = 0; m < model::kMeasureCount; ++m) {
    if ((seg.valid(ref.row) >> m & 1U) != 0) record.values[m] = seg.value(m, ref.row);
    if ((seg.prior_valid(ref.row) >> m & 1U) != 0) record.prior[m] = seg.prior(m, ref.row);
  }
  return record;
}

void FactView::AppendTo(model::MonthlyPanel& panel, std::uint32_t slot, const FactRef& ref) const {
  const Segment& seg = *segments_[ref.segment];
  std::array<double, model::kMeasureCount> values{};
  std::array<double, model::kMeasureCount> prior{};
  for (std::size_t m = 0; m < model::kMeasureCount; ++m) {
    values[m] = seg.value(m, ref.row);
    prior[m] = seg.prior(m, ref.row);
  }
  panel.Add(slot, seg.period(ref.row), seg.valid(ref.row), values, seg.prior_valid(ref.row), prior);
}

}  // namespace clusterscope::storage::facts
