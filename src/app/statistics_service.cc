// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The monthly report: the indicators with everything the plans add, for every front end alike.
#include "clusterscope/app/statistics_service.h"

#include <algorithm>
#include <set>

#include "cultivation_figures.h"
#include "store_helpers.h"

#include "clusterscope/app/analytics_service.h"
#include "clusterscope/app/chains_service.h"
#include "clusterscope/app/disclosure_service.h"
#include "clusterscope/app/targets_service.h"
#include "clusterscope/text/errors.h"

namespace clusterscope::app {
namespace {

// A published report leaves out the targets that read a group it withholds (a park of one
// enterprise, say) or the withheld total, with their alerts; designation counts and external
// series stay.
void WithholdTargets(engine::MonthlyIndicators& indicators, targets::TargetReport& report) {
  const auto withheld = [&](const std::optional<model::Quantity>& q) {
    if (!q || (q->source != model::Quantity::Source::kMeasure &&
               q->source != model::Quantity::Source::kIndicator)) {
      return false;  // counts of designations and series are public figures
    }
    const auto colon = q->group.find(':');
    const std::string kind = q->group.substr(0, colon);
    const std::string code = colon == std::string::npos ? kind : q->group.substr(colon + 1);
    bool shown = false;
    for (const auto& g : indicators.groups) {
      if (g.kind == kind && (code == "*" || g.code == code)) {
        if (!g.suppressed.empty()) return true;
        shown = true;
      }
    }
    return !shown;
  };
  std::set<std::string> dropped;
  std::erase_if(report.rows, [&](const targets::TargetReport::Row& row) {
    const auto& t = row.target;
    const bool drop = withheld(t.value) || withheld(t.numerator) || withheld(t.denominator);
    if (drop) dropped.insert(t.id);
    return drop;
  });
  std::erase_if(indicators.alerts, [&](const engine::Alert& a) {
    return a.kind == "target" && dropped.count(a.code) != 0;
  });
}

}  // namespace

std::vector<std::string> WithheldClusters(const engine::MonthlyIndicators& indicators) {
  std::vector<std::string> out;
  for (const auto& g : indicators.groups) {
    if (g.kind == "cluster" && !g.suppressed.empty()) out.push_back(g.code);
  }
  return out;
}

namespace {

// The earliest month any view of the monthly report reads, so that the engine is built once:
// the ladders read three years, the targets from the year before their base year.
core::Period ReportFrom(TargetsService targets, core::Period period,
                        const MonthlyReportOptions& options) {
  const auto earlier = [](core::Period a, core::Period b) { return a.Index() < b.Index(); };
  core::Period from = std::min(IndicatorsFrom(period, options.trend_months, options.previous),
                               core::Period{LastFullYear(period) - 2, 1}, earlier);
  if (auto plan = targets.Plan()) {
    from = std::min(from, TargetsService::FirstMonthRead(*plan, period), earlier);
  }
  return from;
}

Status CheckAlertRules(const engine::AlertRules& rules) {
  if (!(rules.decline_share > 0 && rules.decline_share < 1) || rules.decline_months < 1) {
    return Status::InvalidArgument(
        "the decline share must be between 0 and 1 and the decline months 1 or more");
  }
  return Status::Ok();
}

}  // namespace

Result<report::MonthlyBundle> StatisticsService::MonthlyReport(
    const Grant& grant, const MonthlyReportOptions& options) {
  CLUSTERSCOPE_RETURN_IF_ERROR(options.disclosure.Validate());
  CLUSTERSCOPE_RETURN_IF_ERROR(CheckAlertRules(options.alerts));
  report::MonthlyBundle bundle;
  bundle.is_public = !grant.full();
  const auto rules = PublishedRules(grant, options.disclosure);
  auto asked = options.period;
  if (!asked) {
    auto latest = app::LatestPeriod(store());
    if (!latest) return Error(latest.error());
    asked = *latest;
  }
  auto engine = Engine(ReportFrom(TargetsService(db(), caller()), *asked, options));
  if (!engine) return Error(engine.error());
  auto indicators = ComputeIndicators(store(), **engine, asked, options.indicators, options.alerts,
                                      options.trend_months, grant.full() ? nullptr : &rules,
                                      options.previous ? &bundle.previous : nullptr);
  if (!indicators) return Error(indicators.error());
  bundle.indicators = std::move(*indicators);
  const auto period = bundle.indicators.period;
  auto& alerts = bundle.indicators.alerts;
  // Targets behind time-progress are alerts.
  if (auto progress = TargetsService(db(), caller()).Targets(grant, period, false)) {
    bundle.targets = std::move(*progress);
    for (const auto& row : bundle.targets->rows) {
      const auto& p = row.progress;
      if (p.status != "red" && p.status != "amber") continue;
      // A milestone not yet due (amber) is pending, not behind.
      if (row.target.kind == model::TargetKind::kMilestone && p.status == "amber") continue;
      alerts.push_back({p.status, "target_behind", "target", row.target.id, row.target.name_zh,
                        p.path_progress ? p.path_progress : p.completion, p.time_progress, 0});
    }
  } else if (progress.error().code() != Status::Code::kNotFound) {
    return Error(progress.error());
  }
  // The chain work: a section, and overdue projects as alerts (red from six months late).
  ChainsService chain_service(db(), caller());
  if (auto chain_work = chain_service.Chains(grant, period, 5)) {
    bundle.chains = std::move(*chain_work);
    auto projects = chain_service.Projects(core::Date::LastOfMonth(period.year, period.month));
    if (!projects) return Error(projects.error());
    bundle.pipeline = std::move(*projects);
    for (std::size_t i = 0; i < bundle.pipeline->projects.size(); ++i) {
      const auto& late = bundle.pipeline->overdue[i];
      if (!late) continue;
      const auto& project = bundle.pipeline->projects[i];
      alerts.push_back({late->months_late >= 6 ? "red" : "amber", "project_overdue", "project",
                        project.code, project.name, static_cast<double>(late->months_late),
                        static_cast<double>(late->waiting_for), late->months_late});
    }
    if (grant.full() && options.ladders) {
      auto ladders =
          chain_service.Cultivate(grant, "", period, bundle.targets ? &*bundle.targets : nullptr,
                                  report::kMonthlyLadderEntries);
      if (!ladders) return Error(ladders.error());
      bundle.cultivation = std::move(*ladders);
    }
  } else if (chain_work.error().code() != Status::Code::kNotFound) {
    return Error(chain_work.error());
  }
  std::vector<std::string> withheld;
  if (!grant.full()) {
    if (bundle.targets) WithholdTargets(bundle.indicators, *bundle.targets);
    withheld = app::WithheldClusters(bundle.indicators);
  }
  // The clusters against the analytics plan's benchmark, when one is chosen and held, withheld
  // where the report's own disclosure control withholds.
  BenchmarkOptions benchmark;
  benchmark.at = period;
  benchmark.withheld = &withheld;
  if (auto view = AnalyticsService(db(), caller()).BenchmarkClusters(grant, benchmark)) {
    bundle.benchmark = std::move(*view);
  } else if (view.error().code() != Status::Code::kNotFound) {
    return Error(view.error());
  }
  return bundle;
}

Result<core::Period> StatisticsService::LatestPeriod() { return app::LatestPeriod(store()); }

Result<std::vector<engine::Engine::Membership>> StatisticsService::FrameMembers(
    const Grant& grant, std::optional<core::Period> period) {
  if (!grant.full()) {
    return Error(Status::Of(Status::Code::kPermissionDenied, core::Say(text::kNotPublished)));
  }
  if (!period) {
    auto latest = app::LatestPeriod(store());
    if (!latest) return Error(latest.error());
    period = *latest;
  }
  auto engine = Engine(core::Period{period->year - 1, 1});
  if (!engine) return Error(engine.error());
  const auto indicators = (*engine)->Compute(*period, {.top = 0, .member_kinds = ReportKinds()});
  const auto frame = (*engine)->ContributionsTo(indicators);
  std::vector<engine::Engine::Membership> out;
  for (std::size_t i = 0; i < indicators.groups.size(); ++i) {
    for (const auto member : frame.members[i]) {
      out.push_back({frame.uscc[member], indicators.groups[i].kind, indicators.groups[i].code});
    }
  }
  return out;
}

Result<std::vector<std::string>> StatisticsService::WithheldClusters(core::Period period) {
  const disclosure::DisclosureRules rules;
  auto engine = Engine(IndicatorsFrom(period, 0, false));
  if (!engine) return Error(engine.error());
  auto indicators = ComputeIndicators(store(), **engine, period, {}, {}, 0, &rules);
  if (!indicators) return Error(indicators.error());
  return app::WithheldClusters(*indicators);
}

Result<std::vector<engine::MonthlyIndicators>> StatisticsService::IndicatorSeries(
    const Grant& grant, std::optional<core::Period> last, int months,
    const disclosure::DisclosureRules& disclosure) {
  if (months < 1 || months > 120) {
    return Error(Status::Of(Status::Code::kInvalidArgument, core::Say(text::kMonthsRange)));
  }
  CLUSTERSCOPE_RETURN_IF_ERROR(disclosure.Validate());
  const auto rules = PublishedRules(grant, disclosure);
  if (!last) {
    auto latest = app::LatestPeriod(store());
    if (!latest) return Error(latest.error());
    last = *latest;
  }
  const core::Period first = core::Period::FromIndex(last->Index() - (months - 1));
  // Each month compares with the same month of the year before.
  auto engine = Engine(core::Period{first.year - 1, 1});
  if (!engine) return Error(engine.error());
  std::vector<engine::MonthlyIndicators> series;
  series.reserve(static_cast<std::size_t>(months));
  disclosure::Publisher publisher(**engine, rules);
  for (int k = 0; k < months; ++k) {
    series.push_back((*engine)->Compute(core::Period::FromIndex(first.Index() + k),
                                        {.top = 0, .member_kinds = ReportKinds()}));
    if (!grant.full()) publisher.Apply(series.back());
  }
  return series;
}

}  // namespace clusterscope::app
