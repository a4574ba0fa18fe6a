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
  u.generation = stmt.Int(5);
  return u;
}

}  // namespace

Result<std::optional<model::User>> GetUser(Connection& db, std::string_view name) {
  auto stmt = db.Prepare(
      "SELECT name, role, park, password_hash, created_at, generation FROM app_user "
      "WHERE name = ?");
  if (!stmt) return Error(stmt.error());
  stmt->Bind(1, name);
  auto row = stmt->Step();
  if (!row) return Error(row.error());
  if (!*row) return std::optional<model::User>();
  return std::optional<model::User>(Row(*stmt));
}

Result<std::vector<model::User>> ListUsers(Connection& db) {
  auto stmt = db.Prepare(
      "SELECT name, role, park, password_hash, created_at, generation FROM app_user "
      "ORDER BY name");
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
      "password_hash = excluded.password_hash, generation = app_user.generation + 1");
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
  for (const char* sql :
       {"DELETE FROM app_user WHERE name = ?", "DELETE FROM app_session WHERE user_name = ?"}) {
    auto stmt = db.Prepare(sql);
    if (!stmt) return stmt.error();
    stmt->Bind(1, name);
    CLUSTERSCOPE_RETURN_IF_ERROR(stmt->Run());
  }
  return audit("delete", "user", name, "role", std::string(model::RoleName((*before)->role)),
               std::nullopt);
}

Status PutSession(Connection& db, const StoredSession& session, std::int64_t now) {
  auto expired = db.Cached("DELETE FROM app_session WHERE expires_at <= ?");
  if (!expired) return expired.error();
  (*expired)->Bind(1, now);
  CLUSTERSCOPE_RETURN_IF_ERROR((*expired)->Run());
  auto put = db.Cached(
      "INSERT INTO app_session (token_hash, user_name, generation, csrf, expires_at) "
      "VALUES (?, ?, ?, ?, ?)");
  if (!put) return put.error();
  (*put)->Bind(1, session.token_hash).Bind(2, session.user).Bind(3, session.generation);
  (*put)->Bind(4, session.csrf).Bind(5, session.expires_at);
  return (*put)->Run();
}

Result<std::optional<StoredSession>> FindSession(Connection& db, std::string_view token_hash,
                                                 std::int64_t now) {
  // The join is the check: a user removed, or with other credentials since, has no such row.
  auto find = db.Cached(
      "SELECT s.user_name, s.generation, s.csrf, s.expires_at, u.role, u.park "
      "FROM app_session s JOIN app_user u ON u.name = s.user_name "
      "AND u.generation = s.generation WHERE s.token_hash = ? AND s.expires_at > ?");
  if (!find) return Error(find.error());
  auto& stmt = **find;
  stmt.Bind(1, token_hash).Bind(2, now);
  auto row = stmt.Step();
  if (!row) return Error(row.error());
  std::optional<StoredSession> out;
  if (*row) {
    out = StoredSession{std::string(token_hash),
                        stmt.Text(0),
                        stmt.Int(1),
                        stmt.Text(2),
                        stmt.Int(3),
                        model::ParseRole(stmt.Text(4)).value_or(model::Role::kViewer),
                        stmt.Text(5)};
  }
  stmt.Reset();
  return out;
}

Status DeleteSession(Connection& db, std::string_view token_hash) {
  auto stmt = db.Cached("DELETE FROM app_session WHERE token_hash = ?");
  if (!stmt) return stmt.error();
  (*stmt)->Bind(1, token_hash);
  return (*stmt)->Run();
}

}  // namespace clusterscope::storage::sqlite
