// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "testutil.h"
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "clusterscope/ingest/importers.h"

namespace clusterscope::ingest {
namespace {

class DesignationImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = testutil::OpenFulingStore(":memory:");
    ASSERT_OK(store);
    store_ = std::move(*store);
    auto tx = store_->Begin("tester");
    ASSERT_OK(tx);
    model::Enterprise e;
    e.uscc = testutil::CreditCode(1);
    e.name = "华峰";
    e.industry_code = "2614";
    e.cluster = "L1";
    e.cluster_source = model::ClusterSource::kDerived;
    ASSERT_OK((*tx)->PutEnterprise(e));
    ASSERT_OK((*tx)->Commit());
  }

  Result<ImportReport> Import(const std::string& text) {
    const std::string path = dir_.Path(fmt::format("d{}.csv", counter_++));
    testutil::WriteFile(path, text);
    ImportOptions options;
    options.actor = "tester";
    return ImportDesignations(*store_, testutil::FulingSystem(), path, options);
  }

  testutil::TempDir dir_;
  std::unique_ptr<storage::Store> store_;
  int counter_ = 0;
};

TEST_F(DesignationImportTest, ImportsByCodeOrChineseName) {
  const std::string uscc = testutil::CreditCode(1);
  auto report = Import(
      fmt::format("统一社会信用代码,认定类型,认定日期,级别\n{0},smart_factory,2022-06-01,市级\n"
                  "{0},高新技术企业,2021/12/15,国家级\n",
                  uscc));
  ASSERT_OK(report);
  EXPECT_TRUE(report->written);
  EXPECT_EQ(report->inserted, 2u);
  auto list = store_->ListDesignations({uscc, "high_tech", std::nullopt});
  ASSERT_OK(list);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->front().granted.ToString(), "2021-12-15");
  EXPECT_EQ(list->front().level, "国家级");

  // A later file withdraws one; level is not in the file and is kept.
  auto withdraw =
      Import(fmt::format("uscc,designation,granted,withdrawn\n{},smart_factory,"
                         "2022-06-01,2024-03-01\n",
                         uscc));
  ASSERT_OK(withdraw);
  EXPECT_EQ(withdraw->updated, 1u);
  auto smart = store_->ListDesignations({uscc, "smart_factory", std::nullopt});
  ASSERT_OK(smart);
  EXPECT_EQ(smart->front().withdrawn->ToString(), "2024-03-01");
  EXPECT_EQ(smart->front().level, "市级");
}

TEST_F(DesignationImportTest, ReportsEachRule) {
  const std::string known = testutil::CreditCode(1);
  const std::string unknown = testutil::CreditCode(2);
  struct Case {
    std::string row;
    const char* column;
    const char* rule;
  } cases[] = {
      {unknown + ",smart_factory,2022-01-01,\n", "uscc", "unknown_enterprise"},
      {known + ",golden_factory,2022-01-01,\n", "designation", "unknown_designation"},
      {known + ",smart_factory,2022-13-01,\n", "granted", "malformed_date"},
      {known + ",smart_factory,,\n", "granted", "missing_required"},
      {known + ",smart_factory,2022-06-01,2021-01-01\n", "withdrawn", "withdrawn_before_granted"},
      {known + ",smart_factory,2022-01-01,\n" + known + ",smart_factory,2022-01-01,\n", "",
       "duplicate_key"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.rule);
    auto report = Import("uscc,designation,granted,withdrawn\n" + c.row);
    ASSERT_OK(report);
    EXPECT_FALSE(report->written);
    ASSERT_EQ(report->errors.size(), 1u);
    EXPECT_EQ(report->errors[0].rule, c.rule);
    EXPECT_EQ(report->errors[0].column, c.column);
  }
  auto all = store_->ListDesignations({});
  ASSERT_OK(all);
  EXPECT_TRUE(all->empty());
}

}  // namespace
}  // namespace clusterscope::ingest
