// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Import profiles (migration 0018) in the SQLite backend, inside the caller's transaction.
// Private to the backend.
#pragma once

#include <string_view>
#include <vector>

#include "chain_work.h"
#include "connection.h"

#include "clusterscope/storage/store.h"

namespace clusterscope::storage::sqlite {

Status PutImportProfile(Connection& db, const StoredImportProfile& profile, std::string_view at,
                        std::string_view actor, const AuditFn& audit);
Status DeleteImportProfile(Connection& db, std::string_view name, const AuditFn& audit);
Result<std::vector<StoredImportProfile>> ListImportProfiles(Connection& db);

}  // namespace clusterscope::storage::sqlite
