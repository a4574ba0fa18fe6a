// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The registry: enterprises, their designations, saved lists, the audit log and what the
// database holds. Reads that return enterprise rows take a Grant (access.h) and keep to its park;
// writes check that the caller may change the enterprise.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "clusterscope/app/access.h"
#include "clusterscope/app/service.h"
#include "clusterscope/core/period.h"
#include "clusterscope/core/status.h"
#include "clusterscope/model/designation.h"
#include "clusterscope/model/enterprise.h"
#include "clusterscope/model/import_report.h"
#include "clusterscope/model/quality.h"
#include "clusterscope/model/records.h"

namespace clusterscope::app {

// The outcome of writing one record from the command line.
struct WriteResult {
  model::Change change = model::Change::kUnchanged;
  std::vector<model::CellIssue> warnings;
};

// An enterprise as its profile shows it: the registry record, its designations, and every
// stored version of its monthly figures.
struct EnterpriseProfile {
  model::Enterprise enterprise;
  std::vector<model::Designation> designations;
  model::MonthlyHistory history;
};

// What the database holds, for `status`.
struct Holdings {
  std::size_t enterprises = 0;
  std::map<int, int> above_scale;  // year -> enterprises above scale
  model::MonthlyCoverage monthly;
  std::size_t designations = 0;
  std::size_t open_warnings = 0;
};

// Enterprises per cluster code.
using ClusterCounts = std::map<std::string, std::int64_t>;

class RegistryService : public Service {
 public:
  using Service::Service;

  // Adds an enterprise from named cells (see ingest::EnterpriseColumns); AlreadyExists if the
  // credit code is registered. InvalidArgument lists every problem with the cells.
  Result<WriteResult> AddEnterprise(const model::Cells& cells, int year);
  // Updates the named cells of a registered enterprise; NotFound if it is not registered.
  Result<WriteResult> UpdateEnterprise(const model::Cells& cells, int year);
  // Grants a designation (cells: uscc, designation, granted, level, note). InvalidArgument if
  // the enterprise is unknown or the cells are bad.
  Result<WriteResult> GrantDesignation(const model::Cells& cells);
  // Sets the withdrawal date of the designation held on `date`; NotFound if none is active then.
  Result<WriteResult> WithdrawDesignation(const std::string& uscc, const std::string& type,
                                          const std::string& date);

  // One enterprise (kEnterprises); NotFound if not registered, PermissionDenied outside the
  // grant's park.
  Result<model::Enterprise> Enterprise(const Grant& grant, const std::string& uscc);
  // Enterprises matching the filter (kEnterprises), within the grant's park.
  Result<std::vector<model::Enterprise>> Enterprises(const Grant& grant,
                                                     model::EnterpriseFilter filter);
  // Designations matching the filter (kEnterprises); a park editor's, of its park only.
  Result<std::vector<model::Designation>> Designations(const Grant& grant,
                                                       const model::DesignationFilter& filter);
  // The registry record, designations and monthly versions of one enterprise (kEnterprises).
  Result<EnterpriseProfile> Profile(const Grant& grant, const std::string& uscc);
  // Every stored version of an enterprise's months (kHistory); NotFound if not registered.
  Result<model::MonthlyHistory> History(const Grant& grant, const std::string& uscc,
                                        std::optional<core::Period> period);

  // Saves the list `name` from a file with a uscc column (CSV or .xlsx); the list becomes a
  // group of the monthly report. NotFound naming enterprises not in the registry.
  Result<std::size_t> SaveList(const std::string& name, const std::string& path);
  Status DeleteList(const std::string& name);
  // Saved lists: name -> credit codes.
  Result<std::map<std::string, std::vector<std::string>>> Lists();

  // The audit log (kChanges), newest first.
  Result<std::vector<model::AuditEntry>> Changes(const Grant& grant,
                                                 const model::AuditFilter& filter);
  // Enterprises per cluster: aggregates, for anyone signed in.
  Result<ClusterCounts> CountsByCluster();
  // What the database holds.
  Result<Holdings> Summary();
  // Reads every monthly fact segment whole against its checksum: (segments, bytes) checked;
  // DataLoss naming the first damaged one.
  Result<std::pair<std::int64_t, std::int64_t>> VerifyMonthly();

 private:
  Result<WriteResult> PutEnterprise(const model::Cells& cells, int year, bool must_exist);
  Result<WriteResult> PutDesignation(const model::Designation& designation,
                                     std::vector<model::CellIssue> warnings);
};

}  // namespace clusterscope::app
