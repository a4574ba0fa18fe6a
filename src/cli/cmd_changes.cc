// SPDX-License-Identifier: LicenseRef-ClusterScope
// `clusterscope changes`: the audit log of registry changes: who changed what, when, from which
// value to which. (`clusterscope audit` is the data-quality audit of monthly figures.)
#include "command.h"
#include <fmt/format.h>

#include "clusterscope/app/registry_service.h"
#include "clusterscope/report/registry.h"

namespace clusterscope::cli {

void RegisterChanges(CLI::App& app, Context& ctx) {
  auto filter = std::make_shared<model::AuditFilter>();
  auto format = std::make_shared<std::string>();
  auto* list =
      AddCommand(app, "changes", "The audit log: every change to registry data, newest first");
  list->add_option("--entity", filter->entity,
                   "enterprise, enterprise_scale, designation, system, series_value, target_plan, "
                   "chain_plan, project, prospect, supply_relation");
  list->add_option("--key", filter->entity_key, "Credit code or designation key");
  list->add_option("--limit", filter->limit, "At most this many (0: all)")->default_val(100);
  AddFormatOption(*list, *format);
  list->callback([&ctx, filter, format] {
    ctx.action = [&ctx, filter, format] {
      int code = 0;
      auto opened = OpenDatabase(ctx, code);
      if (!opened) return code;
      auto grant = opened->Grant(app::Subject::kChanges, "changes",
                                 filter->entity_key.empty() ? "all" : filter->entity_key);
      if (!grant) return Fail(grant.error());
      auto entries = opened->Service<app::RegistryService>().Changes(*grant, *filter);
      if (!entries) return Fail(entries.error());
      fmt::print("{}",
                 *format == "json" ? report::AuditJson(*entries) : report::AuditText(*entries));
      return static_cast<int>(kExitOk);
    };
  });
}

}  // namespace clusterscope::cli
