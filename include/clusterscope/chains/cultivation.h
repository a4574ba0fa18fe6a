// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Who stands on each cultivation ladder and how close each is to the step up: every criterion
// met or missed with the enterprise's figure and the bar (docs/cultivation.md). The figures are
// computed by the application from the registry, designations and monthly statistics.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "clusterscope/model/cultivation.h"

namespace clusterscope::chains {

// The figures of one enterprise, by FigureInfo code ("holds:<type>" for each type); a figure
// without data is absent.
struct EnterpriseFigures {
  std::string uscc;
  std::string name;
  std::map<std::string, double> values;
};

struct CriterionResult {
  const model::Criterion* criterion = nullptr;
  std::optional<double> value;  // the enterprise's figure, or none
  std::optional<double> min;    // the bar that applied (a band's for banded criteria)
  std::optional<double> max;
  bool met = false;
  double progress = 0;  // 0-1: how far to the bar (1 when met)
};

// Tests one criterion. A lower bar above zero is reached in proportion (a revenue of 1,500
// against 2,000 is 0.75 of the way); other bars are met or not.
CriterionResult TestCriterion(const model::Criterion& criterion, const EnterpriseFigures& figures);

struct LadderEntry {
  std::string uscc;
  std::string name;
  std::vector<CriterionResult> criteria;
  double readiness = 0;  // mean progress over the criteria
  bool ready = false;    // every criterion met
};

struct LadderResult {
  const model::Ladder* ladder = nullptr;
  std::size_t population = 0;        // enterprises standing on the ladder
  std::vector<LadderEntry> entries;  // listed (readiness >= list_from): ready first, then by
                                     // readiness, then credit code
  std::size_t ready = 0;
};

LadderResult EvaluateLadder(const model::Ladder& ladder,
                            const std::vector<EnterpriseFigures>& enterprises);

}  // namespace clusterscope::chains
