// SPDX-License-Identifier: LicenseRef-ClusterScope
// `clusterscope init`: create or migrate a database and load its cluster system.
#include <filesystem>

#include "command.h"
#include <fmt/format.h>

#ifndef CLUSTERSCOPE_SOURCE_SYSTEMS_DIR
#define CLUSTERSCOPE_SOURCE_SYSTEMS_DIR ""
#endif

namespace clusterscope::cli {
namespace {

// The shipped Fuling system: installed beside the binary (../share/clusterscope/systems), or in
// the source tree the binary was built from.
std::string DefaultSystemFile() {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::path exe = fs::read_symlink("/proc/self/exe", error);
  const fs::path installed = exe.parent_path() / "../share/clusterscope/systems/fuling-2349.toml";
  if (!error && fs::exists(installed)) return installed.lexically_normal().string();
  return (fs::path(CLUSTERSCOPE_SOURCE_SYSTEMS_DIR) / "fuling-2349.toml").string();
}

}  // namespace

void RegisterInit(CLI::App& app, Context& ctx) {
  auto* command = AddCommand(
      app, "init", "Create the database (or migrate it) and load a cluster system into it");
  auto system = std::make_shared<std::string>();
  command->add_option("--system", *system,
                      "Cluster system TOML file (default: the shipped Fuling 2349 system)");
  command->callback([&ctx, system] {
    ctx.action = [&ctx, system] {
      app::InitOptions options;
      options.db_path = ctx.global.db;
      options.system_path = system->empty() ? DefaultSystemFile() : *system;
      options.actor = ctx.global.actor;
      auto result = app::InitDatabase(options);
      if (!result) return Fail(result.error());
      fmt::print("{} {}: {} ({}), {} tiers, {} clusters, {} parks\n",
                 result->created ? "created" : "updated", options.db_path, result->system.name_zh,
                 result->system.code, result->system.tiers.size(), result->system.clusters.size(),
                 result->system.parks.size());
      return static_cast<int>(kExitOk);
    };
  });
}

}  // namespace clusterscope::cli
