// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/report/analysis.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "monthly_parts.h"
#include <fmt/format.h>

#include "clusterscope/report/numbers.h"
#include "clusterscope/report/pdf.h"
#include "clusterscope/text/analysis.h"
#include "clusterscope/text/report.h"

namespace clusterscope::report {
namespace {

using engine::GroupIndicators;
using engine::Quantity;
using model::Measure;

constexpr std::size_t kAlertsListed = 8;  // the rest are counted

// `value` to `digits` decimals, without separators (a 公文 writes 1244.5亿元) or a negative zero.
std::string Plain(double value, int digits) {
  const double scale = std::pow(10.0, digits);
  const double rounded = std::round(value * scale) / scale;
  return fmt::format("{:.{}f}", rounded == 0 ? 0.0 : rounded, digits);
}

// Money in a sentence: 亿元 to one decimal; under 0.1 亿元, whole 万元 (a loss of 350万元 is not
// "0.0亿元").
std::string Money(double wan, Language language) {
  if (language == Language::kEn) return numbers::Money(wan, language);
  if (std::abs(wan) < 1000) return Plain(wan, 0) + "万元";
  return Plain(wan / 1e4, 1) + "亿元";
}

// `value` rounded to `digits` decimals for a chart's cache, without a negative zero.
double Rounded(double value, int digits) {
  const double scale = std::pow(10.0, digits);
  const double rounded = std::round(value * scale) / scale;
  return rounded == 0 ? 0.0 : rounded;
}

std::string Share(double fraction) { return Plain(fraction * 100, 1) + "%"; }

// A rate as published: one decimal of a percent. Differences of rates are taken between the
// published figures, so that a reader who subtracts them gets the same points.
double PublishedPercent(double fraction) { return Rounded(fraction * 100, 1); }

std::string Joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : std::string(separator)) + item;
  return out;
}

std::string ListSeparator(Language language) { return language == Language::kZh ? "、" : ", "; }
std::string ClauseSeparator(Language language) { return language == Language::kZh ? "；" : "; "; }
std::string SentenceEnd(Language language) { return language == Language::kZh ? "。" : "."; }

// "全区" / "全县" / "全市" by the region's name.
std::string Whole(const std::string& region_name, Language language) {
  if (region_name.ends_with("县")) return text::kWholeCounty.In(language);
  if (region_name.ends_with("市")) return text::kWholeCity.In(language);
  return text::kWholeDistrict.In(language);
}

// The months a report covers, without the year, as a comparison names them: "1—5月".
std::string MonthsOf(core::Period period, Language language) {
  if (language == Language::kEn) return numbers::YearToDate(period, language);
  return period.month == 1 ? "1月" : fmt::format("1—{}月", period.month);
}

DocxBlock Block(DocxBlock::Kind kind, std::string text) {
  DocxBlock block;
  block.kind = kind;
  block.text = std::move(text);
  return block;
}
DocxBlock Paragraph(std::string text) {
  return Block(DocxBlock::Kind::kParagraph, std::move(text));
}
DocxBlock TableBlock(Section table) {
  DocxBlock block;
  block.kind = DocxBlock::Kind::kTable;
  block.table = std::move(table);
  return block;
}
DocxBlock ChartBlock(DocxChart chart) {
  DocxBlock block;
  block.kind = DocxBlock::Kind::kChart;
  block.chart = std::move(chart);
  return block;
}

// Numbered headings: 一、二、… (1. 2. …), in order of what the document holds.
class Headings {
 public:
  explicit Headings(Language language) : language_(language) {}
  DocxBlock Next(const std::string& title) {
    static constexpr std::array<const char*, 10> kNumerals = {"一", "二", "三", "四", "五",
                                                              "六", "七", "八", "九", "十"};
    const std::size_t n = count_++;
    const std::string number = language_ == Language::kZh
                                   ? std::string(kNumerals[n % kNumerals.size()]) + "、"
                                   : fmt::format("{}. ", n + 1);
    return Block(DocxBlock::Kind::kHeading1, number + title);
  }
  int NextTable() { return ++tables_; }
  int NextFigure() { return ++figures_; }

 private:
  Language language_;
  std::size_t count_ = 0;
  int tables_ = 0;
  int figures_ = 0;
};

// "，拉动全区产值增长1.1个百分点", nothing when the pull rounds to zero or is withheld.
std::string PullClause(const GroupIndicators& g, const std::string& whole, Language language) {
  if (!g.pull_pp) return "";
  const double pp = std::round(*g.pull_pp * 10) / 10;
  if (pp > 0) return core::Say(language, text::kAnPullUp, whole, Plain(pp, 1));
  if (pp < 0) return core::Say(language, text::kAnPullDown, whole, Plain(-pp, 1));
  return "";
}

// "主导产业集群完成产值477.3亿元，同比增长2.8%，拉动全区产值增长1.1个百分点".
std::string GroupSentence(const GroupIndicators& g, const std::string& whole, Language language) {
  const auto output = g.Figure(Quantity::kOutput);
  if (!output) return "";
  std::string out =
      g.growth_same_basis
          ? core::Say(language, text::kAnGroupOutput, g.name, Money(*output, language),
                      numbers::ChangeWords(g.growth_same_basis, language))
          : core::Say(language, text::kAnGroupOutputOnly, g.name, Money(*output, language));
  return out + PullClause(g, whole, language);
}

std::vector<const GroupIndicators*> OfKind(const engine::MonthlyIndicators& indicators,
                                           std::string_view kind) {
  std::vector<const GroupIndicators*> out;
  for (const auto& g : indicators.groups) {
    if (g.kind == kind) out.push_back(&g);
  }
  return out;
}

// A row of a group table: enterprises, output, growth, contribution, pull; "保密" throughout
// for a withheld group.
std::vector<std::string> GroupRow(const std::string& name, const GroupIndicators& g,
                                  Language language) {
  if (!g.suppressed.empty()) {
    const std::string withheld = text::kSuppressed.In(language);
    return {name, std::to_string(g.enterprises), withheld, withheld, withheld, withheld};
  }
  const auto figure = [](const std::optional<double>& value, double scale, int digits) {
    return value ? Plain(*value * scale, digits) : std::string("—");
  };
  return {name,
          std::to_string(g.enterprises),
          figure(g.Figure(Quantity::kOutput), 1e-4, 1),
          figure(g.growth_same_basis, 100, 1),
          figure(g.contribution_rate, 100, 1),
          figure(g.pull_pp, 1, 2)};
}

Section GroupTable(std::string title, const core::Message& first_column, Language language) {
  Section table;
  table.title = std::move(title);
  table.headers = {first_column.In(language),
                   text::kAnColEnterprises.In(language),
                   text::kAnColOutput.In(language),
                   text::kAnColGrowth.In(language),
                   text::kAnColContribution.In(language),
                   text::kAnColPull.In(language)};
  table.numeric = {1, 2, 3, 4, 5};
  return table;
}

// "1—6月，全区规上工业总产值完成1244.5亿元，同比增长5.9%，增速较1—5月提高0.2个百分点；规上工业
// 增加值增长8.8%（可比价）…": empty when neither figure is published.
std::string OutputSentence(const MonthlyBundle& bundle, const GroupIndicators& total,
                           const std::string& whole, Language language) {
  const auto period = bundle.indicators.period;
  const std::string when = numbers::YearToDate(period, language);
  const GroupIndicators* before = bundle.previous ? detail::TotalOf(*bundle.previous) : nullptr;
  if (before != nullptr && !before->suppressed.empty()) before = nullptr;
  const std::string before_words =
      bundle.previous ? (period.month <= 2 ? std::string(text::kAnLastYearWhole.In(language))
                                           : MonthsOf(bundle.previous->period, language))
                      : "";
  // The change of a rate on the period before, in points between the published rates.
  const auto on_before = [&](const std::optional<double>& now,
                             const std::optional<double>& then) -> std::string {
    if (before == nullptr || !now || !then) return "";
    return core::Say(
        language, text::kAnRateOnPrevious, before_words,
        numbers::PointsWords(PublishedPercent(*now) - PublishedPercent(*then), language));
  };
  std::string out;
  const auto growth = total.growth_same_basis;
  if (const auto output = total.Figure(Quantity::kOutput)) {
    out = growth
              ? core::Say(language, text::kAnOutput, when, whole, Money(*output, language),
                          numbers::ChangeWords(growth, language))
              : core::Say(language, text::kAnOutputNoGrowth, when, whole, Money(*output, language));
    out += on_before(growth, before != nullptr ? before->growth_same_basis : std::nullopt);
  }
  const auto real = total.value_added_growth_real;
  const auto value_added = real ? real : total.Growth(Measure::kValueAdded);
  if (value_added) {
    const char* prices = real ? text::kComparablePrices.In(language) : text::kNominal.In(language);
    const std::string change = numbers::ChangeWords(value_added, language);
    // Without an output sentence, value added opens the paragraph.
    out += out.empty()
               ? core::Say(language, text::kAnValueAddedOpening, when, whole, change, prices)
               : core::Say(language, text::kAnValueAdded, change, prices);
    if (before != nullptr) {
      out += on_before(value_added, real ? before->value_added_growth_real
                                         : before->Growth(Measure::kValueAdded));
    }
  }
  return out.empty() ? out : out + SentenceEnd(language);
}

// "6月当月，…": not for January, nor for the combined January–February report.
std::string MonthSentence(core::Period period, const GroupIndicators& total, Language language) {
  const auto month_output = total.Figure(Quantity::kMonthOutput);
  if (period.month <= 2 || !month_output || !total.month_growth) return "";
  const std::string month = language == Language::kZh ? fmt::format("{}月", period.month)
                                                      : numbers::Month(period, language);
  return core::Say(language, text::kAnMonth, month, Money(*month_output, language),
                   numbers::ChangeWords(total.month_growth, language)) +
         SentenceEnd(language);
}

// "，实现利润总额74.8亿元，同比增长5.7%": a change of profit is a growth only between two
// profits; around losses the bureau says 扭亏为盈, 减亏, 增亏.
std::string ProfitClause(const GroupIndicators& total, Language language) {
  const auto profit = total.Figure(Quantity::kProfit);
  if (!profit) return "";
  const auto base = total.Figure(Quantity::kProfitBase);
  if (*profit >= 0) {
    std::string out = core::Say(language, text::kAnProfit, Money(*profit, language));
    if (base && *base > 0) {
      out += core::Say(language, text::kAnOnLastYear,
                       numbers::ChangeWords(*profit / *base - 1, language));
    } else if (base && *base < 0) {
      out += text::kAnTurnedToProfit.In(language);
    }
    return out;
  }
  std::string out = core::Say(language, text::kAnNetLoss, Money(-*profit, language));
  if (base && *base > 0) {
    out += core::Say(language, text::kAnTurnedToLoss, Money(*base, language));
  } else if (base && *base < 0) {
    const double wider = *base - *profit;  // > 0: the loss grew
    if (std::abs(wider) >= 0.5) {
      out += core::Say(language, wider > 0 ? text::kAnLossWidened : text::kAnLossNarrowed,
                       Money(std::abs(wider), language));
    }
  }
  return out;
}

// Enterprises, revenue, profit, the loss-makers.
// Revenue's growth in the full form only: its base is no quantity disclosure control weighs (the
// published report gives revenue, not its growth).
std::string FrameSentence(const GroupIndicators& total, const std::string& whole, bool is_public,
                          Language language) {
  std::string out = core::Say(language, text::kAnFrame, whole, total.enterprises);
  if (const auto revenue = total.Figure(Quantity::kRevenue)) {
    out += core::Say(language, text::kAnRevenue, Money(*revenue, language));
    if (const auto g = total.Growth(Measure::kRevenue); g && !is_public) {
      out += core::Say(language, text::kAnOnLastYear, numbers::ChangeWords(g, language));
    }
  }
  out += ProfitClause(total, language);
  if (total.enterprises > 0 && total.Shown(Quantity::kLossAmount)) {
    out += core::Say(
        language, text::kAnLossMakers, total.loss_count,
        Share(static_cast<double>(total.loss_count) / static_cast<double>(total.enterprises)));
    if (total.loss_count > 0) {
      out += core::Say(language, text::kAnLossAmount, Money(-total.loss_amount, language));
    }
  }
  return out + SentenceEnd(language);
}

// The ratios, each when published.
std::string RatiosSentence(const GroupIndicators& total, Language language) {
  std::vector<std::string> ratios;
  const auto add = [&](const core::Message& message, const std::optional<double>& value) {
    if (value) ratios.push_back(core::Say(language, message, Share(*value)));
  };
  add(text::kAnVaRate, total.va_rate);
  add(text::kAnProfitMargin, total.profit_margin);
  add(text::kAnRdIntensity, total.rd_intensity);
  add(text::kAnExportShare, total.export_share);
  if (total.energy_per_va_change) {
    ratios.push_back(core::Say(language, text::kAnEnergyChange,
                               numbers::ChangeWords(total.energy_per_va_change, language)));
  }
  if (ratios.empty()) return "";
  std::string sentence = Joined(ratios, language == Language::kZh ? "，" : ", ");
  if (language == Language::kEn) sentence[0] = static_cast<char>(std::toupper(sentence[0]));
  return sentence + SentenceEnd(language);
}

// The last months: output in the month as bars, growth to date as a line.
DocxChart TrendChart(const std::vector<engine::TrendPoint>& trend, int number, Language language) {
  DocxChart chart;
  const auto first = trend.front().period;
  const auto last = trend.back().period;
  chart.title = core::Say(
      language, text::kAnTrendChart, number,
      language == Language::kZh
          ? fmt::format("{}年{}月—{}年{}月", first.year, first.month, last.year, last.month)
          : fmt::format("{} to {}", numbers::Month(first, language),
                        numbers::Month(last, language)));
  chart.bars_name = text::kAnMonthOutputSeries.In(language);
  chart.line_name = text::kAnYtdGrowthSeries.In(language);
  for (const auto& point : trend) {
    const bool new_year = point.period.month == 1 || &point == &trend.front();
    chart.categories.push_back(
        language == Language::kZh
            ? (new_year ? fmt::format("{}年{}月", point.period.year, point.period.month)
                        : fmt::format("{}月", point.period.month))
            : numbers::Month(point.period, language));
    chart.bars.push_back(Rounded(point.month_output / 1e4, 2));
    chart.line.push_back(point.growth_same_basis
                             ? std::optional<double>(PublishedPercent(*point.growth_same_basis))
                             : std::nullopt);
  }
  return chart;
}

// 一、总体运行情况: output, growth and its change on the period before, value added; the month
// alone; enterprises, revenue, profit and losses; the ratios; the 12-month chart.
void Overall(const MonthlyBundle& bundle, const std::string& whole, Language language,
             Headings& headings, std::vector<DocxBlock>& blocks) {
  const auto& indicators = bundle.indicators;
  blocks.push_back(headings.Next(text::kAnOverall.In(language)));
  const auto* total = detail::TotalOf(indicators);
  if (total == nullptr || !total->suppressed.empty()) {
    blocks.push_back(Paragraph(MonthlyReportHeadline(indicators, language)));
    return;
  }
  for (auto sentence : {OutputSentence(bundle, *total, whole, language),
                        MonthSentence(indicators.period, *total, language),
                        FrameSentence(*total, whole, bundle.is_public, language),
                        RatiosSentence(*total, language)}) {
    if (!sentence.empty()) blocks.push_back(Paragraph(std::move(sentence)));
  }
  if (indicators.trend.size() >= 2) {
    blocks.push_back(ChartBlock(TrendChart(indicators.trend, headings.NextFigure(), language)));
  }
}

// "分集群看，17个集群中16个产值同比增长，1个下降。拉动作用居前的是…；产值下降的有…"
std::string ClustersSentence(const std::vector<const GroupIndicators*>& shown, std::size_t withheld,
                             Language language) {
  const auto rounded = [](const GroupIndicators* g) {
    return g->growth_same_basis ? PublishedPercent(*g->growth_same_basis) : 0.0;
  };
  const auto grew =
      std::count_if(shown.begin(), shown.end(), [&](const auto* g) { return rounded(g) > 0; });
  std::vector<std::string> falling;
  for (const auto* g : shown) {
    if (rounded(g) < 0) {
      falling.push_back(core::Say(language, text::kAnFallingItem, g->name,
                                  numbers::ChangeWords(g->growth_same_basis, language)));
    }
  }
  std::string out =
      core::Say(language, text::kAnClusterCounts, shown.size(), static_cast<std::size_t>(grew));
  if (!falling.empty()) out += core::Say(language, text::kAnClustersDown, falling.size());
  if (withheld > 0) out += core::Say(language, text::kAnClustersWithheld, withheld);
  // The three largest pulls of at least 0.1 point.
  auto by_pull = shown;
  std::erase_if(by_pull, [](const auto* g) { return !g->pull_pp || Rounded(*g->pull_pp, 1) <= 0; });
  std::sort(by_pull.begin(), by_pull.end(),
            [](const auto* a, const auto* b) { return *a->pull_pp > *b->pull_pp; });
  if (by_pull.size() > 3) by_pull.resize(3);
  std::vector<std::string> pulls;
  for (const auto* g : by_pull) {
    pulls.push_back(core::Say(language, text::kAnPullItem, g->name,
                              numbers::ChangeWords(g->growth_same_basis, language),
                              Plain(*g->pull_pp, 1)));
  }
  if (!pulls.empty()) {
    out += core::Say(language, text::kAnLargestPulls, Joined(pulls, ListSeparator(language)));
  }
  if (!falling.empty()) {
    out += core::Say(language, text::kAnFalling, Joined(falling, ListSeparator(language)));
  }
  return out + SentenceEnd(language);
}

// The total, each tier with its clusters under it, then any cluster outside a tier.
Section ClusterTable(const engine::MonthlyIndicators& indicators,
                     const std::vector<const GroupIndicators*>& tiers,
                     const std::vector<const GroupIndicators*>& clusters, int number,
                     Language language) {
  Section table = GroupTable(core::Say(language, text::kAnClusterTable, number,
                                       numbers::YearToDate(indicators.period, language)),
                             text::kAnColCluster, language);
  if (const auto* total = detail::TotalOf(indicators)) {
    table.rows.push_back(GroupRow(text::kAnTotalRow.In(language), *total, language));
  }
  std::vector<const GroupIndicators*> placed;
  for (const auto* tier : tiers) {
    table.rows.push_back(GroupRow(tier->name, *tier, language));
    for (const auto* c : clusters) {
      if (c->parent_kind == "tier" && c->parent_code == tier->code) {
        table.rows.push_back(GroupRow("　" + c->name, *c, language));
        placed.push_back(c);
      }
    }
  }
  for (const auto* c : clusters) {
    if (std::find(placed.begin(), placed.end(), c) == placed.end()) {
      table.rows.push_back(GroupRow(c->name, *c, language));
    }
  }
  return table;
}

// Each published cluster's pull, as horizontal bars.
DocxChart PullChart(const std::vector<const GroupIndicators*>& shown, core::Period period,
                    int number, Language language) {
  DocxChart chart;
  chart.title =
      core::Say(language, text::kAnPullChart, number, numbers::YearToDate(period, language));
  chart.bars_name = text::kAnPullSeries.In(language);
  chart.horizontal = true;
  for (const auto* g : shown) {
    chart.categories.push_back(g->name);
    chart.bars.push_back(g->pull_pp ? std::optional<double>(Rounded(*g->pull_pp, 2))
                                    : std::nullopt);
  }
  return chart;
}

// 二、集群运行情况: the tiers, the clusters that pull growth up and down, the table, the pulls.
void Clusters(const MonthlyBundle& bundle, const std::string& whole, Language language,
              Headings& headings, std::vector<DocxBlock>& blocks) {
  const auto& indicators = bundle.indicators;
  const auto tiers = OfKind(indicators, "tier");
  const auto clusters = OfKind(indicators, "cluster");
  if (tiers.empty() && clusters.empty()) return;
  blocks.push_back(headings.Next(text::kAnClusters.In(language)));
  std::vector<std::string> tier_sentences;
  for (const auto* tier : tiers) {
    if (auto sentence = GroupSentence(*tier, whole, language); !sentence.empty()) {
      tier_sentences.push_back(std::move(sentence));
    }
  }
  if (!tier_sentences.empty()) {
    blocks.push_back(Paragraph(text::kAnByTier.In(language) +
                               Joined(tier_sentences, ClauseSeparator(language)) +
                               SentenceEnd(language)));
  }
  std::vector<const GroupIndicators*> shown;
  for (const auto* c : clusters) {
    if (c->suppressed.empty() && c->Figure(Quantity::kOutput)) shown.push_back(c);
  }
  if (!shown.empty()) {
    blocks.push_back(Paragraph(ClustersSentence(shown, clusters.size() - shown.size(), language)));
  }
  blocks.push_back(
      TableBlock(ClusterTable(indicators, tiers, clusters, headings.NextTable(), language)));
  if (!shown.empty()) {
    blocks.push_back(
        ChartBlock(PullChart(shown, indicators.period, headings.NextFigure(), language)));
  }
}

// 三、园区和重点企业: each park, its table; the leading enterprises in the full form only.
void Parks(const MonthlyBundle& bundle, const std::string& whole, Language language,
           Headings& headings, std::vector<DocxBlock>& blocks) {
  const auto& indicators = bundle.indicators;
  const auto parks = OfKind(indicators, "park");
  const auto* total = detail::TotalOf(indicators);
  const bool rankings = !bundle.is_public && total != nullptr && total->suppressed.empty() &&
                        !total->top_by_output.empty();
  if (parks.empty() && !rankings) return;
  blocks.push_back(headings.Next(text::kAnParks.In(language)));
  const std::string when = numbers::YearToDate(indicators.period, language);
  std::vector<std::string> sentences;
  for (const auto* park : parks) {
    if (auto sentence = GroupSentence(*park, whole, language); !sentence.empty()) {
      sentences.push_back(std::move(sentence));
    }
  }
  if (!sentences.empty()) {
    blocks.push_back(Paragraph(text::kAnByPark.In(language) +
                               Joined(sentences, ClauseSeparator(language)) +
                               SentenceEnd(language)));
  }
  if (!parks.empty()) {
    Section table = GroupTable(core::Say(language, text::kAnParkTable, headings.NextTable(), when),
                               text::kAnColPark, language);
    for (const auto* park : parks) table.rows.push_back(GroupRow(park->name, *park, language));
    blocks.push_back(TableBlock(std::move(table)));
  }
  if (!rankings) return;
  const auto& top = total->top_by_output;
  double sum = 0;
  for (const auto& r : top) sum += r.ytd_output;
  std::string sentence = core::Say(language, text::kAnLargest, top.size(), Money(sum, language),
                                   whole, Share(sum / total->ytd[0]));
  if (!total->top_by_growth.empty() && total->top_by_growth.front().growth) {
    const auto& fastest = total->top_by_growth.front();
    sentence += core::Say(language, text::kAnFastest, fastest.name,
                          numbers::ChangeWords(fastest.growth, language));
  }
  blocks.push_back(Paragraph(sentence + SentenceEnd(language)));
  Section table;
  table.title = core::Say(language, text::kAnTopTable, headings.NextTable(), when, top.size());
  table.headers = {text::kAnColRank.In(language), text::kAnColEnterprise.In(language),
                   text::kAnColOutput.In(language), text::kAnColGrowth.In(language)};
  table.numeric = {0, 2, 3};
  for (std::size_t i = 0; i < top.size(); ++i) {
    table.rows.push_back({std::to_string(i + 1), top[i].name, Plain(top[i].ytd_output / 1e4, 1),
                          top[i].growth ? Plain(*top[i].growth * 100, 1) : "—"});
  }
  blocks.push_back(TableBlock(std::move(table)));
}

// A figure with its unit as a Chinese sentence writes it: "3000家", not the table's "3,000 家".
std::string InSentence(std::string text, Language language) {
  if (language != Language::kZh) return text;
  std::erase_if(text, [](char c) { return c == ' ' || c == ','; });
  return text;
}

int TargetYear(const targets::TargetReport& report) {
  int year = 0;
  for (const auto& row : report.rows) year = std::max(year, row.target.target_year);
  return year;
}

std::string TargetName(const model::Target& t, Language language) {
  return language == Language::kEn && !t.name_en.empty() ? t.name_en : t.name_zh;
}

// "截至2023年6月，…共48项目标，时间进度10.0%。其中，超前9项、正常15项、…"
std::string TargetsSummary(const targets::TargetReport& report, Language language) {
  std::string out =
      core::Say(language, text::kAnTargetsCount, numbers::Month(report.period, language),
                report.plan.name_zh, report.rows.size());
  // The time gone, when every target shares it (the same base and target years).
  if (!report.rows.empty() &&
      std::all_of(report.rows.begin(), report.rows.end(), [&](const auto& row) {
        return std::abs(row.progress.time_progress - report.rows.front().progress.time_progress) <
               1e-9;
      })) {
    out += core::Say(language, text::kAnTimeProgress,
                     Share(report.rows.front().progress.time_progress));
  }
  std::vector<std::string> counts;
  for (const auto& [status, word] :
       {std::pair{"ahead", &text::kAnStatusAhead}, std::pair{"green", &text::kAnStatusOnTrack},
        std::pair{"amber", &text::kAnStatusWatch}, std::pair{"red", &text::kAnStatusBehind},
        std::pair{"no_data", &text::kAnStatusNoData},
        std::pair{"withheld", &text::kAnStatusWithheld}}) {
    const std::string_view wanted = status;  // a structured binding is no lambda capture
    const auto n = std::count_if(report.rows.begin(), report.rows.end(),
                                 [&](const auto& row) { return row.progress.status == wanted; });
    if (n > 0) counts.push_back(core::Say(language, text::kAnStatusCount, word->In(language), n));
  }
  if (!counts.empty()) {
    out += core::Say(language, text::kAnStatusesAre, Joined(counts, ListSeparator(language)));
  }
  return out + SentenceEnd(language);
}

// "进度滞后的目标有：工业总产值·生物制造（现值11.9 亿元，目标18.5 亿元，完成率64.4%）；…"
std::string TargetsOfStatus(const targets::TargetReport& report, std::string_view status,
                            const core::Message& opening, Language language) {
  std::vector<std::string> items;
  for (const auto& row : report.rows) {
    if (row.progress.status != status) continue;
    items.push_back(core::Say(
        language, text::kAnTargetItem, TargetName(row.target, language),
        InSentence(detail::TargetActualText(row.target, row.progress, language), language),
        InSentence(detail::TargetGoalText(row.target, language), language),
        numbers::Percent(row.progress.completion)));
  }
  if (items.empty()) return "";
  return core::Say(language, opening, Joined(items, ClauseSeparator(language))) +
         SentenceEnd(language);
}

// A table of targets: the top-level ones (`all`: every one, the parts of a target too).
Section TargetsTable(const targets::TargetReport& report, bool all, int number, Language language) {
  Section table;
  table.title = core::Say(language, all ? text::kAnAllTargetsTable : text::kAnTargetsTable, number,
                          numbers::Month(report.period, language));
  table.headers = {text::kAnColTarget.In(language), text::kAnColActual.In(language),
                   text::kAnColGoal.In(language),   text::kAnColCompletion.In(language),
                   text::kAnColTime.In(language),   text::kAnColStatus.In(language)};
  table.numeric = {1, 2, 3, 4};
  for (const auto& row : report.rows) {
    if (!all && !row.target.parent.empty()) continue;
    table.rows.push_back({TargetName(row.target, language),
                          detail::TargetActualText(row.target, row.progress, language),
                          detail::TargetGoalText(row.target, language),
                          numbers::Percent(row.progress.completion),
                          numbers::Percent(row.progress.time_progress),
                          numbers::Status(row.progress.status, language)});
  }
  return table;
}

// 五、需关注的问题: the alerts, worded; the rules that name many groups folded into one line.
void Issues(const engine::MonthlyIndicators& indicators, Language language, Headings& headings,
            std::vector<DocxBlock>& blocks) {
  blocks.push_back(headings.Next(text::kAnIssues.In(language)));
  const auto lines = detail::AlertLines(indicators.alerts, indicators.period, language);
  if (lines.empty()) {
    blocks.push_back(Paragraph(text::kAnNoAlerts.In(language)));
    return;
  }
  static constexpr std::array<const char*, 8> kNumerals = {"一", "二", "三", "四",
                                                           "五", "六", "七", "八"};
  for (std::size_t i = 0; i < lines.size() && i < kAlertsListed; ++i) {
    const std::string number = language == Language::kZh ? fmt::format("（{}）", kNumerals[i])
                                                         : fmt::format("({}) ", i + 1);
    std::string message = lines[i].message;
    while (message.ends_with("。") || message.ends_with(".")) {
      message.resize(message.size() - (message.ends_with(".") ? 1 : std::string_view("。").size()));
    }
    blocks.push_back(
        Paragraph(core::Say(language, text::kAnAlertItem, number, lines[i].subject, message)));
  }
  if (lines.size() > kAlertsListed) {
    blocks.push_back(
        Paragraph(core::Say(language, text::kAnMoreAlerts, lines.size() - kAlertsListed)));
  }
}

std::string Subtitle(core::Period period, bool is_public, Language language) {
  return core::Say(
      language, text::kAnalysisSubtitle, numbers::Month(period, language),
      is_public ? text::kAnalysisPublished.In(language) : text::kAnalysisInternal.In(language));
}

}  // namespace

OfficialDocument MonthlyAnalysis(const MonthlyBundle& bundle, const std::string& region_name,
                                 Language language) {
  const auto& indicators = bundle.indicators;
  OfficialDocument doc;
  doc.title = core::Say(language, text::kAnalysisTitle, region_name,
                        numbers::YearToDate(indicators.period, language));
  doc.subtitle = Subtitle(indicators.period, bundle.is_public, language);
  const std::string whole = Whole(region_name, language);
  Headings headings(language);
  Overall(bundle, whole, language, headings, doc.blocks);
  Clusters(bundle, whole, language, headings, doc.blocks);
  Parks(bundle, whole, language, headings, doc.blocks);
  if (bundle.targets && !bundle.targets->rows.empty()) {
    const auto& report = *bundle.targets;
    doc.blocks.push_back(headings.Next(core::Say(language, text::kAnTargets, TargetYear(report))));
    doc.blocks.push_back(Paragraph(TargetsSummary(report, language)));
    if (auto behind = TargetsOfStatus(report, "red", text::kAnBehindAre, language);
        !behind.empty()) {
      doc.blocks.push_back(Paragraph(std::move(behind)));
    }
    doc.blocks.push_back(TableBlock(TargetsTable(report, false, headings.NextTable(), language)));
  }
  Issues(indicators, language, headings, doc.blocks);
  doc.blocks.push_back(headings.Next(text::kAnNextSteps.In(language)));
  doc.blocks.push_back(Block(DocxBlock::Kind::kAnalystNote, text::kAnNextStepsNote.In(language)));
  return doc;
}

OfficialDocument TargetsAnalysis(const targets::TargetReport& report, bool is_public,
                                 Language language) {
  OfficialDocument doc;
  std::string plan = report.plan.name_zh;
  // "…2027年目标" + "目标进度情况" would say 目标 twice; the English title keeps the plan's name.
  if (language == Language::kZh && plan.ends_with("目标")) {
    plan.resize(plan.size() - std::string_view("目标").size());
  }
  doc.title = core::Say(language, text::kTargetsAnalysisTitle, plan);
  doc.subtitle = Subtitle(report.period, is_public, language);
  Headings headings(language);
  doc.blocks.push_back(headings.Next(text::kAnTargetsOverall.In(language)));
  doc.blocks.push_back(Paragraph(TargetsSummary(report, language)));
  doc.blocks.push_back(headings.Next(text::kAnTargetsEach.In(language)));
  doc.blocks.push_back(TableBlock(TargetsTable(report, true, headings.NextTable(), language)));
  const auto behind = TargetsOfStatus(report, "red", text::kAnBehindAre, language);
  const auto watch = TargetsOfStatus(report, "amber", text::kAnWatchAre, language);
  if (!behind.empty() || !watch.empty()) {
    doc.blocks.push_back(headings.Next(text::kAnTargetsWatch.In(language)));
    if (!behind.empty()) doc.blocks.push_back(Paragraph(behind));
    if (!watch.empty()) doc.blocks.push_back(Paragraph(watch));
  }
  doc.blocks.push_back(headings.Next(text::kAnNextSteps.In(language)));
  doc.blocks.push_back(Block(DocxBlock::Kind::kAnalystNote, text::kAnNextStepsNote.In(language)));
  return doc;
}

Result<std::string> OfficialDocumentBytes(const OfficialDocument& document, std::string_view format,
                                          const std::string& docx_template) {
  auto docx = DocxBytes(document, docx_template);
  if (!docx || format == "docx") return docx;
  return PdfFromDocx(*docx);
}

}  // namespace clusterscope::report
