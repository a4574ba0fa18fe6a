// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/ingest/quality.h"

#include <map>
#include <set>

#include "testutil.h"
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "clusterscope/ingest/importers.h"

namespace clusterscope::ingest {
namespace {

using model::Measure;

class QualityTest : public ::testing::Test {
 protected:
  QualityTest() {
    for (int n = 0; n < 8; ++n) {
      model::Enterprise e;
      e.uscc = testutil::CreditCode(n);
      e.industry_code = n < 6 ? "2614" : "1371";     // six chemicals firms, two zhacai firms
      e.above_scale = {{2022, true}, {2023, true}};  // not entrants: no entrant_without_base
      registry_.push_back(e);
    }
  }

  model::MonthlyRecord Month(int n, core::Period period, double output) {
    model::MonthlyRecord r;
    r.uscc = testutil::CreditCode(n);
    r.period = period;
    r[Measure::kOutputValue] = output;
    return r;
  }
  void Store(const model::MonthlyRecord& r) { stored_[{r.uscc, r.period.Index()}] = r; }

  // The audit of `incoming` against the stored months, as the import runs it: one sorted panel.
  std::vector<model::QualityWarning> Check(const std::vector<model::MonthlyRecord>& incoming) {
    auto months = stored_;
    std::set<std::pair<std::string, int>> new_keys;
    for (const auto& r : incoming) {
      months[{r.uscc, r.period.Index()}] = r;
      new_keys.insert({r.uscc, r.period.Index()});
    }
    model::MonthlyPanel panel;
    for (const auto& [key, r] : months) panel.Add(r);
    panel.Sort();
    std::vector<std::uint8_t> flags;
    for (std::size_t row = 0; row < panel.rows(); ++row) {
      flags.push_back(
          new_keys.count({panel.uscc(panel.slot(row)), panel.period_index(row)}) != 0 ? 1 : 0);
    }
    std::vector<const model::Enterprise*> enterprises(panel.enterprises(), nullptr);
    for (std::uint32_t s = 0; s < panel.enterprises(); ++s) {
      for (const auto& e : registry_) {
        if (e.uscc == panel.uscc(s)) enterprises[s] = &e;
      }
    }
    return CheckQuality({panel, flags, enterprises}, rules_);
  }

  std::vector<std::string> Rules(const model::MonthlyRecord& r) {
    std::vector<std::string> rules;
    for (const auto& w : Check({r})) {
      if (w.uscc == r.uscc) rules.push_back(w.rule + (w.measure.empty() ? "" : ":" + w.measure));
    }
    return rules;
  }

  std::vector<model::Enterprise> registry_;
  std::map<std::pair<std::string, int>, model::MonthlyRecord> stored_;
  model::QualityRules rules_;
  const core::Period june_{2023, 6};
};

TEST_F(QualityTest, JumpsAgainstTheTrailingMedian) {
  for (int k = 1; k <= 3; ++k) Store(Month(0, core::Period::FromIndex(june_.Index() - k), 100));
  EXPECT_TRUE(Rules(Month(0, june_, 300)).empty());  // exactly 3 times: not beyond
  EXPECT_EQ(Rules(Month(0, june_, 300.1)), (std::vector<std::string>{"jump:output_value"}));
  EXPECT_EQ(Rules(Month(0, june_, 33)), (std::vector<std::string>{"jump:output_value"}));
  // Too little history: no verdict.
  EXPECT_TRUE(Rules(Month(1, june_, 1e6)).empty());
}

TEST_F(QualityTest, ChecksRatesWithinAMonth) {
  auto r = Month(0, june_, 100);
  r[Measure::kValueAdded] = 5;
  EXPECT_TRUE(Rules(r).empty());  // 5 % is inside the band
  r[Measure::kValueAdded] = 4.9;
  EXPECT_EQ(Rules(r), (std::vector<std::string>{"va_rate_band:value_added"}));
  r[Measure::kValueAdded] = 61;
  EXPECT_EQ(Rules(r), (std::vector<std::string>{"va_rate_band:value_added"}));
  r[Measure::kValueAdded] = 30;
  r[Measure::kRevenue] = 10;
  r[Measure::kRdExpense] = 10.5;
  EXPECT_EQ(Rules(r), (std::vector<std::string>{"rd_above_revenue:rd_expense"}));
}

TEST_F(QualityTest, ComparesEnergyIntensityWithinTheDivision) {
  // Five chemicals peers at 0.5 tce per 万元; the zhacai firms do not count as peers.
  for (int n = 1; n < 6; ++n) {
    auto peer = Month(n, june_, 100);
    peer[Measure::kEnergyTce] = 50;
    Store(peer);
  }
  auto zhacai = Month(6, june_, 100);
  zhacai[Measure::kEnergyTce] = 1;
  Store(zhacai);
  auto r = Month(0, june_, 100);
  r[Measure::kEnergyTce] = 500;  // 5.0: exactly ten times the median
  EXPECT_TRUE(Rules(r).empty());
  r[Measure::kEnergyTce] = 501;
  EXPECT_EQ(Rules(r), (std::vector<std::string>{"energy_intensity:energy_tce"}));
  // The zhacai firm has one peer only: no verdict however far it is.
  auto lone = Month(7, june_, 100);
  lone[Measure::kEnergyTce] = 1000;
  EXPECT_TRUE(Rules(lone).empty());
}

TEST_F(QualityTest, FindsEnterprisesThatStoppedReporting) {
  Store(Month(3, {2023, 5}, 10));
  Store(Month(4, {2023, 5}, 10));
  Store(Month(4, june_, 10));
  const auto warnings = Check({Month(0, june_, 10)});
  std::vector<std::string> missing;
  for (const auto& w : warnings) {
    if (w.rule == "not_reported") missing.push_back(w.uscc);
  }
  EXPECT_EQ(missing, (std::vector<std::string>{testutil::CreditCode(3)}));
}

TEST_F(QualityTest, FlagsAboveScaleRevenueBelowTheThreshold) {
  auto with_revenue = [&](int n, core::Period p, double revenue) {
    auto r = Month(n, p, revenue);
    r[Measure::kRevenue] = revenue;
    return r;
  };
  for (int k = 1; k <= 11; ++k) {
    Store(with_revenue(0, core::Period::FromIndex(june_.Index() - k), 166));
  }
  // 11 x 166 + 174 = 2000 万元: at the threshold, not below.
  EXPECT_TRUE(Rules(with_revenue(0, june_, 174)).empty());
  EXPECT_EQ(Rules(with_revenue(0, june_, 173)),
            (std::vector<std::string>{"below_scale_threshold:revenue"}));
  // A year not fully reported gives no verdict.
  EXPECT_TRUE(Rules(with_revenue(1, june_, 1)).empty());
}

TEST_F(QualityTest, ACombinedJanuaryFebruaryReportCountsAsTwoMonths) {
  auto with_revenue = [&](int n, core::Period p, double revenue) {
    auto r = Month(n, p, revenue);
    r[Measure::kRevenue] = revenue;
    return r;
  };
  // 2022-07 .. 2023-05, with 2023's January inside February's figure: 11 rows, 12 months.
  for (int k = 1; k <= 11; ++k) {
    const auto p = core::Period::FromIndex(june_.Index() - k);
    if (p.month == 1) continue;
    Store(with_revenue(0, p, p.month == 2 ? 332 : 166));
  }
  EXPECT_TRUE(Rules(with_revenue(0, june_, 174)).empty());
  EXPECT_EQ(Rules(with_revenue(0, june_, 173)),
            (std::vector<std::string>{"below_scale_threshold:revenue"}));
  // A January missing with no combined February is a gap: no verdict.
  Store(with_revenue(1, {2023, 1}, 1));
  for (int k = 1; k <= 11; ++k) {
    const auto p = core::Period::FromIndex(june_.Index() - k);
    if (p.month != 2) Store(with_revenue(1, p, 1));
  }
  EXPECT_TRUE(Rules(with_revenue(1, june_, 1)).empty());
}

TEST_F(QualityTest, WarnsOfAnEntrantWithoutABase) {
  // Enterprise 6 enters the frame in 2023; founded long before, unknown for 7.
  registry_[6].above_scale = {{2022, false}, {2023, true}};
  registry_[6].founded = core::Date{2015, 1, 1};
  registry_[7].above_scale = {{2022, false}, {2023, true}};
  EXPECT_EQ(Rules(Month(6, june_, 50)),
            (std::vector<std::string>{"entrant_without_base:output_value"}));
  EXPECT_EQ(Rules(Month(7, june_, 50)),
            (std::vector<std::string>{"entrant_without_base:output_value"}));
  // A reported prior-year figure is a base, and so is a stored month a year earlier.
  auto with_prior = Month(6, june_, 50);
  with_prior.prior[static_cast<std::size_t>(Measure::kOutputValue)] = 40;
  EXPECT_TRUE(Rules(with_prior).empty());
  Store(Month(7, core::Period::FromIndex(june_.Index() - 12), 45));
  EXPECT_TRUE(Rules(Month(7, june_, 50)).empty());
  // Founded inside the base window: new production, rightly without a base.
  registry_[6].founded = core::Date{2022, 3, 1};
  EXPECT_TRUE(Rules(Month(6, june_, 50)).empty());
  // No directory for the year before: not known to be an entrant.
  registry_[6].founded = core::Date{2015, 1, 1};
  registry_[6].above_scale = {{2023, true}};
  EXPECT_TRUE(Rules(Month(6, june_, 50)).empty());
}

TEST(QualityImportTest, StoresWarningsThatAnalystsConfirmOrThatLaterImportsSupersede) {
  testutil::TempDir dir;
  auto store = testutil::OpenFulingStore(dir.Path("q.db"));
  ASSERT_OK(store);
  const std::string a = testutil::CreditCode(1);
  {
    auto tx = (*store)->Begin("tester");
    model::Enterprise e;
    e.uscc = a;
    e.name = "甲";
    e.industry_code = "2614";
    ASSERT_OK((*tx)->PutEnterprise(e));
    ASSERT_OK((*tx)->Commit());
  }
  ImportOptions options;
  options.actor = "tester";
  const auto import = [&](const std::string& text) {
    testutil::WriteFile(dir.Path("q.csv"), "uscc,period,output_value,value_added\n" + text);
    return ImportMonthly(**store, dir.Path("q.csv"), options);
  };
  auto first = import(fmt::format("{},2023-06,100,80\n", a));  // VA rate 80 %
  ASSERT_OK(first);
  ASSERT_EQ(first->quality.size(), 1u);
  auto open = (*store)->ListQualityWarnings({core::Period{2023, 6}, "open", "", ""});
  ASSERT_OK(open);
  ASSERT_EQ(open->size(), 1u);
  EXPECT_EQ(open->front().rule, "va_rate_band");
  EXPECT_EQ(open->front().batch_id, *first->batch_id);

  auto second = import(fmt::format("{},2023-06,100,85\n", a));  // corrected, still outside
  ASSERT_OK(second);
  auto all = (*store)->ListQualityWarnings({core::Period{2023, 6}, "", "", ""});
  ASSERT_OK(all);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].status, "superseded");
  EXPECT_EQ((*all)[1].status, "open");
  {
    auto tx = (*store)->Begin("analyst");
    ASSERT_OK((*tx)->ConfirmQualityWarning((*all)[1].id, "new product line, checked by phone"));
    EXPECT_EQ((*tx)->ConfirmQualityWarning(999, "x").code(), Status::Code::kNotFound);
    ASSERT_OK((*tx)->Commit());
  }
  auto confirmed = (*store)->ListQualityWarnings({std::nullopt, "confirmed", "", a});
  ASSERT_OK(confirmed);
  ASSERT_EQ(confirmed->size(), 1u);
  EXPECT_EQ(confirmed->front().resolved_by, "analyst");
  EXPECT_EQ(confirmed->front().note, "new product line, checked by phone");

  // Undoing the second import takes its warning with it, and the first one is open again.
  {
    auto tx = (*store)->Begin("tester");
    ASSERT_OK((*tx)->UndoBatch(*second->batch_id));
    ASSERT_OK((*tx)->Commit());
  }
  auto left = (*store)->ListQualityWarnings({});
  ASSERT_OK(left);
  ASSERT_EQ(left->size(), 1u);
  EXPECT_EQ(left->front().batch_id, *first->batch_id);
  EXPECT_EQ(left->front().status, "open");
}

}  // namespace
}  // namespace clusterscope::ingest
