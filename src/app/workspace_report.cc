// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The Workspace's monthly report: the indicators with everything the plans add, for every front
// end alike.
#include <set>

#include "clusterscope/app/workspace.h"

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

Result<report::MonthlyBundle> Workspace::MonthlyReport(const MonthlyReportOptions& options) {
  CLUSTERSCOPE_RETURN_IF_ERROR(options.disclosure.Validate());
  if (!(options.alerts.decline_share > 0 && options.alerts.decline_share < 1) ||
      options.alerts.decline_months < 1) {
    return Error(Status::InvalidArgument(
        "the decline share must be between 0 and 1 and the decline months 1 or more"));
  }
  report::MonthlyBundle bundle;
  bundle.is_public = options.is_public;
  auto indicators =
      MonthlyIndicators(options.period, options.indicators, options.alerts, options.trend_months);
  if (!indicators) return Error(indicators.error());
  bundle.indicators = std::move(*indicators);
  const auto period = bundle.indicators.period;
  auto& alerts = bundle.indicators.alerts;
  // Targets behind time-progress are alerts.
  if (auto progress = Targets(period, false)) {
    bundle.targets = std::move(*progress);
    for (const auto& row : bundle.targets->rows) {
      const auto& p = row.progress;
      if (p.status != "red" && p.status != "amber") continue;
      if (row.target.kind == model::TargetKind::kMilestone && p.note == "pending") continue;
      alerts.push_back({p.status, "target_behind", "target", row.target.id, row.target.name_zh,
                        p.path_progress ? p.path_progress : p.completion, p.time_progress, 0});
    }
  } else if (progress.error().code() != Status::Code::kNotFound) {
    return Error(progress.error());
  }
  // The chain work: a section, and overdue projects as alerts (red from six months late).
  if (auto chain_work = Chains(period, 5)) {
    bundle.chains = std::move(*chain_work);
    auto projects = Projects(core::Date::LastOfMonth(period.year, period.month));
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
    if (!options.is_public && options.ladders) {
      auto ladders = Cultivate("", period, bundle.targets ? &*bundle.targets : nullptr);
      if (!ladders) return Error(ladders.error());
      bundle.cultivation = std::move(*ladders);
    }
  } else if (chain_work.error().code() != Status::Code::kNotFound) {
    return Error(chain_work.error());
  }
  // The clusters against the analytics plan's benchmark, when one is chosen and held.
  BenchmarkOptions benchmark;
  benchmark.at = period;
  if (auto view = BenchmarkClusters(benchmark)) {
    bundle.benchmark = std::move(*view);
  } else if (view.error().code() != Status::Code::kNotFound) {
    return Error(view.error());
  }
  if (options.is_public) {
    engine::ApplyDisclosureControl(bundle.indicators, options.disclosure);
    if (bundle.targets) WithholdTargets(bundle.indicators, *bundle.targets);
    if (bundle.benchmark) bundle.benchmark->Withhold(WithheldClusters(bundle.indicators));
  }
  return bundle;
}

}  // namespace clusterscope::app
