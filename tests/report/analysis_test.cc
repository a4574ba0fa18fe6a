// SPDX-License-Identifier: LicenseRef-ClusterScope
// The monthly analysis's sentences on hand-made figures: the bureau's wording, the change of a
// rate between the published rates, the period before (the month before, or last year as a
// whole for January–February), profit around losses, zero bases, withheld figures and groups,
// and rankings only in the full form.
#include "clusterscope/report/analysis.h"

#include <cmath>

#include <gtest/gtest.h>

namespace clusterscope::report {
namespace {

using engine::GroupIndicators;
using model::Measure;

constexpr std::size_t kOutput = static_cast<std::size_t>(Measure::kOutputValue);
constexpr std::size_t kProfit = static_cast<std::size_t>(Measure::kProfit);
constexpr std::size_t kRevenue = static_cast<std::size_t>(Measure::kRevenue);

GroupIndicators Group(std::string kind, std::string code, std::string name, double output,
                      double base, std::optional<double> pull = std::nullopt) {
  GroupIndicators g;
  g.kind = std::move(kind);
  g.code = std::move(code);
  g.name = std::move(name);
  g.enterprises = 10;
  g.ytd[kOutput] = output;
  g.ytd_base[kOutput] = base;
  if (base > 0) g.growth_same_basis = output / base - 1;
  g.pull_pp = pull;
  return g;
}

// A district's June: 1244.5 亿元 on 1175.2 (+5.9 %); value added +8.8 % at comparable prices.
MonthlyBundle June() {
  MonthlyBundle bundle;
  auto& ind = bundle.indicators;
  ind.period = {2023, 6};
  auto total = Group("total", "", "全部", 12445000, 11752000);
  total.enterprises = 356;
  total.value_added_growth_real = 0.0876;
  total.month_output = 2436000;
  total.month_output_base = 2285000;
  total.month_growth = 2436000.0 / 2285000 - 1;
  total.ytd[kRevenue] = 12297000;
  total.ytd_base[kRevenue] = 11590000;
  total.ytd[kProfit] = 748000;
  total.ytd_base[kProfit] = 707700;
  total.loss_count = 56;
  total.loss_amount = -30000;
  ind.groups.push_back(total);
  auto tier = Group("tier", "L", "主导产业集群", 4773000, 4643000, 1.1);
  ind.groups.push_back(tier);
  auto a = Group("cluster", "L1", "先进材料", 3824000, 3790000, 0.28);
  a.parent_kind = "tier";
  a.parent_code = "L";
  auto b = Group("cluster", "L2", "动力电池", 949000, 853000, 0.82);
  b.parent_kind = "tier";
  b.parent_code = "L";
  auto c = Group("cluster", "N2", "生物制造", 53000, 53600, -0.004);
  auto d = Group("cluster", "N7", "数字文创", 4000, 3900);
  d.suppressed = "primary";
  for (auto* g : {&a, &b, &c, &d}) ind.groups.push_back(*g);
  engine::Ranked first{"91500102MA000001XX", "重庆甲公司", 1200000, 0.209};
  ind.groups.front().top_by_output = {first};
  ind.groups.front().top_by_growth = {first};
  // May: +5.7 % and +8.6 %.
  engine::MonthlyIndicators may;
  may.period = {2023, 5};
  auto before = Group("total", "", "全部", 10009000, 10009000 / 1.0566);
  before.value_added_growth_real = 0.0864;
  may.groups.push_back(before);
  bundle.previous = may;
  return bundle;
}

std::vector<std::string> Paragraphs(const OfficialDocument& doc) {
  std::vector<std::string> out;
  for (const auto& block : doc.blocks) {
    if (block.kind == DocxBlock::Kind::kParagraph) out.push_back(block.text);
  }
  return out;
}

const Section* TableTitled(const OfficialDocument& doc, std::string_view part) {
  for (const auto& block : doc.blocks) {
    if (block.kind == DocxBlock::Kind::kTable && block.table.title.find(part) != std::string::npos)
      return &block.table;
  }
  return nullptr;
}

TEST(AnalysisTest, TheFirstParagraphSaysTheHalfYearInTheBureausWords) {
  const auto doc = MonthlyAnalysis(June(), "涪陵区", Language::kZh);
  EXPECT_EQ(doc.title, "涪陵区2023年1—6月工业经济运行情况分析");
  ASSERT_EQ(doc.blocks.front().text, "一、总体运行情况");
  const auto paragraphs = Paragraphs(doc);
  // 5.9 % against May's 5.7 %: the published rates differ by 0.2 points (5.94 - 5.66 would
  // say 0.3); value added 8.8 against 8.6.
  EXPECT_EQ(paragraphs[0],
            "2023年1—6月，全区规上工业总产值完成1244.5亿元，同比增长5.9%，增速较1—5月提高0.2个"
            "百分点；规上工业增加值增长8.8%（可比价），增速较1—5月提高0.2个百分点。");
  EXPECT_EQ(paragraphs[1], "6月当月，规上工业总产值完成243.6亿元，同比增长6.6%。");
  EXPECT_EQ(paragraphs[2],
            "全区规上工业企业356家，实现营业收入1229.7亿元，同比增长6.1%；实现利润总额74.8亿元，"
            "同比增长5.7%；亏损企业56家，亏损面15.7%，亏损企业亏损额3.0亿元。");
}

TEST(AnalysisTest, ClustersPullUpAndDownAndAWithheldOneIsCountedNotShown) {
  const auto doc = MonthlyAnalysis(June(), "涪陵区", Language::kZh);
  const auto paragraphs = Paragraphs(doc);
  const auto has = [&](std::string_view text) {
    for (const auto& p : paragraphs) {
      if (p.find(text) != std::string::npos) return true;
    }
    return false;
  };
  EXPECT_TRUE(
      has("分层级看，主导产业集群完成产值477.3亿元，同比增长2.8%，拉动全区产值增长1.1个百分点。"));
  EXPECT_TRUE(
      has("分集群看，3个集群中2个产值同比增长，1个下降（另有1个集群按统计保密规定不公布）。"
          "拉动作用居前的是动力电池（增长11.3%，拉动0.8个百分点）、先进材料（增长0.9%，拉动"
          "0.3个百分点）；产值下降的有生物制造（下降1.1%）。"));
  const Section* table = TableTitled(doc, "产业集群主要指标");
  ASSERT_NE(table, nullptr);
  ASSERT_EQ(table->rows.size(), 6u);  // the total, the tier, its two clusters, the other two
  EXPECT_EQ(table->rows[0], (std::vector<std::string>{"合计", "356", "1244.5", "5.9", "—", "—"}));
  EXPECT_EQ(table->rows[2][0], "　先进材料");
  EXPECT_EQ(table->rows[5],
            (std::vector<std::string>{"数字文创", "10", "保密", "保密", "保密", "保密"}));
  // The pulls' chart has the published clusters only, to two decimals.
  for (const auto& block : doc.blocks) {
    if (block.kind != DocxBlock::Kind::kChart) continue;
    EXPECT_EQ(block.chart.categories,
              (std::vector<std::string>{"先进材料", "动力电池", "生物制造"}));
    EXPECT_EQ(block.chart.bars[2], 0.0);
    EXPECT_FALSE(std::signbit(*block.chart.bars[2]));  // cached as "0", not "-0"
  }
}

TEST(AnalysisTest, RankingsOnlyInTheFullForm) {
  auto bundle = June();
  EXPECT_NE(TableTitled(MonthlyAnalysis(bundle, "涪陵区", Language::kZh), "产值前"), nullptr);
  bundle.is_public = true;
  const auto doc = MonthlyAnalysis(bundle, "涪陵区", Language::kZh);
  EXPECT_EQ(TableTitled(doc, "产值前"), nullptr);
  EXPECT_EQ(doc.subtitle, "（数据截至2023年6月，公开版）");
  // Revenue without its growth: its base is no figure disclosure control weighs.
  EXPECT_NE(Paragraphs(doc)[2].find("实现营业收入1229.7亿元；实现利润总额"), std::string::npos)
      << Paragraphs(doc)[2];
  for (const auto& p : Paragraphs(doc)) EXPECT_EQ(p.find("重庆甲公司"), std::string::npos) << p;
}

TEST(AnalysisTest, JanuaryToFebruaryComparesWithLastYearAsAWholeAndHasNoMonthAlone) {
  auto bundle = June();
  bundle.indicators.period = {2024, 2};
  bundle.previous->period = {2023, 12};
  const auto paragraphs = Paragraphs(MonthlyAnalysis(bundle, "涪陵区", Language::kZh));
  EXPECT_NE(paragraphs[0].find("2024年1—2月，全区规上工业总产值完成1244.5亿元，同比增长5.9%，"
                               "增速较上年全年提高0.2个百分点"),
            std::string::npos)
      << paragraphs[0];
  EXPECT_EQ(paragraphs[1].find("当月"), std::string::npos) << paragraphs[1];
}

TEST(AnalysisTest, NoComparisonWithoutThePeriodBeforeAndNoGrowthOnAZeroBase) {
  auto bundle = June();
  bundle.previous.reset();
  auto& total = bundle.indicators.groups.front();
  total.ytd_base[kOutput] = 0;
  total.growth_same_basis.reset();
  const auto paragraphs = Paragraphs(MonthlyAnalysis(bundle, "涪陵县", Language::kZh));
  EXPECT_EQ(paragraphs[0],
            "2023年1—6月，全县规上工业总产值完成1244.5亿元；规上工业增加值增长8.8%（可比价）。");
}

TEST(AnalysisTest, ProfitAroundLossesIsSaidAsTheBureauSaysIt) {
  const auto sentence = [](double profit, double base) {
    auto bundle = June();
    auto& total = bundle.indicators.groups.front();
    total.ytd[kProfit] = profit;
    total.ytd_base[kProfit] = base;
    total.loss_count = 0;
    return Paragraphs(MonthlyAnalysis(bundle, "涪陵区", Language::kZh))[2];
  };
  EXPECT_NE(sentence(20000, -10000).find("实现利润总额2.0亿元，同比扭亏为盈；"), std::string::npos);
  EXPECT_NE(sentence(-30000, -50000).find("利润总额为亏损3.0亿元，同比减亏2.0亿元；"),
            std::string::npos);
  EXPECT_NE(sentence(-50000, -30000).find("利润总额为亏损5.0亿元，同比增亏2.0亿元；"),
            std::string::npos);
  EXPECT_NE(sentence(-350, 20000).find("利润总额为亏损350万元，上年同期为盈利2.0亿元；"),
            std::string::npos);
  EXPECT_NE(sentence(0, 0).find("实现利润总额0万元；亏损企业0家"), std::string::npos);
}

TEST(AnalysisTest, AWithheldTotalSaysSoAndNothingElseAboutIt) {
  auto bundle = June();
  bundle.indicators.groups.front().suppressed = "primary";
  const auto doc = MonthlyAnalysis(bundle, "涪陵区", Language::kZh);
  const auto paragraphs = Paragraphs(doc);
  EXPECT_EQ(paragraphs[0].find("1244.5"), std::string::npos) << paragraphs[0];
  const Section* table = TableTitled(doc, "产业集群主要指标");
  ASSERT_NE(table, nullptr);
  EXPECT_EQ(table->rows[0][2], "保密");
}

TEST(AnalysisTest, EnglishHasTheSameFigures) {
  const auto paragraphs = Paragraphs(MonthlyAnalysis(June(), "Fuling", Language::kEn));
  EXPECT_EQ(paragraphs[0],
            "In Jan–Jun 2023, above-scale output in the district was 124.45 bn yuan, up 5.9% on a "
            "year earlier, growth up 0.2 pp on Jan–May 2023; value added up 8.8% (comparable "
            "prices), growth up 0.2 pp on Jan–May 2023.");
}

// "涪陵区2027年目标" + "目标进度情况" would say 目标 twice in Chinese; English keeps the name.
TEST(AnalysisTest, TheProgressReportIsTitledByThePlan) {
  targets::TargetReport report;
  report.plan.name_zh = "涪陵区2027年目标";
  report.period = {2023, 6};
  EXPECT_EQ(TargetsAnalysis(report, false, Language::kZh).title, "涪陵区2027年目标进度情况");
  EXPECT_EQ(TargetsAnalysis(report, false, Language::kEn).title,
            "涪陵区2027年目标: progress report");
}

}  // namespace
}  // namespace clusterscope::report
