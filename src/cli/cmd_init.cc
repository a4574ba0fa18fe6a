// SPDX-License-Identifier: LicenseRef-ClusterScope
// `clusterscope init`: create or migrate a database and load its cluster system.
#include "command.h"
#include <fmt/format.h>

namespace clusterscope::cli {

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
      if (!result->targets_file.empty()) fmt::print("target plan: {}\n", result->targets_file);
      if (!result->chains_file.empty()) fmt::print("chain plan: {}\n", result->chains_file);
      if (!result->analytics_file.empty()) {
        fmt::print("analytics plan: {}\n", result->analytics_file);
      }
      return static_cast<int>(kExitOk);
    };
  });
}

}  // namespace clusterscope::cli
