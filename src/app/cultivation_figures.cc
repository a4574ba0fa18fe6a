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

constexpr std::size_t Idx(Measure m) { return static_cast<std::size_t>(m); }

// The measures the figures sum, in the order Sums keeps them.
constexpr std::array<Measure, 5> kSummed = {Measure::kRevenue, Measure::kOutputValue,
                                            Measure::kProfit, Measure::kRdExpense,
                                            Measure::kNewProductRevenue};
enum Summed : std::size_t { kRevenue, kOutput, kProfit, kRd, kNewProducts };

// Sums of one enterprise's measures by year (the first year the ladders read and up to three
// after it), and over the 12 months to the period; exact, as the engine keeps them. Only the
// measures the figures read: half a million of these are summed over three and a half years.
constexpr std::size_t kYears = 4;
struct Sums {
  std::array<std::array<engine::Amount, kSummed.size()>, kYears> by_year{};
  std::array<std::uint8_t, kYears> months{};  // months with a row, by year
  std::array<engine::Amount, 2> last12{};     // revenue and output
  bool any12 = false;                         // a row in the last 12 months
  std::optional<engine::Amount> employees;    // the latest month's
};

// Each panel slot's sums by year from January of `first_year`, over its last 12 months, and its
// latest headcount, from the months up to `period`. A slot has a row in a month when any
// measure is valid in it.
std::vector<Sums> SumsOf(core::Period period, int first_year, const engine::Panel& panel) {
  std::vector<Sums> sums(panel.enterprises());
  const int from12 = period.Index() - 11;
  const auto employees_bit = static_cast<std::uint16_t>(1u << Idx(Measure::kEmployees));
  for (int index = core::Period{first_year, 1}.Index(); index <= period.Index(); ++index) {
    const std::uint16_t* valid = panel.Valid(index);
    if (valid == nullptr) continue;
    const auto year = static_cast<std::size_t>(core::Period::FromIndex(index).year - first_year);
    std::array<const engine::Amount*, kSummed.size()> columns{};
    for (std::size_t k = 0; k < kSummed.size(); ++k) columns[k] = panel.Column(index, kSummed[k]);
    const engine::Amount* employees = panel.Column(index, Measure::kEmployees);
    const bool in12 = index >= from12;
    for (std::size_t e = 0; e < sums.size(); ++e) {
      const std::uint16_t bits = valid[e];
      if (bits == 0) continue;
      Sums& s = sums[e];
      ++s.months[year];
      for (std::size_t k = 0; k < kSummed.size(); ++k) {
        if ((bits >> Idx(kSummed[k]) & 1U) != 0) s.by_year[year][k] += columns[k][e];
      }
      if (in12) {
        s.any12 = true;
        s.last12[0] += (bits >> Idx(Measure::kRevenue) & 1U) != 0 ? columns[kRevenue][e] : 0;
        s.last12[1] += (bits >> Idx(Measure::kOutputValue) & 1U) != 0 ? columns[kOutput][e] : 0;
      }
      if ((bits & employees_bit) != 0) s.employees = employees[e];  // months ascend
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
void AddStatistics(const Sums& s, int first_year, int last, const StatisticsColumns& c,
                   std::size_t row) {
  if (s.any12) {
    c.revenue_12m[row] = engine::FromAmount(s.last12[0]);
    c.output_12m[row] = engine::FromAmount(s.last12[1]);
  }
  if (s.employees) c.employees[row] = engine::FromAmount(*s.employees);
  // A year's sums in the unit (as doubles), or null for a year without a row.
  using Year = std::array<double, kSummed.size()>;
  std::array<Year, kYears> in_unit{};
  const auto year = [&](int y) -> const Year* {
    const int k = y - first_year;
    if (k < 0 || k >= static_cast<int>(kYears) || s.months[static_cast<std::size_t>(k)] == 0) {
      return nullptr;
    }
    auto& out = in_unit[static_cast<std::size_t>(k)];
    for (std::size_t m = 0; m < kSummed.size(); ++m) {
      out[m] = engine::FromAmount(s.by_year[static_cast<std::size_t>(k)][m]);
    }
    return &out;
  };
  const auto months = [&](int y) { return s.months[static_cast<std::size_t>(y - first_year)]; };
  const auto* y1 = year(last);
  if (y1 == nullptr) return;
  const double revenue = (*y1)[kRevenue];
  c.revenue_last_year[row] = revenue;
  c.profit_last_year[row] = (*y1)[kProfit];
  if (revenue > 0) {
    c.rd_intensity[row] = (*y1)[kRd] / revenue;
    c.new_product_share[row] = (*y1)[kNewProducts] / revenue;
  }
  if (const auto* y2 = year(last - 1)) {
    c.profit_prev_year[row] = (*y2)[kProfit];
    // Growth only between two whole years, or a part year would read as a collapse.
    if ((*y2)[kRevenue] > 0 && months(last) == 12 && months(last - 1) == 12) {
      c.revenue_growth[row] = revenue / (*y2)[kRevenue] - 1;
    }
  }
  // R&D over revenue of up to three years (fewer for a younger enterprise).
  double rd = 0, rev = 0;
  for (int y = last - 2; y <= last; ++y) {
    if (const auto* sy = year(y)) {
      rd += (*sy)[kRd];
      rev += (*sy)[kRevenue];
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
      AddStatistics(sums[static_cast<std::size_t>(slot)], last - 2, last, statistics, row);
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
