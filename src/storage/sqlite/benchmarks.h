// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Benchmark matrices in the SQLite backend (migration 0011). Called by the SQLite Store and
// Transaction inside their transaction; private to the backend.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "chain_work.h"
#include "connection.h"

#include "clusterscope/storage/store.h"

namespace clusterscope::storage::sqlite {

Result<BenchmarkWrite> PutBenchmark(Connection& db, std::string_view name,
                                    const std::vector<BenchmarkCell>& cells, std::int64_t batch_id,
                                    const AuditFn& audit);
Result<std::vector<BenchmarkCell>> LoadBenchmark(Connection& db, std::string_view name);
Result<std::vector<BenchmarkSummary>> ListBenchmarks(Connection& db);

}  // namespace clusterscope::storage::sqlite
