// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Turning named cells into registry records: the one place that knows how an analyst writes a
// credit code, a yes/no, a date, a park or a town, and which rule each mistake breaks. Used by
// the file imports (one row at a time) and by the command line (one record from its options).
// Pure functions.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "clusterscope/model/cluster_system.h"
#include "clusterscope/model/designation.h"
#include "clusterscope/model/enterprise.h"
#include "clusterscope/model/monthly.h"

namespace clusterscope::ingest {

// Cells by canonical column name ("uscc", "park", ...). A column that is absent is not in the
// map; an empty cell is an empty string.
using Cells = std::map<std::string, std::string, std::less<>>;

struct CellIssue {
  std::string column;  // canonical column name, or empty for the record as a whole
  std::string rule;    // stable rule id (see docs/file_formats.md)
  std::string message;
};

struct ParsedRecord {
  std::vector<CellIssue> errors;    // any error rejects the record
  std::vector<CellIssue> warnings;  // kept, reported
};

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

struct ParsedMonthly : ParsedRecord {
  model::MonthlyRecord record;
};

// Builds one enterprise-month from its cells (uscc, period, the measures). Money cells are
// multiplied by `money_factor` to give 万元. Rules: the required cells, the period, numbers,
// no negative output, revenue, R&D, new-product revenue, exports, energy or headcount, and
// value added not above output.
ParsedMonthly ParseMonthlyCells(const Cells& cells, double money_factor);

}  // namespace clusterscope::ingest
