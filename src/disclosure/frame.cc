// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "frame.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace clusterscope::disclosure {

bool Sensitive(std::vector<double>& values, const DisclosureRules& rules) {
  double total = 0;
  std::size_t contributors = 0;
  for (auto& v : values) {
    v = std::abs(v);
    total += v;
    if (v > 0) ++contributors;
  }
  if (contributors == 0) return false;
  if (contributors < rules.min_enterprises) return true;
  std::partial_sort(values.begin(), values.begin() + 2, values.end(), std::greater<>());
  const double top2 = values[0] + values[1];
  if (top2 > rules.dominance * total) return true;
  return rules.p_percent > 0 && total - top2 < rules.p_percent / 100 * values[0];
}

Frame FrameOf(const engine::Engine& engine, const engine::MonthlyIndicators& indicators) {
  Frame out;
  out.contributions = engine.ContributionsTo(indicators);
  const auto& c = out.contributions;
  out.atoms = MakeAtoms(c.uscc.size(), c.members);
  out.atom_members.resize(out.atoms.count);
  for (std::size_t m = 0; m < c.uscc.size(); ++m) {
    if (out.atoms.atom_of[m] >= 0) {
      out.atom_members[static_cast<std::size_t>(out.atoms.atom_of[m])].push_back(
          static_cast<std::uint32_t>(m));
    }
  }
  return out;
}

bool SensitiveMembers(const Frame& frame, const std::vector<std::uint32_t>& members,
                      engine::Quantity q, const DisclosureRules& rules) {
  std::vector<double> values;
  values.reserve(members.size());
  for (const auto m : members) values.push_back(frame.contributions.values[m][engine::Idx(q)]);
  return Sensitive(values, rules);
}

}  // namespace clusterscope::disclosure
