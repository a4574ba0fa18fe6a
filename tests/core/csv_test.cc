// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/core/csv.h"

#include "testutil.h"
#include <gtest/gtest.h>

namespace clusterscope::core {
namespace {

TEST(CsvTest, TracksPhysicalLines) {
  auto records = ParseCsv("a,b\r\n1,\"two\nlines\"\r\n\r\n3,x\n4,y");
  ASSERT_OK(records);
  ASSERT_EQ(records->size(), 4u);
  EXPECT_EQ((*records)[0].line, 1u);
  EXPECT_EQ((*records)[1].line, 2u);
  EXPECT_EQ((*records)[1].fields[1], "two\nlines");
  EXPECT_EQ((*records)[2].line, 5u);  // after a two-line record and a blank line
  EXPECT_EQ((*records)[3].line, 6u);  // no final newline
  EXPECT_EQ((*records)[3].fields[1], "y");
}

TEST(CsvTest, KeepsQuotedCommasAndEmptyFields) {
  auto records = ParseCsv("\"a,b\",,\"say \"\"hi\"\"\"\n");
  ASSERT_OK(records);
  ASSERT_EQ(records->size(), 1u);
  EXPECT_EQ((*records)[0].fields, (std::vector<std::string>{"a,b", "", "say \"hi\""}));
}

TEST(CsvTest, ReportsMalformedQuotingWithTheLine) {
  auto open = ParseCsv("a,b\n1,\"never closed\n");
  ASSERT_FALSE(open.has_value());
  EXPECT_NE(open.error().message().find("not closed"), std::string::npos);
  auto stray = ParseCsv("a,b\n1,2\n3,\"x\"y\n");
  ASSERT_FALSE(stray.has_value());
  EXPECT_NE(stray.error().message().find("line 3"), std::string::npos) << stray.error().message();
}

TEST(CsvTest, FeedsInChunks) {
  const std::string text = "uscc,name\n1,涪陵榨菜\n2,\"华峰,重庆\"\n";
  CsvParser parser;
  CsvBatch batch;
  for (char c : text) ASSERT_OK(parser.Feed(std::string_view(&c, 1), batch));
  ASSERT_OK(parser.Finish(batch));
  ASSERT_EQ(batch.size, 3u);
  EXPECT_EQ(batch.records[2].fields[1], "华峰,重庆");
  EXPECT_EQ(batch.records[2].line, 3u);
}

// A stream reader clears its batch between chunks while a record is half read; the record
// must come out whole, and reused storage must not leak fields of earlier records.
TEST(CsvTest, ReusesBatchStorageAcrossChunks) {
  const std::string text = "a,b,c\n1,22,333\n4,\"5\n5\",6\nx,y\n";
  CsvParser parser;
  CsvBatch batch;
  std::vector<std::vector<std::string>> seen;
  std::vector<std::size_t> lines;
  for (std::size_t i = 0; i < text.size(); i += 4) {
    batch.Clear();
    ASSERT_OK(parser.Feed(std::string_view(text).substr(i, 4), batch));
    for (std::size_t r = 0; r < batch.size; ++r) {
      seen.push_back(batch.records[r].fields);
      lines.push_back(batch.records[r].line);
    }
  }
  batch.Clear();
  ASSERT_OK(parser.Finish(batch));
  EXPECT_EQ(batch.size, 0u);
  EXPECT_EQ(seen, (std::vector<std::vector<std::string>>{
                      {"a", "b", "c"}, {"1", "22", "333"}, {"4", "5\n5", "6"}, {"x", "y"}}));
  EXPECT_EQ(lines, (std::vector<std::size_t>{1, 2, 3, 5}));
}

// Issue 18: a header of a million commas took 186 MiB before the header check refused it; past
// Excel's 16,384 columns the fields are no longer kept, and the file is refused with its line.
TEST(CsvTest, RefusesMoreColumnsThanExcelHas) {
  const std::string widest = std::string(kMaxCsvFields - 1, ',') + "\n";
  auto fits = ParseCsv("a\n" + widest);
  ASSERT_OK(fits);
  EXPECT_EQ((*fits)[1].fields.size(), kMaxCsvFields);

  const std::string wider = "a\n" + std::string(kMaxCsvFields, ',') + "\n";
  auto refused = ParseCsv(wider);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().message(),
            "line 2: more than 16384 columns, the most a sheet of Excel has");

  CsvParser parser;  // fed in pieces, the same, and nothing past the limit kept
  CsvBatch batch;
  const std::string million = std::string(1000000, ',');
  EXPECT_FALSE(parser.Feed(million, batch).ok());
  EXPECT_LE(batch.records.empty() ? 0 : batch.records[0].fields.capacity(), 2 * kMaxCsvFields);
}

}  // namespace
}  // namespace clusterscope::core
