// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The catalogue's sentences of the monthly analysis and the targets' progress report as the
// office writes them (report/analysis.cc): headings, the bureau's phrases, captions and the
// columns of the three-line tables. Money, growth and points come in already written
// (report/analysis.cc writes 亿元 to one decimal without separators, growth in words).
#pragma once

#include "clusterscope/core/message.h"

namespace clusterscope::text {

// Titles: 涪陵区2023年1—6月工业经济运行情况分析.
inline constexpr core::Message kAnalysisTitle{"{0}{1}工业经济运行情况分析",
                                              "{0}: the industrial economy, {1}"};
// The plan's name without a closing 目标 ("…2027年目标" gives "…2027年目标进度情况").
inline constexpr core::Message kTargetsAnalysisTitle{"{0}目标进度情况", "{0}: progress report"};
inline constexpr core::Message kAnalysisSubtitle{"（数据截至{0}，{1}）", "(data to {0}; {1})"};
inline constexpr core::Message kAnalysisInternal{"内部资料，注意保密", "internal, confidential"};
inline constexpr core::Message kAnalysisPublished{"公开版", "published form"};

// Headings; their numbers (一、…) are added in order, so that a section left out leaves no gap.
inline constexpr core::Message kAnOverall{"总体运行情况", "Overall"};
inline constexpr core::Message kAnClusters{"集群运行情况", "The clusters"};
inline constexpr core::Message kAnParks{"园区和重点企业", "Parks and leading enterprises"};
inline constexpr core::Message kAnTargets{"{}年目标进度", "Progress to the {} targets"};
inline constexpr core::Message kAnIssues{"需关注的问题", "Issues to watch"};
inline constexpr core::Message kAnNextSteps{"下一步工作建议", "Next steps"};
inline constexpr core::Message kAnNextStepsNote{
    "【此部分由分析人员填写：针对上述问题，提出下一步工作建议。】",
    "[For the analyst to write: what to do next about the issues above.]"};
inline constexpr core::Message kAnTargetsOverall{"总体进度", "Overall"};
inline constexpr core::Message kAnTargetsEach{"分项目标", "Each target"};
inline constexpr core::Message kAnTargetsWatch{"需关注的目标", "Targets to watch"};

// The region as a sentence names it: 全区, 全县, 全市 ("the district").
inline constexpr core::Message kWholeDistrict{"全区", "the district"};
inline constexpr core::Message kWholeCounty{"全县", "the county"};
inline constexpr core::Message kWholeCity{"全市", "the city"};

// 一、总体运行情况
inline constexpr core::Message kAnOutput{"{0}，{1}规上工业总产值完成{2}，同比{3}",
                                         "In {0}, above-scale output in {1} was {2}, {3} on a "
                                         "year earlier"};
inline constexpr core::Message kAnOutputNoGrowth{"{0}，{1}规上工业总产值完成{2}",
                                                 "In {0}, above-scale output in {1} was {2}"};
// 增速较1—5月提高0.3个百分点 / 增速较上年全年提高…
inline constexpr core::Message kAnRateOnPrevious{"，增速较{0}{1}", ", growth {1} on {0}"};
inline constexpr core::Message kAnLastYearWhole{"上年全年", "last year as a whole"};
inline constexpr core::Message kAnValueAdded{"；规上工业增加值{0}（{1}）",
                                             "; value added {0} ({1})"};
inline constexpr core::Message kAnValueAddedOpening{"{0}，{1}规上工业增加值{2}（{3}）",
                                                    "In {0}, value added in {1} {2} ({3})"};
inline constexpr core::Message kAnMonth{"{0}当月，规上工业总产值完成{1}，同比{2}",
                                        "In {0} alone, output was {1}, {2} on a year earlier"};
inline constexpr core::Message kAnFrame{"{0}规上工业企业{1}家", "{1} above-scale enterprises"};
inline constexpr core::Message kAnRevenue{"，实现营业收入{0}", ", revenue {0}"};
inline constexpr core::Message kAnOnLastYear{"，同比{0}", ", {0} on a year earlier"};
inline constexpr core::Message kAnProfit{"；实现利润总额{0}", "; profit {0}"};
inline constexpr core::Message kAnNetLoss{"；利润总额为亏损{0}", "; a net loss of {0}"};
inline constexpr core::Message kAnTurnedToProfit{"，同比扭亏为盈", ", from a loss a year earlier"};
inline constexpr core::Message kAnTurnedToLoss{"，上年同期为盈利{0}",
                                               ", against a profit of {0} a year earlier"};
inline constexpr core::Message kAnLossNarrowed{"，同比减亏{0}", ", the loss {0} smaller"};
inline constexpr core::Message kAnLossWidened{"，同比增亏{0}", ", the loss {0} larger"};
inline constexpr core::Message kAnLossMakers{"；亏损企业{0}家，亏损面{1}",
                                             "; {0} enterprises made a loss ({1})"};
inline constexpr core::Message kAnLossAmount{"，亏损企业亏损额{0}", ", losing {0}"};
inline constexpr core::Message kAnVaRate{"工业增加值率{0}", "value added was {0} of output"};
inline constexpr core::Message kAnProfitMargin{"营业收入利润率{0}", "profit margin {0}"};
inline constexpr core::Message kAnRdIntensity{"研发投入强度{0}", "R&D intensity {0}"};
inline constexpr core::Message kAnExportShare{"出口交货值占工业总产值的{0}",
                                              "exports {0} of output"};
inline constexpr core::Message kAnEnergyChange{"单位工业增加值能耗同比{0}",
                                               "energy per unit of value added {0}"};
inline constexpr core::Message kAnTrendChart{"图{0}　{1}规上工业总产值及累计增速",
                                             "Figure {0}  Above-scale output, {1}"};
inline constexpr core::Message kAnMonthOutputSeries{"当月产值（亿元）",
                                                    "Output in the month (100 M yuan)"};
inline constexpr core::Message kAnYtdGrowthSeries{"累计增速（%）", "Growth to date (%)"};

// 二、集群运行情况
inline constexpr core::Message kAnByTier{"分层级看，", "By tier: "};
inline constexpr core::Message kAnGroupOutput{"{0}完成产值{1}，同比{2}", "{0} made {1}, {2}"};
inline constexpr core::Message kAnGroupOutputOnly{"{0}完成产值{1}", "{0} made {1}"};
inline constexpr core::Message kAnPullUp{"，拉动{0}产值增长{1}个百分点",
                                         ", adding {1} pp to {0}'s growth"};
inline constexpr core::Message kAnPullDown{"，下拉{0}产值增速{1}个百分点",
                                           ", taking {1} pp off {0}'s growth"};
inline constexpr core::Message kAnClusterCounts{"分集群看，{0}个集群中{1}个产值同比增长",
                                                "By cluster: output grew in {1} of {0} clusters"};
inline constexpr core::Message kAnClustersDown{"，{0}个下降", ", fell in {0}"};
inline constexpr core::Message kAnClustersWithheld{"（另有{0}个集群按统计保密规定不公布）",
                                                   " ({0} withheld as the confidentiality rules "
                                                   "require)"};
inline constexpr core::Message kAnLargestPulls{"。拉动作用居前的是{0}",
                                               ". The largest pulls came from {0}"};
inline constexpr core::Message kAnPullItem{"{0}（{1}，拉动{2}个百分点）", "{0} ({1}, {2} pp)"};
inline constexpr core::Message kAnFalling{"；产值下降的有{0}", "; output fell in {0}"};
inline constexpr core::Message kAnFallingItem{"{0}（{1}）", "{0} ({1})"};
inline constexpr core::Message kAnClusterTable{"表{0}　{1}产业集群主要指标",
                                               "Table {0}  The clusters, {1}"};
inline constexpr core::Message kAnPullChart{"图{0}　各产业集群拉动产值增长情况（{1}）",
                                            "Figure {0}  Each cluster's pull on growth, {1}"};
inline constexpr core::Message kAnPullSeries{"拉动（个百分点）", "Pull (pp)"};

// 三、园区和重点企业
inline constexpr core::Message kAnByPark{"分园区看，", "By park: "};
inline constexpr core::Message kAnParkTable{"表{0}　{1}各园区主要指标",
                                            "Table {0}  The parks, {1}"};
inline constexpr core::Message kAnLargest{
    "重点企业方面，产值前{0}位企业合计完成产值{1}，占{2}规上工业总产值的{3}",
    "The {0} largest enterprises made {1}, {3} of {2}'s above-scale output"};
inline constexpr core::Message kAnFastest{"；增速最快的是{0}，同比{1}", "; the fastest, {0}, {1}"};
inline constexpr core::Message kAnTopTable{"表{0}　{1}产值前{2}位企业",
                                           "Table {0}  The {2} largest enterprises, {1}"};

// 四、目标进度
inline constexpr core::Message kAnTargetsCount{"截至{0}，{1}共{2}项",
                                               "To {0}, {1} has {2} targets"};
inline constexpr core::Message kAnStatusCount{"{0}{1}项", "{1} {0}"};
inline constexpr core::Message kAnStatusAhead{"超前", "ahead"};
inline constexpr core::Message kAnStatusOnTrack{"正常", "on track"};
inline constexpr core::Message kAnStatusWatch{"需关注", "to watch"};
inline constexpr core::Message kAnStatusBehind{"滞后", "behind"};
inline constexpr core::Message kAnStatusNoData{"暂无数据", "without data"};
inline constexpr core::Message kAnStatusWithheld{"不公开", "withheld"};
inline constexpr core::Message kAnStatusesAre{"。其中，{0}", ". Of these, {0}"};
inline constexpr core::Message kAnBehindAre{"进度滞后的目标有：{0}", "Behind: {0}"};
inline constexpr core::Message kAnWatchAre{"需关注的目标有：{0}", "To watch: {0}"};
inline constexpr core::Message kAnTimeProgress{"，时间进度{0}", "; {0} of the time has passed"};
inline constexpr core::Message kAnTargetItem{"{0}（现值{1}，目标{2}，完成率{3}）",
                                             "{0} ({1} against {2}, {3} done)"};
inline constexpr core::Message kAnTargetsTable{"表{0}　{1}主要目标进度",
                                               "Table {0}  The main targets, {1}"};
inline constexpr core::Message kAnAllTargetsTable{"表{0}　{1}各项目标进度",
                                                  "Table {0}  Every target, {1}"};

// 五、需关注的问题
inline constexpr core::Message kAnNoAlerts{"本期未触发预警。", "No alert was raised this month."};
inline constexpr core::Message kAnAlertItem{"{0}{1}：{2}。", "{0}{1}: {2}."};
inline constexpr core::Message kAnMoreAlerts{"另有{0}条预警，详见系统预警清单。",
                                             "{0} more alerts are listed in the system."};

// The columns of the tables.
inline constexpr core::Message kAnColCluster{"集群", "Cluster"};
inline constexpr core::Message kAnColPark{"园区", "Park"};
inline constexpr core::Message kAnColEnterprises{"企业数（家）", "Enterprises"};
inline constexpr core::Message kAnColOutput{"累计产值（亿元）", "Output (100 M yuan)"};
inline constexpr core::Message kAnColGrowth{"同比增长（%）", "Growth (%)"};
inline constexpr core::Message kAnColContribution{"贡献率（%）", "Contribution (%)"};
inline constexpr core::Message kAnColPull{"拉动（个百分点）", "Pull (pp)"};
inline constexpr core::Message kAnColRank{"位次", "Rank"};
inline constexpr core::Message kAnColEnterprise{"企业名称", "Enterprise"};
inline constexpr core::Message kAnColTarget{"目标", "Target"};
inline constexpr core::Message kAnColActual{"现值", "Now"};
inline constexpr core::Message kAnColGoal{"目标值", "Goal"};
inline constexpr core::Message kAnColCompletion{"完成率", "Done"};
inline constexpr core::Message kAnColTime{"时间进度", "Time"};
inline constexpr core::Message kAnColStatus{"状态", "Status"};
inline constexpr core::Message kAnTotalRow{"合计", "Total"};

}  // namespace clusterscope::text
