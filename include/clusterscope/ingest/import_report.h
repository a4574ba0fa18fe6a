// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// ImportReport and ImportOptions are plain model values (model/import_report.h); ingest fills
// the report and reads the options.
#pragma once

#include "clusterscope/model/import_report.h"

namespace clusterscope::ingest {

using model::ImportOptions;
using model::ImportReport;
using model::MoneyUnit;
using model::RowIssue;

}  // namespace clusterscope::ingest
