// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/chains/work.h"

#include <algorithm>

namespace clusterscope::chains {

const model::Enterprise* ChainReport::Find(std::string_view uscc) const {
  if (!registry) return nullptr;
  const auto it = std::lower_bound(
      registry->begin(), registry->end(), uscc,
      [](const model::Enterprise& e, std::string_view code) { return e.uscc < code; });
  return it != registry->end() && it->uscc == uscc ? &*it : nullptr;
}

}  // namespace clusterscope::chains
