// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Renderers of registry data for the front ends: the cluster system, enterprises, designations,
// import reports and industry look-ups, as terminal text or as JSON whose field names are a
// contract for scripts (docs/cli.md). Pure functions of their arguments.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "clusterscope/core/classification.h"
#include "clusterscope/core/message.h"
#include "clusterscope/model/cluster_system.h"
#include "clusterscope/model/designation.h"
#include "clusterscope/model/enterprise.h"
#include "clusterscope/model/import_report.h"
#include "clusterscope/model/records.h"

namespace clusterscope::report {

// Enterprise counts by cluster code, shown beside the clusters when given.
using ClusterCounts = std::map<std::string, std::int64_t>;

std::string SystemText(const model::ClusterSystem& system, const ClusterCounts& counts);
std::string SystemJson(const model::ClusterSystem& system, const ClusterCounts& counts);

std::string EnterpriseText(const model::Enterprise& enterprise, const model::ClusterSystem& system,
                           const std::vector<model::Designation>& designations);
std::string EnterpriseJson(const model::Enterprise& enterprise, const model::ClusterSystem& system,
                           const std::vector<model::Designation>& designations);
// `year` picks the above-scale column's year; 0 shows each enterprise's latest recorded year.
std::string EnterpriseListText(const std::vector<model::Enterprise>& enterprises,
                               const model::ClusterSystem& system, int year);
std::string EnterpriseListJson(const std::vector<model::Enterprise>& enterprises,
                               const model::ClusterSystem& system);

std::string DesignationListText(const std::vector<model::Designation>& designations,
                                const model::ClusterSystem& system);
std::string DesignationListJson(const std::vector<model::Designation>& designations,
                                const model::ClusterSystem& system);

std::string AuditText(const std::vector<model::AuditEntry>& entries);
std::string AuditJson(const std::vector<model::AuditEntry>& entries);

// The summary of an import with its errors and warnings, at most `max_issues` of each (0: every
// error and the first 20 warnings), and a count per rule.
std::string ImportReportText(const model::ImportReport& report, std::size_t max_issues);
// The rows' messages in `language` (the command line gives English, as its text lines).
std::string ImportReportJson(const model::ImportReport& report, core::Language language);
// An upload's answer (compact): the import's report with its data-quality audit row by row, the
// first `quality_shown` rows, the rest counted in "quality_not_shown".
std::string UploadReportJson(const model::ImportReport& report, std::size_t quality_shown,
                             core::Language language);

// A GB/T 4754-2017 code with its path (section to class), high-tech category and the system's
// cluster and categories that cover it.
std::string IndustryText(const core::IndustryEntry& entry, const model::ClusterSystem* system);
std::string IndustryJson(const core::IndustryEntry& entry, const model::ClusterSystem* system);

}  // namespace clusterscope::report
