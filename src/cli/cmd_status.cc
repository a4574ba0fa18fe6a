// SPDX-License-Identifier: LicenseRef-ClusterScope
// `clusterscope status`: what a database holds, in a few lines.
#include <map>
#include <memory>

#include "command.h"
#include <fmt/format.h>

#include "clusterscope/app/registry_service.h"

namespace clusterscope::cli {

void RegisterStatus(CLI::App& app, Context& ctx) {
  auto* command = AddCommand(app, "status", "What the database holds: system, registry, months");
  auto verify = std::make_shared<bool>(false);
  command->add_flag("--verify", *verify,
                    "Also read every monthly fact segment whole and check its checksum (exit 6 "
                    "if one is damaged)");
  command->callback([&ctx, verify] {
    ctx.action = [&ctx, verify] {
      int code = 0;
      auto opened = OpenDatabase(ctx, code);
      if (!opened) return code;
      auto registry = opened->Service<app::RegistryService>();
      auto holdings = registry.Summary();
      if (!holdings) return Fail(holdings.error());
      const auto& above = holdings->above_scale;
      const auto* coverage = &holdings->monthly;
      const auto& system = opened->system();
      fmt::print("{}: {} ({}), {} clusters, {} parks\n", ctx.global.db, system.name_zh, system.code,
                 system.clusters.size(), system.parks.size());
      std::vector<std::string> years;
      for (const auto& [year, count] : above) years.push_back(fmt::format("{} {}", year, count));
      fmt::print("enterprises: {} registered; above scale: {}\n", holdings->enterprises,
                 years.empty() ? "-" : fmt::format("{}", fmt::join(years, ", ")));
      if (coverage->first) {
        const int months = coverage->last->Index() - coverage->first->Index() + 1;
        fmt::print(
            "monthly statistics: {} enterprise-months of {} enterprises, {}..{} ({} months)\n",
            coverage->rows, coverage->enterprises, coverage->first->ToString(),
            coverage->last->ToString(), months);
      } else {
        fmt::print("monthly statistics: none yet (clusterscope import monthly FILE)\n");
      }
      fmt::print("designations: {}; open data-quality warnings: {}\n", holdings->designations,
                 holdings->open_warnings);
      if (*verify) {
        auto checked = registry.VerifyMonthly();
        if (!checked) return Fail(checked.error());
        fmt::print("verified: {} fact segments, {:.1f} MB, checksums match\n", checked->first,
                   static_cast<double>(checked->second) / 1e6);
      }
      return static_cast<int>(kExitOk);
    };
  });
}

}  // namespace clusterscope::cli
