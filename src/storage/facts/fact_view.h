// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// FactView reads the monthly facts across the live segments (those of batches not undone),
// oldest batch first: the current value of an enterprise-month is the newest segment's, and
// the older ones are its revisions. Segments are sorted by credit code, so reading them all is
// one k-way merge.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "segment.h"

namespace clusterscope::storage::facts {

struct FactRef {
  std::uint32_t segment = 0;  // index into the view's segments
  std::size_t row = 0;
};

class FactView {
 public:
  explicit FactView(std::vector<std::shared_ptr<const Segment>> live);  // oldest batch first

  const std::vector<std::shared_ptr<const Segment>>& segments() const { return segments_; }

  // Calls `visit` for every enterprise with a current month in [from, to] (Period::Index), in
  // credit-code order, with its current rows by period.
  using Visitor = std::function<void(std::string_view uscc, const std::vector<FactRef>& rows)>;
  void ForEachEnterprise(std::int32_t from, std::int32_t to, const Visitor& visit) const;

  // The current values of [from, to] as a sorted panel.
  model::MonthlyPanel Current(std::int32_t from, std::int32_t to) const;

  // Every stored version of one enterprise's months (of `period` only, if given), by period
  // and then oldest batch first: the last of each period is the current one.
  std::vector<FactRef> Versions(std::string_view uscc, std::optional<std::int32_t> period) const;

  std::int32_t period(const FactRef& ref) const { return segments_[ref.segment]->period(ref.row); }
  std::int64_t batch_id(const FactRef& ref) const { return segments_[ref.segment]->batch_id(); }
  model::MonthlyRecord Record(std::string_view uscc, const FactRef& ref) const;
  // Appends the referenced row to `panel` as enterprise `slot`.
  void AppendTo(model::MonthlyPanel& panel, std::uint32_t slot, const FactRef& ref) const;

 private:
  std::vector<std::shared_ptr<const Segment>> segments_;
};

}  // namespace clusterscope::storage::facts
