// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "answer_cache.h"

namespace clusterscope::http {

std::shared_ptr<AnswerCache::Slot> AnswerCache::SlotFor(const std::string& key) {
  std::lock_guard lock(mutex_);
  auto it = slots_.find(key);
  if (it != slots_.end()) return it->second;
  // Questions carry their parameters, so the keys are unbounded: past the capacity start over
  // (slots in use stay alive through their shared pointers).
  if (slots_.size() >= capacity_) slots_.clear();
  return slots_.emplace(key, std::make_shared<Slot>()).first->second;
}

Result<AnswerCache::Body> AnswerCache::Get(const std::string& key, std::int64_t version,
                                           const std::function<Result<Answer>()>& compute) {
  auto slot = SlotFor(key);
  {
    std::shared_lock read(slot->mutex);
    if (slot->version == version && slot->body) {
      ++hits_;
      return slot->body;
    }
  }
  std::unique_lock write(slot->mutex);
  // Another request may have computed it while this one waited.
  if (slot->version == version && slot->body) {
    ++hits_;
    return slot->body;
  }
  ++misses_;
  auto body = compute();
  if (!body) return Error(body.error());
  slot->body = std::make_shared<const Answer>(std::move(*body));
  slot->version = version;
  return slot->body;
}

}  // namespace clusterscope::http
