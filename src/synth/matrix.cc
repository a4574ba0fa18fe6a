// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/synth/matrix.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <random>
#include <vector>

#include <fmt/format.h>

#include "clusterscope/core/classification.h"

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

namespace {

// Shares of manufacturing output by division (Chongqing's mix, roughly): cars 36 and
// electronics 39 lead; the rest by weight, 1 for a small division.
std::map<int, double> DivisionWeights() {
  std::map<int, double> weight;
  for (int d = 13; d <= 43; ++d) weight[d] = 1;
  for (const auto& [d, w] :
       {std::pair{36, 17.0}, {39, 20.0}, {38, 5.0}, {26, 5.0}, {30, 5.0}, {31, 3.5}, {32, 3.5},
        {13, 4.0},           {14, 2.0},  {15, 2.0}, {27, 2.5}, {33, 3.0}, {34, 2.5}, {35, 2.5},
        {37, 2.0},           {29, 2.0},  {17, 1.5}, {22, 1.5}, {25, 1.5}, {28, 0.8}}) {
    weight[d] = w;
  }
  return weight;
}

// Within a division, its classes share the output unevenly (the same split everywhere, as a
// class's technology is): each class's share of its division. Draws from `random` in the
// order of the divisions and their classes.
std::map<int, std::vector<std::pair<std::string, double>>> ClassShares(
    const std::map<int, double>& weight, std::mt19937_64& random,
    std::lognormal_distribution<double>& size) {
  const auto& industries = core::IndustryClassification::Gbt4754();
  std::map<int, std::vector<std::pair<std::string, double>>> classes_of;
  for (const auto& [d, w] : weight) {
    double sum = 0;
    for (const auto* entry : industries.ClassesUnder(fmt::format("{:02d}", d))) {
      const double part = std::exp(size(random));
      classes_of[d].emplace_back(entry->code, part);
      sum += part;
    }
    for (auto& [code, part] : classes_of[d]) part /= sum;
  }
  return classes_of;
}

}  // namespace

Result<std::size_t> WriteProvinceBenchmark(const std::string& path, const std::string& county,
                                           int first_year, int last_year, std::uint64_t seed) {
  const auto counties = core::CountiesUnder(county.substr(0, 2));
  if (counties.size() < 2) {
    return Error(Status::InvalidArgument(fmt::format("no other counties beside {}", county)));
  }
  std::unique_ptr<FILE, int (*)(FILE*)> out(std::fopen(path.c_str(), "w"), &std::fclose);
  if (!out) return Error(Status::Unavailable(fmt::format("cannot write {}", path)));
  const std::map<int, double> weight = DivisionWeights();
  double weights = 0;
  for (const auto& [d, w] : weight) weights += w;
  std::mt19937_64 random(seed);
  std::uniform_real_distribution<double> uniform(0, 1);
  std::lognormal_distribution<double> size(0, 0.9);
  std::normal_distribution<double> noise(0, 0.06);
  // Each county's size and which divisions it has (larger counties have more).
  struct Holder {
    std::string name;
    double size = 0;
    std::map<int, double> share;  // its division mix, before the yearly changes
  };
  std::vector<Holder> holders;
  double total_size = 0;
  for (const auto* c : counties) {
    if (c->code == county) continue;
    Holder h{c->name, size(random), {}};
    total_size += h.size;
    holders.push_back(std::move(h));
  }
  for (auto& h : holders) {
    const double keep = std::min(0.95, 0.35 + 0.25 * h.size);
    for (const auto& [d, w] : weight) {
      if (uniform(random) < keep) h.share[d] = w * std::exp(noise(random) * 8);
    }
  }
  // 2.5 万亿元 (2.5e8 万元) in the first year, growing about 6 % a year, by division trend.
  const double first_total = 2.5e8;
  std::map<int, double> trend;
  for (const auto& [d, w] : weight) trend[d] = 0.06 + noise(random);
  trend[36] = 0.04;
  trend[39] = 0.08;
  // Each division's classes and their shares; a county makes some of them.
  auto classes_of = ClassShares(weight, random, size);
  std::fputs("region,industry,value,year\n", out.get());
  std::size_t cells = 0;
  for (const auto& h : holders) {
    double mix = 0;
    for (const auto& [d, w] : h.share) mix += w;
    for (const auto& [d, w] : h.share) {
      const double division = first_total * (h.size / total_size) * (w / mix) * (mix / weights);
      for (const auto& [code, part] : classes_of[d]) {
        if (uniform(random) > 0.6) continue;
        double value = division * part / 0.6;
        for (int year = first_year; year <= last_year; ++year) {
          std::fprintf(out.get(), "%s,%s,%.1f,%d\n", h.name.c_str(), code.c_str(), value, year);
          ++cells;
          value *= 1 + trend[d] + noise(random);
        }
      }
    }
  }
  if (std::fflush(out.get()) != 0) {
    return Error(Status::Unavailable(fmt::format("cannot write {}", path)));
  }
  return cells;
}

}  // namespace clusterscope::synth
