// SPDX-License-Identifier: LicenseRef-ClusterScope
// The official-document .docx as other programs read it: python-docx (Debian's python3-docx)
// finds its title, headings, paragraphs and three-line table; LibreOffice converts it to PDF
// without complaint, and the PDF's text has the figures.
#include "clusterscope/report/docx.h"

#include <cstdio>
#include <cstdlib>

#include "testutil.h"
#include <fmt/format.h>
#include <gtest/gtest.h>

namespace clusterscope::report {
namespace {

// What a shell command printed; its exit status into `status`.
std::string Shell(const std::string& command, int& status) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  status = pclose(pipe);
  return out;
}

OfficialDocument Sample() {
  OfficialDocument document;
  document.title = "涪陵区2025年1—6月工业经济运行情况分析";
  document.subtitle = "涪陵区经济和信息化委员会 2025年7月";
  document.blocks.push_back({DocxBlock::Kind::kHeading1, "一、总体运行情况", {}, {}});
  document.blocks.push_back(
      {DocxBlock::Kind::kParagraph,
       "2025年1—6月，全区规上工业总产值完成1244.5亿元，同比增长5.9%；规上工业增加值增长8.8%"
       "（可比价）。<与> & \"引号\"\x01",
       {},
       {}});
  document.blocks.push_back({DocxBlock::Kind::kHeading2, "（一）分集群", {}, {}});
  Section table;
  table.title = "表1 2025年1—6月集群运行情况";
  table.headers = {"集群", "产值（亿元）", "增速（%）"};
  table.rows = {{"先进材料", "420.3", "6.1"}, {"绿色化工", "310.0", "-2.4"}};
  table.numeric = {1, 2};
  document.blocks.push_back({DocxBlock::Kind::kTable, "", table, {}});
  DocxChart trend;
  trend.title = "图1 规上工业总产值及增速";
  trend.categories = {"1月", "2月", "3月"};
  trend.bars_name = "工业总产值（亿元）";
  trend.bars = {180.2, std::nullopt, 215.7};
  trend.line_name = "同比增长（%）";
  trend.line = {5.1, 6.3, -1.2};
  document.blocks.push_back({DocxBlock::Kind::kChart, "", {}, trend});
  document.blocks.push_back({DocxBlock::Kind::kAnalystNote, "（此处由分析人员填写）", {}, {}});
  return document;
}

TEST(DocxTest, PythonDocxReadsTheTitleHeadingsTextAndTable) {
  testutil::TempDir dir;
  auto bytes = DocxBytes(Sample());
  ASSERT_TRUE(bytes.has_value()) << bytes.error().message();
  const std::string path = dir.Path("a.docx");
  testutil::WriteFile(path, *bytes);
  int status = -1;
  const std::string out = Shell(
      fmt::format("/usr/bin/python3 -c \"import docx, sys\n"
                  "d = docx.Document(sys.argv[1])\n"
                  "for p in d.paragraphs: print(p.style.name, '|', p.text)\n"
                  "for t in d.tables:\n"
                  "  for r in t.rows: print('row', '|', ' / '.join(c.text for c in r.cells))\n"
                  "print('shapes', len(d.inline_shapes))\n"
                  "s = d.sections[0]\n"
                  "print('page', *(round(x.mm) for x in (s.page_width, s.page_height, "
                  "s.top_margin, s.bottom_margin, s.left_margin, s.right_margin)))\" '{}' 2>&1",
                  path),
      status);
  ASSERT_EQ(status, 0) << out;
  EXPECT_NE(out.find("Title | 涪陵区2025年1—6月工业经济运行情况分析"), std::string::npos) << out;
  EXPECT_NE(out.find("Heading 1 | 一、总体运行情况"), std::string::npos) << out;
  EXPECT_NE(out.find("Heading 2 | （一）分集群"), std::string::npos) << out;
  EXPECT_NE(out.find("1244.5亿元"), std::string::npos) << out;
  EXPECT_NE(out.find("<与> & \"引号\""), std::string::npos) << out;  // escaped, control dropped
  EXPECT_NE(out.find("row | 绿色化工 / 310.0 / -2.4"), std::string::npos) << out;
  // The chart is a drawing in its own paragraph, its part holds the figures.
  EXPECT_NE(out.find("shapes 1"), std::string::npos) << out;
  const std::string chart =
      Shell(fmt::format("/usr/bin/python3 -c \"import sys, zipfile\n"
                        "print(zipfile.ZipFile(sys.argv[1]).read('word/charts/chart1.xml')"
                        ".decode())\" '{}'",
                        path),
            status);
  ASSERT_EQ(status, 0);
  EXPECT_NE(chart.find("<c:v>215.7</c:v>"), std::string::npos) << chart;
  EXPECT_NE(chart.find("<c:v>-1.2</c:v>"), std::string::npos) << chart;
  EXPECT_NE(chart.find("<c:lineChart>"), std::string::npos) << chart;
  EXPECT_EQ(chart.find(R"(<c:pt idx="1"><c:v>6.3)"), chart.rfind(R"(<c:pt idx="1">)"))
      << "February's missing output is left out of the bars, not zero";
  // A4 and the margins of GB/T 9704-2012, in millimetres.
  EXPECT_NE(out.find("page 210 297 37 35 28 26"), std::string::npos) << out;
}

TEST(DocxTest, LibreOfficeTurnsItIntoAPdfWithTheFigures) {
  testutil::TempDir dir;
  auto bytes = DocxBytes(Sample());
  ASSERT_TRUE(bytes.has_value());
  testutil::WriteFile(dir.Path("a.docx"), *bytes);
  int status = -1;
  const std::string out =
      Shell(fmt::format("cd '{0}' && soffice -env:UserInstallation=file://{0}/lo --headless "
                        "--convert-to pdf a.docx >/dev/null 2>&1 && pdftotext a.pdf - 2>&1",
                        dir.Path("")),
            status);
  ASSERT_EQ(status, 0) << out;
  // To look at the pages: CLUSTERSCOPE_ARTIFACTS=DIR keeps the document and its PDF there.
  if (const char* keep = std::getenv("CLUSTERSCOPE_ARTIFACTS"); keep != nullptr) {
    (void)Shell(fmt::format("cp '{}'/a.docx '{}'/a.pdf '{}'/", dir.Path(""), dir.Path(""), keep),
                status);
  }
  EXPECT_NE(out.find("1244.5"), std::string::npos) << out;
  EXPECT_NE(out.find("工业总产值（亿元）"), std::string::npos) << out;  // the chart's legend
  // The page number, "— 1 —" (pdftotext drops the spaces between).
  EXPECT_NE(out.find("—1—"), std::string::npos) << out;
}

// An office's template (here python-docx's own, its title set in a house font) gives its
// styles; the styles it lacks (the table text, the analyst's note, the three-line table) are
// ours, so that every paragraph still has one.
TEST(DocxTest, ATemplatesStylesStandInForOursAndOursFillWhatItLacks) {
  testutil::TempDir dir;
  int status = -1;
  const std::string made = Shell(fmt::format("/usr/bin/python3 -c \"import docx, sys\n"
                                             "d = docx.Document()\n"
                                             "d.styles['Title'].font.name = 'HouseFont'\n"
                                             "d.save(sys.argv[1])\" '{}' 2>&1",
                                             dir.Path("house.docx")),
                                 status);
  ASSERT_EQ(status, 0) << made;
  auto bytes = DocxBytes(Sample(), dir.Path("house.docx"));
  ASSERT_TRUE(bytes.has_value()) << bytes.error().message();
  testutil::WriteFile(dir.Path("a.docx"), *bytes);
  const std::string styles =
      Shell(fmt::format("/usr/bin/python3 -c \"import sys, zipfile\n"
                        "print(zipfile.ZipFile(sys.argv[1]).read('word/styles.xml').decode())\" "
                        "'{}'",
                        dir.Path("a.docx")),
            status);
  ASSERT_EQ(status, 0);
  EXPECT_NE(styles.find("HouseFont"), std::string::npos);
  EXPECT_EQ(styles.find("方正小标宋简体"), std::string::npos) << "the template's title stays";
  for (const char* ours : {"TableText", "AnalystNote", "ThreeLine"}) {
    EXPECT_NE(styles.find(fmt::format("w:styleId=\"{}\"", ours)), std::string::npos) << ours;
  }
  // One default paragraph style: the template's.
  EXPECT_EQ(styles.find(R"(w:default="1" w:styleId="Normal")"),
            styles.rfind(R"(w:default="1" w:styleId="Normal")"));
  const std::string read = Shell(
      fmt::format("/usr/bin/python3 -c \"import docx, sys\n"
                  "d = docx.Document(sys.argv[1])\n"
                  "print(d.paragraphs[0].style.name, d.paragraphs[0].style.font.name)\" '{}' 2>&1",
                  dir.Path("a.docx")),
      status);
  ASSERT_EQ(status, 0) << read;
  EXPECT_EQ(read, "Title HouseFont\n");
}

TEST(DocxTest, ATemplateThatIsNoWordDocumentIsRefused) {
  testutil::TempDir dir;
  testutil::WriteFile(dir.Path("t.docx"), "not a zip");
  auto bytes = DocxBytes(Sample(), dir.Path("t.docx"));
  ASSERT_FALSE(bytes.has_value());
  EXPECT_NE(bytes.error().message().find("not a Word document"), std::string::npos);
}

}  // namespace
}  // namespace clusterscope::report
