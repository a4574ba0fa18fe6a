// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Renderers of monthly statistics: an enterprise's months with every earlier version and the
// import batch (file, time, user) behind each value. Pure functions.
#pragma once

#include <string>
#include <vector>

#include "clusterscope/core/message.h"
#include "clusterscope/model/records.h"

namespace clusterscope::report {

std::string HistoryText(const std::vector<model::MonthlyFact>& current,
                        const std::vector<model::MonthlyRevision>& revisions,
                        const std::vector<model::ImportBatch>& batches);
std::string HistoryJson(const std::vector<model::MonthlyFact>& current,
                        const std::vector<model::MonthlyRevision>& revisions,
                        const std::vector<model::ImportBatch>& batches);

// The messages in `language`.
std::string QualityWarningsText(const std::vector<model::QualityWarning>& warnings,
                                core::Language language);
std::string QualityWarningsJson(const std::vector<model::QualityWarning>& warnings,
                                core::Language language);
// One line per rule with its count, for the end of an import.
std::string QualitySummaryText(const std::vector<model::QualityWarning>& warnings);

}  // namespace clusterscope::report
