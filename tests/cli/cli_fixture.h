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

  testutil::TempDir dir_;
};
