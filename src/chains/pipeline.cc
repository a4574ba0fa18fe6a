// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/chains/pipeline.h"

#include <algorithm>

namespace clusterscope::chains {

PipelineAddition AdditionFor(const std::vector<model::Project>& projects,
                             const model::PipelineRules& rules, const std::string& group,
                             const core::Date& now, const core::Date& target_end) {
  PipelineAddition out;
  for (const auto& p : projects) {
    const bool in_group = group == "total" || group == "cluster:" + p.cluster ||
                          group == "park:" + p.park || group == "park:*";
    if (!in_group || (group == "park:*" && p.park.empty())) continue;
    ProjectContribution c;
    c.project = &p;
    c.sales_now = model::SalesInYearTo(p, now);
    c.sales_target = model::SalesInYearTo(p, target_end);
    c.weight = rules.realisation[static_cast<std::size_t>(p.stage)];
    c.addition = std::max(0.0, c.weight * (c.sales_target - c.sales_now));
    if (c.addition <= 0) continue;
    out.total += c.addition;
    out.projects.push_back(c);
  }
  std::sort(out.projects.begin(), out.projects.end(),
            [](const ProjectContribution& a, const ProjectContribution& b) {
              return a.addition > b.addition;
            });
  return out;
}

}  // namespace clusterscope::chains
