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

Parts::Parts(const LinearTable& table, const std::vector<bool>& among)
    : table_(table), among_(among), cells_of_atom_(table.atoms), overlap_(table.cells.size(), 0) {
  among_.resize(table.cells.size(), false);
  for (std::size_t c = 0; c < table.cells.size(); ++c) {
    if (!among_[c]) continue;
    for (const auto a : table.cells[c]) cells_of_atom_[a].push_back(static_cast<std::uint32_t>(c));
  }
}

void Parts::Drop(std::size_t cell) { among_[cell] = false; }

std::optional<std::size_t> Parts::Largest(std::size_t cell) {
  // Counts, for each cell among them sharing an atom, the atoms shared: a part shares them all.
  const auto& atoms = table_.cells[cell];
  std::vector<std::uint32_t> touched;
  for (const auto a : atoms) {
    for (const auto c : cells_of_atom_[a]) {
      if (c != cell && among_[c] && overlap_[c]++ == 0) touched.push_back(c);
    }
  }
  std::optional<std::size_t> best;
  for (const auto c : touched) {
    const std::size_t size = table_.cells[c].size();
    if (overlap_[c] == size && size < atoms.size() &&
        (!best || size > table_.cells[*best].size())) {
      best = c;
    }
    overlap_[c] = 0;
  }
  return best;
}

}  // namespace clusterscope::disclosure
