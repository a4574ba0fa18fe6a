// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Enterprise cultivation ladders (企业梯度培育): 小升规 (below scale to above scale), 规改股 (to a
// joint-stock company), 股上市 (to listing), 创新型中小企业 → 专精特新 → 小巨人, high-tech
// enterprise eligibility. A ladder says who stands on it (its population) and what the step up
// takes (its criteria); both are tests of named figures of an enterprise, so a district can
// write its own ladders. Plain value types.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clusterscope/model/cluster_system.h"
#include "clusterscope/model/problem.h"

namespace clusterscope::model {

// A figure ladders can test, with its unit (docs/cultivation.md defines each).
struct FigureInfo {
  std::string_view code;  // "revenue_12m"; "holds:<designation>" is a family
  std::string_view name_zh;
  std::string_view name_en;
  std::string_view unit;  // "万元", "%", "年", "人", "" (0 or 1)
};
const std::vector<FigureInfo>& CultivationFigures();
// The figure named `code` ("holds:little_giant" gives the holds family), or nullptr.
const FigureInfo* FindFigure(std::string_view code);

// One test: min <= figure <= max (bounds inclusive). With bands, the lower bar depends on
// another figure: the first band whose `up_to` (inclusive; none: no upper end) covers that
// figure's value gives the bar, e.g. R&D intensity by revenue for high-tech enterprises.
struct Criterion {
  std::string figure;
  std::optional<double> min;
  std::optional<double> max;
  std::string band_by;
  std::vector<std::pair<std::optional<double>, double>> bands;  // (up_to, min)
  std::string label;       // how reports name it; empty: from the figure
  std::string label_en{};  // the same in English; empty: the label, or the figure's English name
};

struct Ladder {
  std::string code;  // "small_to_above"
  std::string name_zh;
  std::string name_en;
  std::vector<Criterion> population;  // who stands on the ladder
  std::vector<Criterion> criteria;    // what the step up takes
  // Enterprises of the population are listed from this readiness on (the mean over criteria of
  // how far each bar is reached, 0-1), so the list shows who is close, not only who is ready.
  double list_from = 0.6;
  std::string goal_designation;  // the designation the step earns, for target progress; or empty
};

// Problems with ladders: codes, unknown figures or designations, bounds, bands.
std::vector<Problem> CheckLadders(const std::vector<Ladder>& ladders, const ClusterSystem& system,
                                  std::string_view key);

}  // namespace clusterscope::model
