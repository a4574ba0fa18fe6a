// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// A synthetic region x industry matrix for the analytics benchmark (`clusterscope synth
// --matrix`): regions of varying capability hold industries of varying complexity, so that the
// presence matrix is nested as real ones are. Deterministic for a seed. Written as the long CSV
// `analyze` reads: region,industry,value[,year].
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "clusterscope/core/status.h"

namespace clusterscope::synth {

struct MatrixOptions {
  std::size_t regions = 2900;
  std::size_t industries = 600;
  double density = 0.10;  // share of region x industry cells with a value
  int years = 1;          // > 1: a year column, 2020 onwards, values growing year by year
  std::uint64_t seed = 2349;
  Status Validate() const;
};

// Writes `path`; returns the number of cells written. InvalidArgument for bad options;
// Unavailable if the file cannot be written.
Result<std::size_t> WriteMatrix(const MatrixOptions& options, const std::string& path);

// A benchmark for the demo district (`synth --profile fuling` writes it as benchmark.csv): the
// above-scale industrial output (万元) of every other county of the province, by manufacturing
// class (divisions 13-43) and year, scaled to Chongqing's published total (about 2.5 万亿元 beside
// Fuling) and its mix (cars and electronics large). Synthetic; deterministic for a seed.
Result<std::size_t> WriteProvinceBenchmark(const std::string& path, const std::string& county,
                                           int first_year, int last_year, std::uint64_t seed);
}  // namespace clusterscope::synth
