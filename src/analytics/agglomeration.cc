// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/analytics/agglomeration.h"

#include <set>

#include "clusterscope/analytics/concentration.h"

namespace clusterscope::analytics {

Agglomeration Agglomerate(const std::vector<Plant>& plants,
                          const std::map<std::string, AreaFacts>* facts) {
  Agglomeration out;
  std::set<std::string> areas, industries;
  for (const auto& p : plants) {
    areas.insert(p.area);
    industries.insert(p.industry);
  }
  out.areas.assign(areas.begin(), areas.end());
  std::map<std::string, std::size_t> area_index;
  for (std::size_t r = 0; r < out.areas.size(); ++r) area_index[out.areas[r]] = r;
  const std::size_t n = out.areas.size();
  std::vector<double> all_by_area(n, 0.0);
  for (const auto& p : plants) all_by_area[area_index[p.area]] += p.size;
  // The total land and population are those of the areas with plants and facts.
  double land = 0, population = 0;
  if (facts != nullptr) {
    for (const auto& area : out.areas) {
      const auto it = facts->find(area);
      if (it == facts->end()) {
        out.areas_without_facts.push_back(area);
        continue;
      }
      land += it->second.land;
      population += it->second.population;
    }
  }
  for (const auto& industry : industries) {
    std::vector<double> by_area(n, 0.0), sizes;
    std::vector<std::size_t> count(n, 0);
    for (const auto& p : plants) {
      if (p.industry != industry) continue;
      by_area[area_index[p.area]] += p.size;
      ++count[area_index[p.area]];
      sizes.push_back(p.size);
    }
    IndustryAgglomeration a;
    a.industry = industry;
    a.plants = sizes.size();
    for (double v : by_area) a.total += v;
    a.plant_herfindahl = Herfindahl(sizes);
    a.ellison_glaeser = EllisonGlaeser(by_area, all_by_area, sizes);
    out.industries.push_back(a);
    if (facts == nullptr) continue;
    for (std::size_t r = 0; r < n; ++r) {
      if (count[r] == 0) continue;
      AreaClusterIndex cell{out.areas[r], industry, count[r], std::nullopt};
      if (const auto it = facts->find(out.areas[r]); it != facts->end()) {
        cell.index = LitzenbergerSternberg(
            by_area[r], a.total, it->second.land, land, it->second.population, population,
            static_cast<double>(count[r]), static_cast<double>(a.plants));
      }
      out.cluster_index.push_back(std::move(cell));
    }
  }
  return out;
}

}  // namespace clusterscope::analytics
