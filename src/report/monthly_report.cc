// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/report/monthly_report.h"

#include <algorithm>
#include <map>
#include <optional>

#include "monthly_parts.h"
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace clusterscope::report {
namespace {

using detail::KindTitle;
using detail::SignedPercent;
using detail::TotalOf;
using detail::Yi;

using json = nlohmann::ordered_json;
using model::Measure;

json Number(const std::optional<double>& value) { return value ? json(*value) : json(nullptr); }

constexpr std::size_t Idx(Measure m) { return static_cast<std::size_t>(m); }

json RankedJson(const std::vector<engine::Ranked>& list) {
  json out = json::array();
  for (const auto& r : list) {
    out.push_back({{"uscc", r.uscc},
                   {"name", r.name},
                   {"ytd_output", r.ytd_output},
                   {"growth_same_basis", Number(r.growth)}});
  }
  return out;
}

// Labels of the Markdown report.
struct Labels {
  const char* title;
  const char* headline_output;
  const char* headline_profit;
  const char* headline_frame;
  const char* nominal_note;
  const char* group;
  const char* enterprises;
  const char* ytd_output;
  const char* growth;
  const char* contribution;
  const char* pull;
  const char* ratios;
  const char* va_rate;
  const char* profit_margin;
  const char* rd_intensity;
  const char* energy_per_va;
  const char* productivity;
  const char* counts;
  const char* declining;
  const char* losses;
  const char* loss_amount;
  const char* non_reporting;
  const char* top;
  const char* top_growth;
  const char* rank;
  const char* name;
};

const Labels& LabelsFor(Language language) {
  static const Labels zh{"工业经济运行月报",
                         "规上工业产值",
                         "利润总额",
                         "规上工业企业",
                         "增加值增速为现价（名义）口径：尚未导入价格指数（`import prices`）。",
                         "分组",
                         "企业数",
                         "累计产值（亿元）",
                         "同比增速",
                         "贡献率",
                         "拉动（百分点）",
                         "效益与效率",
                         "增加值率",
                         "营业收入利润率",
                         "研发投入强度",
                         "单位增加值能耗（吨标煤/万元）",
                         "全员劳动生产率（万元/人·年）",
                         "企业情况",
                         "产值下降企业",
                         "亏损企业",
                         "亏损额（亿元）",
                         "本月未报企业",
                         "产值前列企业",
                         "增速前列企业",
                         "位次",
                         "企业"};
  static const Labels en{"Monthly industrial-economy report",
                         "above-scale output",
                         "profit",
                         "above-scale enterprises",
                         "Value-added growth is nominal: no price index has been imported "
                         "(`import prices`).",
                         "group",
                         "enterprises",
                         "output YTD (100 M yuan)",
                         "growth",
                         "contribution",
                         "pull (pp)",
                         "Efficiency",
                         "value-added rate",
                         "profit margin",
                         "R&D intensity",
                         "energy per value added (tce per 10k yuan)",
                         "labour productivity (10k yuan a person a year)",
                         "Enterprises",
                         "with output down",
                         "loss-making",
                         "losses (100 M yuan)",
                         "not reported this month",
                         "Largest enterprises",
                         "Fastest-growing enterprises",
                         "rank",
                         "enterprise"};
  return language == Language::kZh ? zh : en;
}

std::string PlainPercent(const std::optional<double>& value) {
  return value ? fmt::format("{:.1f}%", *value * 100) : "—";
}
std::string Fixed(const std::optional<double>& value, int digits) {
  return value ? fmt::format("{:.{}f}", *value, digits) : "—";
}

// An alert in the report's language (the engine's message is English).
std::string AlertText(const engine::Alert& a, Language language) {
  if (language == Language::kEn) return a.message;
  const double v = a.value.value_or(0);
  if (a.rule == "group_declining") return fmt::format("产值同比 {:+.1f}%", v * 100);
  if (a.rule == "group_below_total") return fmt::format("产值增速 {:+.1f}%，低于全区", v * 100);
  if (a.rule == "enterprise_declining") {
    return fmt::format("产值连续数月同比大幅下降（最低 {:+.1f}%）", v * 100);
  }
  if (a.rule == "leaving_frame")
    return fmt::format("近12个月营业收入 {:.0f} 万元，低于规上标准", v);
  if (a.rule == "not_reported") return "上月已报、本月未报";
  return a.message;
}

// Value-added growth at comparable prices when the total has one (indices for every month).
std::optional<double> RealGrowth(const engine::MonthlyIndicators& indicators) {
  const auto* total = TotalOf(indicators);
  return total != nullptr ? total->value_added_growth_real : std::nullopt;
}

}  // namespace

std::string MonthlyReportJson(const engine::MonthlyIndicators& indicators) {
  json groups = json::array();
  for (const auto& g : indicators.groups) {
    if (!g.suppressed.empty()) {  // withheld: says so, never zeros
      json row = {{"kind", g.kind},
                  {"code", g.code},
                  {"name", g.name},
                  {"enterprises", g.enterprises},
                  {"suppressed", g.suppressed}};
      for (const char* field :
           {"month_output", "ytd_output", "ytd_output_base", "growth_same_basis",
            "contribution_rate", "pull_pp", "ytd_value_added", "ytd_revenue", "ytd_profit",
            "rd_intensity", "energy_per_va", "labor_productivity", "declining_count",
            "loss_count"}) {
        row[field] = nullptr;
      }
      row["top"] = json::array();
      groups.push_back(std::move(row));
      continue;
    }
    json top = json::array();
    for (const auto& r : g.top_by_output) {
      top.push_back({{"uscc", r.uscc}, {"name", r.name}, {"ytd_output", r.ytd_output}});
    }
    groups.push_back({
        {"kind", g.kind},
        {"code", g.code},
        {"name", g.name},
        {"enterprises", g.enterprises},
        {"month_output", g.month_output},
        {"month_output_base", g.month_output_base},
        {"month_growth", Number(g.month_growth)},
        {"ytd_output", g.ytd[Idx(Measure::kOutputValue)]},
        {"ytd_output_base", g.ytd_base[Idx(Measure::kOutputValue)]},
        {"growth_same_basis", Number(g.growth_same_basis)},
        {"contribution_rate", Number(g.contribution_rate)},
        {"pull_pp", Number(g.pull_pp)},
        {"ytd_value_added", g.ytd[Idx(Measure::kValueAdded)]},
        {"ytd_value_added_base", g.ytd_base[Idx(Measure::kValueAdded)]},
        {"value_added_growth_nominal", Number(g.Growth(Measure::kValueAdded))},
        {"value_added_growth_real", Number(g.value_added_growth_real)},
        {"ytd_revenue", g.ytd[Idx(Measure::kRevenue)]},
        {"ytd_profit", g.ytd[Idx(Measure::kProfit)]},
        {"profit_growth", Number(g.Growth(Measure::kProfit))},
        {"ytd_rd_expense", g.ytd[Idx(Measure::kRdExpense)]},
        {"ytd_new_product_revenue", g.ytd[Idx(Measure::kNewProductRevenue)]},
        {"ytd_export_value", g.ytd[Idx(Measure::kExportValue)]},
        {"ytd_energy_tce", g.ytd[Idx(Measure::kEnergyTce)]},
        {"va_rate", Number(g.va_rate)},
        {"profit_margin", Number(g.profit_margin)},
        {"rd_intensity", Number(g.rd_intensity)},
        {"new_product_share", Number(g.new_product_share)},
        {"export_share", Number(g.export_share)},
        {"energy_per_va", Number(g.energy_per_va)},
        {"energy_per_va_change", Number(g.energy_per_va_change)},
        {"labor_productivity", Number(g.labor_productivity)},
        {"output_per_km2", Number(g.output_per_km2)},
        {"declining_count", g.declining_count},
        {"loss_count", g.loss_count},
        {"loss_amount", g.loss_amount},
        {"non_reporting_count", g.non_reporting_count},
        {"top", top},
        {"top_by_growth", RankedJson(g.top_by_growth)},
        {"suppressed", nullptr},
    });
  }
  json alerts = json::array();
  for (const auto& a : indicators.alerts) {
    alerts.push_back({{"level", a.level},
                      {"rule", a.rule},
                      {"kind", a.kind},
                      {"code", a.code},
                      {"name", a.name},
                      {"value", Number(a.value)},
                      {"message", a.message}});
  }
  json out = {{"period", indicators.period.ToString()},
              {"money_unit", "万元"},
              {"value_added_growth", RealGrowth(indicators) ? "real" : "nominal"},
              {"groups", groups},
              {"alerts", alerts}};
  return out.dump(2) + "\n";
}

std::string MonthlyReportHeadline(const engine::MonthlyIndicators& indicators, Language language) {
  const auto* total = TotalOf(indicators);
  const Labels& l = LabelsFor(language);
  if (total == nullptr) {
    return fmt::format("{}: {}", indicators.period.ToString(),
                       language == Language::kZh ? "无规上工业企业数据" : "no above-scale data");
  }
  if (!total->suppressed.empty()) {
    return fmt::format("{} {}: {}", indicators.period.ToString(), l.title,
                       language == Language::kZh
                           ? "数据保密（企业过少或集中度过高）"
                           : "withheld (too few or too dominant enterprises)");
  }
  const char* yi = language == Language::kZh ? "亿元" : "x100 M yuan";
  const auto real = RealGrowth(indicators);
  const auto value_added = real ? real : total->Growth(Measure::kValueAdded);
  const bool zh = language == Language::kZh;
  return fmt::format(
      "{} {}: {} {} {} ({}), {} {} ({}), {} {} {} ({}); {} {}", indicators.period.ToString(),
      l.title, l.headline_output, Yi(total->ytd[Idx(Measure::kOutputValue)]), yi,
      SignedPercent(total->growth_same_basis), zh ? "增加值增速" : "value-added growth",
      SignedPercent(value_added),
      real ? (zh ? "可比价" : "comparable prices") : (zh ? "现价" : "nominal"), l.headline_profit,
      Yi(total->ytd[Idx(Measure::kProfit)]), yi, SignedPercent(total->Growth(Measure::kProfit)),
      total->enterprises, l.headline_frame);
}

std::string MonthlyReportMarkdown(const engine::MonthlyIndicators& indicators,
                                  const std::string& region_name, Language language) {
  const Labels& l = LabelsFor(language);
  std::string out =
      fmt::format("# {} {} ({})\n\n", region_name, l.title, indicators.period.ToString());
  out += MonthlyReportHeadline(indicators, language) + "\n\n";
  if (const auto real = RealGrowth(indicators)) {
    out += fmt::format("> {} {:+.1f}%\n\n",
                       language == Language::kZh ? "规上工业增加值增速（可比价）："
                                                 : "Value-added growth at comparable prices:",
                       *real * 100);
  } else {
    out += fmt::format("> {}\n\n", l.nominal_note);
  }
  const auto* total = TotalOf(indicators);
  if (total == nullptr) return out;

  for (const auto& [kind, groups] : detail::ReportTables(indicators)) {
    out += fmt::format("## {}\n\n| {} | {} | {} | {} | {} | {} |\n|---|--:|--:|--:|--:|--:|\n",
                       KindTitle(kind, language), l.group, l.enterprises, l.ytd_output, l.growth,
                       l.contribution, l.pull);
    for (const auto* g : groups) {
      if (!g->suppressed.empty()) {
        const char* withheld = language == Language::kZh ? "保密" : "suppressed";
        out += fmt::format("| {} {} | {} | {} | {} | {} | {} |\n", g->code, g->name, g->enterprises,
                           withheld, withheld, withheld, withheld);
        continue;
      }
      out += fmt::format("| {} {} | {} | {} | {} | {} | {} |\n", g->code, g->name, g->enterprises,
                         Yi(g->ytd[0]), SignedPercent(g->growth_same_basis),
                         PlainPercent(g->contribution_rate), Fixed(g->pull_pp, 2));
    }
    out += "\n";
  }

  if (!total->suppressed.empty()) return out;  // the whole region is too small to publish
  out += fmt::format("## {}\n\n| | |\n|---|--:|\n", l.ratios);
  out += fmt::format("| {} | {} |\n", l.va_rate, PlainPercent(total->va_rate));
  out += fmt::format("| {} | {} |\n", l.profit_margin, PlainPercent(total->profit_margin));
  out += fmt::format("| {} | {} |\n", l.rd_intensity, PlainPercent(total->rd_intensity));
  out += fmt::format("| {} | {} ({}) |\n", l.energy_per_va, Fixed(total->energy_per_va, 3),
                     SignedPercent(total->energy_per_va_change));
  out += fmt::format("| {} | {} |\n\n", l.productivity, Fixed(total->labor_productivity, 1));

  out += fmt::format("## {}\n\n| | |\n|---|--:|\n", l.counts);
  out += fmt::format("| {} | {} |\n", l.enterprises, total->enterprises);
  out += fmt::format("| {} | {} |\n", l.declining, total->declining_count);
  out += fmt::format("| {} | {} |\n", l.losses, total->loss_count);
  out += fmt::format("| {} | {} |\n", l.loss_amount, Yi(total->loss_amount));
  out += fmt::format("| {} | {} |\n\n", l.non_reporting, total->non_reporting_count);

  const auto ranking = [&](const char* title, const std::vector<engine::Ranked>& list) {
    if (list.empty()) return;  // none, or withheld from a public report
    out += fmt::format("## {}\n\n| {} | {} | {} | {} |\n|--:|---|--:|--:|\n", title, l.rank, l.name,
                       l.ytd_output, l.growth);
    for (std::size_t i = 0; i < list.size(); ++i) {
      out += fmt::format("| {} | {} | {} | {} |\n", i + 1, list[i].name, Yi(list[i].ytd_output),
                         SignedPercent(list[i].growth));
    }
    out += "\n";
  };
  ranking(l.top, total->top_by_output);
  ranking(l.top_growth, total->top_by_growth);

  if (!indicators.alerts.empty()) {
    std::size_t red = 0;
    for (const auto& a : indicators.alerts) red += a.level == "red" ? 1U : 0U;
    out +=
        fmt::format("## {} ({} {}, {} {})\n\n", language == Language::kZh ? "预警" : "Alerts", red,
                    language == Language::kZh ? "红色" : "red", indicators.alerts.size() - red,
                    language == Language::kZh ? "黄色" : "amber");
    std::size_t shown = 0;
    for (const auto& a : indicators.alerts) {
      if (shown++ == 30) {
        out += fmt::format("- … {} {}\n", indicators.alerts.size() - 30,
                           language == Language::kZh ? "条未列出（见 JSON）" : "more (see JSON)");
        break;
      }
      out += fmt::format("- {} {} {}: {} [{}]\n", a.level == "red" ? "🔴" : "🟠", a.code, a.name,
                         AlertText(a, language), a.rule);
    }
    out += "\n";
  }
  return out;
}

}  // namespace clusterscope::report
