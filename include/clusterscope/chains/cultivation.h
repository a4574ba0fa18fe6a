// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Who stands on each cultivation ladder and how close each is to the step up: every criterion
// met or missed with the enterprise's figure and the bar (docs/cultivation.md). The figures are
// computed by the application from the registry, designations and monthly statistics.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clusterscope/model/cultivation.h"

namespace clusterscope::chains {

// The figures of a set of enterprises as columns, one per FigureInfo code ("holds:<type>" for
// each designation type) with a value per enterprise, NaN where the enterprise has no data for
// the figure: a column per figure rather than a map per enterprise, so that a national registry
// of half a million enterprises is tested in a fraction of a second. The credit codes and names
// are views: whatever holds them (the engine's registry) outlives the table.
class FigureTable {
 public:
  // Adds an enterprise with every figure missing; returns its row. Add enterprises first, then
  // set figures: a column is as long as the table when it is first asked for.
  std::size_t AddEnterprise(std::string_view uscc, std::string_view name);
  std::size_t size() const { return usccs_.size(); }
  std::string_view uscc(std::size_t row) const { return usccs_[row]; }
  std::string_view name(std::size_t row) const { return names_[row]; }

  // The column of `code`, added with every value missing on first use.
  std::vector<double>& Column(std::string_view code);
  // The column of `code`, or nullptr when no figure of that code was set.
  const std::vector<double>* Find(std::string_view code) const;
  // A row's figure, or none.
  std::optional<double> Get(std::size_t row, std::string_view code) const;

 private:
  std::vector<std::string_view> usccs_;
  std::vector<std::string_view> names_;
  std::map<std::string, std::vector<double>, std::less<>> columns_;
};

struct CriterionResult {
  const model::Criterion* criterion = nullptr;
  std::optional<double> value;  // the enterprise's figure, or none
  std::optional<double> min;    // the bar that applied (a band's for banded criteria)
  std::optional<double> max;
  bool met = false;
  double progress = 0;  // 0-1: how far to the bar (1 when met)
};

// Tests one criterion on an enterprise's figure and, for a banded criterion, the figure its
// band is chosen by (either none where the enterprise has no data). A lower bar above zero is
// reached in proportion (a revenue of 1,500 against 2,000 is 0.75 of the way); other bars are
// met or not.
CriterionResult TestCriterion(const model::Criterion& criterion, std::optional<double> value,
                              std::optional<double> band_value);
// The same for row `row` of a table.
CriterionResult TestCriterion(const model::Criterion& criterion, const FigureTable& figures,
                              std::size_t row);

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
  std::size_t listed = 0;            // of them ready or with readiness >= list_from
  std::vector<LadderEntry> entries;  // the listed, or the first `limit` of them: ready first,
                                     // then by readiness, then credit code
  std::size_t ready = 0;
};

// `limit`: the entries kept (0: every listed one). A national ladder lists hundreds of
// thousands; a report shows ten.
LadderResult EvaluateLadder(const model::Ladder& ladder, const FigureTable& enterprises,
                            std::size_t limit = 0);

}  // namespace clusterscope::chains
