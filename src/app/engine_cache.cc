// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "engine_cache.h"

#include <map>
#include <mutex>

namespace clusterscope::app {
namespace {

struct Slot {
  std::mutex building;  // held while the engine is built, so that one thread builds it
  std::int64_t version = -1;
  SharedEngine engine;
};

std::mutex& SlotsMutex() {
  static std::mutex mutex;
  return mutex;
}

std::map<std::string, std::shared_ptr<Slot>>& Slots() {
  static std::map<std::string, std::shared_ptr<Slot>> slots;
  return slots;
}

}  // namespace

Result<SharedEngine> EngineAt(const std::string& key, std::int64_t version,
                              const std::function<Result<SharedEngine>()>& build) {
  std::shared_ptr<Slot> slot;
  {
    const std::lock_guard lock(SlotsMutex());
    auto& held = Slots()[key];
    if (!held) held = std::make_shared<Slot>();
    slot = held;
  }
  const std::lock_guard lock(slot->building);
  if (slot->engine && slot->version == version) return slot->engine;
  // The engine of an older version goes only when the new one is built (answers being
  // computed on it keep their own reference).
  auto built = build();
  if (!built) return Error(built.error());
  slot->engine = *built;
  slot->version = version;
  return slot->engine;
}

void ForgetEngine(const std::string& key) {
  const std::lock_guard lock(SlotsMutex());
  Slots().erase(key);
}

}  // namespace clusterscope::app
