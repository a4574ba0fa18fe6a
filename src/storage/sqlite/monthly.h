// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Monthly facts and their revisions in the SQLite backend (tables of migration 0002). Called by
// the SQLite Store and Transaction inside their transaction; private to the backend.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "connection.h"

#include "clusterscope/storage/store.h"

namespace clusterscope::storage::sqlite {

// Writes `record` as the current value for `batch_id`, moving the value it replaces to
// monthly_revision. kUnchanged (and nothing written) when the values are the same.
Result<Change> PutMonthlyFact(Connection& db, const model::MonthlyRecord& record,
                              std::int64_t batch_id);

// See Transaction::UndoBatch. `at` and `actor` mark the batch as undone.
Result<UndoResult> UndoMonthlyBatch(Connection& db, std::int64_t batch_id, std::string_view at,
                                    std::string_view actor);

Result<std::vector<MonthlyFact>> ListMonthlyFacts(Connection& db, std::string_view uscc,
                                                  std::optional<core::Period> period);
Result<std::vector<MonthlyRevision>> ListMonthlyRevisions(Connection& db, std::string_view uscc,
                                                          std::optional<core::Period> period);

Result<std::vector<MonthlyFact>> ListMonthlyFactsBetween(Connection& db, core::Period from,
                                                         core::Period to);

Result<MonthlyCoverage> MonthlySummary(Connection& db);

Status PutQualityWarnings(Connection& db, const std::vector<model::QualityWarning>& warnings,
                          std::int64_t batch_id);
Status ConfirmQualityWarning(Connection& db, std::int64_t id, std::string_view note,
                             std::string_view at, std::string_view actor);
Result<std::vector<model::QualityWarning>> ListQualityWarnings(Connection& db,
                                                               const QualityFilter& filter);

}  // namespace clusterscope::storage::sqlite
