// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Agglomeration from plant data (docs/analytics.md): the region's enterprises as plants in its
// towns or parks give each industry's Ellison–Glaeser index, and, with each area's land and
// population, each industry's Litzenberger–Sternberg cluster index in each area. Pure.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>
namespace clusterscope::analytics {
struct Plant {
  std::string area;      // town or park
  std::string industry;  // GB/T code at the level asked
  double size = 0;       // output (or employment)
};
struct AreaFacts {
  double land = 0;        // km²
  double population = 0;  // persons
};
struct IndustryAgglomeration {
  std::string industry;
  std::size_t plants = 0;
  double total = 0;
  std::optional<double> plant_herfindahl;  // H of the industry's plants
  std::optional<double> ellison_glaeser;   // γ across the areas
};
struct AreaClusterIndex {
  std::string area;
  std::string industry;
  std::size_t plants = 0;
  std::optional<double> index;  // Litzenberger–Sternberg; undefined where a divisor is 0
};
struct Agglomeration {
  std::vector<std::string> areas;                 // sorted
  std::vector<IndustryAgglomeration> industries;  // sorted by code
  // With area facts: every area x industry with a plant, by industry then area.
  std::vector<AreaClusterIndex> cluster_index;
  std::vector<std::string> areas_without_facts;  // areas with plants the facts do not give
};
// `facts`: land and population by area, or nullptr for no cluster index.
Agglomeration Agglomerate(const std::vector<Plant>& plants,
                          const std::map<std::string, AreaFacts>* facts);
}  // namespace clusterscope::analytics
