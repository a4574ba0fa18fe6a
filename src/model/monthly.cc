// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/model/monthly.h"

namespace clusterscope::model {

const std::array<MeasureInfo, kMeasureCount>& Measures() {
  static constexpr std::array<MeasureInfo, kMeasureCount> kMeasures = {{
      {Measure::kOutputValue, "output_value", "工业总产值", "万元", true, false,
       "output_value_prior"},
      {Measure::kValueAdded, "value_added", "工业增加值", "万元", true, true, "value_added_prior"},
      {Measure::kRevenue, "revenue", "营业收入", "万元", true, false, "revenue_prior"},
      {Measure::kProfit, "profit", "利润总额", "万元", true, true, "profit_prior"},
      {Measure::kRdExpense, "rd_expense", "研发费用", "万元", true, false, "rd_expense_prior"},
      {Measure::kNewProductRevenue, "new_product_revenue", "新产品收入", "万元", true, false,
       "new_product_revenue_prior"},
      {Measure::kExportValue, "export_value", "出口交货值", "万元", true, false,
       "export_value_prior"},
      {Measure::kEnergyTce, "energy_tce", "综合能源消费量", "吨标准煤", false, false,
       "energy_tce_prior"},
      {Measure::kEmployees, "employees", "期末从业人员", "人", false, false, ""},
  }};
  return kMeasures;
}

const MeasureInfo& InfoOf(Measure measure) { return Measures()[static_cast<std::size_t>(measure)]; }

}  // namespace clusterscope::model
