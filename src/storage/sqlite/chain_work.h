// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The chain work in the SQLite backend (migration 0008): plan documents, investment projects
// with their phases and moves, supply relations and outside enterprises. Called by the SQLite
// Store and Transaction inside their transaction; private to the backend.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "connection.h"

#include "clusterscope/storage/store.h"

namespace clusterscope::storage::sqlite {

// Writes one audit row: action, entity, key, field, old value, new value.
using AuditFn =
    std::function<Status(std::string_view, std::string_view, std::string_view, std::string_view,
                         const std::optional<std::string>&, const std::optional<std::string>&)>;

Status PutPlan(Connection& db, PlanKind kind, const std::string& file, const std::string& text,
               std::string_view at, std::string_view actor, const AuditFn& audit);
Result<std::optional<std::pair<std::string, std::string>>> LoadPlan(Connection& db, PlanKind kind);

Result<Change> PutProject(Connection& db, const model::Project& project, const AuditFn& audit);
Status AddProjectMove(Connection& db, std::string_view project, const model::StageMove& move,
                      std::string_view at, std::string_view actor);
Result<std::vector<model::Project>> ListProjects(Connection& db);
Result<std::vector<ProjectMoveRecord>> ListProjectMoves(Connection& db, std::string_view project);

Result<Change> PutSupplyRelation(Connection& db, const model::SupplyRelation& relation,
                                 std::optional<std::int64_t> batch_id, const AuditFn& audit);
Result<std::vector<model::SupplyRelation>> ListSupplyRelations(Connection& db);

Result<Change> PutProspect(Connection& db, const model::Prospect& prospect,
                           std::optional<std::int64_t> batch_id, const AuditFn& audit);
Result<std::vector<model::Prospect>> ListProspects(Connection& db);

}  // namespace clusterscope::storage::sqlite
