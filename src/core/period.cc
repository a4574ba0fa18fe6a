// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/core/period.h"

#include <fmt/format.h>

#include "clusterscope/core/text.h"

namespace clusterscope::core {

Result<Period> Period::Parse(std::string_view text) {
  Period period;
  bool parsed = false;
  constexpr std::string_view kYear = "年";
  constexpr std::string_view kMonth = "月";
  if (text.size() >= 6 && (text[4] == '-' || text[4] == '/' || text[4] == '.')) {
    std::string_view month = text.substr(5);
    // A full date (an Excel date cell) names its month.
    if (const auto second = month.find(text[4]); second != std::string_view::npos) {
      int day = 0;
      if (!ParseInteger(month.substr(second + 1), day) || day < 1 || day > 31) {
        return Error(Status::InvalidArgument(
            fmt::format("'{}' is not a reporting month; write YYYY-MM", text)));
      }
      month = month.substr(0, second);
    }
    parsed = ParseInteger(text.substr(0, 4), period.year) && ParseInteger(month, period.month);
  } else if (text.size() == 6) {
    parsed =
        ParseInteger(text.substr(0, 4), period.year) && ParseInteger(text.substr(4), period.month);
  } else if (text.size() > 4 + kYear.size() && text.substr(4, kYear.size()) == kYear &&
             text.ends_with(kMonth)) {
    const auto month =
        text.substr(4 + kYear.size(), text.size() - 4 - kYear.size() - kMonth.size());
    parsed = ParseInteger(text.substr(0, 4), period.year) && ParseInteger(month, period.month);
  }
  if (!parsed || period.month < 1 || period.month > 12 || period.year < 1900 ||
      period.year > 2200) {
    return Error(
        Status::InvalidArgument(fmt::format("'{}' is not a reporting month; write YYYY-MM", text)));
  }
  return period;
}

std::string Period::ToString() const { return fmt::format("{:04}-{:02}", year, month); }

}  // namespace clusterscope::core
