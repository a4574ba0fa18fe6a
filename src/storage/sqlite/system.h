// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The cluster system in the SQLite backend: its tiers, clusters, parks, groupings and
// designation types, with the industry classes each maps (migration 0001). Called by the SQLite
// Store and Transaction inside their transaction; private to the backend.
#pragma once

#include <optional>
#include <string>

#include "connection.h"

#include "clusterscope/model/cluster_system.h"

namespace clusterscope::storage::sqlite {

// The code of the stored primary system, if there is one.
Result<std::optional<std::string>> PrimarySystemCode(Connection& db);

// Replaces the stored system (and the parent it sits in) by `system`. InvalidArgument, naming
// them, when enterprises or designations refer to codes the new system does not have.
Status ReplaceSystemRows(Connection& db, const model::ClusterSystem& system);

// InvalidArgument, naming them, when enterprises or designations refer to clusters, parks or
// designation types the stored system does not have (foreign keys are deferred to the commit).
Status CheckDanglingReferences(Connection& db);

// The stored primary system with its parent, or nullopt before `init`.
Result<std::optional<model::ClusterSystem>> LoadSystem(Connection& db);

}  // namespace clusterscope::storage::sqlite
