// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The data-quality audit of incoming monthly figures against what is already known: jumps
// against the trailing median, the value-added rate band, R&D above revenue, energy intensity
// far from the industry's, enterprises that reported last month and not this one (未报), and
// above-scale enterprises whose last 12 months of revenue fell below the threshold. Pure.
#pragma once

#include <cstdint>
#include <vector>

#include "clusterscope/model/enterprise.h"
#include "clusterscope/model/monthly_panel.h"
#include "clusterscope/model/quality.h"

namespace clusterscope::ingest {

// What the audit looks at: the stored months of the checked periods and the trailing window
// before them with the incoming months laid over them, as one sorted panel.
struct QualityInput {
  const model::MonthlyPanel& months;          // sorted (MonthlyPanel::Sort)
  const std::vector<std::uint8_t>& incoming;  // per row: 1 if the import brings it
  // The registry entry of each slot of `months` (industry class, above-scale years), or null.
  const std::vector<const model::Enterprise*>& enterprises;
};

// The warnings the incoming rows raise, ordered by period, credit code, rule and measure.
std::vector<model::QualityWarning> CheckQuality(const QualityInput& input,
                                                const model::QualityRules& rules);

}  // namespace clusterscope::ingest
