// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/model/chain.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

namespace clusterscope::model {
namespace {

bool IsCode(std::string_view code) {
  if (code.empty() || code.size() > 40) return false;
  return std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

// Index of each link's upstream links, skipping unknown codes (Check reports them).
std::vector<std::vector<std::size_t>> UpstreamIndex(const Chain& chain) {
  std::map<std::string_view, std::size_t> position;
  for (std::size_t i = 0; i < chain.links.size(); ++i) position.emplace(chain.links[i].code, i);
  std::vector<std::vector<std::size_t>> out(chain.links.size());
  for (std::size_t i = 0; i < chain.links.size(); ++i) {
    for (const auto& up : chain.links[i].upstream) {
      if (const auto it = position.find(up); it != position.end()) out[i].push_back(it->second);
    }
  }
  return out;
}

void CheckRules(const LinkRules& rules, const std::string& key, std::vector<Problem>& problems) {
  if (rules.min_enterprises < 1) {
    problems.push_back({key + ".min_enterprises", "must be at least 1"});
  }
  if (rules.strong_enterprises < rules.min_enterprises) {
    problems.push_back({key + ".strong_enterprises", "must be at least min_enterprises"});
  }
  if (rules.strong_output < 0) problems.push_back({key + ".strong_output", "must not be negative"});
  if (rules.at_risk_growth >= rules.strong_growth) {
    problems.push_back({key + ".at_risk_growth", "must be below strong_growth"});
  }
  if (rules.at_risk_top_share <= 0 || rules.at_risk_top_share > 1) {
    problems.push_back({key + ".at_risk_top_share", "must be in (0, 1]"});
  }
}

}  // namespace

bool ChainLink::Serves(std::string_view industry_class) const {
  return std::any_of(classes.begin(), classes.end(),
                     [&](const std::string& prefix) { return industry_class.starts_with(prefix); });
}

const ChainLink* Chain::FindLink(std::string_view link_code) const {
  for (const auto& link : links) {
    if (link.code == link_code) return &link;
  }
  return nullptr;
}

std::vector<std::size_t> Chain::TopologicalOrder() const {
  // Kahn's algorithm, taking the first ready link in file order each time.
  const auto upstream = UpstreamIndex(*this);
  std::vector<std::size_t> waiting(links.size());
  std::vector<std::vector<std::size_t>> downstream(links.size());
  for (std::size_t i = 0; i < links.size(); ++i) {
    waiting[i] = upstream[i].size();
    for (const auto u : upstream[i]) downstream[u].push_back(i);
  }
  std::set<std::size_t> ready;
  for (std::size_t i = 0; i < links.size(); ++i) {
    if (waiting[i] == 0) ready.insert(i);
  }
  std::vector<std::size_t> order;
  while (!ready.empty()) {
    const std::size_t next = *ready.begin();
    ready.erase(ready.begin());
    order.push_back(next);
    for (const auto d : downstream[next]) {
      if (--waiting[d] == 0) ready.insert(d);
    }
  }
  if (order.size() != links.size()) return {};
  return order;
}

std::vector<std::string> Chain::FindCycle() const {
  // Depth-first search along upstream edges; a link met again while on the path closes a cycle.
  const auto upstream = UpstreamIndex(*this);
  enum : std::uint8_t { kNew, kOnPath, kDone };
  std::vector<std::uint8_t> state(links.size(), kNew);
  std::vector<std::size_t> path;
  std::vector<std::string> cycle;
  const auto visit = [&](auto&& self, std::size_t i) -> bool {
    state[i] = kOnPath;
    path.push_back(i);
    for (const auto u : upstream[i]) {
      if (state[u] == kOnPath) {
        // u feeds the last link of the path, which feeds the one before, ... back to u: the
        // path read backwards is the cycle from upstream to downstream.
        const auto from = std::find(path.begin(), path.end(), u);
        cycle.push_back(links[u].code);
        for (auto it = path.end(); it != from;) cycle.push_back(links[*--it].code);
        return true;
      }
      if (state[u] == kNew && self(self, u)) return true;
    }
    path.pop_back();
    state[i] = kDone;
    return false;
  };
  for (std::size_t i = 0; i < links.size(); ++i) {
    if (state[i] == kNew && visit(visit, i)) return cycle;
  }
  return {};
}

const Chain* ChainPlan::FindChain(std::string_view code) const {
  for (const auto& chain : chains) {
    if (chain.code == code) return &chain;
  }
  return nullptr;
}

namespace {

// One link of `chain`: its code (unique among `seen`), name, industries and upstream links.
void CheckLink(const Chain& chain, std::size_t l, const std::string& key,
               const core::IndustryClassification& industries, std::set<std::string>& seen,
               std::vector<Problem>& problems) {
  const ChainLink& link = chain.links[l];
  const std::string link_key = fmt::format("{}.links[{}]", key, l);
  if (!IsCode(link.code)) {
    problems.push_back(
        {link_key + ".code", fmt::format("'{}' is not a code: use a-z, 0-9, _ or -", link.code)});
  } else if (!seen.insert(link.code).second) {
    problems.push_back({link_key + ".code", fmt::format("duplicate link '{}'", link.code)});
  }
  if (link.name_zh.empty()) problems.push_back({link_key + ".name_zh", "a link needs a name"});
  if (link.classes.empty() && link.products.empty()) {
    problems.push_back({link_key, "map the link to classes or name its products"});
  }
  for (std::size_t i = 0; i < link.classes.size(); ++i) {
    const auto* entry = industries.Find(link.classes[i]);
    if (entry == nullptr || entry->level < 2 || entry->code != link.classes[i]) {
      problems.push_back(
          {fmt::format("{}.classes[{}]", link_key, i),
           fmt::format("'{}' is not a GB/T 4754-2017 division, group or class", link.classes[i])});
    }
  }
  for (std::size_t i = 0; i < link.upstream.size(); ++i) {
    if (chain.FindLink(link.upstream[i]) == nullptr) {
      problems.push_back(
          {fmt::format("{}.upstream[{}]", link_key, i),
           fmt::format("unknown link '{}' in chain '{}'", link.upstream[i], chain.code)});
    } else if (link.upstream[i] == link.code) {
      problems.push_back(
          {fmt::format("{}.upstream[{}]", link_key, i), "a link cannot feed itself"});
    }
  }
  if (link.strong_output && *link.strong_output < 0) {
    problems.push_back({link_key + ".strong_output", "must not be negative"});
  }
  if (link.strong_enterprises && *link.strong_enterprises < 1) {
    problems.push_back({link_key + ".strong_enterprises", "must be at least 1"});
  }
}

}  // namespace

std::vector<Problem> ChainPlan::Check(const ClusterSystem& system,
                                      const core::IndustryClassification& industries) const {
  std::vector<Problem> problems;
  if (!system_code.empty() && system_code != system.code) {
    problems.push_back({"system", fmt::format("the chains are for system '{}', the database holds "
                                              "'{}'",
                                              system_code, system.code)});
  }
  CheckRules(rules, "rules", problems);
  std::set<std::string> chain_codes;
  for (std::size_t c = 0; c < chains.size(); ++c) {
    const Chain& chain = chains[c];
    const std::string key = fmt::format("chains[{}]", c);
    if (!IsCode(chain.code)) {
      problems.push_back(
          {key + ".code", fmt::format("'{}' is not a code: use a-z, 0-9, _ or -", chain.code)});
    } else if (!chain_codes.insert(chain.code).second) {
      problems.push_back({key + ".code", fmt::format("duplicate chain '{}'", chain.code)});
    }
    if (chain.name_zh.empty()) problems.push_back({key + ".name_zh", "a chain needs a name"});
    if (!chain.cluster.empty() && system.FindCluster(chain.cluster) == nullptr) {
      problems.push_back({key + ".cluster", fmt::format("unknown cluster '{}'", chain.cluster)});
    }
    if (chain.rules) CheckRules(*chain.rules, key + ".rules", problems);
    if (chain.links.empty()) problems.push_back({key + ".links", "a chain needs links"});
    std::set<std::string> link_codes;
    for (std::size_t l = 0; l < chain.links.size(); ++l) {
      CheckLink(chain, l, key, industries, link_codes, problems);
    }
    if (const auto cycle = chain.FindCycle(); cycle.size() > 2) {
      std::string text;
      for (const auto& code : cycle) text += (text.empty() ? "" : " → ") + code;
      problems.push_back({key + ".links", fmt::format("the links form a cycle: {}", text)});
    }
    for (std::size_t m = 0; m < chain.members.size(); ++m) {
      const auto& member = chain.members[m];
      const std::string member_key = fmt::format("{}.members[{}]", key, m);
      if (member.enterprise.empty()) {
        problems.push_back({member_key + ".enterprise", "name a credit code or registered name"});
      }
      if (chain.FindLink(member.link) == nullptr) {
        problems.push_back({member_key + ".link", fmt::format("unknown link '{}' in chain '{}'",
                                                              member.link, chain.code)});
      }
    }
  }
  for (auto& p : pipeline.Check()) problems.push_back({"pipeline." + p.key, p.message});
  for (auto& p : CheckLadders(ladders, system, "ladders")) problems.push_back(std::move(p));
  return problems;
}

}  // namespace clusterscope::model
