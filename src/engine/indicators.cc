// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/engine/indicators.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "clusterscope/core/classification.h"

namespace clusterscope::engine {
namespace {

using model::Measure;

constexpr std::size_t Idx(Measure m) { return static_cast<std::size_t>(m); }

std::optional<double> Ratio(double numerator, double denominator) {
  if (denominator == 0) return std::nullopt;
  return numerator / denominator;
}

std::optional<double> GrowthOf(double current, double base) {
  if (base == 0) return std::nullopt;
  return current / base - 1;
}

// Groups of one kind, found as enterprises are indexed: code -> position.
struct KindBuilder {
  std::map<std::string, std::int32_t> index;
  std::int32_t Add(std::vector<std::pair<std::string, std::string>>& groups,
                   const std::string& code, const std::string& name) {
    const auto [it, added] = index.emplace(code, static_cast<std::int32_t>(groups.size()));
    if (added) groups.emplace_back(code, name);
    return it->second;
  }
};

}  // namespace

std::optional<double> GroupIndicators::Growth(Measure measure) const {
  return GrowthOf(ytd[Idx(measure)], ytd_base[Idx(measure)]);
}

Engine::Engine(model::ClusterSystem system, std::vector<model::Enterprise> registry)
    : system_(std::move(system)), registry_(std::move(registry)) {
  std::vector<std::string> codes = {"total", "tier",     "cluster", "park",
                                    "town",  "division", "class"};
  for (const auto& grouping : system_.groupings) codes.push_back(grouping.code);
  codes.emplace_back("high_tech");
  codes.emplace_back("strategic_emerging");
  for (auto& code : codes) kinds_.push_back({std::move(code), {}, {}});
}

void Engine::Apply(const model::MonthlyPanel& facts) {
  panel_.Apply(facts);
  IndexNewSlots();
}

void Engine::IndexNewSlots() {
  std::unordered_map<std::string_view, const model::Enterprise*> by_code;
  by_code.reserve(registry_.size());
  for (const auto& e : registry_) by_code.emplace(e.uscc, &e);
  std::map<std::string, std::string> towns;
  for (const auto* town : core::TownsOf(system_.region_code)) towns[town->code] = town->name;
  const auto& industries = core::IndustryClassification::Gbt4754();
  const auto industry_name = [&](const std::string& code) {
    const auto* entry = industries.Find(code);
    return entry != nullptr ? entry->name : code;
  };

  std::vector<KindBuilder> builders(kinds_.size());
  for (std::size_t k = 0; k < kinds_.size(); ++k) {
    for (std::size_t g = 0; g < kinds_[k].groups.size(); ++g) {
      builders[k].index.emplace(kinds_[k].groups[g].first, static_cast<std::int32_t>(g));
    }
  }
  for (std::size_t slot = enterprise_of_.size(); slot < panel_.enterprises(); ++slot) {
    const auto found = by_code.find(panel_.uscc(slot));
    const model::Enterprise* e = found == by_code.end() ? nullptr : found->second;
    enterprise_of_.push_back(e);
    for (std::size_t k = 0; k < kinds_.size(); ++k) {
      Kind& kind = kinds_[k];
      std::int32_t group = -1;
      if (e != nullptr) {
        const std::string& code = kind.code;
        auto& groups = kind.groups;
        if (code == "total") {
          group = builders[k].Add(groups, "total", "全部规上工业");
        } else if (code == "tier" || code == "cluster") {
          if (const auto* cluster = system_.FindCluster(e->cluster)) {
            if (code == "cluster") {
              group = builders[k].Add(groups, cluster->code, cluster->name_zh);
            } else if (const auto* tier = system_.FindTier(cluster->tier)) {
              group = builders[k].Add(groups, tier->code, tier->name_zh);
            }
          }
        } else if (code == "park") {
          if (const auto* park = system_.FindPark(e->park)) {
            group = builders[k].Add(groups, park->code, park->name_zh);
          }
        } else if (code == "town") {
          if (!e->town.empty()) {
            const auto name = towns.find(e->town);
            group = builders[k].Add(groups, e->town, name != towns.end() ? name->second : e->town);
          }
        } else if (code == "division") {
          if (e->industry_code.size() >= 2) {
            const std::string division = e->industry_code.substr(0, 2);
            group = builders[k].Add(groups, division, industry_name(division));
          }
        } else if (code == "class") {
          if (!e->industry_code.empty()) {
            group = builders[k].Add(groups, e->industry_code, industry_name(e->industry_code));
          }
        } else if (code == "high_tech") {
          if (core::HighTechCategoryOf(e->industry_code)) {
            group = builders[k].Add(groups, "high_tech", "高技术制造业");
          }
        } else if (code == "strategic_emerging") {
          if (!e->strategic_emerging.empty()) {
            group = builders[k].Add(groups, "strategic_emerging", "战略性新兴产业");
          }
        } else if (const auto* grouping = system_.FindGrouping(code)) {
          if (const auto* category = grouping->CategoryOf(e->industry_code)) {
            group = builders[k].Add(groups, category->code, category->name_zh);
          }
        }
      }
      kind.member.push_back(group);
    }
  }
}

MonthlyIndicators Engine::Compute(core::Period period, const IndicatorOptions& options) const {
  const std::size_t n = panel_.enterprises();
  const std::int32_t last = period.Index();
  const std::int32_t first = core::Period{period.year, 1}.Index();

  // Per enterprise: sums over W and W', the month itself, and whether it reported.
  std::array<std::vector<double>, model::kMeasureCount> ytd;
  std::array<std::vector<double>, model::kMeasureCount> base;
  for (auto& v : ytd) v.assign(n, 0.0);
  for (auto& v : base) v.assign(n, 0.0);
  std::vector<std::uint8_t> reported(n, 0);
  for (std::int32_t t = first; t <= last; ++t) {
    const std::uint16_t* valid = panel_.Valid(t);
    if (valid == nullptr) continue;
    for (std::size_t e = 0; e < n; ++e) reported[e] |= static_cast<std::uint8_t>(valid[e] & 1U);
    for (std::size_t k = 0; k < model::kMeasureCount; ++k) {
      const double* column = panel_.Column(t, static_cast<Measure>(k));
      double* sum = ytd[k].data();
      for (std::size_t e = 0; e < n; ++e) sum[e] += column[e];
    }
  }
  for (std::int32_t t = first - 12; t <= last - 12; ++t) {
    if (!panel_.HasMonth(t)) continue;
    for (std::size_t k = 0; k < model::kMeasureCount; ++k) {
      const double* column = panel_.Column(t, static_cast<Measure>(k));
      double* sum = base[k].data();
      for (std::size_t e = 0; e < n; ++e) sum[e] += column[e];
    }
  }
  const double* month_output = panel_.Column(last, Measure::kOutputValue);
  const double* month_base = panel_.Column(last - 12, Measure::kOutputValue);
  const std::uint16_t* valid_now = panel_.Valid(last);

  std::vector<std::uint8_t> in_frame(n, 0);
  for (std::size_t e = 0; e < n; ++e) {
    const model::Enterprise* enterprise = enterprise_of_[e];
    in_frame[e] =
        enterprise != nullptr && reported[e] != 0 && enterprise->AboveScaleIn(period.year) == true;
  }

  MonthlyIndicators out;
  out.period = period;
  const auto output = Idx(Measure::kOutputValue);
  double total_change = 0;
  double total_base = 0;
  for (const Kind& kind : kinds_) {
    std::vector<GroupIndicators> groups(kind.groups.size());
    std::vector<std::vector<std::uint32_t>> members(kind.groups.size());
    for (std::size_t e = 0; e < n; ++e) {
      if (in_frame[e] == 0 || kind.member[e] < 0) continue;
      const auto g = static_cast<std::size_t>(kind.member[e]);
      GroupIndicators& acc = groups[g];
      members[g].push_back(static_cast<std::uint32_t>(e));
      ++acc.enterprises;
      for (std::size_t k = 0; k < model::kMeasureCount; ++k) {
        acc.ytd[k] += ytd[k][e];
        acc.ytd_base[k] += base[k][e];
      }
      if (month_output != nullptr) acc.month_output += month_output[e];
      if (month_base != nullptr) acc.month_output_base += month_base[e];
      if (base[output][e] > 0 && ytd[output][e] < base[output][e]) ++acc.declining_count;
      const double profit = ytd[Idx(Measure::kProfit)][e];
      if (profit < 0) {
        ++acc.loss_count;
        acc.loss_amount += profit;
      }
      if (valid_now == nullptr || (valid_now[e] & 1U) == 0) ++acc.non_reporting_count;
    }
    for (std::size_t g = 0; g < groups.size(); ++g) {
      GroupIndicators& acc = groups[g];
      if (acc.enterprises == 0) continue;
      acc.kind = kind.code;
      acc.code = kind.groups[g].first;
      acc.name = kind.groups[g].second;
      acc.employee_months = acc.ytd[Idx(Measure::kEmployees)];
      if (kind.code == "total") {
        total_change = acc.ytd[output] - acc.ytd_base[output];
        total_base = acc.ytd_base[output];
      }
      // Rankings: by ytd output, and by growth among those with a base; ties by credit code.
      auto ranked = [&](std::uint32_t e) {
        Ranked r;
        r.uscc = panel_.uscc(e);
        r.name = enterprise_of_[e]->name;
        r.ytd_output = ytd[output][e];
        r.growth = GrowthOf(ytd[output][e], base[output][e]);
        return r;
      };
      auto& list = members[g];
      const std::size_t top = std::min(options.top, list.size());
      const auto by_output = [&](std::uint32_t a, std::uint32_t b) {
        return std::tie(ytd[output][b], panel_.uscc(a)) < std::tie(ytd[output][a], panel_.uscc(b));
      };
      std::partial_sort(list.begin(), list.begin() + static_cast<long>(top), list.end(), by_output);
      for (std::size_t i = 0; i < top; ++i) acc.top_by_output.push_back(ranked(list[i]));
      std::vector<std::uint32_t> with_base;
      for (const auto e : list) {
        if (base[output][e] > 0) with_base.push_back(e);
      }
      const std::size_t top_growth = std::min(options.top, with_base.size());
      const auto growth = [&](std::uint32_t e) { return ytd[output][e] / base[output][e]; };
      std::partial_sort(with_base.begin(), with_base.begin() + static_cast<long>(top_growth),
                        with_base.end(), [&](std::uint32_t a, std::uint32_t b) {
                          const double ga = growth(a);
                          const double gb = growth(b);
                          return ga != gb ? ga > gb : panel_.uscc(a) < panel_.uscc(b);
                        });
      for (std::size_t i = 0; i < top_growth; ++i)
        acc.top_by_growth.push_back(ranked(with_base[i]));
      out.groups.push_back(std::move(acc));
    }
  }

  const int months = period.month;
  for (auto& g : out.groups) {
    const auto& y = g.ytd;
    const auto& b = g.ytd_base;
    g.growth_same_basis = GrowthOf(y[output], b[output]);
    g.month_growth = GrowthOf(g.month_output, g.month_output_base);
    g.contribution_rate = Ratio(y[output] - b[output], total_change);
    if (total_base != 0) g.pull_pp = (y[output] - b[output]) / total_base * 100;
    g.va_rate = Ratio(y[Idx(Measure::kValueAdded)], y[output]);
    g.profit_margin = Ratio(y[Idx(Measure::kProfit)], y[Idx(Measure::kRevenue)]);
    g.rd_intensity = Ratio(y[Idx(Measure::kRdExpense)], y[Idx(Measure::kRevenue)]);
    g.new_product_share = Ratio(y[Idx(Measure::kNewProductRevenue)], y[Idx(Measure::kRevenue)]);
    g.export_share = Ratio(y[Idx(Measure::kExportValue)], y[output]);
    g.energy_per_va = Ratio(y[Idx(Measure::kEnergyTce)], y[Idx(Measure::kValueAdded)]);
    const auto energy_base = Ratio(b[Idx(Measure::kEnergyTce)], b[Idx(Measure::kValueAdded)]);
    if (g.energy_per_va && energy_base && *energy_base != 0) {
      g.energy_per_va_change = *g.energy_per_va / *energy_base - 1;
    }
    // Average employees = Σ headcount over F and W / m, so productivity = VA x 12 / m / average.
    const double average_employees = g.employee_months / months;
    if (average_employees > 0) {
      g.labor_productivity = y[Idx(Measure::kValueAdded)] * 12 / months / average_employees;
    }
    if (g.kind == "park") {
      if (const auto* park = system_.FindPark(g.code);
          park != nullptr && park->land_km2 && *park->land_km2 > 0) {
        g.output_per_km2 = y[output] / *park->land_km2;
      }
    }
  }
  // Total first, then by kind in the engine's order and by code.
  std::vector<std::string> kind_order;
  for (const auto& kind : kinds_) kind_order.push_back(kind.code);
  std::stable_sort(out.groups.begin(), out.groups.end(),
                   [&](const GroupIndicators& a, const GroupIndicators& b) {
                     const auto ka = std::find(kind_order.begin(), kind_order.end(), a.kind);
                     const auto kb = std::find(kind_order.begin(), kind_order.end(), b.kind);
                     return std::tie(ka, a.code) < std::tie(kb, b.code);
                   });
  return out;
}

}  // namespace clusterscope::engine
