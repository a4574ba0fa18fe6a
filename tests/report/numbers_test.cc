// SPDX-License-Identifier: LicenseRef-ClusterScope
// The number forms of every output against the case table the dashboard is tested on too
// (tests/data/formatting.json): one convention, two implementations that cannot drift apart.
#include "clusterscope/report/numbers.h"

#include <fstream>
#include <optional>
#include <string>

#include "testutil.h"
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace clusterscope::report::numbers {
namespace {

using nlohmann::json;

const json& Cases() {
  static const json cases = [] {
    std::ifstream in(CLUSTERSCOPE_FORMATTING_CASES);
    return json::parse(in);
  }();
  return cases;
}

std::optional<double> Number(const json& value) {
  return value.is_null() ? std::nullopt : std::optional<double>(value.get<double>());
}

Language LanguageOf(const json& value) {
  return value.get<std::string>() == "zh" ? Language::kZh : Language::kEn;
}

core::Period PeriodOf(const json& value) { return *core::Period::Parse(value.get<std::string>()); }

// Every row of a kind: its arguments, and the expected text last.
template <typename Form>
void Check(const char* kind, Form form) {
  const auto& rows = Cases().at(kind);
  ASSERT_FALSE(rows.empty()) << kind;
  for (const auto& row : rows) {
    EXPECT_EQ(form(row), row.back().get<std::string>()) << kind << " " << row.dump();
  }
}

TEST(NumbersTest, EveryCaseOfTheSharedTable) {
  Check("money", [](const json& r) { return Money(Number(r[0]), LanguageOf(r[1])); });
  Check("yi", [](const json& r) { return Yi(Number(r[0])); });
  Check("count", [](const json& r) {
    return Count(Number(r[0]), r[1].get<std::string>(), LanguageOf(r[2]));
  });
  Check("percent", [](const json& r) { return Percent(Number(r[0]), r[1].get<int>()); });
  Check("growth", [](const json& r) { return Growth(Number(r[0])); });
  Check("points", [](const json& r) { return Points(Number(r[0]), LanguageOf(r[1])); });
  Check("pull", [](const json& r) { return Pull(Number(r[0]), LanguageOf(r[1])); });
  Check("change_words", [](const json& r) { return ChangeWords(Number(r[0]), LanguageOf(r[1])); });
  Check("points_words", [](const json& r) { return PointsWords(Number(r[0]), LanguageOf(r[1])); });
  Check("year_to_date", [](const json& r) { return YearToDate(PeriodOf(r[0]), LanguageOf(r[1])); });
  Check("month", [](const json& r) { return Month(PeriodOf(r[0]), LanguageOf(r[1])); });
  Check("status", [](const json& r) { return Status(r[0].get<std::string>(), LanguageOf(r[1])); });
  Check("in_unit", [](const json& r) {
    return InUnit(Number(r[0]), r[1].get<std::string>(), LanguageOf(r[2]));
  });
}

TEST(NumbersTest, SeparatorsAndSignsAtTheEdges) {
  EXPECT_EQ(Fixed(999.96, 1), "1,000.0");  // the carry reaches the separator
  EXPECT_EQ(Fixed(1234567.891, 2), "1,234,567.89");
  EXPECT_EQ(Fixed(-1234.5, 0), "-1,235");
  EXPECT_EQ(Fixed(-0.04, 1), "0.0");
  EXPECT_EQ(Fixed(123, 0), "123");
}

}  // namespace
}  // namespace clusterscope::report::numbers
