// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Statistical disclosure control of published aggregates: enterprise figures are confidential
// by law, so a group's figures are withheld when they would reveal an enterprise's (primary
// suppression), and further groups are withheld so that no withheld figure can be recovered by
// subtraction from its parent and its visible siblings (secondary suppression). Rankings of
// enterprises are never published. Pure.
#pragma once

#include <cstddef>

#include "clusterscope/core/status.h"
#include "clusterscope/engine/indicators.h"

namespace clusterscope::engine {

struct DisclosureRules {
  std::size_t min_enterprises = 3;  // fewer contributing enterprises: withheld
  double dominance = 0.85;          // the two largest above this share of the total: withheld
  double p_percent = 0;             // p% rule (0: off): withheld when the total less the two
                                    // largest is under p % of the largest, so the second could
                                    // estimate the first within p %

  // InvalidArgument naming the rule that makes no sense.
  Status Validate() const;
};

// Withholds in place: suppressed groups keep kind, code, name and enterprise count, lose every
// figure (nulls, never zeros) and say why in `suppressed`; every group loses its rankings.
void ApplyDisclosureControl(MonthlyIndicators& indicators, const DisclosureRules& rules);

}  // namespace clusterscope::engine
