// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The national-scale monthly import (470,000 enterprises x 36 months, 16.9 M rows by default)
// through `clusterscope import monthly` -- full data-quality audit, durable segment, committed
// batch -- next to DuckDB's CSV load of the same file into a database on disk. Both run as
// child processes in every iteration, one after the other, so that the ratio of their speeds
// is measured side by side on this shared, noisy machine. Reported counters:
//   rows_per_s         ClusterScope's import speed (the benchmark's time)
//   duckdb_rows_per_s  DuckDB's load speed in the same iteration
//   speed_vs_duckdb    the ratio of the two (goal: 0.5 or more)
//   peak_rss_mib       ClusterScope's peak memory (goal: under 4096)
// Scale: CLUSTERSCOPE_BENCH_ENTERPRISES and CLUSTERSCOPE_BENCH_MONTHS; files are generated once
// into CLUSTERSCOPE_BENCH_DIR (default build/bench-data) and reused.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench_util.h"
#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace {

using clusterscope::bench::ChildRun;
using clusterscope::bench::Env;
using clusterscope::bench::Run;
namespace fs = std::filesystem;

// The generated files and a registry database to copy for each iteration, made once.
struct Fixture {
  fs::path dir;
  fs::path monthly;
  fs::path registry;
  std::size_t rows = 0;

  static const Fixture& Get() {
    static const Fixture fixture = Make();
    return fixture;
  }

 private:
  static Fixture Make() {
    const std::string enterprises = Env("CLUSTERSCOPE_BENCH_ENTERPRISES", "470000");
    const std::string months = Env("CLUSTERSCOPE_BENCH_MONTHS", "36");
    Fixture f;
    f.dir = fs::path(Env("CLUSTERSCOPE_BENCH_DIR", CLUSTERSCOPE_BENCH_DEFAULT_DIR)) /
            fmt::format("generic-{}x{}", enterprises, months);
    f.monthly = f.dir / "monthly.csv";
    f.registry = f.dir / "registry.db";
    fs::create_directories(f.dir);
    const std::string binary = CLUSTERSCOPE_BINARY;
    if (!fs::exists(f.dir / "done")) {
      fmt::print(stderr, "generating {} enterprises x {} months into {} (once)\n", enterprises,
                 months, f.dir.string());
      fs::remove(f.registry);
      Run({binary, "synth", "--profile", "generic", "--enterprises", enterprises, "--months",
           months, "--start", "2023-01", "--seed", "7", "--out", f.dir.string()},
          f.dir / "synth.log");
      Run({binary, "--db", f.registry.string(), "init"}, f.dir / "init.log");
      for (const char* kind : {"enterprises", "scale"}) {
        Run({binary, "--db", f.registry.string(), "import", kind,
             (f.dir / fmt::format("{}.csv", kind)).string(), "--max-issues", "1"},
            f.dir / "registry.log");
      }
      std::ofstream(f.dir / "done") << "ok\n";
    }
    std::ifstream in(f.monthly);
    std::string line;
    while (std::getline(in, line)) ++f.rows;
    f.rows -= 1;  // the header
    return f;
  }
};

void NationalImport(benchmark::State& state) {
  const Fixture& f = Fixture::Get();
  const fs::path work = f.dir / "work.db";
  const fs::path duck = f.dir / "duckdb.duckdb";
  double duckdb_seconds = 0;
  double ours_seconds = 0;
  long peak_rss = 0;
  for (auto _ : state) {
    // A fresh copy of the registry, without monthly facts, for every iteration.
    for (const auto& p :
         {work, fs::path(work.string() + "-wal"), fs::path(work.string() + "-shm"),
          fs::path(work.string() + ".facts"), duck, fs::path(duck.string() + ".wal")}) {
      fs::remove_all(p);
    }
    fs::copy_file(f.registry, work);

    // Alternate which goes first, so that neither always meets a warmer page cache.
    const bool ours_first = state.iterations() % 2 == 0;
    ChildRun ours;
    ChildRun theirs;
    const auto run_ours = [&] {
      ours = Run({CLUSTERSCOPE_BINARY, "--db", work.string(), "import", "monthly",
                  f.monthly.string(), "--format", "json"},
                 f.dir / "import.json");
    };
    const auto run_theirs = [&] {
      theirs = Run({"node", CLUSTERSCOPE_BENCH_DUCKDB_SCRIPT, f.monthly.string(), duck.string()},
                   f.dir / "duckdb.json");
    };
    if (ours_first) {
      run_ours();
      run_theirs();
    } else {
      run_theirs();
      run_ours();
    }
    const auto report = nlohmann::json::parse(ours.out);
    if (report.at("inserted").get<std::size_t>() != f.rows) {
      state.SkipWithError("the import did not insert every row");
      break;
    }
    const auto loaded = nlohmann::json::parse(theirs.out);
    if (loaded.at("rows").get<std::size_t>() != f.rows) {
      state.SkipWithError("DuckDB did not load every row");
      break;
    }
    state.SetIterationTime(ours.seconds);
    ours_seconds += ours.seconds;
    duckdb_seconds += loaded.at("seconds").get<double>();  // its load alone, not node's start
    peak_rss = std::max(peak_rss, ours.peak_rss_kib);
    fmt::print(stderr, "  iteration: clusterscope {:.1f} s ({}), duckdb {:.1f} s\n", ours.seconds,
               report.at("timings").dump(), loaded.at("seconds").get<double>());
  }
  const double rows = static_cast<double>(f.rows) * static_cast<double>(state.iterations());
  state.counters["rows"] = static_cast<double>(f.rows);
  state.counters["rows_per_s"] = rows / ours_seconds;
  state.counters["duckdb_rows_per_s"] = rows / duckdb_seconds;
  state.counters["speed_vs_duckdb"] = duckdb_seconds / ours_seconds;
  state.counters["peak_rss_mib"] = static_cast<double>(peak_rss) / 1024;
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  // Each iteration takes about a minute at national scale: a few are enough for a ratio.
  benchmark::RegisterBenchmark("NationalImport", NationalImport)
      ->UseManualTime()
      ->Unit(benchmark::kSecond)
      ->Iterations(std::stoi(Env("CLUSTERSCOPE_BENCH_ITERATIONS", "3")));
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
