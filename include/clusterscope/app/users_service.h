// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Users of the HTTP server (docs/http_api.md): adding, changing, removing, signing in.
// A password needs at least 10 characters; it is kept only as an argon2id hash. Managing users
// is for admins (the command line acts as one).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "clusterscope/app/service.h"
#include "clusterscope/core/status.h"
#include "clusterscope/model/user.h"

namespace clusterscope::app {

class UsersService : public Service {
 public:
  using Service::Service;

  // AlreadyExists / NotFound as the name says; PermissionDenied unless the caller is an admin.
  Status AddUser(const std::string& name, model::Role role, const std::string& park,
                 const std::string& password);
  Status SetPassword(const std::string& name, const std::string& password);
  // An admin's change of a user's role and park (a park editor needs its park; other roles
  // have none) and, when given, password. Every session of the user ends.
  Status ChangeUser(const std::string& name, model::Role role, const std::string& park,
                    const std::optional<std::string>& password);
  // The caller's own password, which it must give again. Every session of the caller ends.
  Status ChangeOwnPassword(const std::string& current, const std::string& password);
  Status RemoveUser(const std::string& name);
  Result<std::vector<model::User>> Users();
  // The user whose name and password these are; Unauthenticated otherwise (the same message for
  // an unknown name and a wrong password, so that names cannot be probed). Anyone may ask.
  Result<model::User> Authenticate(const std::string& name, const std::string& password);
};

}  // namespace clusterscope::app
