// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/analytics/cluster_quotients.h"

#include <map>

#include <fmt/format.h>

namespace clusterscope::analytics {

Result<ClusterQuotients> ClusterLocationQuotients(const RegionIndustryMatrix& matrix,
                                                  const std::string& region,
                                                  const model::ClusterSystem& system,
                                                  const core::IndustryClassification& industries) {
  const auto r = matrix.FindRegion(region);
  if (!r) return Error(Status::NotFound(fmt::format("no region '{}' in the matrix", region)));
  ClusterQuotients out;
  // Each code's cluster: the one cluster its classes belong to, if there is exactly one.
  std::map<std::string, std::vector<std::size_t>> columns_of;  // cluster -> matrix columns
  for (std::size_t j = 0; j < matrix.industries().size(); ++j) {
    const std::string& code = matrix.industries()[j];
    const auto clusters = system.ClustersUnder(code, industries);
    if (clusters.empty()) {
      out.outside_clusters.push_back(code);
    } else if (clusters.size() > 1) {
      out.split_industries.push_back(code);
    } else {
      columns_of[clusters.front()->code].push_back(j);
    }
  }
  const auto row = matrix.Row(*r);
  const auto totals = matrix.IndustryTotals();
  double region_total = 0;
  for (double v : row) region_total += v;
  const double total = matrix.Total();
  for (const auto& cluster : system.clusters) {
    ClusterQuotient q;
    q.cluster = cluster.code;
    q.name_zh = cluster.name_zh;
    q.name_en = cluster.name_en;
    q.tier = cluster.tier;
    double in_region = 0, in_all = 0;
    for (std::size_t j : columns_of[cluster.code]) {
      q.industries.push_back(matrix.industries()[j]);
      in_region += row[j];
      in_all += totals[j];
    }
    q.region_share = region_total > 0 ? in_region / region_total : 0;
    q.benchmark_share = total > 0 ? in_all / total : 0;
    if (region_total > 0 && q.benchmark_share > 0) q.lq = q.region_share / q.benchmark_share;
    out.clusters.push_back(std::move(q));
  }
  return out;
}

std::vector<ClusterShift> ClusterShiftShares(const ShiftShareResult& result,
                                             const RegionIndustryMatrix& base,
                                             const model::ClusterSystem& system,
                                             const core::IndustryClassification& industries) {
  const auto r = base.FindRegion(result.region);
  std::map<std::string, ClusterShift> by_cluster;
  for (const auto& industry : result.industries) {
    const auto clusters = system.ClustersUnder(industry.industry, industries);
    if (clusters.size() != 1) continue;
    auto& shift = by_cluster[clusters.front()->code];
    Accumulate(shift.components, industry.components);
    if (const auto j = base.FindIndustry(industry.industry); r && j) {
      shift.base += base.Value(*r, *j);
    }
  }
  std::vector<ClusterShift> out;
  for (const auto& cluster : system.clusters) {
    ClusterShift shift = by_cluster[cluster.code];
    shift.cluster = cluster.code;
    if (shift.base > 0) shift.growth_rate = shift.components.growth / shift.base;
    out.push_back(std::move(shift));
  }
  return out;
}

void ClusterView::Withhold(const std::vector<std::string>& clusters) {
  for (const auto& code : clusters) {
    for (auto& q : quotients.clusters) {
      if (q.cluster != code) continue;
      q.lq.reset();
      q.region_share = 0;
    }
    for (auto& shift : shifts) {
      if (shift.cluster != code) continue;
      shift.components = {};
      shift.base = 0;
      shift.growth_rate.reset();
    }
    withheld.push_back(code);
  }
}

}  // namespace clusterscope::analytics
