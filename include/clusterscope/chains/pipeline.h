// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The investment pipeline's effect on the targets and its alerts (docs/chains.md): how much a
// group's annual sales grow from the projects still ramping up or not yet producing, weighted
// by the chance that a project at its stage is realised.
#pragma once

#include <string>
#include <vector>

#include "clusterscope/core/date.h"
#include "clusterscope/model/project.h"

namespace clusterscope::chains {

struct ProjectContribution {
  const model::Project* project = nullptr;
  double sales_now = 0;     // 万元 in the 12 months to now
  double sales_target = 0;  // 万元 in the target year
  double weight = 0;        // realisation chance at its stage
  double addition = 0;      // weight x (sales_target - sales_now), never below 0
};

struct PipelineAddition {
  double total = 0;                           // 万元, weighted
  std::vector<ProjectContribution> projects;  // those adding something, largest first
};

// Projects of the group `group` ("total", "cluster:<code>", "park:<code>"; others get nothing)
// between the 12 months ending `now` and the year ending `target_end`.
PipelineAddition AdditionFor(const std::vector<model::Project>& projects,
                             const model::PipelineRules& rules, const std::string& group,
                             const core::Date& now, const core::Date& target_end);

}  // namespace clusterscope::chains
