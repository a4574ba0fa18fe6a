// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// End-to-end: drives the built clusterscope binary as a user would, through a shell, and checks
// its output, files and exit codes.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include "cli_fixture.h"
#include "testutil.h"
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

#include "clusterscope/ingest/table_file.h"

namespace {

TEST_F(CliTest, InitShowsAndExportsTheSystem) {
  const CliRun init = Cli("init");
  ASSERT_EQ(init.exit_code, 0) << init.out;
  EXPECT_NE(init.out.find("4 tiers, 18 clusters, 5 parks"), std::string::npos) << init.out;

  const CliRun show = Cli("system show");
  ASSERT_EQ(show.exit_code, 0) << show.out;
  EXPECT_NE(show.out.find("新能源汽车动力电池及轻量化部件"), std::string::npos);
  EXPECT_NE(show.out.find("白涛新材料科技城"), std::string::npos);

  const CliRun json = Cli("system show --format json");
  ASSERT_EQ(json.exit_code, 0) << json.out;
  const auto doc = nlohmann::json::parse(json.out);
  EXPECT_EQ(doc["tiers"].size(), 4u);
  EXPECT_EQ(doc["clusters"].size(), 18u);
  EXPECT_EQ(doc["parks"].size(), 5u);
  EXPECT_EQ(doc["clusters"][17]["code"], "N9");
}

TEST_F(CliTest, ImportsEnterprisesAndDesignations) {
  ASSERT_EQ(Cli("init").exit_code, 0);
  const std::string a = testutil::CreditCode(1);
  const std::string b = testutil::CreditCode(2);
  testutil::WriteFile(dir_.Path("e.csv"),
                      fmt::format("统一社会信用代码,企业名称,行业代码,所在园区,是否规上\n"
                                  "{},重庆华峰化工有限公司,2614,BT,是\n"
                                  "{},涪陵榨菜集团,1371,LG,是\n",
                                  a, b));
  const CliRun imported = Cli("import enterprises e.csv --year 2023");
  ASSERT_EQ(imported.exit_code, 0) << imported.out;
  EXPECT_NE(imported.out.find("2 inserted"), std::string::npos) << imported.out;

  testutil::WriteFile(dir_.Path("d.csv"),
                      fmt::format("uscc,designation,granted\n{},single_champion,2019-11-20\n", a));
  const CliRun designations = Cli("import designations d.csv");
  ASSERT_EQ(designations.exit_code, 0) << designations.out;

  const CliRun show = Cli("enterprise show " + a + " --format json");
  ASSERT_EQ(show.exit_code, 0) << show.out;
  const auto doc = nlohmann::json::parse(show.out);
  EXPECT_EQ(doc["cluster"], "L1");
  EXPECT_EQ(doc["cluster_source"], "derived");
  EXPECT_EQ(doc["park"], "BT");
  EXPECT_EQ(doc["above_scale"]["2023"], true);
  EXPECT_EQ(doc["designations"][0]["designation"], "single_champion");

  const CliRun list = Cli("enterprise list --cluster F1");
  ASSERT_EQ(list.exit_code, 0) << list.out;
  EXPECT_NE(list.out.find("涪陵榨菜集团"), std::string::npos);
  EXPECT_NE(list.out.find("1 enterprise"), std::string::npos);

  const CliRun counts = Cli("system show --format json");
  const auto system = nlohmann::json::parse(counts.out);
  EXPECT_EQ(system["clusters"][0]["enterprises"], 1);

  const CliRun update = Cli("enterprise update " + b + " --park GXQ");
  ASSERT_EQ(update.exit_code, 0) << update.out;
  const CliRun audit = Cli("changes --key " + b + " --format json");
  ASSERT_EQ(audit.exit_code, 0) << audit.out;
  const auto log = nlohmann::json::parse(audit.out)["audit"];
  ASSERT_FALSE(log.empty());
  EXPECT_EQ(log[0]["field"], "park");
  EXPECT_EQ(log[0]["old_value"], "LG");
  EXPECT_EQ(log[0]["new_value"], "GXQ");
  EXPECT_EQ(log[0]["actor"], "e2e");
}

TEST_F(CliTest, BadRowsWriteNothingAndExitThree) {
  ASSERT_EQ(Cli("init").exit_code, 0);
  testutil::WriteFile(dir_.Path("bad.csv"),
                      fmt::format("uscc,name,industry_code\n{},甲,3841\n{}0,乙,3841\n",
                                  testutil::CreditCode(1), testutil::CreditCode(2)));
  const CliRun bad = Cli("import enterprises bad.csv");
  EXPECT_EQ(bad.exit_code, 3) << bad.out;
  EXPECT_NE(bad.out.find("bad.csv:3: column 'uscc'"), std::string::npos) << bad.out;
  EXPECT_NE(bad.out.find("[credit_code_format]"), std::string::npos) << bad.out;
  EXPECT_NE(Cli("enterprise list").out.find("0 enterprises"), std::string::npos);

  const CliRun skip = Cli("import enterprises bad.csv --skip-invalid");
  EXPECT_EQ(skip.exit_code, 0) << skip.out;
  EXPECT_NE(skip.out.find("1 inserted"), std::string::npos) << skip.out;
  EXPECT_NE(testutil::ReadFile(dir_.Path("bad.csv.rejects.csv")).find("credit_code_format"),
            std::string::npos);
}

TEST_F(CliTest, ExitCodesAreDocumented) {
  EXPECT_EQ(Cli("system show").exit_code, 4);  // no database yet
  ASSERT_EQ(Cli("init").exit_code, 0);
  EXPECT_EQ(Cli("enterprise show " + testutil::CreditCode(5)).exit_code, 4);
  EXPECT_EQ(Cli("no-such-command").exit_code, 2);
  EXPECT_EQ(Cli("enterprise add " + testutil::CreditCode(5)).exit_code, 2);  // --name missing
  EXPECT_EQ(
      Cli("enterprise add " + testutil::CreditCode(5) + " --name 甲 --industry 3841").exit_code, 0);
  EXPECT_EQ(
      Cli("enterprise add " + testutil::CreditCode(5) + " --name 甲 --industry 3841").exit_code, 5);
  const CliRun bad = Cli("enterprise add 123 --name 甲 --industry 3841");
  EXPECT_EQ(bad.exit_code, 3);
  EXPECT_NE(bad.out.find("credit_code_format"), std::string::npos) << bad.out;
  testutil::WriteFile(dir_.Path("bad.toml"), "code = \"x\"\n[[tiers]]\ncode = 1\n");
  const CliRun config = Cli("init --system bad.toml");
  EXPECT_EQ(config.exit_code, 3);
  EXPECT_NE(config.out.find("bad.toml:3: tiers[0].code: must be a string"), std::string::npos)
      << config.out;
  const CliRun help = Cli("import enterprises --help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--skip-invalid"), std::string::npos);
}

// The first report after a change of the facts keeps the engine's panel as an image; later
// ones map it and answer the same. A damaged image is deleted by `status --verify`, and an
// import (another set of live segments) gives the image another name.
TEST_F(CliTest, TheEnginesPanelImageIsKeptCheckedAndReplaced) {
  namespace fs = std::filesystem;
  ASSERT_EQ(Cli("init").exit_code, 0);
  const std::string a = testutil::CreditCode(1);
  ASSERT_EQ(Cli("enterprise add " + a + " --name 甲 --industry 3841 --above-scale 1 --year 2023")
                .exit_code,
            0);
  testutil::WriteFile(dir_.Path("m1.csv"),
                      fmt::format("uscc,period,output_value,profit\n{0},2023-01,100,-3\n"
                                  "{0},2023-03,110.25,4\n",
                                  a));
  ASSERT_EQ(Cli("import monthly m1.csv").exit_code, 0);
  const auto images = [&] {
    std::vector<fs::path> out;
    for (const auto& entry : fs::directory_iterator(dir_.Path("e2e.db.facts"))) {
      if (entry.path().filename().string().rfind("engine-", 0) == 0) out.push_back(entry.path());
    }
    return out;
  };
  const CliRun built = Cli("report monthly --period 2023-03 --format json");
  ASSERT_EQ(built.exit_code, 0) << built.out;
  ASSERT_EQ(images().size(), 1u);
  const fs::path image = images()[0];
  const auto written = fs::last_write_time(image);
  const CliRun mapped = Cli("report monthly --period 2023-03 --format json");
  EXPECT_EQ(mapped.out, built.out);
  EXPECT_EQ(fs::last_write_time(image), written);  // read, not written again

  {  // a flipped byte in a value column: the layout holds, the checksum does not
    std::fstream file(image, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(static_cast<std::streamoff>(fs::file_size(image) / 2));
    file.put('\x55');
  }
  const CliRun verify = Cli("status --verify");
  EXPECT_EQ(verify.exit_code, 0) << verify.out;
  EXPECT_FALSE(fs::exists(image));
  EXPECT_EQ(Cli("report monthly --period 2023-03 --format json").out, built.out);
  ASSERT_EQ(images().size(), 1u);

  testutil::WriteFile(dir_.Path("m2.csv"),
                      fmt::format("uscc,period,output_value\n{},2023-03,120\n", a));
  ASSERT_EQ(Cli("import monthly m2.csv").exit_code, 0);
  const CliRun revised = Cli("report monthly --period 2023-03 --format json");
  ASSERT_EQ(revised.exit_code, 0) << revised.out;
  EXPECT_NE(revised.out, built.out);
  ASSERT_EQ(images().size(), 1u);
  EXPECT_NE(images()[0], image);
}

TEST_F(CliTest, ImportsMonthlyFiguresWithHistoryAndUndo) {
  ASSERT_EQ(Cli("init").exit_code, 0);
  const std::string a = testutil::CreditCode(1);
  ASSERT_EQ(Cli("enterprise add " + a + " --name 甲 --industry 3841").exit_code, 0);
  testutil::WriteFile(
      dir_.Path("m1.csv"),
      fmt::format("统一社会信用代码,报告期,工业总产值,利润总额\n{0},2023-01,100,-3\n"
                  "{0},2023-02,110,4\n",
                  a));
  testutil::WriteFile(dir_.Path("m2.csv"),
                      fmt::format("uscc,period,output_value,value_added\n{},2023年2月,1200000,"
                                  "900000\n",
                                  a));
  const CliRun first = Cli("import monthly m1.csv");
  ASSERT_EQ(first.exit_code, 0) << first.out;
  EXPECT_NE(first.out.find("(batch 1)"), std::string::npos) << first.out;
  const CliRun second = Cli("import monthly m2.csv --unit yuan");
  ASSERT_EQ(second.exit_code, 0) << second.out;
  // The database and its figures are its owner's alone, whatever the umask.
  namespace fs = std::filesystem;
  const auto others = fs::perms::group_all | fs::perms::others_all;
  EXPECT_EQ(fs::status(dir_.Path("e2e.db")).permissions() & others, fs::perms::none);
  EXPECT_EQ(fs::status(dir_.Path("e2e.db.facts")).permissions() & others, fs::perms::none);
  for (const auto& segment : fs::directory_iterator(dir_.Path("e2e.db.facts"))) {
    EXPECT_EQ(segment.status().permissions() & others, fs::perms::none) << segment.path();
  }

  const CliRun history = Cli("history " + a + " --period 2023-02 --format json");
  ASSERT_EQ(history.exit_code, 0) << history.out;
  const auto versions = nlohmann::json::parse(history.out)["periods"][0]["versions"];
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0]["values"]["output_value"], 110.0);
  EXPECT_EQ(versions[0]["replaced_by"], 2);
  EXPECT_EQ(versions[1]["values"]["output_value"], 120.0);  // 1,200,000 yuan = 120 万元
  EXPECT_EQ(versions[1]["current"], true);
  EXPECT_EQ(versions[1]["imported_by"], "e2e");
  EXPECT_NE(versions[1]["file"].get<std::string>().find("m2.csv"), std::string::npos);

  const CliRun audit = Cli("audit list --period 2023-02 --format json");
  ASSERT_EQ(audit.exit_code, 0) << audit.out;
  const auto warnings = nlohmann::json::parse(audit.out)["warnings"];
  ASSERT_EQ(warnings.size(), 1u);  // value added 90 of output 120 万元: 75 %
  EXPECT_EQ(warnings[0]["rule"], "va_rate_band");
  const CliRun confirm =
      Cli(fmt::format("audit confirm {} --note 'checked'", warnings[0]["id"].get<int>()));
  ASSERT_EQ(confirm.exit_code, 0) << confirm.out;
  EXPECT_NE(Cli("audit list --period 2023-02").out.find("共 0 条审核提示"), std::string::npos);

  const CliRun nonsense = Cli("import monthly m1.csv --va-rate-min 0.7 --va-rate-max 0.2");
  EXPECT_EQ(nonsense.exit_code, 3) << nonsense.out;
  EXPECT_NE(nonsense.out.find("value-added rate band"), std::string::npos) << nonsense.out;

  const CliRun undo = Cli("import undo 2");
  ASSERT_EQ(undo.exit_code, 0) << undo.out;
  EXPECT_NE(undo.out.find("1 enterprise-months restored"), std::string::npos) << undo.out;
  const CliRun after = Cli("history " + a + " --format json");
  const auto periods = nlohmann::json::parse(after.out)["periods"];
  ASSERT_EQ(periods.size(), 2u);
  EXPECT_EQ(periods[1]["versions"].size(), 1u);
  EXPECT_EQ(periods[1]["versions"][0]["values"]["output_value"], 110.0);
  EXPECT_EQ(Cli("import undo 2").exit_code, 3);   // already undone
  EXPECT_EQ(Cli("import undo 99").exit_code, 4);  // no such batch
}

// The monthly report's JSON is a contract for scripts: the fields the issue names, money in
// 万元, null where undefined.
TEST_F(CliTest, ReportsTheMonthAsStableJson) {
  ASSERT_EQ(Cli("init").exit_code, 0);
  const std::string a = testutil::CreditCode(1);
  const std::string b = testutil::CreditCode(2);
  ASSERT_EQ(Cli("enterprise add " + a + " --name 甲 --industry 3841 --above-scale 1 --year 2023")
                .exit_code,
            0);
  ASSERT_EQ(Cli("enterprise update " + a + " --above-scale 1 --year 2022").exit_code, 0);
  ASSERT_EQ(Cli("enterprise add " + b + " --name 乙 --industry 1371 --above-scale 1 --year 2023")
                .exit_code,
            0);
  testutil::WriteFile(dir_.Path("m.csv"),
                      fmt::format("uscc,period,output_value,profit\n{0},2022-01,100,1\n"
                                  "{0},2022-02,100,1\n{0},2023-01,120,-2\n{0},2023-02,130,1\n"
                                  "{1},2023-02,50,3\n",
                                  a, b));
  ASSERT_EQ(Cli("import monthly m.csv").exit_code, 0);
  const CliRun run = Cli("report monthly --period 2023-02 --format json");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  const auto report = nlohmann::json::parse(run.out);
  EXPECT_EQ(report["period"], "2023-02");
  const auto& total = report["groups"][0];
  for (const char* field :
       {"kind", "code", "name", "enterprises", "month_output", "ytd_output", "ytd_output_base",
        "growth_same_basis", "contribution_rate", "pull_pp", "ytd_value_added", "ytd_revenue",
        "ytd_profit", "rd_intensity", "energy_per_va", "labor_productivity", "declining_count",
        "loss_count", "top"}) {
    EXPECT_TRUE(total.contains(field)) << field;
  }
  EXPECT_EQ(total["kind"], "total");
  EXPECT_EQ(total["enterprises"], 2);
  EXPECT_EQ(total["ytd_output"], 300.0);       // 120 + 130 + 50
  EXPECT_EQ(total["ytd_output_base"], 200.0);  // 乙 has no 2022: base 0
  EXPECT_EQ(total["growth_same_basis"], 0.5);
  EXPECT_EQ(total["month_output"], 180.0);
  EXPECT_EQ(total["ytd_profit"], 2.0);
  EXPECT_TRUE(total["rd_intensity"].is_null());  // no revenue reported
  EXPECT_EQ(total["top"][0]["name"], "甲");
  EXPECT_EQ(total["top"][0]["ytd_output"], 250.0);
  const CliRun headline = Cli("report monthly --format headline");  // the latest month
  ASSERT_EQ(headline.exit_code, 0);
  EXPECT_NE(headline.out.find("2023年1—2月，规上工业总产值"), std::string::npos) << headline.out;
  EXPECT_NE(Cli("report monthly --period 2023-02 --lang en").out.find("By cluster"),
            std::string::npos);

  // A saved list is a group of its own.
  testutil::WriteFile(dir_.Path("watch.csv"), "统一社会信用代码,企业名称\n" + a + ",甲\n");
  ASSERT_EQ(Cli("list save 重点监测 watch.csv").exit_code, 0);
  testutil::WriteFile(dir_.Path("bad.csv"), "uscc\n" + testutil::CreditCode(9) + "\n");
  EXPECT_EQ(Cli("list save x bad.csv").exit_code, 4);
  const auto listed =
      nlohmann::json::parse(Cli("report monthly --period 2023-02 --format json").out)["groups"];
  bool has_list = false;
  for (const auto& g : listed) {
    if (g["kind"] == "list") {
      has_list = true;
      EXPECT_EQ(g["code"], "重点监测");
      EXPECT_EQ(g["enterprises"], 1);
      EXPECT_EQ(g["ytd_output"], 250.0);
    }
  }
  EXPECT_TRUE(has_list);
  EXPECT_EQ(Cli("list delete 重点监测").exit_code, 0);
  EXPECT_EQ(Cli("list delete 重点监测").exit_code, 4);

  // Prices: a bad division is refused with its line; good ones make the growth real.
  testutil::WriteFile(dir_.Path("p.csv"),
                      "行业代码,报告期,价格指数\n38,2023-01,110\n99,2023-02,90\n");
  const CliRun bad_prices = Cli("import prices p.csv");
  EXPECT_EQ(bad_prices.exit_code, 3) << bad_prices.out;
  EXPECT_NE(bad_prices.out.find("p.csv:3"), std::string::npos) << bad_prices.out;
  EXPECT_NE(bad_prices.out.find("unknown_division"), std::string::npos);

  // Excel: a sheet per table, numbers as numbers.
  ASSERT_EQ(Cli("report monthly --period 2023-02 --format xlsx --out r.xlsx").exit_code, 0);
  auto sheet = clusterscope::ingest::ReadXlsxFile(dir_.Path("r.xlsx"), "总体");
  ASSERT_OK(sheet);
  bool found = false;
  for (const auto& record : sheet->rows) {
    if (!record.fields.empty() && record.fields[0] == "total") {
      found = true;
      EXPECT_EQ(record.fields[4], "300");  // ytd output
      EXPECT_EQ(record.fields[6], "0.5");  // growth
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(Cli("report monthly --format xlsx").exit_code, 3);  // needs --out
  const CliRun html = Cli("report monthly --period 2023-02 --format html");
  ASSERT_EQ(html.exit_code, 0);
  EXPECT_NE(html.out.find("<svg class=\"chart\""), std::string::npos);  // the trend
  EXPECT_NE(html.out.find("<title>2023-02 0.0"), std::string::npos) << html.out;
  EXPECT_NE(html.out.find("</html>"), std::string::npos);

  // Published: two enterprises are too few; withheld, never zeros, and no rankings.
  const CliRun published = Cli("report monthly --period 2023-02 --format json --public");
  ASSERT_EQ(published.exit_code, 0) << published.out;
  const auto withheld = nlohmann::json::parse(published.out)["groups"][0];
  EXPECT_EQ(withheld["suppressed"], "primary");
  EXPECT_EQ(withheld["enterprises"], 2);
  EXPECT_TRUE(withheld["ytd_output"].is_null());
  EXPECT_TRUE(withheld["top"].empty());
  EXPECT_EQ(Cli("report monthly --public --dominance 2").exit_code, 3);
}

TEST_F(CliTest, LooksUpIndustries) {
  const CliRun run = Cli("industry show 3841");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_NE(run.out.find("锂离子电池制造"), std::string::npos);
  EXPECT_NE(run.out.find("电气机械和器材制造业"), std::string::npos);
  EXPECT_EQ(Cli("industry show 9999").exit_code, 4);
}

// The 2027 targets: the plan comes with init; series are imported with their audit; every
// target is listed, flows as the trailing 12 months, missing figures as no data with a reason.
TEST_F(CliTest, TracksTheTargetsOfThePlan) {
  const CliRun init = Cli("init");
  ASSERT_EQ(init.exit_code, 0) << init.out;
  EXPECT_NE(init.out.find("fuling-2349-targets.toml"), std::string::npos) << init.out;
  const std::string a = testutil::CreditCode(1);
  const std::string b = testutil::CreditCode(2);
  ASSERT_EQ(Cli("enterprise add " + a + " --name 甲 --industry 3841 --above-scale 1 --year 2022")
                .exit_code,
            0);
  ASSERT_EQ(Cli("enterprise update " + a + " --above-scale 1 --year 2023").exit_code, 0);
  ASSERT_EQ(Cli("enterprise add " + b + " --name 乙 --industry 1371 --above-scale 1 --year 2023")
                .exit_code,
            0);
  // 甲: 2022 twelve months of value added 30; 2023 January-June 36. 乙: 2023 January-June 10.
  std::string monthly = "uscc,period,output_value,value_added\n";
  for (int m = 1; m <= 12; ++m) monthly += fmt::format("{},2022-{:02},100,30\n", a, m);
  for (int m = 1; m <= 6; ++m) {
    monthly += fmt::format("{},2023-{:02},120,36\n{},2023-{:02},50,10\n", a, m, b, m);
  }
  testutil::WriteFile(dir_.Path("m.csv"), monthly);
  ASSERT_EQ(Cli("import monthly m.csv").exit_code, 0);

  testutil::WriteFile(dir_.Path("s.csv"),
                      "series,period,value,source\ngdp,2023,2000,区统计局\ngnp,2023,1,x\n");
  const CliRun bad = Cli("import series s.csv");
  EXPECT_EQ(bad.exit_code, 3) << bad.out;
  EXPECT_NE(bad.out.find("s.csv:3"), std::string::npos) << bad.out;
  EXPECT_NE(bad.out.find("unknown_series"), std::string::npos) << bad.out;
  testutil::WriteFile(dir_.Path("s.csv"),
                      "series,period,value,source\ngdp,2023,2000,区统计局\n"
                      "manufacturing_value_added,2023,800,区统计局\n");
  ASSERT_EQ(Cli("import series s.csv").exit_code, 0);

  const CliRun run = Cli("targets --period 2023-06 --format json");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  const auto doc = nlohmann::json::parse(run.out);
  EXPECT_EQ(doc["period"], "2023-06");
  ASSERT_EQ(doc["targets"].size(), 41u);  // 40 of the plan and T02's one part
  std::map<std::string, nlohmann::json> by_id;
  for (const auto& t : doc["targets"]) {
    for (const char* field : {"id", "row", "kind", "unit", "actual", "completion", "time_progress",
                              "required_annual_growth", "status", "note"}) {
      EXPECT_TRUE(t.contains(field)) << field;
    }
    by_id[t["id"].get<std::string>()] = t;
  }
  // Value added over the 12 months to June 2023: 2023 H1 (216 + 60) and 2022 H2 (180) = 456
  // 万元 = 0.0456 亿元 above scale; T01 counts the whole industry, and no published total was
  // imported, so it is derived with the plan's share: 0.0456 / 0.95. The base is 2022's 360
  // 万元 / 0.95 likewise.
  EXPECT_NEAR(by_id["T01"]["actual"].get<double>(), 0.0456 / 0.95, 1e-12);
  EXPECT_NEAR(by_id["T01"]["base"].get<double>(), 0.036 / 0.95, 1e-12);
  EXPECT_EQ(by_id["T01"]["coverage_source"], "derived");
  EXPECT_NEAR(by_id["T01"]["time_progress"].get<double>(), 6.0 / 60, 1e-12);
  // The trend through 2022's base and the 12 months to June 2023 (0.5 years on), carried to
  // the end of 2027: base x (0.0456 / 0.036)^(5 / 0.5).
  EXPECT_NEAR(by_id["T01"]["projection"].get<double>(),
              0.036 / 0.95 * std::pow(0.0456 / 0.036, 5 / 0.5), 1e-9);
  EXPECT_EQ(by_id["T01"]["projection_meets"], false);
  EXPECT_TRUE(by_id["T01"]["odds"].is_null());  // one year-end only: no spread to draw from
  EXPECT_EQ(by_id["T28"]["actual"], 2.0);       // above scale in 2023
  EXPECT_EQ(by_id["T28"]["base"], 1.0);
  EXPECT_NEAR(by_id["T04"]["actual"].get<double>(), 40.0, 1e-9);  // 800 / 2000
  EXPECT_EQ(by_id["T04"]["status"], "ahead");                     // met four years early
  EXPECT_EQ(by_id["T24"]["status"], "no_data");
  EXPECT_TRUE(by_id["T24"]["actual"].is_null());
  EXPECT_NE(by_id["T24"]["note"].get<std::string>().find("industrial_land_km2"), std::string::npos);
  EXPECT_EQ(by_id["T25b"]["note"], "尚未实现");  // the notes speak the language asked for (zh)
  // T02 is split across clusters in proportion to 2022 output: only 甲's cluster had any, so it
  // carries the whole 4000 亿元, and the parts add up to the whole.
  double parts = 0;
  for (const auto& t : doc["targets"]) {
    if (t["parent"] == "T02") parts += t["target"].get<double>();
  }
  EXPECT_NEAR(parts, 4000, 1e-9);

  const CliRun history = Cli("targets --period 2023-06 --format json --history");
  const auto first = nlohmann::json::parse(history.out)["targets"][0]["history"];
  ASSERT_EQ(first.size(), 6u);  // 2023-01 .. 2023-06
  EXPECT_EQ(first[0]["period"], "2023-01");
  const CliRun table = Cli("targets --period 2023-06");
  ASSERT_EQ(table.exit_code, 0);
  EXPECT_NE(table.out.find("工业增加值"), std::string::npos) << table.out;
  EXPECT_EQ(Cli("targets load nothing.toml").exit_code, 4);
  const CliRun html = Cli("targets --period 2023-06 --format html");
  ASSERT_EQ(html.exit_code, 0);
  EXPECT_NE(html.out.find("<td>T01</td>"), std::string::npos) << html.out;
  EXPECT_NE(html.out.find("</html>"), std::string::npos);
  EXPECT_EQ(Cli("targets --format xlsx").exit_code, 3);  // needs --out
  ASSERT_EQ(Cli("targets --period 2023-06 --format xlsx --history --out t.xlsx").exit_code, 0);
  auto sheet = clusterscope::ingest::ReadXlsxFile(dir_.Path("t.xlsx"), "目标进度");
  ASSERT_OK(sheet);
  bool saw_t24 = false;
  for (const auto& record : sheet->rows) {
    if (!record.fields.empty() && record.fields[0] == "T24") {
      saw_t24 = true;
      EXPECT_EQ(record.fields[5], "");  // no data is an empty cell, never 0
    }
  }
  EXPECT_TRUE(saw_t24);
  EXPECT_TRUE(clusterscope::ingest::ReadXlsxFile(dir_.Path("t.xlsx"), "逐月进度"));

  // The monthly report raises the targets behind time-progress and has a targets section.
  const auto month_report =
      nlohmann::json::parse(Cli("report monthly --period 2023-06 --format json").out);
  bool behind = false;
  for (const auto& alert : month_report["alerts"]) {
    if (alert["rule"] == "target_behind" && alert["code"] == "T01") {
      behind = true;
      EXPECT_EQ(alert["level"], "amber");  // 0.001 % of the path, time 10 %: within red_gap
      EXPECT_NE(alert["message"].get<std::string>().find("落后于时间进度10.0%"), std::string::npos)
          << alert["message"];
    }
  }
  EXPECT_TRUE(behind);
  // Published, two enterprises withhold the total: the targets read from it go too, with their
  // alerts, while a count of designations stays.
  const auto published =
      nlohmann::json::parse(Cli("report monthly --period 2023-06 --format json --public").out);
  for (const auto& alert : published["alerts"]) EXPECT_NE(alert["code"], "T01");
  const CliRun public_md = Cli("report monthly --period 2023-06 --public");
  EXPECT_EQ(public_md.out.find("| T01 |"), std::string::npos);
  EXPECT_NE(public_md.out.find("| T14 |"), std::string::npos) << public_md.out;
  EXPECT_NE(Cli("report monthly --period 2023-06")
                .out.find("## 涪陵区“2349”现代制造业集群体系2027年目标"),
            std::string::npos);
}

// Designation counts count enterprises holding a grant in force: a renewal is not a second
// holder, a grant past its term has lapsed, and "new since the base" means first granted after
// it.
TEST_F(CliTest, DesignationCountsAreHoldersOfGrantsInForce) {
  ASSERT_EQ(Cli("init").exit_code, 0);
  std::string designations = "uscc,designation,granted\n";
  // A: 高新技术企业 2020-05, renewed 2023-04 (in force to 2026-04). B: 2019, never renewed
  // (lapsed 2022). C: first granted 2024.
  const std::vector<std::vector<std::string>> grants = {
      {"2020-05-01", "2023-04-20"}, {"2019-06-01"}, {"2024-03-01"}};
  for (std::size_t i = 0; i < grants.size(); ++i) {
    const std::string uscc = testutil::CreditCode(static_cast<int>(i) + 1);
    ASSERT_EQ(Cli(fmt::format("enterprise add {} --name E{} --industry 3841", uscc, i)).exit_code,
              0);
    for (const auto& date : grants[i]) designations += fmt::format("{},high_tech,{}\n", uscc, date);
  }
  testutil::WriteFile(dir_.Path("d.csv"), designations);
  ASSERT_EQ(Cli("import designations d.csv").exit_code, 0);
  testutil::WriteFile(dir_.Path("plan.toml"),
                      "system = \"fuling-2349\"\nbase_year = 2022\ntarget_year = 2027\n"
                      "[[targets]]\nid = \"HT\"\nname_zh = \"高企\"\nkind = \"count\"\n"
                      "unit = \"家\"\ntarget = 10\nvalue = { designation = \"high_tech\" }\n"
                      "[[targets]]\nid = \"NEW\"\nname_zh = \"新增高企\"\nkind = \"count\"\n"
                      "unit = \"家\"\ntarget = 10\n"
                      "value = { designation = \"high_tech\", new_since_base = true }\n");
  ASSERT_EQ(Cli("targets load plan.toml").exit_code, 0);
  const auto actual = [&](const std::string& period, const std::string& id) {
    const auto doc = nlohmann::json::parse(Cli("targets --format json --period " + period).out);
    for (const auto& t : doc["targets"]) {
      if (t["id"] == id) return t["actual"].get<double>();
    }
    return -1.0;
  };
  EXPECT_EQ(actual("2021-12", "HT"), 2);   // A and B
  EXPECT_EQ(actual("2022-12", "HT"), 1);   // B lapsed in 2022-06
  EXPECT_EQ(actual("2024-12", "HT"), 2);   // A (renewed: once) and C
  EXPECT_EQ(actual("2024-12", "NEW"), 1);  // C; A's renewal is not new
  EXPECT_EQ(actual("2026-12", "HT"), 1);   // A lapsed in 2026-04, C holds to 2027-03
}

// T21, the fall of energy per value added, as the plans measure it: year to date on the same
// enterprises with value added at comparable prices. Prices fell 3 %, value added and energy
// stayed flat at current prices: a fall of 3 %, the rate the city set, met.
TEST_F(CliTest, TheEnergyTargetIsMeasuredAtComparablePrices) {
  ASSERT_EQ(Cli("init").exit_code, 0);
  const std::string a = testutil::CreditCode(1);
  ASSERT_EQ(Cli("enterprise add " + a + " --name 甲 --industry 3841 --above-scale 1 --year 2022")
                .exit_code,
            0);
  ASSERT_EQ(Cli("enterprise update " + a + " --above-scale 1 --year 2023").exit_code, 0);
  std::string monthly = "uscc,period,output_value,value_added,energy_tce\n";
  std::string prices = "division,period,index\n";
  for (int year : {2022, 2023}) {
    for (int m = 1; m <= 12; ++m) {
      monthly += fmt::format("{},{}-{:02},300,100,50\n", a, year, m);
      prices += fmt::format("38,{}-{:02},{}\n", year, m, year == 2023 ? 97 : 100);
    }
  }
  testutil::WriteFile(dir_.Path("m.csv"), monthly);
  testutil::WriteFile(dir_.Path("p.csv"), prices);
  testutil::WriteFile(dir_.Path("s.csv"),
                      "series,period,value,source\nenergy_intensity_rate_assigned,2023,3,市\n");
  ASSERT_EQ(Cli("import monthly m.csv").exit_code, 0);
  ASSERT_EQ(Cli("import prices p.csv").exit_code, 0);
  ASSERT_EQ(Cli("import series s.csv").exit_code, 0);
  const CliRun run = Cli("targets --period 2023-12 --format json");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  const auto doc = nlohmann::json::parse(run.out);  // kept: a loop over a temporary's member
  for (const auto& t : doc["targets"]) {            // would read freed memory
    if (t["id"] != "T21") continue;
    EXPECT_NEAR(t["actual"].get<double>(), -3.0, 1e-9);
    EXPECT_EQ(t["status"], "green") << t["note"];
  }
  const auto report =
      nlohmann::json::parse(Cli("report monthly --period 2023-12 --format json").out);
  const auto& total = report["groups"][0];
  EXPECT_NEAR(total["energy_per_va_change"].get<double>(), -0.03, 1e-12);
  EXPECT_NEAR(total["energy_per_va_change_nominal"].get<double>(), 0.0, 1e-12);
}

// A whole-industry level (全部工业): the published total for a year-end the series has, else the
// above-scale figure divided by the declared share, marked derived. Above-scale output is 1,000
// 万元 a month (1.2 亿元 a year); the bureau published 1.6 亿元 for 2023; the share is 0.8.
TEST_F(CliTest, AWholeIndustryTargetReadsThePublishedTotalElseDerivesIt) {
  ASSERT_EQ(Cli("init").exit_code, 0);
  const std::string a = testutil::CreditCode(1);
  ASSERT_EQ(Cli("enterprise add " + a + " --name 甲 --industry 3841 --above-scale 1 --year 2023")
                .exit_code,
            0);
  ASSERT_EQ(Cli("enterprise update " + a + " --above-scale 1 --year 2024").exit_code, 0);
  std::string monthly = "uscc,period,output_value\n";
  for (const auto& period : {"2023-01", "2023-02", "2023-03", "2023-04", "2023-05", "2023-06",
                             "2023-07", "2023-08", "2023-09", "2023-10", "2023-11", "2023-12",
                             "2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06"}) {
    monthly += fmt::format("{},{},1000\n", a, period);
  }
  testutil::WriteFile(dir_.Path("m.csv"), monthly);
  ASSERT_EQ(Cli("import monthly m.csv").exit_code, 0);
  const std::string head =
      "system = \"fuling-2349\"\nbase_year = 2023\ntarget_year = 2027\n"
      "[[series]]\ncode = \"whole\"\nname_zh = \"全部工业总产值\"\nunit = \"亿元\"\n"
      "[[targets]]\nid = \"W\"\nname_zh = \"工业总产值\"\nkind = \"level\"\nunit = \"亿元\"\n"
      "target = 4\nvalue = { measure = \"output_value\" }\n";
  testutil::WriteFile(dir_.Path("bad.toml"), head + "coverage = { basis = \"whole_industry\" }\n");
  const CliRun bad = Cli("targets load bad.toml");
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.out.find("needs a series, an above_scale_share, or both"), std::string::npos)
      << bad.out;
  testutil::WriteFile(dir_.Path("plan.toml"),
                      head +
                          "coverage = { basis = \"whole_industry\", series = \"whole\", "
                          "above_scale_share = 0.8 }\n");
  const CliRun load = Cli("targets load plan.toml");
  ASSERT_EQ(load.exit_code, 0) << load.out;
  testutil::WriteFile(dir_.Path("s.csv"), "series,period,value,source\nwhole,2023,1.6,区统计局\n");
  ASSERT_EQ(Cli("import series s.csv").exit_code, 0);
  const auto target_at = [&](const char* period) {
    const CliRun run = Cli(fmt::format("targets --period {} --format json --lang en", period));
    EXPECT_EQ(run.exit_code, 0) << run.out;
    return nlohmann::json::parse(run.out)["targets"][0];
  };
  const auto year_end = target_at("2023-12");
  EXPECT_NEAR(year_end["actual"].get<double>(), 1.6, 1e-9);  // published, not 1.2 / 0.8
  EXPECT_EQ(year_end["coverage_source"], "published");
  EXPECT_EQ(year_end["coverage"], "whole_industry");
  const auto mid_year = target_at("2024-06");
  EXPECT_NEAR(mid_year["actual"].get<double>(), 1.5, 1e-9);  // 1.2 above scale / 0.8
  EXPECT_NEAR(mid_year["base"].get<double>(), 1.6, 1e-9);    // the base year's published total
  EXPECT_EQ(mid_year["coverage_source"], "derived");
  EXPECT_NE(mid_year["note"].get<std::string>().find("above-scale ÷ 80%"), std::string::npos)
      << mid_year["note"];
}

// A region target split across clusters: goals set for some, the rest by base-year output, and
// the parts and the share of the output outside them add up to the whole.
TEST_F(CliTest, SplitsATargetAcrossClusters) {
  ASSERT_EQ(Cli("init").exit_code, 0);
  // 2022 output: L2 (3841) 100, F1 (1371) 300, L1 (2614) 600, and 400 in paper (2211), which
  // no cluster holds.
  std::string monthly = "uscc,period,output_value\n";
  int n = 0;
  for (const auto& [industry, output] : std::vector<std::pair<std::string, int>>{
           {"3841", 100}, {"1371", 300}, {"2614", 600}, {"2211", 400}}) {
    const std::string uscc = testutil::CreditCode(++n);
    ASSERT_EQ(Cli(fmt::format("enterprise add {} --name E{} --industry {} --above-scale 1 "
                              "--year 2022",
                              uscc, n, industry))
                  .exit_code,
              0);
    monthly += fmt::format("{},2022-12,{}\n", uscc, output);
  }
  testutil::WriteFile(dir_.Path("m.csv"), monthly);
  ASSERT_EQ(Cli("import monthly m.csv").exit_code, 0);
  // 10 亿元 in all; L1 is set at 2, so L2, F1 and the output outside every cluster share the
  // other 8 as 100 : 300 : 400.
  testutil::WriteFile(dir_.Path("plan.toml"),
                      "system = \"fuling-2349\"\nbase_year = 2022\ntarget_year = 2027\n"
                      "[[targets]]\nid = \"OUT\"\nname_zh = \"产值\"\nkind = \"level\"\n"
                      "unit = \"亿元\"\ntarget = 10\ndecompose = \"cluster\"\n"
                      "parts = { L1 = 2 }\nvalue = { measure = \"output_value\" }\n");
  const CliRun load = Cli("targets load plan.toml");
  ASSERT_EQ(load.exit_code, 0) << load.out;
  const CliRun run = Cli("targets --period 2022-12 --format json");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  std::map<std::string, double> goals;
  double sum = 0;
  const auto doc = nlohmann::json::parse(run.out);
  for (const auto& t : doc["targets"]) {
    if (t["parent"] != "OUT") continue;
    goals[t["id"].get<std::string>()] = t["target"].get<double>();
    sum += t["target"].get<double>();
  }
  ASSERT_EQ(goals.size(), 3u) << run.out;
  EXPECT_DOUBLE_EQ(goals["OUT/L1"], 2);
  EXPECT_DOUBLE_EQ(goals["OUT/L2"], 1);  // 8 x 100 / 800
  EXPECT_DOUBLE_EQ(goals["OUT/F1"], 3);  // 8 x 300 / 800
  EXPECT_DOUBLE_EQ(sum, 6);              // the other 4 are outside the clusters' share
}

// A full disk, played by a file-size limit (with SIGXFSZ ignored, a write past it fails as on a
// full disk): the report written before stays as it was, no partial file is left beside it, and
// a workbook whose sheet libxlsxwriter cut short in its temporary file is refused, not delivered.
TEST_F(CliTest, AFullDiskLeavesNoPartialReport) {
  ASSERT_NO_FATAL_FAILURE(LoadDemoDistrict());
  const auto limited = [&](int kib, const std::string& args) {
    // popen's sh counts the limit in blocks of 512 bytes (POSIX), unlike bash.
    return Shell(fmt::format("trap '' XFSZ; ulimit -f {}; CLUSTERSCOPE_USER=e2e '{}' --db '{}' {}",
                             kib * 2, CLUSTERSCOPE_BINARY, dir_.Path("e2e.db"), args));
  };
  ASSERT_EQ(Cli("report monthly --format html --out r.html").exit_code, 0);
  ASSERT_EQ(Cli("report monthly --format xlsx --out r.xlsx").exit_code, 0);
  const auto html_bytes = std::filesystem::file_size(dir_.Path("r.html"));
  const auto xlsx_bytes = std::filesystem::file_size(dir_.Path("r.xlsx"));
  ASSERT_GT(html_bytes, 34u << 10);  // past the limit below (the database needs 32 KiB)
  // Reading the database then writes nothing past the limit.
  ASSERT_EQ(Shell("sqlite3 e2e.db 'PRAGMA wal_checkpoint(TRUNCATE)'").exit_code, 0);

  const CliRun html = limited(33, "report monthly --format html --out r.html");
  EXPECT_EQ(html.exit_code, 7) << html.out;
  EXPECT_NE(html.out.find("r.html: cannot write the file (is the disk full?)"), std::string::npos)
      << html.out;
  EXPECT_EQ(std::filesystem::file_size(dir_.Path("r.html")), html_bytes);

  // Past the workbook's size, short of its largest sheet's (xl/worksheets/sheet7.xml, 177 KiB).
  ASSERT_LT(xlsx_bytes, 100u << 10);
  const CliRun xlsx = limited(100, "report monthly --format xlsx --out r.xlsx");
  EXPECT_EQ(xlsx.exit_code, 7) << xlsx.out;
  EXPECT_NE(xlsx.out.find("the workbook came out incomplete"), std::string::npos) << xlsx.out;
  EXPECT_EQ(std::filesystem::file_size(dir_.Path("r.xlsx")), xlsx_bytes);

  for (const auto& entry : std::filesystem::directory_iterator(dir_.path())) {
    EXPECT_EQ(entry.path().string().find(".partial"), std::string::npos) << entry.path();
  }
}

// The version is the project's (CMakeLists.txt), not a copy in the code.
TEST_F(CliTest, TellsTheProjectsVersion) {
  const CliRun run = Cli("--version");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, "clusterscope " CLUSTERSCOPE_EXPECTED_VERSION "\n");
}

}  // namespace
