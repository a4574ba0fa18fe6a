// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/core/credit_code.h"

#include "testutil.h"
#include <gtest/gtest.h>

namespace clusterscope::core {
namespace {

TEST(CreditCodeTest, AcceptsPublishedCodes) {
  // Codes printed on public business licences, and the standard's own example.
  const char* cases[] = {
      "91350100M000100Y43",  // GB 32100-2015 example
      "914403001922038216",  // Huawei
      "91440300708461136T",  // Tencent
      "91330100716105852F",  // Alibaba (China) Network Technology
      "91110000802100433B",  // a letter check character
  };
  for (const char* code : cases) {
    EXPECT_OK(ValidateCreditCode(code)) << code;
  }
}

TEST(CreditCodeTest, RejectsWithTheRuleBroken) {
  struct Case {
    const char* code;
    const char* expected;  // part of the message
  } cases[] = {
      {"", "18 characters"},
      {"91350100M000100Y4", "18 characters"},
      {"91350100M000100Y433", "18 characters"},
      {"91350100M000100Y4I", "position 18"},  // I is not in the alphabet
      {"91350100m000100Y43", "position 9"},   // lower case
      {"91350A00M000100Y43", "division code"},
      {"91350100M000100Y44", "check character (18th)"},
      {"91350100M000100X43", "organisation-code check"},
      {"914403001922038217", "check character (18th)"},
  };
  for (const auto& c : cases) {
    const Status status = ValidateCreditCode(c.code);
    EXPECT_EQ(status.code(), Status::Code::kInvalidArgument) << c.code;
    EXPECT_NE(status.message().find(c.expected), std::string::npos)
        << c.code << ": " << status.message();
  }
}

TEST(CreditCodeTest, CheckCharactersByHand) {
  // Organisation code M000100Y: M=22; 22*3 + 0 + 0 + 0 + 1*5 + 0 + 0 + Y(34)*2 = 139;
  // 139 mod 11 = 7; 11 - 7 = 4.
  EXPECT_EQ(OrganisationCodeCheckCharacter("M000100Y"), '4');
  // Sum 10 mod 11 = 10 gives 1; 11 mod 11 = 0 gives 'X' only for check 10, '0' for 11.
  EXPECT_EQ(OrganisationCodeCheckCharacter("00000000"), '0');  // 11 - 0 = 11 -> '0'
  EXPECT_EQ(CreditCodeCheckCharacter("91350100M000100Y4"), '3');
}

TEST(CreditCodeTest, CompletesBodies) {
  auto code = CompleteCreditCode("91350100M000100Y");
  ASSERT_OK(code);
  EXPECT_EQ(*code, "91350100M000100Y43");
  EXPECT_FALSE(CompleteCreditCode("9135010").has_value());
  EXPECT_FALSE(CompleteCreditCode("91350100M000100I").has_value());
  for (int n = 0; n < 2000; ++n) EXPECT_OK(ValidateCreditCode(testutil::CreditCode(n)));
}

}  // namespace
}  // namespace clusterscope::core
