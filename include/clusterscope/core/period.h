// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Period is a statistical reporting month (报告期). A plain value type, ordered in time; Index()
// numbers months consecutively so that spans and offsets are integer arithmetic.
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "clusterscope/core/status.h"

namespace clusterscope::core {

struct Period {
  int year = 0;
  int month = 0;  // 1..12

  // Accepts YYYY-MM, YYYY/MM, YYYY.MM, YYYYMM and YYYY年M月, and a date YYYY-MM-DD (its month).
  // InvalidArgument otherwise.
  static Result<Period> Parse(std::string_view text);
  static Period FromIndex(int index) { return Period{index / 12, index % 12 + 1}; }

  int Index() const { return year * 12 + (month - 1); }
  int Code() const { return year * 100 + month; }  // 202306, as stored
  static Period FromCode(int code) { return Period{code / 100, code % 100}; }
  std::string ToString() const;  // YYYY-MM
  auto operator<=>(const Period&) const = default;
};

}  // namespace clusterscope::core
