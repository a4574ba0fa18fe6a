// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/model/analytics_plan.h"

#include <map>

#include <fmt/format.h>

namespace clusterscope::model {

const IoSector* AnalyticsPlan::FindSector(std::string_view sector) const {
  for (const auto& s : sectors) {
    if (s.sector == sector) return &s;
  }
  return nullptr;
}

const IoSector* AnalyticsPlan::SectorOfClass(std::string_view industry_class) const {
  // The longest listed code that prefixes the class wins: a class listed in one sector and its
  // division in another belongs to the first.
  const IoSector* best = nullptr;
  std::size_t best_length = 0;
  for (const auto& s : sectors) {
    for (const auto& code : s.industries) {
      if (code.size() > best_length && industry_class.starts_with(code)) {
        best = &s;
        best_length = code.size();
      }
    }
  }
  return best;
}

std::string AnalyticsPlan::ClusterOf(const IoSector& sector, const ClusterSystem& system,
                                     const core::IndustryClassification& industries) const {
  if (!sector.cluster.empty()) return sector.cluster;
  std::string found;
  for (const auto& code : sector.industries) {
    for (const auto* cluster : system.ClustersUnder(code, industries)) {
      if (!found.empty() && found != cluster->code) return {};
      found = cluster->code;
    }
  }
  return found;
}

std::vector<Problem> AnalyticsPlan::Check(const ClusterSystem& system,
                                          const core::IndustryClassification& industries) const {
  std::vector<Problem> out;
  if (system_code != system.code) {
    out.push_back({"system", fmt::format("the plan is for '{}', the database holds '{}'",
                                         system_code, system.code)});
  }
  if (shift_share_years < 1 || shift_share_years > 30) {
    out.push_back({"shift_share_years", "must be between 1 and 30"});
  }
  if (related_industries < 0 || related_industries > 100) {
    out.push_back({"related_industries", "must be between 0 and 100"});
  }
  std::map<std::string, std::size_t> seen;
  std::map<std::string, std::string> code_owner;
  for (std::size_t i = 0; i < sectors.size(); ++i) {
    const auto& s = sectors[i];
    const std::string at = fmt::format("sectors[{}]", i);
    if (s.sector.empty()) out.push_back({at + ".sector", "must not be empty"});
    if (!seen.emplace(s.sector, i).second) {
      out.push_back({at + ".sector", fmt::format("'{}' is mapped twice", s.sector)});
    }
    if (!s.cluster.empty() && system.FindCluster(s.cluster) == nullptr) {
      out.push_back({at + ".cluster", fmt::format("no cluster '{}' in the system", s.cluster)});
    }
    for (std::size_t k = 0; k < s.industries.size(); ++k) {
      const auto& code = s.industries[k];
      const std::string key = fmt::format("{}.industries[{}]", at, k);
      if (industries.Find(code) == nullptr) {
        out.push_back({key, fmt::format("'{}' is not a GB/T 4754-2017 code", code)});
      } else if (auto [it, fresh] = code_owner.emplace(code, s.sector); !fresh) {
        out.push_back({key, fmt::format("'{}' is mapped to '{}' already", code, it->second)});
      }
    }
  }
  return out;
}

}  // namespace clusterscope::model
