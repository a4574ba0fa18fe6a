// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The monthly report at national scale (470,000 enterprises x 36 months): the engine computes
// every group's indicators for December 2025 and renders the JSON; DuckDB runs the equivalent
// SQL over the same data (bench/duckdb/report.mjs) in the same run. The two must agree group
// by group. Also measured: building the panel, and laying one new month over a loaded panel.
// Counters of Report: duckdb_s, speed_vs_duckdb (goal: 10 or more), panel_bytes_ratio (the
// panel's bytes over the raw bytes of the facts it holds; goal 1.5 or less), mismatches (0).
// ColdProcess is what a user meets: `clusterscope report monthly` as a whole process from the
// closed store to the JSON (best of 3, the page cache warm), against DuckDB's warm query and
// its cold process on the same rows; vs_duckdb_warm is the goal's ratio (1.0 or more), with the
// peak memory (goal under 1 GiB). DistrictCold is the same for the demo district
// ($CLUSTERSCOPE_BENCH_DEMO_DB, made by `make bench`; goal under 50 ms). ColdProcess maps the
// engine's panel image the runs before it left; FirstAfterChange removes it before each run,
// as an import would, so the engine is built from the segments and the image written.
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench_util.h"
#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "clusterscope/engine/indicators.h"
#include "clusterscope/report/monthly_report.h"
#include "clusterscope/storage/store.h"

namespace {

using clusterscope::bench::Env;
using clusterscope::bench::Run;
namespace fs = std::filesystem;
using clusterscope::core::Period;

template <typename T>
T Check(clusterscope::Result<T> result) {
  if (!result) throw std::runtime_error(result.error().message());
  return std::move(*result);
}

constexpr Period kPeriod{2025, 12};

// The national database with its monthly facts, the engine built from it, and DuckDB's report.
struct Fixture {
  fs::path dir;
  std::unique_ptr<clusterscope::storage::Store> store;
  std::vector<clusterscope::model::Enterprise> registry;
  clusterscope::model::ClusterSystem system;
  clusterscope::model::MonthlyPanel facts;  // 2024-01 .. 2025-12
  std::unique_ptr<clusterscope::engine::Engine> engine;
  double load_seconds = 0;   // the store's current months into a panel
  double build_seconds = 0;  // the panel into the engine
  nlohmann::json duckdb;

  static Fixture& Get() {
    static Fixture fixture = Make();
    return fixture;
  }

 private:
  static Fixture Make() {
    Fixture f;
    const std::string enterprises = Env("CLUSTERSCOPE_BENCH_ENTERPRISES", "470000");
    f.dir = fs::path(Env("CLUSTERSCOPE_BENCH_DIR", CLUSTERSCOPE_BENCH_DEFAULT_DIR)) /
            fmt::format("generic-{}x36", enterprises);
    const std::string binary = CLUSTERSCOPE_BINARY;
    if (!fs::exists(f.dir / "done")) {
      fs::create_directories(f.dir);
      Run({binary, "synth", "--profile", "generic", "--enterprises", enterprises, "--months", "36",
           "--start", "2023-01", "--seed", "7", "--out", f.dir.string()},
          f.dir / "synth.log");
      Run({binary, "--db", (f.dir / "registry.db").string(), "init"}, f.dir / "init.log");
      for (const char* kind : {"enterprises", "scale"}) {
        Run({binary, "--db", (f.dir / "registry.db").string(), "import", kind,
             (f.dir / fmt::format("{}.csv", kind)).string(), "--max-issues", "1"},
            f.dir / "registry.log");
      }
      std::ofstream(f.dir / "done") << "ok\n";
    }
    const fs::path db = f.dir / "report.db";
    if (!fs::exists(f.dir / "report.done")) {
      fmt::print(stderr, "importing the national panel into {} (once)\n", db.string());
      for (const auto& p : {db, fs::path(db.string() + "-wal"), fs::path(db.string() + ".facts")}) {
        fs::remove_all(p);
      }
      fs::copy_file(f.dir / "registry.db", db);
      Run({binary, "--db", db.string(), "import", "monthly", (f.dir / "monthly.csv").string(),
           "--max-issues", "1"},
          f.dir / "report-import.log");
      std::ofstream(f.dir / "report.done") << "ok\n";
    }
    f.store = Check(clusterscope::storage::OpenSqliteStore(db.string()));
    f.system = *Check(f.store->LoadSystem());
    f.registry = Check(f.store->ListEnterprises({}));
    const auto started = std::chrono::steady_clock::now();
    f.facts = Check(f.store->CurrentMonthly({kPeriod.year - 1, 1}, kPeriod));
    f.load_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    f.engine = std::make_unique<clusterscope::engine::Engine>(f.system, f.registry);
    f.engine->Apply(f.facts);
    f.build_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() -
        f.load_seconds;

    // DuckDB gets the engine's group memberships, so that both compute over the same groups.
    {
      std::ofstream groups(f.dir / "groups.csv");
      groups << "uscc,kind,code\n";
      for (const auto& m : f.engine->Memberships()) {
        groups << m.uscc << ',' << m.kind << ',' << m.code << '\n';
      }
    }
    Run({"node", CLUSTERSCOPE_BENCH_DUCKDB_REPORT, f.dir.string(),
         (f.dir / "report.duckdb").string(), kPeriod.ToString()},
        f.dir / "duckdb-report.json");
    std::ifstream in(f.dir / "duckdb-report.json");
    f.duckdb = nlohmann::json::parse(in);
    return f;
  }
};

bool Near(double a, double b) { return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b)); }

// Group by group: frame size, sums, growth and both rankings.
std::size_t Mismatches(const clusterscope::engine::MonthlyIndicators& ours,
                       const nlohmann::json& theirs) {
  std::map<std::pair<std::string, std::string>, const nlohmann::json*> by_key;
  for (const auto& row : theirs.at("groups")) {
    by_key[{row.at("kind").get<std::string>(), row.at("code").get<std::string>()}] = &row;
  }
  std::size_t mismatches = by_key.size() != ours.groups.size() ? 1 : 0;
  for (const auto& g : ours.groups) {
    const auto it = by_key.find({g.kind, g.code});
    if (it == by_key.end()) {
      ++mismatches;
      continue;
    }
    const auto& row = *it->second;
    std::vector<std::string> top;
    for (const auto& r : g.top_by_output) top.push_back(r.uscc);
    std::vector<std::string> top_growth;
    for (const auto& r : g.top_by_growth) top_growth.push_back(r.uscc);
    const auto number = [&](const char* key) {  // DuckDB gives BIGINTs as JSON strings
      const auto& value = row.at(key);
      return value.is_string() ? std::stod(value.get<std::string>()) : value.get<double>();
    };
    const bool same = number("enterprises") == static_cast<double>(g.enterprises) &&
                      Near(number("ytd_output"), g.ytd[0]) &&
                      Near(number("ytd_output_base"), g.ytd_base[0]) &&
                      Near(number("month_output"), g.month_output) &&
                      number("declining") == static_cast<double>(g.declining_count) &&
                      number("losses") == static_cast<double>(g.loss_count) &&
                      row.at("top").get<std::vector<std::string>>() == top &&
                      (row.at("top_by_growth").is_null()
                           ? top_growth.empty()
                           : row.at("top_by_growth").get<std::vector<std::string>>() == top_growth);
    if (!same) {
      if (mismatches < 3) fmt::print(stderr, "mismatch in {} {}: {}\n", g.kind, g.code, row.dump());
      ++mismatches;
    }
  }
  return mismatches;
}

void Report(benchmark::State& state) {
  Fixture& f = Fixture::Get();
  clusterscope::engine::MonthlyIndicators indicators;
  std::size_t bytes = 0;
  for (auto _ : state) {
    indicators = f.engine->Compute(kPeriod);
    const std::string json = clusterscope::report::MonthlyReportJson(indicators);
    bytes = json.size();
    benchmark::DoNotOptimize(json.data());
  }
  const double duckdb_seconds = f.duckdb.at("seconds").get<double>();
  state.counters["duckdb_s"] = duckdb_seconds;
  state.counters["speed_vs_duckdb"] = benchmark::Counter(
      duckdb_seconds * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["groups"] = static_cast<double>(indicators.groups.size());
  state.counters["json_bytes"] = static_cast<double>(bytes);
  state.counters["mismatches"] = static_cast<double>(Mismatches(indicators, f.duckdb));
  const double raw = static_cast<double>(f.facts.rows()) *
                     (clusterscope::model::kMeasureCount * sizeof(double) + 2);
  state.counters["panel_bytes_ratio"] = static_cast<double>(f.engine->panel().ColumnBytes()) / raw;
  state.counters["load_s"] = f.load_seconds;
  state.counters["build_s"] = f.build_seconds;
}

// The fastest of `runs` whole-process runs of `argv`, with the peak memory of that run.
clusterscope::bench::ChildRun Fastest(const std::vector<std::string>& argv, const fs::path& out,
                                      int runs) {
  clusterscope::bench::ChildRun best;
  best.seconds = 1e300;
  for (int i = 0; i < runs; ++i) {
    auto run = Run(argv, out);
    if (run.seconds < best.seconds) best = std::move(run);
  }
  return best;
}

void ColdProcess(benchmark::State& state) {
  Fixture& f = Fixture::Get();
  clusterscope::bench::ChildRun best;
  for (auto _ : state) {
    best = Fastest({CLUSTERSCOPE_BINARY, "--db", (f.dir / "report.db").string(), "report",
                    "monthly", "--period", kPeriod.ToString(), "--format", "json"},
                   f.dir / "cold-report.json", 3);
  }
  const double warm = f.duckdb.at("seconds").get<double>();
  const double cold = f.duckdb.at("cold_seconds").get<double>();
  state.counters["seconds"] = best.seconds;
  state.counters["peak_rss_mib"] = static_cast<double>(best.peak_rss_kib) / 1024;
  state.counters["duckdb_warm_s"] = warm;
  state.counters["duckdb_cold_s"] = cold;
  state.counters["vs_duckdb_warm"] = warm / best.seconds;
  state.counters["vs_duckdb_cold"] = cold / best.seconds;
}

// The first report after the facts change (an import, an undo): the engine is built from the
// fact segments and its panel image written for the processes after it. Each run starts
// without an image (best of 2).
void FirstAfterChange(benchmark::State& state) {
  Fixture& f = Fixture::Get();
  clusterscope::bench::ChildRun best;
  best.seconds = 1e300;
  for (auto _ : state) {
    for (int i = 0; i < 2; ++i) {
      for (const auto& entry : fs::directory_iterator(f.dir / "report.db.facts")) {
        if (entry.path().extension() == ".cache") fs::remove(entry.path());
      }
      auto run = Run({CLUSTERSCOPE_BINARY, "--db", (f.dir / "report.db").string(), "report",
                      "monthly", "--period", kPeriod.ToString(), "--format", "json"},
                     f.dir / "cold-report.json");
      if (run.seconds < best.seconds) best = std::move(run);
    }
  }
  state.counters["seconds"] = best.seconds;
  state.counters["peak_rss_mib"] = static_cast<double>(best.peak_rss_kib) / 1024;
  state.counters["vs_duckdb_warm"] =
      Fixture::Get().duckdb.at("seconds").get<double>() / best.seconds;
}

void DistrictCold(benchmark::State& state) {
  const std::string db = Env("CLUSTERSCOPE_BENCH_DEMO_DB", "");
  if (db.empty()) {
    state.SkipWithError("set CLUSTERSCOPE_BENCH_DEMO_DB to a demo database (make bench does)");
    return;
  }
  clusterscope::bench::ChildRun best;
  for (auto _ : state) {
    best = Fastest({CLUSTERSCOPE_BINARY, "--db", db, "report", "monthly", "--format", "json"},
                   fs::path(db).parent_path() / "district-report.json", 10);
  }
  state.counters["seconds"] = best.seconds;
  state.counters["peak_rss_mib"] = static_cast<double>(best.peak_rss_kib) / 1024;
  state.counters["goal_ratio"] = 0.05 / best.seconds;  // 1 or more meets 50 ms
}

// The engine alone, without rendering the JSON.
void Compute(benchmark::State& state) {
  Fixture& f = Fixture::Get();
  for (auto _ : state) {
    auto indicators = f.engine->Compute(kPeriod);
    benchmark::DoNotOptimize(indicators.groups.data());
  }
}

// The JSON alone, from indicators computed once.
void Json(benchmark::State& state) {
  Fixture& f = Fixture::Get();
  const auto indicators = f.engine->Compute(kPeriod);
  for (auto _ : state) {
    const std::string json = clusterscope::report::MonthlyReportJson(indicators);
    benchmark::DoNotOptimize(json.data());
  }
}

// The engine built from the 24 months of facts, as a server does at start.
void Build(benchmark::State& state) {
  Fixture& f = Fixture::Get();
  for (auto _ : state) {
    auto engine = std::make_unique<clusterscope::engine::Engine>(f.system, f.registry);
    engine->Apply(f.facts);
    benchmark::DoNotOptimize(engine.get());
    state.PauseTiming();
    engine.reset();
    state.ResumeTiming();
  }
  state.counters["rows"] = static_cast<double>(f.facts.rows());
}

// One new month (December, 470,000 rows) laid over a panel loaded with the 23 before it.
void AddMonth(benchmark::State& state) {
  Fixture& f = Fixture::Get();
  clusterscope::model::MonthlyPanel earlier;
  clusterscope::model::MonthlyPanel december;
  for (std::size_t r = 0; r < f.facts.rows(); ++r) {
    auto& target = f.facts.period_index(r) == kPeriod.Index() ? december : earlier;
    target.Add(f.facts.Record(r));
  }
  earlier.Sort();
  december.Sort();
  for (auto _ : state) {
    state.PauseTiming();
    auto engine = std::make_unique<clusterscope::engine::Engine>(f.system, f.registry);
    engine->Apply(earlier);
    state.ResumeTiming();
    engine->Apply(december);
    benchmark::DoNotOptimize(engine.get());
    state.PauseTiming();
    engine.reset();
    state.ResumeTiming();
  }
  state.counters["rows"] = static_cast<double>(december.rows());
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  benchmark::RegisterBenchmark("DistrictCold", DistrictCold)
      ->Unit(benchmark::kMillisecond)
      ->Iterations(1);
  benchmark::RegisterBenchmark("FirstAfterChange", FirstAfterChange)
      ->Unit(benchmark::kMillisecond)
      ->Iterations(1);
  benchmark::RegisterBenchmark("ColdProcess", ColdProcess)
      ->Unit(benchmark::kMillisecond)
      ->Iterations(1);
  benchmark::RegisterBenchmark("Report", Report)->Unit(benchmark::kMillisecond)->MinTime(2.0);
  benchmark::RegisterBenchmark("Compute", Compute)->Unit(benchmark::kMillisecond)->MinTime(1.0);
  benchmark::RegisterBenchmark("Json", Json)->Unit(benchmark::kMillisecond)->MinTime(1.0);
  benchmark::RegisterBenchmark("Build", Build)->Unit(benchmark::kMillisecond)->Iterations(3);
  benchmark::RegisterBenchmark("AddMonth", AddMonth)->Unit(benchmark::kMillisecond)->Iterations(3);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
