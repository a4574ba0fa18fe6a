// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "answer_cache.h"

#include <algorithm>

#include <unistd.h>

namespace clusterscope::http {

std::size_t AnswerCache::DefaultBudget() {
  const long pages = ::sysconf(_SC_PHYS_PAGES);
  const long page_size = ::sysconf(_SC_PAGE_SIZE);
  const std::size_t memory = pages > 0 && page_size > 0 ? static_cast<std::size_t>(pages) *
                                                              static_cast<std::size_t>(page_size)
                                                        : std::size_t{4} << 30;
  return std::min(memory / 32, std::size_t{512} << 20);
}

std::shared_ptr<AnswerCache::Slot> AnswerCache::SlotFor(const std::string& key) {
  const std::lock_guard lock(mutex_);
  auto it = slots_.find(key);
  if (it != slots_.end()) {
    recent_.splice(recent_.begin(), recent_, it->second->recent);
    return it->second;
  }
  Evict(key.size() + sizeof(Slot));
  auto slot = std::make_shared<Slot>();
  recent_.push_front(key);
  slot->recent = recent_.begin();
  slot->bytes = key.size() + sizeof(Slot);
  used_ += slot->bytes;
  slots_.emplace(key, slot);
  return slot;
}

void AnswerCache::Evict(std::size_t room) {
  // Slots in use stay alive through their shared pointers.
  while (used_ + room > budget_ && !recent_.empty()) {
    const auto oldest = slots_.find(recent_.back());
    used_ -= oldest->second->bytes;
    slots_.erase(oldest);
    recent_.pop_back();
  }
}

void AnswerCache::Account(const std::string& key, Slot& slot, std::size_t bytes) {
  const std::lock_guard lock(mutex_);
  const auto it = slots_.find(key);
  // Dropped while it was computed: whoever holds it still gets the answer, nothing is counted.
  if (it == slots_.end() || it->second.get() != &slot) return;
  used_ = used_ - slot.bytes + bytes;
  slot.bytes = bytes;
  Evict(0);
}

std::size_t AnswerCache::bytes() const {
  const std::lock_guard lock(mutex_);
  return used_;
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
  const Body kept = slot->body;
  const std::size_t bytes = key.size() + kept->body.size() + kept->content_type.size() +
                            kept->filename.size() + sizeof(Slot);
  write.unlock();
  Account(key, *slot, bytes);
  return kept;
}

}  // namespace clusterscope::http
