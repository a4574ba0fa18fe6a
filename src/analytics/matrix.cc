// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/analytics/matrix.h"

#include <cmath>

#include <fmt/format.h>

namespace clusterscope::analytics {
namespace {

std::size_t Register(std::string_view label, std::vector<std::string>& labels,
                     std::map<std::string, std::size_t, std::less<>>& index) {
  const auto it = index.find(label);
  if (it != index.end()) return it->second;
  labels.emplace_back(label);
  index.emplace(std::string(label), labels.size() - 1);
  return labels.size() - 1;
}

}  // namespace

std::size_t RegionIndustryMatrix::AddRegion(std::string_view region) {
  return Register(region, regions_, region_index_);
}

std::size_t RegionIndustryMatrix::AddIndustry(std::string_view industry) {
  return Register(industry, industries_, industry_index_);
}

Status RegionIndustryMatrix::Add(std::string_view region, std::string_view industry, double value) {
  if (region.empty() || industry.empty()) {
    return Status::InvalidArgument("a cell needs a region and an industry");
  }
  if (!std::isfinite(value) || value < 0) {
    return Status::InvalidArgument(
        fmt::format("{} / {}: {} is not a value (values are 0 or more)", region, industry, value));
  }
  const std::size_t r = AddRegion(region);
  const std::size_t j = AddIndustry(industry);
  if (!cell_index_.emplace(CellKey(r, j), cells_.size()).second) {
    return Status::AlreadyExists(fmt::format("{} / {} is given twice", region, industry));
  }
  cells_.push_back({r, j, value});
  return Status::Ok();
}

std::optional<std::size_t> RegionIndustryMatrix::FindRegion(std::string_view region) const {
  const auto it = region_index_.find(region);
  return it == region_index_.end() ? std::nullopt : std::optional<std::size_t>(it->second);
}

std::optional<std::size_t> RegionIndustryMatrix::FindIndustry(std::string_view industry) const {
  const auto it = industry_index_.find(industry);
  return it == industry_index_.end() ? std::nullopt : std::optional<std::size_t>(it->second);
}

double RegionIndustryMatrix::Value(std::size_t region, std::size_t industry) const {
  const auto it = cell_index_.find(CellKey(region, industry));
  return it == cell_index_.end() ? 0.0 : cells_[it->second].value;
}

std::vector<double> RegionIndustryMatrix::RegionTotals() const {
  std::vector<double> totals(regions_.size(), 0.0);
  for (const auto& c : cells_) totals[c.region] += c.value;
  return totals;
}

std::vector<double> RegionIndustryMatrix::IndustryTotals() const {
  std::vector<double> totals(industries_.size(), 0.0);
  for (const auto& c : cells_) totals[c.industry] += c.value;
  return totals;
}

double RegionIndustryMatrix::Total() const {
  double total = 0;
  for (const auto& c : cells_) total += c.value;
  return total;
}

std::vector<double> RegionIndustryMatrix::Row(std::size_t region) const {
  std::vector<double> row(industries_.size(), 0.0);
  for (const auto& c : cells_) {
    if (c.region == region) row[c.industry] = c.value;
  }
  return row;
}

Result<RegionIndustryMatrix> ReplaceRow(const RegionIndustryMatrix& matrix,
                                        const std::string& region,
                                        const std::map<std::string, double>& row) {
  RegionIndustryMatrix out;
  for (const auto& r : matrix.regions()) out.AddRegion(r);
  out.AddRegion(region);
  for (const auto& c : matrix.cells()) {
    if (matrix.regions()[c.region] == region) continue;
    CLUSTERSCOPE_RETURN_IF_ERROR(
        out.Add(matrix.regions()[c.region], matrix.industries()[c.industry], c.value));
  }
  for (const auto& [industry, value] : row) {
    if (value == 0) continue;
    CLUSTERSCOPE_RETURN_IF_ERROR(out.Add(region, industry, value));
  }
  return out;
}

}  // namespace clusterscope::analytics
