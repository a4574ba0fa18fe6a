// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The data-quality audit (数据审核) of monthly figures: the rules whose breach is a warning for
// the analyst to confirm or correct (hard errors reject rows at import instead), their
// thresholds, and one stored warning. Plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "clusterscope/core/message.h"
#include "clusterscope/core/period.h"
#include "clusterscope/core/status.h"

namespace clusterscope::model {

struct QualityRules {
  double jump_factor = 3.0;     // a month value above factor x, or below 1/factor of, ...
  int trailing_months = 12;     // ... the median of this many earlier months
  int min_trailing_values = 3;  // (and only with at least this many of them)
  double va_rate_min = 0.05;    // value added / output band
  double va_rate_max = 0.60;
  double energy_factor = 10.0;            // energy per output this far from the division's median
  int energy_min_peers = 5;               // (only with at least this many peers that month)
  double above_scale_revenue_wan = 2000;  // 20 M yuan of main-business revenue a year

  // InvalidArgument naming the threshold that makes no sense.
  Status Validate() const;
};

struct QualityWarning {
  std::int64_t id = 0;
  std::int64_t batch_id = 0;  // the import that raised it
  std::string uscc;
  core::Period period;
  std::string rule;     // "jump", "va_rate_band", "rd_above_revenue", "energy_intensity",
                        // "not_reported", "below_scale_threshold"
  std::string measure;  // column the warning is about, or empty
  std::optional<double> value;
  core::Text message;           // stored in both languages; shown in the reader's
  std::string status = "open";  // "open", "confirmed", "superseded" (a later import re-checked)
  std::string note;             // the analyst's, when confirming
  std::string resolved_by;
  std::string resolved_at;
};

}  // namespace clusterscope::model
