// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Where a chain stands (docs/chains.md): which enterprises serve each link, each link rated
// strong, weak, at risk or missing by the plan's rules, the chain's completeness score and its
// figures as a group of the engine, and the local supply share from supplier relations.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "clusterscope/engine/indicators.h"
#include "clusterscope/model/chain.h"
#include "clusterscope/model/enterprise.h"

namespace clusterscope::chains {

// Who serves the links of a chain: enterprises of the registry whose class a link maps, and
// those the plan assigns by credit code or exact registered name.
struct ChainMembers {
  std::vector<std::vector<std::string>> links;  // per link in file order: sorted credit codes
  std::vector<std::string> all;                 // the union, sorted
  std::vector<std::string> masters;             // chain masters found in the registry
  std::vector<std::string> unknown;             // members or masters not in the registry
};
// The registry by credit code, by exact registered name and by industry class, for every chain
// of a plan: a national registry is half a million enterprises. By code is a binary search
// (free to make when the registry is in the store's order); the other two are made at their
// first use. Keeps pointers into `registry`, which outlives it.
class RegistryLookup {
 public:
  explicit RegistryLookup(const std::vector<model::Enterprise>& registry);
  // By credit code, else by exact registered name; nullptr if neither is registered.
  const model::Enterprise* Find(std::string_view who) const;
  // By credit code only.
  const model::Enterprise* FindCode(std::string_view uscc) const;
  bool HasCode(std::string_view uscc) const { return FindCode(uscc) != nullptr; }
  // The credit codes of the enterprises whose class `link` maps.
  std::vector<std::string> ServingByClass(const model::ChainLink& link) const;

 private:
  // By credit code: a binary search over the registry (the store's order), or over these
  // pointers when it came in another order.
  const std::vector<model::Enterprise>* registry_;
  std::vector<const model::Enterprise*> by_code_;
  // By name, made at the first lookup of a name: plans name few members, and mostly by code.
  mutable std::unordered_map<std::string_view, const model::Enterprise*> by_name_;
  // By class, made at the first lookup by class.
  mutable std::map<std::string_view, std::vector<const model::Enterprise*>> by_class_;
};

ChainMembers ResolveMembers(const model::Chain& chain, const RegistryLookup& registry);

// Group codes of the engine: "battery" (kind "chain"), "battery/cells" (kind "link").
std::string LinkGroupCode(const model::Chain& chain, const model::ChainLink& link);
// The engine's groups for every chain and link of the plan, of these kinds.
inline constexpr std::string_view kChainKind = "chain";
inline constexpr std::string_view kLinkKind = "link";
std::vector<engine::MemberGroup> ChainGroups(const model::ChainPlan& plan,
                                             const std::vector<model::Enterprise>& registry);

enum class LinkStatus { kStrong = 0, kWeak, kAtRisk, kMissing };
std::string_view LinkStatusName(LinkStatus status);  // "strong", "weak", "at_risk", "missing"

// What a link is rated on, from the engine's group for the link at a period.
struct LinkFigures {
  std::size_t enterprises = 0;   // serving enterprises in the period's frame
  std::size_t registered = 0;    // serving enterprises in the registry
  double annual_output = 0;      // year-to-date output x 12 / months, 万元
  std::optional<double> growth;  // same-basis output growth; null without a base
  double top_share = 0;          // the largest enterprise's share of the link's output
};

// One reason for a rating: the rule, the link's figure and the bar it was held against.
struct Reason {
  std::string rule;  // "few_enterprises", "shrinking", "one_enterprise", "below_strong_count",
                     // "below_strong_output", "below_strong_growth", "meets_strong"
  double value = 0;
  double bar = 0;
};

struct LinkRating {
  LinkStatus status = LinkStatus::kMissing;
  std::vector<Reason> reasons;
};
// Rates a link: missing below min_enterprises; at risk when shrinking to at_risk_growth or
// hanging on one enterprise; strong when it has the enterprises, output and growth; else weak.
LinkRating RateLink(const LinkFigures& figures, const model::LinkRules& rules,
                    const model::ChainLink& link);

// 0-100: the mean of the links' status weights.
double Completeness(const std::vector<LinkStatus>& statuses,
                    const model::CompletenessWeights& weights);

// The share of purchases that came from local suppliers (in the registry), and from suppliers
// serving the same chain, for buyers in `buyers`, over the relations of `year`.
struct SupplyShare {
  int year = 0;
  double purchases = 0;  // 万元
  std::optional<double> local_share;
  std::optional<double> in_chain_share;
};
SupplyShare LocalSupply(const std::vector<model::SupplyRelation>& relations, int year,
                        const std::vector<std::string>& buyers,
                        const std::vector<std::string>& chain_members,
                        const RegistryLookup& registry);

struct LinkAssessment {
  const model::ChainLink* link = nullptr;
  std::vector<std::string> members;  // credit codes
  LinkFigures figures;
  LinkRating rating;
  SupplyShare supply;
};

struct ChainAssessment {
  const model::Chain* chain = nullptr;
  std::vector<LinkAssessment> links;  // upstream to downstream
  std::vector<std::string> masters;
  std::vector<std::string> unknown;
  double completeness = 0;
  std::size_t strong = 0, weak = 0, at_risk = 0, missing = 0;
  const engine::GroupIndicators* group = nullptr;  // the chain as a group; null if none reports
  SupplyShare supply;
};

// Every chain of the plan at the period of `indicators` (computed with ChainGroups()).
// `relations` may be empty; the supply share is then left out.
std::vector<ChainAssessment> AssessChains(const model::ChainPlan& plan,
                                          const std::vector<model::Enterprise>& registry,
                                          const engine::MonthlyIndicators& indicators,
                                          const std::vector<model::SupplyRelation>& relations);

}  // namespace clusterscope::chains
