// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "cultivation_figures.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <unordered_map>

namespace clusterscope::app {
namespace {

using model::Measure;

// Sums of one enterprise's measures by year (the first year the ladders read and up to three
// after it), and over the 12 months to the period; exact, as the engine keeps them.
constexpr std::size_t kYears = 4;
struct Sums {
  int first_year = 0;
  std::array<std::array<engine::Amount, model::kMeasureCount>, kYears> by_year{};
  std::array<int, kYears> months{};  // months with a row, by year
  std::array<engine::Amount, model::kMeasureCount> last12{};
  bool any12 = false;
  std::optional<engine::Amount> employees;  // the latest month's
};

constexpr std::size_t Idx(Measure m) { return static_cast<std::size_t>(m); }

// Each panel slot's sums by year from January of `first_year`, over its last 12 months, and its
// latest headcount, from the months up to `period`. A slot has a row in a month when any
// measure is valid in it.
std::vector<Sums> SumsOf(core::Period period, int first_year, const engine::Panel& panel) {
  std::vector<Sums> sums(panel.enterprises());
  for (auto& s : sums) s.first_year = first_year;
  const int from12 = period.Index() - 11;
  for (int index = core::Period{first_year, 1}.Index(); index <= period.Index(); ++index) {
    const std::uint16_t* valid = panel.Valid(index);
    if (valid == nullptr) continue;
    const auto year = static_cast<std::size_t>(core::Period::FromIndex(index).year - first_year);
    for (std::size_t e = 0; e < sums.size(); ++e) {
      if (valid[e] != 0) ++sums[e].months[year];
    }
    for (std::size_t m = 0; m < model::kMeasureCount; ++m) {
      const engine::Amount* column = panel.Column(index, static_cast<Measure>(m));
      const auto bit = static_cast<std::uint16_t>(1u << m);
      for (std::size_t e = 0; e < sums.size(); ++e) {
        if ((valid[e] & bit) == 0) continue;
        sums[e].by_year[year][m] += column[e];
        if (index >= from12) {
          sums[e].last12[m] += column[e];
          sums[e].any12 = true;
        }
        if (m == Idx(Measure::kEmployees)) sums[e].employees = column[e];  // months ascend
      }
    }
  }
  return sums;
}

// The columns of the figures an enterprise's statistics give, looked up once.
struct StatisticsColumns {
  explicit StatisticsColumns(chains::FigureTable& t)
      : revenue_12m(t.Column("revenue_12m").data()),
        output_12m(t.Column("output_12m").data()),
        employees(t.Column("employees").data()),
        revenue_last_year(t.Column("revenue_last_year").data()),
        profit_last_year(t.Column("profit_last_year").data()),
        rd_intensity(t.Column("rd_intensity").data()),
        new_product_share(t.Column("new_product_share").data()),
        profit_prev_year(t.Column("profit_prev_year").data()),
        revenue_growth(t.Column("revenue_growth").data()),
        rd_intensity_3y(t.Column("rd_intensity_3y").data()) {}
  double* revenue_12m;
  double* output_12m;
  double* employees;
  double* revenue_last_year;
  double* profit_last_year;
  double* rd_intensity;
  double* new_product_share;
  double* profit_prev_year;
  double* revenue_growth;
  double* rd_intensity_3y;
};

// The figures an enterprise's statistics give: the last 12 months, the last whole year's
// revenue, profit, R&D and new products, growth between two whole years, R&D over three years.
void AddStatistics(const Sums& s, int last, const StatisticsColumns& c, std::size_t row) {
  if (s.any12) {
    c.revenue_12m[row] = engine::FromAmount(s.last12[Idx(Measure::kRevenue)]);
    c.output_12m[row] = engine::FromAmount(s.last12[Idx(Measure::kOutputValue)]);
  }
  if (s.employees) c.employees[row] = engine::FromAmount(*s.employees);
  // A year's sums in the unit (as doubles), or null for a year without a row.
  std::array<std::array<double, model::kMeasureCount>, kYears> in_unit{};
  const auto year = [&](int y) -> const std::array<double, model::kMeasureCount>* {
    const int k = y - s.first_year;
    if (k < 0 || k >= static_cast<int>(kYears) || s.months[static_cast<std::size_t>(k)] == 0) {
      return nullptr;
    }
    auto& out = in_unit[static_cast<std::size_t>(k)];
    for (std::size_t m = 0; m < model::kMeasureCount; ++m) {
      out[m] = engine::FromAmount(s.by_year[static_cast<std::size_t>(k)][m]);
    }
    return &out;
  };
  const auto months = [&](int y) { return s.months[static_cast<std::size_t>(y - s.first_year)]; };
  const auto* y1 = year(last);
  if (y1 == nullptr) return;
  const double revenue = (*y1)[Idx(Measure::kRevenue)];
  c.revenue_last_year[row] = revenue;
  c.profit_last_year[row] = (*y1)[Idx(Measure::kProfit)];
  if (revenue > 0) {
    c.rd_intensity[row] = (*y1)[Idx(Measure::kRdExpense)] / revenue;
    c.new_product_share[row] = (*y1)[Idx(Measure::kNewProductRevenue)] / revenue;
  }
  if (const auto* y2 = year(last - 1)) {
    c.profit_prev_year[row] = (*y2)[Idx(Measure::kProfit)];
    // Growth only between two whole years, or a part year would read as a collapse.
    if ((*y2)[Idx(Measure::kRevenue)] > 0 && months(last) == 12 && months(last - 1) == 12) {
      c.revenue_growth[row] = revenue / (*y2)[Idx(Measure::kRevenue)] - 1;
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
  if (rev > 0) c.rd_intensity_3y[row] = rd / rev;
}

}  // namespace

int LastFullYear(core::Period period) { return period.month == 12 ? period.year : period.year - 1; }

chains::FigureTable CultivationFigures(core::Period period, const model::ClusterSystem& system,
                                       const std::vector<model::Enterprise>& registry,
                                       const std::vector<model::Designation>& designations,
                                       const engine::Panel& panel) {
  const int last = LastFullYear(period);
  const auto sums = SumsOf(period, last - 2, panel);
  const core::Date end = core::Date::LastOfMonth(period.year, period.month);

  chains::FigureTable out;
  for (const auto& e : registry) out.AddEnterprise(e.uscc, e.name);
  double* above_scale = out.Column("above_scale").data();
  double* listed = out.Column("listed").data();
  double* joint_stock = out.Column("joint_stock").data();
  double* age_years = out.Column("age_years").data();
  const StatisticsColumns statistics(out);
  std::map<std::string_view, double*> holds;  // by designation type
  for (const auto& type : system.designation_types) {
    auto& column = out.Column("holds:" + type.code);
    std::fill(column.begin(), column.end(), 0.0);
    holds[type.code] = column.data();
  }
  std::unordered_map<std::string_view, std::size_t> row_of;
  row_of.reserve(registry.size());
  for (std::size_t row = 0; row < registry.size(); ++row) {
    const auto& e = registry[row];
    row_of.emplace(e.uscc, row);
    above_scale[row] = e.AboveScaleIn(period.year).value_or(false) ? 1 : 0;
    listed[row] = e.listed.value_or(false) ? 1 : 0;
    // The legal form is in the registered name: 股份有限公司 is a joint-stock company.
    joint_stock[row] = e.name.find("股份有限公司") != std::string::npos ? 1 : 0;
    if (e.founded) {
      age_years[row] = (end.year - e.founded->year) + (end.month - e.founded->month) / 12.0 +
                       (end.day - e.founded->day) / 365.25;
    }
    if (const auto slot = panel.Find(e.uscc); slot >= 0) {
      AddStatistics(sums[static_cast<std::size_t>(slot)], last, statistics, row);
    }
  }
  for (const auto& d : designations) {
    const auto row = row_of.find(d.uscc);
    if (row == row_of.end() || !d.ActiveOn(end, system.DesignationTerm(d.type))) continue;
    auto column = holds.find(d.type);
    if (column == holds.end()) {  // a type the system no longer lists still counts as held
      auto& added = out.Column("holds:" + d.type);
      std::fill(added.begin(), added.end(), 0.0);
      column = holds.emplace(d.type, added.data()).first;
    }
    column->second[row->second] = 1;
  }
  return out;
}

}  // namespace clusterscope::app
