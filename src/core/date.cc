// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/core/date.h"

#include <algorithm>
#include <chrono>

#include <fmt/format.h>

#include "clusterscope/core/text.h"

namespace clusterscope::core {

Result<Date> Date::Parse(std::string_view text) {
  const auto bad = [&](std::string_view why) {
    return Error(Status::InvalidArgument(
        fmt::format("'{}' is not a date ({}); write YYYY-MM-DD", text, why)));
  };
  if (text.size() < 8 || text.size() > 10) return bad("wrong length");
  const char sep = text[4];
  if (sep != '-' && sep != '/' && sep != '.') return bad("no separator after the year");
  const auto second = text.find(sep, 5);
  if (second == std::string_view::npos) return bad("no separator after the month");
  Date date;
  if (!ParseInteger(text.substr(0, 4), date.year) ||
      !ParseInteger(text.substr(5, second - 5), date.month) ||
      !ParseInteger(text.substr(second + 1), date.day)) {
    return bad("non-digit in year, month or day");
  }
  const std::chrono::year_month_day ymd{std::chrono::year(date.year),
                                        std::chrono::month(static_cast<unsigned>(date.month)),
                                        std::chrono::day(static_cast<unsigned>(date.day))};
  if (date.year < 1900 || date.year > 2200) return bad("year outside 1900-2200");
  if (!ymd.ok()) return bad("no such day in the calendar");
  return date;
}

Date Date::LastOfMonth(int year, int month) {
  const std::chrono::year_month_day_last last{std::chrono::year(year) /
                                              std::chrono::month(static_cast<unsigned>(month)) /
                                              std::chrono::last};
  return {year, month, static_cast<int>(static_cast<unsigned>(last.day()))};
}

Date Date::Today() {
  const std::chrono::year_month_day today{
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  return {static_cast<int>(today.year()), static_cast<int>(static_cast<unsigned>(today.month())),
          static_cast<int>(static_cast<unsigned>(today.day()))};
}

Date Date::AddMonths(int months) const {
  const int index = year * 12 + (month - 1) + months;
  Date out = LastOfMonth(index / 12, index % 12 + 1);
  out.day = std::min(day, out.day);
  return out;
}

std::string Date::ToString() const { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }

}  // namespace clusterscope::core
