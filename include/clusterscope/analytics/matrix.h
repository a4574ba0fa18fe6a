// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// A region x industry matrix of non-negative values (output, value added or employment), kept
// by cell: absent cells are 0. The regional-analytics functions (analytics/*.h) take it; the
// "national" totals are the sums over every region it holds. Pure, no storage.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "clusterscope/core/status.h"

namespace clusterscope::analytics {

class RegionIndustryMatrix {
 public:
  struct Cell {
    std::size_t region = 0;
    std::size_t industry = 0;
    double value = 0;
  };

  // Adds a cell, registering its region and industry on first sight. InvalidArgument for a
  // negative or non-finite value or an empty label; AlreadyExists for a cell given twice.
  Status Add(std::string_view region, std::string_view industry, double value);
  // Registers a region or industry without cells (a row or column of zeros).
  std::size_t AddRegion(std::string_view region);
  std::size_t AddIndustry(std::string_view industry);

  const std::vector<std::string>& regions() const { return regions_; }
  const std::vector<std::string>& industries() const { return industries_; }
  const std::vector<Cell>& cells() const { return cells_; }
  std::optional<std::size_t> FindRegion(std::string_view region) const;
  std::optional<std::size_t> FindIndustry(std::string_view industry) const;

  double Value(std::size_t region, std::size_t industry) const;  // 0 for an absent cell
  std::vector<double> RegionTotals() const;                      // x_r.
  std::vector<double> IndustryTotals() const;                    // x_.j
  double Total() const;                                          // x..
  // A region's row as a dense vector over the industries.
  std::vector<double> Row(std::size_t region) const;

 private:
  std::vector<std::string> regions_;
  std::vector<std::string> industries_;
  std::map<std::string, std::size_t, std::less<>> region_index_;
  std::map<std::string, std::size_t, std::less<>> industry_index_;
  std::vector<Cell> cells_;
  // By region << 32 | industry: a hash, since a benchmark of every county has millions of cells.
  std::unordered_map<std::uint64_t, std::size_t> cell_index_;
  static std::uint64_t CellKey(std::size_t region, std::size_t industry) {
    return static_cast<std::uint64_t>(region) << 32 | static_cast<std::uint64_t>(industry);
  }
};

// `matrix` with the row of `region` replaced by `row` (industry -> value): the region's own
// figures in place of a benchmark's. The region is added if the matrix lacks it. InvalidArgument
// for a negative value.
Result<RegionIndustryMatrix> ReplaceRow(const RegionIndustryMatrix& matrix,
                                        const std::string& region,
                                        const std::map<std::string, double>& row);
}  // namespace clusterscope::analytics
