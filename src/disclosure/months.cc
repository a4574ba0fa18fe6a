// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "months.h"

#include <map>
#include <string>
#include <unordered_map>
#include <utility>

namespace clusterscope::disclosure {
namespace {

using engine::Quantity;

// Each enterprise of the months under one number, and its increments: member e * months + k of
// the table is enterprise e's figure of month k alone.
struct Increments {
  std::size_t months = 0;
  std::vector<std::vector<std::uint32_t>> id;  // per month, per enterprise of its frame
  std::vector<std::string> park;               // per enterprise
  std::vector<double> value;                   // per member
};

Increments IncrementsOf(const std::vector<const PublishedMonth*>& months, Quantity ytd,
                        std::optional<Quantity> month) {
  Increments out;
  out.months = months.size();
  std::unordered_map<std::string, std::uint32_t> number;
  for (const auto* m : months) {
    const auto& c = m->frame.contributions;
    auto& ids = out.id.emplace_back();
    for (std::size_t i = 0; i < c.uscc.size(); ++i) {
      const auto [at, fresh] =
          number.try_emplace(c.uscc[i], static_cast<std::uint32_t>(out.park.size()));
      if (fresh) out.park.push_back(c.park[i]);
      ids.push_back(at->second);
    }
  }
  const std::size_t n = out.months;
  out.value.assign(out.park.size() * n, 0.0);
  std::vector<double> so_far(out.park.size(), 0.0);
  std::vector<std::int32_t> last_in(out.park.size(), -1);
  for (std::size_t k = 0; k < n; ++k) {
    const auto& c = months[k]->frame.contributions;
    for (std::size_t i = 0; i < c.uscc.size(); ++i) {
      const std::uint32_t e = out.id[k][i];
      const double to_date = c.values[i][engine::Idx(ytd)];
      double& now = out.value[e * n + k];
      if (month) {
        // The month's own figure; what the year to date holds beyond it and the months
        // before came in months out of the frame (an entrant's), so the month before.
        now = c.values[i][engine::Idx(*month)];
        const double rest = to_date - so_far[e] - now;
        const bool gap = k > 0 && last_in[e] != static_cast<std::int32_t>(k) - 1;
        (gap ? out.value[e * n + k - 1] : now) += rest;
      } else {
        now = to_date - so_far[e];
      }
      so_far[e] = to_date;
      last_in[e] = static_cast<std::int32_t>(k);
    }
  }
  return out;
}

// The table of the cells (members of each, as numbered by `inc`), with the atoms' values, the
// insider's atoms known and the floors (cell, the cell whose figure floors it).
LinearTable TableOf(const Increments& inc,
                    const std::vector<std::vector<std::uint32_t>>& cell_members,
                    const std::vector<std::pair<std::size_t, std::size_t>>& floors,
                    bool non_negative, const DisclosureRules& rules) {
  const std::size_t n = inc.months;
  const Atoms atoms = MakeAtoms(inc.value.size(), cell_members);
  LinearTable table;
  table.atoms = atoms.count;
  table.cells = atoms.cells;
  table.non_negative = non_negative;
  table.atom_values.assign(atoms.count, 0.0);
  std::vector<bool> insider(atoms.count, !rules.insider_park.empty());
  for (std::size_t m = 0; m < inc.value.size(); ++m) {
    const std::int32_t a = atoms.atom_of[m];
    if (a < 0) continue;
    const auto atom = static_cast<std::size_t>(a);
    table.atom_values[atom] += inc.value[m];
    if (inc.park[m / n] != rules.insider_park) insider[atom] = false;
  }
  for (const auto& cell : table.cells) {
    double sum = 0;
    for (const auto a : cell) sum += table.atom_values[a];
    table.values.push_back(sum);
  }
  if (table.non_negative && !floors.empty()) {
    table.floors.assign(table.cells.size(), -kUnbounded);
    for (const auto& [cell, by] : floors) table.floors[cell] = table.values[by];
  }
  for (std::size_t a = 0; a < atoms.count; ++a) {
    if (insider[a]) table.known.emplace_back(static_cast<std::uint32_t>(a), table.atom_values[a]);
  }
  if (!table.floors.empty() && !table.known.empty()) {
    table.floor_known.assign(table.cells.size(), 0.0);
    for (const auto& [cell, by] : floors) {
      for (const auto a : table.cells[by]) {
        if (insider[a]) table.floor_known[cell] += table.atom_values[a];
      }
    }
  }
  return table;
}

}  // namespace

ShownFigures ShownIn(const engine::MonthlyIndicators& full,
                     const engine::MonthlyIndicators& published) {
  std::map<std::pair<std::string, std::string>, const engine::GroupIndicators*> by_key;
  for (const auto& g : published.groups) by_key[{g.kind, g.code}] = &g;
  ShownFigures out(full.groups.size());
  for (std::size_t i = 0; i < full.groups.size(); ++i) {
    const auto at = by_key.find({full.groups[i].kind, full.groups[i].code});
    if (at == by_key.end()) continue;  // not published at all
    for (std::size_t q = 0; q < engine::kQuantityCount; ++q) {
      out[i][q] = at->second->Shown(static_cast<Quantity>(q));
    }
  }
  return out;
}

MonthsTable MonthsTableOf(const std::vector<const PublishedMonth*>& months, Quantity ytd,
                          std::optional<Quantity> month, const DisclosureRules& rules) {
  const Increments inc = IncrementsOf(months, ytd, month);
  const std::size_t n = inc.months;
  MonthsTable out;
  std::vector<std::vector<std::uint32_t>> cell_members;
  // A cell of `members`' months [first, last] (indices into month k's frame).
  const auto add = [&](std::size_t k, const std::vector<std::uint32_t>& members, std::size_t first,
                       MonthsCell what, bool published) {
    auto& cell = cell_members.emplace_back();
    for (const auto i : members) {
      const std::uint32_t e = inc.id[k][i];
      for (std::size_t j = first; j <= k; ++j)
        cell.push_back(static_cast<std::uint32_t>(e * n + j));
    }
    std::sort(cell.begin(), cell.end());
    out.what.push_back(what);
    out.reasons.push_back(published ? Reason::kNone : Reason::kPrimary);
  };
  // Per group (kind, code): the cell of its year to date last published.
  std::map<std::pair<std::string, std::string>, std::size_t> last_shown;
  std::vector<std::pair<std::size_t, std::size_t>> floors;  // cell, the cell that floors it
  // Months from after January: the first stands for the year to then, so its month's own
  // figures are no cells of the table.
  const bool lumped = n > 0 && months.front()->full.period.month != 1;
  for (std::size_t k = 0; k < n; ++k) {
    const auto& frame = months[k]->frame;
    const auto& shown = months[k]->shown;
    const auto& groups = months[k]->full.groups;
    for (std::size_t g = 0; g < frame.contributions.members.size(); ++g) {
      const auto& members = frame.contributions.members[g];
      const bool shown_ytd = shown[g][engine::Idx(ytd)];
      const std::pair key{groups[g].kind, groups[g].code};
      if (const auto at = last_shown.find(key); at != last_shown.end() && !shown_ytd) {
        floors.emplace_back(cell_members.size(), at->second);
      }
      if (shown_ytd) last_shown[key] = cell_members.size();
      add(k, members, 0, {k, g, 0, ytd}, shown_ytd);
      if (month && !(k == 0 && lumped)) {
        add(k, members, k, {k, g, 0, *month}, shown[g][engine::Idx(*month)]);
      }
    }
    for (std::size_t a = 0; a < frame.atoms.count; ++a) {
      const auto& members = frame.atom_members[a];
      const bool insider = !rules.insider_park.empty() &&
                           frame.contributions.park[members.front()] == rules.insider_park;
      if (insider) continue;  // known: nothing to protect
      if (SensitiveMembers(frame, members, ytd, rules)) {
        add(k, members, 0, {k, kNoGroup, members.size(), ytd}, false);
      }
      if (month && !(k == 0 && lumped) && SensitiveMembers(frame, members, *month, rules)) {
        add(k, members, k, {k, kNoGroup, members.size(), *month}, false);
      }
    }
  }
  out.table = TableOf(inc, cell_members, floors, !engine::MayBeNegative(ytd), rules);
  return out;
}

}  // namespace clusterscope::disclosure
