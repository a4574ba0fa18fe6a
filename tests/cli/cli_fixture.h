// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The end-to-end fixture: runs the built clusterscope binary through a shell in a temporary
// directory with its own database, as a user would.
#pragma once

#include <cstdio>
#include <string>

#include "testutil.h"
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

struct CliRun {
  int exit_code = -1;
  std::string out;  // stdout and stderr together
};

class CliTest : public ::testing::Test {
 protected:
  CliRun Cli(const std::string& args) {
    const std::string command =
        fmt::format("cd '{}' && CLUSTERSCOPE_USER=e2e '{}' --db '{}' {} 2>&1", dir_.path().string(),
                    CLUSTERSCOPE_BINARY, dir_.Path("e2e.db"), args);
    CliRun run;
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) return run;
    char buffer[4096];
    std::size_t n = 0;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) run.out.append(buffer, n);
    const int status = pclose(pipe);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
  }

  // The demo district, as `make demo` builds it: synth --profile fuling with the shipped plans,
  // series, projects, prospects, the benchmark matrix and the input-output table. For use with
  // ASSERT_NO_FATAL_FAILURE.
  void LoadDemoDistrict() {
    const std::string demo = std::string(CLUSTERSCOPE_SOURCE_DIR) + "/demo/";
    ASSERT_EQ(Cli("synth --profile fuling --out data").exit_code, 0);
    ASSERT_EQ(Cli("init").exit_code, 0);
    for (const char* kind : {"enterprises", "scale", "designations", "monthly", "prices"}) {
      const CliRun run = Cli(fmt::format("import {0} data/{0}.csv --max-issues 3", kind));
      ASSERT_EQ(run.exit_code, 0) << run.out;
    }
    ASSERT_EQ(Cli("import relations data/relations.csv").exit_code, 0);
    for (const char* kind : {"series", "prospects", "projects"}) {
      const CliRun run = Cli(fmt::format("import {0} '{1}fuling-{0}.csv'", kind, demo));
      ASSERT_EQ(run.exit_code, 0) << run.out;
    }
    ASSERT_EQ(Cli("import matrix data/benchmark.csv --name chongqing-districts").exit_code, 0);
    ASSERT_EQ(Cli(fmt::format("import io '{}fuling-io.csv'", demo)).exit_code, 0);
  }

  testutil::TempDir dir_;
};
