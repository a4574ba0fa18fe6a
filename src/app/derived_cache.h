// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// What the process derives from a database's data and keeps until the data change: the engine,
// the benchmark matrices. Each value is kept per database and name at the data version it was
// built at, shared by every service, thread and request until the version moves; threads
// asking while one builds wait for it rather than building their own. Private to `app`.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "clusterscope/core/status.h"

namespace clusterscope::app {

using Derived = std::shared_ptr<const void>;

// The value `name` of database `database` at `version`: the one held if built at that version
// and enough() for the caller (when given), else build()'s (kept when it succeeds).
Result<Derived> DerivedAt(const std::string& database, const std::string& name,
                          std::int64_t version, const std::function<Result<Derived>()>& build,
                          const std::function<bool(const Derived&)>& enough = {});
// Drops every value of `database` (an in-memory database closing: its key is not used again).
void ForgetDerived(const std::string& database);

}  // namespace clusterscope::app
