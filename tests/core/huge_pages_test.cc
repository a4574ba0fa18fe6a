// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The huge-page allocator: large blocks start on a 2 MiB boundary and hold what is written to
// them through growth and copies; small blocks come from the usual heap.
#include "clusterscope/core/huge_pages.h"

#include <cstdint>
#include <numeric>

#include <gtest/gtest.h>

namespace clusterscope::core {
namespace {

TEST(HugePagesTest, LargeBlocksAreAlignedAndKeepTheirValues) {
  HugeVector<std::int64_t> column(600'000);  // 4.8 MB
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(column.data()) % kHugePage, 0u);
  std::iota(column.begin(), column.end(), std::int64_t{-7});
  column.resize(1'500'000, 3);  // regrows into a new block
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(column.data()) % kHugePage, 0u);
  EXPECT_EQ(column[0], -7);
  EXPECT_EQ(column[599'999], 599'992);
  EXPECT_EQ(column[1'499'999], 3);
  const HugeVector<std::int64_t> copy = column;
  EXPECT_EQ(copy, column);
  column.clear();
  column.shrink_to_fit();  // freed whole
  EXPECT_EQ(column.capacity(), 0u);
}

TEST(HugePagesTest, SmallBlocksWork) {
  HugeVector<double> small{1.5, 2.5};
  small.push_back(3.5);
  EXPECT_DOUBLE_EQ(small[0] + small[1] + small[2], 7.5);
}

}  // namespace
}  // namespace clusterscope::core
