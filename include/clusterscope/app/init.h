// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Creating a database: the schema, the cluster system and the plans beside its file.
#pragma once

#include <string>

#include "clusterscope/core/status.h"
#include "clusterscope/model/cluster_system.h"

namespace clusterscope::app {

struct InitOptions {
  std::string db_path;
  std::string system_path;  // TOML file of the cluster system
  std::string actor;
  // TOML file of the target plan; empty: "<code>-targets.toml" beside the system file, if any.
  std::string targets_path;
  // TOML file of the chain work; empty: "<code>-chains.toml" beside the system file, if any.
  std::string chains_path;
  // TOML file of the analytics plan; empty: "<code>-analytics.toml" beside the system file.
  std::string analytics_path;
};

struct InitResult {
  bool created = false;          // the database file was new
  bool system_replaced = false;  // an existing system was replaced
  model::ClusterSystem system;
  std::string targets_file;    // the target plan loaded, or empty
  std::string chains_file;     // the chain plan loaded, or empty
  std::string analytics_file;  // the analytics plan loaded, or empty
};

// Creates the database (or migrates an existing one) and loads the cluster system into it.
// Replacing a system fails, leaving the old one, if records use codes the new one drops.
Result<InitResult> InitDatabase(const InitOptions& options);

// The user to record in the audit log when none is given: $CLUSTERSCOPE_USER, else $USER, else
// "unknown".
std::string DefaultActor();

// The current calendar year, the default year an above_scale value describes.
int CurrentYear();

}  // namespace clusterscope::app
