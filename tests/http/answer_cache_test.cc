// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The answer cache keeps within its byte budget, drops the least recently asked first, and
// cannot be filled by questions whose answers fail.
#include "answer_cache.h"

#include <string>

#include "testutil.h"
#include <fmt/format.h>
#include <gtest/gtest.h>

namespace clusterscope::http {
namespace {

TEST(AnswerCacheTest, KeepsWithinItsBudgetDroppingTheLeastRecentlyAsked) {
  AnswerCache cache(20 * 1024);
  int computed = 0;
  const auto ask = [&](const std::string& key) {
    auto answer = cache.Get(key, 1, [&]() -> Result<Answer> {
      ++computed;
      return Answer{std::string(1024, 'x') + key, "text/plain", ""};
    });
    EXPECT_TRUE(answer.has_value());
    EXPECT_LE(cache.bytes(), 20U * 1024);
  };
  for (int i = 0; i < 100; ++i) ask(fmt::format("q{}", i));
  EXPECT_EQ(computed, 100);
  // The latest are kept; the first went long ago.
  ask("q99");
  EXPECT_EQ(computed, 100);
  ask("q0");
  EXPECT_EQ(computed, 101);
  // Asking keeps an answer fresh: q90 asked again outlives q91 when room is made.
  ask("q90");
  for (int i = 100; i < 110; ++i) ask(fmt::format("q{}", i));
  const int before = computed;
  ask("q90");
  EXPECT_EQ(computed, before);
  ask("q91");
  EXPECT_EQ(computed, before + 1);
}

TEST(AnswerCacheTest, FailedQuestionsDoNotFillIt) {
  AnswerCache cache(8 * 1024);
  for (int i = 0; i < 10000; ++i) {
    auto answer =
        cache.Get(fmt::format("junk-{}-{}", i, std::string(100, 'j')), 1,
                  []() -> Result<Answer> { return Error(Status::InvalidArgument("no")); });
    EXPECT_FALSE(answer.has_value());
  }
  EXPECT_LE(cache.bytes(), 8U * 1024);
}

TEST(AnswerCacheTest, ANewDataVersionIsComputedAgain) {
  AnswerCache cache(1 << 20);
  int computed = 0;
  const auto compute = [&]() -> Result<Answer> {
    ++computed;
    return Answer{fmt::format("v{}", computed), "text/plain", ""};
  };
  EXPECT_EQ((*cache.Get("k", 1, compute))->body, "v1");
  EXPECT_EQ((*cache.Get("k", 1, compute))->body, "v1");
  EXPECT_EQ((*cache.Get("k", 2, compute))->body, "v2");
  EXPECT_EQ(cache.hits(), 1U);
  EXPECT_EQ(cache.misses(), 2U);
}

}  // namespace
}  // namespace clusterscope::http
