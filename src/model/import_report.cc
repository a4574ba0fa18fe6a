// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/model/import_report.h"

#include <fmt/format.h>

namespace clusterscope::model {

std::string RowIssue::ToString() const {
  std::string out = sheet.empty() ? fmt::format("{}:{}: ", file, line)
                                  : fmt::format("{} [sheet {}] row {}: ", file, sheet, line);
  if (!column.empty()) out += fmt::format("column '{}' value '{}': ", column, value);
  out += fmt::format("{} [{}]", message.en, rule);
  return out;
}

}  // namespace clusterscope::model
