// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/app/targets_service.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "read_file.h"
#include "store_helpers.h"
#include "target_figures.h"
#include <fmt/format.h>

#include "clusterscope/app/chains_service.h"
#include "clusterscope/app/disclosure_service.h"
#include "clusterscope/app/targets_config.h"
#include "clusterscope/chains/pipeline.h"
#include "clusterscope/disclosure/control.h"
#include "clusterscope/text/targets.h"

namespace clusterscope::app {
namespace {

// Reads a target plan's text against the system.
auto TargetParser(const model::ClusterSystem& system) {
  return [&system](const std::string& text, const std::string& file) {
    return LoadTargetPlanText(text, file, system);
  };
}

}  // namespace

Result<model::TargetPlan> TargetsService::LoadPlan(const std::string& path) {
  return LoadPlanFile(store(), actor(), storage::PlanKind::kTargets, path, TargetParser(system()));
}

Result<model::TargetPlan> TargetsService::Plan() {
  return ParseCurrentPlan(store(), storage::PlanKind::kTargets, TargetParser(system()));
}

namespace {

// The targets of the plan, each split target followed by its parts: the goals set for some
// groups, and the rest of the goal in proportion to the groups' base-year figures, so that the
// parts add up to the whole. Groups with no base and no goal set get no part.
std::vector<model::Target> ExpandParts(const model::TargetPlan& plan,
                                       const model::ClusterSystem& system, TargetFigures& figures) {
  std::vector<model::Target> out;
  for (const auto& t : plan.targets) {
    out.push_back(t);
    if (t.decompose.empty() || !t.target_value) continue;
    std::vector<std::pair<std::string, std::string>> groups;  // code, name
    if (t.decompose == "cluster") {
      for (const auto& c : system.clusters) groups.emplace_back(c.code, c.name_zh);
    } else if (t.decompose == "park") {
      for (const auto& p : system.parks) groups.emplace_back(p.code, p.name_zh);
    } else {
      for (const auto& tier : system.tiers) groups.emplace_back(tier.code, tier.name_zh);
    }
    std::vector<model::Target> parts;
    double set = 0;
    double base_of_rest = 0;
    double base_of_groups = 0;  // every group's, set or not: what the groups cover
    for (const auto& [code, name] : groups) {
      model::Target part = t;
      part.id = t.id + "/" + code;
      part.name_zh = t.name_zh + "·" + name;
      part.name_en = t.name_en.empty() ? "" : t.name_en + " / " + code;
      part.scope = t.decompose == "tier" ? "region" : t.decompose + ":" + code;
      part.value->group = t.decompose + ":" + code;
      part.decompose.clear();
      part.parts.clear();
      part.parent = t.id;
      part.coverage_series.clear();  // the district's total is no cluster's: derived
      part.base_value = figures.For(part, {t.base_year, 12}).actual;
      base_of_groups += part.base_value.value_or(0);
      if (const auto given = t.parts.find(code); given != t.parts.end()) {
        part.target_value = given->second;
        set += given->second;
      } else if (part.base_value && *part.base_value > 0) {
        part.target_value.reset();  // its share of the rest, below
        base_of_rest += *part.base_value;
      } else {
        continue;
      }
      parts.push_back(std::move(part));
    }
    // The rest of the goal is shared in proportion to the bases, output outside every group
    // keeping its own share: the groups' parts do not inflate to the whole.
    model::Target whole = t;
    whole.value->group = "total";
    whole.coverage_series.clear();  // on the parts' footing
    const double outside =
        std::max(0.0, figures.For(whole, {t.base_year, 12}).actual.value_or(0) - base_of_groups);
    for (auto& part : parts) {
      if (!part.target_value && base_of_rest > 0) {
        part.target_value = (*t.target_value - set) * *part.base_value / (base_of_rest + outside);
      }
      if (part.target_value) out.push_back(std::move(part));
    }
  }
  return out;
}

}  // namespace

namespace {

// What the projection of one target reads besides its figures: the pipeline's projects.
struct Pipeline {
  std::vector<model::Project> projects;
  model::PipelineRules rules;
};

// The year-end figures from the year before the base year on, and this period's when it is a
// December: each obtained once, for both the trend and the odds.
std::map<int, std::optional<double>> YearEnds(const model::Target& t, core::Period period,
                                              const std::optional<double>& now,
                                              TargetFigures& figures) {
  std::map<int, std::optional<double>> year_end;
  for (int year = t.base_year - 1; year < period.year; ++year) {
    year_end[year] = figures.For(t, {year, 12}).actual;
  }
  if (period.month == 12) year_end[period.year] = now;
  return year_end;
}

// The trend to the target year through the year-end figures from the base year on and the
// latest 12 months (every point a whole year's worth, so the trend has no season in it); output
// and revenue grow besides by what the pipeline's projects still add by the target year.
void ProjectTarget(const model::Target& t, core::Period period, double now,
                   const std::map<int, std::optional<double>>& year_end, const Pipeline& pipeline,
                   targets::Progress& progress) {
  std::vector<targets::Point> points;
  for (int year = t.base_year; year < period.year; ++year) {
    const auto at_end = year == t.base_year && t.base_value ? t.base_value : year_end.at(year);
    if (at_end) points.push_back({static_cast<double>(year - t.base_year), *at_end});
  }
  points.push_back({period.year - t.base_year - 1 + period.month / 12.0, now});
  progress.projection =
      targets::Project(points, t.target_year - t.base_year, /*linear=*/t.unit == "%");
  // A straight line through a count that fell to zero runs below it; no count does.
  if (progress.projection && t.kind == model::TargetKind::kCount) {
    progress.projection = std::max(*progress.projection, 0.0);
  }
  const auto& q = t.value;
  if (progress.projection && t.kind == model::TargetKind::kLevel && q &&
      q->source == model::Quantity::Source::kMeasure &&
      (q->name == "output_value" || q->name == "revenue")) {
    const auto* unit = model::FindUnit(t.unit);
    const auto addition = chains::AdditionFor(
        pipeline.projects, pipeline.rules, q->group.empty() ? "total" : q->group,
        core::Date::LastOfMonth(period.year, period.month), core::Date{t.target_year, 12, 31});
    if (addition.total > 0 && unit != nullptr) {
      progress.trend = progress.projection;
      progress.pipeline = addition.total * unit->factor;
      progress.pipeline_projects = addition.projects.size();
      *progress.projection += *progress.pipeline;
    }
  }
  if (progress.projection) {
    progress.projection_meets = t.direction == model::Direction::kAtMost
                                    ? *progress.projection <= *t.target_value
                                    : *progress.projection >= *t.target_value;
  }
}

// The odds of the figure's change to the end of the target year (targets/odds.h): fitted to its
// yearly changes (every whole year held from the year before the base on, and this one when the
// period is a December), centred on the trend the projection follows. The projects' addition
// is certain in the odds (its uncertainty is in its weights): the trend must only cover the
// rest of the goal, and is centred on the trend alone, so that the odds are at least one half
// exactly when the projection reaches the goal.
std::optional<targets::Odds> TargetOdds(const model::Target& t, double now,
                                        const std::map<int, std::optional<double>>& year_end,
                                        targets::Progress& progress) {
  const bool additive = t.unit == "%";
  std::vector<double> changes;
  std::optional<double> previous;
  for (const auto& [year, at_end] : year_end) {
    if (at_end && previous && (additive || (*at_end > 0 && *previous > 0))) {
      changes.push_back(additive ? *at_end - *previous : std::log(*at_end / *previous));
    }
    previous = at_end;
  }
  if (!progress.projection) {
    progress.odds_note = core::Say(text::kOddsNoProjection);
    return std::nullopt;
  }
  const double pipeline = progress.pipeline.value_or(0);
  return targets::OddsOfProjection(
      changes, now, *t.target_value, *progress.projection - pipeline, pipeline, progress.years_left,
      t.direction == model::Direction::kAtMost, additive, &progress.odds_note);
}

// One target's row: where it stands, its projection and odds, and its history when asked.
targets::TargetReport::Row TargetRow(const model::TargetPlan& plan, const model::Target& t,
                                     core::Period period, bool history, const Pipeline& pipeline,
                                     TargetFigures& figures) {
  targets::TargetReport::Row row;
  row.target = t;
  const auto now = figures.For(t, period);
  row.progress = targets::Evaluate(plan, t, period, now);
  const bool numeric = t.kind == model::TargetKind::kLevel || t.kind == model::TargetKind::kRatio ||
                       t.kind == model::TargetKind::kCount || t.kind == model::TargetKind::kFloor;
  if (numeric && now.actual && t.target_value) {
    const auto year_end = YearEnds(t, period, now.actual, figures);
    ProjectTarget(t, period, *now.actual, year_end, pipeline, row.progress);
    if (t.kind == model::TargetKind::kFloor) {
      row.progress.odds_note = core::Say(text::kOddsFloorEachYear);  // the trend still shows
    } else {
      row.progress.odds = TargetOdds(t, *now.actual, year_end, row.progress);
      targets::WeighOdds(row.progress);
    }
  }
  if (history) {
    for (int index = core::Period{t.base_year + 1, 1}.Index(); index <= period.Index(); ++index) {
      const auto at = core::Period::FromIndex(index);
      row.history.emplace_back(at, targets::Evaluate(plan, t, at, figures.For(t, at)));
    }
  }
  return row;
}

}  // namespace

namespace {

// The group a quantity reads as the engine keys it ("cluster:N2"; "high_tech:high_tech"), or
// empty for what is not a group's statistics (designations, enterprise counts, series).
std::string GroupKey(const model::Quantity& q) {
  if (q.source != model::Quantity::Source::kMeasure &&
      q.source != model::Quantity::Source::kIndicator) {
    return "";
  }
  return q.group.find(':') == std::string::npos ? q.group + ":" + q.group : q.group;
}

// What the published indicators withhold in any of `periods`: groups ("kind:code") and a
// published group's quantities ("kind:code#ytd_export_value").
std::set<std::string> WithheldGroups(const engine::Engine& engine,
                                     const std::set<core::Period>& periods,
                                     const disclosure::DisclosureRules& rules) {
  std::set<std::string> out;
  disclosure::Publisher publisher(engine, rules);
  for (const auto& period : periods) {
    auto indicators = engine.Compute(period, {.top = 0, .member_kinds = std::set<std::string>{}});
    publisher.Apply(indicators);
    for (const auto& g : indicators.groups) {
      if (!g.suppressed.empty()) out.insert(g.kind + ":" + g.code);
      for (std::size_t q = 0; q < engine::kQuantityCount; ++q) {
        if (g.withheld[q].empty()) continue;
        out.insert(fmt::format("{}:{}#{}", g.kind, g.code,
                               engine::QuantityName(static_cast<engine::Quantity>(q))));
      }
    }
  }
  return out;
}

// The key of the quantity a target reads of a group ("#ytd_output_value"), or "#" for an
// indicator, which may read several.
std::string QuantityKey(const model::Quantity& q) {
  if (q.source == model::Quantity::Source::kMeasure) {
    for (const auto& info : model::Measures()) {
      if (info.column == q.name) {
        return "#" + std::string(engine::QuantityName(engine::YearToDate(info.measure)));
      }
    }
  }
  return "#";
}

bool ReadsWithheld(const model::Target& t, const std::set<std::string>& withheld) {
  for (const auto* q : {&t.value, &t.numerator, &t.denominator, &t.reference}) {
    if (!*q) continue;
    const std::string key = GroupKey(**q);
    if (key.empty()) continue;
    // Every group of a kind ("cluster:*") is withheld if any is; an indicator if any of the
    // group's quantities is.
    const bool every = key.ends_with(":*");
    const std::string prefix = every ? key.substr(0, key.size() - 1) : key + QuantityKey(**q);
    if (!every && withheld.count(key) != 0) return true;
    const auto it = withheld.lower_bound(prefix);
    if (it == withheld.end()) continue;
    if ((every || prefix.ends_with('#')) ? it->starts_with(prefix) : *it == prefix) return true;
  }
  return false;
}

void Withhold(targets::TargetReport::Row& row) {
  targets::Progress kept;
  kept.status = "withheld";
  kept.time_progress = row.progress.time_progress;
  kept.years_left = row.progress.years_left;
  kept.note = core::Say(text::kTargetWithheld);
  row.progress = std::move(kept);
  row.target.base_value.reset();
  row.history.clear();
}

// The published form of a target report: see TargetsService::Targets.
void Publish(targets::TargetReport& report, const engine::Engine& engine, bool history,
             const disclosure::DisclosureRules& rules) {
  std::set<core::Period> periods = {report.period};
  for (const auto& row : report.rows) {
    periods.insert({row.target.base_year, 12});
    if (!history) continue;
    for (const auto& [period, progress] : row.history) periods.insert(period);
  }
  const auto withheld = WithheldGroups(engine, periods, rules);
  std::set<std::string> split_with_withheld_part;
  for (auto& row : report.rows) {
    if (!ReadsWithheld(row.target, withheld)) continue;
    Withhold(row);
    if (!row.target.parent.empty()) split_with_withheld_part.insert(row.target.parent);
  }
  for (auto& row : report.rows) {
    if (row.target.parent.empty() || split_with_withheld_part.count(row.target.parent) == 0) {
      continue;
    }
    const auto* parent = report.plan.FindTarget(row.target.parent);
    const std::string code =
        row.target.value ? row.target.value->group.substr(row.target.value->group.find(':') + 1)
                         : "";
    const bool goal_given = parent != nullptr && parent->parts.count(code) != 0;
    if (!goal_given) {
      Withhold(row);
      row.target.target_value.reset();
    }
  }
}

}  // namespace

Result<targets::TargetReport> TargetsService::Targets(const Grant& grant,
                                                      std::optional<core::Period> period,
                                                      bool history) {
  auto plan = Plan();
  if (!plan) return Error(plan.error());
  if (!period) {
    auto latest = LatestPeriod(store());
    if (!latest) return Error(latest.error());
    period = *latest;
  }
  auto engine = Engine(FirstMonthRead(*plan, *period));
  if (!engine) return Error(engine.error());
  const auto& registry = (*engine)->registry();
  auto designations = store().ListDesignations({});
  if (!designations) return Error(designations.error());
  auto series = store().ListSeriesValues();
  if (!series) return Error(series.error());
  TargetFigures figures(system(), *plan, **engine, registry, *designations, *series);
  Pipeline pipeline;
  auto projects = store().ListProjects();
  if (!projects) return Error(projects.error());
  pipeline.projects = std::move(*projects);
  if (auto chain_plan = ChainsService(db(), caller()).Plan()) {
    pipeline.rules = chain_plan->pipeline;
  } else if (chain_plan.error().code() != Status::Code::kNotFound) {
    return Error(chain_plan.error());
  }
  targets::TargetReport report;
  report.period = *period;
  for (const auto& t : ExpandParts(*plan, system(), figures)) {
    report.rows.push_back(TargetRow(*plan, t, *period, history, pipeline, figures));
  }
  report.plan = std::move(*plan);
  if (!grant.full()) Publish(report, **engine, history, PublishedRules(grant));
  return report;
}

core::Period TargetsService::FirstMonthRead(const model::TargetPlan& plan, core::Period period) {
  int first_year = period.year - 2;
  for (const auto& t : plan.targets) first_year = std::min(first_year, t.base_year - 1);
  return {first_year, 1};
}

}  // namespace clusterscope::app
