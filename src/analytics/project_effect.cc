// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/analytics/project_effect.h"

#include <algorithm>
#include <map>

namespace clusterscope::analytics {
namespace {

// The sector covering a GB/T code of any level: one listing the code or a prefix of it.
const model::IoSector* SectorOfCode(const model::AnalyticsPlan& plan, const std::string& code) {
  return code.empty() ? nullptr : plan.SectorOfClass(code);
}

}  // namespace

ProjectEffect EffectOf(const model::Project& project, const std::string& industry_class,
                       const model::ChainPlan* chains, const model::AnalyticsPlan& plan,
                       const InputOutputTable& table, const InputOutputAnalysis& analysis,
                       const model::ClusterSystem& system,
                       const core::IndustryClassification& industries) {
  ProjectEffect effect;
  // The sector: by the running enterprise's class, else the link's codes, else the only
  // sector counting for the project's cluster, else the sector of the cluster's first code.
  const model::IoSector* sector = SectorOfCode(plan, industry_class);
  if (sector != nullptr) effect.matched_by = "enterprise";
  if (sector == nullptr && chains != nullptr && !project.chain.empty()) {
    for (const auto& chain : chains->chains) {
      if (chain.code != project.chain) continue;
      if (const auto* link = chain.FindLink(project.link)) {
        for (const auto& code : link->classes) {
          if ((sector = SectorOfCode(plan, code)) != nullptr) break;
        }
      }
    }
    if (sector != nullptr) effect.matched_by = "link";
  }
  if (sector == nullptr && !project.cluster.empty()) {
    std::vector<const model::IoSector*> of_cluster;
    for (const auto& s : plan.sectors) {
      if (plan.ClusterOf(s, system, industries) == project.cluster) of_cluster.push_back(&s);
    }
    if (of_cluster.size() == 1) {
      sector = of_cluster.front();
    } else if (const auto* cluster = system.FindCluster(project.cluster)) {
      // No sector counts for the cluster as a whole: the sector of its first code held.
      for (const auto& code : cluster->classes.include) {
        if ((sector = SectorOfCode(plan, code)) != nullptr) break;
      }
    }
    if (sector != nullptr) effect.matched_by = "cluster";
  }
  double sales = 0;
  bool any_sales = false;
  for (const auto& phase : project.phases) {
    if (phase.annual_sales) {
      sales += *phase.annual_sales;
      any_sales = true;
    }
  }
  if (any_sales) effect.direct = sales;
  const auto at = sector == nullptr
                      ? table.sectors.end()
                      : std::find(table.sectors.begin(), table.sectors.end(), sector->sector);
  if (at == table.sectors.end()) {
    effect.note = "no_sector";
    return effect;
  }
  effect.sector = sector->sector;
  if (!any_sales) {
    effect.note = "no_sales";
    return effect;
  }
  const auto s = static_cast<std::size_t>(at - table.sectors.begin());
  std::map<std::string, double> by_cluster;
  double total = 0;
  for (std::size_t i = 0; i < table.sectors.size(); ++i) {
    const double change = analysis.leontief_inverse[i][s] * sales;
    total += change;
    const auto* mapped = plan.FindSector(table.sectors[i]);
    by_cluster[mapped != nullptr ? plan.ClusterOf(*mapped, system, industries) : ""] += change;
  }
  effect.total = total;
  if (sales > 0) effect.multiplier = total / sales;
  for (const auto& cluster : system.clusters) {
    if (const auto it = by_cluster.find(cluster.code); it != by_cluster.end()) {
      effect.by_cluster.emplace_back(cluster.code, it->second);
    }
  }
  if (const auto it = by_cluster.find(""); it != by_cluster.end()) {
    effect.by_cluster.emplace_back("", it->second);
  }
  return effect;
}

}  // namespace clusterscope::analytics
