// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The end-to-end fixture: runs the built clusterscope binary through a shell in a temporary
// directory with its own database, as a user would.
#pragma once

#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <regex>
#include <string>
#include <thread>

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
    return Shell(fmt::format("CLUSTERSCOPE_USER=e2e '{}' --db '{}' {}", CLUSTERSCOPE_BINARY,
                             dir_.Path("e2e.db"), args));
  }

  // Any command, run by the shell in the test's directory.
  CliRun Shell(const std::string& command_line) {
    const std::string command =
        fmt::format("cd '{}' && {} 2>&1", dir_.path().string(), command_line);
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

  // `clusterscope serve --port 0` on the test's database, in the background: the port it chose
  // (0 when it did not start) and its process id, for StopServing.
  struct Serving {
    int port = 0;
    int pid = 0;
  };
  Serving Serve() {
    const std::string log = dir_.Path("serve.log");
    const std::string command =
        fmt::format("cd '{}' && '{}' --db e2e.db serve --port 0 > '{}' 2>&1 & echo $!",
                    dir_.path().string(), CLUSTERSCOPE_BINARY, log);
    Serving out;
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) return out;
    char pid_text[32] = {};
    if (fgets(pid_text, sizeof pid_text, pipe) != nullptr) out.pid = std::atoi(pid_text);
    pclose(pipe);
    for (int i = 0; i < 100 && out.port == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      std::smatch match;
      const std::string text = std::filesystem::exists(log) ? testutil::ReadFile(log) : "";
      if (std::regex_search(text, match, std::regex(R"(http://127\.0\.0\.1:(\d+)/)"))) {
        out.port = std::stoi(match[1]);
      }
    }
    return out;
  }
  static void StopServing(const Serving& serving) {
    if (serving.pid > 0) kill(serving.pid, SIGTERM);
  }

  testutil::TempDir dir_;
};
