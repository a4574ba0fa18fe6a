// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Users: adding, changing passwords, removing, signing in.
#include "clusterscope/app/users_service.h"

#include "passwords.h"
#include <fmt/format.h>

#include "clusterscope/app/access.h"
#include "clusterscope/storage/store.h"
#include "clusterscope/text/errors.h"

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

Status UsersService::AddUser(const std::string& name, model::Role role, const std::string& park,
                             const std::string& password) {
  CLUSTERSCOPE_RETURN_IF_ERROR(Access(db(), caller()).CheckManagesUsers());
  model::User user{name, role, park, "", ""};
  CLUSTERSCOPE_RETURN_IF_ERROR(model::ProblemsToStatus(user.Check(system())));
  auto existing = store().GetUser(name);
  if (!existing) return existing.error();
  if (*existing)
    return Status::Of(Status::Code::kAlreadyExists, core::Say(text::kUserExists, name));
  return StoreUser(store(), actor(), std::move(user), password);
}

Status UsersService::SetPassword(const std::string& name, const std::string& password) {
  CLUSTERSCOPE_RETURN_IF_ERROR(Access(db(), caller()).CheckManagesUsers());
  auto existing = store().GetUser(name);
  if (!existing) return existing.error();
  if (!*existing) return Status::Of(Status::Code::kNotFound, core::Say(text::kNoSuchUser, name));
  return StoreUser(store(), actor(), **existing, password);
}

Status UsersService::ChangeUser(const std::string& name, model::Role role, const std::string& park,
                                const std::optional<std::string>& password) {
  CLUSTERSCOPE_RETURN_IF_ERROR(Access(db(), caller()).CheckManagesUsers());
  auto existing = store().GetUser(name);
  if (!existing) return existing.error();
  if (!*existing) return Status::Of(Status::Code::kNotFound, core::Say(text::kNoSuchUser, name));
  model::User user = **existing;
  user.role = role;
  user.park = park;
  CLUSTERSCOPE_RETURN_IF_ERROR(model::ProblemsToStatus(user.Check(system())));
  if (password) return StoreUser(store(), actor(), std::move(user), *password);
  auto tx = store().Begin(actor());
  if (!tx) return tx.error();
  auto put = (*tx)->PutUser(user);
  if (!put) return put.error();
  return (*tx)->Commit();
}

Status UsersService::ChangeOwnPassword(const std::string& current, const std::string& password) {
  auto user = Authenticate(caller().user, current);
  if (!user) return user.error();
  return StoreUser(store(), actor(), std::move(*user), password);
}

Status UsersService::RemoveUser(const std::string& name) {
  CLUSTERSCOPE_RETURN_IF_ERROR(Access(db(), caller()).CheckManagesUsers());
  auto tx = store().Begin(actor());
  if (!tx) return tx.error();
  CLUSTERSCOPE_RETURN_IF_ERROR((*tx)->DeleteUser(name));
  return (*tx)->Commit();
}

Result<std::vector<model::User>> UsersService::Users() {
  CLUSTERSCOPE_RETURN_IF_ERROR(Access(db(), caller()).CheckManagesUsers());
  return store().ListUsers();
}

Result<model::User> UsersService::Authenticate(const std::string& name,
                                               const std::string& password) {
  auto user = store().GetUser(name);
  if (!user) return Error(user.error());
  // Verify against a hash even for an unknown name, so that the time taken does not tell.
  static const std::string kDecoy = HashPassword("decoy-password-never-used").value_or("");
  const std::string& hash = *user ? (*user)->password_hash : kDecoy;
  if (!VerifyPassword(password, hash) || !*user) {
    return Error(Status::Of(Status::Code::kUnauthenticated, core::Say(text::kWrongSignIn)));
  }
  return **user;
}

}  // namespace clusterscope::app
