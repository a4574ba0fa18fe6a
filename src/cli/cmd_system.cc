// SPDX-License-Identifier: LicenseRef-ClusterScope
// `clusterscope system show`: the cluster system of a database.
#include "command.h"
#include <fmt/format.h>

#include "clusterscope/app/registry_service.h"
#include "clusterscope/report/registry.h"

namespace clusterscope::cli {

void RegisterSystem(CLI::App& app, Context& ctx) {
  auto* group = AddCommand(app, "system", "The cluster system: tiers, clusters, parks, groupings");
  group->require_subcommand(1);
  auto* show = AddCommand(*group, "show", "Show the cluster system with enterprise counts");
  auto format = std::make_shared<std::string>();
  AddFormatOption(*show, *format);
  show->callback([&ctx, format] {
    ctx.action = [&ctx, format] {
      int code = 0;
      auto opened = OpenDatabase(ctx, code);
      if (!opened) return code;
      auto counts = opened->Service<app::RegistryService>().CountsByCluster();
      if (!counts) return Fail(counts.error());
      fmt::print("{}", *format == "json" ? report::SystemJson(opened->system(), *counts)
                                         : report::SystemText(opened->system(), *counts));
      return static_cast<int>(kExitOk);
    };
  });
}

}  // namespace clusterscope::cli
