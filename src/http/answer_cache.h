// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Answers of the read-only endpoints kept per data version (app::Database::DataVersion): the
// same question over the same data gets the same bytes, so the cockpit of a wall display and of
// a hundred browsers is computed once. A change of data, by the server or by the command line,
// moves the version and the next request recomputes. A question asked while it is being
// computed waits for that computation instead of starting its own. The answers kept stay within
// a byte budget, the least recently asked going first; the Router keys them by the parameters a
// route knows, so that made-up parameters cannot fill it. Thread-safe. Private to http.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "clusterscope/core/status.h"

namespace clusterscope::http {

// An answer as sent: its bytes, their type, and the file name of a download (or empty).
struct Answer {
  std::string body;
  std::string content_type;
  std::string filename;
};

class AnswerCache {
 public:
  using Body = std::shared_ptr<const Answer>;

  explicit AnswerCache(std::size_t budget_bytes) : budget_(budget_bytes) {}

  // The answer to `key` at `version`: the kept one, or `compute`'s (kept when it succeeds).
  // Errors are not kept.
  Result<Body> Get(const std::string& key, std::int64_t version,
                   const std::function<Result<Answer>()>& compute);

  std::size_t hits() const { return hits_; }
  std::size_t misses() const { return misses_; }
  // Bytes of the answers and keys kept now.
  std::size_t bytes() const;

  // The default budget: a 32nd of the machine's memory, at most 512 MiB.
  static std::size_t DefaultBudget();

 private:
  struct Slot {
    std::shared_mutex mutex;  // shared to read, exclusive while computing
    std::int64_t version = -1;
    Body body;
    // Guarded by the cache's mutex_:
    std::size_t bytes = 0;
    std::list<std::string>::iterator recent;  // its place in recent_
  };
  std::shared_ptr<Slot> SlotFor(const std::string& key);
  // Counts a slot's new size and drops the least recently asked past the budget.
  void Account(const std::string& key, Slot& slot, std::size_t bytes);
  // Drops the least recently asked until `room` more bytes fit the budget; mutex_ held.
  void Evict(std::size_t room);

  std::size_t budget_;
  mutable std::mutex mutex_;  // guards slots_, recent_, used_
  std::unordered_map<std::string, std::shared_ptr<Slot>> slots_;
  std::list<std::string> recent_;  // keys, the most recently asked first
  std::size_t used_ = 0;
  std::atomic<std::size_t> hits_ = 0;
  std::atomic<std::size_t> misses_ = 0;
};

}  // namespace clusterscope::http
