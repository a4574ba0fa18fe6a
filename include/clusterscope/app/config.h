// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Loading a cluster system from its TOML file (see docs/cluster_system.md). The loader checks
// the file's shape (unknown keys, wrong types) and then the system's rules, and reports each
// problem as "file:line: key: what is wrong". Plain functions, safe from any thread.
#pragma once

#include <string>

#include "clusterscope/core/status.h"
#include "clusterscope/model/cluster_system.h"

namespace clusterscope::app {

// Loads and validates the system in `path`, with the parent system its `parent` key names
// (a path relative to `path`). InvalidArgument lists every problem found; NotFound if a file
// is missing.
Result<model::ClusterSystem> LoadSystemFile(const std::string& path);

// The same from text, for tests; `name` stands for the file in messages and `base_dir`
// resolves a parent path.
Result<model::ClusterSystem> LoadSystemText(const std::string& text, const std::string& name,
                                            const std::string& base_dir);

}  // namespace clusterscope::app
