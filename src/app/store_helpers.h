// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// What several services read from or write to the store alike: the current plan of a kind, the
// latest month held, an engine over a span of months, an export row. Private to `app`.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "read_file.h"

#include "clusterscope/core/period.h"
#include "clusterscope/core/status.h"
#include "clusterscope/disclosure/control.h"
#include "clusterscope/engine/indicators.h"
#include "clusterscope/model/cluster_system.h"
#include "clusterscope/model/import_report.h"
#include "clusterscope/storage/store.h"

namespace clusterscope::app {

// The current plan of a kind as (file, text); NotFound saying how to load one.
Result<std::pair<std::string, std::string>> CurrentPlan(storage::Store& store,
                                                        storage::PlanKind kind);
// Makes `text` (checked by the caller) the current plan of its kind.
Status StorePlan(storage::Store& store, const std::string& actor, storage::PlanKind kind,
                 const std::string& path, const std::string& text);
// The current plan of `kind`, read by parse(text, file) -> Result<Plan>.
template <typename Parse>
auto ParseCurrentPlan(storage::Store& store, storage::PlanKind kind, const Parse& parse)
    -> decltype(parse(std::string(), std::string())) {
  auto stored = CurrentPlan(store, kind);
  if (!stored) return Error(stored.error());
  return parse(stored->second, stored->first);
}
// The plan file at `path`, checked by parse(text, file) and then made the current plan of
// `kind`; nothing is stored if it fails.
template <typename Parse>
auto LoadPlanFile(storage::Store& store, const std::string& actor, storage::PlanKind kind,
                  const std::string& path, const Parse& parse)
    -> decltype(parse(std::string(), std::string())) {
  auto text = ReadWholeFile(path);
  if (!text) return Error(text.error());
  auto plan = parse(*text, path);
  if (!plan) return Error(plan.error());
  CLUSTERSCOPE_RETURN_IF_ERROR(StorePlan(store, actor, kind, path, *text));
  return plan;
}
// Writes an "export" row to the audit log: enterprise-level data left the system.
Status RecordExport(storage::Store& store, const std::string& actor, std::string_view entity,
                    std::string_view key, std::string_view detail);
// The latest month with monthly statistics; NotFound before the first import.
Result<core::Period> LatestPeriod(storage::Store& store);
// The engine over everything the store holds that figures depend on: the registry, the months
// from `from` (every month when not given), the price indices, the saved lists and the current
// chain plan's chains and links as groups. Built once per data version (Database::Engine); each
// view asks for its kinds of groups.
// The engine's panel is kept as an image beside the fact segments (Store::FactCachePath of this
// kind) by the first build after each change of the facts, and mapped by every later one.
inline constexpr std::string_view kPanelCache = "engine";
struct BuiltEngine {
  std::shared_ptr<const engine::Engine> engine;
  std::optional<core::Period> from;  // as asked
  std::int32_t first_held = 0;       // the first month held then (core::Period::Index)
};
Result<BuiltEngine> BuildEngine(storage::Store& store, const model::ClusterSystem& system,
                                std::optional<core::Period> from);
// The named-member groups of each view: the monthly report's saved lists; the chains' chains
// and links (chains::ChainGroups).
engine::MemberKinds ReportKinds();
engine::MemberKinds ChainKinds();
// The first month ComputeIndicators reads for `period`: January of the year before, or earlier
// for a trend of `trend_months` or the period before (`previous`).
core::Period IndicatorsFrom(core::Period period, int trend_months, bool previous);
// The monthly indicators of `period` (default: the latest month held), with the report's groups
// (ReportKinds), the alerts of the
// period and the total's trend over `trend_months` months; in the published form under
// `published` disclosure rules when given. `previous`, when given, receives the period before
// (PreviousPeriod) in the same form, without rankings or alerts, from the same engine.
Result<engine::MonthlyIndicators> ComputeIndicators(
    storage::Store& store, const engine::Engine& engine, std::optional<core::Period> period,
    const engine::IndicatorOptions& options, const engine::AlertRules& alert_rules = {},
    int trend_months = 0, const disclosure::DisclosureRules* published = nullptr,
    std::optional<engine::MonthlyIndicators>* previous = nullptr);
// The period a report compares with: the month before, but last year's December for January
// and for the combined January–February report (the bureau publishes no January alone).
core::Period PreviousPeriod(core::Period period);
// Keeps the rows (anything with a `uscc`) about enterprises of `park`; all when `park` is empty.
template <typename Row>
Status KeepPark(storage::Store& store, const std::string& park, std::vector<Row>& rows) {
  if (park.empty()) return Status::Ok();
  model::EnterpriseFilter own;
  own.park = park;
  auto enterprises = store.ListEnterprises(own);
  if (!enterprises) return enterprises.error();
  std::set<std::string> usccs;
  for (const auto& e : *enterprises) usccs.insert(e.uscc);
  std::erase_if(rows, [&](const Row& row) { return usccs.count(row.uscc) == 0; });
  return Status::Ok();
}

// Every problem with a record's cells in one InvalidArgument.
Status IssuesToStatus(const std::vector<model::CellIssue>& issues);

}  // namespace clusterscope::app
