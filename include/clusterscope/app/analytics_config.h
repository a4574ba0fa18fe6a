// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Loading a system's analytics plan from its TOML file (docs/analytics.md): the default
// benchmark, the region's row in it, the clusters' shift-share years and the input-output
// sectors mapped to GB/T codes and clusters; every problem as "file:line: key: what is wrong".
#pragma once
#include <string>

#include "clusterscope/core/status.h"
#include "clusterscope/model/analytics_plan.h"
#include "clusterscope/model/cluster_system.h"
namespace clusterscope::app {
// InvalidArgument lists every problem; `name` stands for the file in messages.
Result<model::AnalyticsPlan> LoadAnalyticsPlanText(const std::string& text, const std::string& name,
                                                   const model::ClusterSystem& system);
}  // namespace clusterscope::app
