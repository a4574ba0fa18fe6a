// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/app/registry_service.h"

#include "testutil.h"
#include <gtest/gtest.h>

#include "clusterscope/app/init.h"
#include "clusterscope/engine/indicators.h"
#include "clusterscope/storage/store.h"

namespace clusterscope::app {
namespace {

class RegistryServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.Path("w.db");
    ASSERT_OK(
        InitDatabase({db_, testutil::SystemsDir() + "/fuling-2349.toml", "admin", "", "", ""}));
    auto app = testutil::OpenApp(db_, "analyst");
    ASSERT_OK(app);
    app_ = std::move(*app);
    registry_.emplace(*app_.db, app_.caller);
  }
  // Leave to read enterprise rows, as the command line gets it.
  Grant Rows() {
    auto grant = Access(*app_.db, app_.caller).Open(Subject::kEnterprises, "test", "rows");
    EXPECT_TRUE(grant.has_value());
    return *grant;
  }
  std::vector<model::AuditEntry> Audit(const std::string& entity, const std::string& key) {
    auto store = storage::OpenSqliteStore(db_);
    EXPECT_TRUE(store.has_value());
    auto audit = (*store)->ListAudit({entity, key, 0});
    EXPECT_TRUE(audit.has_value());
    return audit ? *audit : std::vector<model::AuditEntry>{};
  }

  testutil::TempDir dir_;
  std::string db_;
  testutil::App app_;
  std::optional<RegistryService> registry_;
};

TEST_F(RegistryServiceTest, OpensOnlyInitialisedDatabases) {
  auto missing = Database::Open(dir_.Path("none.db"));
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code(), Status::Code::kNotFound);
  EXPECT_NE(missing.error().message().find("clusterscope init"), std::string::npos);
  EXPECT_EQ(registry_->system().clusters.size(), 18u);
}

// One engine per database and data version: a second opening (another thread of the server)
// gets the same one; a change builds a new one, which the first opening gets too.
TEST_F(RegistryServiceTest, TheEngineIsSharedUntilTheDataChanges) {
  auto first = app_.db->Engine();
  ASSERT_OK(first);
  auto other = Database::Open(db_);
  ASSERT_OK(other);
  auto same = (*other)->Engine();
  ASSERT_OK(same);
  EXPECT_EQ(first->get(), same->get());
  EXPECT_TRUE((*first)->registry().empty());
  ASSERT_OK(registry_->AddEnterprise(
      {{"uscc", testutil::CreditCode(42)}, {"name", "涪陵榨菜集团"}, {"industry_code", "1371"}},
      2023));
  auto after = (*other)->Engine();
  ASSERT_OK(after);
  EXPECT_NE(after->get(), first->get());
  EXPECT_EQ((*after)->registry().size(), 1u);
  auto again = app_.db->Engine();
  ASSERT_OK(again);
  EXPECT_EQ(again->get(), after->get());
}

TEST_F(RegistryServiceTest, AddsUpdatesAndShowsEnterprises) {
  const std::string uscc = testutil::CreditCode(42);
  auto added = registry_->AddEnterprise(
      {{"uscc", uscc}, {"name", "涪陵榨菜集团"}, {"industry_code", "1371"}, {"above_scale", "是"}},
      2023);
  ASSERT_OK(added);
  EXPECT_EQ(added->change, model::Change::kInserted);
  auto again =
      registry_->AddEnterprise({{"uscc", uscc}, {"name", "x"}, {"industry_code", "1371"}}, 2023);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code(), Status::Code::kAlreadyExists);

  auto updated = registry_->UpdateEnterprise({{"uscc", uscc}, {"above_scale", "0"}}, 2024);
  ASSERT_OK(updated);
  auto e = registry_->Enterprise(Rows(), uscc);
  ASSERT_OK(e);
  EXPECT_EQ(e->cluster, "F1");
  EXPECT_EQ(e->above_scale, (std::map<int, bool>{{2023, true}, {2024, false}}));

  auto unknown =
      registry_->UpdateEnterprise({{"uscc", testutil::CreditCode(43)}, {"name", "y"}}, 2024);
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().code(), Status::Code::kNotFound);

  auto bad = registry_->AddEnterprise(
      {{"uscc", testutil::CreditCode(44)}, {"name", "z"}, {"industry_code", "0000"}, {"park", "?"}},
      2023);
  ASSERT_FALSE(bad.has_value());
  EXPECT_NE(bad.error().message().find("unknown_industry_class"), std::string::npos);
  EXPECT_NE(bad.error().message().find("unknown_park"), std::string::npos);

  const auto audit = Audit("enterprise_scale", uscc);
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit.front().actor, "analyst");
  // Reading an enterprise is an export, on the command line too.
  const auto exports = Audit("enterprise", "test");
  ASSERT_FALSE(exports.empty());
  EXPECT_EQ(exports.front().action, "export");
}

TEST_F(RegistryServiceTest, GrantsAndWithdrawsDesignations) {
  const std::string uscc = testutil::CreditCode(7);
  ASSERT_OK(registry_->AddEnterprise(
      {{"uscc", uscc}, {"name", "华兰生物"}, {"industry_code", "2761"}}, 2023));
  ASSERT_OK(registry_->GrantDesignation(
      {{"uscc", uscc}, {"designation", "little_giant"}, {"granted", "2021-07-01"}}));
  auto not_held = registry_->WithdrawDesignation(uscc, "little_giant", "2021-01-01");
  ASSERT_FALSE(not_held.has_value());
  EXPECT_EQ(not_held.error().code(), Status::Code::kNotFound);
  // A three-year title: lapsed on 2024-07-01, so it can be withdrawn up to the day before.
  EXPECT_FALSE(registry_->WithdrawDesignation(uscc, "little_giant", "2024-07-01").has_value());
  ASSERT_OK(registry_->WithdrawDesignation(uscc, "专精特新“小巨人”企业", "2024-06-30"));
  auto list = registry_->Designations(Rows(), {uscc, "", std::nullopt});
  ASSERT_OK(list);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->front().withdrawn->ToString(), "2024-06-30");

  auto stranger = registry_->GrantDesignation(
      {{"uscc", testutil::CreditCode(8)}, {"designation", "high_tech"}, {"granted", "2021-07-01"}});
  ASSERT_FALSE(stranger.has_value());
  EXPECT_NE(stranger.error().message().find("unknown_enterprise"), std::string::npos);
}

TEST_F(RegistryServiceTest, ReInitReplacesTheSystemButKeepsCodesInUse) {
  ASSERT_OK(registry_->AddEnterprise(
      {{"uscc", testutil::CreditCode(1)}, {"name", "甲"}, {"industry_code", "3841"}}, 2023));
  // A system file without cluster L2 cannot replace the one in use.
  std::string text = testutil::ReadFile(testutil::SystemsDir() + "/fuling-2349.toml");
  const auto start = text.find("[[clusters]]\ncode = \"L2\"");
  const auto end = text.find("[[clusters]]", start + 1);
  ASSERT_NE(start, std::string::npos);
  text.erase(start, end - start);
  testutil::WriteFile(dir_.Path("smaller.toml"), text);
  testutil::WriteFile(dir_.Path("chongqing-33618.toml"),
                      testutil::ReadFile(testutil::SystemsDir() + "/chongqing-33618.toml"));
  auto replaced = InitDatabase({db_, dir_.Path("smaller.toml"), "admin", "", "", ""});
  ASSERT_FALSE(replaced.has_value());
  EXPECT_NE(replaced.error().message().find("cluster 'L2' is still used by 1"), std::string::npos)
      << replaced.error().message();
  // The original system is still there, and re-initialising with it is fine.
  auto same =
      InitDatabase({db_, testutil::SystemsDir() + "/fuling-2349.toml", "admin", "", "", ""});
  ASSERT_OK(same);
  EXPECT_TRUE(same->system_replaced);
  EXPECT_FALSE(same->created);
}

}  // namespace
}  // namespace clusterscope::app
