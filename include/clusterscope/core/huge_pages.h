// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// An allocator for the large columns of the engine: blocks of 2 MiB and more are mapped on
// their own, aligned to 2 MiB and marked for transparent huge pages (madvise), so that the
// kernel faults a national panel's gigabytes in 2 MiB pages rather than 4 KiB ones. Debian
// enables transparent huge pages "madvise" by default, so only memory that asks gets them;
// the engine's first build from the store spends a third of its time in page faults without.
// Smaller blocks come from operator new as usual.
#pragma once

#include <cstddef>
#include <new>
#include <vector>

namespace clusterscope::core {

// The untyped halves, in huge_pages.cc (no system headers here).
void* AllocateLarge(std::size_t bytes);
void FreeLarge(void* block, std::size_t bytes);
inline constexpr std::size_t kHugePage = std::size_t{2} << 20;

template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  explicit HugePageAllocator(const HugePageAllocator<U>& /*other*/) {}

  T* allocate(std::size_t n) {
    const std::size_t bytes = n * sizeof(T);
    if (bytes < kHugePage) return static_cast<T*>(::operator new(bytes));
    return static_cast<T*>(AllocateLarge(bytes));
  }
  void deallocate(T* p, std::size_t n) {
    const std::size_t bytes = n * sizeof(T);
    if (bytes < kHugePage) {
      ::operator delete(p);
    } else {
      FreeLarge(p, bytes);
    }
  }
  template <typename U>
  bool operator==(const HugePageAllocator<U>& /*other*/) const {
    return true;
  }
};

// A vector whose blocks of 2 MiB and more are in huge pages.
template <typename T>
using HugeVector = std::vector<T, HugePageAllocator<T>>;

}  // namespace clusterscope::core
