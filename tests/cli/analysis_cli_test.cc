// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The monthly analysis and the targets' progress report as Word documents and PDF (issue 22),
// from the demo district: python-docx reads the figures of `report monthly --format json` in
// them for two periods and the published form (tests/report/check_analysis.py); LibreOffice
// prints the headline; the dashboard's download is the same document; and what is missing or
// wrong is said.
#include "cli_fixture.h"
#include <httplib.h>
#include <nlohmann/json.hpp>

namespace {

using nlohmann::json;

class AnalysisCliTest : public CliTest {
 protected:
  // The checker's verdict on a document and the JSON of the same report.
  CliRun Check(const std::string& docx, const std::string& report, const std::string& full = "") {
    return Shell(
        fmt::format("PYTHONDONTWRITEBYTECODE=1 /usr/bin/python3 "
                    "'{}/tests/report/check_analysis.py' {} {}{}",
                    CLUSTERSCOPE_SOURCE_DIR, docx, report, full.empty() ? "" : " --full " + full));
  }
  // A part of a .docx, as text.
  CliRun Part(const std::string& docx, const std::string& part) {
    return Shell(
        fmt::format("/usr/bin/python3 -c \"import sys, zipfile; "
                    "sys.stdout.write(zipfile.ZipFile('{}').read('{}').decode())\"",
                    docx, part));
  }
};

TEST_F(AnalysisCliTest, TheAnalysisHoldsTheReportsFiguresForTwoPeriodsAndThePublishedForm) {
  ASSERT_NO_FATAL_FAILURE(LoadDemoDistrict());
  // June, and the combined January–February report (compared with last year as a whole).
  for (const char* period : {"2023-06", "2024-02"}) {
    ASSERT_EQ(Cli(fmt::format("report monthly --period {0} --format docx --out {0}.docx", period))
                  .exit_code,
              0);
    ASSERT_EQ(
        Cli(fmt::format("report monthly --period {0} --format json > {0}.json", period)).exit_code,
        0);
    const CliRun checked = Check(fmt::format("{}.docx", period), fmt::format("{}.json", period));
    EXPECT_EQ(checked.exit_code, 0) << period << "\n" << checked.out;
  }
  ASSERT_EQ(
      Cli("report monthly --period 2023-06 --public --format docx --out public.docx").exit_code, 0);
  ASSERT_EQ(Cli("report monthly --period 2023-06 --public --format json > public.json").exit_code,
            0);
  const CliRun published = Check("public.docx", "public.json", "2023-06.json");
  EXPECT_EQ(published.exit_code, 0) << published.out;

  // The first paragraph states the published half-year (the "done when").
  const CliRun body = Part("2023-06.docx", "word/document.xml");
  ASSERT_EQ(body.exit_code, 0) << body.out;
  EXPECT_NE(body.out.find("2023年1—6月，全区规上工业总产值完成1244.5亿元，同比增长5.9%"),
            std::string::npos);
  EXPECT_NE(body.out.find("规上工业增加值增长8.8%（可比价）"), std::string::npos);
  EXPECT_NE(Part("2024-02.docx", "word/document.xml").out.find("增速较上年全年"),
            std::string::npos);
}

TEST_F(AnalysisCliTest, ThePdfPrintsTheHeadlineWithItsFontsEmbedded) {
  ASSERT_NO_FATAL_FAILURE(LoadDemoDistrict());
  ASSERT_EQ(Cli("report monthly --period 2023-06 --format pdf --out a.pdf").exit_code, 0);
  const CliRun text = Shell("pdftotext a.pdf - | tr -d ' \\n'");
  EXPECT_NE(text.out.find("全区规上工业总产值完成1244.5亿元，同比增长5.9%"), std::string::npos)
      << text.out.substr(0, 2000);
  EXPECT_NE(text.out.find("表1"), std::string::npos);
  EXPECT_NE(text.out.find("2027年目标进度"), std::string::npos);
  // Every font is embedded: the file reads the same on a machine without them.
  const CliRun fonts = Shell("pdffonts a.pdf | tail -n +3 | awk '{print $(NF-4)}' | sort -u");
  EXPECT_EQ(fonts.out, "yes\n") << Shell("pdffonts a.pdf").out;
  // The targets' progress report too.
  ASSERT_EQ(Cli("targets --period 2023-06 --format pdf --out t.pdf").exit_code, 0);
  EXPECT_NE(Shell("pdftotext t.pdf - | tr -d ' \\n'").out.find("各项目标进度"), std::string::npos);
}

TEST_F(AnalysisCliTest, TheTargetsReportHasEveryTargetWithItsStatus) {
  ASSERT_NO_FATAL_FAILURE(LoadDemoDistrict());
  ASSERT_EQ(Cli("targets --period 2023-06 --format docx --out t.docx").exit_code, 0);
  ASSERT_EQ(Cli("targets --period 2023-06 --format json > t.json").exit_code, 0);
  const CliRun checked = Shell(
      "/usr/bin/python3 -c \""
      "import docx, json, sys\n"
      "d = docx.Document('t.docx'); t = json.load(open('t.json'))['targets']\n"
      "rows = d.tables[0].rows[1:]\n"
      "assert len(rows) == len(t), (len(rows), len(t))\n"
      "for row, target in zip(rows, t):\n"
      "    cells = [c.text for c in row.cells]\n"
      "    assert cells[0] == target['name_zh'], (cells, target['name_zh'])\n"
      "    if target['completion'] is not None:\n"
      "        assert abs(float(cells[3].rstrip('%')) - target['completion'] * 100) <= 0.05, "
      "cells\n"
      "headings = [p.text for p in d.paragraphs if p.style.name == 'Heading 1']\n"
      "assert headings[0] == '一、总体进度' and headings[-1].endswith('下一步工作建议'), headings\n"
      "\"");
  EXPECT_EQ(checked.exit_code, 0) << checked.out;
}

TEST_F(AnalysisCliTest, TheDashboardDownloadsTheSameDocument) {
  ASSERT_NO_FATAL_FAILURE(LoadDemoDistrict());
  testutil::WriteFile(dir_.Path("password.txt"), "walk-password-1\n");
  ASSERT_EQ(Cli("user add ana --role analyst < password.txt").exit_code, 0);
  ASSERT_EQ(Cli("report monthly --period 2023-06 --format docx --out cli.docx").exit_code, 0);
  const Serving serving = Serve();
  ASSERT_GT(serving.port, 0) << testutil::ReadFile(dir_.Path("serve.log"));
  httplib::Client client("127.0.0.1", serving.port);
  client.set_read_timeout(120);
  auto login =
      client.Post("/api/v1/login", json{{"name", "ana"}, {"password", "walk-password-1"}}.dump(),
                  "application/json");
  ASSERT_TRUE(login && login->status == 200);
  const std::string set_cookie = login->get_header_value("Set-Cookie");
  const httplib::Headers cookie{{"Cookie", set_cookie.substr(0, set_cookie.find(';'))}};
  auto res = client.Get("/api/v1/report/monthly?period=2023-06&format=docx&lang=zh", cookie);
  StopServing(serving);
  ASSERT_TRUE(res && res->status == 200);
  EXPECT_EQ(res->get_header_value("Content-Type"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_NE(res->get_header_value("Content-Disposition").find("report-2023-06.docx"),
            std::string::npos);
  testutil::WriteFile(dir_.Path("http.docx"), res->body);
  for (const char* part : {"word/document.xml", "word/charts/chart1.xml", "word/charts/chart2.xml",
                           "word/styles.xml"}) {
    const CliRun from_cli = Part("cli.docx", part);
    ASSERT_EQ(from_cli.exit_code, 0) << from_cli.out;
    EXPECT_EQ(Part("http.docx", part).out, from_cli.out) << part;
  }
}

TEST_F(AnalysisCliTest, WhatIsMissingOrWrongIsSaid) {
  ASSERT_NO_FATAL_FAILURE(LoadDemoDistrict());
  CliRun run = Cli("report monthly --period 2023-06 --format docx");
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_NE(run.out.find("--format docx writes a binary file: give it --out FILE"),
            std::string::npos)
      << run.out;
  testutil::WriteFile(dir_.Path("house.docx"), "not a zip");
  run = Cli("report monthly --period 2023-06 --format docx --template house.docx --out a.docx");
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_NE(run.out.find("house.docx: not a Word document (.docx) with styles to take"),
            std::string::npos)
      << run.out;
  // Without LibreOffice on the PATH, PDF says what to install; no file is left behind.
  run =
      Shell(fmt::format("PATH=/nonexistent '{}' --db e2e.db report monthly --period 2023-06 "
                        "--format pdf --out a.pdf",
                        CLUSTERSCOPE_BINARY));
  EXPECT_EQ(run.exit_code, 7) << run.out;
  EXPECT_NE(run.out.find("apt install libreoffice-writer-nogui"), std::string::npos) << run.out;
  EXPECT_FALSE(std::filesystem::exists(dir_.Path("a.pdf")));
}

}  // namespace
