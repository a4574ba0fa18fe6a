// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The monthly report as one HTML page. Charts are inline SVG drawn here: a bar and line chart
// needs a few dozen lines, where a chart library would mean scripts in a page meant to be
// printed and mailed.
#include <algorithm>
#include <cmath>
#include <map>

#include "monthly_parts.h"
#include <fmt/format.h>

#include "clusterscope/report/monthly_report.h"
#include "clusterscope/report/numbers.h"
#include "clusterscope/text/report.h"

namespace clusterscope::report {
namespace {

// Month output as bars (亿元) and year-to-date growth as a line (%, right-hand scale).
std::string TrendChart(const std::vector<engine::TrendPoint>& trend, Language language) {
  if (trend.empty()) return "";
  const double width = 680;
  const double height = 240;
  const double left = 50;
  const double right = 50;
  const double top = 20;
  const double bottom = 40;
  const double plot_w = width - left - right;
  const double plot_h = height - top - bottom;
  double max_output = 0;
  double max_growth = 0.01;
  for (const auto& p : trend) {
    max_output = std::max(max_output, p.month_output / 1e4);
    if (p.growth_same_basis) max_growth = std::max(max_growth, std::abs(*p.growth_same_basis));
  }
  if (max_output <= 0) max_output = 1;
  const double slot = plot_w / static_cast<double>(trend.size());
  std::string svg =
      fmt::format("<svg class=\"chart\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\">",
                  width, height, text::kMonthlyOutputAndGrowth.In(language));
  svg += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" class=\"axis\"/>", left,
                     top + plot_h, left + plot_w, top + plot_h);
  svg +=
      fmt::format("<text x=\"{}\" y=\"{}\" class=\"label\">{:.0f}</text>", 4, top + 10, max_output);
  svg += fmt::format("<text x=\"{}\" y=\"{}\" class=\"label\">{:+.0f}%</text>", width - right + 4,
                     top + 10, max_growth * 100);
  std::string line;
  for (std::size_t i = 0; i < trend.size(); ++i) {
    const auto& p = trend[i];
    const double x = left + slot * static_cast<double>(i);
    const double h = p.month_output / 1e4 / max_output * plot_h;
    svg += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" "
        "class=\"bar\"><title>{} "
        "{} {}</title></rect>",
        x + slot * 0.15, top + plot_h - h, slot * 0.7, h, p.period.ToString(),
        numbers::Yi(p.month_output), text::kYiUnit.In(language));
    svg += fmt::format(
        "<text x=\"{:.1f}\" y=\"{}\" class=\"label\" text-anchor=\"middle\">{:02}</text>",
        x + slot / 2, top + plot_h + 16, p.period.month);
    if (p.growth_same_basis) {
      const double y = top + plot_h / 2 - *p.growth_same_basis / max_growth * plot_h / 2;
      line += fmt::format("{}{:.1f},{:.1f}", line.empty() ? "" : " ", x + slot / 2, y);
    }
  }
  svg += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" class=\"zero\"/>", left,
                     top + plot_h / 2, left + plot_w, top + plot_h / 2);
  if (!line.empty()) svg += fmt::format("<polyline points=\"{}\" class=\"line\"/>", line);
  svg += "</svg>";
  return svg;
}

// Pull of each group in percentage points, as horizontal bars around zero.
std::string PullChart(const std::vector<const engine::GroupIndicators*>& groups) {
  std::vector<const engine::GroupIndicators*> shown;
  for (const auto* g : groups) {
    if (g->suppressed.empty() && g->pull_pp) shown.push_back(g);
  }
  if (shown.empty()) return "";
  std::sort(shown.begin(), shown.end(),
            [](const auto* a, const auto* b) { return *a->pull_pp > *b->pull_pp; });
  double extent = 0.01;
  for (const auto* g : shown) extent = std::max(extent, std::abs(*g->pull_pp));
  const double row = 18;
  const double width = 680;
  const double label = 220;
  const double half = (width - label - 60) / 2;
  const double zero = label + half;
  std::string svg = fmt::format("<svg class=\"chart\" viewBox=\"0 0 {} {}\" role=\"img\">", width,
                                row * static_cast<double>(shown.size()) + 10);
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const auto* g = shown[i];
    const double y = 5 + row * static_cast<double>(i);
    const double w = std::abs(*g->pull_pp) / extent * half;
    const double x = *g->pull_pp >= 0 ? zero : zero - w;
    svg += fmt::format("<text x=\"{}\" y=\"{:.1f}\" class=\"label\">{} {}</text>", 0, y + 12,
                       detail::Escape(g->code), detail::Escape(g->name));
    svg += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" class=\"{}\"/>", x,
        y + 2, w, row - 6, *g->pull_pp >= 0 ? "up" : "down");
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" class=\"label\">{:+.2f}</text>",
                       *g->pull_pp >= 0 ? x + w + 4 : x - 40, y + 12, *g->pull_pp);
  }
  svg += fmt::format("<line x1=\"{}\" y1=\"0\" x2=\"{}\" y2=\"{}\" class=\"axis\"/>", zero, zero,
                     row * static_cast<double>(shown.size()) + 10);
  svg += "</svg>";
  return svg;
}

}  // namespace

std::string MonthlyReportHtml(const engine::MonthlyIndicators& indicators,
                              const std::string& region_name, Language language) {
  const bool zh = language == Language::kZh;
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{} {} "
      "{}</title>{}</head><body>\n",
      zh ? "zh-CN" : "en", detail::Escape(region_name), text::kMonthlyReportShort.In(language),
      numbers::YearToDate(indicators.period, language), detail::kHtmlStyle);
  out += fmt::format("<h1>{} {} · {}</h1>\n", detail::Escape(region_name),
                     text::kMonthlyIndustrialEconomyReport.In(language),
                     numbers::YearToDate(indicators.period, language));
  out += fmt::format("<p class=\"headline\">{}</p>\n",
                     detail::Escape(MonthlyReportHeadline(indicators, language)));
  const bool real =
      !indicators.groups.empty() && indicators.groups.front().value_added_growth_real.has_value();
  out += fmt::format("<p class=\"note\">{}</p>\n",
                     real ? (text::kValueAddedGrowthAtComparablePrices.In(language))
                          : (text::kValueAddedGrowthNominal.In(language)));
  if (!indicators.trend.empty()) {
    out += fmt::format("<h2>{}</h2>\n{}\n", text::kMonthlyOutputAndGrowth.In(language),
                       TrendChart(indicators.trend, language));
  }

  const auto tables = detail::ReportTables(indicators);
  for (const auto& [kind, groups] : tables) {
    if (kind != "cluster") continue;
    out += fmt::format("<h2>{}</h2>\n{}\n", text::kPullByClusterPp.In(language), PullChart(groups));
  }
  for (const auto& [kind, groups] : tables) {
    out += fmt::format(
        "<h2>{}</h2>\n<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
        "</tr>\n",
        detail::Escape(detail::KindTitle(kind, language)), text::kGroup.In(language),
        text::kEnterprises.In(language), text::kOutputYTD.In(language),
        text::kGrowthSameBasis.In(language), text::kContribution.In(language),
        text::kPullPp.In(language));
    for (const auto* g : groups) {
      if (!g->suppressed.empty()) {
        out += fmt::format(
            "<tr><td>{}</td><td>{}</td><td class=\"withheld\" colspan=\"4\">{}</td></tr>\n",
            detail::Escape(g->name), g->enterprises, text::kSuppressed.In(language));
        continue;
      }
      out += fmt::format(
          "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
          detail::Escape(g->name), g->enterprises, numbers::Yi(g->ytd[0]),
          numbers::Growth(g->growth_same_basis), numbers::Percent(g->contribution_rate),
          g->pull_pp ? numbers::Fixed(*g->pull_pp, 2) : "—");
    }
    out += "</table>\n";
  }
  for (const auto& g : indicators.groups) {
    if (g.kind != "total" || g.top_by_output.empty()) continue;
    out += fmt::format("<h2>{}</h2>\n<table><tr><th>{}</th><th>{}</th><th>{}</th></tr>\n",
                       text::kLargestEnterprises.In(language), text::kEnterprise.In(language),
                       text::kOutputYTD.In(language), text::kGrowthSameBasis.In(language));
    for (const auto& r : g.top_by_output) {
      out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", detail::Escape(r.name),
                         numbers::Yi(r.ytd_output), numbers::Growth(r.growth));
    }
    out += "</table>\n";
  }
  if (!indicators.alerts.empty()) {
    out += fmt::format("<h2>{}</h2>\n<ul class=\"alerts\">\n", text::kAlerts.In(language));
    for (const auto& line : detail::AlertLines(indicators.alerts, indicators.period, language)) {
      out += fmt::format("<li class=\"{}\"><span class=\"mark\">{}</span><b>{}</b>{}{}</li>\n",
                         line.level, line.level == "red" ? "■" : "◆", detail::Escape(line.subject),
                         language == Language::kZh ? "：" : ": ", detail::Escape(line.message));
    }
    out += "</ul>\n";
  }
  out += "</body></html>\n";
  return out;
}

}  // namespace clusterscope::report
