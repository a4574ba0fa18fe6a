// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/core/text.h"

#include <gtest/gtest.h>

namespace clusterscope::core {
namespace {

TEST(TextTest, FindsInvalidUtf8) {
  EXPECT_FALSE(FindInvalidUtf8("涪陵 ok").has_value());
  EXPECT_EQ(FindInvalidUtf8("ab\xB8\xA2"), 2u);                   // GBK bytes
  EXPECT_EQ(FindInvalidUtf8("ab\xE6\xB6"), 2u);                   // truncated 3-byte sequence
  EXPECT_EQ(FindInvalidUtf8("\xC0\xAF"), 0u);                     // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("x\xED\xA0\x80"), 1u);                // UTF-16 surrogate
  EXPECT_FALSE(FindInvalidUtf8("\xF0\x9F\x98\x80").has_value());  // 4-byte emoji
}

TEST(TextTest, ParsesYesNo) {
  for (const char* yes : {"1", "是", "Y", "yes", "TRUE"}) EXPECT_TRUE(*ParseYesNo(yes)) << yes;
  for (const char* no : {"0", "否", "n", "No", "false"}) EXPECT_FALSE(*ParseYesNo(no)) << no;
  EXPECT_FALSE(ParseYesNo("2").has_value());
  EXPECT_FALSE(ParseYesNo("").has_value());
}

TEST(TextTest, ParsesDecimals) {
  EXPECT_DOUBLE_EQ(*ParseDecimal(" 12.5 "), 12.5);
  EXPECT_DOUBLE_EQ(*ParseDecimal("-3"), -3);
  EXPECT_DOUBLE_EQ(*ParseDecimal("+0.25"), 0.25);
  EXPECT_DOUBLE_EQ(*ParseDecimal("1.5e3"), 1500);
  // Excel's thousands separators and the full-width forms of Chinese input methods.
  EXPECT_DOUBLE_EQ(*ParseDecimal("250,000.00"), 250000);
  EXPECT_DOUBLE_EQ(*ParseDecimal("-1,234,567.5"), -1234567.5);
  EXPECT_DOUBLE_EQ(*ParseDecimal("1,000"), 1000);
  EXPECT_DOUBLE_EQ(*ParseDecimal("２５０．５"), 250.5);
  EXPECT_DOUBLE_EQ(*ParseDecimal("－１，２００"), -1200);
  for (const char* bad : {"", "12km", "nan", "inf", "1e400", "--1", "1,5", "12,34", ",100",
                          "1,,000", "1000,000", "1,000,00", "100,", "一百", "１２ｋｍ"}) {
    EXPECT_FALSE(ParseDecimal(bad).has_value()) << bad;
  }
}

// The decimal places a figure keeps in 万元 (engine::Amount keeps six): after the text's own
// exponent and the unit's, trailing zeros aside.
TEST(TextTest, CountsDecimalPlaces) {
  EXPECT_EQ(DecimalPlaces("12.50"), 1);
  EXPECT_EQ(DecimalPlaces("1200"), 0);
  EXPECT_EQ(DecimalPlaces("1,234.567891"), 6);
  EXPECT_EQ(DecimalPlaces("0.1234567"), 7);
  EXPECT_EQ(DecimalPlaces("3e-7"), 7);
  EXPECT_EQ(DecimalPlaces("1.5e3"), 0);
  EXPECT_EQ(DecimalPlaces("１２．３４"), 2);
  EXPECT_EQ(DecimalPlaces("1.2345", -1), 5);  // 千元 to 万元
  EXPECT_EQ(DecimalPlaces("12.34", -4), 6);   // 元 to 万元: 分 is the sixth place
  EXPECT_EQ(DecimalPlaces("12.345", -4), 7);
  EXPECT_EQ(DecimalPlaces("3.2", 4), 0);  // 亿元 to 万元
  EXPECT_EQ(DecimalPlaces("not a number"), 0);
}

// A figure in 千元 or 元 becomes 万元 by moving its decimal point, rounded once: exactly the
// double the same figure written in 万元 reads as (multiplying by 0.1 gives 172986.53000000003).
TEST(TextTest, ShiftsDecimalsExactly) {
  EXPECT_EQ(*ParseDecimal("1729865.3", -1), *ParseDecimal("172986.53"));
  EXPECT_NE(*ParseDecimal("1729865.3") * 0.1, *ParseDecimal("172986.53"));
  EXPECT_EQ(*ParseDecimal("1,729,865.3", -1), *ParseDecimal("172986.53"));
  EXPECT_EQ(*ParseDecimal("１７２９８６５．３", -1), *ParseDecimal("172986.53"));
  EXPECT_EQ(*ParseDecimal("1729865300", -4), *ParseDecimal("172986.53"));
  EXPECT_EQ(*ParseDecimal("17.29", 4), *ParseDecimal("172900"));
  EXPECT_EQ(*ParseDecimal("-0.3", -1), *ParseDecimal("-0.03"));
  EXPECT_EQ(*ParseDecimal("1.5e3", -1), 150);
  EXPECT_EQ(*ParseDecimal("15E+2", -4), 0.15);
  for (const char* bad : {"", "e5", "1e", "1e+", "1ex", "1e99999999999", "1.2.3"}) {
    EXPECT_FALSE(ParseDecimal(bad, -1).has_value()) << bad;
  }
}

TEST(TextTest, MeasuresDisplayWidth) {
  EXPECT_EQ(DisplayWidth("abc"), 3u);
  EXPECT_EQ(DisplayWidth("涪陵区"), 6u);
  EXPECT_EQ(DisplayWidth("L1 先进材料"), 11u);
  EXPECT_EQ(DisplayWidth(""), 0u);
}

}  // namespace
TEST(TextTest, AbbreviatesByCharacters) {
  EXPECT_EQ(Abbreviate("abc", 3), "abc");
  EXPECT_EQ(Abbreviate("abcd", 3), "abc…");
  EXPECT_EQ(Abbreviate("工业总产值", 2), "工业…");
  EXPECT_EQ(CharacterCount("工业x"), 3U);
}

}  // namespace clusterscope::core
