// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// 补链 lists: for a missing or weak link, the outside enterprises worth attracting, ranked by
// how well they serve the link and by their size, each with the reasons (docs/chains.md).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "clusterscope/model/chain.h"

namespace clusterscope::chains {

struct Candidate {
  const model::Prospect* prospect = nullptr;
  // How it serves the link: "class" (its class is one the link maps), "group" / "division"
  // (the link maps the group or division it falls in), "product" (it makes a product the link
  // names), "neighbour" (a class of the same group as one the link maps).
  std::string match;
  std::string matched;        // the code or product matched
  std::string product;        // a product the link names that the prospect makes, besides a class
  double fit = 0;             // 0-1, by match
  double size = 0;            // 0-1: log revenue relative to the largest candidate's
  double score = 0;           // 0.7 fit + 0.3 size
  std::size_t size_rank = 0;  // 1 = the largest candidate by revenue; 0 without a revenue
};

// Fits of each match; a product named besides a class match adds kProductBonus (up to 1).
inline constexpr double kFitClass = 1.0;
inline constexpr double kFitGroup = 0.85;
inline constexpr double kFitDivision = 0.6;
inline constexpr double kFitProduct = 0.8;
inline constexpr double kFitNeighbour = 0.4;
inline constexpr double kProductBonus = 0.1;

// The prospects that serve `link`, best first (score, then revenue, then credit code); at most
// `limit` (0: all).
std::vector<Candidate> RankCandidates(const model::ChainLink& link,
                                      const std::vector<model::Prospect>& prospects,
                                      std::size_t limit);

}  // namespace clusterscope::chains
