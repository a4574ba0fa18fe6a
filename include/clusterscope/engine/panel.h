// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Panel is the enterprise x month x measure table in memory, laid out month by month: each month
// holds one column per measure over every enterprise (0.0 where missing) and a column of
// validity bits. A year-to-date sum is then a run of additions over contiguous columns, and a
// new month is new columns, so an import lands without rebuilding anything. Plain data; no
// storage, no formats.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "clusterscope/model/monthly_panel.h"

namespace clusterscope::engine {

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
  const double* Column(std::int32_t period, model::Measure measure) const;
  // Validity bits of `period` (bit m for measure m), or nullptr outside the months held.
  const std::uint16_t* Valid(std::int32_t period) const;

  // Bytes of the columns (for the memory figure of the benchmark).
  std::size_t ColumnBytes() const;

 private:
  struct Month {
    std::array<std::vector<double>, model::kMeasureCount> values;
    std::vector<std::uint16_t> valid;
  };
  void Resize(std::size_t enterprises);
  Month& MonthAt(std::int32_t period);  // adds columns as needed

  std::vector<std::string> usccs_;
  std::unordered_map<std::string, std::uint32_t> index_;
  std::int32_t first_ = 0;
  std::vector<Month> months_;  // months_[i] is period first_ + i
};

}  // namespace clusterscope::engine
