// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// How a system's regional analytics tie to the product (docs/analytics.md): which benchmark
// matrix the monthly report and the dashboard hold the clusters against, the region's name in
// it, the years of the clusters' shift-share, and how the sectors of the input-output table map
// to GB/T 4754 codes and clusters (for a project's total effect). One TOML file per system,
// `<system>-analytics.toml`. Plain value types.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "clusterscope/core/classification.h"
#include "clusterscope/model/cluster_system.h"
#include "clusterscope/model/problem.h"
namespace clusterscope::model {
// A sector of the input-output table: the GB/T 4754 codes it covers (a project or a chain link
// finds its sector by them) and the cluster its output change counts for (empty: the one
// cluster its codes fall in, if there is exactly one; else none).
struct IoSector {
  std::string sector;  // as the table's header names it
  std::vector<std::string> industries;
  std::string cluster;
};
struct AnalyticsPlan {
  std::string system_code;
  std::string source;
  std::string region;          // the region's row in benchmark matrices ("涪陵区")
  std::string benchmark;       // the default benchmark (`import matrix --name`); empty: none
  int shift_share_years = 3;   // the clusters' shift-share runs over this many years to the last
  int related_industries = 5;  // industries listed for each missing or weak chain link
  std::vector<IoSector> sectors;
  const IoSector* FindSector(std::string_view sector) const;
  // The sector covering a 4-digit class (its class, group or division listed), or nullptr.
  const IoSector* SectorOfClass(std::string_view industry_class) const;
  // The cluster a sector's output counts for: its own, or the one its codes fall in; empty when
  // none or several.
  std::string ClusterOf(const IoSector& sector, const ClusterSystem& system,
                        const core::IndustryClassification& industries) const;
  // Unknown clusters or GB/T codes, sectors named twice, a class in two sectors, bad numbers.
  std::vector<Problem> Check(const ClusterSystem& system,
                             const core::IndustryClassification& industries) const;
};
}  // namespace clusterscope::model
