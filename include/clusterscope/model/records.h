// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The records the system of record keeps about its data, as plain values: the audit log, the
// versions of an enterprise's months, what a write did, and the filters that ask for them.
// Storage fills them, the application layer passes them on, the renderers print them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "clusterscope/core/date.h"
#include "clusterscope/core/period.h"
#include "clusterscope/model/import_report.h"
#include "clusterscope/model/monthly.h"

namespace clusterscope::model {

struct AuditEntry {
  std::int64_t id = 0;
  std::string at;      // UTC, "2026-11-29T16:20:55Z"
  std::string actor;   // who made the change
  std::string action;  // "insert", "update", "delete", "export"
  std::string entity;  // "enterprise", "enterprise_scale", "designation", "system"
  std::string entity_key;
  std::string field;
  std::optional<std::string> old_value;
  std::optional<std::string> new_value;
  std::optional<std::int64_t> batch_id;
};

struct AuditFilter {
  std::string entity;      // or empty
  std::string entity_key;  // or empty
  std::size_t limit = 0;   // newest first; 0: all
};

// The current value of an enterprise-month and the batch that wrote it.
struct MonthlyFact {
  MonthlyRecord record;
  std::int64_t batch_id = 0;
};

// An earlier value of an enterprise-month: written by `batch_id`, replaced by `replaced_by`.
struct MonthlyRevision {
  MonthlyRecord record;
  std::int64_t batch_id = 0;
  std::int64_t replaced_by = 0;
};

// Every stored version of an enterprise's months, with the batches that wrote them.
struct MonthlyHistory {
  std::vector<MonthlyFact> current;
  std::vector<MonthlyRevision> revisions;
  std::vector<ImportBatch> batches;  // all batches, for file, time and user
};

// What the monthly statistics hold.
struct MonthlyCoverage {
  std::int64_t rows = 0;
  std::int64_t enterprises = 0;  // with at least one month
  std::optional<core::Period> first, last;
};

struct UndoResult {
  std::int64_t restored = 0;  // enterprise-months given back their earlier values
  std::int64_t removed = 0;   // enterprise-months the batch had added
};

// What a put did.
enum class Change { kUnchanged = 0, kInserted = 1, kUpdated = 2 };

struct EnterpriseFilter {
  std::string cluster;                // cluster code, or empty for any
  std::string park;                   // park code, or empty
  std::string town;                   // town code, or empty
  std::string industry_prefix;        // class or prefix ("38"), or empty
  std::string name_contains;          // substring of the name, or empty
  std::optional<int> above_scale_in;  // only enterprises above scale in this year
  std::size_t limit = 0;              // 0: no limit
};

struct DesignationFilter {
  std::string uscc;  // or empty
  std::string type;  // DesignationType::code, or empty
  std::optional<core::Date> active_on;
};

struct QualityFilter {
  std::optional<core::Period> period;
  std::string status;  // "open", "confirmed", "superseded", or empty for any
  std::string rule;    // or empty
  std::string uscc;    // or empty
};

}  // namespace clusterscope::model
