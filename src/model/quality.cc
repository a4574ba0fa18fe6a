// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/model/quality.h"

namespace clusterscope::model {

Status QualityRules::Validate() const {
  if (!(jump_factor > 1)) return Status::InvalidArgument("the jump factor must be above 1");
  if (trailing_months < 1) return Status::InvalidArgument("trailing months must be at least 1");
  if (min_trailing_values < 1 || min_trailing_values > trailing_months) {
    return Status::InvalidArgument("the minimum of trailing values must lie in 1..trailing months");
  }
  if (!(va_rate_min >= 0 && va_rate_min < va_rate_max && va_rate_max <= 1)) {
    return Status::InvalidArgument("the value-added rate band must satisfy 0 <= min < max <= 1");
  }
  if (!(energy_factor > 1)) return Status::InvalidArgument("the energy factor must be above 1");
  if (energy_min_peers < 2) return Status::InvalidArgument("energy peers must be at least 2");
  if (!(above_scale_revenue_wan > 0)) {
    return Status::InvalidArgument("the above-scale revenue threshold must be positive");
  }
  return Status::Ok();
}

}  // namespace clusterscope::model
