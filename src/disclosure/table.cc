// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/disclosure/table.h"

#include <map>

namespace clusterscope::disclosure {

Atoms MakeAtoms(std::size_t members, const std::vector<std::vector<std::uint32_t>>& cell_members) {
  // Each member's cells, in cell order: the signature that names its atom.
  std::vector<std::vector<std::uint32_t>> cells_of(members);
  for (std::size_t c = 0; c < cell_members.size(); ++c) {
    for (const auto m : cell_members[c]) cells_of[m].push_back(static_cast<std::uint32_t>(c));
  }
  Atoms out;
  out.atom_of.assign(members, -1);
  out.cells.resize(cell_members.size());
  std::map<std::vector<std::uint32_t>, std::int32_t> atom_of_signature;
  for (std::size_t m = 0; m < members; ++m) {
    if (cells_of[m].empty()) continue;
    const auto [at, fresh] =
        atom_of_signature.try_emplace(cells_of[m], static_cast<std::int32_t>(out.count));
    out.atom_of[m] = at->second;
    if (!fresh) continue;
    ++out.count;
    for (const auto c : cells_of[m]) out.cells[c].push_back(static_cast<std::uint32_t>(at->second));
  }
  return out;
}

}  // namespace clusterscope::disclosure
