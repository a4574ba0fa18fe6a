// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The answers the dashboard is drawn from (docs/http_api.md): the cockpit of one month and the
// series of any grouping's indicators. Field names follow the monthly report's JSON
// (docs/indicators.md); money in 万元. Pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "clusterscope/engine/indicators.h"
#include "clusterscope/model/cluster_system.h"
#include "clusterscope/report/chains.h"
#include "clusterscope/report/monthly_report.h"

namespace clusterscope::report {

struct CockpitOptions {
  std::string region;                    // the region's name, for the title
  std::vector<std::string> key_targets;  // ids for the gauges; empty: the first six region-wide
  Language language = Language::kZh;     // of the alert messages
};

// The headline of the month (the total, its trend over `series`), the tiers, clusters and parks
// with growth, contribution and pull, the key targets with progress, projection and odds, the
// status of every target and the alerts of the month. Withheld groups keep `suppressed` and
// have null figures, as in the report; a public bundle lists no enterprise alert.
// The month's alerts in words (compact): {"alerts": [{"code", "kind", "level", "message", "name",
// "rule", "value"}], "period"}.
std::string AlertsJson(const engine::MonthlyIndicators& indicators, Language language);

std::string CockpitJson(const MonthlyBundle& bundle,
                        const std::vector<engine::MonthlyIndicators>& series,
                        const model::ClusterSystem& system, const CockpitOptions& options);

// The groups of `kind` (and of `code` when given) month by month over `series`, as columns:
// {"period", "months": [...], "kind", "groups": [{"kind", "code", "name", "name_en",
// "parent_kind", "parent_code", "series": {"period": [...], "enterprises": [...],
// "month_output": [...], ...}}]}. Money to 4 decimals of 万元, rates to 8 decimals.
// NotFound when no month has such a group.
Result<std::string> IndicatorSeriesJson(const std::vector<engine::MonthlyIndicators>& series,
                                        const model::ClusterSystem& system, std::string_view kind,
                                        std::string_view code);

}  // namespace clusterscope::report
