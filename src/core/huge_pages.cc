// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/core/huge_pages.h"

#include <cstdint>

#include <sys/mman.h>

namespace clusterscope::core {
namespace {

std::size_t RoundUp(std::size_t bytes, std::size_t to) { return (bytes + to - 1) / to * to; }

}  // namespace

void* AllocateLarge(std::size_t bytes) {
  const std::size_t size = RoundUp(bytes, kHugePage);
  // Map a huge page more than asked, then give back the ends so that the block starts on a
  // 2 MiB boundary: the kernel backs only aligned 2 MiB ranges with huge pages.
  const std::size_t mapped = size + kHugePage;
  void* raw = mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) throw std::bad_alloc();
  char* const base = static_cast<char*>(raw);
  const std::size_t head =
      (kHugePage - reinterpret_cast<std::uintptr_t>(raw) % kHugePage) % kHugePage;
  char* const block = base + head;
  if (head > 0) munmap(base, head);
  const std::size_t tail = mapped - head - size;
  if (tail > 0) munmap(block + size, tail);
  madvise(block, size, MADV_HUGEPAGE);  // advice only: without it the block is still memory
  return block;
}

void FreeLarge(void* block, std::size_t bytes) { munmap(block, RoundUp(bytes, kHugePage)); }

}  // namespace clusterscope::core
