// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/engine/disclosure.h"

#include <algorithm>
#include <map>
#include <tuple>

#include <fmt/format.h>

namespace clusterscope::engine {
namespace {

// Why the group's own figures would reveal an enterprise's, or empty.
std::string PrimaryReason(const GroupIndicators& g, const DisclosureRules& rules) {
  if (g.enterprises < rules.min_enterprises) return "few_enterprises";
  const double total = g.ytd[0];
  const double top2 = g.largest[0] + g.largest[1];
  if (total > 0 && top2 > rules.dominance * total) return "dominance";
  if (rules.p_percent > 0 && total - top2 < rules.p_percent / 100 * g.largest[0]) {
    return "p_percent";
  }
  return "";
}

void Withhold(GroupIndicators& g) {
  const std::string kind = g.kind;
  const std::string code = g.code;
  const std::string name = g.name;
  const std::string parent_kind = g.parent_kind;
  const std::string parent_code = g.parent_code;
  const std::string reason = g.suppressed;
  const std::size_t enterprises = g.enterprises;
  g = GroupIndicators{};
  g.kind = kind;
  g.code = code;
  g.name = name;
  g.parent_kind = parent_kind;
  g.parent_code = parent_code;
  g.enterprises = enterprises;
  g.suppressed = reason;
}

}  // namespace

Status DisclosureRules::Validate() const {
  if (min_enterprises < 1)
    return Status::InvalidArgument("the minimum enterprises must be 1 or more");
  if (!(dominance > 0 && dominance <= 1)) {
    return Status::InvalidArgument(
        fmt::format("the dominance share {} must be above 0 and at most 1", dominance));
  }
  if (!(p_percent >= 0 && p_percent <= 100)) {
    return Status::InvalidArgument(fmt::format("the p % rule's p {} must be 0..100", p_percent));
  }
  return Status::Ok();
}

void ApplyDisclosureControl(MonthlyIndicators& indicators, const DisclosureRules& rules) {
  auto& groups = indicators.groups;
  for (auto& g : groups) {
    g.top_by_output.clear();
    g.top_by_growth.clear();
    g.suppressed = PrimaryReason(g, rules);
  }
  // Linked cells: each parent with the children of one kind that lie inside it. A visible
  // parent must not have exactly one withheld child (parent less the visible children gives it
  // away, or nearly, when the children leave a small remainder); a withheld parent must not be
  // the sum of visible children that cover it whole.
  std::map<std::pair<std::string, std::string>, std::size_t> index;
  for (std::size_t i = 0; i < groups.size(); ++i) index[{groups[i].kind, groups[i].code}] = i;
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<std::size_t>> sets;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    if (groups[i].parent_kind.empty()) continue;
    sets[{groups[i].parent_kind, groups[i].parent_code, groups[i].kind}].push_back(i);
  }
  // Groups of the same enterprises, by frame: one withheld withholds the others.
  std::map<std::uint64_t, std::vector<std::size_t>> same_frame;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    // (0: not known, as for groups made by hand)
    if (groups[i].enterprises > 0 && groups[i].frame != 0) {
      same_frame[groups[i].frame].push_back(i);
    }
  }
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto& [frame, alike] : same_frame) {
      const bool any = std::any_of(alike.begin(), alike.end(),
                                   [&](std::size_t i) { return !groups[i].suppressed.empty(); });
      if (!any) continue;
      for (const auto i : alike) {
        if (!groups[i].suppressed.empty()) continue;
        groups[i].suppressed = "same_as";
        changed = true;
      }
    }
    for (const auto& [key, children] : sets) {
      const auto parent_at = index.find({std::get<0>(key), std::get<1>(key)});
      if (parent_at == index.end()) continue;
      GroupIndicators& parent = groups[parent_at->second];
      std::size_t hidden = 0;
      std::size_t covered = 0;
      std::optional<std::size_t> smallest;  // the visible child that hides least
      for (const auto c : children) {
        covered += groups[c].enterprises;
        if (!groups[c].suppressed.empty()) {
          ++hidden;
        } else if (!smallest || groups[c].ytd[0] < groups[*smallest].ytd[0]) {
          smallest = c;
        }
      }
      const bool complete = covered == parent.enterprises;
      const bool exposed = parent.suppressed.empty() ? hidden == 1 : (hidden == 0 && complete);
      if (!exposed) continue;
      if (smallest) {
        groups[*smallest].suppressed = "secondary";
      } else if (complete) {  // the one child is the parent: withhold the parent too
        parent.suppressed = "secondary";
      } else {
        continue;
      }
      changed = true;
    }
  }
  // Alerts name enterprises, or would reveal a withheld group's growth.
  std::erase_if(indicators.alerts, [&](const Alert& alert) {
    if (alert.enterprise_level()) return true;
    const auto it = index.find({alert.kind, alert.code});
    return it != index.end() && !groups[it->second].suppressed.empty();
  });
  for (auto& g : groups) {
    if (!g.suppressed.empty()) Withhold(g);
  }
  // The trend is the total's: withheld with it.
  if (!groups.empty() && groups.front().kind == "total" && !groups.front().suppressed.empty()) {
    indicators.trend.clear();
  }
}

}  // namespace clusterscope::engine
