// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "users.h"

#include <fmt/format.h>

namespace clusterscope::storage::sqlite {
namespace {

model::User Row(const Statement& stmt) {
  model::User u;
  u.name = stmt.Text(0);
  u.role = model::ParseRole(stmt.Text(1)).value_or(model::Role::kViewer);
  u.park = stmt.Text(2);
  u.password_hash = stmt.Text(3);
  u.created_at = stmt.Text(4);
  return u;
}

}  // namespace

Result<std::optional<model::User>> GetUser(Connection& db, std::string_view name) {
  auto stmt =
      db.Prepare("SELECT name, role, park, password_hash, created_at FROM app_user WHERE name = ?");
  if (!stmt) return Error(stmt.error());
  stmt->Bind(1, name);
  auto row = stmt->Step();
  if (!row) return Error(row.error());
  if (!*row) return std::optional<model::User>();
  return std::optional<model::User>(Row(*stmt));
}

Result<std::vector<model::User>> ListUsers(Connection& db) {
  auto stmt =
      db.Prepare("SELECT name, role, park, password_hash, created_at FROM app_user ORDER BY name");
  if (!stmt) return Error(stmt.error());
  std::vector<model::User> out;
  CLUSTERSCOPE_RETURN_IF_ERROR(ForEachRow(*stmt, [&] { out.push_back(Row(*stmt)); }));
  return out;
}

Result<Change> PutUser(Connection& db, const model::User& user, std::string_view at,
                       const AuditFn& audit) {
  auto before = GetUser(db, user.name);
  if (!before) return Error(before.error());
  const std::string role(model::RoleName(user.role));
  if (*before && (*before)->role == user.role && (*before)->park == user.park &&
      (*before)->password_hash == user.password_hash) {
    return Change::kUnchanged;
  }
  auto put = db.Prepare(
      "INSERT INTO app_user (name, role, park, password_hash, created_at) VALUES (?, ?, ?, ?, ?) "
      "ON CONFLICT (name) DO UPDATE SET role = excluded.role, park = excluded.park, "
      "password_hash = excluded.password_hash");
  if (!put) return Error(put.error());
  put->Bind(1, user.name).Bind(2, role).Bind(3, user.park).Bind(4, user.password_hash);
  put->Bind(5, at);
  CLUSTERSCOPE_RETURN_IF_ERROR(put->Run());
  const char* action = *before ? "update" : "insert";
  const auto old_role =
      *before ? std::optional<std::string>(model::RoleName((*before)->role)) : std::nullopt;
  if (old_role != role) {
    CLUSTERSCOPE_RETURN_IF_ERROR(audit(action, "user", user.name, "role", old_role, role));
  }
  const auto old_park = *before ? NonEmpty((*before)->park) : std::nullopt;
  if (old_park != NonEmpty(user.park)) {
    CLUSTERSCOPE_RETURN_IF_ERROR(
        audit(action, "user", user.name, "park", old_park, NonEmpty(user.park)));
  }
  if (!*before || (*before)->password_hash != user.password_hash) {
    CLUSTERSCOPE_RETURN_IF_ERROR(
        audit(action, "user", user.name, "password", std::nullopt, std::string("set")));
  }
  return *before ? Change::kUpdated : Change::kInserted;
}

Status DeleteUser(Connection& db, std::string_view name, const AuditFn& audit) {
  auto before = GetUser(db, name);
  if (!before) return before.error();
  if (!*before) return Status::NotFound(fmt::format("no user '{}'", name));
  auto stmt = db.Prepare("DELETE FROM app_user WHERE name = ?");
  if (!stmt) return stmt.error();
  stmt->Bind(1, name);
  CLUSTERSCOPE_RETURN_IF_ERROR(stmt->Run());
  return audit("delete", "user", name, "role", std::string(model::RoleName((*before)->role)),
               std::nullopt);
}

}  // namespace clusterscope::storage::sqlite
