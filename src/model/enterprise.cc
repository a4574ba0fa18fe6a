// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/model/enterprise.h"

#include <algorithm>

#include <fmt/format.h>

#include "clusterscope/core/credit_code.h"
#include "clusterscope/text/imports.h"

namespace clusterscope::model {

std::string_view ClusterSourceName(ClusterSource source) {
  switch (source) {
    case ClusterSource::kNone:
      return "none";
    case ClusterSource::kExplicit:
      return "explicit";
    case ClusterSource::kDerived:
      return "derived";
  }
  return "none";
}

std::optional<ClusterSource> ParseClusterSource(std::string_view name) {
  for (const auto source :
       {ClusterSource::kNone, ClusterSource::kExplicit, ClusterSource::kDerived}) {
    if (ClusterSourceName(source) == name) return source;
  }
  return std::nullopt;
}

std::optional<bool> Enterprise::AboveScaleIn(int year) const {
  const auto it = above_scale.find(year);
  if (it == above_scale.end()) return std::nullopt;
  return it->second;
}

std::vector<Problem> Enterprise::Check(const ClusterSystem& system,
                                       const core::IndustryClassification& industries) const {
  std::vector<Problem> problems;
  if (const Status s = core::ValidateCreditCode(uscc); !s.ok()) {
    problems.push_back({"uscc", s.message()});
  }
  if (name.empty()) problems.push_back({"name", "the enterprise name is missing"});
  if (const Status s = industries.CheckClass(industry_code); !s.ok()) {
    problems.push_back({"industry_code", s.message()});
  }
  if (!cluster.empty() && system.FindCluster(cluster) == nullptr) {
    problems.push_back(
        {"cluster", fmt::format("'{}' is not a cluster of {}", cluster, system.code)});
  }
  if (!park.empty() && system.FindPark(park) == nullptr) {
    problems.push_back({"park", fmt::format("'{}' is not a park of {}", park, system.code)});
  }
  if (!town.empty()) {
    const auto towns = core::TownsOf(system.region_code);
    bool known = towns.empty();  // no town list shipped for the region: accept the code as given
    for (const auto* t : towns) known = known || t->code == town;
    if (!known) {
      problems.push_back({"town", fmt::format("'{}' is not a town (乡镇街道) of region {}", town,
                                              system.region_code)});
    }
  }
  if (!strategic_emerging.empty() && core::FindStrategicEmerging(strategic_emerging) == nullptr) {
    problems.push_back(
        {"strategic_emerging", fmt::format("'{}' is not a category of the 2018 strategic emerging "
                                           "industries classification (1..9 or 1.1..9.2)",
                                           strategic_emerging)});
  }
  if (land_km2 && *land_km2 < 0) problems.push_back({"land_km2", "land area must not be negative"});
  if (high_tech == true && !core::HighTechCategoryOf(industry_code)) {
    problems.push_back({"high_tech", fmt::format("class {} is not on the high-tech manufacturing "
                                                 "list (2017): no enterprise of it is high-tech",
                                                 industry_code)});
  }
  return problems;
}

bool IsHighTech(const ClusterSystem& system, const Enterprise& e) {
  if (!core::HighTechCategoryOf(e.industry_code)) return false;
  const auto& partial = system.high_tech_by_enterprise;
  const bool by_enterprise =
      std::find(partial.begin(), partial.end(), e.industry_code) != partial.end();
  return !by_enterprise || e.high_tech == true;
}

ClusterAssignment AssignCluster(const ClusterSystem& system, std::string_view industry_code,
                                std::string_view explicit_cluster) {
  const Cluster* mapped = system.ClusterOfClass(industry_code);
  ClusterAssignment out;
  if (!explicit_cluster.empty()) {
    out.cluster = std::string(explicit_cluster);
    out.source = ClusterSource::kExplicit;
    if (system.ClusterMayHoldClass(explicit_cluster, industry_code)) {
      // the class's own cluster, or one that takes the class by enterprise: as the system says
    } else if (mapped == nullptr) {
      out.warning = core::Say(text::kClassMapsToNoCluster, industry_code, explicit_cluster);
    } else if (mapped->code != explicit_cluster) {
      out.warning = core::Say(text::kClassMapsToOtherCluster, industry_code, mapped->code,
                              explicit_cluster, explicit_cluster);
    }
    return out;
  }
  if (mapped != nullptr) {
    out.cluster = mapped->code;
    out.source = ClusterSource::kDerived;
    return out;
  }
  out.warning = core::Say(text::kClassInNoCluster, industry_code, system.code);
  return out;
}

}  // namespace clusterscope::model
