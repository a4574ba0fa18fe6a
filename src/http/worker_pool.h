// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// A fixed number of threads running requests' handlers from a bounded queue: a request that
// finds the queue full is answered 503 at once instead of waiting without end, and a handler
// never holds up the thread that reads and writes the connections. Each thread keeps its own
// database connection (Router::DatabaseForThread). Thread-safe. Private to http.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace clusterscope::http {

class WorkerPool {
 public:
  WorkerPool(int threads, std::size_t queue_limit);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues `task`; false (and `task` dropped) when `queue_limit` tasks are already waiting or
  // the pool is stopping.
  bool TrySubmit(std::function<void()> task);
  // Runs what is queued, then joins the threads. Idempotent.
  void Stop();

  // Tasks waiting for a thread.
  std::size_t waiting() const;

 private:
  void Work();

  std::size_t queue_limit_;
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> queue_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace clusterscope::http
