// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/report/monthly_report.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string_view>

#include "monthly_parts.h"
#include <fmt/format.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "clusterscope/report/numbers.h"
#include "clusterscope/text/report.h"

namespace clusterscope::report {
namespace {

using detail::AlertLines;
using detail::AlertMessage;
using detail::KindTitle;
using detail::TotalOf;

using model::Measure;

// RapidJSON's writer with the few forms the report needs: undefined values are null, and so is
// anything not finite (JSON has no NaN).
class JsonWriter : public rapidjson::Writer<rapidjson::StringBuffer> {
 public:
  using Writer::Writer;
  void Key(std::string_view key) { Writer::Key(key.data(), static_cast<unsigned>(key.size())); }
  void Field(std::string_view key, std::string_view value) {
    Key(key);
    String(value.data(), static_cast<unsigned>(value.size()));
  }
  void Field(std::string_view key, const char* value) { Field(key, std::string_view(value)); }
  void Field(std::string_view key, double value) {
    Key(key);
    if (std::isfinite(value)) {
      Double(value);
    } else {
      Null();
    }
  }
  void Field(std::string_view key, const std::optional<double>& value) {
    if (value) {
      Field(key, *value);
    } else {
      Key(key);
      Null();
    }
  }
  void Field(std::string_view key, std::nullopt_t) {
    Key(key);
    Null();
  }
  void Field(std::string_view key, std::size_t value) {
    Key(key);
    Uint64(value);
  }
};

// Labels of the Markdown report.
struct Labels {
  const char* title;
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
  const char* unbased;
  const char* top;
  const char* top_growth;
  const char* rank;
  const char* name;
};

const Labels& LabelsFor(Language language) {
  // Filled from the catalogue once per language.
  const auto fill = [](Language l) {
    return Labels{text::kMonthlyTitle.In(l),        text::kMonthlyNominalNote.In(l),
                  text::kMonthlyGroup.In(l),        text::kMonthlyEnterprises.In(l),
                  text::kMonthlyYtdOutput.In(l),    text::kMonthlyGrowth.In(l),
                  text::kMonthlyContribution.In(l), text::kMonthlyPull.In(l),
                  text::kMonthlyRatios.In(l),       text::kMonthlyVaRate.In(l),
                  text::kMonthlyProfitMargin.In(l), text::kMonthlyRdIntensity.In(l),
                  text::kMonthlyEnergyPerVa.In(l),  text::kMonthlyProductivity.In(l),
                  text::kMonthlyCounts.In(l),       text::kMonthlyDeclining.In(l),
                  text::kMonthlyLosses.In(l),       text::kMonthlyLossAmount.In(l),
                  text::kMonthlyNonReporting.In(l), text::kMonthlyUnbased.In(l),
                  text::kMonthlyTop.In(l),          text::kMonthlyTopGrowth.In(l),
                  text::kMonthlyRank.In(l),         text::kMonthlyName.In(l)};
  };
  static const Labels kZh = fill(Language::kZh);
  static const Labels kEn = fill(Language::kEn);
  return language == Language::kZh ? kZh : kEn;
}

std::string PlainPercent(const std::optional<double>& value) {
  return value ? fmt::format("{:.1f}%", *value * 100) : "—";
}
std::string Fixed(const std::optional<double>& value, int digits) {
  return value ? fmt::format("{:.{}f}", *value, digits) : "—";
}

// Value-added growth at comparable prices when the total has one (indices for every month).
std::optional<double> RealGrowth(const engine::MonthlyIndicators& indicators) {
  const auto* total = TotalOf(indicators);
  return total != nullptr ? total->value_added_growth_real : std::nullopt;
}

}  // namespace

namespace {

// A published group's figures, every field of docs/indicators.md in order.
void WriteGroupFigures(JsonWriter& w, const engine::GroupIndicators& g) {
  using engine::Quantity;
  w.Field("month_output", g.Figure(Quantity::kMonthOutput));
  w.Field("month_output_base", g.Figure(Quantity::kMonthOutputBase));
  w.Field("month_growth", g.month_growth);
  w.Field("ytd_output", g.Figure(Quantity::kOutput));
  w.Field("ytd_output_base", g.Figure(Quantity::kOutputBase));
  w.Field("growth_same_basis", g.growth_same_basis);
  w.Field("contribution_rate", g.contribution_rate);
  w.Field("pull_pp", g.pull_pp);
  w.Field("contribution_rate_va_real", g.contribution_rate_va_real);
  w.Field("pull_pp_va_real", g.pull_pp_va_real);
  w.Field("ytd_value_added", g.Figure(Quantity::kValueAdded));
  w.Field("ytd_value_added_base", g.Figure(Quantity::kValueAddedBase));
  w.Field("value_added_growth_nominal", g.Growth(Measure::kValueAdded));
  w.Field("value_added_growth_real", g.value_added_growth_real);
  w.Field("ytd_revenue", g.Figure(Quantity::kRevenue));
  w.Field("ytd_profit", g.Figure(Quantity::kProfit));
  w.Field("profit_growth", g.Growth(Measure::kProfit));
  w.Field("ytd_rd_expense", g.Figure(Quantity::kRdExpense));
  w.Field("ytd_new_product_revenue", g.Figure(Quantity::kNewProductRevenue));
  w.Field("ytd_export_value", g.Figure(Quantity::kExportValue));
  w.Field("ytd_energy_tce", g.Figure(Quantity::kEnergyTce));
  w.Field("va_rate", g.va_rate);
  w.Field("profit_margin", g.profit_margin);
  w.Field("rd_intensity", g.rd_intensity);
  w.Field("new_product_share", g.new_product_share);
  w.Field("export_share", g.export_share);
  w.Field("energy_per_va", g.energy_per_va);
  w.Field("energy_per_va_change", g.energy_per_va_change);
  w.Field("energy_per_va_change_nominal", g.energy_per_va_change_nominal);
  w.Field("labor_productivity", g.labor_productivity);
  w.Field("output_per_km2", g.output_per_km2);
  w.Field("declining_count", g.declining_count);
  w.Field("loss_count", g.loss_count);
  w.Field("loss_amount", g.Figure(Quantity::kLossAmount));
  w.Field("non_reporting_count", g.non_reporting_count);
  w.Key("unbased");
  w.StartObject();
  w.Field("count", g.unbased_count);
  w.Field("ytd_output", g.unbased_output);
  w.EndObject();
  // Which of a published group's figures disclosure control withheld, and why.
  w.Key("withheld");
  w.StartObject();
  for (std::size_t q = 0; q < engine::kQuantityCount; ++q) {
    if (!g.withheld[q].empty()) {
      w.Field(engine::QuantityName(static_cast<Quantity>(q)), g.withheld[q]);
    }
  }
  if (!g.unbased_output) w.Field("unbased_ytd_output", "subset");
  w.EndObject();
}

// A group's rankings: by output, and by growth with each one's growth.
void WriteRankings(JsonWriter& w, const engine::GroupIndicators& g) {
  const auto ranking = [&w](const char* key, const std::vector<engine::Ranked>& list,
                            bool with_growth) {
    w.Key(key);
    w.StartArray();
    for (const auto& r : list) {
      w.StartObject();
      w.Field("uscc", r.uscc);
      w.Field("name", r.name);
      w.Field("ytd_output", r.ytd_output);
      if (with_growth) w.Field("growth_same_basis", r.growth);
      w.EndObject();
    }
    w.EndArray();
  };
  ranking("top", g.top_by_output, false);
  ranking("top_by_growth", g.top_by_growth, true);
}

}  // namespace

std::string MonthlyReportJson(const engine::MonthlyIndicators& indicators, Language language) {
  // Written as a stream: at national scale the report has hundreds of groups with their
  // rankings, and building a document tree first took longer than computing the indicators.
  rapidjson::StringBuffer buffer;
  buffer.Reserve(1024 + indicators.groups.size() * 4096);
  JsonWriter w(buffer);
  w.StartObject();
  w.Field("period", indicators.period.ToString());
  w.Field("money_unit", "万元");
  w.Field("value_added_growth", RealGrowth(indicators) ? "real" : "nominal");
  w.Key("groups");
  w.StartArray();
  for (const auto& g : indicators.groups) {
    w.StartObject();
    w.Field("kind", g.kind);
    w.Field("code", g.code);
    w.Field("name", g.name);
    w.Field("enterprises", g.enterprises);
    if (!g.suppressed.empty()) {  // withheld: says so, never zeros
      w.Field("suppressed", g.suppressed);
      for (const char* field :
           {"month_output", "ytd_output", "ytd_output_base", "growth_same_basis",
            "contribution_rate", "pull_pp", "ytd_value_added", "ytd_revenue", "ytd_profit",
            "rd_intensity", "energy_per_va", "labor_productivity", "declining_count",
            "loss_count"}) {
        w.Field(field, std::nullopt);
      }
      w.Key("top");
      w.StartArray();
      w.EndArray();
      w.EndObject();
      continue;
    }
    WriteGroupFigures(w, g);
    WriteRankings(w, g);
    w.Field("suppressed", std::nullopt);
    w.EndObject();
  }
  w.EndArray();
  w.Key("alerts");
  w.StartArray();
  for (const auto& a : indicators.alerts) {
    w.StartObject();
    w.Field("level", a.level);
    w.Field("rule", a.rule);
    w.Field("kind", a.kind);
    w.Field("code", a.code);
    w.Field("name", a.name);
    w.Field("value", a.value);
    w.Field("message", AlertMessage(a, indicators.period, language));
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

std::string MonthlyReportHeadline(const engine::MonthlyIndicators& indicators, Language language) {
  const auto* total = TotalOf(indicators);
  const std::string when = numbers::YearToDate(indicators.period, language);
  if (total == nullptr) {
    return core::Say(language, text::kHeadlineWithheld, when, text::kNoAboveScaleData.In(language));
  }
  if (!total->suppressed.empty()) {
    return core::Say(language, text::kHeadlineWithheld, when,
                     text::kWithheldTooFewOrTooDominant.In(language));
  }
  // 2025年1—6月，规上工业总产值1,507.9亿元，同比增长7.3%；规上工业增加值增长7.0%（可比价）；…
  // In a Chinese sentence the unit follows the figure without a space: 1,507.9亿元.
  const auto money = [&](const std::optional<double>& wan) {
    return language == Language::kZh ? numbers::Yi(wan) + "亿元" : numbers::Money(wan, language);
  };
  const auto on_last_year = [&](const std::optional<double>& growth) {
    return growth ? core::Say(language, text::kHeadlineOnLastYear,
                              numbers::ChangeWords(growth, language))
                  : std::string();
  };
  std::string out = core::Say(language, text::kHeadlineOutput, when,
                              money(total->Figure(engine::Quantity::kOutput))) +
                    on_last_year(total->growth_same_basis);
  const auto real = RealGrowth(indicators);
  const auto value_added = real ? real : total->Growth(Measure::kValueAdded);
  if (value_added) {
    out +=
        text::kClauseEnd.In(language) +
        core::Say(language, text::kHeadlineValueAdded, numbers::ChangeWords(value_added, language),
                  real ? text::kComparablePrices.In(language) : text::kNominal.In(language));
  }
  if (const auto profit = total->Figure(engine::Quantity::kProfit)) {
    out += text::kClauseEnd.In(language) +
           core::Say(language, text::kHeadlineProfit, money(profit)) +
           on_last_year(total->Growth(Measure::kProfit));
  }
  out += text::kClauseEnd.In(language) +
         core::Say(language, text::kHeadlineFrame,
                   numbers::Fixed(static_cast<double>(total->enterprises), 0)) +
         text::kSentenceEnd.In(language);
  return out;
}

namespace {

// A table per kind of group: output, growth, contribution and pull; withheld groups marked.
std::string GroupTablesMarkdown(const engine::MonthlyIndicators& indicators, const Labels& l,
                                Language language) {
  std::string out;
  for (const auto& [kind, groups] : detail::ReportTables(indicators)) {
    out += fmt::format("## {}\n\n| {} | {} | {} | {} | {} | {} |\n|---|--:|--:|--:|--:|--:|\n",
                       KindTitle(kind, language), l.group, l.enterprises, l.ytd_output, l.growth,
                       l.contribution, l.pull);
    for (const auto* g : groups) {
      if (!g->suppressed.empty()) {
        const char* withheld = text::kSuppressed.In(language);
        out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", g->name, g->enterprises, withheld,
                           withheld, withheld, withheld);
        continue;
      }
      out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", g->name, g->enterprises,
                         numbers::Yi(g->ytd[0]), numbers::Growth(g->growth_same_basis),
                         PlainPercent(g->contribution_rate), Fixed(g->pull_pp, 2));
    }
    out += "\n";
  }

  return out;
}

// The total's ratios and counts.
std::string TotalFiguresMarkdown(const engine::GroupIndicators* total, const Labels& l) {
  std::string out;
  out += fmt::format("## {}\n\n| | |\n|---|--:|\n", l.ratios);
  out += fmt::format("| {} | {} |\n", l.va_rate, PlainPercent(total->va_rate));
  out += fmt::format("| {} | {} |\n", l.profit_margin, PlainPercent(total->profit_margin));
  out += fmt::format("| {} | {} |\n", l.rd_intensity, PlainPercent(total->rd_intensity));
  out += fmt::format("| {} | {} ({}) |\n", l.energy_per_va, Fixed(total->energy_per_va, 3),
                     numbers::Growth(total->energy_per_va_change));
  out += fmt::format("| {} | {} |\n\n", l.productivity, Fixed(total->labor_productivity, 1));

  out += fmt::format("## {}\n\n| | |\n|---|--:|\n", l.counts);
  out += fmt::format("| {} | {} |\n", l.enterprises, total->enterprises);
  out += fmt::format("| {} | {} |\n", l.declining, total->declining_count);
  out += fmt::format("| {} | {} |\n", l.losses, total->loss_count);
  out += fmt::format("| {} | {} |\n", l.loss_amount,
                     numbers::Yi(total->Figure(engine::Quantity::kLossAmount)));
  out += fmt::format("| {} | {} |\n", l.non_reporting, total->non_reporting_count);
  out += fmt::format("| {} | {} ({}) |\n\n", l.unbased, total->unbased_count,
                     numbers::Yi(total->unbased_output));

  return out;
}

// The alerts, folded as printed, the first 30 lines of them (the JSON has all).
std::string AlertsMarkdown(const engine::MonthlyIndicators& indicators, Language language) {
  std::string out;
  if (indicators.alerts.empty()) return out;
  std::size_t red = 0;
  for (const auto& a : indicators.alerts) red += a.level == "red" ? 1U : 0U;
  out += fmt::format("## {} ({} {}, {} {})\n\n", text::kAlerts.In(language), red,
                     text::kRed.In(language), indicators.alerts.size() - red,
                     text::kAmber.In(language));
  const auto lines = AlertLines(indicators.alerts, indicators.period, language);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i == 30) {
      out += fmt::format("- … {} {}\n", lines.size() - 30, text::kMoreSeeJSON.In(language));
      break;
    }
    out += fmt::format("- {} **{}**{}{}\n", lines[i].level == "red" ? "■" : "◆", lines[i].subject,
                       language == Language::kZh ? "：" : ": ", lines[i].message);
  }
  out += "\n";
  return out;
}

}  // namespace

std::string MonthlyReportMarkdown(const engine::MonthlyIndicators& indicators,
                                  const std::string& region_name, Language language) {
  const Labels& l = LabelsFor(language);
  std::string out = fmt::format("# {} {} · {}\n\n", region_name, l.title,
                                numbers::YearToDate(indicators.period, language));
  out += MonthlyReportHeadline(indicators, language) + "\n\n";
  if (!RealGrowth(indicators)) out += fmt::format("> {}\n\n", l.nominal_note);
  const auto* total = TotalOf(indicators);
  if (total == nullptr) return out;

  out += GroupTablesMarkdown(indicators, l, language);

  if (!total->suppressed.empty()) return out;  // the whole region is too small to publish
  out += TotalFiguresMarkdown(total, l);

  const auto ranking = [&](const char* title, const std::vector<engine::Ranked>& list) {
    if (list.empty()) return;  // none, or withheld from a public report
    out += fmt::format("## {}\n\n| {} | {} | {} | {} |\n|--:|---|--:|--:|\n", title, l.rank, l.name,
                       l.ytd_output, l.growth);
    for (std::size_t i = 0; i < list.size(); ++i) {
      out += fmt::format("| {} | {} | {} | {} |\n", i + 1, list[i].name,
                         numbers::Yi(list[i].ytd_output), numbers::Growth(list[i].growth));
    }
    out += "\n";
  };
  ranking(l.top, total->top_by_output);
  ranking(l.top_growth, total->top_by_growth);

  out += AlertsMarkdown(indicators, language);
  return out;
}

}  // namespace clusterscope::report
