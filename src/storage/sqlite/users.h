// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Users (migration 0009) and their sessions (0014) in the SQLite backend. Called by the SQLite
// Store and Transaction inside their transaction; private to the backend.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "chain_work.h"
#include "connection.h"

#include "clusterscope/model/user.h"
#include "clusterscope/storage/store.h"

namespace clusterscope::storage::sqlite {

// Audits role and park changes, and that the password changed (never the hash).
Result<Change> PutUser(Connection& db, const model::User& user, std::string_view at,
                       const AuditFn& audit);
Status DeleteUser(Connection& db, std::string_view name, const AuditFn& audit);
Result<std::optional<model::User>> GetUser(Connection& db, std::string_view name);
Result<std::vector<model::User>> ListUsers(Connection& db);
// Sessions (migration 0014), each one statement outside any transaction.
Status PutSession(Connection& db, const StoredSession& session, std::int64_t now);
Result<std::optional<StoredSession>> FindSession(Connection& db, std::string_view token_hash,
                                                 std::int64_t now);
Status DeleteSession(Connection& db, std::string_view token_hash);

}  // namespace clusterscope::storage::sqlite
