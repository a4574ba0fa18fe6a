// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/app/init.h"

#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "read_file.h"
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "clusterscope/app/analytics_config.h"
#include "clusterscope/app/chains_config.h"
#include "clusterscope/app/config.h"
#include "clusterscope/app/targets_config.h"
#include "clusterscope/storage/store.h"

namespace clusterscope::app {

std::string DefaultActor() {
  for (const char* name : {"CLUSTERSCOPE_USER", "USER", "LOGNAME"}) {
    if (const char* value = std::getenv(name); value != nullptr && *value != '\0') return value;
  }
  return "unknown";
}

int CurrentYear() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  return tm.tm_year + 1900;
}

Result<InitResult> InitDatabase(const InitOptions& options) {
  auto system = LoadSystemFile(options.system_path);
  if (!system) return Error(system.error());
  InitResult result;
  std::error_code error;
  result.created = !std::filesystem::exists(options.db_path, error);
  auto store = storage::OpenSqliteStore(options.db_path);
  if (!store) return Error(store.error());
  auto existing = (*store)->LoadSystem();
  if (!existing) return Error(existing.error());
  result.system_replaced = existing->has_value();
  auto tx = (*store)->Begin(options.actor);
  if (!tx) return Error(tx.error());
  CLUSTERSCOPE_RETURN_IF_ERROR((*tx)->ReplaceSystem(*system));
  // The plans beside the system file come with it, each checked against it.
  const auto load_plan = [&](storage::PlanKind kind, std::string path, std::string_view suffix,
                             auto check) -> Result<std::string> {
    if (path.empty()) {
      const auto beside = std::filesystem::path(options.system_path).parent_path() /
                          fmt::format("{}-{}.toml", system->code, suffix);
      if (!std::filesystem::exists(beside, error)) return std::string();
      path = beside.string();
    }
    auto text = ReadWholeFile(path);
    if (!text) return Error(text.error());
    if (auto plan = check(*text, path); !plan) return Error(plan.error());
    CLUSTERSCOPE_RETURN_IF_ERROR((*tx)->PutPlan(kind, path, *text));
    return path;
  };
  auto targets = load_plan(storage::PlanKind::kTargets, options.targets_path, "targets",
                           [&](const std::string& text, const std::string& path) {
                             return LoadTargetPlanText(text, path, *system);
                           });
  if (!targets) return Error(targets.error());
  result.targets_file = *targets;
  auto chains = load_plan(storage::PlanKind::kChains, options.chains_path, "chains",
                          [&](const std::string& text, const std::string& path) {
                            return LoadChainPlanText(text, path, *system);
                          });
  if (!chains) return Error(chains.error());
  result.chains_file = *chains;
  auto analytics = load_plan(storage::PlanKind::kAnalytics, options.analytics_path, "analytics",
                             [&](const std::string& text, const std::string& path) {
                               return LoadAnalyticsPlanText(text, path, *system);
                             });
  if (!analytics) return Error(analytics.error());
  result.analytics_file = *analytics;
  CLUSTERSCOPE_RETURN_IF_ERROR((*tx)->Commit());
  spdlog::info("{} cluster system {} in {}", result.system_replaced ? "replaced" : "loaded",
               system->code, options.db_path);
  result.system = std::move(*system);
  return result;
}

}  // namespace clusterscope::app
