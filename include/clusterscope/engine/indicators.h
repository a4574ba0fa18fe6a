// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The statistics bureau's monthly indicators for every group of enterprises (docs/indicators.md
// defines each). For period P (year y, month m): the current window W is y-01..P, the base
// window W' the same months of y-1; the frame F of a group is its enterprises above scale in y
// that report at least once in W; missing months count as zero in sums; growth is on the same
// basis (同口径): last year re-summed over this year's frame. The base of an enterprise-month
// is the prior-year figure it reported (上年同期), else its stored figure of a year earlier,
// else zero.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "clusterscope/core/period.h"
#include "clusterscope/engine/panel.h"
#include "clusterscope/model/cluster_system.h"
#include "clusterscope/model/enterprise.h"

namespace clusterscope::engine {

struct Ranked {
  std::string uscc;
  std::string name;
  double ytd_output = 0;
  std::optional<double> growth;  // null when its base is 0
};

// The additive figures a group publishes, each a sum over its frame: what disclosure control
// weighs one by one. Year-to-date sums in Measure order from kOutput (employees as
// employee-months); bases are last year's same months over this year's frame.
enum class Quantity : std::uint8_t {
  kMonthOutput,
  kMonthOutputBase,
  kOutput,
  kValueAdded,
  kRevenue,
  kProfit,
  kRdExpense,
  kNewProductRevenue,
  kExportValue,
  kEnergyTce,
  kEmployeeMonths,
  kOutputBase,
  kValueAddedBase,
  kProfitBase,
  kEnergyBase,
  kLossAmount,      // Σ of the losses of loss-makers (an enterprise's contribution: its size)
  kRealValueAdded,  // value added at last year's prices
};
inline constexpr std::size_t kQuantityCount = 17;
constexpr std::size_t Idx(Quantity q) { return static_cast<std::size_t>(q); }
constexpr Quantity YearToDate(model::Measure m) {
  return static_cast<Quantity>(Idx(Quantity::kOutput) + static_cast<std::size_t>(m));
}
std::string_view QuantityName(Quantity q);  // "ytd_output", "month_output_base", ...
bool MayBeNegative(Quantity q);             // profit and value added

struct GroupIndicators {
  std::string kind;  // "total", "tier", "cluster", "park", "town", "division", "class",
                     // a grouping's code ("sector"), "high_tech", "strategic_emerging"
  std::string code;
  std::string name;
  // The group this one lies inside, whose figures its siblings' add up to: a cluster's tier, a
  // class's division, the total for the rest (empty for the total itself).
  std::string parent_kind;
  std::string parent_code;
  std::size_t enterprises = 0;      // in the frame F
  std::array<double, 2> largest{};  // the two largest ytd outputs of F (a chain link's top share)
  // Set by disclosure control: why the group's output, and so every figure, is withheld
  // ("primary": its own rules; "secondary": it would give a withheld figure away; "same_as": the
  // same enterprises as a withheld group), or empty.
  std::string suppressed;
  // Set by disclosure control on a published group: why one quantity is withheld (its sum
  // zeroed and the ratios that read it null), or empty.
  std::array<std::string, kQuantityCount> withheld{};
  double month_output = 0;
  double month_output_base = 0;
  std::array<double, model::kMeasureCount> ytd{};       // Σ over F and W, by Measure
  std::array<double, model::kMeasureCount> ytd_base{};  // Σ over F and W'
  double employee_months = 0;                           // Σ headcount over F and W
  double real_value_added = 0;  // Σ value added over F and W at last year's prices

  std::optional<double> growth_same_basis;  // ytd output / base - 1
  std::optional<double> month_growth;       // the month alone
  std::optional<double>
      contribution_rate;          // share of the total's change in output (current prices)
  std::optional<double> pull_pp;  // change / the total's base x 100 (output, current)
  // The same of value added at comparable prices (real value added less its base, on the
  // total's); null without a price index for every month of the group and the total.
  std::optional<double> contribution_rate_va_real;
  std::optional<double> pull_pp_va_real;
  std::optional<double> va_rate;  // value added / output
  // Value-added growth at comparable prices: this year's value added deflated month by month
  // with its division's price index, over last year's. Null without an index for every
  // division-month of the group's value added.
  std::optional<double> value_added_growth_real;
  std::size_t price_gaps = 0;               // enterprise-months with value added but no price index
  std::optional<double> profit_margin;      // profit / revenue
  std::optional<double> rd_intensity;       // R&D / revenue
  std::optional<double> new_product_share;  // new-product revenue / revenue
  std::optional<double> export_share;       // export delivery value / output
  std::optional<double> energy_per_va;  // tce per 万元 of value added at current prices (a level)
  // Its change on the same months of last year, on the same enterprises: at comparable prices,
  // (1 + energy growth) / (1 + real value-added growth) - 1 (null without price indices), and
  // at current prices.
  std::optional<double> energy_per_va_change;
  std::optional<double> energy_per_va_change_nominal;
  std::optional<double> labor_productivity;  // 万元 of value added a person a year
  std::optional<double> output_per_km2;      // parks with a known industrial land area
  std::size_t declining_count = 0;           // base > 0 and ytd output below it
  std::size_t loss_count = 0;                // ytd profit < 0
  double loss_amount = 0;                    // Σ of those losses (negative)
  std::size_t non_reporting_count = 0;       // in F, no figures for P itself
  // Enterprises of F founded before W' (or on an unknown date) with neither a reported nor a
  // stored base for output: how much of the growth rests on a zero base. Their ytd output is
  // null in a published form (a subset the groups do not tell apart).
  std::size_t unbased_count = 0;
  std::optional<double> unbased_output = 0.0;
  std::vector<Ranked> top_by_output;
  std::vector<Ranked> top_by_growth;  // among those with a base

  // Same-basis growth of any measure; null when its base is 0, or when disclosure control
  // withheld the measure or its base.
  std::optional<double> Growth(model::Measure measure) const;
  // Whether a quantity is published: the group is, and the quantity is not withheld.
  bool Shown(Quantity q) const { return suppressed.empty() && withheld[Idx(q)].empty(); }
  // The value of a quantity, from the sums above.
  double Sum(Quantity q) const;
  // The value of a quantity as published: null when withheld.
  std::optional<double> Figure(Quantity q) const {
    return Shown(q) ? std::optional<double>(Sum(q)) : std::nullopt;
  }
};

// The kinds of named-member groups (MemberGroup::kind) a computation gives; every kind the
// engine holds when unset. One engine serves every view, each asking for its own kinds.
using MemberKinds = std::optional<std::set<std::string>>;

struct IndicatorOptions {
  std::size_t top = 10;  // enterprises ranked per group
  MemberKinds member_kinds = std::nullopt;
};

// Red / amber alerts for the analyst (rules configurable; docs/indicators.md).
struct AlertRules {
  double decline_share = 0.2;  // an enterprise's month output this far below the same month
  int decline_months = 3;      // ... of last year, this many months running
  double revenue_threshold_wan = 2000;  // above-scale line: 20 M yuan of revenue a year
};

// An alert gives the figures that tripped its rule; the report words them in its language.
struct Alert {
  std::string level;  // "red" or "amber"
  std::string rule;   // "group_declining", "group_below_total", "enterprise_declining",
                      // "leaving_frame", "not_reported"; added by the application:
                      // "target_behind", "project_overdue" (reference: the stage awaited)
  std::string kind;   // the group's kind, or "enterprise"
  std::string code;   // group code or credit code
  std::string name;
  std::optional<double> value;      // the figure that tripped the rule: a growth, a change, 万元
  std::optional<double> reference;  // what it was held against: the total's growth, the
                                    // decline share, the above-scale revenue line (万元)
  int months = 0;                   // enterprise_declining: months running
  bool enterprise_level() const { return kind == "enterprise"; }
};

// The total of one month, for trend charts.
struct TrendPoint {
  core::Period period;
  double month_output = 0;
  std::optional<double> month_growth;
  std::optional<double> growth_same_basis;  // year to date
};

struct MonthlyIndicators {
  core::Period period;
  std::vector<GroupIndicators> groups;  // total first, then by kind and code; empty F left out
  std::vector<Alert> alerts;            // filled by Engine::Alerts when asked for
  std::vector<TrendPoint> trend;        // filled by Engine::Trend when asked for
  // The named-member kinds computed (IndicatorOptions::member_kinds): other months are
  // computed alike to be published alike.
  MemberKinds member_kinds = std::nullopt;
};

// Each enterprise of a period's frame with its value of every quantity, and the members of each
// group of that period's indicators: what disclosure control weighs.
struct Contributions {
  core::Period period;
  std::vector<std::string> uscc;                           // per enterprise
  std::vector<std::string> park;                           // its park's code, or empty
  std::vector<std::array<double, kQuantityCount>> values;  // per enterprise
  std::vector<std::vector<std::uint32_t>> members;         // per group of the indicators
};

// A group whose members are named, not derived from the registry: a saved list (kind "list"),
// an industry chain ("chain") or one of its links ("link"). Such groups may overlap.
struct MemberGroup {
  std::string kind;
  std::string code;
  std::string name;
  std::vector<std::string> members;  // credit codes
};

// Saved lists (name -> credit codes) as groups of kind "list".
inline constexpr std::string_view kListKind = "list";
std::vector<MemberGroup> ListGroups(const std::map<std::string, std::vector<std::string>>& lists);

// The indicators of a panel of enterprises, grouped by a cluster system.
class Engine {
 public:
  // `member_groups`: groups by named members besides the system's groupings; each is a kind of
  // its own, since they may overlap.
  Engine(model::ClusterSystem system, std::vector<model::Enterprise> registry,
         std::vector<MemberGroup> member_groups = {});

  // Price indices by division and month (same month of last year = 100), for real growth.
  void SetPriceIndices(const std::vector<model::PriceIndex>& indices);

  // Lays newly imported (or all current) months over the panel: no rebuild.
  void Apply(const model::MonthlyPanel& facts);
  // Takes a whole panel (mapped from its image) in place of an empty one.
  void Adopt(Panel panel);
  const Panel& panel() const { return panel_; }
  // The registry the engine was made with.
  const std::vector<model::Enterprise>& registry() const { return registry_; }

  MonthlyIndicators Compute(core::Period period, const IndicatorOptions& options = {}) const;

  // The contributions behind `indicators` (an answer of Compute()).
  Contributions ContributionsTo(const MonthlyIndicators& indicators) const;

  // Alerts for period P: groups shrinking or growing slower than the total, enterprises down
  // for months running, at risk of leaving the above-scale frame, or not reporting. Groups
  // first (red before amber), then enterprises by credit code.
  std::vector<Alert> Alerts(const MonthlyIndicators& indicators, const AlertRules& rules) const;

  // The total's month output and growth for the `months` months ending at `last`, oldest first
  // (each month by its own frame, as its report would say).
  std::vector<TrendPoint> Trend(core::Period last, int months) const;

  // Which group of each kind every enterprise of the panel belongs to: (credit code, kind,
  // group code) rows, for exports and for checking other tools against the engine.
  struct Membership {
    std::string uscc;
    std::string kind;
    std::string code;
  };
  std::vector<Membership> Memberships() const;

  // Year-to-date sums of `measure` at `period` for every enterprise of the frame of its year
  // (above scale that year, reporting at least once in it), by credit code.
  std::vector<std::pair<std::string, double>> EnterpriseYearToDate(core::Period period,
                                                                   model::Measure measure) const;
  // The same by panel slot, exact: none for a slot outside the frame.
  std::vector<std::optional<Amount>> YearToDateBySlot(core::Period period,
                                                      model::Measure measure) const;

 private:
  struct Kind {
    std::string code;
    // Members of a MemberGroup (its one group), by credit code.
    std::vector<std::string> list;
    bool named_members = false;  // a MemberGroup: overlaps others, no parent
    std::vector<std::pair<std::string, std::string>> groups;  // (code, name)
    std::vector<std::int32_t> member;                         // per panel slot, or -1
  };
  class Pass;  // one Compute() call's working state, in indicators.cc
  void IndexNewSlots();
  // The registered enterprise of every panel slot, or nullptr.
  std::vector<const model::Enterprise*> RegisteredBySlot() const;
  // The group of `kind` that `e` belongs to (added to the kind and `index` when new), or -1.
  std::int32_t GroupOf(Kind& kind, std::map<std::string, std::int32_t>& index,
                       const model::Enterprise& e, const std::map<std::string, std::string>& towns);
  // Compute() works on blocks of this many enterprises, small enough to stay in cache.
  static constexpr std::size_t kBlock = 1024;
  // Year-to-date sums of every measure for enterprises from .. from + count - 1 at `period`,
  // and whether each reported output in the year so far (when `reported` is given). The
  // headcount of a combined January-February report counts for both months.
  void SumYearToDate(std::int32_t period, std::size_t from, std::size_t count,
                     std::array<std::array<Amount, kBlock>, model::kMeasureCount>& sums,
                     std::array<std::uint8_t, kBlock>* reported) const;
  // The bases of those year-to-date sums: month by month the prior-year figure reported with
  // the month, else the stored figure a year earlier; `based` is 1 where output had either.
  void SumBaseYearToDate(std::int32_t period, std::size_t from, std::size_t count,
                         std::array<std::array<Amount, kBlock>, model::kMeasureCount>& sums,
                         std::array<std::uint8_t, kBlock>& based) const;
  // The base of one enterprise-month's output, the same way.
  Amount MonthOutputBase(std::int32_t period, std::size_t e) const;
  // Whether enterprise slot `e` has no row in `january` and a February with output: the
  // combined January-February report (1-2月), whose figures cover January too.
  bool CombinedJanuary(std::int32_t january, std::size_t e) const;

  model::ClusterSystem system_;
  std::vector<model::Enterprise> registry_;
  Panel panel_;
  std::vector<const model::Enterprise*> enterprise_of_;  // per panel slot, or null
  std::vector<std::int16_t> division_of_;                // per panel slot: 0..99, or -1
  std::unordered_map<std::int64_t, double> prices_;      // (division << 32 | period) -> index
  std::vector<Kind> kinds_;
};

}  // namespace clusterscope::engine
