// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/report/targets.h"

#include <algorithm>
#include <memory>

#include "json_values.h"
#include "monthly_parts.h"
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <xlsxwriter.h>

#include "clusterscope/report/numbers.h"
#include "clusterscope/report/text_table.h"
#include "clusterscope/text/report.h"
#include "clusterscope/text/units.h"

namespace clusterscope::report {
namespace {

using json = nlohmann::ordered_json;

json Number(const std::optional<double>& value) { return value ? json(*value) : json(nullptr); }

std::string KindText(model::TargetKind kind, Language language) {
  switch (kind) {
    case model::TargetKind::kLevel:
      return text::kKindLevel.In(language);
    case model::TargetKind::kRatio:
      return text::kKindRatio.In(language);
    case model::TargetKind::kCount:
      return text::kKindCount.In(language);
    case model::TargetKind::kRate:
      return text::kKindRate.In(language);
    case model::TargetKind::kCompare:
      return text::kKindCompare.In(language);
    case model::TargetKind::kMilestone:
      return text::kKindMilestone.In(language);
    case model::TargetKind::kFloor:
      return text::kKindFloor.In(language);
  }
  return "";
}

// The growth (or points) the target still needs each year.
std::string Required(const model::Target& t, const targets::Progress& p, Language language) {
  if (p.required_annual_growth) {
    return core::Say(language, text::kPerYearGrowth, *p.required_annual_growth * 100);
  }
  if (p.required_points_per_year) {
    return core::Say(language, text::kPointsPerYear, *p.required_points_per_year);
  }
  if (p.required_per_year) {
    const std::string unit = text::UnitIn(language, t.unit);
    if (unit.empty()) return core::Say(language, text::kCountPerYear, *p.required_per_year);
    return core::Say(language, text::kUnitsPerYear, *p.required_per_year, unit);
  }
  return "—";
}

std::string Projection(const model::Target& t, const targets::Progress& p, Language language) {
  if (!p.projection) return "—";
  return fmt::format("{}{}", numbers::InUnit(p.projection, t.unit, language),
                     *p.projection_meets ? " ✓" : " ✗");
}

std::string Odds(const targets::Progress& p) {
  return p.odds ? fmt::format("{:.0f}%", p.odds->probability * 100) : "—";
}

}  // namespace

namespace detail {

std::string TargetGoalText(const model::Target& t, Language language) {
  if (t.kind == model::TargetKind::kMilestone) return "—";
  if (t.kind == model::TargetKind::kRate) return text::kAtLeastTheCitysRate.In(language);
  if (t.kind == model::TargetKind::kCompare) return text::kFallsFasterThanReference.In(language);
  return fmt::format("{}{}", t.direction == model::Direction::kAtMost ? "≤ " : "",
                     numbers::InUnit(t.target_value, t.unit, language));
}

std::string TargetActualText(const model::Target& t, const targets::Progress& p,
                             Language language) {
  if (t.kind == model::TargetKind::kRate || t.kind == model::TargetKind::kCompare) {
    // A change in percent, in words: 下降5.7%.
    return p.actual ? numbers::ChangeWords(*p.actual / 100, language) : "—";
  }
  if (t.kind == model::TargetKind::kMilestone) return p.note.In(language);
  return numbers::InUnit(p.actual, t.unit, language);
}

}  // namespace detail

using detail::TargetActualText;
using detail::TargetGoalText;

std::string TargetsTable(const targets::TargetReport& report, Language language) {
  const bool zh = language == Language::kZh;
  TextTable table(
      {text::kId.In(language), text::kTarget.In(language), text::kTargetKind.In(language),
       text::kActual.In(language), text::kGoal.In(language), text::kCompletion.In(language),
       text::kTime.In(language), text::kRequired.In(language), text::kProjection.In(language),
       text::kOdds.In(language), text::kStatus.In(language)});
  for (std::size_t c : {3u, 4u, 5u, 6u, 7u, 8u, 9u}) table.AlignRight(c);
  for (const auto& row : report.rows) {
    const auto& t = row.target;
    const auto& p = row.progress;
    table.AddRow({t.id, zh ? t.name_zh : (t.name_en.empty() ? t.name_zh : t.name_en),
                  KindText(t.kind, language), TargetActualText(t, p, language),
                  TargetGoalText(t, language), numbers::Percent(p.completion),
                  numbers::Percent(p.time_progress), Required(t, p, language),
                  Projection(t, p, language), Odds(p), numbers::Status(p.status, language)});
  }
  return fmt::format("{} · {}\n{}", report.plan.name_zh,
                     core::Say(language, text::kDataTo, numbers::Month(report.period, language)),
                     table.Render());
}

std::string TargetsMarkdown(const targets::TargetReport& report, Language language, int heading) {
  const bool zh = language == Language::kZh;
  std::string out = fmt::format(
      "{} {} · {}\n\n", std::string(static_cast<std::size_t>(heading), '#'), report.plan.name_zh,
      core::Say(language, text::kDataTo, numbers::Month(report.period, language)));
  out += text::kTargetsMarkdownHeader.In(language);
  out += "|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|---|---|\n";
  for (const auto& row : report.rows) {
    const auto& t = row.target;
    const auto& p = row.progress;
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", t.id,
                       zh ? t.name_zh : (t.name_en.empty() ? t.name_zh : t.name_en),
                       KindText(t.kind, language), TargetActualText(t, p, language),
                       TargetGoalText(t, language), numbers::Percent(p.completion),
                       numbers::Percent(p.path_progress), numbers::Percent(p.time_progress),
                       Required(t, p, language), Projection(t, p, language), Odds(p),
                       numbers::Status(p.status, language),
                       t.kind == model::TargetKind::kMilestone ? "" : p.note.In(language));
  }
  out += text::kTargetsMarkdownFootnote.In(language);
  return out;
}

namespace detail {

json TargetsValue(const targets::TargetReport& report, Language language) {
  const auto progress = [language](const targets::Progress& p) {
    return json{
        {"status", p.status},
        {"actual", Number(p.actual)},
        {"base", Number(p.base)},
        {"reference", Number(p.reference)},
        {"completion", Number(p.completion)},
        {"path_progress", Number(p.path_progress)},
        {"time_progress", p.time_progress},
        {"required_annual_growth", Number(p.required_annual_growth)},
        {"required_points_per_year", Number(p.required_points_per_year)},
        {"required_per_year", Number(p.required_per_year)},
        {"years_left", p.years_left},
        {"note", p.note.In(language)},
        {"projection", Number(p.projection)},
        {"projection_meets", p.projection_meets ? json(*p.projection_meets) : json(nullptr)},
        {"trend", Number(p.trend)},
        {"pipeline", Number(p.pipeline)},
        {"pipeline_projects", p.pipeline_projects},
        {"odds", p.odds ? json(p.odds->probability) : json(nullptr)},
        {"odds_method", p.odds ? json("student_t") : json(nullptr)},
        {"odds_df", p.odds ? json(p.odds->degrees_of_freedom) : json(nullptr)},
        {"odds_scale", p.odds ? json(p.odds->scale) : json(nullptr)},
        {"odds_history_years", p.odds ? json(p.odds->history_years) : json(nullptr)},
        {"odds_sd_change", p.odds ? json(p.odds->sd_change) : json(nullptr)},
        {"odds_note", p.odds_note.In(language)},
        {"coverage_source", p.coverage_source.empty() ? json(nullptr) : json(p.coverage_source)}};
  };
  json rows = json::array();
  for (const auto& row : report.rows) {
    const auto& t = row.target;
    json item = {{"id", t.id},
                 {"row", t.row},
                 {"name_zh", t.name_zh},
                 {"name_en", t.name_en},
                 {"kind", std::string(model::TargetKindName(t.kind))},
                 {"scope", t.scope},
                 {"unit", t.unit},
                 {"direction", t.direction == model::Direction::kAtMost ? "at_most" : "at_least"},
                 {"base_year", t.base_year},
                 {"target_year", t.target_year},
                 {"target", Number(t.target_value)},
                 {"source_text", t.source_text},
                 {"base_source", t.base_source},
                 {"coverage", t.coverage},
                 {"parent", t.parent.empty() ? json(nullptr) : json(t.parent)}};
    const json figures = progress(row.progress);
    for (const auto& [key, value] : figures.items()) item[key] = value;
    if (!row.history.empty()) {
      json history = json::array();
      for (const auto& [period, p] : row.history) {
        json point = progress(p);
        point["period"] = period.ToString();
        history.push_back(std::move(point));
      }
      item["history"] = std::move(history);
    }
    rows.push_back(std::move(item));
  }
  json out = {{"period", report.period.ToString()},
              {"plan", report.plan.name_zh},
              {"status_gaps",
               {{"ahead", report.plan.ahead_gap},
                {"amber", report.plan.amber_gap},
                {"red", report.plan.red_gap}}},
              {"targets", rows}};
  return out;
}

}  // namespace detail

std::string TargetsJson(const targets::TargetReport& report, Language language) {
  return detail::TargetsValue(report, language).dump(2) + "\n";
}

std::string TargetsHtml(const targets::TargetReport& report, Language language) {
  const bool zh = language == Language::kZh;
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{} · {}</title>\n"
      "{}\n<style>td.status, td.name {{ text-align: left; }} td.status {{ white-space: nowrap; }}"
      "</style></head><body>\n<h1>{}</h1>\n<p class=\"note\">{}</p>\n<table>\n",
      zh ? "zh-CN" : "en", detail::Escape(report.plan.name_zh),
      core::Say(language, text::kDataTo, numbers::Month(report.period, language)),
      detail::kHtmlStyle, detail::Escape(report.plan.name_zh),
      core::Say(language, text::kDataTo, numbers::Month(report.period, language)));
  out += fmt::format(
      "<tr><th>#</th><th "
      "style=\"text-align:left\">{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
      "<th>{}</th><th>{}</th><th>{}</th></tr>\n",
      text::kTarget.In(language), text::kActual.In(language), text::kGoal.In(language),
      text::kCompletion.In(language), text::kTime.In(language), text::kRequired.In(language),
      text::kProjection.In(language), text::kOdds.In(language), text::kStatus.In(language));
  for (const auto& row : report.rows) {
    const auto& t = row.target;
    const auto& p = row.progress;
    out += fmt::format(
        "<tr><td>{}</td><td class=\"name\">{}</td><td>{}</td><td>{}</td><td>{}</td>"
        "<td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"status {}\" title=\"{}\">{}"
        "</td></tr>\n",
        detail::Escape(t.id),
        detail::Escape(zh ? t.name_zh : (t.name_en.empty() ? t.name_zh : t.name_en)),
        detail::Escape(TargetActualText(t, p, language)),
        detail::Escape(TargetGoalText(t, language)), numbers::Percent(p.completion),
        numbers::Percent(p.time_progress), detail::Escape(Required(t, p, language)),
        detail::Escape(Projection(t, p, language)), Odds(p), p.status,
        detail::Escape(p.note.In(language)), detail::Escape(numbers::Status(p.status, language)));
  }
  out += fmt::format("</table>\n<p class=\"note\">{}</p>\n</body></html>\n",
                     text::kTargetsHtmlFootnote.In(language));
  return out;
}

namespace {

struct TargetFormats {
  lxw_format* bold;
  lxw_format* percent;
  lxw_format* number;
};

// A figure in a cell; an undefined one stays empty, never 0.
void PutFigure(lxw_worksheet* sheet, lxw_row_t r, lxw_col_t c, const std::optional<double>& v,
               lxw_format* format) {
  if (v) worksheet_write_number(sheet, r, c, *v, format);
}

// Every target with its progress, a row each.
void AddTargetsSheet(lxw_workbook* book, const targets::TargetReport& report, Language language,
                     const TargetFormats& f) {
  const bool zh = language == Language::kZh;
  lxw_worksheet* sheet = workbook_add_worksheet(book, text::kTargetsSheet.In(language));
  const char* headers[] = {text::kId.In(language),
                           text::kTarget.In(language),
                           text::kTargetKind.In(language),
                           text::kUnit.In(language),
                           text::kBase.In(language),
                           text::kActual.In(language),
                           text::kGoal.In(language),
                           text::kCompletion.In(language),
                           text::kPathProgress.In(language),
                           text::kTimeProgress.In(language),
                           text::kRequiredGrowth.In(language),
                           text::kRequiredPoints.In(language),
                           text::kProjection.In(language),
                           text::kOdds.In(language),
                           text::kStatus.In(language),
                           text::kNote.In(language)};
  for (lxw_col_t c = 0; c < 16; ++c) worksheet_write_string(sheet, 0, c, headers[c], f.bold);
  worksheet_set_column(sheet, 1, 1, 36, nullptr);
  worksheet_set_column(sheet, 4, 13, 12, nullptr);
  worksheet_freeze_panes(sheet, 1, 2);
  lxw_row_t r = 1;
  for (const auto& row : report.rows) {
    const auto& t = row.target;
    const auto& p = row.progress;
    worksheet_write_string(sheet, r, 0, t.id.c_str(), nullptr);
    worksheet_write_string(sheet, r, 1, (zh ? t.name_zh : t.name_en).c_str(), nullptr);
    worksheet_write_string(sheet, r, 2, KindText(t.kind, language).c_str(), nullptr);
    worksheet_write_string(sheet, r, 3, text::UnitIn(language, t.unit).c_str(), nullptr);
    PutFigure(sheet, r, 4, p.base, f.number);
    PutFigure(sheet, r, 5, p.actual, f.number);
    PutFigure(sheet, r, 6, t.target_value, f.number);
    PutFigure(sheet, r, 7, p.completion, f.percent);
    PutFigure(sheet, r, 8, p.path_progress, f.percent);
    PutFigure(sheet, r, 9, p.time_progress, f.percent);
    PutFigure(sheet, r, 10, p.required_annual_growth, f.percent);
    PutFigure(sheet, r, 11, p.required_points_per_year, f.number);
    PutFigure(sheet, r, 12, p.projection, f.number);
    PutFigure(sheet, r, 13, p.odds ? std::optional<double>(p.odds->probability) : std::nullopt,
              f.percent);
    worksheet_write_string(sheet, r, 14, numbers::Status(p.status, language).c_str(), nullptr);
    worksheet_write_string(sheet, r, 15, p.note.In(language).c_str(), nullptr);
    ++r;
  }
}

// Month by month, a row per target and month.
void AddHistorySheet(lxw_workbook* book, const targets::TargetReport& report, Language language,
                     const TargetFormats& f) {
  lxw_worksheet* history = workbook_add_worksheet(book, text::kHistorySheet.In(language));
  const char* columns[] = {text::kId.In(language),           text::kPeriod.In(language),
                           text::kActual.In(language),       text::kCompletion.In(language),
                           text::kPathProgress.In(language), text::kTimeProgress.In(language),
                           text::kStatus.In(language)};
  for (lxw_col_t c = 0; c < 7; ++c) worksheet_write_string(history, 0, c, columns[c], f.bold);
  lxw_row_t h = 1;
  for (const auto& row : report.rows) {
    for (const auto& [period, p] : row.history) {
      worksheet_write_string(history, h, 0, row.target.id.c_str(), nullptr);
      worksheet_write_string(history, h, 1, period.ToString().c_str(), nullptr);
      PutFigure(history, h, 2, p.actual, f.number);
      PutFigure(history, h, 3, p.completion, f.percent);
      PutFigure(history, h, 4, p.path_progress, f.percent);
      PutFigure(history, h, 5, p.time_progress, f.percent);
      worksheet_write_string(history, h, 6, p.status.c_str(), nullptr);
      ++h;
    }
  }
}

}  // namespace

Result<std::string> TargetsXlsx(const targets::TargetReport& report, Language language) {
  auto opened = detail::Workbook::Open();
  if (!opened) return Error(opened.error());
  detail::Workbook book = std::move(*opened);
  TargetFormats formats{workbook_add_format(book.get()), workbook_add_format(book.get()),
                        workbook_add_format(book.get())};
  format_set_bold(formats.bold);
  format_set_text_wrap(formats.bold);
  format_set_num_format(formats.percent, "0.0%");
  format_set_num_format(formats.number, "#,##0.00");
  AddTargetsSheet(book.get(), report, language, formats);
  const bool any_history = std::any_of(report.rows.begin(), report.rows.end(),
                                       [](const auto& row) { return !row.history.empty(); });
  if (any_history) AddHistorySheet(book.get(), report, language, formats);
  return std::move(book).Bytes();
}

}  // namespace clusterscope::report
