// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Date is a calendar day (founding dates, designation grant and withdrawal). A plain value
// type; ordering is chronological.
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "clusterscope/core/status.h"

namespace clusterscope::core {

struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31, valid for the month

  // Accepts YYYY-MM-DD, YYYY/MM/DD and YYYY.MM.DD (one- or two-digit month and day), the forms
  // Excel and statistics systems export. InvalidArgument names the value and what is wrong.
  static Result<Date> Parse(std::string_view text);

  // The last day of a month.
  static Date LastOfMonth(int year, int month);
  // Today in UTC.
  static Date Today();
  // The same day `months` later (earlier if negative), clamped to the month's last day.
  Date AddMonths(int months) const;

  std::string ToString() const;  // YYYY-MM-DD
  auto operator<=>(const Date&) const = default;
};

}  // namespace clusterscope::core
