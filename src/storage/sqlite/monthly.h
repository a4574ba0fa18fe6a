// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Monthly facts in the SQLite backend: segment files (storage/facts) listed in table
// fact_segment, and the data-quality warnings. Called by the SQLite Store and Transaction
// inside their transaction; private to the backend.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../facts/fact_view.h"
#include "connection.h"

#include "clusterscope/storage/store.h"

namespace clusterscope::storage::sqlite {

// The segments of batches not undone, oldest first.
Result<facts::FactView> LiveFacts(Connection& db, facts::SegmentDirectory& dir);
// Store::FactCachePath: the key is the XXH3 of the live segments' names.
Result<std::optional<std::string>> FactCachePath(Connection& db, facts::SegmentDirectory& dir,
                                                 std::string_view kind);

// Deletes segment files that no committed batch names. Under the write lock only.
Status RemoveOrphanSegments(Connection& db, facts::SegmentDirectory& dir);

// Writes the rows of `panel` that differ from the current values as batch `batch_id`'s
// segment. `written_file` receives the segment's name (to delete it if the transaction rolls
// back).
Result<MonthlyWrite> PutMonthlyPanel(Connection& db, facts::SegmentDirectory& dir,
                                     model::MonthlyPanel panel, std::int64_t batch_id,
                                     std::string& written_file);

// See Transaction::UndoBatch. `at` and `actor` mark the batch as undone.
Result<UndoResult> UndoMonthlyBatch(Connection& db, facts::SegmentDirectory& dir,
                                    std::int64_t batch_id, std::string_view at,
                                    std::string_view actor);

Result<std::vector<MonthlyFact>> ListMonthlyFacts(const facts::FactView& view,
                                                  std::string_view uscc,
                                                  std::optional<core::Period> period);
Result<std::vector<MonthlyRevision>> ListMonthlyRevisions(const facts::FactView& view,
                                                          std::string_view uscc,
                                                          std::optional<core::Period> period);
MonthlyCoverage MonthlySummary(const facts::FactView& view);

// See Store::VerifyMonthly.
Result<std::pair<std::int64_t, std::int64_t>> VerifySegments(Connection& db,
                                                             facts::SegmentDirectory& dir);

// Migration 0004: moves monthly_fact and monthly_revision into one segment per batch and drops
// them.
Status MoveFactsToSegments(Connection& db, facts::SegmentDirectory& dir);

Status PutQualityWarnings(Connection& db, const std::vector<model::QualityWarning>& warnings,
                          std::int64_t batch_id);
Status ConfirmQualityWarning(Connection& db, std::int64_t id, std::string_view note,
                             std::string_view at, std::string_view actor);
Result<std::vector<model::QualityWarning>> ListQualityWarnings(Connection& db,
                                                               const QualityFilter& filter);

}  // namespace clusterscope::storage::sqlite
