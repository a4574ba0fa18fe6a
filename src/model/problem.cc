// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/model/problem.h"

namespace clusterscope::model {

Status ProblemsToStatus(const std::vector<Problem>& problems) {
  if (problems.empty()) return Status::Ok();
  std::string message;
  for (const auto& problem : problems) {
    if (!message.empty()) message += '\n';
    if (!problem.key.empty()) {
      message += problem.key;
      message += ": ";
    }
    message += problem.message;
  }
  return Status::InvalidArgument(std::move(message));
}

}  // namespace clusterscope::model
