// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The data-quality audit of incoming monthly figures against what is already known: jumps
// against the trailing median, the value-added rate band, R&D above revenue, energy intensity
// far from the industry's, enterprises that reported last month and not this one (未报), and
// above-scale enterprises whose last 12 months of revenue fell below the threshold. Pure.
#pragma once

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "clusterscope/model/enterprise.h"
#include "clusterscope/model/monthly.h"
#include "clusterscope/model/quality.h"

namespace clusterscope::ingest {

struct QualityContext {
  // Known months of every enterprise for the periods checked and the trailing window before
  // them, by Period::Index(): stored values with the incoming ones laid over them.
  std::unordered_map<std::string, std::map<int, model::MonthlyRecord>> months;
  // The registry, by credit code (for the industry class and the above-scale years).
  std::unordered_map<std::string, const model::Enterprise*> enterprises;
};

// The warnings the incoming records raise, ordered by period, credit code and rule.
std::vector<model::QualityWarning> CheckQuality(const std::vector<model::MonthlyRecord>& incoming,
                                                const QualityContext& context,
                                                const model::QualityRules& rules);

}  // namespace clusterscope::ingest
