// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The data generator behind `clusterscope synth`: a registry, the above-scale directory, monthly
// statistics and designations in the interchange formats, deterministic for a seed. The
// "fuling" profile is a district like Fuling, calibrated so that the first half of 2023
// reproduces the published figures; the "generic" profile makes any scale, streamed to disk.
// Plain functions; files are written under the output directory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "clusterscope/core/period.h"
#include "clusterscope/core/status.h"
#include "clusterscope/model/cluster_system.h"

namespace clusterscope::synth {

struct Options {
  std::string profile = "fuling";  // "fuling" or "generic"
  std::size_t enterprises = 1000;  // generic only: enterprises, all above scale throughout
  int months = 36;                 // generic only
  core::Period start{2021, 1};     // generic only; fuling covers 2021-01..2025-12
  std::uint64_t seed = 2349;
  std::string out_dir;
  bool xlsx = false;  // Excel workbooks (.xlsx) instead of CSV files

  Status Validate() const;
};

struct Summary {
  std::size_t enterprises = 0;
  std::size_t monthly_rows = 0;
  core::Period first;
  core::Period last;
  std::vector<std::string> files;  // written, in import order
};

// Called now and then with (enterprises done, total).
using Progress = std::function<void(std::size_t, std::size_t)>;

// The published first-half-2023 figures of Fuling (domain file §3) the profile reproduces, in
// 万元 and as growth fractions.
struct FulingTargets {
  static constexpr double kOutputH1 = 12'445'000;     // 1244.5 亿元 above-scale output
  static constexpr double kProfitH1 = 748'000;        // 74.8 亿元 total profit
  static constexpr double kAutomobileH1 = 1'061'000;  // 106.1 亿元, GB/T 4754 division 36
  static constexpr double kAutomobileGrowth = 0.067;
  static constexpr double kValueAddedGrowthReal = 0.088;  // at comparable prices
};
// Same-enterprise output growth of the city's sector categories in the first half of 2023.
double FulingSectorGrowth(std::string_view category);

// Writes enterprises.csv, scale.csv, designations.csv and monthly.csv under options.out_dir
// (created if missing). InvalidArgument for bad options or a system without the "sector"
// grouping the fuling profile needs; Unavailable if a file cannot be written.
Result<Summary> Generate(const model::ClusterSystem& system, const Options& options,
                         const Progress& progress = {});

}  // namespace clusterscope::synth
