// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The units the plans and reports write figures in, as the reader's language writes them: the
// plans say "亿元" or "家"; an English reader gets "100 M yuan" or "enterprises". A unit the
// catalogue does not know is shown as the plan wrote it. Part of the one catalogue of
// user-facing text (text/README.md).
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "clusterscope/core/message.h"

namespace clusterscope::text {

inline constexpr std::array<std::pair<std::string_view, core::Message>, 12> kUnits{{
    {"亿元", {"亿元", "100 M yuan"}},
    {"万元", {"万元", "10k yuan"}},
    {"家", {"家", "enterprises"}},
    {"个", {"个", ""}},
    {"人", {"人", "persons"}},
    {"年", {"年", "years"}},
    {"平方公里", {"平方公里", "km²"}},
    {"万元/人", {"万元/人", "10k yuan a person"}},
    {"亿元/平方公里", {"亿元/平方公里", "100 M yuan per km²"}},
    {"吨标准煤/万元", {"吨标准煤/万元", "tce per 10k yuan"}},
    {"%", {"%", "%"}},
    {"个百分点", {"个百分点", "points"}},
}};

// `unit` in `language` ("" for a plain count in English).
inline std::string UnitIn(core::Language language, std::string_view unit) {
  for (const auto& [name, message] : kUnits) {
    if (name == unit) return message.In(language);
  }
  return std::string(unit);
}

inline constexpr core::Message kKindLevel{"总量", "level"};
inline constexpr core::Message kKindRatio{"比率", "ratio"};
inline constexpr core::Message kKindCount{"数量", "count"};
inline constexpr core::Message kKindRate{"降幅", "rate"};
inline constexpr core::Message kKindCompare{"比较", "compare"};
inline constexpr core::Message kKindMilestone{"里程碑", "milestone"};
inline constexpr core::Message kKindFloor{"底线", "floor"};
inline constexpr core::Message kPerYearGrowth{"{:+.1f}%/年", "{:+.1f}%/yr"};
inline constexpr core::Message kPointsPerYear{"{:+.1f} 个百分点/年", "{:+.1f} points/yr"};
inline constexpr core::Message kUnitsPerYear{"+{:.1f} {}/年", "+{:.1f} {}/yr"};
inline constexpr core::Message kCountPerYear{"+{:.1f}/年", "+{:.1f} a year"};
inline constexpr core::Message kAtLeastTheCitysRate{"≥ 市下达降幅", "≥ the city's set fall"};
inline constexpr core::Message kFallsFasterThanReference{"降幅 > 对照",
                                                         "falls faster than the reference"};

}  // namespace clusterscope::text
