// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// What the application assembles from the store for the front ends: a chain report, the
// project pipeline and the cultivation ladders, each holding what its parts point into (so they
// are never copied). Plain values; the report module renders them.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clusterscope/analytics/complexity.h"
#include "clusterscope/analytics/project_effect.h"
#include "clusterscope/chains/assess.h"
#include "clusterscope/chains/candidates.h"
#include "clusterscope/chains/cultivation.h"
#include "clusterscope/chains/pipeline.h"
#include "clusterscope/model/chain.h"
#include "clusterscope/model/project.h"
#include "clusterscope/targets/progress.h"

namespace clusterscope::chains {

// The chain work at a period: every chain rated, with the outside enterprises to attract to its
// weak and missing links. Holds what its assessments point into, so it is never copied.
struct ChainReport {
  ChainReport() = default;
  ChainReport(const ChainReport&) = delete;
  ChainReport& operator=(const ChainReport&) = delete;

  model::ChainPlan plan;
  engine::MonthlyIndicators indicators;  // with a "chain" and a "link" group each
  // The engine's registry, shared with the engine (an aliasing pointer that keeps it alive).
  std::shared_ptr<const std::vector<model::Enterprise>> registry;
  std::vector<model::Prospect> prospects;
  std::vector<ChainAssessment> chains;
  // By chain and by link of its assessment: candidates for weak, at-risk and missing links.
  std::vector<std::vector<std::vector<Candidate>>> candidates;
  // The same for the benchmark's industries beside those links, ranked by density and outlook
  // gain for the region (analytics::RelatedIndustries); empty without a benchmark.
  std::vector<std::vector<std::vector<analytics::RelatedIndustry>>> related;
  struct Relatedness {
    std::string benchmark;
    int year = 0;
    std::string level;  // "division", "group", "class"
    std::size_t regions = 0;
  };
  std::optional<Relatedness> relatedness;
  std::vector<model::Project> projects;
  bool relations = false;  // supplier relations were imported

  const model::Enterprise* Find(std::string_view uscc) const;
};

// The project pipeline on a day: every project with what is overdue.
struct Pipeline {
  model::PipelineRules rules;
  core::Date as_of;
  std::vector<model::Project> projects;
  std::vector<std::optional<model::Overdue>> overdue;  // by project
  // By project, when an input-output table and the analytics plan are held; else empty.
  std::vector<analytics::ProjectEffect> effects;
  std::string io_table;  // the table's file name (no path), when effects are given
};

// The cultivation ladders at a period, with the targets they serve.
struct CultivationReport {
  CultivationReport() = default;
  CultivationReport(const CultivationReport&) = delete;
  CultivationReport& operator=(const CultivationReport&) = delete;

  model::ChainPlan plan;
  core::Period period;
  std::vector<LadderResult> ladders;
  struct Goal {
    std::size_t held = 0;  // enterprises holding the ladder's designation at the period end
    std::optional<targets::TargetReport::Row> target;  // the plan's target counting it, if any
  };
  std::vector<Goal> goals;  // by ladder
};

}  // namespace clusterscope::chains
