// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Monthly enterprise statistics: the measures an above-scale enterprise reports each month and
// one enterprise-month record of them. Money is held in 万元 (10,000 yuan), energy in tonnes of
// standard coal, employees as a headcount. A missing measure is empty, never zero. Plain values.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clusterscope/core/period.h"

namespace clusterscope::model {

enum class Measure {
  kOutputValue = 0,    // 工业总产值, current prices
  kValueAdded,         // 工业增加值
  kRevenue,            // 营业收入
  kProfit,             // 利润总额 (may be negative)
  kRdExpense,          // 研发费用
  kNewProductRevenue,  // 新产品收入
  kExportValue,        // 出口交货值
  kEnergyTce,          // 综合能源消费量, tonnes of standard coal
  kEmployees,          // 期末从业人员, headcount at month end
};
inline constexpr std::size_t kMeasureCount = 9;

struct MeasureInfo {
  Measure measure;
  std::string_view column;        // interchange column and storage column, "output_value"
  std::string_view name_zh;       // "工业总产值"
  std::string_view unit;          // "万元", "吨标准煤", "人"
  bool money;                     // converted by --unit
  bool may_be_negative;           // profit, value added
  std::string_view prior_column;  // its prior-year figure's column, "output_value_prior"; empty
                                  // for the headcount (HasPrior)
};

// All measures, in Measure order.
const std::array<MeasureInfo, kMeasureCount>& Measures();
const MeasureInfo& InfoOf(Measure measure);

// Whether the forms carry a figure of the same period last year (上年同期) for the measure:
// every flow does; the headcount, a stock, does not.
constexpr bool HasPrior(Measure measure) { return measure != Measure::kEmployees; }

struct MonthlyRecord {
  std::string uscc;
  core::Period period;
  std::array<std::optional<double>, kMeasureCount> values;  // by Measure
  // The enterprise's own figure for the same month last year as it reported it with this one
  // (上年同期): the base of growth before any stored figure of a year earlier. Flows only.
  std::array<std::optional<double>, kMeasureCount> prior;

  std::optional<double>& operator[](Measure m) { return values[static_cast<std::size_t>(m)]; }
  const std::optional<double>& operator[](Measure m) const {
    return values[static_cast<std::size_t>(m)];
  }
};

// A price index of one industry division for one month, with the same month of last year = 100
// (工业生产者出厂价格指数 by division, as the statistics bureau publishes it): what turns
// value added at current prices into value added at last year's prices.
struct PriceIndex {
  std::string division;  // 2-digit GB/T 4754-2017 division, "26"
  core::Period period;
  double index = 100;
};

}  // namespace clusterscope::model
