// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The Workspace's users: adding, changing passwords, removing, signing in.
#include "passwords.h"
#include <fmt/format.h>

#include "clusterscope/app/workspace.h"

namespace clusterscope::app {
namespace {

// Writes `user` with the hash of `password` in one transaction.
Status StoreUser(storage::Store& store, const std::string& actor, model::User user,
                 const std::string& password) {
  auto hash = HashPassword(password);
  if (!hash) return hash.error();
  user.password_hash = std::move(*hash);
  auto tx = store.Begin(actor);
  if (!tx) return tx.error();
  auto put = (*tx)->PutUser(user);
  if (!put) return put.error();
  return (*tx)->Commit();
}

}  // namespace

Status Workspace::AddUser(const std::string& name, model::Role role, const std::string& park,
                          const std::string& password) {
  model::User user{name, role, park, "", ""};
  CLUSTERSCOPE_RETURN_IF_ERROR(model::ProblemsToStatus(user.Check(system_)));
  auto existing = store_->GetUser(name);
  if (!existing) return existing.error();
  if (*existing) return Status::AlreadyExists(fmt::format("user '{}' exists", name));
  return StoreUser(*store_, actor_, std::move(user), password);
}

Status Workspace::SetPassword(const std::string& name, const std::string& password) {
  auto existing = store_->GetUser(name);
  if (!existing) return existing.error();
  if (!*existing) return Status::NotFound(fmt::format("no user '{}'", name));
  return StoreUser(*store_, actor_, **existing, password);
}

Status Workspace::RemoveUser(const std::string& name) {
  auto tx = store_->Begin(actor_);
  if (!tx) return tx.error();
  CLUSTERSCOPE_RETURN_IF_ERROR((*tx)->DeleteUser(name));
  return (*tx)->Commit();
}

Result<std::vector<model::User>> Workspace::Users() { return store_->ListUsers(); }

Status Workspace::RecordExport(std::string_view entity, std::string_view key,
                               std::string_view detail) {
  auto tx = store_->Begin(actor_);
  if (!tx) return tx.error();
  CLUSTERSCOPE_RETURN_IF_ERROR((*tx)->RecordExport(entity, key, detail));
  return (*tx)->Commit();
}

Result<model::User> Workspace::Authenticate(const std::string& name, const std::string& password) {
  auto user = store_->GetUser(name);
  if (!user) return Error(user.error());
  // Verify against a hash even for an unknown name, so that the time taken does not tell.
  static const std::string kDecoy = HashPassword("decoy-password-never-used").value_or("");
  const std::string& hash = *user ? (*user)->password_hash : kDecoy;
  if (!VerifyPassword(password, hash) || !*user) {
    return Error(Status::Unauthenticated("wrong user name or password"));
  }
  return **user;
}

}  // namespace clusterscope::app
