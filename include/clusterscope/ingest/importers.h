// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The registry imports: enterprises and designations from their interchange files (see
// docs/file_formats.md) into a Store. Each import validates every row first, then writes all
// valid rows in one transaction with an import batch and audit rows, so it is all-or-nothing
// and a crash leaves the database as it was.
#pragma once

#include <string>

#include "clusterscope/core/status.h"
#include "clusterscope/ingest/import_report.h"
#include "clusterscope/ingest/table_file.h"
#include "clusterscope/model/cluster_system.h"
#include "clusterscope/model/target.h"
#include "clusterscope/storage/store.h"

namespace clusterscope::ingest {

// Column specifications of the two files, in their documented order.
const std::vector<ColumnSpec>& EnterpriseColumns();
const std::vector<ColumnSpec>& DesignationColumns();
const std::vector<ColumnSpec>& MonthlyColumns();
const std::vector<ColumnSpec>& ScaleColumns();
const std::vector<ColumnSpec>& PriceColumns();
const std::vector<ColumnSpec>& SeriesColumns();

// Imports an enterprise file. A row for an existing enterprise updates it: the columns present
// in the file are set (an empty cell clears an optional field), the others are kept. Returns
// the report; with row errors and without skip_invalid nothing is written (report.written is
// false). A non-OK result is a file-level problem (unreadable, bad header) or a storage failure.
Result<ImportReport> ImportEnterprises(storage::Store& store, const model::ClusterSystem& system,
                                       const std::string& path, const ImportOptions& options);

// Imports a designation file; every enterprise must already be in the registry.
Result<ImportReport> ImportDesignations(storage::Store& store, const model::ClusterSystem& system,
                                        const std::string& path, const ImportOptions& options);

// Imports the above-scale directory by year (规上企业名录): rows (uscc, year, above_scale) set
// each registered enterprise's status for that year, audited like any registry change.
Result<ImportReport> ImportScale(storage::Store& store, const std::string& path,
                                 const ImportOptions& options);

// Imports monthly statistics (month values, 当月). Every enterprise must be registered. An
// enterprise-month already stored is replaced and its earlier values kept as a revision of the
// new batch, which `UndoBatch` can restore.
Result<ImportReport> ImportMonthly(storage::Store& store, const std::string& path,
                                   const ImportOptions& options);

// Price indices by division and month (division, period, index; same month of last year =
// 100), for value-added growth at comparable prices. Replacing a stored index is audited.
Result<ImportReport> ImportPrices(storage::Store& store, const std::string& path,
                                  const ImportOptions& options);

// Values of the external series a target plan declares (series, period YYYY or YYYY-MM, value,
// optional source). A milestone's series takes the value 1 in the period it was reached. A
// value that replaces a stored one keeps the old as a revision.
Result<ImportReport> ImportSeries(storage::Store& store, const model::TargetPlan& plan,
                                  const std::string& path, const ImportOptions& options);

}  // namespace clusterscope::ingest
