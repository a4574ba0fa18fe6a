// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The chain work's imports (docs/file_formats.md): investment projects (one row per phase),
// supplier relations and outside enterprises to attract. Like every import, each row is checked
// first and all valid rows are written in one audited batch, or nothing.
#pragma once

#include <string>
#include <vector>

#include "clusterscope/core/status.h"
#include "clusterscope/ingest/import_report.h"
#include "clusterscope/ingest/table_file.h"
#include "clusterscope/model/chain.h"
#include "clusterscope/model/cluster_system.h"
#include "clusterscope/storage/store.h"

namespace clusterscope::ingest {

const std::vector<ColumnSpec>& ProjectColumns();
const std::vector<ColumnSpec>& RelationColumns();
const std::vector<ColumnSpec>& ProspectColumns();

// Projects, one row per phase: the project's own columns repeat on each of its rows and must
// agree. A project already stored moves to the file's stage by the pipeline's rules (forwards
// one stage at a time, or with a reason in the `reason` column), the move kept in its history.
// Clusters, parks, chains and links must exist; a capacity needs its unit; dates in order.
Result<ImportReport> ImportProjects(storage::Store& store, const model::ClusterSystem& system,
                                    const model::ChainPlan* chains, const std::string& path,
                                    const ImportOptions& options);

// Purchases (buyer, supplier, period YYYY or YYYY-MM, value 万元): buyers must be registered;
// suppliers may be anywhere (a valid credit code).
Result<ImportReport> ImportRelations(storage::Store& store, const std::string& path,
                                     const ImportOptions& options);

// Outside enterprises (uscc, name, industry_code, region, revenue 万元, products); one already
// in the registry is accepted with a warning (it is local).
Result<ImportReport> ImportProspects(storage::Store& store, const std::string& path,
                                     const ImportOptions& options);

}  // namespace clusterscope::ingest
