// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "cultivation_figures.h"

#include <array>
#include <map>
#include <unordered_map>

namespace clusterscope::app {
namespace {

using model::Measure;

// Sums of one enterprise's measures by year, and over the 12 months to the period.
struct Sums {
  std::map<int, std::array<double, model::kMeasureCount>> by_year;
  std::map<int, int> months;  // months reported, by year
  std::array<double, model::kMeasureCount> last12{};
  bool any12 = false;
  std::optional<double> employees;  // the latest month's
  int employees_at = -1;
};

constexpr std::size_t Idx(Measure m) { return static_cast<std::size_t>(m); }

// Each enterprise's sums by year, over its last 12 months, and its latest headcount, from the
// months up to `period`.
std::unordered_map<std::string_view, Sums> SumsOf(core::Period period,
                                                  const model::MonthlyPanel& facts) {
  const int from12 = period.Index() - 11;
  std::unordered_map<std::string_view, Sums> sums;
  for (std::size_t row = 0; row < facts.rows(); ++row) {
    const int index = facts.period_index(row);
    if (index > period.Index()) continue;
    auto& s = sums[facts.uscc(facts.slot(row))];
    const auto at = core::Period::FromIndex(index);
    auto& year = s.by_year[at.year];
    ++s.months[at.year];
    for (std::size_t m = 0; m < model::kMeasureCount; ++m) {
      const auto measure = static_cast<Measure>(m);
      if (!facts.has(row, measure)) continue;
      const double v = facts.value(row, measure);
      year[m] += v;
      if (index >= from12) {
        s.last12[m] += v;
        s.any12 = true;
      }
    }
    if (facts.has(row, Measure::kEmployees) && index > s.employees_at) {
      s.employees = facts.value(row, Measure::kEmployees);
      s.employees_at = index;
    }
  }
  return sums;
}

// The figures an enterprise's statistics give: the last 12 months, the last whole year's
// revenue, profit, R&D and new products, growth between two whole years, R&D over three years.
void AddStatistics(const Sums& s, int last, std::map<std::string, double>& v) {
  if (s.any12) {
    v["revenue_12m"] = s.last12[Idx(Measure::kRevenue)];
    v["output_12m"] = s.last12[Idx(Measure::kOutputValue)];
  }
  if (s.employees) v["employees"] = *s.employees;
  const auto year = [&](int y) -> const std::array<double, model::kMeasureCount>* {
    const auto found = s.by_year.find(y);
    return found != s.by_year.end() ? &found->second : nullptr;
  };
  const auto* y1 = year(last);
  if (y1 == nullptr) return;
  const double revenue = (*y1)[Idx(Measure::kRevenue)];
  v["revenue_last_year"] = revenue;
  v["profit_last_year"] = (*y1)[Idx(Measure::kProfit)];
  if (revenue > 0) {
    v["rd_intensity"] = (*y1)[Idx(Measure::kRdExpense)] / revenue;
    v["new_product_share"] = (*y1)[Idx(Measure::kNewProductRevenue)] / revenue;
  }
  if (const auto* y2 = year(last - 1)) {
    v["profit_prev_year"] = (*y2)[Idx(Measure::kProfit)];
    // Growth only between two whole years, or a part year would read as a collapse.
    if ((*y2)[Idx(Measure::kRevenue)] > 0 && s.months.at(last) == 12 &&
        s.months.at(last - 1) == 12) {
      v["revenue_growth"] = revenue / (*y2)[Idx(Measure::kRevenue)] - 1;
    }
  }
  // R&D over revenue of up to three years (fewer for a younger enterprise).
  double rd = 0, rev = 0;
  for (int y = last - 2; y <= last; ++y) {
    if (const auto* sy = year(y)) {
      rd += (*sy)[Idx(Measure::kRdExpense)];
      rev += (*sy)[Idx(Measure::kRevenue)];
    }
  }
  if (rev > 0) v["rd_intensity_3y"] = rd / rev;
}

}  // namespace

int LastFullYear(core::Period period) { return period.month == 12 ? period.year : period.year - 1; }

std::vector<chains::EnterpriseFigures> CultivationFigures(
    core::Period period, const model::ClusterSystem& system,
    const std::vector<model::Enterprise>& registry,
    const std::vector<model::Designation>& designations, const model::MonthlyPanel& facts) {
  const int last = LastFullYear(period);
  const auto sums = SumsOf(period, facts);
  const core::Date end = core::Date::LastOfMonth(period.year, period.month);
  std::unordered_map<std::string_view, std::vector<const model::Designation*>> held;
  for (const auto& d : designations) {
    if (d.ActiveOn(end, system.DesignationTerm(d.type))) held[d.uscc].push_back(&d);
  }

  std::vector<chains::EnterpriseFigures> out;
  out.reserve(registry.size());
  for (const auto& e : registry) {
    chains::EnterpriseFigures f{e.uscc, e.name, {}};
    auto& v = f.values;
    v["above_scale"] = e.AboveScaleIn(period.year).value_or(false) ? 1 : 0;
    v["listed"] = e.listed.value_or(false) ? 1 : 0;
    // The legal form is in the registered name: 股份有限公司 is a joint-stock company.
    v["joint_stock"] = e.name.find("股份有限公司") != std::string::npos ? 1 : 0;
    if (e.founded) {
      v["age_years"] = (end.year - e.founded->year) + (end.month - e.founded->month) / 12.0 +
                       (end.day - e.founded->day) / 365.25;
    }
    for (const auto& type : system.designation_types) v["holds:" + type.code] = 0;
    if (const auto it = held.find(e.uscc); it != held.end()) {
      for (const auto* d : it->second) v["holds:" + d->type] = 1;
    }
    if (const auto it = sums.find(e.uscc); it != sums.end()) AddStatistics(it->second, last, v);
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace clusterscope::app
