// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// A Problem is one thing wrong with a configuration or record, located by a key path such as
// "clusters[3].tier" so that loaders can point at the file position. Plain value type.
#pragma once

#include <string>
#include <vector>

#include "clusterscope/core/status.h"

namespace clusterscope::model {

struct Problem {
  std::string key;      // path of the offending key, "clusters[3].classes[0]"; empty for the root
  std::string message;  // what is wrong, in a sentence
};

// OK if there are no problems; else InvalidArgument listing "key: message" one per line.
Status ProblemsToStatus(const std::vector<Problem>& problems);

}  // namespace clusterscope::model
