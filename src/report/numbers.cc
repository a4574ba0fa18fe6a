// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/report/numbers.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "clusterscope/text/report.h"
#include "clusterscope/text/units.h"

namespace clusterscope::report::numbers {
namespace {

constexpr const char* kMissing = "—";
constexpr std::array<const char*, 12> kMonthsEn = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// `value` rounded to `digits` decimals, without a negative zero.
double Rounded(double value, int digits) {
  const double scale = std::pow(10.0, digits);
  const double out = std::round(value * scale) / scale;
  return out == 0 ? 0.0 : out;
}

bool IsCountUnit(std::string_view unit) { return unit == "家" || unit == "个" || unit == "人"; }

}  // namespace

std::string Fixed(double value, int digits) {
  const double rounded = Rounded(value, digits);
  const std::string text = fmt::format("{:.{}f}", std::abs(rounded), digits);
  const std::size_t whole = std::min(text.find('.'), text.size());
  // Thousands separators in the whole part (hand-written: fmt's {:L} needs a C++ locale).
  std::string out = rounded < 0 ? "-" : "";
  for (std::size_t i = 0; i < whole; ++i) {
    if (i > 0 && (whole - i) % 3 == 0) out += ',';
    out += text[i];
  }
  out.append(text, whole, std::string::npos);
  return out;
}

std::string Money(std::optional<double> wan, Language language) {
  if (!wan) return kMissing;
  if (language == Language::kZh) {
    if (std::abs(*wan) >= 1e4) return Fixed(*wan / 1e4, 1) + " 亿元";
    return Fixed(*wan, 0) + " 万元";
  }
  if (std::abs(*wan) >= 1e5) return Fixed(*wan / 1e5, 2) + " bn yuan";
  return Fixed(*wan / 100, 1) + " M yuan";
}

std::string Yi(std::optional<double> wan) { return wan ? Fixed(*wan / 1e4, 1) : kMissing; }

std::string Count(std::optional<double> n, std::string_view unit, Language language) {
  if (!n) return kMissing;
  const std::string word = text::UnitIn(language, unit);
  return word.empty() ? Fixed(*n, 0) : Fixed(*n, 0) + " " + word;
}

std::string Percent(std::optional<double> fraction, int digits) {
  return fraction ? Fixed(*fraction * 100, digits) + "%" : kMissing;
}

std::string Growth(std::optional<double> fraction) {
  if (!fraction) return kMissing;
  const std::string text = Fixed(*fraction * 100, 1) + "%";
  return Rounded(*fraction * 100, 1) > 0 ? "+" + text : text;
}

std::string Points(std::optional<double> pp, Language language) {
  if (!pp) return kMissing;
  const std::string sign = Rounded(*pp, 1) > 0 ? "+" : "";
  return sign + Fixed(*pp, 1) + (language == Language::kZh ? " 个百分点" : " pp");
}

std::string Pull(std::optional<double> pp, Language language) {
  if (!pp) return kMissing;
  const std::string sign = Rounded(*pp, 2) > 0 ? "+" : "";
  return sign + Fixed(*pp, 2) + (language == Language::kZh ? " 个百分点" : " pp");
}

std::string ChangeWords(std::optional<double> fraction, Language language) {
  if (!fraction) return kMissing;
  const double rounded = Rounded(*fraction * 100, 1);
  const bool zh = language == Language::kZh;
  if (rounded == 0) return zh ? "持平" : "unchanged";
  const std::string size = Fixed(std::abs(rounded), 1) + "%";
  if (zh) return (rounded > 0 ? "增长" : "下降") + size;
  return (rounded > 0 ? "up " : "down ") + size;
}

std::string PointsWords(std::optional<double> pp, Language language) {
  if (!pp) return kMissing;
  const double rounded = Rounded(*pp, 1);
  const bool zh = language == Language::kZh;
  if (rounded == 0) return zh ? "持平" : "unchanged";
  const std::string size = Fixed(std::abs(rounded), 1);
  if (zh) return (rounded > 0 ? "提高" : "下降") + size + "个百分点";
  return (rounded > 0 ? "up " : "down ") + size + " pp";
}

std::string YearToDate(core::Period period, Language language) {
  const auto month = static_cast<std::size_t>(period.month - 1);
  if (language == Language::kZh) {
    return period.month == 1 ? fmt::format("{}年1月", period.year)
                             : fmt::format("{}年1—{}月", period.year, period.month);
  }
  return period.month == 1 ? fmt::format("Jan {}", period.year)
                           : fmt::format("Jan–{} {}", kMonthsEn[month], period.year);
}

std::string Month(core::Period period, Language language) {
  if (language == Language::kZh) return fmt::format("{}年{}月", period.year, period.month);
  return fmt::format("{} {}", kMonthsEn[static_cast<std::size_t>(period.month - 1)], period.year);
}

std::string Status(std::string_view status, Language language) {
  if (status == "ahead") return text::kStatusAhead.In(language);
  if (status == "green") return text::kStatusOnTrack.In(language);
  if (status == "amber") return text::kStatusWatch.In(language);
  if (status == "red") return text::kStatusBehind.In(language);
  if (status == "withheld") return text::kStatusWithheld.In(language);
  return text::kStatusNoData.In(language);
}

std::string InUnit(std::optional<double> value, std::string_view unit, Language language) {
  if (!value) return kMissing;
  if (unit == "%") return Fixed(*value, 1) + "%";
  if (IsCountUnit(unit)) return Count(value, unit, language);
  if (unit == "亿元") return Money(*value * 1e4, language);
  if (unit == "万元") return Money(*value, language);
  const std::string word = text::UnitIn(language, unit);
  return word.empty() ? Fixed(*value, 1) : Fixed(*value, 1) + " " + word;
}

}  // namespace clusterscope::report::numbers
