// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/targets/progress.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "clusterscope/text/targets.h"

namespace clusterscope::targets {

double TimeProgress(int base_year, int target_year, core::Period period) {
  const int total = (target_year - base_year) * 12;
  if (total <= 0) return 1;
  const int elapsed = (period.year - base_year - 1) * 12 + period.month;
  return std::clamp(static_cast<double>(elapsed) / total, 0.0, 1.0);
}

double YearsLeft(int target_year, core::Period period) {
  const int months = (target_year - period.year) * 12 + (12 - period.month);
  return std::max(0, months) / 12.0;
}

std::optional<double> RequiredGrowth(double actual, double target, double years) {
  if (actual <= 0 || target <= 0 || years <= 0) return std::nullopt;
  return std::pow(target / actual, 1 / years) - 1;
}

std::optional<double> Project(const std::vector<Point>& points, double at, bool linear) {
  if (points.size() < 2) return std::nullopt;
  bool positive = true;
  for (const auto& p : points) positive = positive && p.value > 0;
  const bool logs = positive && !linear;
  double mean_t = 0;
  double mean_v = 0;
  for (const auto& p : points) {
    mean_t += p.years;
    mean_v += logs ? std::log(p.value) : p.value;
  }
  mean_t /= static_cast<double>(points.size());
  mean_v /= static_cast<double>(points.size());
  double sxx = 0;
  double sxy = 0;
  for (const auto& p : points) {
    const double dt = p.years - mean_t;
    sxx += dt * dt;
    sxy += dt * ((logs ? std::log(p.value) : p.value) - mean_v);
  }
  if (sxx == 0) return std::nullopt;
  const double fitted = mean_v + sxy / sxx * (at - mean_t);
  return logs ? std::exp(fitted) : fitted;
}

namespace {

// Green while the path covered keeps up with the time elapsed (less the amber gap); ahead when
// it leads by the ahead gap.
std::string Light(const model::TargetPlan& plan, double path, double time) {
  // A figure exactly on time must not fall behind by a rounding of the logarithms behind it.
  constexpr double kTolerance = 1e-9;
  const double behind = time - path;
  if (-behind >= plan.ahead_gap - kTolerance) return "ahead";
  if (behind <= plan.amber_gap + kTolerance) return "green";
  if (behind <= plan.red_gap + kTolerance) return "amber";
  return "red";
}

// The share of the path from base to goal covered: on the log scale for levels and counts, in
// points for shares and for anything not above zero.
double PathProgress(double base, double actual, double goal, bool share) {
  if (!share && actual > 0 && base > 0 && goal > 0) {
    return std::log(actual / base) / std::log(goal / base);
  }
  return (actual - base) / (goal - base);
}

// A milestone: ahead once reached before its year (green in it); before that amber, and red
// after its year.
void Milestone(const model::Target& target, core::Period period, const Figures& figures,
               Progress& p) {
  if (figures.reached && *figures.reached <= period) {
    p.status = figures.reached->year < target.target_year ? "ahead" : "green";
    p.completion = 1;
    p.note = core::Say(text::kMilestoneReached, figures.reached->year, figures.reached->month,
                       figures.reached->ToString());
    return;
  }
  const bool overdue = period.year > target.target_year;
  p.status = overdue ? "red" : "amber";
  p.note = core::Say(overdue ? text::kMilestoneOverdue : text::kMilestonePending);
}

// Rate: the figure's change on a year before (%) against the set rate of fall (a positive %
// for a fall); compare: the external change against the reference change. Both figures given.
void AgainstLimit(const model::Target& target, const Figures& figures, Progress& p) {
  const bool at_most = target.direction == model::Direction::kAtMost;
  const double limit = target.kind == model::TargetKind::kRate
                           ? (at_most ? -*figures.reference : *figures.reference)
                           : *figures.reference;
  // Figures met exactly must not miss by a rounding of the arithmetic behind them.
  constexpr double kTolerance = 1e-9;
  const bool met =
      at_most ? *figures.actual <= limit + kTolerance : *figures.actual >= limit - kTolerance;
  const double shortfall = std::abs(*figures.actual - limit);
  p.status = met ? "green" : (shortfall <= 0.5 ? "amber" : "red");  // within half a point
  p.note = core::Say(text::kRateAgainstLimit, *figures.actual, limit);
}

// A floor holds every year: red while the figure is below it; amber when it holds now but a year
// since the base ended below it; green otherwise.
void Floor(const model::Target& target, const Figures& figures, Progress& p) {
  if (!figures.actual || !target.target_value) {
    p.status = "no_data";
    p.note = figures.missing.empty() ? core::Say(text::kNoData) : figures.missing;
    return;
  }
  const double actual = *figures.actual;
  const double floor = *target.target_value;
  if (floor != 0) p.completion = actual / floor;
  if (actual < floor) {
    p.status = "red";
    p.note = core::Say(text::kFloorBroken, actual, floor);
  } else if (figures.broken_in) {
    p.status = "amber";
    p.note = core::Say(text::kFloorBrokenIn, *figures.broken_in, floor);
  } else {
    p.status = "green";
  }
}

}  // namespace

Progress Evaluate(const model::TargetPlan& plan, const model::Target& target, core::Period period,
                  const Figures& figures) {
  Progress p;
  p.actual = figures.actual;
  p.base = figures.base;
  p.target = target.target_value;
  p.reference = figures.reference;
  p.coverage_source = figures.coverage_source;
  p.time_progress = TimeProgress(target.base_year, target.target_year, period);
  p.years_left = YearsLeft(target.target_year, period);
  const bool at_most = target.direction == model::Direction::kAtMost;
  const auto no_data = [&](core::Text why) {
    p.status = "no_data";
    p.note = why.empty() ? core::Say(text::kNoData) : std::move(why);
    return p;
  };

  switch (target.kind) {
    case model::TargetKind::kMilestone:
      Milestone(target, period, figures, p);
      return p;

    case model::TargetKind::kRate:
    case model::TargetKind::kCompare:
      if (!figures.actual || !figures.reference) return no_data(figures.missing);
      AgainstLimit(target, figures, p);
      return p;

    case model::TargetKind::kFloor:
      Floor(target, figures, p);
      return p;

    case model::TargetKind::kLevel:
    case model::TargetKind::kRatio:
    case model::TargetKind::kCount:
      break;
  }

  if (!figures.actual || !target.target_value) return no_data(figures.missing);
  const double actual = *figures.actual;
  const double goal = *target.target_value;
  if (at_most) {
    if (actual > 0) p.completion = goal / actual;
  } else if (goal != 0) {
    p.completion = actual / goal;
  }
  const bool met = at_most ? actual <= goal : actual >= goal;
  const bool share = target.unit == "%";
  if (!met && p.years_left > 0) {
    if (share) {
      p.required_points_per_year = (goal - actual) / p.years_left;
    } else {
      p.required_annual_growth = RequiredGrowth(actual, goal, p.years_left);
      if (!p.required_annual_growth) p.required_per_year = (goal - actual) / p.years_left;
    }
  }
  if (figures.base && *figures.base != goal) {
    p.path_progress = PathProgress(*figures.base, actual, goal, share);
  }
  if (met) {
    p.status = p.years_left > 0 ? "ahead" : "green";
  } else if (p.path_progress) {
    p.status = Light(plan, *p.path_progress, p.time_progress);
  } else {
    // No base to measure the path from: the completion ratio stands in for it.
    p.status = Light(plan, p.completion.value_or(0), p.time_progress);
    p.note = figures.missing.empty() ? core::Say(text::kNoBaseValue) : figures.missing;
  }
  if (p.years_left == 0 && !met) p.status = "red";
  // Odds only for what can still move towards its goal (WeighOdds).
  p.unmet_in_time = !met && p.years_left > 0;
  if (p.coverage_source == "derived" && p.note.empty() && target.above_scale_share) {
    p.note = core::Say(text::kWholeIndustryDerived, *target.above_scale_share * 100);
  }
  return p;
}

void WeighOdds(Progress& p) {
  if (!p.odds || !p.unmet_in_time) return;
  const bool trend_gets_there = p.odds->probability >= 0.5;
  if (trend_gets_there && p.status == "red") p.status = "amber";
  if (!trend_gets_there && p.status == "amber") p.status = "red";
  if (!trend_gets_there && (p.status == "green" || p.status == "ahead")) p.status = "amber";
}

}  // namespace clusterscope::targets
