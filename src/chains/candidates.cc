// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/chains/candidates.h"

#include <algorithm>
#include <cmath>

namespace clusterscope::chains {
namespace {

// The best way the prospect's class serves the link, or an empty match.
std::pair<std::string, double> ClassMatch(const model::ChainLink& link,
                                          const std::string& industry_class, std::string& matched) {
  std::pair<std::string, double> best;
  const auto consider = [&](std::string match, double fit, const std::string& code) {
    if (fit > best.second) {
      best = {std::move(match), fit};
      matched = code;
    }
  };
  for (const auto& code : link.classes) {
    if (industry_class.size() != 4) continue;
    if (code.size() == 4 && code == industry_class) consider("class", kFitClass, code);
    if (code.size() == 3 && industry_class.starts_with(code)) consider("group", kFitGroup, code);
    if (code.size() == 2 && industry_class.starts_with(code)) {
      consider("division", kFitDivision, code);
    }
    if (code.size() == 4 && code != industry_class &&
        code.substr(0, 3) == industry_class.substr(0, 3)) {
      consider("neighbour", kFitNeighbour, code);
    }
  }
  return best;
}

}  // namespace

std::vector<Candidate> RankCandidates(const model::ChainLink& link,
                                      const std::vector<model::Prospect>& prospects,
                                      std::size_t limit) {
  std::vector<Candidate> out;
  for (const auto& p : prospects) {
    Candidate c;
    c.prospect = &p;
    auto [match, fit] = ClassMatch(link, p.industry_code, c.matched);
    std::string product;
    for (const auto& name : link.products) {
      if (!name.empty() &&
          (p.products.find(name) != std::string::npos || p.name.find(name) != std::string::npos)) {
        product = name;
        break;
      }
    }
    if (!product.empty()) {
      if (match.empty() || fit < kFitProduct) {
        match = "product";
        fit = kFitProduct;
        c.matched = product;
      } else {
        fit = std::min(1.0, fit + kProductBonus);
        c.product = product;
      }
    }
    if (match.empty()) continue;
    c.match = std::move(match);
    c.fit = fit;
    out.push_back(std::move(c));
  }
  // Size: log revenue against the largest, so that a firm ten times smaller is not worthless.
  double largest = 0;
  for (const auto& c : out) largest = std::max(largest, c.prospect->revenue.value_or(0));
  std::vector<std::size_t> by_revenue;  // positions of the candidates with a revenue
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto& c = out[i];
    const double revenue = c.prospect->revenue.value_or(0);
    c.size = largest > 0 && revenue > 0 ? std::log1p(revenue) / std::log1p(largest) : 0;
    c.score = 0.7 * c.fit + 0.3 * c.size;
    if (revenue > 0) by_revenue.push_back(i);
  }
  std::sort(by_revenue.begin(), by_revenue.end(), [&](std::size_t a, std::size_t b) {
    return *out[a].prospect->revenue > *out[b].prospect->revenue;
  });
  for (std::size_t rank = 0; rank < by_revenue.size(); ++rank) {
    out[by_revenue[rank]].size_rank = rank + 1;
  }
  std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
    if (a.score != b.score) return a.score > b.score;
    const double ra = a.prospect->revenue.value_or(0), rb = b.prospect->revenue.value_or(0);
    if (ra != rb) return ra > rb;
    return a.prospect->uscc < b.prospect->uscc;
  });
  if (limit != 0 && out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace clusterscope::chains
