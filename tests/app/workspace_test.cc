// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/app/workspace.h"

#include "testutil.h"
#include <gtest/gtest.h>

namespace clusterscope::app {
namespace {

class WorkspaceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.Path("w.db");
    ASSERT_OK(
        InitDatabase({db_, testutil::SystemsDir() + "/fuling-2349.toml", "admin", "", "", ""}));
    auto workspace = Workspace::Open(db_, "analyst");
    ASSERT_OK(workspace);
    workspace_.emplace(std::move(*workspace));
  }

  testutil::TempDir dir_;
  std::string db_;
  std::optional<Workspace> workspace_;
};

TEST_F(WorkspaceTest, OpensOnlyInitialisedDatabases) {
  auto missing = Workspace::Open(dir_.Path("none.db"), "x");
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code(), Status::Code::kNotFound);
  EXPECT_NE(missing.error().message().find("clusterscope init"), std::string::npos);
  EXPECT_EQ(workspace_->system().clusters.size(), 18u);
}

TEST_F(WorkspaceTest, AddsUpdatesAndShowsEnterprises) {
  const std::string uscc = testutil::CreditCode(42);
  auto added = workspace_->AddEnterprise(
      {{"uscc", uscc}, {"name", "涪陵榨菜集团"}, {"industry_code", "1371"}, {"above_scale", "是"}},
      2023);
  ASSERT_OK(added);
  EXPECT_EQ(added->change, storage::Change::kInserted);
  auto again =
      workspace_->AddEnterprise({{"uscc", uscc}, {"name", "x"}, {"industry_code", "1371"}}, 2023);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code(), Status::Code::kAlreadyExists);

  auto updated = workspace_->UpdateEnterprise({{"uscc", uscc}, {"above_scale", "0"}}, 2024);
  ASSERT_OK(updated);
  auto e = workspace_->GetEnterprise(uscc);
  ASSERT_OK(e);
  EXPECT_EQ(e->cluster, "F1");
  EXPECT_EQ(e->above_scale, (std::map<int, bool>{{2023, true}, {2024, false}}));

  auto unknown =
      workspace_->UpdateEnterprise({{"uscc", testutil::CreditCode(43)}, {"name", "y"}}, 2024);
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().code(), Status::Code::kNotFound);

  auto bad = workspace_->AddEnterprise(
      {{"uscc", testutil::CreditCode(44)}, {"name", "z"}, {"industry_code", "0000"}, {"park", "?"}},
      2023);
  ASSERT_FALSE(bad.has_value());
  EXPECT_NE(bad.error().message().find("unknown_industry_class"), std::string::npos);
  EXPECT_NE(bad.error().message().find("unknown_park"), std::string::npos);

  auto audit = workspace_->store().ListAudit({"enterprise_scale", uscc, 0});
  ASSERT_OK(audit);
  ASSERT_FALSE(audit->empty());
  EXPECT_EQ(audit->front().actor, "analyst");
}

TEST_F(WorkspaceTest, GrantsAndWithdrawsDesignations) {
  const std::string uscc = testutil::CreditCode(7);
  ASSERT_OK(workspace_->AddEnterprise(
      {{"uscc", uscc}, {"name", "华兰生物"}, {"industry_code", "2761"}}, 2023));
  ASSERT_OK(workspace_->GrantDesignation(
      {{"uscc", uscc}, {"designation", "little_giant"}, {"granted", "2021-07-01"}}));
  auto not_held = workspace_->WithdrawDesignation(uscc, "little_giant", "2021-01-01");
  ASSERT_FALSE(not_held.has_value());
  EXPECT_EQ(not_held.error().code(), Status::Code::kNotFound);
  ASSERT_OK(workspace_->WithdrawDesignation(uscc, "专精特新“小巨人”企业", "2024-07-01"));
  auto list = workspace_->store().ListDesignations({uscc, "", std::nullopt});
  ASSERT_OK(list);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->front().withdrawn->ToString(), "2024-07-01");

  auto stranger = workspace_->GrantDesignation(
      {{"uscc", testutil::CreditCode(8)}, {"designation", "high_tech"}, {"granted", "2021-07-01"}});
  ASSERT_FALSE(stranger.has_value());
  EXPECT_NE(stranger.error().message().find("unknown_enterprise"), std::string::npos);
}

TEST_F(WorkspaceTest, ReInitReplacesTheSystemButKeepsCodesInUse) {
  ASSERT_OK(workspace_->AddEnterprise(
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
