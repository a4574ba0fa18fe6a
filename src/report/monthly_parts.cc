// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "monthly_parts.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

namespace clusterscope::report::detail {

std::string KindTitle(const std::string& kind, Language language) {
  static const std::map<std::string, std::pair<const char*, const char*>> titles = {
      {"total", {"总体", "Total"}},
      {"tier", {"按集群层级", "By tier"}},
      {"cluster", {"按产业集群", "By cluster"}},
      {"park", {"按园区", "By park"}},
      {"town", {"按乡镇街道", "By town"}},
      {"division", {"按行业大类", "By industry division"}},
      {"class", {"按行业小类", "By industry class"}},
      {"sector", {"按工业门类", "By sector category"}},
      {"high_tech", {"高技术制造业", "High-tech manufacturing"}},
      {"strategic_emerging", {"战略性新兴产业", "Strategic emerging industries"}},
      {"list", {"重点企业名单", "Saved lists"}}};
  const auto it = titles.find(kind);
  if (it == titles.end()) return kind;
  return language == Language::kZh ? it->second.first : it->second.second;
}

std::string SignedPercent(const std::optional<double>& fraction) {
  return fraction ? fmt::format("{:+.1f}%", *fraction * 100) : "—";
}

std::string Yi(double wan) { return fmt::format("{:.1f}", wan / 1e4); }

const engine::GroupIndicators* TotalOf(const engine::MonthlyIndicators& indicators) {
  for (const auto& g : indicators.groups) {
    if (g.kind == "total") return &g;
  }
  return nullptr;
}

std::vector<Table> ReportTables(const engine::MonthlyIndicators& indicators) {
  std::vector<Table> tables;
  for (const auto& g : indicators.groups) {
    if (g.kind == "total" || g.kind == "class") continue;
    if (tables.empty() || tables.back().first != g.kind) tables.push_back({g.kind, {}});
    tables.back().second.push_back(&g);
  }
  for (auto& [kind, groups] : tables) {
    if (kind != "division" && kind != "town") continue;
    std::sort(groups.begin(), groups.end(),
              [](const auto* a, const auto* b) { return a->ytd[0] > b->ytd[0]; });
    if (groups.size() > 15) groups.resize(15);
  }
  return tables;
}

}  // namespace clusterscope::report::detail
