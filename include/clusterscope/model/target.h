// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// A target plan: the dated goals a region is judged by (力争到2027年), each wired to how its
// actual value is obtained: from the enterprise data through the engine, counted from the
// registry and designations, or read from an external series (GDP, investment, ...). The plan
// also lists the external series it reads. Plain value types with a Check() of their rules.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clusterscope/model/cluster_system.h"
#include "clusterscope/model/problem.h"

namespace clusterscope::model {

// What a unit measures; a ratio's unit is its numerator's over its denominator's.
enum class Dimension { kMoney, kEnergy, kPersons, kCount, kArea, kNone };

// A unit a target may be stated in, and its factor from the base unit of its dimensions
// (money in 万元, energy in tce, area in km², persons and counts as themselves).
struct Unit {
  std::string_view name;  // "亿元", "%", "万元/人"
  Dimension numerator;
  Dimension denominator;  // kNone for a plain quantity; kNone with numerator kNone: a share
  double factor;          // value in this unit = value in base units x factor
};
const Unit* FindUnit(std::string_view name);

// One quantity a target reads: exactly one of the sources.
struct Quantity {
  enum class Source {
    kMeasure,      // Σ of a monthly measure over a group's frame, for a year or year to date
    kIndicator,    // an indicator the engine computes for a group ("labor_productivity")
    kDesignation,  // enterprises holding a designation at the period's end
    kEnterprises,  // enterprises passing a test ("above_scale", "revenue_over")
    kSeries,       // an external series
  };
  Source source = Source::kMeasure;
  std::string name;                 // measure, indicator, designation type, test or series code
  std::string group = "total";      // measures and indicators: "total" or "kind:code"
  std::optional<double> threshold;  // revenue_over: 万元 a year
  bool above_scale_only = false;    // designations: count only above-scale enterprises
  bool new_since_base = false;      // designations: only those granted after the base year

  Dimension dimension() const;  // kNone for a series (its unit says)
};

enum class TargetKind {
  kLevel,      // an aggregate reaches a value (≥ 1000 亿元)
  kRatio,      // a ratio of two aggregates reaches a value (a share, an intensity, per person)
  kCount,      // enterprises or sites holding a designation or passing a test
  kRate,       // a ratio falls (or rises) at least as fast as an externally set rate
  kCompare,    // a change is better than an external series' change
  kMilestone,  // a dated event with no number
  kFloor,      // a figure (a value or a ratio) to hold above a line every year (保持在…以上)
};
std::string_view TargetKindName(TargetKind kind);

enum class Direction { kAtLeast, kAtMost };

struct Target {
  std::string id;  // "T01", "T30c"
  int row = 0;     // the row of the plan's table
  std::string name_zh;
  std::string name_en;
  TargetKind kind = TargetKind::kLevel;
  std::string scope = "region";  // "region", "cluster:L1", "park:GXQ"
  std::string unit;              // a FindUnit() name; empty for milestones
  Direction direction = Direction::kAtLeast;
  std::optional<Quantity> value;        // level, count, compare, floor
  std::optional<Quantity> numerator;    // ratio, rate, floor (a ratio)
  std::optional<Quantity> denominator;  // ratio, rate, floor (a ratio)
  std::optional<Quantity> reference;    // rate: the set rate (% a year); compare: the series
  std::string milestone_series;         // milestone: the series whose first value marks it
  int base_year = 0;
  std::optional<double> base_value;  // in `unit`; when absent, obtained for base_year
  // Where a given base comes from: a published figure and its publisher, or "derived: ..."
  // with how (the six doublings' halves of the 2027 figures).
  std::string base_source;
  // What a level of a money measure counts. "above_scale" (规上): the monthly statistics as they
  // are. "whole_industry" (全部工业, T01 and T02 of the source): the district's published total,
  // series `coverage_series`, for a year it covers; else the above-scale figure divided by
  // `above_scale_share` (the declared share of above-scale industry in the whole), marked
  // derived. Parts of a split target are always derived from their own above-scale figures.
  std::string coverage = "above_scale";
  std::string coverage_series;
  std::optional<double> above_scale_share;
  int target_year = 0;
  std::optional<double> target_value;  // in `unit`; none for rate, compare and milestone
  std::string source_text;             // the plan's own words
  // A region level target split across the groups of a kind ("cluster", "park", "tier"): each
  // part gets `parts` where set, and the rest of the goal in proportion to base-year figures.
  std::string decompose;
  std::map<std::string, double> parts;  // group code -> its goal, in `unit`
  std::string parent;                   // a part: the id of the target it is split from
};

// An external series a plan reads: values by year (or month) imported with `import series`.
struct SeriesDefinition {
  std::string code;  // "gdp"
  std::string name_zh;
  std::string name_en;
  std::string unit;  // a FindUnit() name, or "date" for milestones
};

// One value of an external series: for a year (month 0), or for a month as the year to date of a
// series published monthly. A milestone's series has the value 1 in the period it was reached.
struct SeriesValue {
  std::string series;
  int year = 0;
  int month = 0;
  double value = 0;
  std::string source;              // who published it, where
  std::string PeriodText() const;  // "2024" or "2024-06"
};

struct TargetPlan {
  std::string system_code;  // the cluster system's code
  std::string name_zh;
  std::string source;
  // Status on the time path (docs/targets.md): ahead when the path covered leads the time
  // elapsed by `ahead_gap` or more; green when it trails by at most `amber_gap`; amber when by
  // at most `red_gap`; red beyond. Fractions of the whole path.
  double ahead_gap = 0.10;
  double amber_gap = 0.0;
  double red_gap = 0.10;
  std::vector<SeriesDefinition> series;
  std::vector<Target> targets;

  const SeriesDefinition* FindSeries(std::string_view code) const;
  const Target* FindTarget(std::string_view id) const;
  // Every problem, keyed "targets[3].unit": unknown measures, indicators, designations, tests,
  // series, groups or scopes; units that do not fit the quantities; a target year before the
  // base year; a missing value for the kind; duplicate ids.
  std::vector<Problem> Check(const ClusterSystem& system) const;
};

}  // namespace clusterscope::model
