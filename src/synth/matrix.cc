// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/synth/matrix.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <random>
#include <vector>

#include <fmt/format.h>

namespace clusterscope::synth {

Status MatrixOptions::Validate() const {
  if (regions < 2 || industries < 2) {
    return Status::InvalidArgument("a matrix needs 2 regions and 2 industries or more");
  }
  if (!(density > 0 && density <= 1)) {
    return Status::InvalidArgument("--density must be above 0 and at most 1");
  }
  if (years < 1 || years > 50) return Status::InvalidArgument("--years must be 1 to 50");
  return Status::Ok();
}

Result<std::size_t> WriteMatrix(const MatrixOptions& options, const std::string& path) {
  CLUSTERSCOPE_RETURN_IF_ERROR(options.Validate());
  std::unique_ptr<FILE, int (*)(FILE*)> out(std::fopen(path.c_str(), "w"), &std::fclose);
  if (!out) return Error(Status::Unavailable(fmt::format("cannot write {}", path)));
  std::mt19937_64 random(options.seed);
  std::uniform_real_distribution<double> uniform(0, 1);
  // Capability of each region and complexity of each industry: a region holds an industry with
  // probability 4 · density · capability · (1 − complexity), density on average.
  std::vector<double> capability(options.regions), complexity(options.industries);
  for (double& c : capability) c = uniform(random);
  for (double& q : complexity) q = uniform(random);
  std::lognormal_distribution<double> size(3.0, 1.5);
  std::normal_distribution<double> change(0.05, 0.08);
  std::fputs(options.years > 1 ? "region,industry,value,year\n" : "region,industry,value\n",
             out.get());
  std::size_t cells = 0;
  for (std::size_t r = 0; r < options.regions; ++r) {
    for (std::size_t p = 0; p < options.industries; ++p) {
      const double chance = 4 * options.density * capability[r] * (1 - complexity[p]);
      if (uniform(random) >= std::min(chance, 1.0)) continue;
      double value = size(random) * (1 + capability[r]);
      for (int y = 0; y < options.years; ++y) {
        if (options.years > 1) {
          fmt::print(out.get(), "R{:04},I{:03},{:.2f},{}\n", r + 1, p + 1, value, 2020 + y);
          value *= std::max(0.0, 1 + change(random));
        } else {
          fmt::print(out.get(), "R{:04},I{:03},{:.2f}\n", r + 1, p + 1, value);
        }
        ++cells;
      }
    }
  }
  if (std::ferror(out.get()) != 0) {
    return Error(Status::Unavailable(fmt::format("cannot write {}", path)));
  }
  return cells;
}

}  // namespace clusterscope::synth
