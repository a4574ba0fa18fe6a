// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The generator's files go through the real imports into a real SQLite file, and the first half
// of 2023 is summed from the store by the statistics bureau's definitions: the frame is the
// enterprises above scale in 2023, growth is on the same-enterprise basis.
#include "clusterscope/synth/generator.h"

#include <map>
#include <set>

#include "testutil.h"
#include <gtest/gtest.h>

#include "clusterscope/core/classification.h"
#include "clusterscope/engine/indicators.h"
#include "clusterscope/ingest/analytics_files.h"
#include "clusterscope/ingest/chain_imports.h"
#include "clusterscope/ingest/importers.h"

namespace clusterscope::synth {
namespace {

using model::Measure;

class FulingProfileTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testutil::TempDir();
    Options options;
    options.out_dir = dir_->Path("out");
    auto summary = Generate(testutil::FulingSystem(), options);
    ASSERT_OK(summary);
    summary_ = *summary;
    auto store = testutil::OpenFulingStore(dir_->Path("fuling.db"));
    ASSERT_OK(store);
    store_ = store->release();
    ingest::ImportOptions import;
    import.actor = "tester";
    ASSERT_OK(
        ingest::ImportEnterprises(*store_, testutil::FulingSystem(), summary_.files[0], import));
    for (const auto& [index, importer] :
         std::vector<std::pair<int, decltype(&ingest::ImportScale)>>{{1, &ingest::ImportScale},
                                                                     {3, &ingest::ImportMonthly}}) {
      auto report = importer(*store_, summary_.files[static_cast<std::size_t>(index)], import);
      ASSERT_OK(report);
      ASSERT_TRUE(report->written) << report->errors.front().ToString();
    }
    auto designations =
        ingest::ImportDesignations(*store_, testutil::FulingSystem(), summary_.files[2], import);
    ASSERT_OK(designations);
    ASSERT_TRUE(designations->written);
    auto prices = ingest::ImportPrices(*store_, summary_.files[4], import);
    ASSERT_OK(prices);
    ASSERT_TRUE(prices->written) << prices->errors.front().ToString();
  }
  static void TearDownTestSuite() {
    delete store_;
    delete dir_;
  }

  // Sums of `measure` over the 2023 frame for January-June of `year`, by group.
  std::map<std::string, double> H1(
      int year, Measure measure,
      const std::function<std::string(const model::Enterprise&)>& group) {
    auto enterprises = store_->ListEnterprises({});
    EXPECT_TRUE(enterprises.has_value());
    std::map<std::string, const model::Enterprise*> frame;
    for (const auto& e : *enterprises) {
      if (e.AboveScaleIn(2023) == true) frame.emplace(e.uscc, &e);
    }
    frame_size_ = frame.size();
    auto facts = store_->CurrentMonthly({year, 1}, {year, 6});
    EXPECT_TRUE(facts.has_value());
    std::map<std::string, double> sums;
    for (std::size_t row = 0; row < facts->rows(); ++row) {
      const auto it = frame.find(facts->uscc(facts->slot(row)));
      if (it == frame.end() || !facts->has(row, measure)) continue;
      sums[group(*it->second)] += facts->value(row, measure);
    }
    return sums;
  }

  // The base of those sums for 2023 (the same months of 2022): month by month the prior-year
  // figure a row reports (entrants), else the stored 2022 month.
  std::map<std::string, double> H1Base(
      Measure measure, const std::function<std::string(const model::Enterprise&)>& group) {
    auto enterprises = store_->ListEnterprises({});
    EXPECT_TRUE(enterprises.has_value());
    std::map<std::string, const model::Enterprise*> frame;
    for (const auto& e : *enterprises) {
      if (e.AboveScaleIn(2023) == true) frame.emplace(e.uscc, &e);
    }
    auto facts = store_->CurrentMonthly({2022, 1}, {2023, 6});
    EXPECT_TRUE(facts.has_value());
    std::map<std::pair<std::string, int>, double> stored;  // (credit code, month) of 2022
    for (std::size_t row = 0; row < facts->rows(); ++row) {
      const auto period = core::Period::FromIndex(facts->period_index(row));
      if (period.year == 2022 && facts->has(row, measure)) {
        stored[{facts->uscc(facts->slot(row)), period.month}] = facts->value(row, measure);
      }
    }
    std::map<std::string, double> sums;
    for (const auto& [uscc, e] : frame) {
      for (int m = 1; m <= 6; ++m) {
        std::optional<double> base;
        const std::int64_t slot = facts->FindSlot(uscc);
        if (slot >= 0) {
          const auto [first, last] = facts->RowsOf(static_cast<std::uint32_t>(slot));
          for (std::size_t row = first; row < last; ++row) {
            if (facts->period_index(row) == core::Period{2023, m}.Index()) {
              base = facts->GetPrior(row, measure);
            }
          }
        }
        if (!base) {
          const auto it = stored.find({uscc, m});
          if (it != stored.end()) base = it->second;
        }
        sums[group(*e)] += base.value_or(0.0);
      }
    }
    return sums;
  }

  static testutil::TempDir* dir_;
  static storage::Store* store_;
  static Summary summary_;
  std::size_t frame_size_ = 0;
};

testutil::TempDir* FulingProfileTest::dir_ = nullptr;
storage::Store* FulingProfileTest::store_ = nullptr;
Summary FulingProfileTest::summary_;

// The monthly report of June 2023 (the engine, on what the imports stored) says what the
// commission published for the first half of 2023.
TEST_F(FulingProfileTest, TheJune2023ReportReproducesThePublishedFigures) {
  auto registry = store_->ListEnterprises({});
  ASSERT_OK(registry);
  auto facts = store_->CurrentMonthly({2022, 1}, {2023, 6});
  ASSERT_OK(facts);
  auto prices = store_->ListPriceIndices();
  ASSERT_OK(prices);
  engine::Engine engine(testutil::FulingSystem(), std::move(*registry));
  engine.SetPriceIndices(*prices);
  engine.Apply(*facts);
  const auto report = engine.Compute({2023, 6});
  const auto find = [&](const std::string& kind, const std::string& code) {
    for (const auto& g : report.groups) {
      if (g.kind == kind && g.code == code) return g;
    }
    ADD_FAILURE() << kind << " " << code;
    return engine::GroupIndicators{};
  };
  const auto total = find("total", "total");
  EXPECT_NEAR(total.ytd[0], FulingTargets::kOutputH1, 5);
  EXPECT_NEAR(total.ytd[static_cast<std::size_t>(Measure::kProfit)], FulingTargets::kProfitH1, 5);
  // Value added at comparable prices (cells and indices are rounded in the files).
  ASSERT_TRUE(total.value_added_growth_real.has_value());
  EXPECT_NEAR(*total.value_added_growth_real, FulingTargets::kValueAddedGrowthReal, 2e-4);
  const auto automobiles = find("division", "36");
  EXPECT_NEAR(automobiles.ytd[0], FulingTargets::kAutomobileH1, 5);
  EXPECT_NEAR(*automobiles.growth_same_basis, FulingTargets::kAutomobileGrowth, 1e-4);
  for (const char* category : {"ENERGY", "MAT", "CON", "AUTO", "ELEC"}) {
    EXPECT_NEAR(*find("sector", category).growth_same_basis, FulingSectorGrowth(category), 1e-4)
        << category;
  }
}

TEST_F(FulingProfileTest, ReproducesThePublishedFirstHalfOf2023) {
  const auto all = [](const model::Enterprise&) { return std::string("all"); };
  // Rounding every cell to 0.01 万元 moves the sums by well under 1 万元.
  EXPECT_NEAR(H1(2023, Measure::kOutputValue, all)["all"], FulingTargets::kOutputH1, 5);
  EXPECT_NEAR(H1(2023, Measure::kProfit, all)["all"], FulingTargets::kProfitH1, 5);
  EXPECT_GE(frame_size_, 350u);
  EXPECT_LE(frame_size_, 400u);

  const auto division36 = [](const model::Enterprise& e) {
    return e.industry_code.starts_with("36") ? std::string("36") : std::string("other");
  };
  const double auto_2023 = H1(2023, Measure::kOutputValue, division36)["36"];
  const double auto_2022 = H1Base(Measure::kOutputValue, division36)["36"];
  EXPECT_NEAR(auto_2023, FulingTargets::kAutomobileH1, 5);
  EXPECT_NEAR(auto_2023 / auto_2022 - 1, FulingTargets::kAutomobileGrowth, 1e-4);

  const auto* sectors = testutil::FulingSystem().FindGrouping("sector");
  const auto by_sector = [sectors](const model::Enterprise& e) {
    const auto* category = sectors->CategoryOf(e.industry_code);
    return category != nullptr ? category->code : std::string();
  };
  const auto now = H1(2023, Measure::kOutputValue, by_sector);
  const auto before = H1Base(Measure::kOutputValue, by_sector);
  for (const char* category : {"ENERGY", "MAT", "CON", "AUTO", "ELEC"}) {
    EXPECT_NEAR(now.at(category) / before.at(category) - 1, FulingSectorGrowth(category), 1e-4)
        << category;
  }
}

TEST_F(FulingProfileTest, IsHeavyTailedSeasonalAndHasLossMakersEntriesAndExits) {
  auto facts = store_->CurrentMonthly({2023, 1}, {2023, 12});
  ASSERT_OK(facts);
  std::map<std::string, double> by_enterprise;
  double january = 0, june = 0, total = 0;
  std::size_t losses = 0;
  for (std::size_t row = 0; row < facts->rows(); ++row) {
    const double output = facts->value(row, Measure::kOutputValue);
    by_enterprise[facts->uscc(facts->slot(row))] += output;
    total += output;
    const int month = core::Period::FromIndex(facts->period_index(row)).month;
    if (month == 1) january += output;
    if (month == 6) june += output;
    if (facts->value(row, Measure::kProfit) < 0) ++losses;
  }
  std::vector<double> sizes;
  for (const auto& [uscc, output] : by_enterprise) sizes.push_back(output);
  std::sort(sizes.rbegin(), sizes.rend());
  double top7 = 0;
  for (std::size_t i = 0; i < 7; ++i) top7 += sizes[i];
  EXPECT_GE(top7 / total, 0.35);
  EXPECT_LE(top7 / total, 0.45);
  EXPECT_LT(january, june * 0.85);  // the Spring Festival dip
  EXPECT_GT(losses, facts->rows() / 20);

  auto enterprises = store_->ListEnterprises({});
  ASSERT_OK(enterprises);
  std::size_t entered = 0, left = 0, never = 0;
  for (const auto& e : *enterprises) {
    if (e.AboveScaleIn(2021) == false && e.AboveScaleIn(2025) == true) ++entered;
    if (e.AboveScaleIn(2021) == true && e.AboveScaleIn(2025) == false) ++left;
    if (e.AboveScaleIn(2023) == false && e.AboveScaleIn(2021) == false) ++never;
  }
  EXPECT_GT(entered, 20u);
  EXPECT_GT(left, 10u);
  EXPECT_GE(never, 60u);  // below scale throughout: in the registry for the cultivation ladders
  auto named = store_->ListEnterprises({"", "", "", "", "示例榨菜", std::nullopt, 0});
  ASSERT_OK(named);
  ASSERT_EQ(named->size(), 1u);
  EXPECT_EQ(named->front().cluster, "F1");
}

// The benchmark beside the district: every other county of Chongqing (37) by manufacturing
// class and year 2021-2025, about 2.5 万亿元 in the first year; the district has no row (its own
// comes from the database).
TEST_F(FulingProfileTest, WritesABenchmarkOfTheOtherCountiesByClass) {
  ASSERT_EQ(summary_.files.back().substr(summary_.files.back().size() - 13), "benchmark.csv");
  auto years = ingest::ReadMatrixFile(summary_.files.back());
  ASSERT_OK(years);
  ASSERT_EQ(years->size(), 5u);
  EXPECT_EQ(years->begin()->first, 2021);
  const auto& first = years->begin()->second;
  EXPECT_EQ(first.regions().size(), 37u);
  EXPECT_FALSE(first.FindRegion("涪陵区"));
  EXPECT_TRUE(first.FindRegion("渝北区"));
  EXPECT_NEAR(first.Total(), 2.5e8, 0.5e8);
  for (const auto& industry : first.industries()) {
    ASSERT_EQ(industry.size(), 4u) << industry;
    EXPECT_GE(industry, "13") << industry;
    EXPECT_LT(industry, "44") << industry;
  }
}

// The chain work's data: purchases of the above-scale enterprises, local and from outside, and
// the below-scale enterprises' last two years, some of them crossing the 20 M yuan line.
TEST_F(FulingProfileTest, WritesSupplierRelationsAndTheWatchedBelowScaleMonths) {
  ASSERT_EQ(summary_.files.size(), 7u);
  ingest::ImportOptions import;
  import.actor = "tester";
  auto relations = ingest::ImportRelations(*store_, summary_.files[5], import);
  ASSERT_OK(relations);
  ASSERT_TRUE(relations->written) << relations->errors.front().ToString();
  auto stored = store_->ListSupplyRelations();
  ASSERT_OK(stored);
  auto enterprises = store_->ListEnterprises({});
  ASSERT_OK(enterprises);
  std::set<std::string> local;
  for (const auto& e : *enterprises) local.insert(e.uscc);
  double from_local = 0, total = 0;
  for (const auto& r : *stored) {
    total += r.value;
    if (local.count(r.supplier) != 0) from_local += r.value;
  }
  EXPECT_GT(from_local / total, 0.2);  // some local supply, most bought outside the district
  EXPECT_LT(from_local / total, 0.8);

  auto facts = store_->CurrentMonthly({2025, 1}, {2025, 12});
  ASSERT_OK(facts);
  std::map<std::string, double> revenue;
  for (std::size_t row = 0; row < facts->rows(); ++row) {
    revenue[facts->uscc(facts->slot(row))] += facts->value(row, Measure::kRevenue);
  }
  // Every industrial enterprise below scale throughout reports its last two years (the watch
  // list); a service enterprise (software, N9) is in the registry only.
  std::size_t below = 0, watched = 0, crossing = 0;
  for (const auto& e : *enterprises) {
    bool ever = false;
    for (int year = 2021; year <= 2025; ++year) ever = ever || e.AboveScaleIn(year) != false;
    if (ever) continue;
    const auto it = revenue.find(e.uscc);
    const auto* entry = core::IndustryClassification::Gbt4754().Find(e.industry_code);
    if (entry != nullptr && !core::IsIndustrialSection(entry->section)) {
      EXPECT_EQ(it, revenue.end()) << e.uscc << " " << e.industry_code;
      continue;
    }
    ++below;
    if (it == revenue.end()) continue;
    ++watched;
    if (it->second >= 2000) ++crossing;
  }
  EXPECT_LE(watched, below);  // (an entrant drawn to exit before it entered is never watched)
  EXPECT_GE(watched, 50u);
  EXPECT_GT(crossing, 3u);
  EXPECT_LT(crossing, 30u);
}

TEST(GeneratorTest, IsDeterministicForASeed) {
  testutil::TempDir dir;
  Options options;
  options.profile = "generic";
  options.enterprises = 50;
  options.months = 6;
  options.out_dir = dir.Path("a");
  ASSERT_OK(Generate(testutil::FulingSystem(), options));
  options.out_dir = dir.Path("b");
  ASSERT_OK(Generate(testutil::FulingSystem(), options));
  options.out_dir = dir.Path("c");
  options.seed = 7;
  auto other = Generate(testutil::FulingSystem(), options);
  ASSERT_OK(other);
  EXPECT_EQ(other->monthly_rows, 300u);
  const auto monthly = [&](const char* sub) {
    return testutil::ReadFile(dir.Path(std::string(sub) + "/monthly.csv"));
  };
  EXPECT_EQ(monthly("a"), monthly("b"));
  EXPECT_NE(monthly("a"), monthly("c"));
  EXPECT_FALSE(Options{}.Validate().ok());  // no --out
  Options bad;
  bad.out_dir = "x";
  bad.profile = "mars";
  EXPECT_FALSE(bad.Validate().ok());
}

// `synth --xlsx` writes the same tables as Excel workbooks; importing them gives exactly the
// values the CSV files give (the "CSV and Excel give the same stored values", at the
// scale of a district: 480 enterprises, 60 months).
TEST_F(FulingProfileTest, ExcelFilesImportToTheSameValuesAsCsv) {
  Options options;
  options.out_dir = dir_->Path("xlsx");
  options.xlsx = true;
  auto summary = Generate(testutil::FulingSystem(), options);
  ASSERT_OK(summary);
  ASSERT_EQ(summary->files[3].substr(summary->files[3].size() - 5), ".xlsx");
  auto store = testutil::OpenFulingStore(dir_->Path("xlsx.db"));
  ASSERT_OK(store);
  ingest::ImportOptions import;
  import.actor = "tester";
  auto enterprises =
      ingest::ImportEnterprises(**store, testutil::FulingSystem(), summary->files[0], import);
  ASSERT_OK(enterprises);
  ASSERT_TRUE(enterprises->written);
  auto scale = ingest::ImportScale(**store, summary->files[1], import);
  ASSERT_OK(scale);
  ASSERT_TRUE(scale->written);
  auto monthly = ingest::ImportMonthly(**store, summary->files[3], import);
  ASSERT_OK(monthly);
  ASSERT_TRUE(monthly->written) << monthly->errors.front().ToString();
  EXPECT_EQ(monthly->inserted, summary_.monthly_rows);

  auto from_excel = (*store)->CurrentMonthly({2021, 1}, {2025, 12});
  auto from_csv = store_->CurrentMonthly({2021, 1}, {2025, 12});
  ASSERT_OK(from_excel);
  ASSERT_OK(from_csv);
  ASSERT_EQ(from_excel->rows(), from_csv->rows());
  EXPECT_EQ(from_excel->usccs(), from_csv->usccs());
  EXPECT_EQ(from_excel->periods(), from_csv->periods());
  for (std::size_t row = 0; row < from_csv->rows(); ++row) {
    ASSERT_TRUE(from_excel->SameValues(row, *from_csv, row))
        << from_csv->uscc(from_csv->slot(row)) << " row " << row;
  }
  auto registry_excel = (*store)->ListEnterprises({});
  auto registry_csv = store_->ListEnterprises({});
  ASSERT_OK(registry_excel);
  ASSERT_OK(registry_csv);
  ASSERT_EQ(registry_excel->size(), registry_csv->size());
  for (std::size_t i = 0; i < registry_csv->size(); ++i) {
    EXPECT_EQ((*registry_excel)[i].name, (*registry_csv)[i].name);
    EXPECT_EQ((*registry_excel)[i].founded, (*registry_csv)[i].founded);
    EXPECT_EQ((*registry_excel)[i].above_scale, (*registry_csv)[i].above_scale);
  }
}

}  // namespace
}  // namespace clusterscope::synth
