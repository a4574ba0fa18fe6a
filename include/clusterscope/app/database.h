// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Database is an opened ClusterScope database: its store and the cluster system it holds. The
// domain services (registry, imports, statistics, targets, chains, analytics, users) borrow it
// and act for one caller each (access.h); nothing outside `app` reaches the store. One Database
// per thread: a store is used from one thread at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "clusterscope/core/period.h"
#include "clusterscope/core/status.h"
#include "clusterscope/model/cluster_system.h"

namespace clusterscope::storage {
class Store;
}  // namespace clusterscope::storage
namespace clusterscope::engine {
class Engine;
}  // namespace clusterscope::engine

namespace clusterscope::app {

class Database {
 public:
  // Opens an initialised database. NotFound if the file does not exist (say `init` first);
  // InvalidArgument if it holds no cluster system.
  static Result<std::unique_ptr<Database>> Open(const std::string& path);

  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  // As loaded at Open(); constant after.
  const model::ClusterSystem& system() const { return system_; }
  const std::string& path() const { return path_; }
  // A number every committed change of data raises, whoever made it (exports do not): equal
  // versions mean equal data, for caches of answers.
  Result<std::int64_t> DataVersion();
  // The engine over the store as it is now (the registry, the groups of every view, and the
  // months from `from`, every month when not given): built once per data version and shared by
  // every service, thread and request of the process, so that a report's views do not each
  // build their own. One built from a later month is built again from the earlier one.
  Result<std::shared_ptr<const engine::Engine>> Engine(
      std::optional<core::Period> from = std::nullopt);

 private:
  friend class Service;  // the services' one way to the store
  Database(std::string path, std::unique_ptr<storage::Store> store, model::ClusterSystem system);
  // The value `name` derived from the data by build(), kept for the process until the data
  // version moves (derived_cache.h).
  Result<std::shared_ptr<const void>> Derive(
      const std::string& name, const std::function<Result<std::shared_ptr<const void>>()>& build,
      const std::function<bool(const std::shared_ptr<const void>&)>& enough = {});

  std::string path_;
  std::string key_;  // whose derived values: the file, or this object for an in-memory store
  std::unique_ptr<storage::Store> store_;
  model::ClusterSystem system_;
};

}  // namespace clusterscope::app
