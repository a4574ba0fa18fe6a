// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Workbooks made by an attacker, not by Excel: a few kilobytes of zip standing for gigabytes.
// Each is refused with the limit it broke, and reading it takes little memory (the sheet is
// streamed, the cells kept within a budget); ordinary workbooks still read.
#include <string>
#include <vector>

#include "testutil.h"
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/resource.h>

#include "clusterscope/ingest/table_file.h"

namespace clusterscope::ingest {
namespace {

std::string Refusal(const std::string& path, const XlsxLimits& limits = {}) {
  auto table = ReadXlsxFile(path, "", limits);
  if (table) return "read";
  EXPECT_EQ(table.error().code(), Status::Code::kInvalidArgument);
  return table.error().message();
}

// The most this process has held, in MiB.
long PeakMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

class HostileXlsxTest : public ::testing::Test {
 protected:
  testutil::TempDir dir_;
};

TEST_F(HostileXlsxTest, OrdinaryRawWorkbooksRead) {
  const std::string path = dir_.Path("ok.xlsx");
  testutil::WriteRawWorkbook(
      path,
      R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>b</t></is></c></row>)"
      R"(<row r="3"><c r="A3"><v>1.5</v></c><c r="C3" t="b"><v>1</v></c></row>)",
      R"(<si><t>uscc</t></si>)");
  auto table = ReadXlsxFile(path, "");
  ASSERT_OK(table);
  EXPECT_EQ(table->header.fields, (std::vector<std::string>{"uscc", "b"}));
  ASSERT_EQ(table->rows.size(), 1U);
  EXPECT_EQ(table->rows[0].line, 3U);
  EXPECT_EQ(table->rows[0].fields, (std::vector<std::string>{"1.5", "", "1"}));
}

// One cell at column AAAAAA took 769 MB; one letter more needed 10 GB.
TEST_F(HostileXlsxTest, CellsOutsideExcelsGridAreRefused) {
  const long before = PeakMiB();
  for (const char* ref : {"AAAAAA2", "AAAAAAA2", "XFE1", "A1048577", "A0", "A1x"}) {
    const std::string path = dir_.Path("grid.xlsx");
    testutil::WriteRawWorkbook(
        path, fmt::format(R"(<row r="1"><c r="A1"><v>1</v></c><c r="{}"><v>1</v></c></row>)", ref));
    EXPECT_NE(Refusal(path).find("outside Excel's grid"), std::string::npos) << ref;
  }
  const std::string path = dir_.Path("row.xlsx");
  testutil::WriteRawWorkbook(path, R"(<row r="99999999"><c><v>1</v></c></row>)");
  EXPECT_NE(Refusal(path).find("outside Excel's grid"), std::string::npos);
  // XFD1048576 itself is a cell.
  testutil::WriteRawWorkbook(path, R"(<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>)");
  EXPECT_EQ(Refusal(path), "read");
  EXPECT_LT(PeakMiB() - before, 64);
}

// 200 cells pointing at one 4 MB shared string took over 5 GB.
TEST_F(HostileXlsxTest, CellsPastTheMemoryBudgetAreRefused) {
  const long before = PeakMiB();
  std::string cells;
  for (int i = 0; i < 200; ++i) cells += fmt::format(R"(<c t="s"><v>0</v></c>)");
  const std::string path = dir_.Path("shared.xlsx");
  testutil::WriteRawWorkbook(path, "<row r=\"1\">" + cells + "</row>",
                             "<si><t>" + std::string(32000, 'x') + "</t></si>");
  EXPECT_EQ(Refusal(path), "read");  // 6.4 MB: within 64 MB
  EXPECT_NE(Refusal(path, {.memory_budget = 1 << 20}).find("take more than 1 MB in memory"),
            std::string::npos);
  // A string longer than a cell may be.
  testutil::WriteRawWorkbook(path, "<row r=\"1\">" + cells + "</row>",
                             "<si><t>" + std::string(4 << 20, 'x') + "</t></si>");
  EXPECT_NE(Refusal(path).find("32,767 characters"), std::string::npos);
  EXPECT_LT(PeakMiB() - before, 128);
}

// 300 KB of compressed empty rows took 2.5 GB as a document: a part inflating far past its
// compressed size is stopped, and one allowed is streamed.
TEST_F(HostileXlsxTest, PartsInflatingPastTheirRatioAreStopped) {
  std::string filler;
  for (int i = 0; i < 4500000; ++i) filler += "<x/>";  // 18 MB of XML, some 20 KB zipped
  const std::string path = dir_.Path("rows.xlsx");
  testutil::WriteRawWorkbook(path, R"(<row r="1"><c><v>1</v></c>)" + filler + "</row>");
  filler = std::string();
  const long before = PeakMiB();
  EXPECT_NE(Refusal(path).find("MB of XML"), std::string::npos);
  // Allowed the ratio, it is streamed: what the cells do not use takes no memory.
  EXPECT_EQ(Refusal(path, {.max_ratio = 100000}), "read");
  EXPECT_NE(Refusal(path, {.max_part_bytes = 1 << 20, .max_ratio = 100000}).find("MB of XML"),
            std::string::npos);
  EXPECT_LT(PeakMiB() - before, 16);
}

}  // namespace
}  // namespace clusterscope::ingest
