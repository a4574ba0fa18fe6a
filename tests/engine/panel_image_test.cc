// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// A panel mapped from its image must answer exactly as the panel that wrote it (every column,
// the checkpoints, the prior-year columns, lookups by credit code), take new months over the
// borrowed columns without touching the file, and refuse a damaged file.
#include <filesystem>
#include <fstream>
#include <thread>

#include "testutil.h"
#include <gtest/gtest.h>

#include "clusterscope/core/period.h"
#include "clusterscope/engine/panel.h"

namespace clusterscope::engine {
namespace {

using model::Measure;

std::int32_t P(int year, int month) { return core::Period{year, month}.Index(); }

model::MonthlyRecord Month(const std::string& uscc, int year, int month, double output,
                           std::optional<double> prior_output = std::nullopt) {
  model::MonthlyRecord r;
  r.uscc = uscc;
  r.period = {year, month};
  r[Measure::kOutputValue] = output;
  r[Measure::kProfit] = -0.1 * month;
  if (prior_output) r.prior[static_cast<std::size_t>(Measure::kOutputValue)] = *prior_output;
  return r;
}

// C, A and B in that order of arrival (slots not in code order); 2024 reports priors in March.
Panel Sample() {
  Panel panel;
  model::MonthlyPanel first;
  for (int m = 1; m <= 12; ++m) first.Add(Month("C", 2023, m, 10.5 * m));
  first.Sort();
  panel.Apply(first);
  model::MonthlyPanel second;
  for (int m = 1; m <= 4; ++m) {
    second.Add(Month("A", 2024, m, 3.2 * m, m == 3 ? std::optional(2.6) : std::nullopt));
    second.Add(Month("B", 2024, m, 7.0));
  }
  second.Sort();
  panel.Apply(second);
  return panel;
}

void ExpectSame(const Panel& a, const Panel& b) {
  ASSERT_EQ(a.enterprises(), b.enterprises());
  ASSERT_EQ(a.first_period(), b.first_period());
  ASSERT_EQ(a.last_period(), b.last_period());
  const std::size_t n = a.enterprises();
  for (std::size_t e = 0; e < n; ++e) {
    EXPECT_EQ(a.uscc(e), b.uscc(e));
    EXPECT_EQ(b.Find(a.uscc(e)), static_cast<std::int64_t>(e));
  }
  for (std::int32_t p = a.first_period(); p <= a.last_period(); ++p) {
    for (std::size_t m = 0; m < model::kMeasureCount; ++m) {
      const auto measure = static_cast<Measure>(m);
      EXPECT_TRUE(std::equal(a.Column(p, measure), a.Column(p, measure) + n, b.Column(p, measure)));
      ASSERT_EQ(a.Prior(p, measure) == nullptr, b.Prior(p, measure) == nullptr);
      if (a.Prior(p, measure) != nullptr) {
        EXPECT_TRUE(std::equal(a.Prior(p, measure), a.Prior(p, measure) + n, b.Prior(p, measure)));
      }
      ASSERT_EQ(a.YearToDateCheckpoint(p), b.YearToDateCheckpoint(p));
      if (p % 12 % 3 == 2) {
        EXPECT_TRUE(std::equal(a.YearToDate(p, measure), a.YearToDate(p, measure) + n,
                               b.YearToDate(p, measure)));
      }
    }
    EXPECT_TRUE(std::equal(a.Valid(p), a.Valid(p) + n, b.Valid(p)));
    if (p % 12 % 3 == 2) {
      EXPECT_TRUE(std::equal(a.ReportedYearToDate(p), a.ReportedYearToDate(p) + n,
                             b.ReportedYearToDate(p)));
    }
  }
}

TEST(PanelImageTest, AMappedPanelAnswersAsTheOneThatWroteIt) {
  testutil::TempDir dir;
  const Panel panel = Sample();
  const std::string path = dir.Path("engine.panel");
  ASSERT_OK(panel.Save(path, P(2023, 1)));
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    ++files;
  }
  EXPECT_EQ(files, 1u);  // no temporary file left
  ASSERT_OK(Panel::VerifyImage(path));
  auto mapped = Panel::Map(path);
  ASSERT_OK(mapped);
  EXPECT_EQ(mapped->covers(), P(2023, 1));
  ExpectSame(panel, *mapped);
  EXPECT_EQ(mapped->Find("B"), 2);
  EXPECT_EQ(mapped->Find("D"), -1);
  EXPECT_EQ(mapped->Prior(P(2024, 3), Measure::kOutputValue)[1], ToAmount(2.6));
  EXPECT_EQ(mapped->Prior(P(2024, 2), Measure::kOutputValue), nullptr);
}

TEST(PanelImageTest, NewMonthsOverAMappedPanelLeaveTheFileAsItWas) {
  testutil::TempDir dir;
  const std::string path = dir.Path("engine.panel");
  ASSERT_OK(Sample().Save(path, P(2023, 1)));
  auto mapped = Panel::Map(path);
  ASSERT_OK(mapped);
  // A revision of A's February, a new enterprise D, and May 2024.
  model::MonthlyPanel more;
  more.Add(Month("A", 2024, 2, 100));
  more.Add(Month("D", 2024, 5, 1));
  more.Sort();
  Panel expected = Sample();
  expected.Apply(more);
  mapped->Apply(more);
  ExpectSame(expected, *mapped);
  EXPECT_EQ(mapped->Find("D"), 3);
  ASSERT_OK(Panel::VerifyImage(path));
  auto again = Panel::Map(path);
  ASSERT_OK(again);
  ExpectSame(Sample(), *again);
}

// Two writers of the same image at once (a server and a command, after an import) each write a
// file of their own and rename it: the image is whole, whichever lands last.
TEST(PanelImageTest, WritersAtOnceLeaveAWholeImage) {
  testutil::TempDir dir;
  const std::string path = dir.Path("engine.panel");
  const Panel panel = Sample();
  std::vector<std::thread> writers;
  for (int i = 0; i < 4; ++i) {
    writers.emplace_back([&, i] { EXPECT_OK(panel.Save(path, P(2020 + i, 1))); });
  }
  for (auto& writer : writers) writer.join();
  ASSERT_OK(Panel::VerifyImage(path));
  auto mapped = Panel::Map(path);
  ASSERT_OK(mapped);
  ExpectSame(panel, *mapped);
}

TEST(PanelImageTest, ADamagedImageIsRefused) {
  testutil::TempDir dir;
  const std::string path = dir.Path("engine.panel");
  ASSERT_OK(Sample().Save(path, P(2023, 1)));
  const auto size = std::filesystem::file_size(path);
  {  // one byte of a value column flipped: the layout holds, the checksum does not
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(static_cast<std::streamoff>(size / 2));
    file.put('\x7f');
  }
  EXPECT_OK(Panel::Map(path));
  EXPECT_EQ(Panel::VerifyImage(path).code(), Status::Code::kDataLoss);
  std::filesystem::resize_file(path, size - 24);  // truncated
  EXPECT_EQ(Panel::Map(path).error().code(), Status::Code::kDataLoss);
  testutil::WriteFile(path, "not an image");
  EXPECT_EQ(Panel::Map(path).error().code(), Status::Code::kDataLoss);
  EXPECT_EQ(Panel::Map(dir.Path("missing.panel")).error().code(), Status::Code::kUnavailable);
}

}  // namespace
}  // namespace clusterscope::engine
