// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "import_profiles.h"

#include <optional>
#include <string>

#include <fmt/format.h>

namespace clusterscope::storage::sqlite {
namespace {

// The stored text of profile `name`, if there is one.
Result<std::optional<std::string>> Body(Connection& db, std::string_view name) {
  auto stmt = db.Prepare("SELECT body FROM import_profile WHERE name = ?");
  if (!stmt) return Error(stmt.error());
  stmt->Bind(1, name);
  auto row = stmt->Step();
  if (!row) return Error(row.error());
  if (!*row) return std::optional<std::string>();
  return std::optional<std::string>(stmt->Text(0));
}

}  // namespace

Status PutImportProfile(Connection& db, const StoredImportProfile& profile, std::string_view at,
                        std::string_view actor, const AuditFn& audit) {
  auto before = Body(db, profile.name);
  if (!before) return before.error();
  if (*before == profile.body) return Status::Ok();
  auto put = db.Prepare(
      "INSERT INTO import_profile (name, kind, body, saved_at, saved_by) VALUES (?, ?, ?, ?, ?) "
      "ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, body = excluded.body, saved_at = "
      "excluded.saved_at, saved_by = excluded.saved_by");
  if (!put) return put.error();
  put->Bind(1, profile.name).Bind(2, profile.kind).Bind(3, profile.body);
  put->Bind(4, at).Bind(5, actor);
  CLUSTERSCOPE_RETURN_IF_ERROR(put->Run());
  return audit(*before ? "update" : "insert", "import_profile", profile.name, "body", *before,
               profile.body);
}

Status DeleteImportProfile(Connection& db, std::string_view name, const AuditFn& audit) {
  auto before = Body(db, name);
  if (!before) return before.error();
  if (!*before) return Status::NotFound(fmt::format("no import profile '{}'", name));
  auto stmt = db.Prepare("DELETE FROM import_profile WHERE name = ?");
  if (!stmt) return stmt.error();
  stmt->Bind(1, name);
  CLUSTERSCOPE_RETURN_IF_ERROR(stmt->Run());
  return audit("delete", "import_profile", name, "body", *before, std::nullopt);
}

Result<std::vector<StoredImportProfile>> ListImportProfiles(Connection& db) {
  auto stmt =
      db.Prepare("SELECT name, kind, body, saved_at, saved_by FROM import_profile ORDER BY name");
  if (!stmt) return Error(stmt.error());
  std::vector<StoredImportProfile> out;
  CLUSTERSCOPE_RETURN_IF_ERROR(ForEachRow(*stmt, [&] {
    out.push_back({stmt->Text(0), stmt->Text(1), stmt->Text(2), stmt->Text(3), stmt->Text(4)});
  }));
  return out;
}

}  // namespace clusterscope::storage::sqlite
