// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Disclosure control of a district's whole published set (issue 17): the months of 2025, each
// month's every group and quantity suppressed and then audited by the attacker's linear
// programmes, as `clusterscope audit disclosure --from 2025-01 --to 2025-12` does; side by side
// in the same run with the anchor, computing the same twelve months' indicators without control.
// Counters: seconds (goal: under 10), vs_compute (control and audit over computing), solves,
// figures withheld, exposed (0). The district is the demo's (synth --profile fuling), made once
// under the bench-data directory; CLUSTERSCOPE_BENCH_DISCLOSURE_DB names another database (the
// national panel's report.db, say) and CLUSTERSCOPE_BENCH_DISCLOSURE_MONTHS how many months.
#include <chrono>
#include <stdexcept>
#include <string>

#include "bench_util.h"
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "clusterscope/app/access.h"
#include "clusterscope/app/database.h"
#include "clusterscope/app/disclosure_service.h"
#include "clusterscope/app/statistics_service.h"

namespace {

using clusterscope::bench::Env;
using clusterscope::bench::Run;
namespace app = clusterscope::app;
namespace fs = std::filesystem;
using clusterscope::core::Period;

// The demo district's database, made by the command line once.
std::string DistrictDb() {
  const std::string given = Env("CLUSTERSCOPE_BENCH_DISCLOSURE_DB", "");
  if (!given.empty()) return given;
  const fs::path dir =
      fs::path(Env("CLUSTERSCOPE_BENCH_DIR", CLUSTERSCOPE_BENCH_DEFAULT_DIR)) / "fuling-district";
  const fs::path db = dir / "district.db";
  if (fs::exists(dir / "done")) return db.string();
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string bin = CLUSTERSCOPE_BINARY;
  const fs::path log = dir / "make.log";
  Run({bin, "synth", "--profile", "fuling", "--out", (dir / "data").string()}, log);
  Run({bin, "--db", db.string(), "init"}, log);
  for (const char* kind : {"enterprises", "scale", "monthly", "prices"}) {
    Run({bin, "--db", db.string(), "import", kind,
         (dir / "data" / (std::string(kind) + ".csv")).string()},
        log);
  }
  std::ofstream(dir / "done") << "ok\n";
  return db.string();
}

void BM_PublishedYear(benchmark::State& state) {
  auto db = app::Database::Open(DistrictDb());
  if (!db) throw std::runtime_error(db.error().message());
  const auto caller = app::Caller::CommandLine("bench");
  auto grant = app::Access(**db, caller).Open(app::Subject::kIndicators, "bench", "disclosure");
  if (!grant) throw std::runtime_error(grant.error().message());
  const int months = std::stoi(Env("CLUSTERSCOPE_BENCH_DISCLOSURE_MONTHS", "12"));
  app::DisclosureAuditOptions options;
  options.from = Period{2025, 12 - months + 1};
  options.to = Period{2025, 12};
  double seconds = 0;
  double compute = 0;
  std::size_t solves = 0;
  std::size_t withheld = 0;
  std::size_t exposed = 0;
  for (auto _ : state) {
    // The anchor: the same months computed without control.
    const auto begun = std::chrono::steady_clock::now();
    auto series = app::StatisticsService(**db, caller).IndicatorSeries(*grant, options.to, months);
    if (!series) throw std::runtime_error(series.error().message());
    compute = std::chrono::duration<double>(std::chrono::steady_clock::now() - begun).count();
    auto audited = app::DisclosureService(**db, caller).Audit(*grant, options);
    if (!audited) throw std::runtime_error(audited.error().message());
    seconds = 0;
    solves = withheld = exposed = 0;
    for (const auto& month : *audited) {
      seconds += month.seconds;
      solves += month.control.solves;
      withheld += month.control.withheld_primary + month.control.withheld_secondary +
                  month.control.withheld_same_as;
      exposed += month.exposures.size();
    }
    benchmark::DoNotOptimize(audited);
  }
  state.counters["seconds"] = seconds;
  state.counters["vs_compute"] = compute > 0 ? seconds / compute : 0;
  state.counters["solves"] = static_cast<double>(solves);
  state.counters["withheld"] = static_cast<double>(withheld);
  state.counters["exposed"] = static_cast<double>(exposed);
}
BENCHMARK(BM_PublishedYear)->Unit(benchmark::kSecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
