// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Economic complexity of 2,900 regions x 600 industries (cells about 10 % filled, made by
// `clusterscope synth --matrix`), side by side in one run: the whole computation (RCA,
// presence, the second eigenvector by Lanczos on the sparse matrix, proximity, density, COI,
// COG), the eigenvector step alone, and the same eigenvector by a dense full decomposition of
// the region matrix with Eigen. Prints the ratio. Issue 8's goal: under 0.5 s, and at least 10x
// faster than the dense decomposition.
//   CLUSTERSCOPE_BENCH_REGIONS / CLUSTERSCOPE_BENCH_INDUSTRIES change the size.
#include <map>

#include "bench_util.h"
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "clusterscope/analytics/complexity.h"
#include "clusterscope/ingest/analytics_files.h"

namespace clusterscope::bench {
namespace {

analytics::RegionIndustryMatrix& Matrix() {
  static analytics::RegionIndustryMatrix matrix = [] {
    const fs::path dir = fs::path(CLUSTERSCOPE_BENCH_DEFAULT_DIR) / "complexity";
    fs::create_directories(dir);
    Run({CLUSTERSCOPE_BINARY, "synth", "--matrix", "--out", dir.string(), "--regions",
         Env("CLUSTERSCOPE_BENCH_REGIONS", "2900"), "--industries",
         Env("CLUSTERSCOPE_BENCH_INDUSTRIES", "600")},
        dir / "synth.out");
    auto years = ingest::ReadMatrixFile((dir / "matrix.csv").string());
    if (!years) throw std::runtime_error(years.error().ToString());
    return std::move(years->begin()->second);
  }();
  return matrix;
}

// The presence matrix as rows of column indices, as the eigenvector step takes it.
const std::vector<std::vector<std::size_t>>& PresenceRows() {
  static const auto rows = [] {
    auto result = analytics::Complexity(Matrix());
    if (!result) throw std::runtime_error(result.error().ToString());
    const std::size_t n = Matrix().industries().size();
    std::vector<std::size_t> slot(n, 0);
    std::size_t active = 0;
    for (std::size_t p = 0; p < n; ++p) {
      if (result->ubiquity[p] > 0) slot[p] = active++;
    }
    std::vector<std::vector<std::size_t>> out;
    for (std::size_t r = 0; r < Matrix().regions().size(); ++r) {
      std::vector<std::size_t> row;
      for (std::size_t p = 0; p < n; ++p) {
        if (result->presence[r * n + p]) row.push_back(slot[p]);
      }
      if (!row.empty()) out.push_back(std::move(row));
    }
    return std::make_pair(out, active);
  }();
  return rows.first;
}

std::size_t ActiveIndustries() {
  std::size_t most = 0;
  for (const auto& row : PresenceRows()) {
    for (std::size_t p : row) most = std::max(most, p + 1);
  }
  return most;
}

void BM_Complexity(benchmark::State& state) {
  const auto& matrix = Matrix();
  for (auto _ : state) {
    auto result = analytics::Complexity(matrix);
    if (!result) state.SkipWithError(result.error().ToString().c_str());
    benchmark::DoNotOptimize(result);
  }
  std::size_t present = 0;
  auto result = analytics::Complexity(matrix);
  for (auto p : result->presence) present += p;
  state.counters["regions"] = static_cast<double>(matrix.regions().size());
  state.counters["industries"] = static_cast<double>(matrix.industries().size());
  state.counters["cells"] = static_cast<double>(matrix.cells().size());
  state.counters["presence_share"] =
      static_cast<double>(present) / static_cast<double>(result->presence.size());
}

void BM_EigenvectorLanczos(benchmark::State& state) {
  const auto& rows = PresenceRows();
  const std::size_t columns = ActiveIndustries();
  for (auto _ : state) {
    auto second = analytics::detail::SecondEigenvector(rows, columns, false);
    benchmark::DoNotOptimize(second);
  }
}

void BM_EigenvectorDenseFull(benchmark::State& state) {
  const auto& rows = PresenceRows();
  const std::size_t columns = ActiveIndustries();
  for (auto _ : state) {
    auto second = analytics::detail::SecondEigenvector(rows, columns, true);
    benchmark::DoNotOptimize(second);
  }
}

BENCHMARK(BM_Complexity)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_EigenvectorLanczos)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_EigenvectorDenseFull)->Unit(benchmark::kMillisecond)->Iterations(2);

// Keeps each benchmark's time per iteration, to print the ratios after the table.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const auto& run : runs) {
      if (run.run_type == Run::RT_Iteration) {
        seconds[run.benchmark_name()] =
            run.real_accumulated_time / static_cast<double>(run.iterations);
      }
    }
    ConsoleReporter::ReportRuns(runs);
  }
  std::map<std::string, double> seconds;
};

}  // namespace
}  // namespace clusterscope::bench

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  clusterscope::bench::RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  const auto& s = reporter.seconds;
  const auto at = [&](const char* name) {
    const auto it = s.find(name);
    return it == s.end() ? 0.0 : it->second;
  };
  const double whole = at("BM_Complexity/min_time:2.000");
  const double lanczos = at("BM_EigenvectorLanczos/min_time:2.000");
  const double dense = at("BM_EigenvectorDenseFull/iterations:2");
  if (whole > 0 && dense > 0) {
    fmt::print("\ncomplexity, whole: {:.3f} s (goal: under 0.5 s)\n", whole);
    fmt::print("dense full eigendecomposition / whole computation: {:.1f}x (goal: 10x or more)\n",
               dense / whole);
    if (lanczos > 0) {
      fmt::print("dense full eigendecomposition / Lanczos eigenvector: {:.1f}x\n", dense / lanczos);
    }
  }
  benchmark::Shutdown();
  return 0;
}
