// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "worker_pool.h"

#include <chrono>

#include <malloc.h>

namespace clusterscope::http {

WorkerPool::WorkerPool(int threads, std::size_t queue_limit) : queue_limit_(queue_limit) {
  threads_.reserve(static_cast<std::size_t>(threads));
  for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { Work(); });
}

WorkerPool::~WorkerPool() { Stop(); }

bool WorkerPool::TrySubmit(std::function<void()> task) {
  {
    const std::lock_guard lock(mutex_);
    if (stopping_ || queue_.size() >= queue_limit_) return false;
    queue_.push_back(std::move(task));
  }
  ready_.notify_one();
  return true;
}

void WorkerPool::Stop() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (auto& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
}

std::size_t WorkerPool::waiting() const {
  const std::lock_guard lock(mutex_);
  return queue_.size();
}

void WorkerPool::Work() {
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to run
      task = std::move(queue_.front());
      queue_.pop_front();
    }
    task();
    ReturnFreedMemory();
  }
}

void WorkerPool::ReturnFreedMemory() {
  using std::chrono::steady_clock;
  const std::int64_t now = steady_clock::now().time_since_epoch().count();
  std::int64_t last = last_trim_.load();
  const auto period = std::chrono::duration_cast<steady_clock::duration>(std::chrono::seconds(1));
  if (now - last < period.count() || waiting() > 0) return;
  if (!last_trim_.compare_exchange_strong(last, now)) return;  // another thread is at it
  ::malloc_trim(0);
}

}  // namespace clusterscope::http
