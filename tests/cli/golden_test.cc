// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Golden files of every renderer: a small fixed district (synth's generic profile, seed 2349,
// 12 enterprises over 14 months, the shipped plans, the demo's series, projects, prospects and
// input-output table, and a benchmark made here) rendered as Markdown, HTML, JSON, text tables
// and Excel (as a dump of every cell), through the command line and the HTTP API as their users
// get them. The next refactor shows any change of output at once. To accept an intended change:
//   CLUSTERSCOPE_UPDATE_GOLDEN=1 ctest --preset release -R Golden
// and review the diff of tests/data/golden/.
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <regex>
#include <thread>

#include "cli_fixture.h"
#include "workbook_cells.h"
#include <httplib.h>
#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;

std::string GoldenDir() { return std::string(CLUSTERSCOPE_SOURCE_DIR) + "/tests/data/golden"; }

class GoldenTest : public CliTest {
 protected:
  // The district: made once per test run.
  void Build() {
    ASSERT_EQ(Cli("synth --profile generic --enterprises 12 --months 14 --start 2022-01 --out data")
                  .exit_code,
              0);
    ASSERT_EQ(Cli("init").exit_code, 0);
    for (const char* kind : {"enterprises", "scale", "monthly", "prices"}) {
      const CliRun run = Cli(fmt::format("import {0} data/{0}.csv", kind));
      ASSERT_EQ(run.exit_code, 0) << run.out;
    }
    const std::string demo = std::string(CLUSTERSCOPE_SOURCE_DIR) + "/demo/";
    for (const char* kind : {"series", "projects", "prospects"}) {
      const CliRun run = Cli(fmt::format("import {0} '{1}fuling-{0}.csv'", kind, demo));
      ASSERT_EQ(run.exit_code, 0) << run.out;
    }
    ASSERT_EQ(Cli(fmt::format("import io '{}fuling-io.csv'", demo)).exit_code, 0);
    // A benchmark of three other counties over the district's own classes, 2022 and 2023.
    const auto classes = Classes();
    std::string benchmark = "region,industry,value,year\n";
    const char* regions[] = {"万州区", "长寿区", "江津区"};
    for (int year : {2022, 2023}) {
      for (int r = 0; r < 3; ++r) {
        for (std::size_t k = 0; k < classes.size(); ++k) {
          const int value = static_cast<int>((k * 37 + static_cast<std::size_t>(r) * 11) % 90) +
                            10 + (year - 2022) * (r + 1) * 5;
          benchmark += fmt::format("{},{},{}.5,{}\n", regions[r], classes[k], value, year);
        }
      }
    }
    testutil::WriteFile(dir_.Path("benchmark.csv"), benchmark);
    const CliRun matrix = Cli("import matrix benchmark.csv --name chongqing-districts");
    ASSERT_EQ(matrix.exit_code, 0) << matrix.out;
  }

  std::vector<std::string> Classes() {
    const CliRun run = Cli("enterprise list --format json");
    std::vector<std::string> out;
    const auto doc = nlohmann::json::parse(run.out);
    for (const auto& e : doc["enterprises"]) {
      const std::string code = e["industry_code"];
      if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(code);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  // The output without what differs from run to run: this test's directory and clock times.
  std::string Stable(std::string text) {
    const std::string dir = dir_.path().string();
    bool had_dir = false;
    for (auto at = text.find(dir); at != std::string::npos; at = text.find(dir, at)) {
      text.replace(at, dir.size(), "<dir>");
      had_dir = true;
    }
    // The demo's files are named by the source tree's path, which differs between clones.
    const std::string source = CLUSTERSCOPE_SOURCE_DIR;
    for (auto at = text.find(source); at != std::string::npos; at = text.find(source, at)) {
      text.replace(at, source.size(), "<source>");
    }
    static const std::regex kTime(R"(\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?Z?)");
    text = std::regex_replace(text, kTime, "<time>");
    // A table whose column held the directory was as wide as its name: the widths go too.
    if (had_dir) {
      text = std::regex_replace(text, std::regex("  +"), "  ");
      text = std::regex_replace(text, std::regex("---+"), "---");
    }
    return text;
  }

  // Compares with tests/data/golden/<name>, or writes it when CLUSTERSCOPE_UPDATE_GOLDEN is set.
  void Expect(const std::string& name, const std::string& text) {
    const std::string path = GoldenDir() + "/" + name;
    const std::string actual = Stable(text);
    if (std::getenv("CLUSTERSCOPE_UPDATE_GOLDEN") != nullptr) {
      testutil::WriteFile(path, actual);
      return;
    }
    ASSERT_TRUE(fs::exists(path)) << path << " is missing; run with CLUSTERSCOPE_UPDATE_GOLDEN=1";
    const std::string expected = testutil::ReadFile(path);
    if (expected == actual) return;
    // The first line that differs, to see at once what changed.
    std::size_t line = 1, at = 0;
    while (at < expected.size() && at < actual.size() && expected[at] == actual[at]) {
      if (expected[at] == '\n') ++line;
      ++at;
    }
    const auto around = [&](const std::string& s) {
      const auto start = s.rfind('\n', at == 0 ? 0 : at - 1);
      return s.substr(start == std::string::npos ? 0 : start + 1, 200);
    };
    ADD_FAILURE() << name << " differs from line " << line << ":\n  expected: " << around(expected)
                  << "\n  actual:   " << around(actual);
  }

  // A command's standard output, which must succeed.
  std::string Output(const std::string& args) {
    const CliRun run = Cli(args);
    EXPECT_EQ(run.exit_code, 0) << args << "\n" << run.out;
    return run.out;
  }
  // A workbook a command writes, as its cells.
  std::string Workbook(const std::string& args) {
    const CliRun run = Cli(args + " --out out.xlsx");
    EXPECT_EQ(run.exit_code, 0) << args << "\n" << run.out;
    return testutil::XlsxCells(dir_.Path("out.xlsx"));
  }
};

TEST_F(GoldenTest, EveryRendererOnASmallFixedDistrict) {
  Build();
  if (HasFatalFailure()) return;
  // The registry.
  Expect("system-show.txt", Output("system show"));
  Expect("system-show.json", Output("system show --format json"));
  Expect("enterprise-list.txt", Output("enterprise list"));
  Expect("enterprise-list.json", Output("enterprise list --format json"));
  const auto first =
      nlohmann::json::parse(Output("enterprise list --format json"))["enterprises"][0];
  const std::string uscc = first["uscc"];
  Expect("enterprise-show.json", Output("enterprise show " + uscc + " --format json"));
  Expect("enterprise-show.txt", Output("enterprise show " + uscc));
  Expect("history.json", Output("history " + uscc + " --format json"));
  Expect("history.txt", Output("history " + uscc));
  Expect("audit-list.json", Output("audit list --status all --format json"));
  Expect("audit-list.txt", Output("audit list --status all"));
  Expect("industry-show.txt", Output("industry show 3841"));
  Expect("industry-show.json", Output("industry show 3841 --format json"));
  Expect("import-report.json",
         Output("import scale data/scale.csv --format json"));  // unchanged rows
  // The monthly report in every form.
  Expect("report-monthly.md", Output("report monthly --format md"));
  Expect("report-monthly.json", Output("report monthly --format json"));
  Expect("report-monthly.html", Output("report monthly --format html"));
  Expect("report-monthly-en.md", Output("report monthly --format md --lang en"));
  Expect("report-monthly-public.md", Output("report monthly --format md --public"));
  Expect("report-monthly-public.json", Output("report monthly --format json --public"));
  Expect("report-monthly-headline.txt", Output("report monthly --format headline"));
  Expect("report-monthly.xlsx.txt", Workbook("report monthly --format xlsx"));
  // The targets.
  Expect("targets.txt", Output("targets"));
  Expect("targets.md", Output("targets --format md"));
  Expect("targets.json", Output("targets --format json"));
  Expect("targets.html", Output("targets --format html"));
  Expect("targets-en.md", Output("targets --format md --lang en"));
  Expect("targets.xlsx.txt", Workbook("targets --format xlsx"));
  // The chain work, the pipeline, the ladders.
  Expect("chain-list.txt", Output("chain list"));
  Expect("chain-list.json", Output("chain list --format json"));
  Expect("chain-show-battery.md", Output("chain show battery --format md"));
  Expect("chain-show-battery.json", Output("chain show battery --format json"));
  Expect("chain-assess.xlsx.txt", Workbook("chain assess --format xlsx"));
  Expect("project-list.txt", Output("project list --as-of 2023-02-28"));
  Expect("project-list.json", Output("project list --as-of 2023-02-28 --format json"));
  Expect("project-list-en.md", Output("project list --as-of 2023-02-28 --format md --lang en"));
  Expect("cultivate-list.md", Output("cultivate list --format md"));
  Expect("cultivate-list.json", Output("cultivate list --format json"));
  // The analytics.
  Expect("analyze-clusters.json", Output("analyze clusters"));
  Expect("analyze-clusters.csv", Output("analyze clusters --format csv"));
  Expect("analyze-location-quotient.json",
         Output("analyze location-quotient benchmark.csv --year 2023"));
  Expect("analyze-agglomeration.json", Output("analyze agglomeration --digits 2"));
}

// The dashboard's JSON, as the API gives it to an analyst and to a viewer.
TEST_F(GoldenTest, TheApisAnswersOnASmallFixedDistrict) {
  Build();
  if (HasFatalFailure()) return;
  for (const char* who : {"analyst", "viewer"}) {
    testutil::WriteFile(dir_.Path("password.txt"), "golden-password-1\n");
    ASSERT_EQ(Cli(fmt::format("user add {0} --role {0} < password.txt", who)).exit_code, 0);
  }
  // `serve --port 0` picks a free port and says which.
  const Serving serving = Serve();
  const int port = serving.port;
  ASSERT_GT(port, 0) << testutil::ReadFile(dir_.Path("serve.log"));
  for (const char* who : {"analyst", "viewer"}) {
    httplib::Client client("127.0.0.1", port);
    auto login = client.Post(
        "/api/v1/login", nlohmann::json{{"name", who}, {"password", "golden-password-1"}}.dump(),
        "application/json");
    ASSERT_TRUE(login);
    ASSERT_EQ(login->status, 200) << login->body;
    const std::string cookie = login->get_header_value("Set-Cookie")
                                   .substr(0, login->get_header_value("Set-Cookie").find(';'));
    for (const char* path :
         {"cockpit", "indicators?kind=tier", "alerts", "system", "chains", "chains/battery",
          "projects?as_of=2023-02-28", "analytics/clusters", "imports"}) {
      auto res = client.Get(fmt::format("/api/v1/{}", path).c_str(), {{"Cookie", cookie}});
      ASSERT_TRUE(res) << path;
      EXPECT_EQ(res->status, 200) << path << " " << res->body;
      std::string name = path;
      for (char& c : name) {
        if (c == '/' || c == '?' || c == '=' || c == '&') c = '-';
      }
      Expect(fmt::format("api-{}-{}.json", name, who), res->body);
    }
  }
  StopServing(serving);
}

}  // namespace
