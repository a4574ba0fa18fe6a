// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// TargetFigures obtains the figures of a target at a period: from the engine (flows as the
// trailing 12 months, each month with its own year's frame), from the registry (enterprises
// and designations at the period's end) and from external series. Private to app.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "clusterscope/chains/assess.h"
#include "clusterscope/engine/indicators.h"
#include "clusterscope/model/designation.h"
#include "clusterscope/model/target.h"
#include "clusterscope/targets/progress.h"

namespace clusterscope::app {

class TargetFigures {
 public:
  TargetFigures(const model::ClusterSystem& system, const model::TargetPlan& plan,
                const engine::Engine& engine, const std::vector<model::Enterprise>& registry,
                const std::vector<model::Designation>& designations,
                const std::vector<model::SeriesValue>& series);

  targets::Figures For(const model::Target& target, core::Period period);

 private:
  // A quantity at `period` in base units (万元, tce, persons, km², counts; series as stored
  // converted to base units), or nullopt with the reason in `missing`.
  std::optional<double> Value(const model::Quantity& q, core::Period period, int base_year,
                              core::Text* missing);
  // The figure of the target's kind at `period`, in the target's unit.
  std::optional<double> Figure(const model::Target& target, core::Period period,
                               core::Text* missing);
  std::optional<double> Series(const std::string& code, core::Period period,
                               core::Text* missing) const;
  const engine::MonthlyIndicators& Indicators(core::Period period);
  // Σ over the group's frame of measure `m` over the 12 months to `period`.
  std::optional<double> Trailing(const std::string& group, model::Measure m, core::Period period,
                                 core::Text* missing);
  std::optional<double> YearToDate(const std::string& group, model::Measure m, core::Period period,
                                   core::Text* missing);
  // The year to date of a measure at `period` over the group's frame and its base on the same
  // enterprises (同口径); value added at comparable prices.
  struct SameBasisSums {
    double current = 0;
    double base = 0;
  };
  std::optional<SameBasisSums> SameBasis(const model::Quantity& q, core::Period period,
                                         core::Text* missing);
  // The enterprises holding designation `q.name` at the end of `period` (docs/targets.md).
  // The district's published whole-industry total for the trailing year at `period`, in base
  // units, when the target names a series and it has the year (Decembers only).
  std::optional<double> PublishedWhole(const model::Target& t, core::Period period) const;
  double DesignationHolders(const model::Quantity& q, core::Period period, int base_year) const;
  // Per enterprise of the frame (in slot order): the trailing 12 months of `m`.
  std::vector<double> TrailingByEnterprise(model::Measure m, core::Period period);

  const model::ClusterSystem& system_;
  const engine::Engine& engine_;
  const std::vector<model::Enterprise>& registry_;
  const std::vector<model::Designation>& designations_;
  chains::RegistryLookup by_code_;
  std::map<std::string, std::map<int, double>> series_;  // code -> year * 100 + month -> value
  std::map<std::string, std::string> series_units_;
  std::map<std::int32_t, engine::MonthlyIndicators> computed_;  // by Period::Index()
  std::map<int, double> above_scale_;  // enterprises above scale, by year: a pass per year
  std::optional<double> listed_;
};

}  // namespace clusterscope::app
