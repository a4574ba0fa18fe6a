// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/app/sessions_service.h"

#include "passwords.h"

#include "clusterscope/storage/store.h"

namespace clusterscope::app {
namespace {

std::int64_t Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// RandomToken() gives 64 hex digits; anything else is not worth a hash and a query.
bool LooksLikeToken(std::string_view token) {
  return token.size() == 64 &&
         token.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

}  // namespace

Result<std::pair<std::string, Session>> SessionsService::Open(const model::User& user,
                                                              std::chrono::seconds lifetime) {
  std::string token = RandomToken();
  const std::int64_t now = Now();
  storage::StoredSession stored{TokenHash(token),       user.name, user.generation, RandomToken(),
                                now + lifetime.count(), user.role, user.park};
  CLUSTERSCOPE_RETURN_IF_ERROR(store().PutSession(stored, now));
  return std::pair{std::move(token),
                   Session{user.name, user.role, user.park, stored.csrf, stored.expires_at}};
}

Result<std::optional<Session>> SessionsService::Find(std::string_view token) {
  if (!LooksLikeToken(token)) return std::optional<Session>();
  auto stored = store().FindSession(TokenHash(token), Now());
  if (!stored) return Error(stored.error());
  if (!*stored) return std::optional<Session>();
  const auto& s = **stored;
  return std::optional<Session>(Session{s.user, s.role, s.park, s.csrf, s.expires_at});
}

Status SessionsService::Close(std::string_view token) {
  if (!LooksLikeToken(token)) return Status::Ok();
  return store().DeleteSession(TokenHash(token));
}

}  // namespace clusterscope::app
