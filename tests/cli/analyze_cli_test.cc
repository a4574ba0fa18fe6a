// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// `clusterscope analyze` end to end on files: the JSON field names the issue fixes, the CSV
// forms, and bad files refused with file, line, column and rule.
#include <algorithm>
#include <map>
#include <tuple>
#include <vector>

#include "cli_fixture.h"
#include <nlohmann/json.hpp>

namespace clusterscope::cli {
namespace {

using nlohmann::json;

class AnalyzeCliTest : public CliTest {
 protected:
  void SetUp() override {
    testutil::WriteFile(dir_.Path("m.csv"),
                        "region,industry,value,year\n"
                        "A,x,100,2020\nA,y,50,2020\nB,x,200,2020\nB,y,150,2020\n"
                        "A,x,120,2021\nA,y,40,2021\nB,x,190,2021\nB,y,170,2021\n"
                        "A,x,130,2022\nA,y,45,2022\nB,x,210,2022\nB,y,165,2022\n");
  }
};

TEST_F(AnalyzeCliTest, LocationQuotientAndConcentration) {
  auto run = Cli("analyze location-quotient m.csv --year 2020");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  const auto lq = json::parse(run.out)["lq"];
  ASSERT_EQ(lq.size(), 4u);
  EXPECT_EQ(lq[0]["region"], "A");
  EXPECT_EQ(lq[0]["industry"], "x");
  EXPECT_NEAR(lq[0]["lq"].get<double>(), (100.0 / 150) / (300.0 / 500), 1e-12);
  run = Cli("analyze location-quotient m.csv --format csv");  // the latest year, 2022
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_EQ(run.out.substr(0, run.out.find('\n')), "region,industry,lq");
  EXPECT_NE(run.out.find(fmt::format("A,x,{}", (130.0 / 175) / (340.0 / 550))), std::string::npos)
      << run.out;
  run = Cli("analyze concentration m.csv --year 2020");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  const auto doc = json::parse(run.out);
  // A: (2/3, 1/3) against (0.6, 0.4): Krugman 0.1333.
  EXPECT_NEAR(doc["regions"][0]["krugman"].get<double>(), 2 * (2.0 / 3 - 0.6), 1e-12);
  // x across A and B, (100, 200): ΣΣ|x_i − x_j| = 2 · 100 over 2 · 2² · 150.
  EXPECT_NEAR(doc["industries"][0]["gini"].get<double>(), 200.0 / (2 * 4 * 150), 1e-12);
}

TEST_F(AnalyzeCliTest, ShiftShareClassicAndDynamic) {
  auto run = Cli("analyze shift-share m.csv --region A --from 2020 --to 2022");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  auto doc = json::parse(run.out);
  for (const char* field :
       {"region", "from", "to", "growth", "national_share", "industry_mix", "regional_share",
        "net_total_shift", "competitive", "allocation", "gerfin"}) {
    EXPECT_TRUE(doc.contains(field)) << field;
  }
  EXPECT_EQ(doc["from"], 2020);
  EXPECT_NEAR(doc["growth"].get<double>(), 25, 1e-9);
  EXPECT_NEAR(doc["national_share"].get<double>(), 15, 1e-9);
  EXPECT_NEAR(doc["gerfin"]["net_total_shift"].get<double>(), 175.0 / 150 / 1.1, 1e-12);
  run = Cli("analyze shift-share m.csv --region A --from 2020 --to 2022 --dynamic");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  doc = json::parse(run.out);
  EXPECT_EQ(doc["method"], "dynamic");
  EXPECT_NEAR(doc["growth"].get<double>(), 25, 1e-9);
  EXPECT_EQ(Cli("analyze shift-share m.csv --region Z --from 2020 --to 2022").exit_code, 4);
  EXPECT_EQ(Cli("analyze shift-share m.csv --region A --from 2022 --to 2020").exit_code, 3);
  EXPECT_EQ(Cli("analyze shift-share m.csv --region A --from 2019 --to 2022").exit_code, 4);
}

TEST_F(AnalyzeCliTest, ComplexityAndInputOutput) {
  testutil::WriteFile(dir_.Path("p.csv"),
                      "region,industry,value\nA,x,1\nA,y,1\nA,z,1\nB,x,1\nB,y,1\nC,x,1\n");
  auto run = Cli("analyze complexity p.csv --presence manual");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  auto doc = json::parse(run.out);
  EXPECT_NEAR(doc["regions"][0]["eci"].get<double>(), 3 / std::sqrt(6.0), 1e-9);
  EXPECT_EQ(doc["industries"][2]["industry"], "z");
  EXPECT_NEAR(doc["industries"][2]["pci"].get<double>(), 9 / std::sqrt(6.0), 1e-9);
  EXPECT_EQ(doc["cells"].size(), 9u);
  for (const char* field : {"region", "industry", "rca", "presence", "density", "cog"}) {
    EXPECT_TRUE(doc["cells"][0].contains(field)) << field;
  }
  EXPECT_EQ(doc["proximity"][0]["a"], "x");

  testutil::WriteFile(dir_.Path("io.csv"),
                      "sector,agriculture,manufacturing,final_demand\n"
                      "agriculture,150,500,350\nmanufacturing,200,100,1700\n");
  testutil::WriteFile(dir_.Path("d.csv"), "sector,delta\nagriculture,600\nmanufacturing,1500\n");
  run = Cli("analyze io io.csv --demand-change d.csv");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  doc = json::parse(run.out);
  EXPECT_NEAR(doc["leontief_inverse"][0][1].get<double>(), 0.330033, 1e-6);
  EXPECT_NEAR(doc["output_change"][0].get<double>(), 1247.5248, 1e-4);
  EXPECT_EQ(doc["key_sectors"][0], "key");
}

// The clusters' location quotients: the district's own output from the database against a
// benchmark of GB/T classes, worked by hand; a division split between clusters is named.
TEST_F(AnalyzeCliTest, ClusterQuotientsFromTheDatabaseAgainstABenchmark) {
  ASSERT_EQ(Cli("init").exit_code, 0);
  const std::string battery = testutil::CreditCode(1), zhacai = testutil::CreditCode(2);
  testutil::WriteFile(dir_.Path("e.csv"), fmt::format("uscc,name,industry_code\n{},电池厂,3841\n"
                                                      "{},榨菜厂,1371\n",
                                                      battery, zhacai));
  ASSERT_EQ(Cli("import enterprises e.csv --year 2025").exit_code, 0);
  testutil::WriteFile(dir_.Path("s.csv"), fmt::format("uscc,year,above_scale\n{},2025,1\n"
                                                      "{},2025,1\n",
                                                      battery, zhacai));
  ASSERT_EQ(Cli("import scale s.csv").exit_code, 0);
  testutil::WriteFile(dir_.Path("m.csv"), fmt::format("uscc,period,output_value\n{},2025-12,300\n"
                                                      "{},2025-12,100\n",
                                                      battery, zhacai));
  ASSERT_EQ(Cli("import monthly m.csv").exit_code, 0);
  // The benchmark's own row for the district (5) gives way to the database's figures.
  testutil::WriteFile(dir_.Path("b.csv"),
                      "region,industry,value\n其他区县,3841,1000\n"
                      "其他区县,1371,3000\n涪陵区,3841,5\n");
  auto run = Cli("analyze clusters b.csv");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  auto doc = json::parse(run.out);
  EXPECT_EQ(doc["region"], "涪陵区");
  EXPECT_EQ(doc["period"], "2025-12");
  EXPECT_EQ(doc["level"], "class");
  std::map<std::string, json> by_code;
  for (const auto& c : doc["clusters"]) by_code[c["code"]] = c;
  // L2: 300 of 400 here against 1,300 of 4,400 in all: 0.75 / 0.29545 = 2.5385.
  EXPECT_NEAR(by_code["L2"]["lq"].get<double>(), 0.75 / (1300.0 / 4400), 1e-12);
  // F1 (榨菜, class 1371): 0.25 / (3,100 / 4,400).
  EXPECT_NEAR(by_code["F1"]["lq"].get<double>(), 0.25 / (3100.0 / 4400), 1e-12);
  EXPECT_TRUE(by_code["L1"]["lq"].is_null());  // nothing of it anywhere

  // The same benchmark kept in the database; a re-import keeps what it changes as revisions.
  run = Cli("import matrix b.csv --name cq-districts");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  run = Cli("analyze clusters --benchmark cq-districts");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_NEAR(json::parse(run.out)["clusters"][1]["lq"].get<double>(), 0.75 / (1300.0 / 4400),
              1e-12);  // L2, the second cluster
  testutil::WriteFile(dir_.Path("b2.csv"), "region,industry,value\n其他区县,3841,2000\n");
  ASSERT_EQ(Cli("import matrix b2.csv --name cq-districts").exit_code, 0);
  run = Cli("changes --entity benchmark");
  EXPECT_NE(run.out.find("cq-districts"), std::string::npos) << run.out;
  testutil::WriteFile(dir_.Path("bad.csv"), "region,industry,value\nX,3841,-5\n");
  run = Cli("import matrix bad.csv --name cq-districts");
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_NE(run.out.find("bad.csv:2: value: -5 is negative"), std::string::npos) << run.out;
  run = Cli("analyze clusters --benchmark cq-districts");  // the second import, untouched
  ASSERT_EQ(run.exit_code, 0) << run.out;
  // It covers 3841 only: the district's 1371 is left out of its total, so L2 is all of it here
  // as in the benchmark.
  doc = json::parse(run.out);
  EXPECT_NEAR(doc["clusters"][1]["lq"].get<double>(), 1.0, 1e-12);
  EXPECT_EQ(doc["outside_benchmark"], json::array({"1371"}));
  run = Cli("analyze clusters --benchmark nothing");
  EXPECT_EQ(run.exit_code, 4);
  EXPECT_NE(run.out.find("held: cq-districts"), std::string::npos) << run.out;
  EXPECT_EQ(Cli("analyze clusters b.csv --benchmark cq-districts").exit_code, 3);

  // By division: 13 holds 1371 (F1) and the rest of food (P1): split, counted for neither.
  testutil::WriteFile(dir_.Path("d.csv"), "region,industry,value\n其他区县,13,3000\n");
  run = Cli("analyze clusters d.csv");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  doc = json::parse(run.out);
  EXPECT_EQ(doc["level"], "division");
  EXPECT_NE(std::find(doc["split_industries"].begin(), doc["split_industries"].end(), "13"),
            doc["split_industries"].end())
      << run.out;
  testutil::WriteFile(dir_.Path("mixed.csv"), "region,industry,value\nX,13,1\nX,3841,2\n");
  EXPECT_EQ(Cli("analyze clusters mixed.csv").exit_code, 3);
  // A year after the database's latest (the benchmark has no year column: it serves any).
  run = Cli("analyze clusters b.csv --year 2030");
  EXPECT_EQ(run.exit_code, 4);
  EXPECT_NE(run.out.find("no monthly statistics for 2030"), std::string::npos) << run.out;
}

// The analytics plan names the benchmark; the clusters' shift-share runs between the whole
// years both hold, and the monthly report carries both, withheld where disclosure withholds.
TEST_F(AnalyzeCliTest, ThePlansBenchmarkGivesClustersShiftShareAndAReportSection) {
  ASSERT_EQ(Cli("init").exit_code, 0);
  const std::string battery = testutil::CreditCode(1), zhacai = testutil::CreditCode(2);
  testutil::WriteFile(dir_.Path("e.csv"), fmt::format("uscc,name,industry_code\n{},电池厂,3841\n"
                                                      "{},榨菜厂,1371\n",
                                                      battery, zhacai));
  ASSERT_EQ(Cli("import enterprises e.csv --year 2024").exit_code, 0);
  testutil::WriteFile(dir_.Path("s.csv"),
                      fmt::format("uscc,year,above_scale\n{0},2024,1\n{1},2024,1\n{0},2025,1\n"
                                  "{1},2025,1\n",
                                  battery, zhacai));
  ASSERT_EQ(Cli("import scale s.csv").exit_code, 0);
  testutil::WriteFile(dir_.Path("m.csv"),
                      fmt::format("uscc,period,output_value\n{0},2024-01,200\n{1},2024-01,100\n"
                                  "{0},2025-12,330\n{1},2025-12,100\n",
                                  battery, zhacai));
  ASSERT_EQ(Cli("import monthly m.csv").exit_code, 0);
  testutil::WriteFile(
      dir_.Path("b.csv"),
      "region,industry,value,year\n其他区县,3841,1000,2024\n其他区县,1371,3000,2024\n"
      "其他区县,3841,1500,2025\n其他区县,1371,3000,2025\n");
  ASSERT_EQ(Cli("import matrix b.csv --name cq").exit_code, 0);
  // The shipped plan names a benchmark this database does not hold.
  auto run = Cli("analyze clusters");
  EXPECT_EQ(run.exit_code, 4);
  EXPECT_NE(run.out.find("no benchmark 'chongqing-districts' (held: cq)"), std::string::npos)
      << run.out;
  testutil::WriteFile(dir_.Path("bad-plan.toml"),
                      "system = \"fuling-2349\"\nregion = \"涪陵区\"\nbenchmark = \"cq\"\n"
                      "[[sectors]]\nsector = \"电池\"\nindustries = [\"3841\", \"9999\"]\n"
                      "cluster = \"ZZ\"\n");
  run = Cli("analyze load bad-plan.toml");
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_NE(run.out.find("bad-plan.toml:6: sectors[0].industries[1]: '9999' is not a GB/T"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("no cluster 'ZZ'"), std::string::npos) << run.out;
  testutil::WriteFile(dir_.Path("plan.toml"),
                      "system = \"fuling-2349\"\nregion = \"涪陵区\"\nbenchmark = \"cq\"\n");
  run = Cli("analyze load plan.toml");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  run = Cli("analyze clusters");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  auto doc = json::parse(run.out);
  EXPECT_EQ(doc["benchmark"], "cq");
  EXPECT_EQ(doc["benchmark_year"], 2025);
  EXPECT_FALSE(doc["annualised"].get<bool>());
  std::map<std::string, json> lq;
  for (const auto& c : doc["clusters"]) lq[c["code"]] = c;
  // 2025: L2 330 of 430 here, 1,830 of 4,930 in all.
  EXPECT_NEAR(lq["L2"]["lq"].get<double>(), (330.0 / 430) / (1830.0 / 4930), 1e-12);
  // Shift-share 2024 -> 2025 (the plan's three years reach back only to the first whole year
  // held). Nation: 4,300 -> 4,930; battery 1,200 -> 1,830; zhacai 3,100 -> 3,100.
  const auto& shift = doc["shift_share"];
  EXPECT_EQ(shift["from"], 2024);
  EXPECT_EQ(shift["to"], 2025);
  std::map<std::string, json> by;
  for (const auto& c : shift["clusters"]) by[c["code"]] = c;
  const double national = 4930.0 / 4300;
  EXPECT_NEAR(by["L2"]["growth"].get<double>(), 130, 1e-9);
  EXPECT_NEAR(by["L2"]["national_share"].get<double>(), 200 * (national - 1), 1e-9);
  EXPECT_NEAR(by["L2"]["industry_mix"].get<double>(), 200 * (1830.0 / 1200 - national), 1e-9);
  EXPECT_NEAR(by["L2"]["regional_share"].get<double>(), 330 - 200 * (1830.0 / 1200), 1e-9);
  EXPECT_NEAR(by["L2"]["growth_rate"].get<double>(), 0.65, 1e-12);
  EXPECT_NEAR(by["F1"]["industry_mix"].get<double>(), 100 * (1 - national), 1e-9);
  EXPECT_NEAR(by["F1"]["regional_share"].get<double>(), 0, 1e-9);
  EXPECT_TRUE(by["L1"]["growth_rate"].is_null());  // no base
  EXPECT_NEAR(shift["total"]["growth"].get<double>(), 130, 1e-9);

  // The file commands run on a kept benchmark too, the region's row from the database.
  run = Cli("analyze location-quotient --benchmark cq --year 2025");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  bool found = false;
  doc = json::parse(run.out);
  for (const auto& cell : doc["lq"]) {
    if (cell["region"] != "涪陵区" || cell["industry"] != "3841") continue;
    found = true;
    EXPECT_NEAR(cell["lq"].get<double>(), (330.0 / 430) / (1830.0 / 4930), 1e-12);
  }
  EXPECT_TRUE(found) << run.out;
  run = Cli("analyze shift-share --benchmark cq --from 2024 --to 2025");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  doc = json::parse(run.out);
  EXPECT_EQ(doc["region"], "涪陵区");
  EXPECT_NEAR(doc["growth"].get<double>(), 130, 1e-9);
  EXPECT_NEAR(doc["national_share"].get<double>(), 300 * (national - 1), 1e-9);
  EXPECT_EQ(Cli("analyze shift-share --benchmark cq --from 2020 --to 2025").exit_code, 4);
  EXPECT_EQ(Cli("analyze complexity b.csv --benchmark cq").exit_code, 3);  // not both

  // The chain links beside the benchmark's industries list them by density and outlook gain.
  run = Cli("chain assess --format json");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  doc = json::parse(run.out);
  EXPECT_EQ(doc["relatedness"]["benchmark"], "cq");
  EXPECT_EQ(doc["relatedness"]["level"], "class");
  std::size_t listed = 0;
  for (const auto& chain : doc["chains"]) {
    for (const auto& link : chain["links"]) {
      if (!link.contains("related_industries")) continue;
      for (const auto& r : link["related_industries"]) {
        ++listed;
        EXPECT_TRUE(r["industry"] == "3841" || r["industry"] == "1371") << r;
        EXPECT_TRUE(r.contains("density") && r.contains("cog") && r.contains("present")) << r;
      }
    }
  }
  EXPECT_GT(listed, 0u) << run.out;

  // The monthly report carries the section; the published one withholds both clusters (one
  // enterprise each), while the benchmark's own shares stay.
  run = Cli("report monthly --format json");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  doc = json::parse(run.out);
  ASSERT_TRUE(doc.contains("benchmark")) << run.out;
  EXPECT_EQ(doc["benchmark"]["period"], "2025-12");
  EXPECT_NEAR(doc["benchmark"]["clusters"][1]["lq"].get<double>(), (330.0 / 430) / (1830.0 / 4930),
              1e-12);
  run = Cli("report monthly --format md --lang zh");
  EXPECT_NE(run.out.find("集群区位商与偏离—份额分析"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("2024—2025"), std::string::npos) << run.out;
  run = Cli("report monthly --format json --public");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  doc = json::parse(run.out);
  EXPECT_NE(
      std::find(doc["benchmark"]["withheld"].begin(), doc["benchmark"]["withheld"].end(), "L2"),
      doc["benchmark"]["withheld"].end());
  for (const auto& c : doc["benchmark"]["clusters"]) {
    if (c["code"] != "L2") continue;
    EXPECT_TRUE(c["withheld"].get<bool>());
    EXPECT_TRUE(c["lq"].is_null());
    EXPECT_NEAR(c["benchmark_share"].get<double>(), 1830.0 / 4930, 1e-12);
  }
  for (const auto& c : doc["benchmark"]["shift_share"]["clusters"]) {
    if (c["code"] == "L2") {
      EXPECT_TRUE(c["growth"].is_null()) << c;
    }
  }
}

// The input-output table kept in the database gives every project its total effect, mapped to
// clusters by the analytics plan (Miller and Blair's table; by hand in project_effect_test).
TEST_F(AnalyzeCliTest, ProjectsGetTheirTotalEffectFromTheTableHeld) {
  ASSERT_EQ(Cli("init").exit_code, 0);
  testutil::WriteFile(dir_.Path("io.csv"),
                      "sector,agriculture,manufacturing,final_demand\n"
                      "agriculture,150,500,350\nmanufacturing,200,100,1700\n");
  testutil::WriteFile(dir_.Path("plan.toml"),
                      "system = \"fuling-2349\"\nregion = \"涪陵区\"\n"
                      "[[sectors]]\nsector = \"agriculture\"\nindustries = [\"13\"]\n"
                      "cluster = \"F1\"\n"
                      "[[sectors]]\nsector = \"manufacturing\"\nindustries = [\"3841\"]\n");
  ASSERT_EQ(Cli("project add --code P1 --name 电池项目 --date 2025-03-01 --cluster L2 "
                "--annual-sales 150")
                .exit_code,
            0);
  // Without a table, no effect (and no error).
  auto run = Cli("project list --format json");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_TRUE(json::parse(run.out)["projects"][0]["effect"].is_null()) << run.out;
  // A singular I − A is refused and nothing is kept.
  testutil::WriteFile(dir_.Path("singular.csv"), "sector,a,final_demand\na,10,0\n");
  run = Cli("import io singular.csv");
  EXPECT_EQ(run.exit_code, 3) << run.out;
  EXPECT_NE(run.out.find("singular.csv"), std::string::npos) << run.out;
  // The shipped plan maps the Fuling table's sectors: this table lacks them.
  run = Cli("import io io.csv");
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_NE(run.out.find("maps sectors the table lacks: 农业, 榨菜"), std::string::npos) << run.out;
  ASSERT_EQ(Cli("analyze load plan.toml").exit_code, 0);
  ASSERT_EQ(Cli("import io io.csv").exit_code, 0);
  run = Cli("project list --format json");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  const auto effect = json::parse(run.out)["projects"][0]["effect"];
  EXPECT_EQ(effect["sector"], "manufacturing");
  EXPECT_EQ(effect["matched_by"], "cluster");
  EXPECT_DOUBLE_EQ(effect["direct"].get<double>(), 150);
  EXPECT_NEAR(effect["total"].get<double>(), 150 * (0.330033 + 1.12211221), 1e-4);
  EXPECT_NEAR(effect["indirect"].get<double>(), 150 * (0.330033 + 0.12211221), 1e-4);
  EXPECT_EQ(effect["by_cluster"][0]["cluster"], "L2");
  EXPECT_EQ(effect["by_cluster"][1]["cluster"], "F1");
  run = Cli("project list");
  EXPECT_NE(run.out.find("manufacturing"), std::string::npos) << run.out;
  // A new table must keep the sectors the plan maps; a plan must name the table's sectors.
  testutil::WriteFile(dir_.Path("io2.csv"), "sector,x,y,final_demand\nx,1,1,5\ny,1,1,5\n");
  run = Cli("import io io2.csv");
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_NE(run.out.find("maps sectors the table lacks: agriculture, manufacturing"),
            std::string::npos)
      << run.out;
  testutil::WriteFile(dir_.Path("plan2.toml"),
                      "system = \"fuling-2349\"\nregion = \"涪陵区\"\n"
                      "[[sectors]]\nsector = \"mining\"\nindustries = [\"06\"]\n");
  run = Cli("analyze load plan2.toml");
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_NE(run.out.find("sector 'mining' is not in the input-output table"), std::string::npos)
      << run.out;
  run = Cli("changes --entity io_table");
  EXPECT_NE(run.out.find("io.csv"), std::string::npos) << run.out;
}

// The database's enterprises as plants in towns: Ellison–Glaeser by division, and with the
// towns' land and population the Litzenberger–Sternberg index (by hand in agglomeration_test).
TEST_F(AnalyzeCliTest, AgglomerationFromTheEnterprisesInTheirTowns) {
  ASSERT_EQ(Cli("init").exit_code, 0);
  std::string enterprises = "uscc,name,industry_code,town\n", scale = "uscc,year,above_scale\n",
              months = "uscc,period,output_value\n";
  // Division 38: two plants of 10 in 敦仁街道 (500102006); division 13: two of 20 in 崇义街道.
  const std::vector<std::tuple<int, std::string, std::string, int>> plants = {
      {1, "3841", "500102006", 10},
      {2, "3842", "500102006", 10},
      {3, "1371", "500102007", 20},
      {4, "1391", "500102007", 20}};
  for (const auto& [n, industry, town, output] : plants) {
    enterprises += fmt::format("{},企业{},{},{}\n", testutil::CreditCode(n), n, industry, town);
    scale += fmt::format("{},2025,1\n", testutil::CreditCode(n));
    months += fmt::format("{},2025-12,{}\n", testutil::CreditCode(n), output);
  }
  testutil::WriteFile(dir_.Path("e.csv"), enterprises);
  testutil::WriteFile(dir_.Path("s.csv"), scale);
  testutil::WriteFile(dir_.Path("m.csv"), months);
  ASSERT_EQ(Cli("import enterprises e.csv --year 2025").exit_code, 0);
  ASSERT_EQ(Cli("import scale s.csv").exit_code, 0);
  ASSERT_EQ(Cli("import monthly m.csv").exit_code, 0);
  testutil::WriteFile(dir_.Path("areas.csv"),
                      "area,land,population\n敦仁街道,10,100\n崇义街道,20,200\n");
  auto run = Cli("analyze agglomeration --areas areas.csv");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  const auto doc = json::parse(run.out);
  EXPECT_EQ(doc["level"], "division");
  EXPECT_EQ(doc["plants"], 4);
  ASSERT_EQ(doc["industries"].size(), 2u);
  EXPECT_EQ(doc["industries"][1]["industry"], "38");
  // 38 is 20 of 60 overall, all of it in 敦仁街道 (one third of the total): γ = 3.
  EXPECT_NEAR(doc["industries"][1]["ellison_glaeser"].get<double>(), 3, 1e-12);
  for (const auto& cell : doc["cluster_index"]) {
    if (cell["industry"] == "38") {
      EXPECT_EQ(cell["area"], "敦仁街道");
      EXPECT_NEAR(cell["index"].get<double>(), 9, 1e-12);
    }
  }
  testutil::WriteFile(dir_.Path("bad-areas.csv"),
                      "area,land,population\n敦仁街道,-1,100\n敦仁街道,10,x\n");
  run = Cli("analyze agglomeration --areas bad-areas.csv");
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_NE(run.out.find("bad-areas.csv:2: land: -1 is not above 0 (positive)"), std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("bad-areas.csv:3: population: 'x' is not a number (number)"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("bad-areas.csv:3: area: '敦仁街道' is given twice (duplicate)"),
            std::string::npos)
      << run.out;
}

TEST_F(AnalyzeCliTest, BadFilesAreRefusedWithFileLineColumnAndRule) {
  testutil::WriteFile(dir_.Path("bad.csv"),
                      "region,industry,value\nA,x,-1\nA,y,2\nA,y,3\nB,z,abc\n");
  auto run = Cli("analyze location-quotient bad.csv");
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_NE(run.out.find("bad.csv:2: value: -1 is negative (non_negative)"), std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("bad.csv:4: industry: A / y is given twice (duplicate)"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("bad.csv:5: value: 'abc' is not a number (number)"), std::string::npos);

  testutil::WriteFile(dir_.Path("io.csv"), "sector,a,b,final_demand\na,1,2,3\n");
  run = Cli("analyze io io.csv");
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_NE(run.out.find("not square"), std::string::npos) << run.out;
  testutil::WriteFile(dir_.Path("io2.csv"), "sector,a,a,final_demand\na,1,2,3\na,1,1,1\n");
  run = Cli("analyze io io2.csv");
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_NE(run.out.find("named twice"), std::string::npos) << run.out;
  testutil::WriteFile(dir_.Path("io3.csv"), "sector,a,b,final_demand\na,0,10,0\nb,10,0,0\n");
  run = Cli("analyze io io3.csv");
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_NE(run.out.find("singular"), std::string::npos) << run.out;
}

}  // namespace
}  // namespace clusterscope::cli
