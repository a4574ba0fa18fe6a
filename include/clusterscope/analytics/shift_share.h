// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Shift-share of a region between two years (docs/analytics.md); the nation is the sum of all
// regions of the matrices. Components are in the matrices' unit and add up:
//   growth = national_share + industry_mix + regional_share,
//   regional_share = competitive + allocation (Esteban-Marquillas),
// and Gerfin's multiplicative factors: (e_r1/e_r0) / (E1/E0) = industry_mix x regional_share.
// Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "clusterscope/analytics/matrix.h"

namespace clusterscope::analytics {

struct ShiftShareComponents {
  double growth = 0;          // e_r1 − e_r0
  double national_share = 0;  // e_r0 · G, G the nation's growth rate
  double industry_mix = 0;    // e_rj0 · (g_j − G)
  double regional_share = 0;  // e_rj0 · (r_rj − g_j)
  double net_total_shift() const { return industry_mix + regional_share; }
  // Esteban-Marquillas: ê_rj = e_r0 · E_j0/E0 is the region's industry with the nation's mix.
  // Undefined (nullopt) for an industry the region did not have in the base year.
  std::optional<double> competitive;  // ê_rj · (r_rj − g_j)
  std::optional<double> allocation;   // (e_rj0 − ê_rj) · (r_rj − g_j)
};

// Adds `c` to `sum`, component by component (competitive and allocation where defined).
void Accumulate(ShiftShareComponents& sum, const ShiftShareComponents& c);

struct ShiftShareResult {
  std::string region;
  ShiftShareComponents total;  // competitive and allocation summed over defined industries
  struct Industry {
    std::string industry;
    ShiftShareComponents components;
  };
  std::vector<Industry> industries;  // those with a value in either year
  // Gerfin: the region's growth index over the nation's, split into its industries' national
  // growth (industry_mix) and the region's own (regional_share); undefined when a total is 0.
  struct Gerfin {
    std::optional<double> industry_mix;
    std::optional<double> regional_share;
    std::optional<double> net_total_shift;
  } gerfin;
};

// Classic, Esteban-Marquillas and Gerfin shift-share of `region` from `base` to `end`: the two
// matrices may hold different regions and industries (a missing one is 0). NotFound if the
// region is in neither; InvalidArgument if the nation's base total is 0.
Result<ShiftShareResult> ShiftShare(const RegionIndustryMatrix& base,
                                    const RegionIndustryMatrix& end, const std::string& region);

// Dynamic shift-share: the classic components of each consecutive pair of `years` (oldest
// first) summed, by industry and in total; Gerfin's factors are those from first to last.
Result<ShiftShareResult> DynamicShiftShare(const std::vector<const RegionIndustryMatrix*>& years,
                                           const std::string& region);

}  // namespace clusterscope::analytics
