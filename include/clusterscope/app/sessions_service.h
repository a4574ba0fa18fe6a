// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Signed-in sessions of the HTTP server, kept in the store (migration 0014): a session ends when
// it expires, when its user signs out, and at its next request after its user's password, role
// or park changed or the user was removed, whichever process made the change. The cookie's
// token is 32 random bytes; the store keeps only its hash.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "clusterscope/app/service.h"
#include "clusterscope/core/status.h"
#include "clusterscope/model/user.h"

namespace clusterscope::app {

struct Session {
  std::string user;
  model::Role role = model::Role::kViewer;  // the user's now, not at sign-in
  std::string park;
  std::string csrf;             // sent back in X-CSRF-Token on every change
  std::int64_t expires_at = 0;  // Unix seconds
};

class SessionsService : public Service {
 public:
  using Service::Service;

  // A new session for `user`, just authenticated: (the cookie's token, the session).
  Result<std::pair<std::string, Session>> Open(const model::User& user,
                                               std::chrono::seconds lifetime);
  // The live session of a cookie's token, or nullopt.
  Result<std::optional<Session>> Find(std::string_view token);
  Status Close(std::string_view token);
};

}  // namespace clusterscope::app
