// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Loading a target plan from its TOML file (see docs/targets.md), checked against the cluster
// system it is for: every problem as "file:line: key: what is wrong".
#pragma once

#include <string>

#include "clusterscope/core/status.h"
#include "clusterscope/model/cluster_system.h"
#include "clusterscope/model/target.h"

namespace clusterscope::app {

// InvalidArgument lists every problem; NotFound if the file is missing.
Result<model::TargetPlan> LoadTargetPlanFile(const std::string& path,
                                             const model::ClusterSystem& system);
// The same from text; `name` stands for the file in messages.
Result<model::TargetPlan> LoadTargetPlanText(const std::string& text, const std::string& name,
                                             const model::ClusterSystem& system);

}  // namespace clusterscope::app
