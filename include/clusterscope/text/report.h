// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The catalogue's words and sentences of the renderers (report/): titles, column headers, notes
// and alerts, each in Chinese and English with the same fmt arguments. A renderer says
// `text::kName.In(language)`, or `core::Say(language, text::kName, args...)` for a sentence
// with figures. Part of the one catalogue of user-facing text (text/README.md).
#pragma once

#include "clusterscope/core/message.h"

namespace clusterscope::text {

// analytics.cc
inline constexpr core::Message kShiftShareYears{"偏离—份额分解（{}—{}年，亿元）",
                                                "Shift-share, {} to {} (100 M yuan)"};
inline constexpr core::Message kClustersAgainstTheBenchmark{"集群区位商与偏离—份额分析",
                                                            "Clusters against the benchmark"};
inline constexpr core::Message kLocationQuotients{"区位商", "Location quotients"};
inline constexpr core::Message kWithheld{"不公开", "withheld"};
inline constexpr core::Message kShiftShare{"偏离—份额分解", "Shift-share"};
inline constexpr core::Message kAllIndustries{"全部行业", "All industries"};

// chains.cc
inline constexpr core::Message kLocalEnterprisesAtLeast{
    "本地规上企业 {:.0f} 家（至少 {:.0f} 家）", "{:.0f} local enterprises (at least {:.0f})"};
inline constexpr core::Message kOutputAtRiskFrom{"产值增速 {:+.1f}%（≤ {:+.1f}% 为风险）",
                                                 "output {:+.1f}% (at risk from {:+.1f}%)"};
inline constexpr core::Message kOneEnterpriseMakesShare{
    "单一企业占产值 {:.0f}%（≥ {:.0f}% 为风险）",
    "one enterprise makes {:.0f}% of output (at risk from {:.0f}%)"};
inline constexpr core::Message kEnterprisesStrongNeeds{"企业 {:.0f} 家，强环节需 {:.0f} 家",
                                                       "{:.0f} enterprises, strong needs {:.0f}"};
inline constexpr core::Message kAnnualisedOutputX100MYuan{
    "年化产值 {} 亿元，强环节需 {} 亿元", "annualised output {} x 100 M yuan, strong needs {}"};
inline constexpr core::Message kOutputStrongNeeds{"产值增速 {:+.1f}%，强环节需 ≥ {:+.1f}%",
                                                  "output {:+.1f}%, strong needs {:+.1f}%"};
inline constexpr core::Message kClassOfTheLink{"行业小类 {} 与环节一致", "class {} is the link's"};
inline constexpr core::Message kInTheLinksGroup{"属于环节的行业中类 {}", "in the link's group {}"};
inline constexpr core::Message kInTheLinksDivision{"属于环节的行业大类 {}",
                                                   "in the link's division {}"};
inline constexpr core::Message kMakes{"主要产品含“{}”", "makes \"{}\""};
inline constexpr core::Message kClassBesideTheLinks{"行业小类与环节的 {} 同属一个中类",
                                                    "a class beside the link's {}"};
inline constexpr core::Message kAlsoMakes{"，主要产品含“{}”", ", makes \"{}\""};
inline constexpr core::Message kRevenueAndRank{"；营业收入 {} 亿元（候选中第 {} 大）",
                                               "; revenue {} x 100 M yuan (number {} by size)"};
inline constexpr core::Message kHeldNowAndIfAllReadyRecognised{
    "现有 {} 家；若达标企业全部认定，可达 {} 家",
    "{} hold it now; {} if every ready enterprise is recognised"};
inline constexpr core::Message kMeetsEveryStrongBar{
    "企业数、产值、增速均达到强环节标准",
    "enterprises, output and growth all meet the strong bars"};
inline constexpr core::Message kStrong{"强", "strong"};
inline constexpr core::Message kWeak{"弱", "weak"};
inline constexpr core::Message kAtRisk{"风险", "at risk"};
inline constexpr core::Message kMissing{"缺失", "missing"};
inline constexpr core::Message kIndustryChains{"产业链图谱与补链清单", "Industry chains"};
inline constexpr core::Message kChainsOverview{"产业链概览", "Chains"};
inline constexpr core::Message kChain{"产业链", "chain"};
inline constexpr core::Message kChief{"链长", "chief"};
inline constexpr core::Message kCompleteness{"完整度", "completeness"};
inline constexpr core::Message kStrongWeakRiskMissing{"强/弱/风险/缺失",
                                                      "strong/weak/risk/missing"};
inline constexpr core::Message kEnterprises{"企业数", "enterprises"};
inline constexpr core::Message kOutputYtd100M{"累计产值(亿元)", "output ytd (100 M)"};
inline constexpr core::Message kGrowth{"增速", "growth"};
inline constexpr core::Message kContribution{"贡献率", "contribution"};
inline constexpr core::Message kLocalSupply{"本地配套率", "local supply"};
inline constexpr core::Message kLinksSuffix{"：环节", ": links"};
inline constexpr core::Message kChainMasters{"链主企业：", "Chain masters: "};
inline constexpr core::Message kNotInTheRegistry{"未在名录中找到：", "Not in the registry: "};
inline constexpr core::Message kLink{"环节", "link"};
inline constexpr core::Message kUpstream{"上游", "upstream"};
inline constexpr core::Message kStatus{"状态", "status"};
inline constexpr core::Message kAnnualOutput100M{"年化产值(亿元)", "annual output (100 M)"};
inline constexpr core::Message kWhy{"依据", "why"};
inline constexpr core::Message kEnterpriseNames{"企业", "enterprises"};
inline constexpr core::Message kIndustriesToFillTheLinksBy{
    "：补链方向（相关行业，按密度与机会增益）",
    ": industries to fill the links (by density and outlook gain)"};
inline constexpr core::Message kBenchmark{"基准：", "Benchmark: "};
inline constexpr core::Message kIndustry{"行业", "industry"};
inline constexpr core::Message kDensity{"密度", "density"};
inline constexpr core::Message kOutlookGain{"机会增益", "outlook gain"};
inline constexpr core::Message kPCI{"复杂度", "PCI"};
inline constexpr core::Message kCandidatesToAttract{"：补链招商候选", ": candidates to attract"};
inline constexpr core::Message kCandidate{"候选企业", "candidate"};
inline constexpr core::Message kRegion{"地区", "region"};
inline constexpr core::Message kRevenue100M{"营业收入(亿元)", "revenue (100 M)"};
inline constexpr core::Message kScore{"匹配度", "score"};
inline constexpr core::Message kWhyCandidate{"理由", "why"};
inline constexpr core::Message kNoMatchingProspect{"（招商对象库中无匹配企业）",
                                                   "(no matching enterprise in the prospect list)"};
inline constexpr core::Message kByStage{"按阶段", "By stage"};
inline constexpr core::Message kStage{"阶段", "stage"};
inline constexpr core::Message kProjects{"项目数", "projects"};
inline constexpr core::Message kInvestment100M{"总投资(亿元)", "investment (100 M)"};
inline constexpr core::Message kSalesAtFullOutput100M{"达产销售(亿元/年)",
                                                      "sales at full output (100 M/yr)"};
inline constexpr core::Message kOverdue{"逾期", "overdue"};
inline constexpr core::Message kInvestmentPipeline{"招商项目推进", "Investment pipeline"};
inline constexpr core::Message kProjectList{"项目清单", "Projects"};
inline constexpr core::Message kCode{"编号", "code"};
inline constexpr core::Message kProject{"项目", "project"};
inline constexpr core::Message kInvestor{"投资方", "investor"};
inline constexpr core::Message kCluster{"集群", "cluster"};
inline constexpr core::Message kChainLink{"产业链/环节", "chain/link"};
inline constexpr core::Message kPark{"园区", "park"};
inline constexpr core::Message kCapacity{"产能", "capacity"};
inline constexpr core::Message kSalesAtFull100MYr{"达产销售(亿元/年)", "sales at full (100 M/yr)"};
inline constexpr core::Message kSince{"阶段日期", "since"};
inline constexpr core::Message kProduction{"计划投产", "production"};
inline constexpr core::Message kAlert{"预警", "alert"};
inline constexpr core::Message kIOSector{"投入产出部门", "IO sector"};
inline constexpr core::Message kTotalEffect100MYr{"总效应(亿元/年)", "total effect (100 M/yr)"};
inline constexpr core::Message kMultiplier{"乘数", "multiplier"};
inline constexpr core::Message kTotalEffectOfFullSales{
    "总效应：达产销售作为所在投入产出部门的最终需求变化，ΔX = "
    "LΔf，含项目自身产出（直接）与对各部门的带动（间接）。",
    "Total effect: sales at full output as a change of final demand in the project's input-output "
    "sector, ΔX = LΔf: its own output (direct) and what it sets off in every sector (indirect)."};
inline constexpr core::Message kNoDataWord{"无数据", "no data"};
inline constexpr core::Message kEnterpriseCultivation{"企业梯度培育", "Enterprise cultivation"};
inline constexpr core::Message kEnterprise{"企业", "enterprise"};
inline constexpr core::Message kCreditCode{"信用代码", "credit code"};
inline constexpr core::Message kReadiness{"完成度", "readiness"};
inline constexpr core::Message kReady{"达标", "ready"};
inline constexpr core::Message kMet{"已满足", "met"};
inline constexpr core::Message kMissed{"未满足", "missed"};
inline constexpr core::Message kYes{"是", "yes"};
inline constexpr core::Message kNo{"否", "no"};
inline constexpr core::Message kChainsProjectsAndCultivation{"产业链、招商项目与企业培育",
                                                             "Chains, projects and cultivation"};
inline constexpr core::Message kWeakAndMissingLinks{"薄弱与缺失环节", "Weak and missing links"};
inline constexpr core::Message kCandidates{"招商候选", "candidates"};
inline constexpr core::Message kOverdueProjects{"逾期项目", "Overdue projects"};
inline constexpr core::Message kCultivationLadders{"企业梯度培育", "Cultivation ladders"};
inline constexpr core::Message kLadder{"梯队", "ladder"};
inline constexpr core::Message kOnTheLadder{"在梯队上", "on the ladder"};
inline constexpr core::Message kAllReady{"全部达标", "ready"};
inline constexpr core::Message kListed{"接近达标", "listed"};
inline constexpr core::Message kHolding{"现有认定", "holding"};
inline constexpr core::Message kTarget{"目标", "target"};

// monthly_html.cc
inline constexpr core::Message kMonthlyOutputAndGrowth{"月度产值与累计增速",
                                                       "Monthly output and growth"};
inline constexpr core::Message kYiUnit{"亿元", "x100M yuan"};
inline constexpr core::Message kMonthlyReportShort{"工业经济运行月报", "monthly report"};
inline constexpr core::Message kMonthlyIndustrialEconomyReport{"工业经济运行月报",
                                                               "Monthly industrial-economy report"};
inline constexpr core::Message kValueAddedGrowthAtComparablePrices{
    "增加值增速为可比价口径；金额单位：亿元。",
    "Value-added growth at comparable prices; money in 100 M yuan."};
inline constexpr core::Message kValueAddedGrowthNominal{
    "增加值增速为现价（名义）口径：未导入价格指数；金额单位：亿元。",
    "Value-added growth is nominal (no price index); money in 100 M yuan."};
inline constexpr core::Message kPullByClusterPp{"各集群拉动（百分点）", "Pull by cluster (pp)"};
inline constexpr core::Message kGroup{"分组", "group"};
inline constexpr core::Message kOutputYTD{"累计产值", "output YTD"};
inline constexpr core::Message kGrowthSameBasis{"同比增速", "growth"};
inline constexpr core::Message kPullPp{"拉动", "pull (pp)"};
inline constexpr core::Message kSuppressed{"保密", "suppressed"};
inline constexpr core::Message kLargestEnterprises{"产值前列企业", "Largest enterprises"};
inline constexpr core::Message kAlerts{"预警", "Alerts"};
// {}: a month, report/numbers.h Month.
inline constexpr core::Message kDataTo{"数据截至{}", "data to {}"};

// monthly_parts.cc
// {0}: a change in words (report/numbers.h ChangeWords): 下降0.6%.
inline constexpr core::Message kOutputOnLastYear{"产值同比{}", "output {} on last year"};
inline constexpr core::Message kOutputGrowthBelowTotal{"产值增速{}，低于全部规上工业的{}",
                                                       "output {}, below the total's {}"};
inline constexpr core::Message kRevenueOfTheLast12Months{
    "近12个月营业收入 {:.0f} 万元，低于规上标准 {:.0f} 万元",
    "revenue of the last 12 months {:.0f} 10k yuan, under the above-scale line of {:.0f} 10k yuan"};
inline constexpr core::Message kProgressBehindTimeProgress{
    "目标进度{:.1f}%，落后于时间进度{:.1f}%", "progress {:.1f}% behind time-progress {:.1f}%"};
// Alerts of one rule folded into one line. {0}: how many, {1}: the reference figure, {2}: the
// groups or targets with their figures.
inline constexpr core::Message kBelowTotalFolded{
    "{0}个分组产值增速低于全部规上工业（{1}）：{2}",
    "{0} groups grew slower than the total ({1}): {2}"};
inline constexpr core::Message kBehindFolded{"{0}项目标进度落后于时间进度（{1}）：{2}",
                                             "{0} targets behind time-progress ({1}): {2}"};
inline constexpr core::Message kRuleBelowTotal{"增速低于全区", "Growth below the total"};
inline constexpr core::Message kRuleTargetBehind{"目标进度滞后", "Targets behind time"};

// monthly_report.cc
inline constexpr core::Message kNoAboveScaleData{"无规上工业企业数据", "no above-scale data"};
inline constexpr core::Message kWithheldTooFewOrTooDominant{
    "数据保密（企业过少或集中度过高）", "withheld (too few or too dominant enterprises)"};
inline constexpr core::Message kYiUnitSpaced{"亿元", "x100 M yuan"};
inline constexpr core::Message kValueAddedGrowth{"增加值增速", "value-added growth"};
inline constexpr core::Message kComparablePrices{"可比价", "comparable prices"};
inline constexpr core::Message kNominal{"现价", "nominal"};
inline constexpr core::Message kRed{"红色", "red"};
inline constexpr core::Message kAmber{"黄色", "amber"};
inline constexpr core::Message kMoreSeeJSON{"条未列出（见 JSON）", "more (see JSON)"};

// monthly_xlsx.cc
inline constexpr core::Message kLevel{"级别", "level"};
inline constexpr core::Message kRule{"规则", "rule"};
inline constexpr core::Message kKind{"类别", "kind"};
inline constexpr core::Message kGroupCode{"代码", "code"};
inline constexpr core::Message kName{"名称", "name"};
inline constexpr core::Message kMessage{"说明", "message"};
inline constexpr core::Message kTopEnterprises{"产值前列企业", "Top enterprises"};
inline constexpr core::Message kRank{"位次", "rank"};
inline constexpr core::Message kCreditCodeFull{"统一社会信用代码", "credit code"};
inline constexpr core::Message kOutputYtdWan{"累计产值（万元）", "output YTD (10k yuan)"};

// targets.cc
// One status vocabulary for every output and the dashboard (web/src/i18n.js says the same), each
// word after a mark whose shape tells it apart in black and white.
inline constexpr core::Message kStatusAhead{"▲ 超前", "▲ ahead"};
inline constexpr core::Message kStatusOnTrack{"● 正常", "● on track"};
inline constexpr core::Message kStatusWatch{"◆ 关注", "◆ watch"};
inline constexpr core::Message kStatusBehind{"■ 滞后", "■ behind"};
inline constexpr core::Message kStatusNoData{"○ 无数据", "○ no data"};
inline constexpr core::Message kStatusWithheld{"○ 保密", "○ withheld"};
inline constexpr core::Message kTargetKind{"类型", "kind"};
inline constexpr core::Message kActual{"现值", "actual"};
inline constexpr core::Message kGoal{"目标值", "goal"};
inline constexpr core::Message kCompletion{"完成率", "completion"};
inline constexpr core::Message kTime{"时间进度", "time"};
inline constexpr core::Message kRequired{"所需年均", "required"};
inline constexpr core::Message kProjection{"趋势预测", "projection"};
inline constexpr core::Message kOdds{"达成概率", "odds"};
inline constexpr core::Message kTargetsMarkdownHeader{
    "| # | 目标 | 类型 | 现值 | 目标值 | 完成率 | 路径进度 | 时间进度 | 所需年均 | 趋势预测 | "
    "达成概率 | 状态 | 说明 |\n",
    "| # | target | kind | actual | goal | completion | path | time | required | projection | odds "
    "| status | note |\n"};
inline constexpr core::Message kTargetsMarkdownFootnote{
    "\n流量指标取截至本月的近12个月（滚动）值，与年度目标可比；达成概率为按历年变化抽样的蒙特卡洛估"
    "计（20000 次，固定种子）；方法见 docs/targets.md。\n",
    "\nFlows are the trailing 12 months to the period, comparable with an annual goal; methods in "
    "docs/targets.md.\n"};
inline constexpr core::Message kPeriod{"报告期", "period"};
inline constexpr core::Message kTargetsHtmlFootnote{
    "流量指标取截至本月的近12个月（滚动）值；达成概率为蒙特卡洛估计（20000 次，固定种子）；方法见 "
    "docs/targets.md。",
    "Flows are the trailing 12 months; odds are a Monte Carlo estimate (20,000 draws, fixed seed); "
    "methods in docs/targets.md."};
inline constexpr core::Message kTargetsSheet{"目标进度", "targets"};
inline constexpr core::Message kUnit{"单位", "unit"};
inline constexpr core::Message kBase{"基期值", "base"};
inline constexpr core::Message kPathProgress{"路径进度", "path progress"};
inline constexpr core::Message kTimeProgress{"时间进度", "time-progress"};
inline constexpr core::Message kRequiredGrowth{"所需年均增速", "required growth"};
inline constexpr core::Message kRequiredPoints{"所需年均（百分点）", "required points"};
inline constexpr core::Message kNote{"说明", "note"};
inline constexpr core::Message kHistorySheet{"逐月进度", "history"};

// analytics.cc, by hand
inline constexpr core::Message kBenchmarkNote{
    "基准：{}（{} 个地区，{}年，{}级）；本地数据至 {}{}。区位商 > 1 "
    "表示该集群在本地的产值占比高于基准整体。",
    "Benchmark: {} ({} regions, year {}, by {}); the region's figures to {}{}. A location quotient "
    "above 1: the cluster weighs more here than in the benchmark as a whole."};
inline constexpr core::Message kAnyYear{"不分", "any"};
inline constexpr core::Message kLevelDivision{"大类", "division"};
inline constexpr core::Message kLevelGroup{"中类", "group"};
inline constexpr core::Message kLevelClass{"小类", "class"};
inline constexpr core::Message kAnnualisedNote{"（年化）", " (annualised)"};
inline constexpr core::Message kSplitIndustries{"跨集群的行业代码不计入任何集群：{}。",
                                                "Codes split between clusters count for none: {}."};
inline constexpr core::Message kOutsideBenchmark{
    "基准未覆盖的本地行业代码不参与计算：{}。",
    "The region's codes the benchmark does not cover are left out: {}."};
inline constexpr core::Message kListSeparator{"、", ", "};
inline constexpr core::Message kClusterColumn{"集群", "Cluster"};
inline constexpr core::Message kLqColumn{"区位商", "LQ"};
inline constexpr core::Message kShareHere{"本地占比", "Share here"};
inline constexpr core::Message kBenchmarkShare{"基准占比", "Benchmark share"};
inline constexpr core::Message kShiftGrowth{"增量", "Growth"};
inline constexpr core::Message kNationalShare{"全国（基准）份额", "National share"};
inline constexpr core::Message kIndustryMix{"产业结构", "Industry mix"};
inline constexpr core::Message kRegionalShare{"区域竞争", "Regional share"};
inline constexpr core::Message kGrowthRate{"增速", "Rate"};

// monthly_parts.cc, by hand: alerts
inline constexpr core::Message kEnterpriseDeclining{
    "产值连续 {0} 个月同比下降 {1:.0f}% 以上（最低 {2:+.1f}%）",
    "output down {1:.0f}% or more on last year for {0} months running (worst {2:+.1f}%)"};
inline constexpr core::Message kProjectOverdue{"项目逾期 {} 个月未{}",
                                               "project {} months late for {}"};

// chains.cc, by hand
inline constexpr core::Message kAndOthers{" 等 {} 家", " and others, {} in all"};
inline constexpr core::Message kClauseSeparator{"；", "; "};
inline constexpr core::Message kMonthsLateFor{"逾期 {} 个月未{}（应于 {}）",
                                              "{} months late for {} (due {})"};
inline constexpr core::Message kLadderSummary{
    "在梯队上 {0} 家，全部达标 {1} 家，列出完成度 ≥ {3:.0f}% 的 {2} 家。",
    "{0} on the ladder, {1} meet every criterion, {2} listed (readiness from {3:.0f}%)."};
inline constexpr core::Message kLadderTarget{"；{0} 目标 {2} 年 {1:g} 家（{3}）",
                                             "; target {0} is {1:g} by {2} ({3})"};
inline constexpr core::Message kTargetWithStatus{"{} {:g}（{}）", "{} {:g} ({})"};

// monthly_report.cc: the Markdown report's labels
inline constexpr core::Message kMonthlyTitle{"工业经济运行月报",
                                             "Monthly industrial-economy report"};
// The headline sentence, clause by clause ({} of a change: report/numbers.h ChangeWords); a
// clause whose figure is missing is left out.
inline constexpr core::Message kHeadlineOutput{"{0}，规上工业总产值{1}",
                                               "{0}: above-scale output {1}"};
inline constexpr core::Message kHeadlineOnLastYear{"，同比{}", ", {} on a year earlier"};
inline constexpr core::Message kHeadlineValueAdded{"规上工业增加值{}（{}）", "value added {} ({})"};
inline constexpr core::Message kHeadlineProfit{"利润总额{}", "profit {}"};
inline constexpr core::Message kHeadlineFrame{"规上工业企业{}家", "{} above-scale enterprises"};
inline constexpr core::Message kClauseEnd{"；", "; "};
inline constexpr core::Message kSentenceEnd{"。", "."};
inline constexpr core::Message kHeadlineWithheld{"{}：{}", "{}: {}"};
inline constexpr core::Message kMonthlyNominalNote{
    "增加值增速为现价（名义）口径：尚未导入价格指数（`import prices`）。",
    "Value-added growth is nominal: no price index has been imported (`import prices`)."};
inline constexpr core::Message kMonthlyGroup{"分组", "group"};
inline constexpr core::Message kMonthlyEnterprises{"企业数", "enterprises"};
inline constexpr core::Message kMonthlyYtdOutput{"累计产值（亿元）", "output YTD (100 M yuan)"};
inline constexpr core::Message kMonthlyGrowth{"同比增速", "growth"};
inline constexpr core::Message kMonthlyContribution{"贡献率（现价产值）",
                                                    "contribution (output, current prices)"};
inline constexpr core::Message kMonthlyPull{"拉动（百分点，现价产值）",
                                            "pull (pp, output at current prices)"};
inline constexpr core::Message kMonthlyRatios{"效益与效率", "Efficiency"};
inline constexpr core::Message kMonthlyVaRate{"增加值率", "value-added rate"};
inline constexpr core::Message kMonthlyProfitMargin{"营业收入利润率", "profit margin"};
inline constexpr core::Message kMonthlyRdIntensity{"研发投入强度", "R&D intensity"};
inline constexpr core::Message kMonthlyEnergyPerVa{
    "单位增加值能耗（吨标煤/万元，现价；括号内为按可比价计算的同比变化）",
    "energy per value added (tce per 10k yuan at current prices; in brackets its change on last "
    "year at comparable prices)"};
inline constexpr core::Message kMonthlyProductivity{
    "全员劳动生产率（万元/人·年）", "labour productivity (10k yuan a person a year)"};
inline constexpr core::Message kMonthlyCounts{"企业情况", "Enterprises"};
inline constexpr core::Message kMonthlyDeclining{"产值下降企业", "with output down"};
inline constexpr core::Message kMonthlyLosses{"亏损企业", "loss-making"};
inline constexpr core::Message kMonthlyLossAmount{"亏损额（亿元）", "losses (100 M yuan)"};
inline constexpr core::Message kMonthlyNonReporting{"本月未报企业", "not reported this month"};
inline constexpr core::Message kMonthlyUnbased{"无上年同期基数企业（产值，亿元）",
                                               "without a prior-year base (output, 100M yuan)"};
inline constexpr core::Message kMonthlyTop{"产值前列企业", "Largest enterprises"};
inline constexpr core::Message kMonthlyTopGrowth{"增速前列企业", "Fastest-growing enterprises"};
inline constexpr core::Message kMonthlyRank{"位次", "rank"};
inline constexpr core::Message kMonthlyName{"企业", "enterprise"};

// monthly_parts.cc: the title of each kind of group
inline constexpr core::Message kKindTitleTotal{"总体", "Total"};
inline constexpr core::Message kKindTitleTier{"按集群层级", "By tier"};
inline constexpr core::Message kKindTitleCluster{"按产业集群", "By cluster"};
inline constexpr core::Message kKindTitlePark{"按园区", "By park"};
inline constexpr core::Message kKindTitleTown{"按乡镇街道", "By town"};
inline constexpr core::Message kKindTitleDivision{"按行业大类", "By industry division"};
inline constexpr core::Message kKindTitleClass{"按行业小类", "By industry class"};
inline constexpr core::Message kKindTitleSector{"按工业门类", "By sector category"};
inline constexpr core::Message kKindTitleHighTech{"高技术制造业", "High-tech manufacturing"};
inline constexpr core::Message kKindTitleStrategicEmerging{"战略性新兴产业",
                                                           "Strategic emerging industries"};
inline constexpr core::Message kKindTitleList{"重点企业名单", "Saved lists"};

// monthly_xlsx.cc: the columns of the group tables
inline constexpr core::Message kColumnMonthOutput{"本月产值（万元）", "month output (10k yuan)"};
inline constexpr core::Message kColumnOutputYtd{"累计产值（万元）", "output YTD (10k yuan)"};
inline constexpr core::Message kColumnSameMonthsLastYear{"上年同期（万元）",
                                                         "same months last year"};
inline constexpr core::Message kColumnValueAdded{"增加值（万元）", "value added"};
inline constexpr core::Message kColumnRevenue{"营业收入（万元）", "revenue"};
inline constexpr core::Message kColumnProfit{"利润总额（万元）", "profit"};
inline constexpr core::Message kColumnCode{"代码", "code"};
inline constexpr core::Message kColumnName{"名称", "name"};
inline constexpr core::Message kColumnEnterprises{"企业数", "enterprises"};
inline constexpr core::Message kColumnGrowth{"同比增速", "growth"};
inline constexpr core::Message kColumnContribution{"贡献率", "contribution"};
inline constexpr core::Message kColumnPullPp{"拉动（百分点）", "pull (pp)"};
inline constexpr core::Message kColumnRDIntensity{"研发投入强度", "R&D intensity"};
inline constexpr core::Message kColumnEnergyPerValueAdded{"单位增加值能耗",
                                                          "energy per value added"};
inline constexpr core::Message kColumnLabourProductivity{"劳动生产率（万元/人·年）",
                                                         "labour productivity"};
inline constexpr core::Message kColumnDeclining{"下降企业", "declining"};
inline constexpr core::Message kColumnLossMaking{"亏损企业", "loss-making"};

// monthly_parts.cc: what an alert is about
inline constexpr core::Message kSubjectTotal{"总体", "total"};
inline constexpr core::Message kSubjectTier{"集群层级", "tier"};
inline constexpr core::Message kSubjectCluster{"产业集群", "cluster"};
inline constexpr core::Message kSubjectPark{"园区", "park"};
inline constexpr core::Message kSubjectTown{"乡镇街道", "town"};
inline constexpr core::Message kSubjectDivision{"行业大类", "industry division"};
inline constexpr core::Message kSubjectClass{"行业小类", "industry class"};
inline constexpr core::Message kSubjectSector{"工业门类", "sector"};
inline constexpr core::Message kSubjectHighTech{"高技术制造业", "high-tech manufacturing"};
inline constexpr core::Message kSubjectStrategicEmerging{"战略性新兴产业",
                                                         "strategic emerging industries"};
inline constexpr core::Message kSubjectList{"重点企业名单", "saved list"};
inline constexpr core::Message kSubjectEnterprise{"企业", "enterprise"};
inline constexpr core::Message kSubjectTarget{"目标", "target"};
inline constexpr core::Message kSubjectProject{"项目", "project"};

inline constexpr core::Message kId{"编号", "id"};

// monthly.cc: the data-quality warnings (audit list)
inline constexpr core::Message kWarningMeasure{"指标", "measure"};
inline constexpr core::Message kConfirmNote{"确认说明", "note"};
inline constexpr core::Message kWarningOpen{"待核实", "open"};
inline constexpr core::Message kWarningConfirmed{"已确认", "confirmed"};
inline constexpr core::Message kWarningSuperseded{"已被新数据取代", "superseded"};
inline constexpr core::Message kOneWarning{"共 {} 条审核提示\n", "{} warning\n"};
inline constexpr core::Message kWarnings{"共 {} 条审核提示\n", "{} warnings\n"};

}  // namespace clusterscope::text
