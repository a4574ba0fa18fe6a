// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The target plan and where each target stands (docs/targets.md): progress against time,
// projection with the pipeline's addition, and the odds of meeting it.
#pragma once

#include <optional>

#include "clusterscope/app/access.h"
#include "clusterscope/app/service.h"
#include "clusterscope/core/period.h"
#include "clusterscope/core/status.h"
#include "clusterscope/model/target.h"
#include "clusterscope/targets/progress.h"

namespace clusterscope::app {

class TargetsService : public Service {
 public:
  using Service::Service;

  // Checks the target plan in `path` against the system and makes it the current plan.
  Result<model::TargetPlan> LoadPlan(const std::string& path);
  // The current target plan; NotFound if none was loaded.
  Result<model::TargetPlan> Plan();
  // Every target at `period` (default: the latest month held), with the history of each month
  // from the base year on when `history` is set. In the published form (`grant`), a target that
  // reads a group's statistics is withheld (status "withheld", no figures, no history) when the
  // published indicators withhold that group at the period, at the end of its base year or in
  // any month of the history shown; so are the parts of a split whose goals come from a
  // withheld sibling's base (the goal would give the base away).
  Result<targets::TargetReport> Targets(const Grant& grant, std::optional<core::Period> period,
                                        bool history);
  // The first month the targets of `plan` read at `period`: January of the year before the
  // earliest base year (base-year figures over 12 months, and rates compare with a year
  // before), and at least two years back.
  static core::Period FirstMonthRead(const model::TargetPlan& plan, core::Period period);
};

}  // namespace clusterscope::app
