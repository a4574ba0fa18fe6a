// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The figures the cultivation ladders test, for every registered enterprise at a period
// (docs/cultivation.md): from the registry, the designations held at the period's end and the
// monthly statistics of the last years. Private to app.
#pragma once

#include <vector>

#include "clusterscope/chains/cultivation.h"
#include "clusterscope/core/period.h"
#include "clusterscope/engine/panel.h"
#include "clusterscope/model/cluster_system.h"
#include "clusterscope/model/designation.h"
#include "clusterscope/model/enterprise.h"

namespace clusterscope::app {

// The statistics come from the engine's panel: the months from January two years before the
// last full year to `period`.
// Rows in registry order; the table's names are views of `registry`.
chains::FigureTable CultivationFigures(core::Period period, const model::ClusterSystem& system,
                                       const std::vector<model::Enterprise>& registry,
                                       const std::vector<model::Designation>& designations,
                                       const engine::Panel& panel);

// The last full year at `period`: its own year in December, else the year before.
int LastFullYear(core::Period period);

}  // namespace clusterscope::app
