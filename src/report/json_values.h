// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The JSON documents one renderer builds and another extends or picks from, as values: so that
// no renderer parses its own output back. Private to report.
#pragma once

#include <nlohmann/json.hpp>

#include "clusterscope/model/import_report.h"
#include "clusterscope/report/monthly_report.h"
#include "clusterscope/targets/progress.h"

namespace clusterscope::report::detail {

// The document TargetsJson writes (its keys in the order written).
nlohmann::ordered_json TargetsValue(const targets::TargetReport& report, Language language);
// The document ImportReportJson writes.
nlohmann::json ImportReportValue(const model::ImportReport& report, core::Language language);

}  // namespace clusterscope::report::detail
