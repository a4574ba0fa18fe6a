// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The chain work (docs/chains.md, docs/cultivation.md): the chain plan, each chain's links and
// who serves them, the investment pipeline with each project's effect, and the cultivation
// ladders.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "clusterscope/app/access.h"
#include "clusterscope/app/service.h"
#include "clusterscope/chains/cultivation.h"
#include "clusterscope/chains/pipeline.h"
#include "clusterscope/chains/work.h"
#include "clusterscope/core/date.h"
#include "clusterscope/core/period.h"
#include "clusterscope/core/status.h"
#include "clusterscope/model/chain.h"
#include "clusterscope/model/project.h"
#include "clusterscope/targets/progress.h"

namespace clusterscope::app {

class ChainsService : public Service {
 public:
  using Service::Service;

  // Checks the chain work in `path` against the system and makes it current.
  Result<model::ChainPlan> LoadPlan(const std::string& path);
  // The current chain work; NotFound if none was loaded.
  Result<model::ChainPlan> Plan();
  // Every chain at `period` (default: the latest month held), with up to `candidates` outside
  // enterprises for each weak, at-risk or missing link, and the benchmark's industries beside
  // it (kChains or kChainOverview). The renderers show the enterprises serving each link only
  // in the full form of kChains.
  Result<std::unique_ptr<chains::ChainReport>> Chains(const Grant& grant,
                                                      std::optional<core::Period> period,
                                                      std::size_t candidates);

  // Adds a project; AlreadyExists if the code is taken; InvalidArgument naming every problem.
  Status AddProject(const model::Project& project);
  // Moves a project to `to` on `date` by the pipeline's rules, keeping the move in its history.
  Result<model::Project> AdvanceProject(const std::string& code, model::Stage to,
                                        const core::Date& date, const std::string& reason);
  // Every project, with what is overdue on `as_of` and each one's effect. By default `as_of` is
  // the last day of the latest month held: everything judged against time is judged at the data
  // month, in every output (today only in a store without statistics).
  Result<chains::Pipeline> Projects(std::optional<core::Date> as_of = std::nullopt);

  // The ladders (kCultivation; one, by code, or all when empty) at `period` (default: the
  // latest month held), with a park editor's own park's enterprises only. `targets`: the
  // targets at that period when the caller has them already (else computed). `limit`: the
  // entries kept per ladder (0: all listed).
  Result<std::unique_ptr<chains::CultivationReport>> Cultivate(
      const Grant& grant, const std::string& ladder, std::optional<core::Period> period,
      const targets::TargetReport* targets = nullptr, std::size_t limit = 0);
};

}  // namespace clusterscope::app
