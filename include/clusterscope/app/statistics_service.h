// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The statistics: the monthly indicators of any grouping (docs/indicators.md), their month-by-
// month series, and the monthly report with everything the plans add (targets, chains, the
// pipeline, the ladders, the clusters against a benchmark). Answers in the published form
// (disclosure control, no enterprise named) unless the Grant is for the full form.
#pragma once

#include <optional>
#include <vector>

#include "clusterscope/app/access.h"
#include "clusterscope/app/service.h"
#include "clusterscope/core/period.h"
#include "clusterscope/core/status.h"
#include "clusterscope/disclosure/control.h"
#include "clusterscope/engine/indicators.h"
#include "clusterscope/report/chains.h"

namespace clusterscope::app {

struct MonthlyReportOptions {
  std::optional<core::Period> period;  // default: the latest month held
  engine::IndicatorOptions indicators;
  engine::AlertRules alerts;
  int trend_months = 0;   // the total's trend (the HTML page charts 12)
  bool previous = false;  // the period before as well, in the same form (the analysis compares)
  bool ladders = true;    // the cultivation ladders (the slowest part; the cockpit skips them)
  disclosure::DisclosureRules disclosure;
};

class StatisticsService : public Service {
 public:
  using Service::Service;

  // The latest month with monthly statistics; NotFound before the first import.
  Result<core::Period> LatestPeriod();

  // Everything the monthly report shows (kMonthlyReport, kAlerts or kIndicators): the
  // indicators; targets behind time-progress and overdue projects as alerts; the targets,
  // chains, pipeline and ladders when their plans are loaded; the clusters against the
  // analytics plan's benchmark. The published form withholds by disclosure control, with the
  // targets that read a withheld group, and has no rankings and no ladders.
  Result<report::MonthlyBundle> MonthlyReport(const Grant& grant,
                                              const MonthlyReportOptions& options);

  // The indicators of each of the `months` months ending at `last` (default: the latest month
  // held), oldest first, each by its own frame and without rankings; under disclosure control
  // in the published form. For the trend lines of any group (kIndicators).
  Result<std::vector<engine::MonthlyIndicators>> IndicatorSeries(
      const Grant& grant, std::optional<core::Period> last, int months,
      const disclosure::DisclosureRules& disclosure = {});

  // Which enterprises make up each group's frame at `period` (default: the latest month):
  // (credit code, kind, group code) rows, in full only (kMonthlyReport), for checking other
  // tools against the engine, an attacker's linear programmes among them.
  Result<std::vector<engine::Engine::Membership>> FrameMembers(const Grant& grant,
                                                               std::optional<core::Period> period);

  // The clusters disclosure control withholds at `period` (a published view of anything else
  // about them withholds them too).
  Result<std::vector<std::string>> WithheldClusters(core::Period period);
};

// The clusters whose figures disclosure control withheld in `indicators`.
std::vector<std::string> WithheldClusters(const engine::MonthlyIndicators& indicators);

}  // namespace clusterscope::app
