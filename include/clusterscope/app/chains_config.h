// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Loading a system's chain work from its TOML file (docs/chains.md): chains, link rules, the
// pipeline's rules and the cultivation ladders, checked against the cluster system; every
// problem as "file:line: key: what is wrong".
#pragma once

#include <string>

#include "clusterscope/core/status.h"
#include "clusterscope/model/chain.h"
#include "clusterscope/model/cluster_system.h"

namespace clusterscope::app {

// InvalidArgument lists every problem; NotFound if the file is missing.
Result<model::ChainPlan> LoadChainPlanFile(const std::string& path,
                                           const model::ClusterSystem& system);
// The same from text; `name` stands for the file in messages.
Result<model::ChainPlan> LoadChainPlanText(const std::string& text, const std::string& name,
                                           const model::ClusterSystem& system);

}  // namespace clusterscope::app
