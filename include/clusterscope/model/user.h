// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Users of the HTTP server and what their roles may see (docs/http_api.md): enterprise-level
// statistics are confidential by law, so only admins, analysts and a park's editors see them,
// the editors only for their own park; viewers see aggregates under disclosure control. Plain
// value types.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clusterscope/model/cluster_system.h"
#include "clusterscope/model/problem.h"

namespace clusterscope::model {

enum class Role { kAdmin = 0, kAnalyst, kParkEditor, kViewer };
std::string_view RoleName(Role role);  // "admin", "analyst", "park_editor", "viewer"
std::optional<Role> ParseRole(std::string_view name);

struct User {
  std::string name;  // login name: 2-64 of a-z, 0-9, _ . -
  Role role = Role::kViewer;
  std::string park;           // Park::code, for a park editor only
  std::string password_hash;  // argon2id, libsodium's encoded form; never the password
  std::string created_at;     // UTC, set by the store
  // Raised by the store at each change of password, role or park: sessions opened before end.
  std::int64_t generation = 1;

  // Problems: the name's form, a park editor without a known park, a park on another role.
  std::vector<Problem> Check(const ClusterSystem& system) const;
};

// What a role may do.
bool SeesEnterprises(Role role);   // enterprise rows and names (a park editor: its park)
bool EditsEnterprises(Role role);  // uploads and changes (a park editor: its park)
bool ManagesUsers(Role role);      // admin only

}  // namespace clusterscope::model
