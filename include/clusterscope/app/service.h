// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// What every domain service shares: the database it borrows and the caller it acts for. A
// service is cheap to make: a front end makes one per command or request.
#pragma once

#include <memory>
#include <string>

#include "clusterscope/app/database.h"
#include "clusterscope/model/user.h"

namespace clusterscope::app {

// The front end a call comes through: recorded nowhere but in how a caller is made.
enum class Channel { kCommandLine, kHttp };

// Who acts: the user recorded in the audit log, the role the access rules read, the park of a
// park editor.
struct Caller {
  std::string user;
  model::Role role = model::Role::kViewer;
  std::string park;
  Channel channel = Channel::kHttp;

  // The operator of the command line. Whoever can open the database file can read and change
  // all of it, so the command line acts as an admin; changes and exports are recorded under
  // `user` ($CLUSTERSCOPE_USER, --actor).
  static Caller CommandLine(std::string user);
};

class Service {
 public:
  Service(Database& db, Caller caller) : db_(&db), caller_(std::move(caller)) {}

  const model::ClusterSystem& system() const { return db_->system(); }
  const Caller& caller() const { return caller_; }

 protected:
  storage::Store& store() const;  // database.cc, where Store is complete
  // The database's shared engine with the months from `from` (Database::Engine).
  Result<std::shared_ptr<const engine::Engine>> Engine(
      std::optional<core::Period> from = std::nullopt) const;
  // The value `name` of type T that build() -> Result<T> derives from the data, kept for the
  // process until the data change.
  template <typename T, typename Build>
  Result<std::shared_ptr<const T>> Derive(const std::string& name, const Build& build) const {
    auto derived = db_->Derive(name, [&]() -> Result<std::shared_ptr<const void>> {
      auto built = build();
      if (!built) return Error(built.error());
      return std::shared_ptr<const void>(std::make_shared<const T>(std::move(*built)));
    });
    if (!derived) return Error(derived.error());
    return std::static_pointer_cast<const T>(*derived);
  }
  Database& db() const { return *db_; }
  const std::string& actor() const { return caller_.user; }

 private:
  Database* db_;  // borrowed; outlives the service
  Caller caller_;
};

}  // namespace clusterscope::app
