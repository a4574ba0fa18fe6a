// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// A project's effect on the whole local economy (docs/analytics.md): its sales at full
// production taken as a change of final demand in its input-output sector, ΔX = L Δf, so that
// the total is the plant's own output (direct) and what its purchases set off in every sector
// (indirect), mapped to the clusters by the analytics plan. Pure.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "clusterscope/analytics/input_output.h"
#include "clusterscope/core/classification.h"
#include "clusterscope/model/analytics_plan.h"
#include "clusterscope/model/chain.h"
#include "clusterscope/model/cluster_system.h"
#include "clusterscope/model/project.h"
namespace clusterscope::analytics {
struct ProjectEffect {
  std::string sector;            // the project's sector; empty when none is found
  std::string matched_by;        // "enterprise" (its registered class), "link" (the chain link's
                                 // codes) or "cluster" (the one sector of its cluster)
  std::optional<double> direct;  // 万元 a year: sales at full production
  std::optional<double> total;   // Σ ΔX
  std::optional<double> multiplier;  // total / direct: the sector's output multiplier
  // ΔX summed by cluster, in the system's order, then "" for sectors of no cluster.
  std::vector<std::pair<std::string, double>> by_cluster;
  std::string note;  // why there is no figure: "no_sector", "no_sales"
};
// `industry_class`: the class of the enterprise that runs the project, when registered.
ProjectEffect EffectOf(const model::Project& project, const std::string& industry_class,
                       const model::ChainPlan* chains, const model::AnalyticsPlan& plan,
                       const InputOutputTable& table, const InputOutputAnalysis& analysis,
                       const model::ClusterSystem& system,
                       const core::IndustryClassification& industries);
}  // namespace clusterscope::analytics
