// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "derived_cache.h"

#include <map>
#include <mutex>
#include <utility>

namespace clusterscope::app {
namespace {

struct Slot {
  std::mutex building;  // held while the value is built, so that one thread builds it
  std::int64_t version = -1;
  Derived value;
};

std::mutex& SlotsMutex() {
  static std::mutex mutex;
  return mutex;
}

// By (database, name).
std::map<std::pair<std::string, std::string>, std::shared_ptr<Slot>>& Slots() {
  static std::map<std::pair<std::string, std::string>, std::shared_ptr<Slot>> slots;
  return slots;
}

}  // namespace

Result<Derived> DerivedAt(const std::string& database, const std::string& name,
                          std::int64_t version, const std::function<Result<Derived>()>& build,
                          const std::function<bool(const Derived&)>& enough) {
  std::shared_ptr<Slot> slot;
  {
    const std::lock_guard lock(SlotsMutex());
    auto& held = Slots()[{database, name}];
    if (!held) held = std::make_shared<Slot>();
    slot = held;
  }
  const std::lock_guard lock(slot->building);
  if (slot->value && slot->version == version && (!enough || enough(slot->value))) {
    return slot->value;
  }
  // The value of an older version goes only when the new one is built (answers being computed
  // from it keep their own reference).
  auto built = build();
  if (!built) return Error(built.error());
  slot->value = *built;
  slot->version = version;
  return slot->value;
}

void ForgetDerived(const std::string& database) {
  const std::lock_guard lock(SlotsMutex());
  auto& slots = Slots();
  slots.erase(slots.lower_bound({database, ""}), slots.lower_bound({database + '\0', ""}));
}

}  // namespace clusterscope::app
