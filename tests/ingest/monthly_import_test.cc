// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "testutil.h"
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "clusterscope/core/text.h"
#include "clusterscope/ingest/importers.h"

namespace clusterscope::ingest {
namespace {

using model::Measure;

class MonthlyImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = testutil::OpenFulingStore(dir_.Path("m.db"));
    ASSERT_OK(store);
    store_ = std::move(*store);
    auto tx = store_->Begin("tester");
    ASSERT_OK(tx);
    for (int n = 1; n <= 2; ++n) {
      model::Enterprise e;
      e.uscc = testutil::CreditCode(n);
      e.name = fmt::format("企业{}", n);
      e.industry_code = "3841";
      e.cluster = "L2";
      e.cluster_source = model::ClusterSource::kDerived;
      ASSERT_OK((*tx)->PutEnterprise(e));
    }
    {
      model::Enterprise e;  // a software firm (N9): a service, outside the industrial frame
      e.uscc = testutil::CreditCode(4);
      e.name = "软件企业";
      e.industry_code = "6511";
      e.cluster = "N9";
      e.cluster_source = model::ClusterSource::kDerived;
      ASSERT_OK((*tx)->PutEnterprise(e));
    }
    ASSERT_OK((*tx)->Commit());
  }

  Result<ImportReport> Import(const std::string& text, MoneyUnit unit = MoneyUnit::kWan,
                              bool cumulative = false) {
    const std::string path = dir_.Path(fmt::format("m{}.csv", counter_++));
    testutil::WriteFile(path, text);
    ImportOptions options;
    options.actor = "tester";
    options.unit = unit;
    options.cumulative = cumulative;
    return ImportMonthly(*store_, path, options);
  }
  // With no unit or basis given: as the file states them.
  Result<ImportReport> ImportAsSent(const std::string& text) {
    const std::string path = dir_.Path(fmt::format("m{}.csv", counter_++));
    testutil::WriteFile(path, text);
    ImportOptions options;
    options.actor = "tester";
    return ImportMonthly(*store_, path, options);
  }
  Result<ImportReport> ImportCumulative(const std::string& text) {
    return Import(text, MoneyUnit::kWan, true);
  }

  std::vector<storage::MonthlyFact> Facts(int n) {
    auto facts = store_->ListMonthly(testutil::CreditCode(n), std::nullopt);
    EXPECT_TRUE(facts.has_value());
    return facts.value_or(std::vector<storage::MonthlyFact>{});
  }

  testutil::TempDir dir_;
  std::unique_ptr<storage::Store> store_;
  int counter_ = 0;
};

// A month derived from year-to-date figures is the decimal difference, and a 千元 figure the
// decimal shift: exactly the doubles the month values typed in 万元 read as.
TEST_F(MonthlyImportTest, DerivedAndConvertedFiguresAreTheirDecimals) {
  const std::string uscc = testutil::CreditCode(1);
  auto report = Import(fmt::format("uscc,period,output_value\n{0},2025-01,1729865.3\n"
                                   "{0},2025-02,3294641.5\n",
                                   uscc),
                       MoneyUnit::kQian, true);
  ASSERT_OK(report);
  ASSERT_TRUE(report->written);
  const auto facts = Facts(1);
  ASSERT_EQ(facts.size(), 2u);
  const auto output = [&](std::size_t i) {
    return *facts[i].record.values[static_cast<std::size_t>(model::Measure::kOutputValue)];
  };
  EXPECT_EQ(output(0), *core::ParseDecimal("172986.53"));
  // 329,464.15 less 172,986.53 is 156,477.62000000002 in binary.
  EXPECT_NE(*core::ParseDecimal("329464.15") - *core::ParseDecimal("172986.53"),
            *core::ParseDecimal("156477.62"));
  EXPECT_EQ(output(1), *core::ParseDecimal("156477.62"));
}

TEST_F(MonthlyImportTest, StoresMonthValuesWithMissingNotZero) {
  const std::string a = testutil::CreditCode(1);
  auto report = Import(fmt::format(
      "统一社会信用代码,报告期,工业总产值,工业增加值,营业收入,利润总额,研发费用,新产品收入,"
      "出口交货值,综合能源消费量,期末从业人员\n"
      "{0},2023-01,1200.5,360,1180,-35.5,20,100,0,850,412\n"
      "{0},2023-02,1100,,,,,,,,\n",
      a));
  ASSERT_OK(report);
  EXPECT_TRUE(report->written);
  EXPECT_EQ(report->inserted, 2u);
  const auto facts = Facts(1);
  ASSERT_EQ(facts.size(), 2u);
  const auto& jan = facts[0].record;
  EXPECT_EQ(jan.period, (core::Period{2023, 1}));
  EXPECT_DOUBLE_EQ(*jan[Measure::kOutputValue], 1200.5);
  EXPECT_DOUBLE_EQ(*jan[Measure::kProfit], -35.5);   // a loss is allowed
  EXPECT_DOUBLE_EQ(*jan[Measure::kExportValue], 0);  // reported zero
  EXPECT_DOUBLE_EQ(*jan[Measure::kEmployees], 412);
  const auto& feb = facts[1].record;
  EXPECT_DOUBLE_EQ(*feb[Measure::kOutputValue], 1100);
  EXPECT_FALSE(feb[Measure::kValueAdded].has_value());  // not reported: missing, not zero
}

TEST_F(MonthlyImportTest, ConvertsMoneyUnitsButNotEnergyOrHeadcount) {
  const std::string a = testutil::CreditCode(1);
  ASSERT_OK(Import(fmt::format("uscc,period,output_value,energy_tce,employees\n{},2023-01,"
                               "12345000,80,9\n",
                               a),
                   MoneyUnit::kYuan));
  ASSERT_OK(Import(fmt::format("uscc,period,output_value\n{},2023-02,1.5\n", a), MoneyUnit::kYi));
  const auto facts = Facts(1);
  ASSERT_EQ(facts.size(), 2u);
  EXPECT_DOUBLE_EQ(*facts[0].record[Measure::kOutputValue], 1234.5);  // 万元
  EXPECT_DOUBLE_EQ(*facts[0].record[Measure::kEnergyTce], 80);
  EXPECT_DOUBLE_EQ(*facts[0].record[Measure::kEmployees], 9);
  EXPECT_DOUBLE_EQ(*facts[1].record[Measure::kOutputValue], 15000);
}

TEST_F(MonthlyImportTest, ReportsEachHardRule) {
  const std::string a = testutil::CreditCode(1);
  const std::string stranger = testutil::CreditCode(3);
  struct Case {
    std::string rows;
    const char* column;
    const char* rule;
  } cases[] = {
      {stranger + ",2023-01,10,,\n", "uscc", "unknown_enterprise"},
      {testutil::CreditCode(4) + ",2023-01,10,,\n", "uscc", "outside_industrial_frame"},
      {a + ",2023-13,10,,\n", "period", "malformed_period"},
      {a + ",,10,,\n", "period", "missing_required"},
      {a + ",2023-01,,,\n", "output_value", "missing_required"},
      {a + ",2023-01,1O0,,\n", "output_value", "malformed_number"},
      {a + ",2023-01,-5,,\n", "output_value", "negative_value"},
      {a + ",2023-01,10,-1,\n", "revenue", "negative_value"},
      // Six decimals of 万元 are kept (0.01 元): a seventh would be lost.
      {a + ",2023-01,10.1234567,,\n", "output_value", "too_many_decimals"},
      {a + ",2023-01,1e9,,\n", "output_value", "too_large"},
      {a + ",2023-01,10,,11\n", "value_added", "va_above_output"},
      {a + ",2023-01,10,,\n" + a + ",202301,11,,\n", "", "duplicate_key"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.rule);
    auto report = Import("uscc,period,output_value,revenue,value_added\n" + c.rows);
    ASSERT_OK(report);
    EXPECT_FALSE(report->written);
    ASSERT_EQ(report->errors.size(), 1u) << report->errors[0].ToString();
    EXPECT_EQ(report->errors[0].rule, c.rule);
    EXPECT_EQ(report->errors[0].column, c.column);
    EXPECT_TRUE(Facts(1).empty());
  }
}

TEST_F(MonthlyImportTest, RevisionsKeepEveryEarlierValueAndUndoRestoresThem) {
  const std::string a = testutil::CreditCode(1);
  const std::string b = testutil::CreditCode(2);
  auto first =
      Import(fmt::format("uscc,period,output_value\n{0},2023-01,100\n{0},2023-02,110\n", a));
  ASSERT_OK(first);
  auto second = Import(fmt::format(
      "uscc,period,output_value\n{0},2023-02,115\n{0},2023-03,120\n{1},2023-03,50\n{0},2023-01,"
      "100\n",
      a, b));
  ASSERT_OK(second);
  EXPECT_EQ(second->updated, 1u);
  EXPECT_EQ(second->inserted, 2u);
  EXPECT_EQ(second->unchanged, 1u);  // same value: no new revision

  auto revisions = store_->ListRevisions(a, std::nullopt);
  ASSERT_OK(revisions);
  ASSERT_EQ(revisions->size(), 1u);
  EXPECT_EQ(revisions->front().record.period, (core::Period{2023, 2}));
  EXPECT_DOUBLE_EQ(*revisions->front().record[Measure::kOutputValue], 110);
  EXPECT_EQ(revisions->front().batch_id, *first->batch_id);
  EXPECT_EQ(revisions->front().replaced_by, *second->batch_id);

  // Undoing the first batch out of order takes January away (no other batch has it) and
  // leaves February to the second batch, which replaced it. (Rolled back: not committed.)
  {
    auto tx = store_->Begin("tester");
    ASSERT_OK(tx);
    auto out_of_order = (*tx)->UndoBatch(*first->batch_id);
    ASSERT_OK(out_of_order);
    EXPECT_EQ(out_of_order->removed, 1);
    EXPECT_EQ(out_of_order->restored, 0);
  }
  {
    auto tx = store_->Begin("tester");
    ASSERT_OK(tx);
    auto undone = (*tx)->UndoBatch(*second->batch_id);
    ASSERT_OK(undone);
    EXPECT_EQ(undone->restored, 1);
    EXPECT_EQ(undone->removed, 2);
    ASSERT_OK((*tx)->Commit());
  }
  auto facts = Facts(1);
  ASSERT_EQ(facts.size(), 2u);
  EXPECT_DOUBLE_EQ(*facts[1].record[Measure::kOutputValue], 110);
  EXPECT_EQ(facts[1].batch_id, *first->batch_id);
  EXPECT_TRUE(Facts(2).empty());
  auto after = store_->ListRevisions(a, std::nullopt);
  ASSERT_OK(after);
  EXPECT_TRUE(after->empty());
  auto batches = store_->ListImportBatches();
  ASSERT_OK(batches);
  EXPECT_TRUE(batches->back().undone_at.has_value());
  EXPECT_EQ(batches->back().undone_by, "tester");

  {
    auto tx = store_->Begin("tester");
    ASSERT_OK(tx);
    auto again = (*tx)->UndoBatch(*second->batch_id);
    ASSERT_FALSE(again.has_value());
    EXPECT_NE(again.error().message().find("already undone"), std::string::npos);
    auto missing = (*tx)->UndoBatch(999);
    ASSERT_FALSE(missing.has_value());
    EXPECT_EQ(missing.error().code(), Status::Code::kNotFound);
  }
  {
    auto tx = store_->Begin("tester");
    ASSERT_OK(tx);
    auto undone = (*tx)->UndoBatch(*first->batch_id);
    ASSERT_OK(undone);
    EXPECT_EQ(undone->removed, 2);
    ASSERT_OK((*tx)->Commit());
  }
  EXPECT_TRUE(Facts(1).empty());
}

// Month values of two enterprises for 2023-01..06: output, value added, profit (a loss in
// March), employees (a stock).
struct MonthRow {
  int enterprise;
  int month;
  double output, value_added, profit, employees;
};
const MonthRow kMonths[] = {
    {1, 1, 100, 30, 5, 200}, {1, 2, 80, 24, 4, 198},  {1, 3, 120, 35, -2, 205},
    {1, 4, 110, 33, 6, 206}, {1, 5, 130, 39, 7, 210}, {1, 6, 125, 37, 6, 211},
    {2, 1, 40, 10, 1, 50},   {2, 2, 35, 9, 1, 50},    {2, 3, 45, 12, 2, 52},
    {2, 4, 44, 11, 2, 52},   {2, 5, 47, 13, 3, 53},   {2, 6, 50, 14, 3, 55},
};

TEST_F(MonthlyImportTest, CumulativeWithCombinedJanuaryFebruaryGivesTheMonthValues) {
  // The same figures as a month file, and as a year-to-date file whose first row is the
  // combined January-February report.
  std::string months = "uscc,period,output_value,value_added,profit,employees\n";
  std::string cumulative = "统一社会信用代码,报告期,工业总产值,工业增加值,利润总额,期末从业人员\n";
  for (int n = 1; n <= 2; ++n) {
    double output = 0, value_added = 0, profit = 0;
    for (const auto& row : kMonths) {
      if (row.enterprise != n) continue;
      months += fmt::format("{},2023-{:02},{},{},{},{}\n", testutil::CreditCode(n), row.month,
                            row.output, row.value_added, row.profit, row.employees);
      output += row.output;
      value_added += row.value_added;
      profit += row.profit;
      if (row.month == 1) continue;  // no January row: reported with February
      cumulative += fmt::format("{},2023-{:02},{},{},{},{}\n", testutil::CreditCode(n), row.month,
                                output, value_added, profit, row.employees);
    }
  }
  auto report = ImportCumulative(cumulative);
  ASSERT_OK(report);
  ASSERT_TRUE(report->written) << report->errors[0].ToString();
  EXPECT_TRUE(report->warnings.empty()) << report->warnings[0].ToString();

  auto month_store = testutil::OpenFulingStore(":memory:");
  ASSERT_OK(month_store);
  {
    auto tx = (*month_store)->Begin("tester");
    for (int n = 1; n <= 2; ++n) {
      auto e = store_->GetEnterprise(testutil::CreditCode(n));
      ASSERT_OK((*tx)->PutEnterprise(**e));
    }
    ASSERT_OK((*tx)->Commit());
  }
  testutil::WriteFile(dir_.Path("months.csv"), months);
  ImportOptions options;
  options.actor = "tester";
  ASSERT_OK(ImportMonthly(**month_store, dir_.Path("months.csv"), options));

  for (int n = 1; n <= 2; ++n) {
    SCOPED_TRACE(n);
    const auto derived = Facts(n);
    auto direct = (*month_store)->ListMonthly(testutil::CreditCode(n), std::nullopt);
    ASSERT_OK(direct);
    ASSERT_EQ(direct->size(), 6u);
    ASSERT_EQ(derived.size(), 5u);  // January is inside February
    EXPECT_EQ(derived[0].record.period, (core::Period{2023, 2}));
    for (const Measure m : {Measure::kOutputValue, Measure::kValueAdded, Measure::kProfit}) {
      EXPECT_DOUBLE_EQ(*derived[0].record[m], *(*direct)[0].record[m] + *(*direct)[1].record[m]);
      for (std::size_t i = 1; i < 5; ++i) {
        EXPECT_DOUBLE_EQ(*derived[i].record[m], *(*direct)[i + 1].record[m]);
      }
    }
    for (std::size_t i = 0; i < 5; ++i) {
      EXPECT_EQ(derived[i].record[Measure::kEmployees],
                (*direct)[i + 1].record[Measure::kEmployees]);
    }
  }
}

TEST_F(MonthlyImportTest, KeepsThePriorYearFiguresOfTheForms) {
  const std::string a = testutil::CreditCode(1);
  const std::string b = testutil::CreditCode(2);
  // English and Chinese headers; a loss a year ago is allowed, a negative output is not.
  auto report = Import(fmt::format(
      "统一社会信用代码,报告期,工业总产值,上年同期工业总产值,利润总额,利润总额上年同期\n"
      "{0},2025-01,50,40,5,-3\n"
      "{0},2025-02,60,,6,\n"
      "{1},2025-01,70,-1,1,1\n",
      a, b));
  ASSERT_OK(report);
  EXPECT_FALSE(report->written);
  ASSERT_EQ(report->errors.size(), 1u);
  EXPECT_EQ(report->errors[0].rule, "negative_value");
  EXPECT_EQ(report->errors[0].column, "上年同期工业总产值");
  EXPECT_EQ(report->errors[0].line, 4u);

  report =
      Import(fmt::format("uscc,period,output_value,output_value_prior,profit,profit_prior\n"
                         "{0},2025-01,50,40,5,-3\n"
                         "{0},2025-02,60,,6,\n",
                         a));
  ASSERT_OK(report);
  ASSERT_TRUE(report->written);
  auto facts = Facts(1);
  ASSERT_EQ(facts.size(), 2u);
  const auto prior = [](const model::MonthlyRecord& r, Measure m) {
    return r.prior[static_cast<std::size_t>(m)];
  };
  EXPECT_EQ(prior(facts[0].record, Measure::kOutputValue), 40.0);
  EXPECT_EQ(prior(facts[0].record, Measure::kProfit), -3.0);
  EXPECT_FALSE(prior(facts[1].record, Measure::kOutputValue).has_value());  // missing, not 0

  // The same figures again change nothing; a changed prior alone is a revision, the old one
  // kept.
  report =
      Import(fmt::format("uscc,period,output_value,output_value_prior\n{},2025-01,50,40\n", a));
  ASSERT_OK(report);
  EXPECT_EQ(report->updated, 1u);  // the profit and its prior are gone from this row
  report =
      Import(fmt::format("uscc,period,output_value,output_value_prior\n{},2025-01,50,40\n", a));
  ASSERT_OK(report);
  EXPECT_EQ(report->unchanged, 1u);
  report =
      Import(fmt::format("uscc,period,output_value,output_value_prior\n{},2025-01,50,41\n", a));
  ASSERT_OK(report);
  EXPECT_EQ(report->updated, 1u);
  facts = Facts(1);
  EXPECT_EQ(prior(facts[0].record, Measure::kOutputValue), 41.0);
  auto revisions = store_->ListRevisions(a, core::Period{2025, 1});
  ASSERT_OK(revisions);
  ASSERT_EQ(revisions->size(), 2u);
  EXPECT_EQ(prior((*revisions)[1].record, Measure::kOutputValue), 40.0);
}

TEST_F(MonthlyImportTest, AStoppedEnterpriseReportsZeroOutput) {
  const std::string a = testutil::CreditCode(1);
  auto report = Import(fmt::format(
      "统一社会信用代码,报告期,工业总产值,生产状态\n{0},2025-01,,停产\n{0},2025-02,80,正常\n"
      "{0},2025-03,,\n{0},2025-04,5,歇业\n",
      a));
  ASSERT_OK(report);
  ASSERT_EQ(report->errors.size(), 2u);
  EXPECT_EQ(report->errors[0].rule, "missing_required");  // March: no output, no status
  EXPECT_EQ(report->errors[0].line, 4u);
  EXPECT_EQ(report->errors[1].rule, "unknown_status");
  EXPECT_EQ(report->errors[1].column, "生产状态");
  report = Import(fmt::format("uscc,period,output_value,status\n{0},2025-01,,停产\n", a));
  ASSERT_OK(report);
  ASSERT_TRUE(report->written);
  const auto facts = Facts(1);
  ASSERT_EQ(facts.size(), 1u);
  // Zero, not missing: the enterprise stays in the frame, and its base with it.
  EXPECT_EQ(facts[0].record[Measure::kOutputValue], 0.0);
}

TEST_F(MonthlyImportTest, CumulativePriorYearFiguresBecomeMonthFigures) {
  const std::string a = testutil::CreditCode(1);
  // 1-2月 together, then March: this year's and last year's both to date.
  auto report = ImportCumulative(fmt::format(
      "uscc,period,output_value,output_value_prior\n{0},2025-02,100,80\n{0},2025-03,160,"
      "125\n",
      a));
  ASSERT_OK(report);
  ASSERT_TRUE(report->written);
  const auto facts = Facts(1);
  ASSERT_EQ(facts.size(), 2u);
  EXPECT_EQ(facts[1].record.prior[0], 45.0);  // 125 - 80
  EXPECT_EQ(facts[0].record.prior[0], 80.0);
  // A month whose earlier prior is missing cannot be derived: a warning, no prior.
  ASSERT_OK(Import(fmt::format("uscc,period,output_value\n{},2025-04,70\n", a)));
  report = ImportCumulative(
      fmt::format("uscc,period,output_value,output_value_prior\n{},2025-05,300,250\n", a));
  ASSERT_OK(report);
  ASSERT_EQ(report->warnings.size(), 1u);  // January is inside the combined report: no gap
  EXPECT_EQ(report->warnings[0].rule, "cumulative_underivable");
  EXPECT_EQ(report->warnings[0].column, "output_value_prior");
  EXPECT_FALSE(Facts(1)[3].record.prior[0].has_value());
}

TEST_F(MonthlyImportTest, CumulativeForOneMonthUsesTheStoredMonths) {
  const std::string a = testutil::CreditCode(1);
  ASSERT_OK(
      Import(fmt::format("uscc,period,output_value,revenue\n{0},2023-01,100,90\n{0},"
                         "2023-02,80,\n",
                         a)));
  auto report =
      ImportCumulative(fmt::format("uscc,period,output_value,revenue\n{0},2023-03,300,250\n", a));
  ASSERT_OK(report);
  EXPECT_TRUE(report->written);
  ASSERT_EQ(report->warnings.size(), 1u);  // February's revenue is missing
  EXPECT_EQ(report->warnings[0].rule, "cumulative_underivable");
  const auto facts = Facts(1);
  ASSERT_EQ(facts.size(), 3u);
  EXPECT_DOUBLE_EQ(*facts[2].record[Measure::kOutputValue], 120);  // 300 - 100 - 80
  EXPECT_FALSE(facts[2].record[Measure::kRevenue].has_value());
}

TEST_F(MonthlyImportTest, CumulativeWarnsOfGapsAndRejectsNegativeMonths) {
  const std::string a = testutil::CreditCode(1);
  ASSERT_OK(Import(fmt::format("uscc,period,output_value\n{},2023-01,100\n", a)));
  auto gap = ImportCumulative(fmt::format("uscc,period,output_value\n{},2023-04,400\n", a));
  ASSERT_OK(gap);
  EXPECT_TRUE(gap->written);
  ASSERT_EQ(gap->warnings.size(), 1u);
  EXPECT_EQ(gap->warnings[0].rule, "cumulative_gap");
  EXPECT_NE(gap->warnings[0].message.en.find("2023-02..03"), std::string::npos)
      << gap->warnings[0].message.en;

  auto negative = ImportCumulative(fmt::format("uscc,period,output_value\n{},2023-05,350\n", a));
  ASSERT_OK(negative);
  EXPECT_FALSE(negative->written);
  ASSERT_EQ(negative->errors.size(), 1u);
  EXPECT_EQ(negative->errors[0].rule, "negative_value");
  EXPECT_EQ(negative->errors[0].line, 2u);
}

TEST_F(MonthlyImportTest, RegistryBatchesAreNotUndone) {
  testutil::WriteFile(dir_.Path("e.csv"), fmt::format("uscc,name,industry_code\n{},新,3841\n",
                                                      testutil::CreditCode(1)));
  ImportOptions options;
  options.actor = "tester";
  options.year = 2023;
  auto report = ImportEnterprises(*store_, testutil::FulingSystem(), dir_.Path("e.csv"), options);
  ASSERT_OK(report);
  auto tx = store_->Begin("tester");
  ASSERT_OK(tx);
  auto undone = (*tx)->UndoBatch(*report->batch_id);
  ASSERT_FALSE(undone.has_value());
  EXPECT_NE(undone.error().message().find("not monthly"), std::string::npos);
}

TEST_F(MonthlyImportTest, AnswersEmptyAndHeaderOnlyFilesClearly) {
  auto empty = Import("\n\n");
  ASSERT_FALSE(empty.has_value());
  EXPECT_NE(empty.error().message().find("the file is empty"), std::string::npos);
  auto header_only = Import("uscc,period,output_value\n");
  ASSERT_FALSE(header_only.has_value());
  EXPECT_NE(header_only.error().message().find("header but no data rows"), std::string::npos);
  auto batches = store_->ListImportBatches();
  ASSERT_OK(batches);
  EXPECT_TRUE(batches->empty());
}

// A file of many bad rows keeps the first 10,000 messages and counts the rest: a national file
// imported before its registry must not take gigabytes of messages.
TEST_F(MonthlyImportTest, CountsErrorsBeyondTheFirstTenThousand) {
  std::string text = "uscc,period,output_value\n";
  for (int i = 0; i < 10050; ++i)
    text += fmt::format("{},2023-01,1\n", testutil::CreditCode(1000 + i));
  auto report = Import(text);
  ASSERT_OK(report);
  EXPECT_FALSE(report->written);
  EXPECT_EQ(report->rows_rejected, 10050u);
  EXPECT_EQ(report->errors.size(), 10000u);
  EXPECT_EQ(report->errors_not_kept, 50u);
  EXPECT_EQ(report->errors.front().rule, "unknown_enterprise");
}

// The sheet as the bureau sends it: a title, a units line in 千元, a 序号 column, a registry
// column, a 合计 row, a blank line and a note. It stores what the plain file stores.
TEST_F(MonthlyImportTest, ATitledSheetWithSubtotalsAndNotesStoresWhatThePlainFileStores) {
  const std::string a = testutil::CreditCode(1);
  const std::string b = testutil::CreditCode(2);
  auto report =
      ImportAsSent(fmt::format("涪陵区2025年12月规模以上工业企业主要经济指标,,,,\n"
                               "单位：千元、吨标准煤、人,,,,\n"
                               "序号,统一社会信用代码,报告期,工业总产值,利润总额\n"
                               "1,{0},2025-12,12005,-355\n"
                               "2,{1},2025-12,\"1,000\",20\n"
                               ",合计,,13005,-335\n"
                               ",,,,\n"
                               "注：本表为快报数。,,,,\n",
                               a, b));
  ASSERT_OK(report);
  ASSERT_TRUE(report->written) << (report->errors.empty() ? "" : report->errors[0].ToString());
  EXPECT_EQ(report->rows_read, 2u);
  EXPECT_EQ(report->header_line, 3u);
  EXPECT_EQ(report->unit_stated, MoneyUnit::kQian);
  ASSERT_EQ(report->skipped.size(), 5u);
  EXPECT_EQ(report->skipped[0].kind, "title");
  EXPECT_EQ(report->skipped[1].kind, "units");
  EXPECT_EQ(report->skipped[2].kind, "subtotal");
  EXPECT_EQ(report->skipped[2].line, 6u);
  EXPECT_EQ(report->skipped[3].kind, "blank");
  EXPECT_EQ(report->skipped[4].kind, "note");
  const auto first = Facts(1);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_DOUBLE_EQ(*first[0].record[Measure::kOutputValue], 1200.5);  // 12,005 千元
  EXPECT_DOUBLE_EQ(*first[0].record[Measure::kProfit], -35.5);
  const auto second = Facts(2);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_DOUBLE_EQ(*second[0].record[Measure::kOutputValue], 100);

  for (const auto& w : report->warnings) EXPECT_NE(w.rule, "subtotal_differs") << w.ToString();

  // A 合计 that is not the sum of the rows above it is reported, with both figures; the rows
  // are written all the same (the total is the office's, not data).
  report =
      ImportAsSent(fmt::format("统一社会信用代码,报告期,工业总产值,利润总额\n"
                               "{0},2025-11,1200.5,-35.5\n{1},2025-11,100,2\n合计,,1400.5,-33.5\n",
                               a, b));
  ASSERT_OK(report);
  EXPECT_TRUE(report->written);
  ASSERT_EQ(report->warnings.size(), 1u);
  EXPECT_EQ(report->warnings[0].rule, "subtotal_differs");
  EXPECT_EQ(report->warnings[0].line, 4u);
  EXPECT_EQ(report->warnings[0].column, "工业总产值");
  EXPECT_NE(report->warnings[0].message.en.find("1300.5"), std::string::npos)
      << report->warnings[0].message.en;

  // A unit given that the file contradicts is refused, naming both.
  const auto refused =
      Import(fmt::format("单位：千元\n统一社会信用代码,报告期,工业总产值\n"
                         "{},2025-11,10\n",
                         a));
  ASSERT_FALSE(refused.has_value());
  EXPECT_NE(refused.error().message().find("千元"), std::string::npos);
  EXPECT_NE(refused.error().message().find("万元"), std::string::npos);
}

// 工业总产值 over 本年累计 / 上年同期累计, months of year-to-date figures: the month values and
// the priors are those of the plain file.
TEST_F(MonthlyImportTest, ATwoLevelHeaderOfYearToDateFiguresStoresMonthValues) {
  const std::string a = testutil::CreditCode(1);
  auto report =
      ImportAsSent(fmt::format("统一社会信用代码,报告期,工业总产值,,营业收入,\n"
                               ",,本年累计,上年同期累计,本年累计,增速(%)\n"
                               "{0},2025-01,100,90,80,1.0\n"
                               "{0},2025-02,250,200,170,1.0\n",
                               a));
  ASSERT_OK(report);
  ASSERT_TRUE(report->written) << (report->errors.empty() ? "" : report->errors[0].ToString());
  EXPECT_EQ(report->header_rows, 2u);
  EXPECT_EQ(report->year_to_date_stated, true);
  ASSERT_EQ(report->warnings.size(), 1u);
  EXPECT_EQ(report->warnings[0].rule, "column_left_out");
  EXPECT_EQ(report->warnings[0].column, "营业收入·增速(%)");
  const auto facts = Facts(1);
  ASSERT_EQ(facts.size(), 2u);
  EXPECT_DOUBLE_EQ(*facts[1].record[Measure::kOutputValue], 150);  // 250 - 100
  EXPECT_DOUBLE_EQ(*facts[1].record[Measure::kRevenue], 90);       // 170 - 80
  EXPECT_EQ(facts[1].record.prior[static_cast<std::size_t>(Measure::kOutputValue)], 110.0);
}

// The bureau's sheets carry the registry's columns beside the figures: read, checked against
// the registry, never written from here.
TEST_F(MonthlyImportTest, RegistryColumnsAreCheckedAgainstTheRegistry) {
  const std::string a = testutil::CreditCode(1);
  const std::string b = testutil::CreditCode(2);
  auto report =
      ImportAsSent(fmt::format("序号,单位详细名称,统一社会信用代码,行业代码,报告期,工业总产值\n"
                               "1,企业1,{0},3841,2025-12,10\n"
                               "2,企业二,{1},3842,2025-12,20\n",
                               a, b));
  ASSERT_OK(report);
  EXPECT_TRUE(report->written);
  ASSERT_EQ(report->warnings.size(), 2u);
  EXPECT_EQ(report->warnings[0].rule, "name_differs");
  EXPECT_EQ(report->warnings[0].line, 3u);
  EXPECT_EQ(report->warnings[0].value, "企业二");
  EXPECT_NE(report->warnings[0].message.zh.find("企业2"), std::string::npos);
  EXPECT_EQ(report->warnings[1].rule, "industry_differs");
  EXPECT_EQ(report->warnings[1].value, "3842");
  auto stored = store_->GetEnterprise(b);
  ASSERT_OK(stored);
  ASSERT_TRUE(stored->has_value());
  EXPECT_EQ((*stored)->name, "企业2");  // the registry keeps its own
  EXPECT_EQ((*stored)->industry_code, "3841");
}

}  // namespace
}  // namespace clusterscope::ingest
