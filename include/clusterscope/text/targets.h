// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The catalogue's sentences about targets: why a figure is missing, a milestone's state, a rate
// against its limit (targets/, app's target figures). Part of the one catalogue of user-facing
// text (text/README.md).
#pragma once

#include "clusterscope/core/message.h"

namespace clusterscope::text {

inline constexpr core::Message kNoData{"无数据", "no data"};
inline constexpr core::Message kTargetWithheld{
    "按统计法不公开：该目标读取的分组数据在公开口径中保密",
    "withheld by the statistics law: the group this target reads is withheld in the published "
    "form"};
// {0} year, {1} month, {2} the month as YYYY-MM.
inline constexpr core::Message kMilestoneReached{"{0}年{1}月已实现", "reached {2}"};
inline constexpr core::Message kMilestoneOverdue{"逾期未实现", "overdue"};
inline constexpr core::Message kMilestonePending{"尚未实现", "pending"};
inline constexpr core::Message kRateAgainstLimit{"{:+.2f}%（对照 {:+.2f}%）",
                                                 "{:+.2f}% against {:+.2f}%"};
inline constexpr core::Message kNoWholeIndustryFigure{
    "{} 年无全部工业数（序列 {}），也未给出规上占全部工业的比重",
    "no whole-industry figure for {} (series {}) and no above-scale share declared"};
inline constexpr core::Message kWholeIndustryDerived{
    "全部工业数由规上数 ÷ {:.4g}%（规上占全部工业比重）推算",
    "whole industry derived: above-scale ÷ {:.4g}% (the declared above-scale share)"};
inline constexpr core::Message kNoBaseValue{
    "无基期值：以完成率对照时间进度", "no base value: completion compared with time-progress"};
inline constexpr core::Message kNoMonthlyStatistics{"无 {} 的月度统计数据",
                                                    "no monthly statistics for {}"};
inline constexpr core::Message kTrailingNeedsMonths{
    "截至 {} 的近12个月数据需要 {} 各月的数据", "a 12-month figure to {} needs the months of {}"};
inline constexpr core::Message kSeriesHasNoValue{
    "指标序列 {} 缺少 {} 年或 {} 年的值（用 `import series` 导入）",
    "series {} has no value for {} or {} (`import series`)"};
inline constexpr core::Message kNoEmployeesReported{"无从业人员数据", "no employees reported"};
inline constexpr core::Message kParkHasNoLandArea{
    "园区 {} 在集群体系中没有工业用地面积", "park {} has no industrial land area in the system"};
inline constexpr core::Message kDenominatorIsZero{"{} 的分母为零", "the denominator is zero at {}"};
inline constexpr core::Message kNeedsComparablePrices{
    "{} 的增加值缺少价格指数，无法按可比价计算（`import prices`）",
    "value added at {} lacks price indices for comparable prices (`import prices`)"};
inline constexpr core::Message kOddsNeedYearlyChanges{
    "概率需要至少 {} 个年度变化，现有 {} 个", "odds need at least {} yearly changes; there are {}"};
inline constexpr core::Message kOddsNoProjection{"无趋势外推，不估计概率",
                                                 "no trend to carry forward: no odds"};
inline constexpr core::Message kOddsNoTimeLeft{"目标年份已过，不再估计概率",
                                               "the target year is over: no odds"};
inline constexpr core::Message kOddsNotAboveZero{"数值或目标不大于零，无法按增长率估计概率",
                                                 "the figure or the goal is not above zero: no "
                                                 "odds on growth rates"};
inline constexpr core::Message kOddsHistoryNeverVaried{
    "历年变化完全相同，无从估计波动", "the yearly changes never varied: no spread to judge by"};
inline constexpr core::Message kOddsFloorEachYear{"底线目标逐年考核，不估计到期概率",
                                                  "a floor is judged every year: no odds"};
inline constexpr core::Message kFloorBroken{"{:.2f} 低于底线 {:g}",
                                            "{:.2f} is below the floor of {:g}"};
inline constexpr core::Message kFloorBrokenIn{"{} 年末曾低于底线 {:g}",
                                              "fell below the floor of {1:g} at the end of {0}"};
inline constexpr core::Message kRatioUndefined{"两个年份之一的比值无定义",
                                               "the ratio is undefined in one of the two years"};
inline constexpr core::Message kBaseYearMissing{"基期：{}", "base year: {}"};

}  // namespace clusterscope::text
