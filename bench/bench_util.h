// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// What the benchmarks share: settings from the environment, and running a program (ours or
// DuckDB's) as a child process with its wall time and peak memory.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>

extern char** environ;

namespace clusterscope::bench {

namespace fs = std::filesystem;

struct ChildRun {
  double seconds = 0;
  long peak_rss_kib = 0;
  std::string out;
};

inline std::string Env(const char* name, const std::string& fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? value : fallback;
}

// Runs a program to completion with stdout to a file; throws on failure.
inline ChildRun Run(const std::vector<std::string>& argv, const fs::path& out_file) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  std::vector<char*> args;
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  const auto started = std::chrono::steady_clock::now();
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) throw std::runtime_error("cannot start " + argv[0]);
  // The peak memory is the child's own high-water mark (VmHWM), read while it runs: its
  // ru_maxrss would count the pages it shared with this process between fork and exec, and
  // this process holds the national fixture. Read every 10 ms; the peak comes before the exit.
  int status = 0;
  ChildRun run;
  const std::string proc_status = fmt::format("/proc/{}/status", pid);
  while (waitpid(pid, &status, WNOHANG) == 0) {
    std::ifstream proc(proc_status);
    for (std::string line; std::getline(proc, line);) {
      if (line.rfind("VmHWM:", 0) == 0) {
        run.peak_rss_kib = std::max(run.peak_rss_kib, std::strtol(line.c_str() + 6, nullptr, 10));
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::ifstream in(out_file);
  run.out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw std::runtime_error(fmt::format("{} failed (status {}): {}", fmt::join(argv, " "), status,
                                         run.out.substr(0, 2000)));
  }
  return run;
}

}  // namespace clusterscope::bench
