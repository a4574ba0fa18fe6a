// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/app/database.h"

#include <atomic>
#include <filesystem>

#include "engine_cache.h"
#include "store_helpers.h"
#include <fmt/format.h>

#include "clusterscope/app/service.h"
#include "clusterscope/storage/store.h"

namespace clusterscope::app {

Database::Database(std::string path, std::unique_ptr<storage::Store> store,
                   model::ClusterSystem system)
    : path_(std::move(path)), store_(std::move(store)), system_(std::move(system)) {
  std::error_code error;
  if (path_ == ":memory:") {
    static std::atomic<std::uint64_t> opened{0};
    engine_key_ = fmt::format(":memory:{}", ++opened);
  } else {
    engine_key_ = std::filesystem::weakly_canonical(path_, error).string();
    if (error) engine_key_ = path_;
  }
}

Database::~Database() {
  if (path_ == ":memory:") ForgetEngine(engine_key_);
}

Result<std::unique_ptr<Database>> Database::Open(const std::string& path) {
  // Opening would create an empty file; a mistyped path should say so instead.
  std::error_code error;
  if (path != ":memory:" && !std::filesystem::exists(path, error)) {
    return Error(Status::NotFound(fmt::format(
        "database '{}' does not exist; create it with: clusterscope init --db {}", path, path)));
  }
  auto store = storage::OpenSqliteStore(path);
  if (!store) return Error(store.error());
  auto system = (*store)->LoadSystem();
  if (!system) return Error(system.error());
  if (!system->has_value()) {
    return Error(Status::InvalidArgument(fmt::format(
        "database '{}' has no cluster system; load one with: clusterscope init --db {} --system "
        "FILE",
        path, path)));
  }
  return std::unique_ptr<Database>(new Database(path, std::move(*store), std::move(**system)));
}

Result<std::int64_t> Database::DataVersion() { return store_->DataVersion(); }

Result<std::shared_ptr<const engine::Engine>> Database::Engine() {
  auto version = DataVersion();
  if (!version) return Error(version.error());
  return EngineAt(engine_key_, *version, [&] { return BuildEngine(*store_, system_); });
}

Caller Caller::CommandLine(std::string user) {
  return Caller{std::move(user), model::Role::kAdmin, "", Channel::kCommandLine};
}

storage::Store& Service::store() const { return *db_->store_; }

Result<std::shared_ptr<const engine::Engine>> Service::Engine() const { return db_->Engine(); }

}  // namespace clusterscope::app
