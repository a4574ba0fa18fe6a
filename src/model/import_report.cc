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

std::optional<MoneyUnit> ParseMoneyUnit(std::string_view text) {
  if (text == "yuan" || text == "元") return MoneyUnit::kYuan;
  if (text == "qian" || text == "千元") return MoneyUnit::kQian;
  if (text == "wan" || text == "万元") return MoneyUnit::kWan;
  if (text == "yi" || text == "亿元") return MoneyUnit::kYi;
  return std::nullopt;
}

std::string_view MoneyUnitName(MoneyUnit unit) {
  switch (unit) {
    case MoneyUnit::kYuan:
      return "元";
    case MoneyUnit::kQian:
      return "千元";
    case MoneyUnit::kWan:
      return "万元";
    case MoneyUnit::kYi:
      return "亿元";
  }
  return "";
}

}  // namespace clusterscope::model
