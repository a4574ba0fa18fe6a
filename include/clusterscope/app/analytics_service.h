// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Regional analytics on the database (docs/analytics.md): the analytics plan, the benchmarks
// kept, the input-output table, the clusters against a benchmark (location quotients and
// shift-share, withheld in the published form where the indicators withhold), the region's row
// in a benchmark, and the above-scale enterprises as plants for the agglomeration indices.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "clusterscope/analytics/agglomeration.h"
#include "clusterscope/analytics/cluster_quotients.h"
#include "clusterscope/analytics/input_output.h"
#include "clusterscope/analytics/matrix.h"
#include "clusterscope/app/access.h"
#include "clusterscope/app/service.h"
#include "clusterscope/chains/pipeline.h"
#include "clusterscope/chains/work.h"
#include "clusterscope/core/period.h"
#include "clusterscope/core/status.h"
#include "clusterscope/model/analytics_plan.h"
#include "clusterscope/model/chain.h"

namespace clusterscope::app {

struct BenchmarkOptions {
  std::string benchmark;  // a kept benchmark; empty: the analytics plan's default
  // A benchmark read from a file instead (by year), named `file` in messages.
  const std::map<int, analytics::RegionIndustryMatrix>* matrices = nullptr;
  std::string file;
  int year = 0;                    // of the region's figures; 0: the latest held
  std::optional<core::Period> at;  // the region's figures to this month (instead of `year`)
  std::string region;  // its row in the benchmark; empty: the plan's, else the county's name
  // The clusters the published form withholds, when the caller has them already (the monthly
  // report, by its own disclosure rules); else found by the default rules.
  const std::vector<std::string>* withheld = nullptr;
};

// The above-scale enterprises as plants for the agglomeration indices.
struct PlantData {
  core::Period period;
  std::vector<analytics::Plant> plants;
  std::size_t without_area = 0;
};

class AnalyticsService : public Service {
 public:
  using Service::Service;

  // The analytics plan: checked against the system and made current.
  Result<model::AnalyticsPlan> LoadPlan(const std::string& path);
  // The current one; NotFound if none was loaded.
  Result<model::AnalyticsPlan> Plan();
  // Checks an input-output table (CSV or .xlsx; docs/file_formats.md) and makes it current;
  // earlier tables stay as history. InvalidArgument naming every bad row, or for a singular
  // I − A; a sector the analytics plan maps must be in the table.
  Result<analytics::InputOutputTable> ImportInputOutput(const std::string& path);
  // The current table; NotFound if none was imported.
  Result<analytics::InputOutputTable> InputOutput();
  // A stored benchmark by year, read once per data version for the process; NotFound naming
  // the benchmarks held.
  using BenchmarkYears = std::map<int, analytics::RegionIndustryMatrix>;
  Result<std::shared_ptr<const BenchmarkYears>> Benchmark(const std::string& name);

  // The clusters against a benchmark (kIndicators): location quotients in `year` and the
  // shift-share between whole years held by both; in the published form the clusters the
  // indicators withhold have no figures. NotFound without a benchmark.
  Result<analytics::ClusterView> BenchmarkClusters(const Grant& grant,
                                                   const BenchmarkOptions& options);
  // The benchmark's matrix for `options.year` (or `at`) with the region's own row from the
  // database (a part year annualised, codes the benchmark lacks left out), and the region's
  // name in it: what `analyze ... --benchmark NAME` computes on. The full form only: the
  // region's row by class can give an enterprise away.
  Result<std::pair<analytics::RegionIndustryMatrix, std::string>> RegionAgainstBenchmark(
      const Grant& grant, const BenchmarkOptions& options);
  // The above-scale enterprises as plants (kEnterprises, full form): year-to-date output at
  // December of `year` (0: the latest year, at its latest month), industry cut to `digits`,
  // area the town's (or with `by_park` the park's) name. Enterprises without one are counted.
  Result<PlantData> Plants(const Grant& grant, int year, int digits, bool by_park);

  // For each weak, at-risk or missing link, the benchmark's industries beside it ranked by
  // density and outlook gain, when a benchmark is chosen and held (else nothing).
  Status AddRelatedIndustries(core::Period period, chains::ChainReport& report);
  // Each project's direct and total effect, when an input-output table and the analytics plan
  // are held (else nothing).
  Status AddProjectEffects(const model::ChainPlan* chains, chains::Pipeline& pipeline);

 private:
  // The region's above-scale output year to date by GB/T 4754 code cut to `digits` (2 division,
  // 3 group, 4 class) in `year`: at its December, or at the latest month held in the latest
  // year (the period used is returned). NotFound for a year after the latest held.
  struct IndustryOutput {
    core::Period period;
    std::map<std::string, double> output;  // 万元
  };
  Result<IndustryOutput> OutputByIndustry(int year, int digits);
  // The same year to date at `period`.
  Result<IndustryOutput> OutputToPeriod(core::Period period, int digits);
  // The clusters against the benchmark in full.
  Result<analytics::ClusterView> Clusters(const BenchmarkOptions& options);
  // The benchmark of `options` with the region's own figures in its row, and the clusters'
  // view without quotients or shift-share (filled by the callers).
  struct RegionBenchmark {
    analytics::ClusterView view;
    analytics::RegionIndustryMatrix matrix;      // the benchmark's year with the region's row
    std::shared_ptr<const BenchmarkYears> kept;  // a kept benchmark's years
    const BenchmarkYears* given = nullptr;       // or the caller's
    int digits = 0;
    std::set<std::string> covered;  // the benchmark's industries, in any year
    const BenchmarkYears& Years() const { return given != nullptr ? *given : *kept; }
    std::optional<model::AnalyticsPlan> plan;
  };
  Result<RegionBenchmark> AgainstBenchmark(const BenchmarkOptions& options);
};

}  // namespace clusterscope::app
