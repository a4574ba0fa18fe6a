// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Turning named cells into registry records: the one place that knows how an analyst writes a
// credit code, a yes/no, a date, a park or a town, and which rule each mistake breaks. Used by
// the file imports (one row at a time) and by the command line (one record from its options).
// Pure functions.
#pragma once

#include <array>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clusterscope/model/cluster_system.h"
#include "clusterscope/model/designation.h"
#include "clusterscope/model/enterprise.h"
#include "clusterscope/model/import_report.h"
#include "clusterscope/model/monthly.h"

namespace clusterscope::ingest {

using model::CellIssue;
using model::Cells;

struct ParsedRecord {
  std::vector<CellIssue> errors;    // any error rejects the record
  std::vector<CellIssue> warnings;  // kept, reported
};

// The issue with a credit-code cell: credit_code_format (not a code at all) or
// credit_code_check (a typo in a check character); nullopt when valid.
std::optional<CellIssue> CheckCreditCode(std::string_view column, std::string_view code);

struct ParsedEnterprise : ParsedRecord {
  model::Enterprise enterprise;
};

// Builds the enterprise a row describes. `existing` is the stored record or null: columns absent
// from `cells` keep its values, an empty cell clears an optional field. The above_scale cell
// describes `year`. The cluster is the given one, or derived from the class mapping (a conflict
// or an unmapped class is a warning).
ParsedEnterprise ParseEnterpriseCells(const Cells& cells, const model::Enterprise* existing,
                                      const model::ClusterSystem& system, int year);

struct ParsedDesignation : ParsedRecord {
  model::Designation designation;
};

// Builds the designation a row describes (uscc, designation as code or Chinese name, granted,
// withdrawn, level, note). `find_existing` returns the stored designation with the same key or
// null; columns absent from `cells` keep its values.
using FindDesignation = std::function<const model::Designation*(
    const std::string& uscc, const std::string& type, const core::Date& granted)>;
ParsedDesignation ParseDesignationCells(const Cells& cells, const model::ClusterSystem& system,
                                        const FindDesignation& find_existing);

// The cells of one monthly row, by position (monthly files run to millions of rows: no map).
struct MonthlyCells {
  std::string_view uscc;
  std::string_view period;
  std::array<std::optional<std::string_view>, model::kMeasureCount> measures;  // nullopt: no column
  std::array<std::optional<std::string_view>, model::kMeasureCount> priors;  // 上年同期, likewise
  std::optional<std::string_view> status;  // 生产状态: 正常 or 停产; nullopt: no column
};

struct ParsedMonthly : ParsedRecord {
  std::string_view uscc;  // the cell's text
  core::Period period;
  std::array<std::optional<double>, model::kMeasureCount> values;
  std::array<std::optional<double>, model::kMeasureCount> prior;
};

// Builds one enterprise-month from its cells into `out` (reused from row to row). Money cells
// are in 10^money_exponent 万元 (-1 for 千元), shifted as decimals: the same figure in 千元 and
// in 万元 gives the same double. Rules: the required cells, the credit code
// (skipped when `uscc_checked`: the row before had the same one), the period, numbers, no
// negative output, revenue, R&D, new-product revenue, exports, energy or headcount, and value
// added not above output; the prior-year figures by the same rules of number and sign. An
// enterprise reporting production stopped (status 停产) with no output has output zero: it
// stays in the frame with its base.
void ParseMonthlyCells(const MonthlyCells& cells, int money_exponent, bool uscc_checked,
                       ParsedMonthly& out);

}  // namespace clusterscope::ingest
