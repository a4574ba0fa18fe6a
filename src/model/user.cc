// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/model/user.h"

#include <algorithm>

#include <fmt/format.h>

#include "clusterscope/text/errors.h"

namespace clusterscope::model {

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kAdmin:
      return "admin";
    case Role::kAnalyst:
      return "analyst";
    case Role::kParkEditor:
      return "park_editor";
    case Role::kViewer:
      return "viewer";
  }
  return "viewer";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (const auto role : {Role::kAdmin, Role::kAnalyst, Role::kParkEditor, Role::kViewer}) {
    if (name == RoleName(role)) return role;
  }
  return std::nullopt;
}

std::vector<Problem> User::Check(const ClusterSystem& system) const {
  std::vector<Problem> problems;
  const bool name_ok =
      name.size() >= 2 && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
      });
  if (!name_ok) {
    problems.push_back(Problem::Of("name", core::Say(text::kNotAUserName, name)));
  }
  if (role == Role::kParkEditor && system.FindPark(park) == nullptr) {
    problems.push_back(Problem::Of("park", core::Say(text::kParkEditorNeedsPark, park)));
  }
  if (role != Role::kParkEditor && !park.empty()) {
    problems.push_back(Problem::Of("park", core::Say(text::kOnlyParkEditorsHavePark)));
  }
  return problems;
}

bool SeesEnterprises(Role role) { return role != Role::kViewer; }
bool EditsEnterprises(Role role) { return role != Role::kViewer; }
bool ManagesUsers(Role role) { return role == Role::kAdmin; }

}  // namespace clusterscope::model
