// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Disclosure control on a small district built with traps, each first shown to be real (the
// attacker's audit finds it in a form that only withholds the primary cells), then caught.
#include "clusterscope/disclosure/control.h"

#include <functional>

#include "testutil.h"
#include <gtest/gtest.h>

namespace clusterscope::disclosure {
namespace {

using engine::Quantity;
using model::Measure;

class ControlTest : public ::testing::Test {
 protected:
  // One enterprise: its class, cluster, park and town, with months of 2023 and 2024 at
  // `output` a month (revenue alike, value added a quarter).
  void Add(const std::string& industry, const std::string& cluster, const std::string& park,
           const std::string& town, double output, int from_month = 1,
           const std::function<void(model::MonthlyRecord&)>& this_year = {}) {
    const int n = static_cast<int>(registry_.size());
    model::Enterprise e;
    e.uscc = testutil::CreditCode(n);
    e.name = "E" + std::to_string(n);
    e.industry_code = industry;
    e.cluster = cluster;
    e.park = park;
    e.town = town;
    e.above_scale[2023] = true;
    e.above_scale[2024] = true;
    registry_.push_back(e);
    for (int year : {2023, 2024}) {
      for (int month = year == 2024 ? from_month : 1; month <= 3; ++month) {
        model::MonthlyRecord r;
        r.uscc = e.uscc;
        r.period = {year, month};
        r[Measure::kOutputValue] = output * (year == 2024 ? 1.1 : 1.0) + n;
        r[Measure::kRevenue] = output + n;
        r[Measure::kValueAdded] = output / 4;
        r[Measure::kProfit] = output / 10;
        r[Measure::kEmployees] = 100;
        r[Measure::kEnergyTce] = output / 50;
        if (year == 2024 && this_year) this_year(r);
        panel_.Add(r);
      }
    }
  }

  // The energy sector of the issue: division 07 one enterprise, 44 and 45 three each, and
  // enough elsewhere for the total to be published.
  void EnergySector() {
    Add("0710", "P2", "GXQ", "500102001", 500);
    for (int i = 0; i < 3; ++i) Add("4411", "P2", "GXQ", "500102001", 800 + 10 * i);
    for (int i = 0; i < 3; ++i) Add("4511", "P2", "LG", "500102002", 600 + 10 * i);
    for (int i = 0; i < 4; ++i) Add("3411", "P3", "LG", "500102002", 900 + 10 * i);
    for (int i = 0; i < 4; ++i) Add("1371", "F1", "BT", "500102003", 700 + 10 * i);
  }

  std::unique_ptr<engine::Engine> MakeEngine(std::vector<engine::MemberGroup> lists = {}) {
    panel_.Sort();
    auto engine =
        std::make_unique<engine::Engine>(testutil::FulingSystem(), registry_, std::move(lists));
    engine->Apply(panel_);
    return engine;
  }

  static engine::GroupIndicators& Group(engine::MonthlyIndicators& r, const std::string& kind,
                                        const std::string& code) {
    for (auto& g : r.groups) {
      if (g.kind == kind && g.code == code) return g;
    }
    ADD_FAILURE() << kind << ":" << code;
    static engine::GroupIndicators none;
    return none;
  }

  // The form a careless publisher would give, January to `period`: the output of every group its
  // own rules withhold set aside, nothing else.
  static std::vector<engine::MonthlyIndicators> PrimaryOnly(
      const engine::Engine& engine, core::Period period, const std::vector<std::string>& withheld) {
    std::vector<engine::MonthlyIndicators> out;
    for (int month = 1; month <= period.month; ++month) {
      auto& published = out.emplace_back(engine.Compute({period.year, month}, {.top = 0}));
      for (auto& g : published.groups) {
        if (std::find(withheld.begin(), withheld.end(), g.kind + ":" + g.code) != withheld.end()) {
          g.suppressed = "primary";
        }
      }
    }
    return out;
  }

  // The published form, January to `period`.
  static std::vector<engine::MonthlyIndicators> Published(const engine::Engine& engine,
                                                          core::Period period,
                                                          const DisclosureRules& rules = {}) {
    std::vector<engine::MonthlyIndicators> out;
    Publisher publisher(engine, rules);
    for (int month = 1; month <= period.month; ++month) {
      publisher.Apply(out.emplace_back(engine.Compute({period.year, month}, {.top = 0})));
    }
    return out;
  }

  static bool Exposes(const std::vector<Exposure>& found, const std::string& kind,
                      const std::string& code, Quantity q) {
    return std::any_of(found.begin(), found.end(), [&](const Exposure& e) {
      return e.kind == kind && e.code == code && e.quantity == q;
    });
  }

  std::vector<model::Enterprise> registry_;
  model::MonthlyPanel panel_;
};

TEST_F(ControlTest, TheOutputWithoutABaseIsPublishedOnlyWhenItGivesNothingAway) {
  EnergySector();
  // Enterprise 0 (the one of division 07) enters in 2024 with no base: its 2023 months go.
  registry_[0].above_scale.erase(2023);
  model::MonthlyPanel without;
  for (std::size_t r = 0; r < panel_.rows(); ++r) {
    const auto record = panel_.Record(r);
    if (record.uscc == registry_[0].uscc && record.period.year == 2023) continue;
    without.Add(record);
  }
  panel_ = std::move(without);
  const auto engine = MakeEngine();
  auto full = engine->Compute({2024, 3});
  EXPECT_EQ(Group(full, "total", "total").unbased_count, 1u);
  EXPECT_GT(*Group(full, "total", "total").unbased_output, 0);
  auto published = full;
  ApplyDisclosureControl(*engine, published, {});
  // One of fifteen: its output would be the enterprise's own.
  EXPECT_EQ(Group(published, "total", "total").unbased_count, 1u);
  EXPECT_FALSE(Group(published, "total", "total").unbased_output.has_value());
  // None in a cluster: zero, published.
  EXPECT_EQ(Group(published, "cluster", "F1").unbased_output, 0.0);
}

TEST_F(ControlTest, ASingleEnterpriseDivisionInsideASectorIsCaught) {
  EnergySector();
  const auto engine = MakeEngine();
  const core::Period march{2024, 3};
  // Withholding division 07 and class 0710 alone leaves 07 = ENERGY - 44 - 45, exactly.
  const auto careless = PrimaryOnly(*engine, march, {"division:07", "class:0710"});
  const auto found = AuditDisclosure(*engine, careless, {});
  ASSERT_TRUE(Exposes(found, "division", "07", Quantity::kOutput));
  for (const auto& e : found) {
    if (e.kind == "division" && e.code == "07" && e.quantity == Quantity::kOutput) {
      EXPECT_NEAR(e.interval.low, e.value, 1e-6);
      EXPECT_NEAR(e.interval.high, e.value, 1e-6);
    }
  }
  // Under control: 07 withheld by its own rule, a complement beside it, and nothing exposed.
  auto year = Published(*engine, march);
  auto& published = year.back();
  auto again = engine->Compute(march, {.top = 0});
  EXPECT_GT(ApplyDisclosureControl(*engine, again, {}).withheld_secondary, 0U);
  EXPECT_EQ(Group(published, "division", "07").suppressed, "primary");
  EXPECT_TRUE(AuditDisclosure(*engine, year, {}).empty());
  EXPECT_EQ(Group(published, "total", "total").suppressed, "");
}

TEST_F(ControlTest, AListOneEnterpriseShortOfAClusterIsCaught) {
  EnergySector();
  // Cluster P3 is four enterprises (12..15); a saved list holds three of them.
  const std::vector<engine::MemberGroup> lists{
      {"list", "watch", "watch", {registry_[12].uscc, registry_[13].uscc, registry_[14].uscc}}};
  const auto engine = MakeEngine(lists);
  const core::Period march{2024, 3};
  const auto careless = PrimaryOnly(*engine, march, {"division:07", "class:0710"});
  // P3 less the list is enterprise 15 alone: the audit names no one, only a set of one.
  const auto found = AuditDisclosure(*engine, careless, {});
  EXPECT_TRUE(Exposes(found, "enterprises", "1 enterprise", Quantity::kOutput));
  auto year = Published(*engine, march);
  auto& published = year.back();
  EXPECT_TRUE(AuditDisclosure(*engine, year, {}).empty());
  const bool split = !Group(published, "list", "watch").suppressed.empty() ||
                     !Group(published, "cluster", "P3").suppressed.empty();
  EXPECT_TRUE(split) << "the list or the cluster goes";
}

TEST_F(ControlTest, AGroupWithheldInOneMonthStaysWithheldForTheRestOfTheYear) {
  EnergySector();
  // Class 3412 has two enterprises in January and February, three from March on (the third
  // reported nothing before March): by March's own figures it could be published.
  Add("3412", "P3", "LG", "500102002", 300);
  Add("3412", "P3", "LG", "500102002", 310);
  Add("3412", "P3", "LG", "500102002", 320, 3);
  const auto engine = MakeEngine();
  // Published in March by March's rules alone, February's year to date = March's less March's
  // month, exactly.
  auto careless = Published(*engine, {2024, 3});
  auto full = engine->Compute({2024, 3}, {.top = 0});
  Group(careless[2], "class", "3412") = Group(full, "class", "3412");
  ASSERT_EQ(Group(careless[2], "class", "3412").enterprises, 3U);
  const auto found = AuditDisclosure(*engine, careless, {});
  EXPECT_TRUE(std::any_of(found.begin(), found.end(), [](const Exposure& e) {
    return e.kind == "class" && e.code == "3412" && e.period == core::Period{2024, 2};
  })) << "February's class 3412 out of March's figures";

  auto year = Published(*engine, {2024, 3});
  EXPECT_EQ(Group(year[1], "class", "3412").suppressed, "primary");
  EXPECT_EQ(Group(year[2], "class", "3412").suppressed, "primary");
  EXPECT_TRUE(AuditDisclosure(*engine, year, {}).empty());
}

TEST_F(ControlTest, AParkEditorsFormHoldsAgainstWhatTheyKnow) {
  EnergySector();
  // Town 500102004: three enterprises of park ZBQ and one of HGH. A viewer may see the town;
  // ZBQ's editor, who knows ZBQ's three, would read the HGH one off it.
  for (int i = 0; i < 3; ++i) Add("3413", "P3", "ZBQ", "500102004", 400 + 10 * i);
  Add("3413", "P3", "HGH", "500102004", 420);
  const auto engine = MakeEngine();
  const core::Period march{2024, 3};
  DisclosureRules insider;
  insider.insider_park = "ZBQ";
  EXPECT_FALSE(AuditDisclosure(*engine, Published(*engine, march), insider).empty())
      << "the viewer's form gives the HGH enterprise away to ZBQ's editor";
  EXPECT_TRUE(AuditDisclosure(*engine, Published(*engine, march, insider), insider).empty());
}

TEST_F(ControlTest, EachQuantityHasItsOwnRules) {
  EnergySector();
  // One more enterprise of F1 exports and makes a loss, the only one of the district to do
  // either.
  Add("1371", "F1", "BT", "500102003", 650, 1, [](model::MonthlyRecord& r) {
    r[Measure::kExportValue] = 200;
    r[Measure::kProfit] = -50;
  });
  const auto engine = MakeEngine();
  auto year = Published(*engine, {2024, 3});
  auto& published = year.back();
  // The district's total is published, its exports and losses are one enterprise's.
  const auto& total = Group(published, "total", "total");
  EXPECT_EQ(total.suppressed, "");
  EXPECT_TRUE(total.Shown(Quantity::kOutput));
  EXPECT_TRUE(total.Figure(Quantity::kProfit).has_value());
  EXPECT_EQ(total.withheld[engine::Idx(Quantity::kExportValue)], "primary");
  EXPECT_FALSE(total.Figure(Quantity::kExportValue).has_value());
  EXPECT_FALSE(total.export_share.has_value());
  EXPECT_EQ(total.withheld[engine::Idx(Quantity::kLossAmount)], "primary");
  EXPECT_FALSE(total.Figure(Quantity::kLossAmount).has_value());
  EXPECT_EQ(total.loss_count, 1U);  // the count stays; the amount is the enterprise's loss
  EXPECT_TRUE(AuditDisclosure(*engine, year, {}).empty());
}

TEST_F(ControlTest, APatternIsWorkedOutOncePerFiguresAndRules) {
  EnergySector();
  const auto engine = MakeEngine();
  DisclosureRules rules;
  rules.protection = 0.1512;  // rules no other test uses: nothing kept from them
  auto first = engine->Compute({2024, 3}, {.top = 0});
  EXPECT_GT(ApplyDisclosureControl(*engine, first, rules).solves, 0U);
  // The same figures and rules, from another publisher: the pattern kept, the same form.
  auto again = engine->Compute({2024, 3}, {.top = 0});
  EXPECT_EQ(ApplyDisclosureControl(*engine, again, rules).solves, 0U);
  for (std::size_t i = 0; i < first.groups.size(); ++i) {
    EXPECT_EQ(first.groups[i].suppressed, again.groups[i].suppressed);
    EXPECT_EQ(first.groups[i].withheld, again.groups[i].withheld);
  }
  // One more enterprise of P3 reports: March is worked out again.
  Add("3411", "P3", "LG", "500102002", 950);
  const auto revised = MakeEngine();
  auto after = revised->Compute({2024, 3}, {.top = 0});
  EXPECT_GT(ApplyDisclosureControl(*revised, after, rules).solves, 0U);
}

TEST_F(ControlTest, RefusesNonsenseRules) {
  DisclosureRules rules;
  rules.dominance = 1.5;
  EXPECT_FALSE(rules.Validate().ok());
  rules = {};
  rules.min_enterprises = 0;
  EXPECT_FALSE(rules.Validate().ok());
  rules = {};
  rules.protection = 1;
  EXPECT_FALSE(rules.Validate().ok());
}

}  // namespace
}  // namespace clusterscope::disclosure
