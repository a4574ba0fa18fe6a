// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Industry chains (产业链) as the district runs them "chain by chain" (链长制): each chain is a
// directed acyclic graph of links from upstream to downstream, each link mapped to GB/T 4754
// codes and named products; enterprises serve a link by their class or by explicit assignment
// (one may serve several). A chain has a chief (链长, a person or office) and chain-master
// enterprises (链主). ChainPlan is the chain work of a system, one TOML file: its chains and the
// rules that rate their links, the project pipeline's rules and the cultivation ladders. Plain
// value types.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "clusterscope/core/classification.h"
#include "clusterscope/model/cluster_system.h"
#include "clusterscope/model/cultivation.h"
#include "clusterscope/model/problem.h"
#include "clusterscope/model/project.h"

namespace clusterscope::model {

// How a link is rated (docs/chains.md): by how many local enterprises serve it, their output and
// their growth. Missing and at-risk are checked first, strong needs every bar; the rest is weak.
struct LinkRules {
  int min_enterprises = 1;         // fewer serving enterprises: missing
  int strong_enterprises = 3;      // strong needs at least this many
  double strong_output = 100000;   // ... and this much annualised output, 万元 (10 亿元)
  double strong_growth = 0.0;      // ... and at least this same-basis growth
  double at_risk_growth = -0.10;   // growth at or below this: at risk
  double at_risk_top_share = 0.9;  // one enterprise making this share of a link's output, when
                                   // fewer than strong_enterprises serve it: at risk
};

// Weights of the statuses in the completeness score (0-100).
struct CompletenessWeights {
  double strong = 1.0;
  double weak = 0.5;
  double at_risk = 0.5;
  double missing = 0.0;
};

struct ChainLink {
  std::string code;  // unique within its chain, "cells"
  std::string name_zh;
  std::string name_en;
  std::vector<std::string> upstream;  // codes of the links that feed this one
  std::vector<std::string> classes;   // GB/T 4754-2017 codes: class, group or division
  std::vector<std::string> products;  // named products ("六氟磷酸锂"), matched in prospects' names
  // The link's own bars where the plan's do not fit it (a recycling link is small by nature).
  std::optional<double> strong_output;
  std::optional<int> strong_enterprises;

  // True if the 4-digit class falls under one of the link's codes.
  bool Serves(std::string_view industry_class) const;
};

// An enterprise assigned to a link by hand: by credit code, or by its exact registered name.
struct ChainMember {
  std::string enterprise;
  std::string link;
};

struct Chain {
  std::string code;  // "battery"
  std::string name_zh;
  std::string name_en;
  std::string cluster;               // the cluster it belongs to, or empty
  std::string chief;                 // 链长: person or office
  std::vector<std::string> masters;  // 链主: credit codes or exact registered names
  std::vector<ChainLink> links;      // in file order
  std::vector<ChainMember> members;  // assigned by hand, besides the class mapping
  std::optional<LinkRules> rules;    // this chain's own rules, or the plan's

  const ChainLink* FindLink(std::string_view link_code) const;
  // Positions of the links from upstream to downstream (each after every link feeding it; ties
  // in file order). Empty if the graph has a cycle.
  std::vector<std::size_t> TopologicalOrder() const;
  // The links of one cycle, first repeated at the end ("a → b → a"), or empty if there is none.
  std::vector<std::string> FindCycle() const;
};

struct ChainPlan {
  std::string system_code;
  std::string source;  // where the chains come from, free text
  LinkRules rules;
  CompletenessWeights weights;
  std::vector<Chain> chains;
  PipelineRules pipeline;
  std::vector<Ladder> ladders;

  const Chain* FindChain(std::string_view code) const;
  // Duplicate or malformed codes, unknown upstream links, cycles, unknown GB/T 4754 codes,
  // unknown clusters, members of unknown links, rules out of range, pipeline rules, ladders.
  std::vector<Problem> Check(const ClusterSystem& system,
                             const core::IndustryClassification& industries) const;
};

// A local buyer's purchases from one supplier in a period (month 0: the whole year), 万元. The
// supplier is local when it is in the registry.
struct SupplyRelation {
  std::string buyer;     // credit code
  std::string supplier;  // credit code
  int year = 0;
  int month = 0;
  double value = 0;
};

// An enterprise outside the district that investment promotion could attract (补链 prospects).
struct Prospect {
  std::string uscc;
  std::string name;
  std::string industry_code;      // 4-digit GB/T 4754-2017 class
  std::string region;             // where it is, free text or a division code
  std::optional<double> revenue;  // 万元 a year
  std::string products;           // what it makes, free text (matched against links' products)
};

}  // namespace clusterscope::model
