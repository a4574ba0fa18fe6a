// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/report/dashboard.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "json_values.h"
#include "monthly_parts.h"
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "clusterscope/report/targets.h"

namespace clusterscope::report {
namespace {

using model::Measure;
using nlohmann::json;

// Figures to the precision they have: money (万元) to 4 decimals (a yuan), rates and ratios to
// 8. The shortest form of a computed double has 17 digits; these answers are read by the
// dashboard many times a second, and half their bytes were noise.
json Rounded(const std::optional<double>& value, bool money) {
  if (!value) return nullptr;
  const double scale = money ? 1e4 : 1e8;
  return std::round(*value * scale) / scale;
}

// The English name of a group the system defines (tiers, clusters, parks), else empty.
std::string EnglishName(const model::ClusterSystem& system, std::string_view kind,
                        std::string_view code) {
  if (kind == "total") return "all above-scale industry";
  if (kind == "tier") {
    if (const auto* tier = system.FindTier(code)) return tier->name_en;
  }
  if (kind == "cluster") {
    if (const auto* cluster = system.FindCluster(code)) return cluster->name_en;
  }
  if (kind == "park") {
    if (const auto* park = system.FindPark(code)) return park->name_en;
  }
  return {};
}

// A group's figures of one month; nulls for a withheld group (never zeros). `brief`: output,
// growth, contribution and pull only (the cockpit's lists and trend, which a wall display
// fetches often).
json Figures(const engine::GroupIndicators& g, bool with_period, core::Period period,
             bool brief = false) {
  json out = json::object();
  if (with_period) out["period"] = period.ToString();
  out["enterprises"] = g.enterprises;
  out["suppressed"] = g.suppressed.empty() ? json(nullptr) : json(g.suppressed);
  const bool hidden = !g.suppressed.empty();
  auto put = [&](const char* key, const std::optional<double>& value) {
    const std::string_view name = key;
    const bool money = name.find("output") != std::string_view::npos || name.starts_with("ytd_");
    out[key] = hidden ? json(nullptr) : Rounded(value, money);
  };
  using engine::Quantity;
  put("month_output", g.Figure(Quantity::kMonthOutput));
  put("month_growth", g.month_growth);
  put("ytd_output", g.Figure(Quantity::kOutput));
  put("growth_same_basis", g.growth_same_basis);
  put("contribution_rate", g.contribution_rate);
  put("pull_pp", g.pull_pp);
  if (brief) return out;
  put("ytd_value_added", g.Figure(Quantity::kValueAdded));
  put("value_added_growth",
      g.value_added_growth_real ? g.value_added_growth_real : g.Growth(Measure::kValueAdded));
  out["value_added_growth_basis"] = g.value_added_growth_real ? "real" : "nominal";
  put("ytd_revenue", g.Figure(Quantity::kRevenue));
  put("ytd_profit", g.Figure(Quantity::kProfit));
  put("profit_growth", g.Growth(Measure::kProfit));
  put("rd_intensity", g.rd_intensity);
  put("labor_productivity", g.labor_productivity);
  put("energy_per_va", g.energy_per_va);
  out["loss_count"] = hidden ? json(nullptr) : json(g.loss_count);
  out["declining_count"] = hidden ? json(nullptr) : json(g.declining_count);
  return out;
}

// A month in which the group has no enterprise in its frame: a gap in its line, not a zero.
json NoFigures(core::Period period, bool brief) {
  engine::GroupIndicators none;
  json out = Figures(none, true, period, brief);
  for (auto& [key, value] : out.items()) {
    if (key != "period" && key != "enterprises" && key != "value_added_growth_basis") {
      value = nullptr;
    }
  }
  return out;
}

json Group(const engine::GroupIndicators& g, const model::ClusterSystem& system,
           core::Period period, bool brief) {
  json out = {{"kind", g.kind},
              {"code", g.code},
              {"name", g.name},
              {"name_en", EnglishName(system, g.kind, g.code)},
              {"parent_kind", g.parent_kind},
              {"parent_code", g.parent_code}};
  if (g.kind == "cluster") {
    const auto* cluster = system.FindCluster(g.code);
    out["tier"] = cluster != nullptr ? cluster->tier : "";
  }
  out.update(Figures(g, false, period, brief));
  return out;
}

// The tiers, clusters and parks of the month, in the system's order (leading tier first), not
// the codes' alphabet; the total as well.
void AddGroups(const engine::MonthlyIndicators& indicators, const model::ClusterSystem& system,
               json& out) {
  json tiers = json::array(), clusters = json::array(), parks = json::array();
  for (const auto& g : indicators.groups) {
    if (g.kind == "total") out["total"] = Group(g, system, indicators.period, false);
    if (g.kind == "tier") tiers.push_back(Group(g, system, indicators.period, true));
    if (g.kind == "cluster") clusters.push_back(Group(g, system, indicators.period, true));
    if (g.kind == "park") parks.push_back(Group(g, system, indicators.period, true));
  }
  // The system's order (leading tier first), not the codes' alphabet.
  auto order = [&](json& groups, auto position) {
    std::stable_sort(groups.begin(), groups.end(), [&](const json& a, const json& b) {
      return position(a["code"].get<std::string>()) < position(b["code"].get<std::string>());
    });
  };
  order(tiers, [&](const std::string& code) {
    const auto it = std::find_if(system.tiers.begin(), system.tiers.end(),
                                 [&](const model::Tier& t) { return t.code == code; });
    return static_cast<std::ptrdiff_t>(it - system.tiers.begin());
  });
  order(clusters, [&](const std::string& code) {
    const auto* cluster = system.FindCluster(code);
    if (cluster == nullptr) return std::ptrdiff_t{1} << 40;
    const auto tier = std::find_if(system.tiers.begin(), system.tiers.end(),
                                   [&](const model::Tier& t) { return t.code == cluster->tier; });
    return (tier - system.tiers.begin()) * 1000 + (cluster - system.clusters.data());
  });
  out["tiers"] = std::move(tiers);
  out["clusters"] = std::move(clusters);
  out["parks"] = std::move(parks);
}

// The targets: every status counted, the key ones (asked for, else the first six region-wide
// numeric ones) in full.
void AddKeyTargets(const MonthlyBundle& bundle, const CockpitOptions& options, json& out) {
  // Targets: every status counted, the key ones in full.
  json key = json::array();
  std::map<std::string, int> statuses = {{"ahead", 0}, {"green", 0},   {"amber", 0},
                                         {"red", 0},   {"no_data", 0}, {"withheld", 0}};
  if (bundle.targets) {
    const json all = detail::TargetsValue(*bundle.targets, options.language);
    out["plan"] = all.value("plan", "");
    std::size_t automatic = 0;
    for (const auto& row : all["targets"]) {
      ++statuses[row["status"].get<std::string>()];
      const std::string id = row["id"];
      const bool wanted =
          options.key_targets.empty()
              ? row["scope"] == "region" && row["parent"].is_null() && row["kind"] != "milestone" &&
                    row["target"].is_number() && automatic < 6
              : std::find(options.key_targets.begin(), options.key_targets.end(), id) !=
                    options.key_targets.end();
      if (!wanted) continue;
      if (options.key_targets.empty()) ++automatic;
      json gauge = json::object();
      for (const char* field :
           {"id", "name_zh", "name_en", "kind", "unit", "direction", "base_year", "target_year",
            "target", "actual", "base", "completion", "path_progress", "time_progress", "status",
            "projection", "projection_meets", "odds", "required_annual_growth"}) {
        gauge[field] = row.contains(field) ? row[field] : json(nullptr);
      }
      key.push_back(std::move(gauge));
    }
  } else {
    out["plan"] = nullptr;
  }
  out["targets"] = std::move(key);
  out["target_status"] = statuses;
}

}  // namespace

std::string CockpitJson(const MonthlyBundle& bundle,
                        const std::vector<engine::MonthlyIndicators>& series,
                        const model::ClusterSystem& system, const CockpitOptions& options) {
  const auto& indicators = bundle.indicators;
  json out = {{"period", indicators.period.ToString()},
              {"region", options.region},
              {"system", system.name_zh},
              {"system_en", system.name_en},
              {"money_unit", "万元"},
              {"public", bundle.is_public}};
  AddGroups(indicators, system, out);
  // Revenue growth in the full form only: disclosure control does not guard the revenue base, so
  // the published form gives no growth that would reveal it.
  if (const auto* total = detail::TotalOf(indicators); total != nullptr && out.contains("total")) {
    out["total"]["revenue_growth"] =
        bundle.is_public ? json(nullptr) : Rounded(total->Growth(Measure::kRevenue), false);
  }
  // The total month by month.
  json trend = json::array();
  for (const auto& month : series) {
    const auto total = std::find_if(month.groups.begin(), month.groups.end(),
                                    [](const auto& g) { return g.kind == "total"; });
    trend.push_back(total != month.groups.end() ? Figures(*total, true, month.period, true)
                                                : NoFigures(month.period, true));
  }
  out["trend"] = std::move(trend);
  AddKeyTargets(bundle, options, out);
  // Alerts of the month by level; a public cockpit counts no enterprise's.
  std::map<std::string, int> alerts = {{"red", 0}, {"amber", 0}};
  for (const auto& alert : indicators.alerts) {
    if (bundle.is_public && alert.enterprise_level()) continue;
    ++alerts[alert.level];
  }
  out["alerts"] = alerts;
  return out.dump();
}

Result<std::string> IndicatorSeriesJson(const std::vector<engine::MonthlyIndicators>& series,
                                        const model::ClusterSystem& system, std::string_view kind,
                                        std::string_view code) {
  json months = json::array();
  // Groups in the order of their first appearance, each with every month (a month without the
  // group, before it existed, has null figures).
  std::vector<std::string> order;
  std::map<std::string, json> groups;
  for (std::size_t m = 0; m < series.size(); ++m) {
    const auto& month = series[m];
    months.push_back(month.period.ToString());
    for (const auto& g : month.groups) {
      if (g.kind != kind || (!code.empty() && g.code != code)) continue;
      auto [it, added] = groups.try_emplace(g.code);
      if (added) {
        order.push_back(g.code);
        it->second = {{"kind", g.kind},
                      {"code", g.code},
                      {"name", g.name},
                      {"name_en", EnglishName(system, g.kind, g.code)},
                      {"parent_kind", g.parent_kind},
                      {"parent_code", g.parent_code},
                      {"series", json::array()}};
        for (const auto& earlier : series) {
          it->second["series"].push_back(NoFigures(earlier.period, false));
        }
      }
      it->second["series"][m] = Figures(g, true, month.period);
    }
  }
  if (order.empty()) {
    return Error(Status::NotFound(
        code.empty() ? fmt::format("no group of kind '{}' (try total, tier, cluster, park, town, "
                                   "division or class)",
                                   kind)
                     : fmt::format("no group {} of kind '{}'", code, kind)));
  }
  json out = {{"period", series.empty() ? "" : series.back().period.ToString()},
              {"money_unit", "万元"},
              {"kind", kind},
              {"months", std::move(months)},
              {"groups", json::array()}};
  // Each group's months as columns ({"period": [...], "month_output": [...], ...}): the keys once,
  // and each column ready for a chart.
  for (const auto& c : order) {
    json& group = groups[c];
    json columns = json::object();
    for (const auto& month : group["series"]) {
      for (const auto& [key, value] : month.items()) columns[key].push_back(value);
    }
    group["series"] = std::move(columns);
    out["groups"].push_back(std::move(group));
  }
  return out.dump();
}

std::string AlertsJson(const engine::MonthlyIndicators& indicators, Language language) {
  json alerts = json::array();
  for (const auto& a : indicators.alerts) {
    alerts.push_back(
        {{"level", a.level},
         {"rule", a.rule},
         {"kind", a.kind},
         {"code", a.code},
         {"name", a.name},
         {"value", a.value && std::isfinite(*a.value) ? json(*a.value) : json(nullptr)},
         {"message", detail::AlertMessage(a, indicators.period, language)}});
  }
  return json{{"period", indicators.period.ToString()}, {"alerts", alerts}}.dump();
}

}  // namespace clusterscope::report
