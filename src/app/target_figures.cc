// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "target_figures.h"

#include <fmt/format.h>

#include "clusterscope/text/targets.h"

namespace clusterscope::app {
namespace {

using model::Measure;
using model::Quantity;

std::optional<Measure> MeasureNamed(std::string_view name) {
  for (const auto& info : model::Measures()) {
    if (info.column == name) return info.measure;
  }
  return std::nullopt;
}

core::Date EndOf(core::Period period) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (period.year % 4 == 0 && period.year % 100 != 0) || period.year % 400 == 0;
  const int day = period.month == 2 && leap ? 29 : kDays[period.month - 1];
  return core::Date{period.year, period.month, day};
}

// The groups a target's group names: "total", "KIND:CODE", or "KIND:*" (every group of a kind).
std::vector<const engine::GroupIndicators*> GroupsNamed(
    const std::string& group, const engine::MonthlyIndicators& indicators) {
  const auto colon = group.find(':');
  const std::string kind = group.substr(0, colon);
  const std::string code = colon == std::string::npos ? kind : group.substr(colon + 1);
  std::vector<const engine::GroupIndicators*> out;
  for (const auto& g : indicators.groups) {
    if (g.kind == kind && (code == "*" || g.code == code)) out.push_back(&g);
  }
  return out;
}

}  // namespace

TargetFigures::TargetFigures(const model::ClusterSystem& system, const model::TargetPlan& plan,
                             const engine::Engine& engine,
                             const std::vector<model::Enterprise>& registry,
                             const std::vector<model::Designation>& designations,
                             const std::vector<model::SeriesValue>& series)
    : system_(system),
      engine_(engine),
      registry_(registry),
      designations_(designations),
      by_code_(registry) {
  for (const auto& s : plan.series) series_units_[s.code] = s.unit;
  for (const auto& v : series) series_[v.series][v.year * 100 + v.month] = v.value;
}

const engine::MonthlyIndicators& TargetFigures::Indicators(core::Period period) {
  auto it = computed_.find(period.Index());
  if (it == computed_.end()) {
    // The system's groups only: a target is set on a tier, a cluster, a park or the total.
    it = computed_
             .emplace(period.Index(),
                      engine_.Compute(period, {.top = 0, .member_kinds = std::set<std::string>{}}))
             .first;
  }
  return it->second;
}

std::optional<double> TargetFigures::YearToDate(const std::string& group, Measure m,
                                                core::Period period, core::Text* missing) {
  const auto& indicators = Indicators(period);
  if (indicators.groups.empty()) {
    *missing = core::Say(text::kNoMonthlyStatistics, period.ToString());
    return std::nullopt;
  }
  const auto index = static_cast<std::size_t>(m);
  double sum = 0;
  for (const auto* g : GroupsNamed(group, indicators)) sum += g->ytd[index];
  return sum;  // no enterprise of the group in the frame: a true zero
}

std::optional<TargetFigures::SameBasisSums> TargetFigures::SameBasis(const Quantity& q,
                                                                     core::Period period,
                                                                     core::Text* missing) {
  const auto m = MeasureNamed(q.name);
  const auto& indicators = Indicators(period);
  if (indicators.groups.empty()) {
    *missing = core::Say(text::kNoMonthlyStatistics, period.ToString());
    return std::nullopt;
  }
  SameBasisSums out;
  for (const auto* g : GroupsNamed(q.group, indicators)) {
    out.base += g->ytd_base[static_cast<std::size_t>(*m)];
    if (*m != Measure::kValueAdded) {
      out.current += g->ytd[static_cast<std::size_t>(*m)];
    } else if (g->value_added_growth_real) {
      out.current += g->real_value_added;
    } else {
      *missing = core::Say(text::kNeedsComparablePrices, period.ToString());
      return std::nullopt;
    }
  }
  return out;
}

std::optional<double> TargetFigures::Trailing(const std::string& group, Measure m,
                                              core::Period period, core::Text* missing) {
  // This year's months with this year's frame, and last year's later months with last year's:
  // each month counted as its own report counted it. December is the year itself.
  const auto now = YearToDate(group, m, period, missing);
  if (!now || period.month == 12) return now;
  const auto last_year = YearToDate(group, m, {period.year - 1, 12}, missing);
  const auto last_ytd = YearToDate(group, m, {period.year - 1, period.month}, missing);
  if (!last_year || !last_ytd) {
    *missing = core::Say(text::kTrailingNeedsMonths, period.ToString(), period.year - 1);
    return std::nullopt;
  }
  return *now + *last_year - *last_ytd;
}

std::vector<double> TargetFigures::TrailingByEnterprise(Measure m, core::Period period) {
  auto out = engine_.YearToDateBySlot(period, m);
  if (period.month != 12) {
    // This year to date, and last year's December less last year to the same month: exact sums
    // by slot, where a map by credit code of half a million enterprises took seconds.
    const auto earlier = engine_.YearToDateBySlot({period.year - 1, period.month}, m);
    const auto december = engine_.YearToDateBySlot({period.year - 1, 12}, m);
    for (std::size_t slot = 0; slot < out.size(); ++slot) {
      if (out[slot] && december[slot]) *out[slot] += *december[slot] - earlier[slot].value_or(0);
    }
  }
  std::vector<double> values;
  for (const auto& v : out) {
    if (v) values.push_back(engine::FromAmount(*v));
  }
  return values;
}

std::optional<double> TargetFigures::Series(const std::string& code, core::Period period,
                                            core::Text* missing) const {
  const auto found = series_.find(code);
  const auto unit = series_units_.find(code);
  if (found != series_.end() && unit != series_units_.end()) {
    const auto* u = model::FindUnit(unit->second);
    const double factor = u != nullptr ? u->factor : 1;
    // The year itself when published; before December its year to date; else last year's.
    for (const int key :
         {period.year * 100, period.year * 100 + period.month, (period.year - 1) * 100}) {
      if (key % 100 != 0 && period.month == 12) continue;
      if (const auto v = found->second.find(key); v != found->second.end()) {
        return v->second / factor;
      }
    }
  }
  *missing = core::Say(text::kSeriesHasNoValue, code, period.year, period.year - 1);
  return std::nullopt;
}

std::optional<double> TargetFigures::PublishedWhole(const model::Target& t,
                                                    core::Period period) const {
  // A year's published total stands for the trailing 12 months at its December only.
  if (t.coverage_series.empty() || period.month != 12) return std::nullopt;
  const auto found = series_.find(t.coverage_series);
  const auto unit = series_units_.find(t.coverage_series);
  if (found == series_.end() || unit == series_units_.end()) return std::nullopt;
  const auto value = found->second.find(period.year * 100);
  if (value == found->second.end()) return std::nullopt;
  const auto* u = model::FindUnit(unit->second);
  return value->second / (u != nullptr ? u->factor : 1);
}

double TargetFigures::DesignationHolders(const Quantity& q, core::Period period,
                                         int base_year) const {
  // Distinct enterprises holding a grant in force at the end of the period (a renewal is not a
  // second holder; a grant past its term has lapsed); "new since the base" counts those first
  // granted after the base year.
  const core::Date end = EndOf(period);
  const int term = system_.DesignationTerm(q.name);
  std::map<std::string_view, std::pair<bool, int>> holders;  // uscc -> (in force, first year)
  for (const auto& d : designations_) {
    if (d.type != q.name || end < d.granted) continue;
    auto [it, added] = holders.try_emplace(d.uscc, false, d.granted.year);
    it->second.first = it->second.first || d.ActiveOn(end, term);
    it->second.second = std::min(it->second.second, d.granted.year);
  }
  double count = 0;
  for (const auto& [uscc, holder] : holders) {
    if (!holder.first || (q.new_since_base && holder.second <= base_year)) continue;
    if (q.above_scale_only) {
      const auto* e = by_code_.FindCode(uscc);
      if (e == nullptr || e->AboveScaleIn(period.year) != true) continue;
    }
    ++count;
  }
  return count;
}

std::optional<double> TargetFigures::Value(const Quantity& q, core::Period period, int base_year,
                                           core::Text* missing) {
  switch (q.source) {
    case Quantity::Source::kMeasure: {
      const auto m = *MeasureNamed(q.name);
      const auto sum = Trailing(q.group, m, period, missing);
      if (sum && m == Measure::kEmployees) return *sum / 12;  // average persons employed
      return sum;
    }
    case Quantity::Source::kIndicator: {
      const auto output = Trailing(q.group, Measure::kOutputValue, period, missing);
      if (q.name == "labor_productivity") {
        const auto va = Trailing(q.group, Measure::kValueAdded, period, missing);
        const auto employee_months = Trailing(q.group, Measure::kEmployees, period, missing);
        if (!va || !employee_months) return std::nullopt;
        if (*employee_months <= 0) {
          *missing = core::Say(text::kNoEmployeesReported);
          return std::nullopt;
        }
        return *va / (*employee_months / 12);
      }
      // output_per_km2: the land of the group's parks.
      double land = 0;
      for (const auto& park : system_.parks) {
        const bool in = q.group == "total" || q.group == "park:*" || q.group == "park:" + park.code;
        if (!in) continue;
        if (!park.land_km2) {
          *missing = core::Say(text::kParkHasNoLandArea, park.code);
          return std::nullopt;
        }
        land += *park.land_km2;
      }
      if (!output || land <= 0) return std::nullopt;
      return *output / land;
    }
    case Quantity::Source::kDesignation:
      return DesignationHolders(q, period, base_year);
    case Quantity::Source::kEnterprises: {
      if (q.name == "above_scale") {
        const auto [it, added] = above_scale_.try_emplace(period.year, 0);
        if (added) {
          for (const auto& e : registry_) it->second += e.AboveScaleIn(period.year) == true ? 1 : 0;
        }
        return it->second;
      }
      if (q.name == "listed") {  // the registry's listed flag, as it stands now
        if (!listed_) {
          listed_ = 0;
          for (const auto& e : registry_) *listed_ += e.listed == true ? 1 : 0;
        }
        return *listed_;
      }
      const Measure m = q.name == "revenue_over" ? Measure::kRevenue : Measure::kRdExpense;
      if (Indicators(period).groups.empty()) {
        *missing = core::Say(text::kNoMonthlyStatistics, period.ToString());
        return std::nullopt;
      }
      double count = 0;
      for (const double v : TrailingByEnterprise(m, period)) {
        count += (q.name == "revenue_over" ? v > *q.threshold : v > 0) ? 1 : 0;
      }
      return count;
    }
    case Quantity::Source::kSeries:
      return Series(q.name, period, missing);
  }
  return std::nullopt;
}

std::optional<double> TargetFigures::Figure(const model::Target& t, core::Period period,
                                            core::Text* missing) {
  const auto* unit = model::FindUnit(t.unit);
  const double factor = unit != nullptr ? unit->factor : 1;
  switch (t.kind) {
    case model::TargetKind::kLevel:
    case model::TargetKind::kCount:
    case model::TargetKind::kCompare: {
      if (t.coverage == "whole_industry") {
        if (const auto published = PublishedWhole(t, period)) return *published * factor;
      }
      const auto v = Value(*t.value, period, t.base_year, missing);
      if (!v) return std::nullopt;
      if (t.coverage == "whole_industry") {
        if (!t.above_scale_share) {
          *missing = core::Say(text::kNoWholeIndustryFigure, period.year, t.coverage_series);
          return std::nullopt;
        }
        return *v / *t.above_scale_share * factor;
      }
      return *v * factor;
    }
    case model::TargetKind::kFloor:
      if (t.value) {
        const auto v = Value(*t.value, period, t.base_year, missing);
        if (!v) return std::nullopt;
        return *v * factor;
      }
      [[fallthrough]];
    case model::TargetKind::kRatio: {
      const auto n = Value(*t.numerator, period, t.base_year, missing);
      const auto d = Value(*t.denominator, period, t.base_year, missing);
      if (!n || !d) return std::nullopt;
      if (*d == 0) {
        *missing = core::Say(text::kDenominatorIsZero, period.ToString());
        return std::nullopt;
      }
      return *n / *d * factor;
    }
    case model::TargetKind::kRate: {
      if (t.numerator->source == Quantity::Source::kMeasure &&
          t.denominator->source == Quantity::Source::kMeasure) {
        // A ratio of the monthly statistics changes as the bureau measures it: year to date on
        // the same enterprises, value added at comparable prices, in %.
        const auto n = SameBasis(*t.numerator, period, missing);
        const auto d = SameBasis(*t.denominator, period, missing);
        if (!n || !d) return std::nullopt;
        if (d->current == 0 || d->base == 0 || n->base == 0) {
          *missing = core::Say(text::kRatioUndefined);
          return std::nullopt;
        }
        return ((n->current / d->current) / (n->base / d->base) - 1) * 100;
      }
      // Other quantities: the ratio's change on the same 12 months a year before, in %.
      const auto n = Value(*t.numerator, period, t.base_year, missing);
      const auto d = Value(*t.denominator, period, t.base_year, missing);
      const core::Period before{period.year - 1, period.month};
      const auto n0 = Value(*t.numerator, before, t.base_year, missing);
      const auto d0 = Value(*t.denominator, before, t.base_year, missing);
      if (!n || !d || !n0 || !d0) return std::nullopt;
      if (*d == 0 || *d0 == 0 || *n0 == 0) {
        *missing = core::Say(text::kRatioUndefined);
        return std::nullopt;
      }
      return ((*n / *d) / (*n0 / *d0) - 1) * 100;
    }
    case model::TargetKind::kMilestone:
      return std::nullopt;
  }
  return std::nullopt;
}

targets::Figures TargetFigures::For(const model::Target& t, core::Period period) {
  targets::Figures f;
  if (t.kind == model::TargetKind::kMilestone) {
    // Reached in the first period whose value is at least 1 (a 0 says "not yet"); a value for a
    // whole year counts from its December.
    const auto found = series_.find(t.milestone_series);
    if (found != series_.end()) {
      for (const auto& [key, value] : found->second) {
        if (value < 1) continue;
        const core::Period at{key / 100, key % 100 == 0 ? 12 : key % 100};
        if (!f.reached || at < *f.reached) f.reached = at;
      }
    }
    return f;
  }
  f.actual = Figure(t, period, &f.missing);
  if (t.coverage == "whole_industry" && f.actual) {
    f.coverage_source = PublishedWhole(t, period) ? "published" : "derived";
  }
  if (t.base_value) {
    f.base = t.base_value;
  } else if (t.kind != model::TargetKind::kRate && t.kind != model::TargetKind::kCompare) {
    core::Text why;
    f.base = Figure(t, {t.base_year, 12}, &why);
    if (!f.base && f.missing.empty()) f.missing = core::Say(text::kBaseYearMissing, why);
  }
  if (t.kind == model::TargetKind::kFloor && t.target_value) {
    // Every year-end since the base year's, before this period's year.
    for (int year = t.base_year + 1; year < period.year && !f.broken_in; ++year) {
      core::Text why;
      const auto at_end = Figure(t, {year, 12}, &why);
      if (at_end && *at_end < *t.target_value) f.broken_in = year;
    }
  }
  if (t.reference) {
    // A set rate or an external change: a percentage, whatever the target's own unit.
    const auto reference = Value(*t.reference, period, t.base_year, &f.missing);
    if (reference) f.reference = *reference * 100;
  }
  return f;
}

}  // namespace clusterscope::app
