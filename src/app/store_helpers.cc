// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "store_helpers.h"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include "clusterscope/app/chains_config.h"
#include "clusterscope/chains/assess.h"
#include "clusterscope/text/errors.h"

namespace clusterscope::app {

Result<std::pair<std::string, std::string>> CurrentPlan(storage::Store& store,
                                                        storage::PlanKind kind) {
  auto stored = store.LoadPlan(kind);
  if (!stored) return Error(stored.error());
  if (!stored->has_value()) {
    switch (kind) {
      case storage::PlanKind::kTargets:
        return Error(Status::Of(Status::Code::kNotFound, core::Say(text::kNoTargetPlan)));
      case storage::PlanKind::kChains:
        return Error(Status::Of(Status::Code::kNotFound, core::Say(text::kNoChainPlan)));
      case storage::PlanKind::kAnalytics:
        return Error(Status::Of(Status::Code::kNotFound, core::Say(text::kNoAnalyticsPlan)));
      case storage::PlanKind::kInputOutput:
        return Error(Status::Of(Status::Code::kNotFound, core::Say(text::kNoInputOutputTable)));
    }
  }
  return std::move(**stored);
}

Status StorePlan(storage::Store& store, const std::string& actor, storage::PlanKind kind,
                 const std::string& path, const std::string& text) {
  auto tx = store.Begin(actor);
  if (!tx) return tx.error();
  CLUSTERSCOPE_RETURN_IF_ERROR((*tx)->PutPlan(kind, path, text));
  return (*tx)->Commit();
}

Status RecordExport(storage::Store& store, const std::string& actor, std::string_view entity,
                    std::string_view key, std::string_view detail) {
  auto tx = store.Begin(actor);
  if (!tx) return tx.error();
  CLUSTERSCOPE_RETURN_IF_ERROR((*tx)->RecordExport(entity, key, detail));
  return (*tx)->Commit();
}

Result<core::Period> LatestPeriod(storage::Store& store) {
  auto coverage = store.MonthlySummary();
  if (!coverage) return Error(coverage.error());
  if (!coverage->last) {
    return Error(Status::Of(Status::Code::kNotFound, core::Say(text::kNoStatisticsYet)));
  }
  return *coverage->last;
}

namespace {

// The panel image of the current facts when one covers `start`; nothing (build from the
// segments) when there is none, it starts later, or it cannot be read.
std::optional<engine::Panel> MappedPanel(storage::Store& store, std::int32_t start) {
  auto path = store.FactCachePath(kPanelCache);
  if (!path || !path->has_value() || !std::filesystem::exists(**path)) return std::nullopt;
  auto panel = engine::Panel::Map(**path);
  if (!panel) {
    spdlog::warn("{}; building the engine from the fact segments", panel.error().message());
    return std::nullopt;
  }
  if (panel->covers() > start) return std::nullopt;
  return std::move(*panel);
}

// Keeps the panel for the next process. A store the user may not write to goes without.
void SavePanel(storage::Store& store, const engine::Panel& panel, std::int32_t covers) {
  auto path = store.FactCachePath(kPanelCache);
  if (!path || !path->has_value()) return;
  if (const Status saved = panel.Save(**path, covers); !saved.ok()) {
    spdlog::debug("the engine's panel image was not kept: {}", saved.message());
  }
}

}  // namespace

Result<BuiltEngine> BuildEngine(storage::Store& store, const model::ClusterSystem& system,
                                std::optional<core::Period> from) {
  BuiltEngine out;
  out.from = from;
  auto registry = store.ListEnterprises({});
  if (!registry) return Error(registry.error());
  auto coverage = store.MonthlySummary();
  if (!coverage) return Error(coverage.error());
  model::MonthlyPanel facts;
  std::optional<engine::Panel> mapped;
  std::int32_t start = 0;
  if (coverage->first && coverage->last) {
    out.first_held = coverage->first->Index();
    start = from && from->Index() > out.first_held ? from->Index() : out.first_held;
    mapped = MappedPanel(store, start);
    if (mapped) {
      out.from = core::Period::FromIndex(mapped->covers());
    } else {
      spdlog::debug("building the engine over {} .. {}", core::Period::FromIndex(start).ToString(),
                    coverage->last->ToString());
      auto held = store.CurrentMonthly(core::Period::FromIndex(start), *coverage->last);
      if (!held) return Error(held.error());
      facts = std::move(*held);
    }
  }
  auto prices = store.ListPriceIndices();
  if (!prices) return Error(prices.error());
  auto lists = store.ListEnterpriseLists();
  if (!lists) return Error(lists.error());
  auto groups = engine::ListGroups(*lists);
  auto chain_plan = ParseCurrentPlan(store, storage::PlanKind::kChains,
                                     [&](const std::string& text, const std::string& file) {
                                       return LoadChainPlanText(text, file, system);
                                     });
  if (chain_plan) {
    auto chains = chains::ChainGroups(*chain_plan, *registry);
    groups.insert(groups.end(), std::make_move_iterator(chains.begin()),
                  std::make_move_iterator(chains.end()));
  } else if (chain_plan.error().code() != Status::Code::kNotFound) {
    return Error(chain_plan.error());
  }
  auto engine = std::make_shared<engine::Engine>(system, std::move(*registry), std::move(groups));
  engine->SetPriceIndices(*prices);
  if (mapped) {
    engine->Adopt(std::move(*mapped));
  } else {
    engine->Apply(facts);
    if (!facts.empty()) SavePanel(store, engine->panel(), start);
  }
  out.engine = std::move(engine);
  return out;
}

engine::MemberKinds ReportKinds() { return std::set<std::string>{std::string(engine::kListKind)}; }

engine::MemberKinds ChainKinds() {
  return std::set<std::string>{std::string(chains::kChainKind), std::string(chains::kLinkKind)};
}

core::Period IndicatorsFrom(core::Period period, int trend_months, bool previous) {
  // This year's months to the period and the same months of last year (and of the years the
  // trend reaches back to).
  int first_year = core::Period::FromIndex(period.Index() - std::max(trend_months - 1, 0)).year - 1;
  if (previous) first_year = std::min(first_year, PreviousPeriod(period).year - 1);
  return {first_year, 1};
}

Result<engine::MonthlyIndicators> ComputeIndicators(
    storage::Store& store, const engine::Engine& engine, std::optional<core::Period> period,
    const engine::IndicatorOptions& options, const engine::AlertRules& alert_rules,
    int trend_months, const disclosure::DisclosureRules* published,
    std::optional<engine::MonthlyIndicators>* previous) {
  if (!period) {
    auto latest = LatestPeriod(store);
    if (!latest) return Error(latest.error());
    period = *latest;
  }
  auto asked = options;
  asked.member_kinds = ReportKinds();
  auto indicators = engine.Compute(*period, asked);
  indicators.alerts = engine.Alerts(indicators, alert_rules);
  if (trend_months > 0) indicators.trend = engine.Trend(*period, trend_months);
  if (published != nullptr) disclosure::ApplyDisclosureControl(engine, indicators, *published);
  if (previous != nullptr) {
    *previous = engine.Compute(PreviousPeriod(*period), {.top = 0, .member_kinds = ReportKinds()});
    if (published != nullptr) disclosure::ApplyDisclosureControl(engine, **previous, *published);
  }
  return indicators;
}

core::Period PreviousPeriod(core::Period period) {
  return period.month <= 2 ? core::Period{period.year - 1, 12}
                           : core::Period::FromIndex(period.Index() - 1);
}

Status IssuesToStatus(const std::vector<model::CellIssue>& issues) {
  std::vector<std::string> lines;
  for (const auto& issue : issues) {
    lines.push_back(fmt::format("{}{} [{}]", issue.column.empty() ? "" : issue.column + ": ",
                                issue.message.en, issue.rule));
  }
  return Status::InvalidArgument(fmt::format("{}", fmt::join(lines, "\n")));
}

}  // namespace clusterscope::app
