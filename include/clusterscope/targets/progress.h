// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Where a target stands at a period: completion, time-progress, the growth it still needs each
// year, and a traffic light. Pure arithmetic on figures the application obtains (from the
// engine, the registry or external series); the method of each figure is in docs/targets.md.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "clusterscope/core/message.h"
#include "clusterscope/core/period.h"
#include "clusterscope/model/target.h"
#include "clusterscope/targets/odds.h"

namespace clusterscope::targets {

// The figures of one target at one period, in the target's unit. A figure that cannot be
// obtained is nullopt with the reason in `missing`.
struct Figures {
  std::optional<double> actual;         // flows: the trailing 12 months to the period
  std::optional<double> base;           // the plan's base value, or the figure for the base year
  std::optional<double> reference;      // rate: the set rate (%); compare: the external change (%)
  std::optional<core::Period> reached;  // milestone: when it was reached
  core::Text missing;                   // why a figure needed is missing
  std::optional<int> broken_in;         // floor: the first year since the base that ended below
  // Whole-industry targets: where the actual comes from, "published" (the district's series) or
  // "derived" (above-scale ÷ the declared share); empty for other targets.
  std::string coverage_source;
};

struct Progress {
  // "ahead" (超前), "green" (正常), "amber" (关注), "red" (滞后) or "no_data" (无数据): the time
  // path's light (Evaluate), then weighed against the odds (WeighOdds); docs/targets.md.
  std::string status;
  std::optional<double> actual;
  std::optional<double> base;
  std::optional<double> target;
  std::optional<double> reference;
  // actual / target (for at_most targets: target / actual): how much of the goal is there.
  std::optional<double> completion;
  // The share of the path from base to target covered: ln(actual / base) / ln(target / base) for
  // levels, counts and ratios other than shares (a steady growth rate keeps it with the time),
  // (actual − base) / (target − base) for shares in points.
  std::optional<double> path_progress;
  double time_progress = 0;  // the share of the time from base to target year elapsed
  // What the figure must still do each year to the end of the target year: a growth rate
  // (CAGR) for levels and counts, percentage points for shares; nullopt when met or undefined.
  std::optional<double> required_annual_growth;
  std::optional<double> required_points_per_year;
  // Counts and levels starting from zero, where no rate gets there: units a year.
  std::optional<double> required_per_year;
  double years_left = 0;
  core::Text note;  // why no data; when a milestone was reached
  // The trend carried to the end of the target year (see Project()), and whether it gets there.
  // For output and revenue targets the projection includes `pipeline`: what the investment
  // projects still add by the target year, weighted by their stage (docs/chains.md).
  std::optional<double> projection;
  std::optional<bool> projection_meets;
  std::optional<double> trend;     // the trend alone, when projects were added to it
  std::optional<double> pipeline;  // the projects' weighted addition, in the target's unit
  std::size_t pipeline_projects = 0;
  // The probability of reaching the goal by the end of the target year (odds.h), or why there
  // is none.
  std::optional<Odds> odds;
  core::Text odds_note;
  std::string coverage_source;  // Figures::coverage_source
  bool unmet_in_time = false;   // a numeric target not met with time left: the odds weigh in
};

// A figure at a time, in years from the end of the base year (2023-06 on a 2022 path: 0.5).
struct Point {
  double years = 0;
  double value = 0;
};

// The least-squares trend through `points` carried to `at` years: log-linear (constant growth)
// when every value is above zero and `linear` is false, else a straight line. nullopt with
// fewer than two points at different times.
std::optional<double> Project(const std::vector<Point>& points, double at, bool linear);

// Elapsed share of the path from the end of `base_year` to the end of `target_year` at the end
// of `period`, within 0..1: 2025-12 on a 2022 -> 2027 path is 36 / 60 = 0.6.
double TimeProgress(int base_year, int target_year, core::Period period);
// Years from the end of `period` to the end of `target_year` (0 when past).
double YearsLeft(int target_year, core::Period period);
// (target / actual)^(1 / years) − 1; nullopt if actual or target is not above zero or no time.
std::optional<double> RequiredGrowth(double actual, double target, double years);

// Every target of a plan at one period, with the month-by-month history when asked for.
struct TargetReport {
  model::TargetPlan plan;
  core::Period period;
  struct Row {
    model::Target target;
    Progress progress;
    std::vector<std::pair<core::Period, Progress>> history;  // oldest first
  };
  std::vector<Row> rows;
};

Progress Evaluate(const model::TargetPlan& plan, const model::Target& target, core::Period period,
                  const Figures& figures);

// The time path's light weighed against the odds, once they are known: "red" (滞后) needs both
// the path and the trend against the goal; one of the two against it is "amber" (关注). An
// unmet target whose odds are below one half is at best amber; one whose odds are at least one
// half is at worst amber. Past the target year, and without odds, the path alone decides.
void WeighOdds(Progress& p);

}  // namespace clusterscope::targets
