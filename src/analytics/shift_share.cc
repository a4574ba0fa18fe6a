// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/analytics/shift_share.h"

#include <map>
#include <set>

#include <fmt/format.h>

namespace clusterscope::analytics {
namespace {

// One year's figures by industry label: the region's and the nation's.
struct Year {
  std::map<std::string, double> region;  // e_rj
  std::map<std::string, double> nation;  // E_j
  double region_total = 0;               // e_r
  double nation_total = 0;               // E
};

Year YearOf(const RegionIndustryMatrix& m, const std::string& region) {
  Year y;
  const auto r = m.FindRegion(region);
  for (const auto& c : m.cells()) {
    const std::string& industry = m.industries()[c.industry];
    y.nation[industry] += c.value;
    y.nation_total += c.value;
    if (r && c.region == *r) {
      y.region[industry] += c.value;
      y.region_total += c.value;
    }
  }
  return y;
}

double At(const std::map<std::string, double>& values, const std::string& key) {
  const auto it = values.find(key);
  return it == values.end() ? 0.0 : it->second;
}

// The classic and Esteban-Marquillas components of one industry from year a to year b.
// Written without the region's own growth rate, so that an industry new to the region (e_rj0 =
// 0) is all regional share; E_j0 = 0 implies e_rj0 = 0, whose terms are then 0.
ShiftShareComponents Components(const Year& a, const Year& b, const std::string& industry) {
  const double e0 = At(a.region, industry), e1 = At(b.region, industry);
  const double n0 = At(a.nation, industry), n1 = At(b.nation, industry);
  const double national_index = b.nation_total / a.nation_total;  // 1 + G
  const double industry_index = n0 > 0 ? n1 / n0 : 0;             // 1 + g_j
  ShiftShareComponents c;
  c.growth = e1 - e0;
  c.national_share = e0 * (national_index - 1);
  c.industry_mix = e0 * (industry_index - national_index);
  c.regional_share = e1 - e0 * industry_index;
  if (e0 > 0) {
    const double shift_rate = e1 / e0 - industry_index;  // r_rj − g_j
    const double homothetic = a.region_total * n0 / a.nation_total;
    c.competitive = homothetic * shift_rate;
    c.allocation = (e0 - homothetic) * shift_rate;
  }
  return c;
}

ShiftShareResult::Gerfin GerfinOf(const Year& a, const Year& b) {
  ShiftShareResult::Gerfin g;
  if (a.region_total == 0 || a.nation_total == 0 || b.nation_total == 0) return g;
  // What the region would have with each industry growing as in the nation.
  double expected = 0;
  for (const auto& [industry, e0] : a.region) {
    const double n0 = At(a.nation, industry);
    if (n0 > 0) expected += e0 * At(b.nation, industry) / n0;
  }
  const double national_index = b.nation_total / a.nation_total;
  g.industry_mix = expected / a.region_total / national_index;
  if (expected > 0) g.regional_share = b.region_total / expected;
  g.net_total_shift = b.region_total / a.region_total / national_index;
  return g;
}

Status Check(const std::vector<const RegionIndustryMatrix*>& years, const std::string& region) {
  bool found = false;
  for (const auto* m : years) found = found || m->FindRegion(region).has_value();
  if (!found) return Status::NotFound(fmt::format("no region '{}' in the matrix", region));
  return Status::Ok();
}

}  // namespace

void Accumulate(ShiftShareComponents& sum, const ShiftShareComponents& c) {
  sum.growth += c.growth;
  sum.national_share += c.national_share;
  sum.industry_mix += c.industry_mix;
  sum.regional_share += c.regional_share;
  if (c.competitive) sum.competitive = sum.competitive.value_or(0) + *c.competitive;
  if (c.allocation) sum.allocation = sum.allocation.value_or(0) + *c.allocation;
}

Result<ShiftShareResult> DynamicShiftShare(const std::vector<const RegionIndustryMatrix*>& years,
                                           const std::string& region) {
  if (years.size() < 2) {
    return Error(Status::InvalidArgument("shift-share needs two years or more"));
  }
  CLUSTERSCOPE_RETURN_IF_ERROR(Check(years, region));
  std::vector<Year> figures;
  for (const auto* m : years) figures.push_back(YearOf(*m, region));
  for (std::size_t t = 0; t + 1 < figures.size(); ++t) {
    if (figures[t].nation_total == 0) {
      return Error(Status::InvalidArgument(
          "the nation's total is 0 in a base year: its growth is undefined"));
    }
  }
  // Every industry the region had in any year, in label order.
  std::set<std::string> industries;
  for (const auto& y : figures) {
    for (const auto& [industry, value] : y.region) industries.insert(industry);
  }
  ShiftShareResult result;
  result.region = region;
  for (const auto& industry : industries) {
    ShiftShareResult::Industry row{industry, {}};
    for (std::size_t t = 0; t + 1 < figures.size(); ++t) {
      Accumulate(row.components, Components(figures[t], figures[t + 1], industry));
    }
    // Esteban-Marquillas is defined only when every step had the industry in its base year.
    for (std::size_t t = 0; t + 1 < figures.size(); ++t) {
      if (At(figures[t].region, industry) <= 0) {
        row.components.competitive.reset();
        row.components.allocation.reset();
      }
    }
    Accumulate(result.total, row.components);
    result.industries.push_back(std::move(row));
  }
  result.gerfin = GerfinOf(figures.front(), figures.back());
  return result;
}

Result<ShiftShareResult> ShiftShare(const RegionIndustryMatrix& base,
                                    const RegionIndustryMatrix& end, const std::string& region) {
  return DynamicShiftShare({&base, &end}, region);
}

}  // namespace clusterscope::analytics
