// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/app/database.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <limits>

#include "derived_cache.h"
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
    key_ = fmt::format(":memory:{}", ++opened);
  } else {
    key_ = std::filesystem::weakly_canonical(path_, error).string();
    if (error) key_ = path_;
  }
}

Database::~Database() {
  if (path_ == ":memory:") ForgetDerived(key_);
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

Result<std::shared_ptr<const void>> Database::Derive(
    const std::string& name, const std::function<Result<std::shared_ptr<const void>>()>& build,
    const std::function<bool(const std::shared_ptr<const void>&)>& enough) {
  auto version = DataVersion();
  if (!version) return Error(version.error());
  return DerivedAt(key_, name, *version, build, enough);
}

Result<std::shared_ptr<const engine::Engine>> Database::Engine(std::optional<core::Period> from) {
  // Enough when it starts no later than `from`, or than the first month held if that is later.
  const auto enough = [&](const std::shared_ptr<const void>& held) {
    const auto& built = *std::static_pointer_cast<const BuiltEngine>(held);
    const std::int32_t wanted = from ? from->Index() : std::numeric_limits<std::int32_t>::min();
    return !built.from || built.from->Index() <= std::max(wanted, built.first_held);
  };
  auto derived = Derive(
      "engine",
      [&]() -> Result<std::shared_ptr<const void>> {
        auto built = BuildEngine(*store_, system_, from);
        if (!built) return Error(built.error());
        return std::shared_ptr<const void>(std::make_shared<const BuiltEngine>(std::move(*built)));
      },
      enough);
  if (!derived) return Error(derived.error());
  return std::static_pointer_cast<const BuiltEngine>(*derived)->engine;
}

Caller Caller::CommandLine(std::string user) {
  return Caller{std::move(user), model::Role::kAdmin, "", Channel::kCommandLine};
}

storage::Store& Service::store() const { return *db_->store_; }

Result<std::shared_ptr<const engine::Engine>> Service::Engine(
    std::optional<core::Period> from) const {
  return db_->Engine(from);
}

}  // namespace clusterscope::app
