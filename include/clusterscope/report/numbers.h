// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// How every output writes numbers, periods and statuses, by the statistics bureau's conventions:
// money in 亿元 to one decimal, counts as whole numbers with their measure word (家, 个, 人),
// rates to one decimal, differences of rates in 个百分点, 增长/下降 instead of signs in sentences,
// never "-0.0", periods as 2025年1—6月. A missing or withheld figure is "—", never 0.
//
// The dashboard's web/src/format.js writes the same; both are tested on the cases of
// tests/data/formatting.json, so that the two cannot drift apart.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "clusterscope/core/message.h"
#include "clusterscope/core/period.h"

namespace clusterscope::report::numbers {

using core::Language;

// `value` to `digits` decimals with thousands separators; a value that rounds to zero has no
// sign: Fixed(-0.04, 1) is "0.0".
std::string Fixed(double value, int digits);

// 万元 -> "1,244.5 亿元" from 1 亿元 up, else "3,520 万元"; en "12.45 bn yuan" / "35.2 M yuan".
std::string Money(std::optional<double> wan, Language language);
// 万元 -> the number of 亿元 to one decimal, for a table whose heading names the unit.
std::string Yi(std::optional<double> wan);
// A count with its measure word: "387 家", "20 个", "6,500 人" (en "387 enterprises", "20").
std::string Count(std::optional<double> n, std::string_view unit, Language language);
// 0.0911 -> "9.1%" (a share or rate, no sign added).
std::string Percent(std::optional<double> fraction, int digits = 1);
// 0.0911 -> "+9.1%", -0.034 -> "-3.4%", 0.0004 -> "0.0%": a growth rate in a table.
std::string Growth(std::optional<double> fraction);
// 1.18 -> "+1.2 个百分点" ("+1.2 pp"): a difference of two rates.
std::string Points(std::optional<double> pp, Language language);
// A group's pull on the total's growth: "+0.35 个百分点" ("+0.35 pp"). Two decimals, because the
// pulls of small groups are hundredths of a point; a sentence gives one (PointsWords).
std::string Pull(std::optional<double> pp, Language language);
// A change in a sentence: 0.091 -> "增长9.1%", -0.034 -> "下降3.4%", "持平" when it rounds to 0
// (en "up 9.1%", "down 3.4%", "unchanged").
std::string ChangeWords(std::optional<double> fraction, Language language);
// A change of a rate in a sentence: 1.2 -> "提高1.2个百分点", -0.5 -> "下降0.5个百分点", "持平".
std::string PointsWords(std::optional<double> pp, Language language);
// A report's months: "2025年1—6月", "2025年1月" (en "Jan–Jun 2025", "Jan 2025").
std::string YearToDate(core::Period period, Language language);
// One month: "2025年6月" (en "Jun 2025").
std::string Month(core::Period period, Language language);
// A target's status ("ahead", "green", "amber", "red", "no_data", "withheld") as its mark and
// word: "▲ 超前", "● 正常", "◆ 关注", "■ 滞后", "○ 无数据", "○ 保密".
std::string Status(std::string_view status, Language language);
// A target's figure in its unit: "966.7 亿元", "37.0%", "20 个", "53.0 万元/人".
std::string InUnit(std::optional<double> value, std::string_view unit, Language language);

}  // namespace clusterscope::report::numbers
