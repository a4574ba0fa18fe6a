// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Location quotients of a cluster system's clusters, for one region of a matrix whose
// industries are GB/T 4754 codes (classes, groups or divisions): how much more of its output a
// cluster makes in the region than in the whole of the matrix (docs/analytics.md). Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "clusterscope/analytics/matrix.h"
#include "clusterscope/core/classification.h"
#include "clusterscope/model/cluster_system.h"

namespace clusterscope::analytics {

struct ClusterQuotient {
  std::string cluster;
  std::optional<double> lq;    // undefined where the cluster has nothing in the whole matrix
  double region_share = 0;     // of the region's total over the matrix's industries
  double benchmark_share = 0;  // of the matrix's total
  std::vector<std::string> industries;  // the matrix's codes counted for the cluster
};

struct ClusterQuotients {
  std::vector<ClusterQuotient> clusters;  // in the system's order
  // Codes whose classes lie in several clusters (a division split between two clusters):
  // counted for none; a class-level matrix has none.
  std::vector<std::string> split_industries;
  std::vector<std::string> outside_clusters;  // codes of no cluster (or not GB/T 4754 codes)
};

// NotFound if the region is not in the matrix.
Result<ClusterQuotients> ClusterLocationQuotients(const RegionIndustryMatrix& matrix,
                                                  const std::string& region,
                                                  const model::ClusterSystem& system,
                                                  const core::IndustryClassification& industries);

}  // namespace clusterscope::analytics
