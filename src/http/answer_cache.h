// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Answers of the read-only endpoints kept per data version (app::Database::DataVersion): the
// same question over the same data gets the same bytes, so the cockpit of a wall display and of
// a hundred browsers is computed once. A change of data, by the server or by the command line,
// moves the version and the next request recomputes. A question asked while it is being
// computed waits for that computation instead of starting its own. Thread-safe. Private to
// http.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
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

  explicit AnswerCache(std::size_t capacity = 512) : capacity_(capacity) {}

  // The answer to `key` at `version`: the kept one, or `compute`'s (kept when it succeeds).
  // Errors are not kept.
  Result<Body> Get(const std::string& key, std::int64_t version,
                   const std::function<Result<Answer>()>& compute);

  std::size_t hits() const { return hits_; }
  std::size_t misses() const { return misses_; }

 private:
  struct Slot {
    std::shared_mutex mutex;  // shared to read, exclusive while computing
    std::int64_t version = -1;
    Body body;
  };
  std::shared_ptr<Slot> SlotFor(const std::string& key);

  std::size_t capacity_;
  std::mutex mutex_;  // guards slots_
  std::unordered_map<std::string, std::shared_ptr<Slot>> slots_;
  std::atomic<std::size_t> hits_ = 0;
  std::atomic<std::size_t> misses_ = 0;
};

}  // namespace clusterscope::http
