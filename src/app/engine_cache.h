// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The engines of the process: one per database, built at a data version and shared by every
// service, thread and request until the version moves. Threads asking while one builds wait for
// it rather than building their own. Private to `app`.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "clusterscope/core/status.h"
#include "clusterscope/engine/indicators.h"

namespace clusterscope::app {

using SharedEngine = std::shared_ptr<const engine::Engine>;

// The engine of database `key` at `version`: the one held if built at that version, else
// build()'s (kept when it succeeds).
Result<SharedEngine> EngineAt(const std::string& key, std::int64_t version,
                              const std::function<Result<SharedEngine>()>& build);
// Drops the engine of `key` (an in-memory database closing: its key is not used again).
void ForgetEngine(const std::string& key);

}  // namespace clusterscope::app
