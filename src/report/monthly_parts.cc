// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "monthly_parts.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "clusterscope/model/project.h"

namespace clusterscope::report::detail {

std::string KindTitle(const std::string& kind, Language language) {
  static const std::map<std::string, std::pair<const char*, const char*>> kTitles = {
      {"total", {"总体", "Total"}},
      {"tier", {"按集群层级", "By tier"}},
      {"cluster", {"按产业集群", "By cluster"}},
      {"park", {"按园区", "By park"}},
      {"town", {"按乡镇街道", "By town"}},
      {"division", {"按行业大类", "By industry division"}},
      {"class", {"按行业小类", "By industry class"}},
      {"sector", {"按工业门类", "By sector category"}},
      {"high_tech", {"高技术制造业", "High-tech manufacturing"}},
      {"strategic_emerging", {"战略性新兴产业", "Strategic emerging industries"}},
      {"list", {"重点企业名单", "Saved lists"}}};
  const auto it = kTitles.find(kind);
  if (it == kTitles.end()) return kind;
  return language == Language::kZh ? it->second.first : it->second.second;
}

std::string SignedPercent(const std::optional<double>& fraction) {
  return fraction ? fmt::format("{:+.1f}%", *fraction * 100) : "—";
}

std::string Yi(double wan) { return fmt::format("{:.1f}", wan / 1e4); }

std::string Escape(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

const char* const kHtmlStyle = R"(<style>
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif;
       margin: 2em auto; max-width: 760px; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 1.6em; }
.headline { font-size: 1.05em; background: #f3f6fa; padding: .6em .8em; }
.note { color: #666; font-size: .9em; }
table { border-collapse: collapse; width: 100%; font-size: .88em; }
th, td { border-bottom: 1px solid #ddd; padding: .25em .4em; text-align: right; }
th:first-child, td:first-child { text-align: left; }
td.withheld { color: #999; }
.chart { width: 100%; height: auto; }
.chart .bar { fill: #4a78b5; } .chart .line { fill: none; stroke: #d9822b; stroke-width: 2; }
.chart .axis { stroke: #888; } .chart .zero { stroke: #ccc; stroke-dasharray: 3 3; }
.chart .label { font-size: 10px; fill: #555; }
.chart .up { fill: #3a9a5b; } .chart .down { fill: #c94b4b; }
.red { color: #b22; } .amber { color: #b70; }
@media print { body { margin: 0; max-width: none; } h2, table, svg { break-inside: avoid; } }
@page { size: A4; margin: 15mm; }
</style>)";

Result<Workbook> OpenWorkbook(const std::string& path) {
  Workbook book(workbook_new(path.c_str()), [](lxw_workbook* b) {
    if (b != nullptr) workbook_close(b);
  });
  if (!book) {
    return Error(Status::Unavailable(fmt::format("{}: cannot write the workbook", path)));
  }
  return book;
}

Status CloseWorkbook(Workbook book, const std::string& path) {
  const lxw_error error = workbook_close(book.release());
  if (error != LXW_NO_ERROR) {
    return Status::Unavailable(
        fmt::format("{}: cannot write the workbook ({})", path, lxw_strerror(error)));
  }
  return Status::Ok();
}

std::string AlertMessage(const engine::Alert& a, core::Period period, Language language) {
  const bool zh = language == Language::kZh;
  const double v = a.value.value_or(0) * 100;
  const double reference = a.reference.value_or(0);
  if (a.rule == "group_declining") {
    return zh ? fmt::format("产值同比 {:+.1f}%", v)
              : fmt::format("output {:+.1f}% on last year", v);
  }
  if (a.rule == "group_below_total") {
    return zh ? fmt::format("产值增速 {:+.1f}%，低于全部规上工业的 {:+.1f}%", v, reference * 100)
              : fmt::format("output {:+.1f}%, below the total's {:+.1f}%", v, reference * 100);
  }
  if (a.rule == "enterprise_declining") {
    return zh ? fmt::format("产值连续 {} 个月同比下降 {:.0f}% 以上（最低 {:+.1f}%）", a.months,
                            reference * 100, v)
              : fmt::format(
                    "output down {:.0f}% or more on last year for {} months running "
                    "(worst {:+.1f}%)",
                    reference * 100, a.months, v);
  }
  if (a.rule == "leaving_frame") {
    const double revenue = a.value.value_or(0);
    return zh ? fmt::format("近12个月营业收入 {:.0f} 万元，低于规上标准 {:.0f} 万元", revenue,
                            reference)
              : fmt::format(
                    "revenue of the last 12 months {:.0f} 万元, under the above-scale "
                    "line of {:.0f} 万元",
                    revenue, reference);
  }
  if (a.rule == "target_behind") {
    const double time = reference * 100;
    return zh ? fmt::format("目标进度 {:.1f}%，落后于时间进度 {:.1f}%", v, time)
              : fmt::format("progress {:.1f}% behind time-progress {:.1f}%", v, time);
  }
  if (a.rule == "project_overdue") {  // reference: the stage it waits for; months: how late
    const auto stage = static_cast<std::size_t>(a.reference.value_or(0));
    const auto& next = model::Stages()[std::min(stage, model::kStageCount - 1)];
    return zh ? fmt::format("项目逾期 {} 个月未{}", a.months, next.name_zh)
              : fmt::format("project {} months late for {}", a.months, next.name_en);
  }
  if (a.rule == "not_reported") {
    const auto before = core::Period::FromIndex(period.Index() - 1).ToString();
    return zh ? fmt::format("{} 已报、{} 未报", before, period.ToString())
              : fmt::format("reported {} but not {}", before, period.ToString());
  }
  return a.rule;
}

const engine::GroupIndicators* TotalOf(const engine::MonthlyIndicators& indicators) {
  for (const auto& g : indicators.groups) {
    if (g.kind == "total") return &g;
  }
  return nullptr;
}

std::vector<Table> ReportTables(const engine::MonthlyIndicators& indicators) {
  std::vector<Table> tables;
  for (const auto& g : indicators.groups) {
    if (g.kind == "total" || g.kind == "class") continue;
    if (tables.empty() || tables.back().first != g.kind) tables.push_back({g.kind, {}});
    tables.back().second.push_back(&g);
  }
  for (auto& [kind, groups] : tables) {
    if (kind != "division" && kind != "town") continue;
    std::sort(groups.begin(), groups.end(),
              [](const auto* a, const auto* b) { return a->ytd[0] > b->ytd[0]; });
    if (groups.size() > 15) groups.resize(15);
  }
  return tables;
}

}  // namespace clusterscope::report::detail
