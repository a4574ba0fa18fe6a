// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// A hash that lets an unordered map keyed by std::string be searched with a string_view, so
// that looking up a credit code allocates nothing:
//   std::unordered_map<std::string, T, core::StringHash, std::equal_to<>>
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

namespace clusterscope::core {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>{}(text);
  }
};

}  // namespace clusterscope::core
