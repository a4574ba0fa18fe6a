// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/chains/cultivation.h"

#include <algorithm>

namespace clusterscope::chains {

CriterionResult TestCriterion(const model::Criterion& criterion, const EnterpriseFigures& figures) {
  CriterionResult r;
  r.criterion = &criterion;
  r.min = criterion.min;
  r.max = criterion.max;
  if (const auto it = figures.values.find(criterion.figure); it != figures.values.end()) {
    r.value = it->second;
  }
  if (!criterion.bands.empty()) {
    const auto by = figures.values.find(criterion.band_by);
    if (by == figures.values.end()) return r;  // the band cannot be chosen: not met
    for (const auto& [up_to, min] : criterion.bands) {
      if (!up_to || by->second <= *up_to) {
        r.min = min;
        break;
      }
    }
  }
  if (!r.value) return r;
  const double v = *r.value;
  r.met = (!r.min || v >= *r.min) && (!r.max || v <= *r.max);
  if (r.met) {
    r.progress = 1;
  } else if (r.min && *r.min > 0 && v < *r.min && (!r.max || v <= *r.max)) {
    r.progress = std::max(0.0, v / *r.min);
  }
  return r;
}

LadderResult EvaluateLadder(const model::Ladder& ladder,
                            const std::vector<EnterpriseFigures>& enterprises) {
  LadderResult out;
  out.ladder = &ladder;
  for (const auto& e : enterprises) {
    const bool on_ladder =
        std::all_of(ladder.population.begin(), ladder.population.end(),
                    [&](const model::Criterion& c) { return TestCriterion(c, e).met; });
    if (!on_ladder) continue;
    ++out.population;
    LadderEntry entry;
    entry.uscc = e.uscc;
    entry.name = e.name;
    entry.ready = true;
    double progress = 0;
    for (const auto& c : ladder.criteria) {
      entry.criteria.push_back(TestCriterion(c, e));
      progress += entry.criteria.back().progress;
      entry.ready = entry.ready && entry.criteria.back().met;
    }
    entry.readiness =
        ladder.criteria.empty() ? 0 : progress / static_cast<double>(ladder.criteria.size());
    if (entry.ready) ++out.ready;
    if (entry.ready || entry.readiness >= ladder.list_from) out.entries.push_back(std::move(entry));
  }
  std::sort(out.entries.begin(), out.entries.end(), [](const LadderEntry& a, const LadderEntry& b) {
    if (a.ready != b.ready) return a.ready;
    if (a.readiness != b.readiness) return a.readiness > b.readiness;
    return a.uscc < b.uscc;
  });
  return out;
}

}  // namespace clusterscope::chains
