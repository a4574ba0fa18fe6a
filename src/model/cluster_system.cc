// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/model/cluster_system.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

namespace clusterscope::model {
namespace {

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// True if the class (4 digits) lies under `code`, a section letter or a 2-4 digit prefix.
bool ClassUnder(std::string_view class_code, std::string_view code) {
  if (code.size() == 1 && code[0] >= 'A' && code[0] <= 'Z') {
    const auto* entry = core::IndustryClassification::Gbt4754().Find(class_code);
    return entry != nullptr && entry->section == code;
  }
  return StartsWith(class_code, code);
}

template <typename T>
void CheckUniqueCodes(const std::vector<T>& items, std::string_view list,
                      std::vector<Problem>& problems) {
  std::map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string key = fmt::format("{}[{}]", list, i);
    if (items[i].code.empty()) {
      problems.push_back({key + ".code", "code is missing"});
      continue;
    }
    if (items[i].name_zh.empty()) {
      problems.push_back(
          {key + ".name_zh", fmt::format("'{}' has no Chinese name", items[i].code)});
    }
    const auto [it, inserted] = seen.emplace(items[i].code, i);
    if (!inserted) {
      problems.push_back({key + ".code", fmt::format("duplicate code '{}' (also {}[{}])",
                                                     items[i].code, list, it->second)});
    }
  }
}

void CheckMapping(const ClassMapping& mapping, const std::string& key,
                  const core::IndustryClassification& industries, std::vector<Problem>& problems) {
  for (std::size_t i = 0; i < mapping.include.size(); ++i) {
    if (industries.Find(mapping.include[i]) == nullptr) {
      problems.push_back({fmt::format("{}.classes[{}]", key, i),
                          fmt::format("'{}' is not a GB/T 4754-2017 code", mapping.include[i])});
    }
  }
  for (std::size_t i = 0; i < mapping.exclude.size(); ++i) {
    const std::string& code = mapping.exclude[i];
    const std::string exclude_key = fmt::format("{}.exclude[{}]", key, i);
    if (industries.Find(code) == nullptr) {
      problems.push_back({exclude_key, fmt::format("'{}' is not a GB/T 4754-2017 code", code)});
      continue;
    }
    const bool under_include = std::any_of(
        mapping.include.begin(), mapping.include.end(),
        [&](const std::string& inc) { return code.size() > inc.size() && ClassUnder(code, inc); });
    if (!under_include) {
      problems.push_back({exclude_key, fmt::format("'{}' is not under any of the included codes; "
                                                   "excluding it changes nothing",
                                                   code)});
    }
  }
}

// A cluster's by-enterprise classes are real codes that its own mapping does not already cover.
void CheckByEnterprise(const Cluster& cluster, const std::string& key,
                       const core::IndustryClassification& industries,
                       std::vector<Problem>& problems) {
  const auto& codes = cluster.by_enterprise.include;
  for (std::size_t i = 0; i < codes.size(); ++i) {
    const std::string item = fmt::format("{}.by_enterprise[{}]", key, i);
    if (industries.Find(codes[i]) == nullptr) {
      problems.push_back({item, fmt::format("'{}' is not a GB/T 4754-2017 code", codes[i])});
    } else if (cluster.classes.Covers(codes[i]) ||
               std::any_of(cluster.classes.include.begin(), cluster.classes.include.end(),
                           [&](const std::string& inc) { return ClassUnder(inc, codes[i]); })) {
      problems.push_back({item, fmt::format("'{}' is already among cluster '{}''s own classes",
                                            codes[i], cluster.code)});
    }
  }
}

// The partial classes of the high-tech list are on that list.
void CheckHighTechByEnterprise(const std::vector<std::string>& codes,
                               std::vector<Problem>& problems) {
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (!core::HighTechCategoryOf(codes[i])) {
      problems.push_back(
          {fmt::format("high_tech_by_enterprise[{}]", i),
           fmt::format("'{}' is not a class of the high-tech manufacturing list (2017)",
                       codes[i])});
    }
  }
}

// Reports every class that more than one owner covers, one problem per pair of owners, so that
// a whole division mapped twice gives one line rather than a hundred.
template <typename T>
void CheckOverlaps(const std::vector<T>& owners, std::string_view list,
                   const core::IndustryClassification& industries, std::vector<Problem>& problems) {
  std::map<std::pair<std::size_t, std::size_t>, std::vector<std::string>> shared;
  for (const auto& entry : industries.entries()) {
    if (entry.level != 4) continue;
    std::vector<std::size_t> covering;
    for (std::size_t i = 0; i < owners.size(); ++i) {
      if (owners[i].classes.Covers(entry.code)) covering.push_back(i);
    }
    for (std::size_t a = 0; a < covering.size(); ++a) {
      for (std::size_t b = a + 1; b < covering.size(); ++b) {
        shared[{covering[a], covering[b]}].push_back(entry.code);
      }
    }
  }
  for (const auto& [pair, classes] : shared) {
    const auto& first = owners[pair.first];
    const auto& second = owners[pair.second];
    const std::size_t shown = std::min<std::size_t>(classes.size(), 5);
    std::vector<std::string> sample(classes.begin(), classes.begin() + static_cast<long>(shown));
    problems.push_back(
        {fmt::format("{}[{}].classes", list, pair.second),
         fmt::format("'{}' and '{}' both cover {} class{} ({}{}); a class may belong to one only: "
                     "narrow one mapping or add the classes to the other's exclude list",
                     first.code, second.code, classes.size(), classes.size() == 1 ? "" : "es",
                     fmt::join(sample, ", "), classes.size() > shown ? ", ..." : "")});
  }
}

bool IsDigits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

bool ClassMapping::Covers(std::string_view class_code) const {
  const auto under = [&](const std::string& code) { return ClassUnder(class_code, code); };
  return std::any_of(include.begin(), include.end(), under) &&
         std::none_of(exclude.begin(), exclude.end(), under);
}

const Category* Grouping::CategoryOf(std::string_view class_code) const {
  for (const auto& category : categories) {
    if (category.classes.Covers(class_code)) return &category;
  }
  return nullptr;
}

const Tier* ClusterSystem::FindTier(std::string_view tier_code) const {
  for (const auto& tier : tiers) {
    if (tier.code == tier_code) return &tier;
  }
  return nullptr;
}

const Cluster* ClusterSystem::FindCluster(std::string_view cluster_code) const {
  for (const auto& cluster : clusters) {
    if (cluster.code == cluster_code) return &cluster;
  }
  return nullptr;
}

const Park* ClusterSystem::FindPark(std::string_view park_code) const {
  for (const auto& park : parks) {
    if (park.code == park_code) return &park;
  }
  return nullptr;
}

const Grouping* ClusterSystem::FindGrouping(std::string_view grouping_code) const {
  for (const auto& grouping : groupings) {
    if (grouping.code == grouping_code) return &grouping;
  }
  return nullptr;
}

const DesignationType* ClusterSystem::FindDesignationType(std::string_view code_or_name) const {
  for (const auto& type : designation_types) {
    if (type.code == code_or_name || type.name_zh == code_or_name) return &type;
  }
  return nullptr;
}

const Cluster* ClusterSystem::ClusterOfClass(std::string_view class_code) const {
  for (const auto& cluster : clusters) {
    if (cluster.classes.Covers(class_code)) return &cluster;
  }
  return nullptr;
}

bool ClusterSystem::ClusterMayHoldClass(std::string_view cluster_code,
                                        std::string_view class_code) const {
  const Cluster* cluster = FindCluster(cluster_code);
  return cluster != nullptr &&
         (cluster->classes.Covers(class_code) || cluster->by_enterprise.Covers(class_code));
}

std::vector<const Cluster*> ClusterSystem::ClustersUnder(
    std::string_view industry_code, const core::IndustryClassification& industries) const {
  std::vector<const Cluster*> out;
  const auto classes = industries.ClassesUnder(industry_code);
  for (const auto& cluster : clusters) {
    for (const auto* entry : classes) {
      if (cluster.classes.Covers(entry->code)) {
        out.push_back(&cluster);
        break;
      }
    }
  }
  return out;
}

std::vector<const Cluster*> ClusterSystem::ClustersOfTier(std::string_view tier_code) const {
  std::vector<const Cluster*> out;
  for (const auto& cluster : clusters) {
    if (cluster.tier == tier_code) out.push_back(&cluster);
  }
  return out;
}

std::vector<Problem> ClusterSystem::Check(const core::IndustryClassification& industries) const {
  std::vector<Problem> problems;
  if (code.empty()) problems.push_back({"code", "the system has no code"});
  if (name_zh.empty()) problems.push_back({"name_zh", "the system has no Chinese name"});
  if (region_code.size() != 6 || !IsDigits(region_code)) {
    problems.push_back(
        {"region_code", fmt::format("'{}' is not a 6-digit division code", region_code)});
  } else if (!region_code.ends_with("00") && core::FindCounty(region_code) == nullptr) {
    problems.push_back({"region_code", fmt::format("'{}' is not a county-level division of "
                                                   "GB/T 2260 (2022)",
                                                   region_code)});
  }

  if (tiers.empty()) problems.push_back({"tiers", "the system has no tiers"});
  CheckUniqueCodes(tiers, "tiers", problems);
  for (std::size_t i = 0; i < tiers.size(); ++i) {
    if (tiers[i].output_threshold_yuan && *tiers[i].output_threshold_yuan < 0) {
      problems.push_back({fmt::format("tiers[{}].output_threshold_yuan", i),
                          "the output threshold must not be negative"});
    }
  }

  CheckUniqueCodes(clusters, "clusters", problems);
  for (std::size_t i = 0; i < clusters.size(); ++i) {
    const Cluster& cluster = clusters[i];
    const std::string key = fmt::format("clusters[{}]", i);
    if (FindTier(cluster.tier) == nullptr) {
      problems.push_back({key + ".tier", fmt::format("cluster '{}' names unknown tier '{}'",
                                                     cluster.code, cluster.tier)});
    }
    CheckMapping(cluster.classes, key, industries, problems);
    CheckByEnterprise(cluster, key, industries, problems);
    if (!cluster.parent_cluster.empty()) {
      if (parent == nullptr) {
        problems.push_back({key + ".parent", fmt::format("cluster '{}' names parent cluster '{}' "
                                                         "but the system has no parent system",
                                                         cluster.code, cluster.parent_cluster)});
      } else if (parent->FindCluster(cluster.parent_cluster) == nullptr) {
        problems.push_back(
            {key + ".parent", fmt::format("cluster '{}' names parent cluster '{}', which {} does "
                                          "not have",
                                          cluster.code, cluster.parent_cluster, parent->code)});
      }
    }
    if (parent != nullptr && parent->FindCluster(cluster.code) != nullptr) {
      problems.push_back({key + ".code", fmt::format("cluster code '{}' is also a cluster of the "
                                                     "parent system; codes must differ",
                                                     cluster.code)});
    }
  }
  CheckOverlaps(clusters, "clusters", industries, problems);

  CheckUniqueCodes(parks, "parks", problems);
  for (std::size_t i = 0; i < parks.size(); ++i) {
    if (parks[i].land_km2 && *parks[i].land_km2 < 0) {
      problems.push_back({fmt::format("parks[{}].land_km2", i), "land area must not be negative"});
    }
  }

  CheckUniqueCodes(groupings, "groupings", problems);
  for (std::size_t g = 0; g < groupings.size(); ++g) {
    const std::string list = fmt::format("groupings[{}].categories", g);
    if (groupings[g].categories.empty()) {
      problems.push_back({list, fmt::format("grouping '{}' has no categories", groupings[g].code)});
    }
    CheckUniqueCodes(groupings[g].categories, list, problems);
    for (std::size_t c = 0; c < groupings[g].categories.size(); ++c) {
      const std::string key = fmt::format("{}[{}]", list, c);
      if (groupings[g].categories[c].classes.empty()) {
        problems.push_back({key + ".classes", "a category needs at least one industry code"});
      }
      CheckMapping(groupings[g].categories[c].classes, key, industries, problems);
    }
    CheckOverlaps(groupings[g].categories, list, industries, problems);
  }

  CheckUniqueCodes(designation_types, "designation_types", problems);
  CheckHighTechByEnterprise(high_tech_by_enterprise, problems);
  return problems;
}

Status ClusterSystem::Validate(const core::IndustryClassification& industries) const {
  std::vector<Problem> problems;
  if (parent != nullptr) {
    for (auto& problem : parent->Check(industries)) {
      problems.push_back({"parent." + problem.key, std::move(problem.message)});
    }
  }
  for (auto& problem : Check(industries)) problems.push_back(std::move(problem));
  return ProblemsToStatus(problems);
}

}  // namespace clusterscope::model
