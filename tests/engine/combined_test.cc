// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The form of reporting must not change the figures (issue 19, item 2): a generated panel
// imported with January and February apart, or as the combined January-February report (1-2月,
// January's headcount equal to February's), gives the same year-to-date figures, growth,
// ratios, labour productivity and alerts for every period from February on.
#include <random>
#include <set>
#include <tuple>

#include "testutil.h"
#include <gtest/gtest.h>

#include "clusterscope/engine/indicators.h"

namespace clusterscope::engine {
namespace {

using model::Measure;

class CombinedTest : public ::testing::Test {
 protected:
  CombinedTest() {
    std::mt19937_64 rng(2349);
    std::uniform_real_distribution<double> unit(0, 1);
    const char* clusters[] = {"L1", "L2", "P1", "N1"};
    for (int n = 0; n < 40; ++n) {
      model::Enterprise e;
      e.uscc = testutil::CreditCode(n);
      e.name = "E" + std::to_string(n);
      e.industry_code = "3841";
      e.cluster = clusters[n % 4];
      e.above_scale = {{2024, true}, {2025, true}};
      registry_.push_back(e);
      // Growing, or falling hard (far past the 20 % of the decline alert either way); a few
      // small enough to be leaving the frame; a few that stop reporting in the autumn.
      const double level = n % 7 == 0 ? 100 + 40 * unit(rng) : 500 + 3000 * unit(rng);
      const double trend = n % 5 == 0 ? 0.55 : 1.08 + 0.1 * unit(rng);
      const int last_month = n % 9 == 0 ? 9 : 12;
      for (int year : {2024, 2025}) {
        const double year_level = year == 2024 ? level : level * trend;
        for (int m = 1; m <= (year == 2025 ? last_month : 12); ++m) {
          model::MonthlyRecord r;
          r.uscc = e.uscc;
          r.period = {year, m};
          // Figures as the bureau's forms give them: 万元 to four decimals (元).
          const auto yuan = [](double wan) { return std::round(wan * 1e4) / 1e4; };
          const double output = year_level * (0.9 + 0.2 * unit(rng));
          r[Measure::kOutputValue] = yuan(output);
          r[Measure::kValueAdded] = yuan(output * 0.3);
          r[Measure::kRevenue] = yuan(output * 0.95);
          r[Measure::kProfit] = yuan(output * (n % 6 == 0 ? -0.05 : 0.07));
          r[Measure::kEnergyTce] = yuan(output * 0.2);
          r[Measure::kEmployees] = std::round(50 + 200 * unit(rng));
          months_.push_back(r);
        }
      }
    }
  }

  // The months as reported apart (January's headcount that of February), or combined.
  model::MonthlyPanel Form(bool combined) const {
    model::MonthlyPanel panel;
    for (std::size_t i = 0; i < months_.size(); ++i) {
      model::MonthlyRecord r = months_[i];
      if (r.period.month == 1) {
        const auto& february = months_[i + 1];
        if (combined) continue;
        r[Measure::kEmployees] = february[Measure::kEmployees];
      } else if (r.period.month == 2 && combined) {
        const auto& january = months_[i - 1];
        for (const auto& info : model::Measures()) {
          if (info.measure == Measure::kEmployees || !r[info.measure]) continue;
          r[info.measure] = *r[info.measure] + *january[info.measure];
        }
      }
      panel.Add(r);
    }
    panel.Sort();
    return panel;
  }

  std::unique_ptr<Engine> EngineOf(bool combined) const {
    auto engine = std::make_unique<Engine>(testutil::FulingSystem(), registry_);
    engine->Apply(Form(combined));
    return engine;
  }

  std::vector<model::Enterprise> registry_;
  std::vector<model::MonthlyRecord> months_;  // by enterprise, then period
};

void ExpectSame(const std::optional<double>& a, const std::optional<double>& b, const char* what) {
  ASSERT_EQ(a.has_value(), b.has_value()) << what;
  if (a) {
    EXPECT_NEAR(*a, *b, 1e-9 * std::max(1.0, std::abs(*a))) << what;
  }
}

TEST_F(CombinedTest, TheFormOfReportingDoesNotChangeTheFigures) {
  const auto apart = EngineOf(false);
  const auto combined = EngineOf(true);
  for (int year : {2024, 2025}) {
    for (int month = 2; month <= 12; ++month) {
      const core::Period period{year, month};
      SCOPED_TRACE(period.ToString());
      auto a = apart->Compute(period);
      auto c = combined->Compute(period);
      ASSERT_EQ(a.groups.size(), c.groups.size());
      for (std::size_t g = 0; g < a.groups.size(); ++g) {
        const auto& x = a.groups[g];
        const auto& y = c.groups[g];
        SCOPED_TRACE(x.kind + ":" + x.code);
        ASSERT_EQ(std::tie(x.kind, x.code), std::tie(y.kind, y.code));
        EXPECT_EQ(x.enterprises, y.enterprises);
        for (std::size_t m = 0; m < model::kMeasureCount; ++m) {
          EXPECT_NEAR(x.ytd[m], y.ytd[m], 1e-9 * std::max(1.0, x.ytd[m])) << m;
          EXPECT_NEAR(x.ytd_base[m], y.ytd_base[m], 1e-9 * std::max(1.0, x.ytd_base[m])) << m;
        }
        ExpectSame(x.growth_same_basis, y.growth_same_basis, "growth");
        ExpectSame(x.contribution_rate, y.contribution_rate, "contribution");
        ExpectSame(x.va_rate, y.va_rate, "va_rate");
        ExpectSame(x.profit_margin, y.profit_margin, "profit_margin");
        ExpectSame(x.energy_per_va_change, y.energy_per_va_change, "energy_per_va_change");
        ExpectSame(x.labor_productivity, y.labor_productivity, "labor_productivity");
        EXPECT_EQ(x.declining_count, y.declining_count);
        EXPECT_EQ(x.loss_count, y.loss_count);
        EXPECT_EQ(x.non_reporting_count, y.non_reporting_count);
      }
      const auto alerts = [](const Engine& engine, const MonthlyIndicators& indicators) {
        std::set<std::tuple<std::string, std::string, std::string>> out;
        for (const auto& alert : engine.Alerts(indicators, {})) {
          out.emplace(alert.rule, alert.kind, alert.code);
        }
        return out;
      };
      EXPECT_EQ(alerts(*apart, a), alerts(*combined, c));
      if (year == 2025 && month == 12) {  // the rules did fire
        std::set<std::string> rules;
        for (const auto& alert : alerts(*apart, a)) rules.insert(std::get<0>(alert));
        EXPECT_EQ(rules.count("leaving_frame"), 1u);
      }
    }
  }
}

TEST_F(CombinedTest, TheCombinedReportsHeadcountStandsForJanuary) {
  // One enterprise of 100 people, 30 万元 of value added a month: 360 万元 a year, 3.6 万元 a
  // person, whichever the form.
  registry_.resize(1);
  months_.clear();
  for (int m = 1; m <= 3; ++m) {
    model::MonthlyRecord r;
    r.uscc = registry_[0].uscc;
    r.period = {2025, m};
    r[Measure::kOutputValue] = 100;
    r[Measure::kValueAdded] = 30;
    r[Measure::kEmployees] = 100;
    months_.push_back(r);
  }
  for (const bool combined : {false, true}) {
    const auto engine = EngineOf(combined);
    for (int month : {2, 3}) {
      const auto total = engine->Compute({2025, month}).groups.front();
      EXPECT_DOUBLE_EQ(*total.labor_productivity, 3.6) << combined << " " << month;
      EXPECT_DOUBLE_EQ(total.employee_months, 100.0 * month);
    }
  }
}

TEST_F(CombinedTest, AlertsCountTheCombinedReportAsTwoMonths) {
  const auto engine = EngineOf(true);
  // Enterprise 0 falls by 45 % and reports 1-2月 combined: by March, three months down.
  const auto march = engine->Compute({2025, 3});
  bool declining = false;
  for (const auto& alert : engine->Alerts(march, {})) {
    if (alert.rule == "enterprise_declining" && alert.code == registry_[0].uscc) {
      declining = true;
      EXPECT_EQ(alert.months, 3);
    }
    EXPECT_NE(alert.rule, "not_reported") << alert.code;  // no one is missing January
  }
  EXPECT_TRUE(declining);
}

}  // namespace
}  // namespace clusterscope::engine
