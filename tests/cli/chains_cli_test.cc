// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// End-to-end chain work on a small district built by hand: link ratings and completeness, the
// local supply share, 补链 candidates, the project pipeline's rules and its addition to the
// output target's projection, and the cultivation ladders with their criteria.
#include "cli_fixture.h"
#include <nlohmann/json.hpp>

namespace {

using nlohmann::json;

class ChainsCliTest : public CliTest {
 protected:
  // Five enterprises of the battery chain: three cell makers, a separator maker, a vehicle
  // maker; December of 2024 and 2025 only, so year-to-date output is December's.
  void SetUpDistrict() {
    ASSERT_EQ(Cli("init").exit_code, 0);
    std::string enterprises = "uscc,name,industry_code,park,founded\n";
    const char* kFirms[][3] = {{"电芯甲", "3841", "GXQ"},
                               {"电芯乙", "3841", "GXQ"},
                               {"电芯丙", "3841", "LG"},
                               {"隔膜丁", "2921", "GXQ"},
                               {"整车戊", "3612", "LG"}};
    for (int i = 0; i < 5; ++i) {
      enterprises += fmt::format("{},{},{},{},2015-03-01\n", Code(i), kFirms[i][0], kFirms[i][1],
                                 kFirms[i][2]);
    }
    testutil::WriteFile(dir_.Path("e.csv"), enterprises);
    ASSERT_EQ(Cli("import enterprises e.csv --year 2025").exit_code, 0);
    std::string scale = "uscc,year,above_scale\n";
    for (int i = 0; i < 5; ++i) scale += fmt::format("{},2024,1\n{},2025,1\n", Code(i), Code(i));
    testutil::WriteFile(dir_.Path("s.csv"), scale);
    ASSERT_EQ(Cli("import scale s.csv").exit_code, 0);
    // Output 2024 -> 2025: cells 40000+40000+30000 -> 50000+40000+30000 (+9.1 %), separator
    // 5000 -> 5000, vehicles 400000 -> 300000 (-25 %).
    const double k2024[] = {40000, 40000, 30000, 5000, 400000};
    const double k2025[] = {50000, 40000, 30000, 5000, 300000};
    std::string monthly = "uscc,period,output_value,revenue\n";
    for (int i = 0; i < 5; ++i) {
      monthly += fmt::format("{},2024-12,{},{}\n{},2025-12,{},{}\n", Code(i), k2024[i], k2024[i],
                             Code(i), k2025[i], k2025[i]);
    }
    testutil::WriteFile(dir_.Path("m.csv"), monthly);
    const CliRun imported = Cli("import monthly m.csv");
    ASSERT_EQ(imported.exit_code, 0) << imported.out;
  }

  static std::string Code(int i) { return testutil::CreditCode(100 + i); }

  json Battery() {
    const CliRun run = Cli("chain show battery --format json");
    EXPECT_EQ(run.exit_code, 0) << run.out;
    const auto doc = json::parse(run.out);
    return doc["chains"][0];
  }

  static const json& Link(const json& chain, const std::string& code) {
    for (const auto& link : chain["links"]) {
      if (link["code"] == code) return link;
    }
    static const json kNone;
    return kNone;
  }
};

TEST_F(ChainsCliTest, RatesLinksAndScoresTheChain) {
  SetUpDistrict();
  const json chain = Battery();
  EXPECT_EQ(chain["code"], "battery");
  const auto& cells = Link(chain, "cells");
  EXPECT_EQ(cells["status"], "strong");
  EXPECT_EQ(cells["enterprises"], 3);
  EXPECT_DOUBLE_EQ(cells["annual_output"].get<double>(), 120000);
  EXPECT_NEAR(cells["growth"].get<double>(), 120000.0 / 110000 - 1, 1e-12);
  EXPECT_EQ(cells["members"].size(), 3u);
  const auto& separator = Link(chain, "separator");
  EXPECT_EQ(separator["status"], "at_risk");
  EXPECT_EQ(separator["reasons"][0]["rule"], "one_enterprise");
  const auto& vehicle = Link(chain, "vehicle");
  EXPECT_EQ(vehicle["status"], "at_risk");
  EXPECT_EQ(vehicle["reasons"][0]["rule"], "shrinking");
  EXPECT_DOUBLE_EQ(vehicle["reasons"][0]["value"].get<double>(), -0.25);
  EXPECT_EQ(Link(chain, "anode")["status"], "missing");
  // 12 links: 1 strong, 2 at risk (weight 0.5), 9 missing: (1 + 1) / 12.
  EXPECT_NEAR(chain["completeness"].get<double>(), 100.0 * 2 / 12, 1e-9);
  EXPECT_EQ(chain["counts"]["missing"], 9);
  // The chain is a group of the engine: its members' output and growth.
  EXPECT_DOUBLE_EQ(chain["output_ytd"].get<double>(), 50000 + 40000 + 30000 + 5000 + 300000);

  // Links upstream first: lithium before cells before vehicle.
  std::vector<std::string> order;
  for (const auto& link : chain["links"]) order.push_back(link["code"]);
  const auto at = [&](const char* code) {
    return std::find(order.begin(), order.end(), code) - order.begin();
  };
  EXPECT_LT(at("lithium"), at("cells"));
  EXPECT_LT(at("cells"), at("vehicle"));

  const CliRun table = Cli("chain show battery");
  ASSERT_EQ(table.exit_code, 0) << table.out;
  EXPECT_NE(table.out.find("单一企业占产值 100%"), std::string::npos) << table.out;
  const CliRun unknown = Cli("chain show nosuch");
  EXPECT_EQ(unknown.exit_code, 4) << unknown.out;
  EXPECT_NE(unknown.out.find("no chain 'nosuch' (chains: battery, nylon66"), std::string::npos);
}

TEST_F(ChainsCliTest, LocalSupplyShareAndCandidates) {
  SetUpDistrict();
  const std::string outside = testutil::CreditCode(900);
  // Cell maker 甲 buys 60 from the local separator maker and 40 from outside.
  testutil::WriteFile(dir_.Path("r.csv"), fmt::format("buyer,supplier,period,value\n"
                                                      "{},{},2025,60\n{},{},2025,40\n",
                                                      Code(0), Code(3), Code(0), outside));
  const CliRun relations = Cli("import relations r.csv");
  ASSERT_EQ(relations.exit_code, 0) << relations.out;
  const json with_supply = Battery();  // kept: Link() points into it
  const auto& cells = Link(with_supply, "cells");
  EXPECT_DOUBLE_EQ(cells["supply"]["local_share"].get<double>(), 0.6);
  EXPECT_DOUBLE_EQ(cells["supply"]["purchases"].get<double>(), 100);

  // A bad prospect file writes nothing and names file, line, column and rule.
  testutil::WriteFile(dir_.Path("p.csv"),
                      fmt::format("uscc,name,industry_code,region,revenue,products\n"
                                  "{},负极公司,3091,内蒙古,97000,人造石墨\n"
                                  "{},某公司,9999,江苏,1000,\n",
                                  testutil::CreditCode(901), testutil::CreditCode(902)));
  const CliRun bad = Cli("import prospects p.csv");
  EXPECT_EQ(bad.exit_code, 3) << bad.out;
  EXPECT_NE(bad.out.find("p.csv:3: column 'industry_code' value '9999'"), std::string::npos)
      << bad.out;
  testutil::WriteFile(dir_.Path("p.csv"),
                      fmt::format("uscc,name,industry_code,region,revenue,products\n"
                                  "{},负极公司,3091,内蒙古,97000,人造石墨\n"
                                  "{},小负极公司,3091,四川,9700,负极材料\n",
                                  testutil::CreditCode(901), testutil::CreditCode(902)));
  ASSERT_EQ(Cli("import prospects p.csv").exit_code, 0);
  const json with_candidates = Battery();
  const auto& anode = Link(with_candidates, "anode");
  ASSERT_EQ(anode["candidates"].size(), 2u);
  EXPECT_EQ(anode["candidates"][0]["name"], "负极公司");  // same fit, the larger first
  EXPECT_EQ(anode["candidates"][0]["match"], "class");
  EXPECT_EQ(anode["candidates"][1]["product"], "负极");
  EXPECT_TRUE(Link(with_candidates, "cells")["candidates"].empty());  // strong: none needed
}

TEST_F(ChainsCliTest, ProjectsFollowTheStageOrder) {
  SetUpDistrict();
  ASSERT_EQ(Cli("project add --code P1 --name 电芯项目 --cluster L2 --chain battery --link cells "
                "--stage signed --date 2025-03-01 --capacity 10 --capacity-unit GWh/年 "
                "--annual-sales 12000 --production 2026-01-15 --ramp-months 12")
                .exit_code,
            0);
  const CliRun skip = Cli("project advance P1 --to construction --date 2025-05-01");
  EXPECT_EQ(skip.exit_code, 3);
  EXPECT_NE(skip.out.find("would skip from signed (签约) to construction (开工)"),
            std::string::npos)
      << skip.out;
  const CliRun early = Cli("project advance P1 --to registered --date 2025-02-01");
  EXPECT_EQ(early.exit_code, 3);
  EXPECT_NE(early.out.find("dates out of order"), std::string::npos) << early.out;
  const CliRun bad_link =
      Cli("project add --code P2 --name x --chain battery --link nosuch --date 2025-01-01");
  EXPECT_EQ(bad_link.exit_code, 3);
  EXPECT_NE(bad_link.out.find("'nosuch' is not a link of chain 'battery'"), std::string::npos);
  const CliRun no_unit = Cli("project add --code P3 --name x --capacity 5 --date 2025-01-01");
  EXPECT_EQ(no_unit.exit_code, 3);
  EXPECT_NE(no_unit.out.find("a capacity needs its unit"), std::string::npos) << no_unit.out;

  // The output target's projection gains the project's weighted sales: signed (0.5) x 12,000
  // 万元 in 2027 at full output, none in the 12 months to 2025-12: 6,000 万元 = 0.6 亿元.
  const CliRun targets = Cli("targets --format json");
  ASSERT_EQ(targets.exit_code, 0) << targets.out;
  const auto doc = json::parse(targets.out);
  bool found = false;
  for (const auto& t : doc["targets"]) {
    if (t["id"] != "T02") continue;
    found = true;
    EXPECT_NEAR(t["pipeline"].get<double>(), 0.6, 1e-9);
    EXPECT_EQ(t["pipeline_projects"], 1);
    EXPECT_NEAR(t["projection"].get<double>(), t["trend"].get<double>() + 0.6, 1e-9);
  }
  EXPECT_TRUE(found);

  ASSERT_EQ(
      Cli("project advance P1 --to construction --date 2025-05-01 --reason 落地开工同日").exit_code,
      0);
  const CliRun back = Cli("project advance P1 --to signed --date 2025-06-01");
  EXPECT_EQ(back.exit_code, 3);
  EXPECT_NE(back.out.find("would move back"), std::string::npos);
  // Construction from 2025-05-01 with production planned 2026-01-15: overdue in 2026-03.
  const CliRun list = Cli("project list --as-of 2026-03-20 --format json");
  ASSERT_EQ(list.exit_code, 0) << list.out;
  const auto pipeline = json::parse(list.out);
  ASSERT_EQ(pipeline["projects"].size(), 1u);
  const auto& p = pipeline["projects"][0];
  EXPECT_EQ(p["stage"], "construction");
  EXPECT_EQ(p["reached"]["construction"], "2025-05-01");
  EXPECT_FALSE(p["reached"].contains("registered"));  // skipped, with its reason in the history
  EXPECT_EQ(p["overdue"]["waiting_for"], "production");
  EXPECT_EQ(p["overdue"]["due"], "2026-01-15");
  EXPECT_EQ(p["overdue"]["months_late"], 2);
  const CliRun audit = Cli("changes --entity project");
  EXPECT_NE(audit.out.find("P1"), std::string::npos) << audit.out;
}

TEST_F(ChainsCliTest, ImportsProjectsByTheRules) {
  SetUpDistrict();
  const std::string header =
      "code,name,cluster,chain,link,park,total_investment,phase,capacity,capacity_unit,"
      "annual_sales,phase_production,stage,signed_date,registered_date,construction_date,"
      "production_date,reason\n";
  testutil::WriteFile(
      dir_.Path("p.csv"),
      header +
          "A,甲项目,L2,battery,cells,GXQ,100,1,10,GWh/年,5000,,signed,2024-01-01,,,,\n"
          "A,甲项目,L2,battery,cells,GXQ,100,2,10,,5000,,signed,2024-01-01,,,,\n"
          "B,乙项目,L2,battery,pack,GXQ,,1,,,,,production,2024-01-01,,,2024-09-"
          "01,\n"
          "C,丙项目,L2,battery,cells,GXQ,,1,,,,,registered,2024-03-01,2024-02-"
          "01,,,\n");
  const CliRun bad = Cli("import projects p.csv");
  EXPECT_EQ(bad.exit_code, 3) << bad.out;
  EXPECT_NE(bad.out.find("p.csv:3: column 'capacity_unit'"), std::string::npos) << bad.out;
  EXPECT_NE(bad.out.find("reached production without a date for registered"), std::string::npos)
      << bad.out;
  EXPECT_NE(bad.out.find("dates out of order: registered 2024-02-01 is before signed 2024-03-01"),
            std::string::npos)
      << bad.out;
  testutil::WriteFile(
      dir_.Path("p.csv"),
      header +
          "A,甲项目,L2,battery,cells,GXQ,100,1,10,GWh/年,5000,,signed,2024-01-01,,,,\n"
          "A,甲项目,L2,battery,cells,GXQ,100,2,10,GWh/年,5000,2027-01-01,signed,"
          "2024-01-01,,,,\n");
  const CliRun good = Cli("import projects p.csv");
  ASSERT_EQ(good.exit_code, 0) << good.out;
  EXPECT_NE(good.out.find("2 rows read, 1 inserted"), std::string::npos) << good.out;
  // Re-imported two stages on without a reason: refused; with one: moved, in the history.
  testutil::WriteFile(dir_.Path("q.csv"),
                      header +
                          "A,甲项目,L2,battery,cells,GXQ,100,1,10,GWh/年,5000,,construction,"
                          "2024-01-01,,2024-06-01,,\n");
  const CliRun skip = Cli("import projects q.csv");
  EXPECT_EQ(skip.exit_code, 3) << skip.out;
  EXPECT_NE(skip.out.find("would skip from signed"), std::string::npos) << skip.out;
  // The next stage alone, without the earlier dates: moved, and the signing date kept.
  testutil::WriteFile(dir_.Path("q.csv"),
                      header +
                          "A,甲项目,L2,battery,cells,GXQ,100,1,10,GWh/年,5000,,registered,,"
                          "2024-03-01,,,\n"
                          "A,甲项目,L2,battery,cells,GXQ,100,2,10,GWh/年,5000,2027-01-01,"
                          "registered,,2024-03-01,,,\n");
  const CliRun next = Cli("import projects q.csv");
  ASSERT_EQ(next.exit_code, 0) << next.out;
  const auto list = json::parse(Cli("project list --format json").out);
  EXPECT_EQ(list["projects"][0]["reached"]["signed"], "2024-01-01");
  EXPECT_EQ(list["projects"][0]["reached"]["registered"], "2024-03-01");
  EXPECT_EQ(list["projects"][0]["phases"].size(), 2u);
}

TEST_F(ChainsCliTest, RefusesAChainPlanWithACycle) {
  ASSERT_EQ(Cli("init").exit_code, 0);
  testutil::WriteFile(dir_.Path("c.toml"),
                      "system = \"fuling-2349\"\n"
                      "[[chains]]\ncode = \"x\"\nname_zh = \"链\"\n"
                      "[[chains.links]]\ncode = \"a\"\nname_zh = \"甲\"\n"
                      "classes = [\"3841\"]\nupstream = [\"b\"]\n"
                      "[[chains.links]]\ncode = \"b\"\nname_zh = \"乙\"\n"
                      "classes = [\"3849\"]\nupstream = [\"a\"]\n");
  const CliRun load = Cli("chain load c.toml");
  EXPECT_EQ(load.exit_code, 3);
  EXPECT_NE(load.out.find("c.toml:5: chains[0].links: the links form a cycle: "), std::string::npos)
      << load.out;
}

TEST_F(ChainsCliTest, CultivationListsMetAndMissedCriteria) {
  SetUpDistrict();
  // Two enterprises below scale with 12 months of 2025: 150 and 170 万元 a month.
  std::string enterprises = "uscc,name,industry_code,founded\n";
  std::string monthly = "uscc,period,output_value,revenue\n";
  for (int i = 0; i < 2; ++i) {
    enterprises += fmt::format("{},小企业{},1371,2018-01-01\n", Code(10 + i), i);
    for (int m = 1; m <= 12; ++m) {
      const int revenue = i == 0 ? 150 : 170;
      monthly += fmt::format("{},2025-{:02},{},{}\n", Code(10 + i), m, revenue, revenue);
    }
  }
  testutil::WriteFile(dir_.Path("e2.csv"), enterprises);
  ASSERT_EQ(Cli("import enterprises e2.csv").exit_code, 0);
  testutil::WriteFile(dir_.Path("m2.csv"), monthly);
  const CliRun imported = Cli("import monthly m2.csv");
  ASSERT_EQ(imported.exit_code, 0) << imported.out;
  const CliRun run = Cli("cultivate list --ladder small_to_above --format json");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  const auto doc = json::parse(run.out);
  const auto& ladder = doc["ladders"][0];
  EXPECT_EQ(ladder["code"], "small_to_above");
  EXPECT_EQ(ladder["population"], 2);  // the five above scale are not on this ladder
  EXPECT_EQ(ladder["ready"], 1);
  ASSERT_EQ(ladder["entries"].size(), 2u);
  EXPECT_EQ(ladder["entries"][0]["name"], "小企业1");
  EXPECT_TRUE(ladder["entries"][0]["ready"]);
  EXPECT_DOUBLE_EQ(ladder["entries"][0]["criteria"][0]["value"].get<double>(), 2040);
  EXPECT_FALSE(ladder["entries"][1]["criteria"][0]["met"]);
  EXPECT_DOUBLE_EQ(ladder["entries"][1]["criteria"][0]["value"].get<double>(), 1800);
  EXPECT_DOUBLE_EQ(ladder["entries"][1]["readiness"].get<double>(), 0.9);
  const CliRun table = Cli("cultivate list --ladder small_to_above");
  EXPECT_NE(table.out.find("✗ 近12个月营业收入达到2000万元（规上标准）: 1,800 万元 (≥ 2,000 万元)"),
            std::string::npos)
      << table.out;
  const CliRun unknown = Cli("cultivate list --ladder nosuch");
  EXPECT_EQ(unknown.exit_code, 4);
}

TEST_F(ChainsCliTest, TheMonthlyReportCarriesTheChainWork) {
  SetUpDistrict();
  ASSERT_EQ(Cli("project add --code P1 --name 电芯项目 --cluster L2 --stage construction "
                "--date 2024-01-10 --production 2025-06-30")
                .exit_code,
            0);
  const CliRun md = Cli("report monthly --period 2025-12");
  ASSERT_EQ(md.exit_code, 0) << md.out;
  for (const char* text : {"## 产业链、招商项目与企业培育", "### 薄弱与缺失环节", "### 逾期项目",
                           "项目逾期 6 个月未投产", "### 企业梯度培育", "电芯甲"}) {
    EXPECT_NE(md.out.find(text), std::string::npos) << text;
  }
  const CliRun json_run = Cli("report monthly --period 2025-12 --format json");
  ASSERT_EQ(json_run.exit_code, 0) << json_run.out;
  const auto doc = json::parse(json_run.out);
  EXPECT_EQ(doc["chains"]["chains"].size(), 5u);
  EXPECT_EQ(doc["projects"]["projects"][0]["overdue"]["months_late"], 6);
  EXPECT_TRUE(doc.contains("cultivation"));
  bool alert = false;
  for (const auto& a : doc["alerts"]) {
    if (a["rule"] != "project_overdue") continue;
    alert = true;
    EXPECT_EQ(a["level"], "red");  // six months late
    EXPECT_EQ(a["code"], "P1");
  }
  EXPECT_TRUE(alert);
  // Published: no ladders, no enterprise names or link figures in the chain work.
  const CliRun published = Cli("report monthly --period 2025-12 --format json --public");
  ASSERT_EQ(published.exit_code, 0) << published.out;
  const auto pub = json::parse(published.out);
  EXPECT_FALSE(pub.contains("cultivation"));
  EXPECT_FALSE(pub["chains"]["chains"][0].contains("masters"));
  EXPECT_FALSE(pub["chains"]["chains"][0]["links"][0].contains("enterprises"));
  EXPECT_EQ(published.out.find("电芯甲"), std::string::npos);
}

}  // namespace
