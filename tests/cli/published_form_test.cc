// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The published form of every output withholds what the published monthly report withholds
// (issue 17, step 0): the targets that read a withheld group, and the investment projects by
// name. Run on the demo district, June 2025, where the published report withholds clusters.
#include <cmath>
#include <set>

#include "cli_fixture.h"
#include <nlohmann/json.hpp>

namespace {

using nlohmann::json;

class PublishedFormTest : public CliTest {
 protected:
  void SetUp() override { ASSERT_NO_FATAL_FAILURE(LoadDemoDistrict()); }

  json Json(const std::string& args) {
    const CliRun run = Cli(args);
    EXPECT_EQ(run.exit_code, 0) << args << "\n" << run.out;
    return run.exit_code == 0 ? json::parse(run.out) : json();
  }
};

void Numbers(const json& doc, std::vector<double>& out) {
  if (doc.is_number()) out.push_back(doc.get<double>());
  if (doc.is_structured()) {
    for (const auto& v : doc) Numbers(v, out);
  }
}

TEST_F(PublishedFormTest, TargetsWithholdTheGroupsTheReportWithholds) {
  const json published = Json("report monthly --public --format json --period 2025-06");
  const json full = Json("report monthly --format json --period 2025-06");
  std::set<std::string> withheld;
  std::vector<double> secrets;  // the withheld clusters' year-to-date output, 万元
  for (const auto& g : published["groups"]) {
    if (g["kind"] == "cluster" && g["suppressed"].is_string()) {
      withheld.insert(g["code"].get<std::string>());
    }
  }
  ASSERT_FALSE(withheld.empty()) << "the demo's June 2025 report withholds no cluster";
  for (const auto& g : full["groups"]) {
    if (g["kind"] == "cluster" && withheld.count(g["code"]) != 0) {
      secrets.push_back(g["ytd_output"].get<double>());
    }
  }

  // In full, the split of T02 gives each cluster's actual: what the published form must not.
  const json all = Json("targets --format json --period 2025-06");
  const json open = Json("targets --public --format json --period 2025-06");
  const auto find = [](const json& doc, const std::string& id) {
    for (const auto& t : doc["targets"]) {
      if (t["id"] == id) return t;
    }
    return json();
  };
  for (const auto& code : withheld) {
    const std::string id = "T02/" + code;
    ASSERT_FALSE(find(all, id).is_null()) << id;
    EXPECT_FALSE(find(all, id)["actual"].is_null()) << id;
    const json t = find(open, id);
    ASSERT_FALSE(t.is_null()) << id;
    EXPECT_EQ(t["status"], "withheld") << id;
    for (const char* field : {"actual", "base", "target", "projection", "completion"}) {
      EXPECT_TRUE(t[field].is_null()) << id << " " << field << " " << t[field];
    }
  }
  // No figure of the published targets is a withheld cluster's output, in 万元 or 亿元.
  std::vector<double> shown;
  Numbers(open, shown);
  for (const double secret : secrets) {
    for (const double x : shown) {
      for (const double scale : {1.0, 1e-4}) {
        EXPECT_GT(std::abs(x - secret * scale), 1e-9 * std::max(1.0, std::abs(x)))
            << "a published target figure is a withheld cluster's output: " << x;
      }
    }
  }
  // The region's own targets stay: the total is published.
  EXPECT_NE(find(open, "T02")["status"], "withheld");
  EXPECT_FALSE(find(open, "T02")["actual"].is_null());
}

TEST_F(PublishedFormTest, ThePublishedReportNamesNoProject) {
  const json published = Json("report monthly --public --format json --period 2025-06");
  const json& projects = published["projects"];
  EXPECT_TRUE(projects["public"]);
  EXPECT_TRUE(projects["projects"].empty());
  ASSERT_EQ(projects["by_stage"].size(), 6u);
  std::size_t counted = 0;
  for (const auto& s : projects["by_stage"]) counted += s["projects"].get<std::size_t>();
  const json full = Json("report monthly --format json --period 2025-06");
  EXPECT_EQ(counted, full["projects"]["projects"].size());
  EXPECT_GT(counted, 0u);

  // Nor does the page or the Markdown: no project's name or investor appears.
  for (const char* format : {"md", "html"}) {
    const CliRun page =
        Cli(fmt::format("report monthly --public --format {} --period 2025-06", format));
    ASSERT_EQ(page.exit_code, 0) << page.out;
    for (const auto& p : full["projects"]["projects"]) {
      EXPECT_EQ(page.out.find(p["name"].get<std::string>()), std::string::npos)
          << format << " names " << p["name"];
      const std::string investor = p["investor"];
      if (!investor.empty()) {
        EXPECT_EQ(page.out.find(investor), std::string::npos) << format << " names " << investor;
      }
    }
  }
}

}  // namespace
