// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// An Enterprise is one registry record, keyed by its unified social credit code. Its cluster is
// either given explicitly or derived from the system's class mapping, and ClusterSource records
// which. Plain value type.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clusterscope/core/date.h"
#include "clusterscope/core/message.h"
#include "clusterscope/model/cluster_system.h"
#include "clusterscope/model/problem.h"

namespace clusterscope::model {

enum class ClusterSource {
  kNone = 0,      // no cluster: class unmapped and none given
  kExplicit = 1,  // given by the user
  kDerived = 2,   // from the system's industry-class mapping
};
std::string_view ClusterSourceName(ClusterSource source);
std::optional<ClusterSource> ParseClusterSource(std::string_view name);

struct Enterprise {
  std::string uscc;  // unified social credit code, validated
  std::string name;
  std::string industry_code;  // 4-digit GB/T 4754-2017 class
  std::string cluster;        // Cluster::code or empty
  ClusterSource cluster_source = ClusterSource::kNone;
  std::string park;  // Park::code or empty
  std::string town;  // 9-digit town code or empty
  std::optional<core::Date> founded;
  std::optional<bool> listed;
  std::string strategic_emerging;  // SEI 2018 code ("3", "3.1") or empty
  std::optional<double> land_km2;  // industrial land used, km²
  // Whether the enterprise's products are high-tech manufacturing, for a class the system reads
  // by enterprise (ClusterSystem::high_tech_by_enterprise); unset: not said.
  std::optional<bool> high_tech;
  std::map<int, bool> above_scale;  // year -> in the above-scale (规上) frame that year

  // The above-scale status for `year`, or nullopt if none was recorded.
  std::optional<bool> AboveScaleIn(int year) const;

  // Problems with the record against the system: credit code, class, cluster, park, town,
  // strategic-emerging code, negative land.
  std::vector<Problem> Check(const ClusterSystem& system,
                             const core::IndustryClassification& industries) const;
};

// Outcome of deriving an enterprise's cluster from its class and an optional explicit code.
struct ClusterAssignment {
  std::string cluster;
  ClusterSource source = ClusterSource::kNone;
  core::Text warning;  // set when the explicit cluster disagrees with the mapping, or unmapped
};
// Whether the enterprise counts as high-tech manufacturing (高技术制造业, 2017 list): its class is
// on the list, and for a partial class (* in the official table, listed by the system) the
// registry says so.
bool IsHighTech(const ClusterSystem& system, const Enterprise& e);

ClusterAssignment AssignCluster(const ClusterSystem& system, std::string_view industry_code,
                                std::string_view explicit_cluster);

}  // namespace clusterscope::model
