// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The access rules as an attacker would probe them: every role against every subject, the park
// scope of a park editor on every call that returns enterprise rows or imports them, and the
// export rows each answer leaves, on the command line as over HTTP.
#include "clusterscope/app/access.h"

#include "testutil.h"
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "clusterscope/app/import_service.h"
#include "clusterscope/app/init.h"
#include "clusterscope/app/registry_service.h"
#include "clusterscope/app/users_service.h"
#include "clusterscope/storage/store.h"

namespace clusterscope::app {
namespace {

constexpr Subject kSubjects[] = {
    Subject::kSystem,      Subject::kIndicators,    Subject::kMonthlyReport, Subject::kAlerts,
    Subject::kTargets,     Subject::kChainOverview, Subject::kChains,        Subject::kProjects,
    Subject::kCultivation, Subject::kEnterprises,   Subject::kHistory,       Subject::kChanges,
    Subject::kQuality};

bool IsEnterpriseList(Subject s) {
  return s == Subject::kCultivation || s == Subject::kEnterprises || s == Subject::kHistory ||
         s == Subject::kQuality;
}

class AccessTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.Path("a.db");
    ASSERT_OK(InitDatabase({db_, testutil::SystemsDir() + "/fuling-2349.toml", "t", "", "", ""}));
    auto app = testutil::OpenApp(db_);
    ASSERT_OK(app);
    app_ = std::move(*app);
    gxq_ = testutil::CreditCode(1);
    lg_ = testutil::CreditCode(2);
    testutil::WriteFile(dir_.Path("e.csv"), fmt::format("uscc,name,industry_code,park\n"
                                                        "{},高新区企业,3841,GXQ\n"
                                                        "{},临港企业,3611,LG\n",
                                                        gxq_, lg_));
    ASSERT_OK(app_.Import("enterprises", dir_.Path("e.csv")));
  }

  Caller As(model::Role role, std::string park = "") {
    return Caller{"someone", role, std::move(park), Channel::kHttp};
  }
  std::size_t Exports() {
    auto store = storage::OpenSqliteStore(db_);
    EXPECT_TRUE(store.has_value());
    auto audit = (*store)->ListAudit({"enterprise", "", 0});
    EXPECT_TRUE(audit.has_value());
    std::size_t n = 0;
    for (const auto& a : *audit) n += a.action == "export" ? 1u : 0u;
    return n;
  }

  testutil::TempDir dir_;
  std::string db_;
  testutil::App app_;
  std::string gxq_, lg_;
};

// Every role against every subject: who is refused, the form each gets, and which answers are
// exports.
TEST_F(AccessTest, EveryRoleAgainstEverySubject) {
  for (const auto role : {model::Role::kAdmin, model::Role::kAnalyst, model::Role::kParkEditor,
                          model::Role::kViewer}) {
    const Caller caller = As(role, role == model::Role::kParkEditor ? "GXQ" : "");
    const bool full = role == model::Role::kAdmin || role == model::Role::kAnalyst;
    for (const Subject subject : kSubjects) {
      SCOPED_TRACE(fmt::format("{} subject {}", model::RoleName(role), static_cast<int>(subject)));
      const std::size_t before = Exports();
      auto grant = Access(*app_.db, caller).Open(subject, "test", "detail");
      const bool refused = (role == model::Role::kViewer && IsEnterpriseList(subject)) ||
                           (!full && subject == Subject::kChanges);
      if (refused) {
        ASSERT_FALSE(grant.has_value());
        EXPECT_EQ(grant.error().code(), Status::Code::kPermissionDenied);
        EXPECT_EQ(Exports(), before);
        continue;
      }
      ASSERT_OK(grant);
      const bool list = IsEnterpriseList(subject);
      EXPECT_EQ(grant->full(), full || list);
      EXPECT_EQ(grant->park(), role == model::Role::kParkEditor && list ? "GXQ" : "");
      const bool names =
          list || (full && (subject == Subject::kMonthlyReport || subject == Subject::kAlerts ||
                            subject == Subject::kChains));
      EXPECT_EQ(Exports(), before + (names ? 1 : 0));
    }
  }
}

// The published form asked for is given even to those who could see more, and is no export.
TEST_F(AccessTest, ThePublishedFormCanBeAskedFor) {
  const std::size_t before = Exports();
  auto grant = Access(*app_.db, app_.caller)
                   .Open(Subject::kMonthlyReport, "report monthly", "latest", Form::kPublished);
  ASSERT_OK(grant);
  EXPECT_FALSE(grant->full());
  EXPECT_EQ(Exports(), before);
  EXPECT_EQ(Access::FormFor(app_.caller), Form::kFull);  // the command line acts as an admin
}

// A park editor's grant reaches its own park's enterprises only, however it asks.
TEST_F(AccessTest, AParkEditorSeesItsOwnParkOnly) {
  const Caller editor = As(model::Role::kParkEditor, "GXQ");
  auto grant = Access(*app_.db, editor).Open(Subject::kEnterprises, "search", "");
  ASSERT_OK(grant);
  RegistryService registry(*app_.db, editor);
  auto own = registry.Enterprises(*grant, {});
  ASSERT_OK(own);
  ASSERT_EQ(own->size(), 1u);
  EXPECT_EQ(own->front().uscc, gxq_);
  model::EnterpriseFilter other;
  other.park = "LG";
  auto refused = registry.Enterprises(*grant, other);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code(), Status::Code::kPermissionDenied);
  for (auto result :
       {registry.Enterprise(*grant, lg_).error(), registry.Profile(*grant, lg_).error(),
        registry.History(*grant, lg_, std::nullopt).error()}) {
    EXPECT_EQ(result.code(), Status::Code::kPermissionDenied) << result.message();
  }
  EXPECT_OK(registry.Profile(*grant, gxq_));
  auto designations = registry.Designations(*grant, {});
  EXPECT_OK(designations);
  // Changing another park's enterprise is refused too.
  auto changed = registry.UpdateEnterprise({{"uscc", lg_}, {"name", "改名"}}, 2025);
  ASSERT_FALSE(changed.has_value());
  EXPECT_EQ(changed.error().code(), Status::Code::kPermissionDenied);
  auto moved = registry.UpdateEnterprise({{"uscc", gxq_}, {"park", "LG"}}, 2025);
  ASSERT_FALSE(moved.has_value());
  EXPECT_EQ(moved.error().code(), Status::Code::kPermissionDenied);
}

// Uploads follow the catalogue: who may upload which kind, and a park editor's rows must all be
// about its own park's enterprises; nothing is written otherwise.
TEST_F(AccessTest, ImportsFollowTheCatalogueAndTheParkScope) {
  testutil::WriteFile(dir_.Path("m.csv"), fmt::format("uscc,period,output_value\n"
                                                      "{},2025-01,10\n{},2025-01,20\n",
                                                      gxq_, lg_));
  const auto import_as = [&](const Caller& caller, std::string_view kind) {
    return ImportService(*app_.db, caller).Import(kind, dir_.Path("m.csv"), {});
  };
  auto editor = import_as(As(model::Role::kParkEditor, "GXQ"), "monthly");
  ASSERT_FALSE(editor.has_value());
  EXPECT_EQ(editor.error().code(), Status::Code::kPermissionDenied);
  EXPECT_NE(editor.error().message().find("line 3"), std::string::npos) << editor.error().message();
  auto viewer = import_as(As(model::Role::kViewer), "monthly");
  ASSERT_FALSE(viewer.has_value());
  EXPECT_EQ(viewer.error().code(), Status::Code::kPermissionDenied);
  auto series = import_as(As(model::Role::kParkEditor, "GXQ"), "projects");
  ASSERT_FALSE(series.has_value());
  EXPECT_EQ(series.error().code(), Status::Code::kPermissionDenied);
  auto prices = import_as(As(model::Role::kAnalyst), "prices");
  ASSERT_FALSE(prices.has_value());
  EXPECT_EQ(prices.error().code(), Status::Code::kPermissionDenied);  // the command line's
  auto unknown = import_as(As(model::Role::kAdmin), "nonsense");
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().code(), Status::Code::kNotFound);
  auto analyst = import_as(As(model::Role::kAnalyst), "monthly");
  ASSERT_OK(analyst);
  EXPECT_TRUE(analyst->written);

  for (const auto& kind : ImportKinds()) {
    EXPECT_FALSE(MayUpload(model::Role::kViewer, kind)) << kind.name;
    EXPECT_EQ(MayUpload(model::Role::kParkEditor, kind), kind.uploaders == Uploaders::kEditors);
    EXPECT_FALSE(kind.columns.empty()) << kind.name;
  }
}

TEST_F(AccessTest, OnlyAdminsManageUsers) {
  for (const auto role : {model::Role::kAnalyst, model::Role::kParkEditor, model::Role::kViewer}) {
    UsersService users(*app_.db, As(role, role == model::Role::kParkEditor ? "GXQ" : ""));
    EXPECT_EQ(users.AddUser("newbie", model::Role::kViewer, "", "a-long-password").code(),
              Status::Code::kPermissionDenied);
    EXPECT_FALSE(users.Users().has_value());
  }
  UsersService admin(*app_.db, As(model::Role::kAdmin));
  EXPECT_OK(admin.AddUser("newbie", model::Role::kViewer, "", "a-long-password"));
  EXPECT_OK(admin.Authenticate("newbie", "a-long-password"));
}

}  // namespace
}  // namespace clusterscope::app
