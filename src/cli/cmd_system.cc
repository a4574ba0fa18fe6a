// SPDX-License-Identifier: LicenseRef-ClusterScope
// `clusterscope system show`: the cluster system of a database.
#include "command.h"
#include <fmt/format.h>

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
      auto workspace = OpenWorkspace(ctx, code);
      if (!workspace) return code;
      auto enterprises = workspace->store().ListEnterprises({});
      if (!enterprises) return Fail(enterprises.error());
      report::ClusterCounts counts;
      for (const auto& e : *enterprises) {
        if (!e.cluster.empty()) ++counts[e.cluster];
      }
      fmt::print("{}", *format == "json" ? report::SystemJson(workspace->system(), counts)
                                         : report::SystemText(workspace->system(), counts));
      return static_cast<int>(kExitOk);
    };
  });
}

}  // namespace clusterscope::cli
