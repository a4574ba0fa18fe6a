// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/chains/assess.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "clusterscope/core/credit_code.h"

namespace clusterscope::chains {
namespace {

void SortUnique(std::vector<std::string>& codes) {
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
}

}  // namespace

RegistryLookup::RegistryLookup(const std::vector<model::Enterprise>& registry)
    : registry_(&registry) {
  const auto by_code = [](const model::Enterprise& a, const model::Enterprise& b) {
    return a.uscc < b.uscc;
  };
  if (!std::is_sorted(registry.begin(), registry.end(), by_code)) {
    by_code_.reserve(registry.size());
    for (const auto& e : registry) by_code_.push_back(&e);
    std::sort(by_code_.begin(), by_code_.end(),
              [&](const auto* a, const auto* b) { return by_code(*a, *b); });
  }
}

const model::Enterprise* RegistryLookup::FindCode(std::string_view uscc) const {
  if (by_code_.empty()) {
    const auto it = std::lower_bound(
        registry_->begin(), registry_->end(), uscc,
        [](const model::Enterprise& e, std::string_view code) { return e.uscc < code; });
    return it != registry_->end() && it->uscc == uscc ? &*it : nullptr;
  }
  const auto it = std::lower_bound(
      by_code_.begin(), by_code_.end(), uscc,
      [](const model::Enterprise* e, std::string_view code) { return e->uscc < code; });
  return it != by_code_.end() && (*it)->uscc == uscc ? *it : nullptr;
}

const model::Enterprise* RegistryLookup::Find(std::string_view who) const {
  if (const auto* e = FindCode(who)) return e;
  if (by_name_.empty()) {
    by_name_.reserve(registry_->size());
    for (const auto& e : *registry_) by_name_.emplace(e.name, &e);
  }
  const auto it = by_name_.find(who);
  return it != by_name_.end() ? it->second : nullptr;
}

std::vector<std::string> RegistryLookup::ServingByClass(const model::ChainLink& link) const {
  std::vector<std::string> out;
  if (link.classes.empty()) return out;
  if (by_class_.empty()) {
    // Consecutive enterprises often share a class: one map lookup per run of it.
    std::vector<const model::Enterprise*>* current = nullptr;
    std::string_view current_class;
    for (const auto& e : *registry_) {
      if (current == nullptr || e.industry_code != current_class) {
        current = &by_class_[e.industry_code];
        current_class = e.industry_code;
      }
      current->push_back(&e);
    }
  }
  for (const auto& [industry, enterprises] : by_class_) {
    if (!link.Serves(industry)) continue;
    for (const auto* e : enterprises) out.push_back(e->uscc);
  }
  return out;
}

ChainMembers ResolveMembers(const model::Chain& chain, const RegistryLookup& registry) {
  ChainMembers out;
  out.links.resize(chain.links.size());
  for (std::size_t l = 0; l < chain.links.size(); ++l) {
    out.links[l] = registry.ServingByClass(chain.links[l]);
  }
  for (const auto& member : chain.members) {
    const auto* e = registry.Find(member.enterprise);
    if (e == nullptr) {
      out.unknown.push_back(member.enterprise);
      continue;
    }
    for (std::size_t l = 0; l < chain.links.size(); ++l) {
      if (chain.links[l].code == member.link) out.links[l].push_back(e->uscc);
    }
  }
  for (const auto& master : chain.masters) {
    if (const auto* e = registry.Find(master)) {
      out.masters.push_back(e->uscc);
    } else {
      out.unknown.push_back(master);
    }
  }
  for (auto& link : out.links) {
    SortUnique(link);
    out.all.insert(out.all.end(), link.begin(), link.end());
  }
  // A chain master serves the chain even where no link maps its class.
  out.all.insert(out.all.end(), out.masters.begin(), out.masters.end());
  SortUnique(out.all);
  SortUnique(out.unknown);
  return out;
}

std::string LinkGroupCode(const model::Chain& chain, const model::ChainLink& link) {
  return chain.code + "/" + link.code;
}

std::vector<engine::MemberGroup> ChainGroups(const model::ChainPlan& plan,
                                             const std::vector<model::Enterprise>& registry) {
  std::vector<engine::MemberGroup> out;
  const RegistryLookup lookup(registry);
  for (const auto& chain : plan.chains) {
    auto members = ResolveMembers(chain, lookup);
    out.push_back({std::string(kChainKind), chain.code, chain.name_zh, members.all});
    for (std::size_t l = 0; l < chain.links.size(); ++l) {
      out.push_back({std::string(kLinkKind), LinkGroupCode(chain, chain.links[l]),
                     chain.links[l].name_zh, std::move(members.links[l])});
    }
  }
  return out;
}

std::string_view LinkStatusName(LinkStatus status) {
  switch (status) {
    case LinkStatus::kStrong:
      return "strong";
    case LinkStatus::kWeak:
      return "weak";
    case LinkStatus::kAtRisk:
      return "at_risk";
    case LinkStatus::kMissing:
      return "missing";
  }
  return "missing";
}

LinkRating RateLink(const LinkFigures& f, const model::LinkRules& rules,
                    const model::ChainLink& link) {
  const int strong_count = link.strong_enterprises.value_or(rules.strong_enterprises);
  const double strong_output = link.strong_output.value_or(rules.strong_output);
  const auto count = static_cast<double>(f.enterprises);
  LinkRating r;
  if (f.enterprises < static_cast<std::size_t>(rules.min_enterprises)) {
    r.status = LinkStatus::kMissing;
    r.reasons.push_back({"few_enterprises", count, static_cast<double>(rules.min_enterprises)});
    return r;
  }
  if (f.growth && *f.growth <= rules.at_risk_growth) {
    r.reasons.push_back({"shrinking", *f.growth, rules.at_risk_growth});
  }
  if (f.enterprises < static_cast<std::size_t>(strong_count) &&
      f.top_share >= rules.at_risk_top_share) {
    r.reasons.push_back({"one_enterprise", f.top_share, rules.at_risk_top_share});
  }
  if (!r.reasons.empty()) {
    r.status = LinkStatus::kAtRisk;
    return r;
  }
  if (count < strong_count) {
    r.reasons.push_back({"below_strong_count", count, static_cast<double>(strong_count)});
  }
  if (f.annual_output < strong_output) {
    r.reasons.push_back({"below_strong_output", f.annual_output, strong_output});
  }
  // A link without a base year (all new) is not held back by growth it cannot have.
  if (f.growth && *f.growth < rules.strong_growth) {
    r.reasons.push_back({"below_strong_growth", *f.growth, rules.strong_growth});
  }
  if (r.reasons.empty()) {
    r.status = LinkStatus::kStrong;
    r.reasons.push_back({"meets_strong", count, static_cast<double>(strong_count)});
  } else {
    r.status = LinkStatus::kWeak;
  }
  return r;
}

double Completeness(const std::vector<LinkStatus>& statuses,
                    const model::CompletenessWeights& weights) {
  if (statuses.empty()) return 0;
  double sum = 0;
  for (const auto s : statuses) {
    switch (s) {
      case LinkStatus::kStrong:
        sum += weights.strong;
        break;
      case LinkStatus::kWeak:
        sum += weights.weak;
        break;
      case LinkStatus::kAtRisk:
        sum += weights.at_risk;
        break;
      case LinkStatus::kMissing:
        sum += weights.missing;
        break;
    }
  }
  return 100 * sum / static_cast<double>(statuses.size());
}

SupplyShare LocalSupply(const std::vector<model::SupplyRelation>& relations, int year,
                        const std::vector<std::string>& buyers,
                        const std::vector<std::string>& chain_members,
                        const RegistryLookup& registry) {
  const std::unordered_set<std::string_view> buying(buyers.begin(), buyers.end());
  const std::unordered_set<std::string_view> in_chain(chain_members.begin(), chain_members.end());
  SupplyShare out;
  out.year = year;
  double from_local = 0;
  double from_chain = 0;
  for (const auto& r : relations) {
    if (r.year != year || buying.count(r.buyer) == 0) continue;
    out.purchases += r.value;
    if (registry.HasCode(r.supplier)) from_local += r.value;
    if (in_chain.count(r.supplier) != 0) from_chain += r.value;
  }
  if (out.purchases > 0) {
    out.local_share = from_local / out.purchases;
    out.in_chain_share = from_chain / out.purchases;
  }
  return out;
}

std::vector<ChainAssessment> AssessChains(const model::ChainPlan& plan,
                                          const std::vector<model::Enterprise>& registry,
                                          const engine::MonthlyIndicators& indicators,
                                          const std::vector<model::SupplyRelation>& relations) {
  std::map<std::pair<std::string_view, std::string_view>, const engine::GroupIndicators*> groups;
  for (const auto& g : indicators.groups) groups[{g.kind, g.code}] = &g;
  const auto group = [&](std::string_view kind,
                         const std::string& code) -> const engine::GroupIndicators* {
    const auto it = groups.find({kind, code});
    return it != groups.end() ? it->second : nullptr;
  };
  // The latest year of relations up to the period's.
  int supply_year = 0;
  for (const auto& r : relations) {
    if (r.year <= indicators.period.year) supply_year = std::max(supply_year, r.year);
  }
  const double annualise = 12.0 / indicators.period.month;

  std::vector<ChainAssessment> out;
  const RegistryLookup lookup(registry);
  for (const auto& chain : plan.chains) {
    const auto& rules = chain.rules ? *chain.rules : plan.rules;
    auto members = ResolveMembers(chain, lookup);
    ChainAssessment a;
    a.chain = &chain;
    a.masters = members.masters;
    a.unknown = members.unknown;
    a.group = group(kChainKind, chain.code);
    std::vector<LinkStatus> statuses;
    for (const auto l : chain.TopologicalOrder()) {
      const auto& link = chain.links[l];
      LinkAssessment la;
      la.link = &link;
      la.members = members.links[l];
      la.figures.registered = la.members.size();
      if (const auto* g = group(kLinkKind, LinkGroupCode(chain, link))) {
        const double output = g->ytd[static_cast<std::size_t>(model::Measure::kOutputValue)];
        la.figures.enterprises = g->enterprises;
        la.figures.annual_output = output * annualise;
        la.figures.growth = g->growth_same_basis;
        la.figures.top_share = output > 0 ? g->largest[0] / output : 0;
      }
      la.rating = RateLink(la.figures, rules, link);
      if (supply_year != 0) {
        la.supply = LocalSupply(relations, supply_year, la.members, members.all, lookup);
      }
      statuses.push_back(la.rating.status);
      switch (la.rating.status) {
        case LinkStatus::kStrong:
          ++a.strong;
          break;
        case LinkStatus::kWeak:
          ++a.weak;
          break;
        case LinkStatus::kAtRisk:
          ++a.at_risk;
          break;
        case LinkStatus::kMissing:
          ++a.missing;
          break;
      }
      a.links.push_back(std::move(la));
    }
    a.completeness = Completeness(statuses, plan.weights);
    if (supply_year != 0) {
      a.supply = LocalSupply(relations, supply_year, members.all, members.all, lookup);
    }
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace clusterscope::chains
