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
#include "clusterscope/analytics/shift_share.h"
#include "clusterscope/core/classification.h"
#include "clusterscope/model/cluster_system.h"

namespace clusterscope::analytics {

struct ClusterQuotient {
  std::string cluster;
  std::string name_zh, name_en, tier;  // the system's, for those who render it
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

// A cluster's shift-share: the components of its industries summed (split divisions count for
// none, as above).
struct ClusterShift {
  std::string cluster;  // in the same order as ClusterQuotients::clusters
  ShiftShareComponents components;
  double base = 0;                    // the cluster's value in the base year
  std::optional<double> growth_rate;  // growth / base; undefined for a zero base
};
// The clusters' shift-share from a region's result by industry, in the system's order.
std::vector<ClusterShift> ClusterShiftShares(const ShiftShareResult& result,
                                             const RegionIndustryMatrix& base,
                                             const model::ClusterSystem& system,
                                             const core::IndustryClassification& industries);

// The clusters against a benchmark, as the monthly report, the dashboard and the API show them.
struct ClusterView {
  std::string benchmark;    // its name
  std::string region;       // the region's row
  std::string level;        // "division", "group" or "class"
  int year = 0;             // of the region's figures
  int benchmark_year = 0;   // of the benchmark's (0: it has no years)
  std::string period;       // the month the region's figures run to ("2025-10")
  bool annualised = false;  // a part year scaled to twelve months to sit beside whole years
  std::size_t regions = 0;  // in the benchmark
  // The region's codes the benchmark does not cover (left out of its total).
  std::vector<std::string> outside_benchmark;
  ClusterQuotients quotients;
  // The clusters' shift-share between two whole years held by both the database and the
  // benchmark; empty with `shift_note` saying why when there are none.
  int from = 0;
  int to = 0;
  std::vector<ClusterShift> shifts;
  ShiftShareComponents shift_total;  // the region's, over every industry
  std::string shift_note;
  std::vector<std::string> withheld;  // clusters whose figures disclosure control withholds
  // Blanks the figures of `clusters` (a published view withholds what the indicators do).
  void Withhold(const std::vector<std::string>& clusters);
};
}  // namespace clusterscope::analytics
