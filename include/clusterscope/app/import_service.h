// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Imports: the one catalogue of the kinds of interchange file (name, columns, who may upload)
// that the command line, the HTTP server and the dashboard all read, and the import of each
// kind under the access rules (a park editor's file must be about its own park's enterprises).
// Also undoing a monthly batch and the data-quality warnings an import leaves.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clusterscope/app/access.h"
#include "clusterscope/app/service.h"
#include "clusterscope/core/status.h"
#include "clusterscope/model/import_report.h"
#include "clusterscope/model/quality.h"
#include "clusterscope/model/records.h"
#include "clusterscope/model/user.h"

namespace clusterscope::app {

// Who may upload a kind of file.
enum class Uploaders {
  kEditors,   // admins, analysts, and park editors for their own park's enterprises
  kAnalysts,  // admins and analysts
  kOperator,  // the command line only (files that change the analytics' ground)
};

// Options of the command line only some kinds take.
struct ImportKindOptions {
  bool year = false;  // --year: the year above_scale describes (enterprises)
  bool unit = false;  // --unit, --cumulative and the audit's thresholds (monthly)
  bool name = false;  // --name: the benchmark's name (matrix)
};

struct ImportKind {
  std::string_view name;         // "enterprises", the command's and the route's word
  std::string_view label_zh;     // 企业名录
  std::string_view label_en;     // enterprises
  std::string_view description;  // for --help: the columns and what the file is for
  Uploaders uploaders;
  ImportKindOptions options;
  std::vector<std::string> columns;  // canonical column names, required ones first
  std::vector<std::string> required;
  std::vector<std::string> headers_zh;            // per column, its Chinese header
  std::vector<std::vector<std::string>> aliases;  // per column, every other header it takes
};

// Every kind of interchange file, in the order the command line lists them.
const std::vector<ImportKind>& ImportKinds();
// The kind named `name`, or nullptr.
const ImportKind* FindImportKind(std::string_view name);
// Whether `role` may upload `kind` at all (a park editor then only its park's rows).
bool MayUpload(model::Role role, const ImportKind& kind);
// An empty file of `kind` to fill in, in `format` "csv" (UTF-8 with a byte-order mark, so that
// Excel opens it right: the Chinese headers) or "xlsx" (a sheet with the Chinese headers and a
// sheet 说明 with each column's name, whether it is required and the other headers it takes).
Result<std::string> ImportTemplate(const ImportKind& kind, std::string_view format);

// A profile as the TOML an analyst edits and `SaveProfileToml` reads.
std::string ImportProfileToml(const model::ImportProfile& profile);

class ImportService : public Service {
 public:
  using Service::Service;

  // Imports `path` as a file of `kind` (ImportKinds()): all or nothing unless
  // options.skip_invalid. PermissionDenied if the caller may not upload it, or (a park editor)
  // if a row is about an enterprise of another park; NotFound for an unknown kind.
  Result<model::ImportReport> Import(std::string_view kind, const std::string& path,
                                     model::ImportOptions options);

  // Import profiles (model::ImportProfile): a saved way of reading one source's files, named,
  // applied by options.profile. Saving and deleting one takes an admin or analyst over HTTP.
  // Reads `path` as a file of `kind` and saves how it was read under `name`: the header's row
  // and levels, every column's meaning, the basis and unit the file states, the sheet read.
  // `columns` names columns the headers do not ("header as in the file" -> column, "" to leave
  // one out); InvalidArgument naming every column still unknown (unless
  // options.ignore_unknown_columns, which leaves them out).
  Result<model::ImportProfile> SaveProfileFrom(
      const std::string& name, std::string_view kind, const std::string& path,
      const model::ImportOptions& options,
      const std::vector<std::pair<std::string, std::string>>& columns);
  // Saves a profile written or edited as TOML (ImportProfileToml's form), under `name` when one
  // is given, else the name it states; InvalidArgument naming `source`, the line and the problem.
  Result<model::ImportProfile> SaveProfileToml(const std::string& text, const std::string& source,
                                               const std::string& name = {});
  // The same, from a TOML file.
  Result<model::ImportProfile> SaveProfileTomlFile(const std::string& path,
                                                   const std::string& name = {});
  Result<std::vector<model::ImportProfile>> Profiles();
  // NotFound naming the profiles there are.
  Result<model::ImportProfile> Profile(std::string_view name);
  Status DeleteProfile(std::string_view name);

  // Reverts a monthly import batch: its values give way to the ones they had replaced.
  Result<model::UndoResult> Undo(std::int64_t batch_id);
  // The data-quality warnings matching `filter` (kQuality).
  Result<std::vector<model::QualityWarning>> QualityWarnings(const Grant& grant,
                                                             const model::QualityFilter& filter);
  // Marks a data-quality warning confirmed (the figure is right), with the analyst's note.
  Status ConfirmQualityWarning(std::int64_t id, const std::string& note);

 private:
  // The row check of a park editor's upload: PermissionDenied naming the first row of `path`
  // about an enterprise outside the caller's park.
  model::ImportOptions::CheckRow ParkScope(const std::string& path,
                                           const model::ImportOptions& options);
  // A benchmark region x industry matrix, kept under options.benchmark (default: the file's
  // stem). Checked whole: InvalidArgument naming every bad row. A re-import keeps what it
  // changes as revisions.
  // The import of one kind, once who may and how the file is read are settled.
  Result<model::ImportReport> ImportKindFile(const ImportKind& kind, const std::string& path,
                                             const model::ImportOptions& options);
  Result<model::ImportReport> ImportMatrix(const std::string& path,
                                           const model::ImportOptions& options);
  // PermissionDenied unless the caller may change profiles.
  Status MayChangeProfiles() const;
  Status PutProfile(const model::ImportProfile& profile);
};

}  // namespace clusterscope::app
