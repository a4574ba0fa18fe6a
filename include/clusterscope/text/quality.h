// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The catalogue's data-quality messages (数据审核, ingest/quality.cc): each warning is written in
// both languages when it is raised and stored so, then shown in the reader's. Part of the one
// catalogue of user-facing text (text/README.md).
#pragma once

#include "clusterscope/core/message.h"

namespace clusterscope::text {

inline constexpr core::Message kVaRateBand{"增加值率{:.1f}%，超出{:.0f}%—{:.0f}%的合理区间",
                                           "value-added rate {:.1f}% is outside {:.0f}%-{:.0f}%"};
inline constexpr core::Message kRdAboveRevenue{"研发费用 {} 高于营业收入 {}",
                                               "R&D expense {} is above revenue {}"};
inline constexpr core::Message kNotReported{"{} 已报、{} 未报", "reported {} but not {}"};
// {0} the column, {1} the value, {2} the ratio, {3} the median, {4} the months, {5} the column's
// Chinese name, {6} its unit. The ratio to two significant digits: 0.0041 倍, 12 倍.
inline constexpr core::Message kJump{
    "{5}为{1:.1f}{6}，是此前{4}个月中位数{3:.1f}{6}的{2:.2g}倍",
    "{0} {1:.1f} {6} is {2:.2g} times the median {3:.1f} {6} of the {4} earlier months"};
inline constexpr core::Message kEnergyIntensity{
    "单位产值能耗 {0:.3f} 吨标准煤/万元，远离行业大类 {3:02} 中 {2} 家企业的中位数 {1:.3f}",
    "energy {0:.3f} tce per 10k yuan of output is far from the median {1:.3f} of {2} enterprises "
    "in division {3:02}"};
inline constexpr core::Message kBelowScaleThreshold{
    "截至 {} 的近12个月营业收入 {:.1f} 万元，低于规上标准 {:.0f} 万元",
    "revenue of the 12 months to {} is {:.1f} 10k yuan, below the above-scale threshold of "
    "{:.0f} 10k yuan"};
// {0} the period, {1} the period a year earlier, {2} the founding date or "?".
inline constexpr core::Message kEntrantWithoutBase{
    "{0} 报了工业总产值，但既无上年同期数，也无 {1} 的在库数（成立于 {2}）：其增速以零为基数，"
    "请补报上年同期工业总产值",
    "reports output for {0} with neither a figure for the same period last year nor a stored "
    "figure for {1} (founded {2}): its growth rests on a zero base; import output_value_prior"};

}  // namespace clusterscope::text
