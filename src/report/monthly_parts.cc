// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "monthly_parts.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>

#include "workbook_check.h"
#include <fmt/format.h>
#include <unistd.h>

#include "clusterscope/model/project.h"
#include "clusterscope/report/numbers.h"
#include "clusterscope/text/quality.h"
#include "clusterscope/text/report.h"

namespace clusterscope::report::detail {

namespace {

// The words of each kind of group (and of an alert's other subjects): a section's title ("By
// cluster") and the noun ("cluster"), in one table.
struct KindWords {
  std::string_view kind;
  const core::Message* title;  // null: not a kind of group
  const core::Message* noun;
};

constexpr KindWords kKindWords[] = {
    {"total", &text::kKindTitleTotal, &text::kSubjectTotal},
    {"tier", &text::kKindTitleTier, &text::kSubjectTier},
    {"cluster", &text::kKindTitleCluster, &text::kSubjectCluster},
    {"park", &text::kKindTitlePark, &text::kSubjectPark},
    {"town", &text::kKindTitleTown, &text::kSubjectTown},
    {"division", &text::kKindTitleDivision, &text::kSubjectDivision},
    {"class", &text::kKindTitleClass, &text::kSubjectClass},
    {"sector", &text::kKindTitleSector, &text::kSubjectSector},
    {"high_tech", &text::kKindTitleHighTech, &text::kSubjectHighTech},
    {"strategic_emerging", &text::kKindTitleStrategicEmerging, &text::kSubjectStrategicEmerging},
    {"list", &text::kKindTitleList, &text::kSubjectList},
    {"enterprise", nullptr, &text::kSubjectEnterprise},
    {"target", nullptr, &text::kSubjectTarget},
    {"project", nullptr, &text::kSubjectProject},
};

const KindWords* WordsOf(std::string_view kind) {
  for (const auto& words : kKindWords) {
    if (words.kind == kind) return &words;
  }
  return nullptr;
}

}  // namespace

std::string KindTitle(const std::string& kind, Language language) {
  const auto* words = WordsOf(kind);
  return words != nullptr && words->title != nullptr ? words->title->In(language) : kind;
}

std::string SubjectWord(const std::string& kind, Language language) {
  const auto* words = WordsOf(kind);
  return words != nullptr ? words->noun->In(language) : kind;
}

std::string LevelWord(const std::string& level, Language language) {
  if (level == "red") return text::kRed.In(language);
  if (level == "amber") return text::kAmber.In(language);
  return level;
}

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
.red { color: #d33a2c; } .amber { color: #a87800; }
.alerts { padding-left: 1.2em; } .alerts li { list-style: none; margin: .2em 0; color: #222; }
.alerts .mark { margin: 0 .4em 0 -1.2em; } .alerts .red .mark { color: #d33a2c; }
.alerts .amber .mark { color: #a87800; }
.status { white-space: nowrap; }
.status.ahead { color: #1f5fbf; } .status.green { color: #1e9e5a; } .status.amber { color: #a87800; }
.status.red { color: #d33a2c; } .status.no_data, .status.withheld { color: #6b7785; }
@page { size: A4; margin: 14mm 13mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 9.5pt; }
  h1 { font-size: 14pt; margin: 0 0 .4em; } h2 { font-size: 11pt; margin: 1em 0 .3em; }
  h3 { font-size: 10pt; margin: .8em 0 .2em; } p { margin: .3em 0; }
  h2, h3 { break-after: avoid; } tr, svg, li { break-inside: avoid; }
  thead { display: table-header-group; }
  table { font-size: 8.5pt; } td, th { padding: .1em .3em; }
  .chart { max-height: 62mm; } .alerts { font-size: 8.5pt; }
  .headline { padding: .3em .5em; } }
</style>)";

Result<Workbook> Workbook::Open() {
  std::error_code error;
  const std::filesystem::path dir = std::filesystem::temp_directory_path(error);
  if (error) return Error(Status::Unavailable("no directory for temporary files"));
  static std::atomic<unsigned> counter = 0;
  std::string path = (dir / fmt::format("clusterscope-{}-{}.xlsx", ::getpid(), counter++)).string();
  lxw_workbook* book = workbook_new(path.c_str());
  if (book == nullptr) {
    // The temporary file's path would tell an HTTP client about the server: not named.
    return Error(Status::Unavailable("cannot create a workbook in the temporary folder"));
  }
  return Workbook(book, std::move(path));
}

Workbook::Workbook(Workbook&& other) noexcept
    : book_(std::exchange(other.book_, nullptr)), path_(std::move(other.path_)) {
  other.path_.clear();
}

Workbook::~Workbook() {
  if (book_ != nullptr) workbook_close(book_);
  if (!path_.empty()) std::remove(path_.c_str());  // a temporary file: gone either way
}

Result<std::string> Workbook::Bytes() && {
  const lxw_error error = workbook_close(std::exchange(book_, nullptr));
  if (error != LXW_NO_ERROR) {
    return Error(Status::Unavailable(fmt::format(
        "cannot write the workbook in the temporary folder ({})", lxw_strerror(error))));
  }
  CLUSTERSCOPE_RETURN_IF_ERROR(CheckWorkbookComplete(path_));
  std::ifstream in(path_, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) return Error(Status::Unavailable("cannot read the workbook back"));
  return bytes;
}

std::string AlertMessage(const engine::Alert& a, core::Period period, Language language) {
  const double v = a.value.value_or(0) * 100;
  const double reference = a.reference.value_or(0);
  if (a.rule == "group_declining") {
    return core::Say(language, text::kOutputOnLastYear, numbers::ChangeWords(a.value, language));
  }
  if (a.rule == "group_below_total") {
    return core::Say(language, text::kOutputGrowthBelowTotal, numbers::Growth(a.value),
                     numbers::Growth(reference));
  }
  if (a.rule == "enterprise_declining") {
    return core::Say(language, text::kEnterpriseDeclining, a.months, reference * 100, v);
  }
  if (a.rule == "leaving_frame") {
    const double revenue = a.value.value_or(0);
    return core::Say(language, text::kRevenueOfTheLast12Months, revenue, reference);
  }
  if (a.rule == "target_behind") {
    const double time = reference * 100;
    return core::Say(language, text::kProgressBehindTimeProgress, v, time);
  }
  if (a.rule == "project_overdue") {  // reference: the stage it waits for; months: how late
    const auto stage = static_cast<std::size_t>(a.reference.value_or(0));
    const auto& next = model::Stages()[std::min(stage, model::kStageCount - 1)];
    return core::Say(language, text::kProjectOverdue, a.months,
                     language == Language::kZh ? next.name_zh : next.name_en);
  }
  if (a.rule == "not_reported") {
    const auto before = core::Period::FromIndex(period.Index() - 1).ToString();
    return core::Say(language, text::kNotReported, before, period.ToString());
  }
  return a.rule;
}

namespace {

// The folded form of a rule: its name, its message, and how one alert reads in the list.
struct Fold {
  std::string_view rule;
  const core::Message* name;
  const core::Message* message;
  std::string (*reference)(double);
  std::string (*item)(const engine::Alert&);
};

std::string GrowthOf(double fraction) { return numbers::Growth(fraction); }
std::string PercentOf(double fraction) { return numbers::Percent(fraction); }

const Fold kFolds[] = {
    {"group_below_total", &text::kRuleBelowTotal, &text::kBelowTotalFolded, &GrowthOf,
     [](const engine::Alert& a) { return numbers::Growth(a.value); }},
    {"target_behind", &text::kRuleTargetBehind, &text::kBehindFolded, &PercentOf,
     [](const engine::Alert& a) { return numbers::Percent(a.value); }},
};

const Fold* FoldOf(std::string_view rule) {
  for (const auto& f : kFolds) {
    if (f.rule == rule) return &f;
  }
  return nullptr;
}

// The alerts of `rule` share one reference figure: the total's growth, the time-progress.
bool OneReference(const std::vector<const engine::Alert*>& alerts) {
  return std::all_of(alerts.begin(), alerts.end(),
                     [&](const auto* a) { return a->reference == alerts.front()->reference; });
}

}  // namespace

std::vector<AlertLine> AlertLines(const std::vector<engine::Alert>& alerts, core::Period period,
                                  Language language, std::size_t fold_above) {
  std::map<std::string, std::vector<const engine::Alert*>> by_rule;
  for (const auto& a : alerts) {
    if (FoldOf(a.rule) != nullptr) by_rule[a.rule].push_back(&a);
  }
  std::vector<AlertLine> lines;
  for (const auto& a : alerts) {
    const Fold* fold = FoldOf(a.rule);
    const auto& same = by_rule[a.rule];
    const bool folded = fold != nullptr && same.size() > fold_above && OneReference(same) &&
                        same.front()->reference.has_value();
    const std::string subject = a.name.empty() ? a.code : a.name;
    if (!folded) {
      lines.push_back({a.level, subject, AlertMessage(a, period, language), a.rule});
      continue;
    }
    if (same.front() != &a) continue;  // the rule's line is written at its first alert
    std::string items;
    std::string level = "amber";
    for (const auto* b : same) {
      if (!items.empty()) items += text::kListSeparator.In(language);
      items += (b->name.empty() ? b->code : b->name) + (language == Language::kZh ? "" : " ") +
               fold->item(*b);
      if (b->level == "red") level = "red";
    }
    lines.push_back(
        {level, fold->name->In(language),
         core::Say(language, *fold->message, same.size(), fold->reference(*a.reference), items),
         a.rule});
  }
  return lines;
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
