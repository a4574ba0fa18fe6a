// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// A kill in the middle of an import must leave the database as it was. The import runs in a
// forked child (a gtest death test) against a real SQLite file, through a Store wrapper that
// aborts the process after some rows have been written inside the open transaction.
#include <cstdlib>
#include <filesystem>

#include "testutil.h"
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "clusterscope/app/init.h"
#include "clusterscope/ingest/importers.h"

namespace clusterscope {
namespace {

// Passes everything through, but dies (or fails) at the n-th enterprise write.
class FaultyTransaction final : public storage::Transaction {
 public:
  FaultyTransaction(std::unique_ptr<storage::Transaction> inner, int fault_at, bool abort)
      : inner_(std::move(inner)), fault_at_(fault_at), abort_(abort) {}
  Status ReplaceSystem(const model::ClusterSystem& system) override {
    return inner_->ReplaceSystem(system);
  }
  Result<std::int64_t> AddImportBatch(const storage::ImportBatch& batch) override {
    return inner_->AddImportBatch(batch);
  }
  Result<storage::Change> PutEnterprise(const model::Enterprise& enterprise) override {
    if (++writes_ == fault_at_) {
      if (abort_) std::abort();  // as a kill -9 would: no destructor, no rollback
      return Error(Status::Unavailable("injected fault: disk full"));
    }
    return inner_->PutEnterprise(enterprise);
  }
  Result<storage::Change> PutDesignation(const model::Designation& designation) override {
    return inner_->PutDesignation(designation);
  }
  Result<storage::MonthlyWrite> PutMonthlyPanel(model::MonthlyPanel panel) override {
    if (++writes_ == fault_at_) {
      if (abort_) std::abort();
      return Error(Status::Unavailable("injected fault: disk full"));
    }
    return inner_->PutMonthlyPanel(std::move(panel));
  }
  // After the facts' segment is written: the last step before the commit.
  Status PutQualityWarnings(const std::vector<model::QualityWarning>& warnings) override {
    if (++writes_ == fault_at_) {
      if (abort_) std::abort();
      return Status::Unavailable("injected fault: disk full");
    }
    return inner_->PutQualityWarnings(warnings);
  }
  Status ConfirmQualityWarning(std::int64_t id, std::string_view note) override {
    return inner_->ConfirmQualityWarning(id, note);
  }
  Result<storage::Change> PutPriceIndex(const model::PriceIndex& index) override {
    return inner_->PutPriceIndex(index);
  }
  Result<storage::Change> PutSeriesValue(const model::SeriesValue& value) override {
    return inner_->PutSeriesValue(value);
  }
  Status PutPlan(storage::PlanKind kind, const std::string& file,
                 const std::string& text) override {
    return inner_->PutPlan(kind, file, text);
  }
  Result<storage::Change> PutProject(const model::Project& project) override {
    return inner_->PutProject(project);
  }
  Status AddProjectMove(std::string_view project, const model::StageMove& move) override {
    return inner_->AddProjectMove(project, move);
  }
  Result<storage::Change> PutSupplyRelation(const model::SupplyRelation& relation) override {
    return inner_->PutSupplyRelation(relation);
  }
  Result<storage::BenchmarkWrite> PutBenchmark(
      std::string_view name, const std::vector<storage::BenchmarkCell>& cells) override {
    return inner_->PutBenchmark(name, cells);
  }
  Result<storage::Change> PutProspect(const model::Prospect& prospect) override {
    return inner_->PutProspect(prospect);
  }
  Result<storage::Change> PutUser(const model::User& user) override {
    return inner_->PutUser(user);
  }
  Status DeleteUser(std::string_view name) override { return inner_->DeleteUser(name); }
  Status PutImportProfile(const storage::StoredImportProfile& profile) override {
    return inner_->PutImportProfile(profile);
  }
  Status DeleteImportProfile(std::string_view name) override {
    return inner_->DeleteImportProfile(name);
  }
  Status RecordExport(std::string_view entity, std::string_view key,
                      std::string_view detail) override {
    return inner_->RecordExport(entity, key, detail);
  }
  Status PutEnterpriseList(const std::string& name,
                           const std::vector<std::string>& usccs) override {
    return inner_->PutEnterpriseList(name, usccs);
  }
  Result<storage::UndoResult> UndoBatch(std::int64_t batch_id) override {
    return inner_->UndoBatch(batch_id);
  }
  Result<std::optional<model::Enterprise>> GetEnterprise(std::string_view uscc) override {
    return inner_->GetEnterprise(uscc);
  }
  Status Commit() override { return inner_->Commit(); }

 private:
  std::unique_ptr<storage::Transaction> inner_;
  int fault_at_;
  bool abort_;
  int writes_ = 0;
};

class FaultyStore final : public storage::Store {
 public:
  FaultyStore(storage::Store& inner, int fault_at, bool abort)
      : inner_(inner), fault_at_(fault_at), abort_(abort) {}
  Result<std::unique_ptr<storage::Transaction>> Begin(std::string actor) override {
    auto tx = inner_.Begin(std::move(actor));
    if (!tx) return Error(tx.error());
    return std::unique_ptr<storage::Transaction>(
        std::make_unique<FaultyTransaction>(std::move(*tx), fault_at_, abort_));
  }
  Result<std::optional<model::ClusterSystem>> LoadSystem() override { return inner_.LoadSystem(); }
  Result<std::optional<model::Enterprise>> GetEnterprise(std::string_view uscc) override {
    return inner_.GetEnterprise(uscc);
  }
  Result<std::vector<model::Enterprise>> ListEnterprises(
      const storage::EnterpriseFilter& filter) override {
    return inner_.ListEnterprises(filter);
  }
  Result<std::int64_t> CountEnterprises() override { return inner_.CountEnterprises(); }
  Result<std::optional<std::string>> FactCachePath(std::string_view kind) override {
    return inner_.FactCachePath(kind);
  }
  Result<std::vector<model::Designation>> ListDesignations(
      const storage::DesignationFilter& filter) override {
    return inner_.ListDesignations(filter);
  }
  Result<std::vector<storage::AuditEntry>> ListAudit(const storage::AuditFilter& filter) override {
    return inner_.ListAudit(filter);
  }
  Result<std::vector<storage::MonthlyFact>> ListMonthly(
      std::string_view uscc, std::optional<core::Period> period) override {
    return inner_.ListMonthly(uscc, period);
  }
  Result<model::MonthlyPanel> CurrentMonthly(core::Period from, core::Period to) override {
    return inner_.CurrentMonthly(from, to);
  }
  Result<storage::MonthlyCoverage> MonthlySummary() override { return inner_.MonthlySummary(); }
  Result<std::vector<model::PriceIndex>> ListPriceIndices() override {
    return inner_.ListPriceIndices();
  }
  Result<std::vector<model::SeriesValue>> ListSeriesValues() override {
    return inner_.ListSeriesValues();
  }
  Result<std::vector<storage::SeriesRevision>> ListSeriesRevisions(
      std::string_view series) override {
    return inner_.ListSeriesRevisions(series);
  }
  Result<std::optional<std::pair<std::string, std::string>>> LoadPlan(
      storage::PlanKind kind) override {
    return inner_.LoadPlan(kind);
  }
  Result<std::vector<model::Project>> ListProjects() override { return inner_.ListProjects(); }
  Result<std::vector<storage::ProjectMoveRecord>> ListProjectMoves(
      std::string_view project) override {
    return inner_.ListProjectMoves(project);
  }
  Result<std::vector<model::SupplyRelation>> ListSupplyRelations() override {
    return inner_.ListSupplyRelations();
  }
  Result<std::vector<model::Prospect>> ListProspects() override { return inner_.ListProspects(); }
  Result<std::vector<storage::BenchmarkCell>> LoadBenchmark(std::string_view name) override {
    return inner_.LoadBenchmark(name);
  }
  Result<std::vector<storage::BenchmarkSummary>> ListBenchmarks() override {
    return inner_.ListBenchmarks();
  }
  Result<std::optional<model::User>> GetUser(std::string_view name) override {
    return inner_.GetUser(name);
  }
  Result<std::vector<model::User>> ListUsers() override { return inner_.ListUsers(); }
  Result<std::vector<storage::StoredImportProfile>> ListImportProfiles() override {
    return inner_.ListImportProfiles();
  }
  Status PutSession(const storage::StoredSession& session, std::int64_t now) override {
    return inner_.PutSession(session, now);
  }
  Result<std::optional<storage::StoredSession>> FindSession(std::string_view token_hash,
                                                            std::int64_t now) override {
    return inner_.FindSession(token_hash, now);
  }
  Status DeleteSession(std::string_view token_hash) override {
    return inner_.DeleteSession(token_hash);
  }
  Result<std::map<std::string, std::vector<std::string>>> ListEnterpriseLists() override {
    return inner_.ListEnterpriseLists();
  }
  Result<std::pair<std::int64_t, std::int64_t>> VerifyMonthly() override {
    return inner_.VerifyMonthly();
  }
  Result<std::vector<model::QualityWarning>> ListQualityWarnings(
      const storage::QualityFilter& filter) override {
    return inner_.ListQualityWarnings(filter);
  }
  Result<std::vector<storage::MonthlyRevision>> ListRevisions(
      std::string_view uscc, std::optional<core::Period> period) override {
    return inner_.ListRevisions(uscc, period);
  }
  Result<std::vector<storage::ImportBatch>> ListImportBatches() override {
    return inner_.ListImportBatches();
  }
  Result<int> SchemaVersion() override { return inner_.SchemaVersion(); }
  Result<std::int64_t> DataVersion() override { return inner_.DataVersion(); }

 private:
  storage::Store& inner_;
  int fault_at_;
  bool abort_;
};

class CrashTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.Path("crash.db");
    app::InitOptions init{db_, testutil::SystemsDir() + "/fuling-2349.toml", "tester", "", "", ""};
    ASSERT_OK(app::InitDatabase(init));
    // 100 enterprises already registered, then a file that changes them all and adds 4,900.
    std::string first = "uscc,name,industry_code\n";
    for (int i = 0; i < 100; ++i)
      first += fmt::format("{},旧{},3841\n", testutil::CreditCode(i), i);
    testutil::WriteFile(dir_.Path("first.csv"), first);
    std::string second = "uscc,name,industry_code\n";
    for (int i = 0; i < 5000; ++i)
      second += fmt::format("{},新{},2614\n", testutil::CreditCode(i), i);
    testutil::WriteFile(dir_.Path("second.csv"), second);
    auto opened = testutil::OpenApp(db_, "tester");
    ASSERT_OK(opened);
    auto report = opened->Import("enterprises", dir_.Path("first.csv"));
    ASSERT_OK(report);
    ASSERT_TRUE(report->written);
  }

  void ExpectUntouched() {
    auto store = storage::OpenSqliteStore(db_);
    ASSERT_OK(store);
    auto all = (*store)->ListEnterprises({});
    ASSERT_OK(all);
    ASSERT_EQ(all->size(), 100u);
    for (const auto& e : *all) {
      EXPECT_EQ(e.name.substr(0, 3), "旧");
      EXPECT_EQ(e.industry_code, "3841");
    }
    auto batches = (*store)->ListImportBatches();
    ASSERT_OK(batches);
    EXPECT_EQ(batches->size(), 1u);
    auto audit = (*store)->ListAudit({"enterprise", "", 0});
    ASSERT_OK(audit);
    for (const auto& entry : *audit) EXPECT_NE(entry.action, "update");
  }

  Result<ingest::ImportReport> ImportThrough(int fault_at, bool abort) {
    auto store = storage::OpenSqliteStore(db_);
    if (!store) return Error(store.error());
    FaultyStore faulty(**store, fault_at, abort);
    ingest::ImportOptions options;
    options.actor = "tester";
    options.year = 2023;
    return ingest::ImportEnterprises(faulty, testutil::FulingSystem(), dir_.Path("second.csv"),
                                     options);
  }

  testutil::TempDir dir_;
  std::string db_;
};

TEST_F(CrashTest, AFailedWriteMidImportLeavesNothing) {
  auto report = ImportThrough(250, false);
  ASSERT_FALSE(report.has_value());
  EXPECT_NE(report.error().message().find("injected fault"), std::string::npos);
  EXPECT_NE(report.error().message().find("second.csv:251"), std::string::npos)
      << report.error().message();
  ExpectUntouched();
}

// The monthly facts go to a segment file before the transaction commits: a failure or a kill
// after the file is written must leave neither facts nor warnings, and the orphan file goes at
// the next write.
class MonthlyCrashTest : public CrashTest {
 protected:
  void SetUp() override {
    CrashTest::SetUp();
    std::string months = "uscc,period,output_value,value_added\n";
    for (int i = 0; i < 100; ++i) {
      for (int m = 1; m <= 6; ++m) {  // value added at 90 %: a warning per row
        months +=
            fmt::format("{},2023-{:02},{},{}\n", testutil::CreditCode(i), m, 100 + i + m, 90 + i);
      }
    }
    testutil::WriteFile(dir_.Path("months.csv"), months);
  }

  Result<ingest::ImportReport> ImportMonthsThrough(int fault_at, bool abort) {
    auto store = storage::OpenSqliteStore(db_);
    if (!store) return Error(store.error());
    FaultyStore faulty(**store, fault_at, abort);
    ingest::ImportOptions options;
    options.actor = "tester";
    return ingest::ImportMonthly(faulty, dir_.Path("months.csv"), options);
  }

  void ExpectNoMonths() {
    auto store = storage::OpenSqliteStore(db_);
    ASSERT_OK(store);
    auto facts = (*store)->CurrentMonthly({2023, 1}, {2023, 12});
    ASSERT_OK(facts);
    EXPECT_TRUE(facts->empty());
    auto warnings = (*store)->ListQualityWarnings({});
    ASSERT_OK(warnings);
    EXPECT_TRUE(warnings->empty());
    ExpectUntouched();
  }

  std::size_t SegmentFiles() const {
    std::size_t count = 0;
    std::error_code ignored;
    for (const auto& entry : std::filesystem::directory_iterator(db_ + ".facts", ignored)) {
      if (entry.path().extension() == ".seg") ++count;
    }
    return count;
  }
};

TEST_F(MonthlyCrashTest, AFailedWriteAfterTheFactsLeavesNothing) {
  auto report = ImportMonthsThrough(2, false);  // fails at the warnings, after the segment
  ASSERT_FALSE(report.has_value());
  EXPECT_NE(report.error().message().find("injected fault"), std::string::npos);
  ExpectNoMonths();
  EXPECT_EQ(SegmentFiles(), 0u);  // the rolled-back transaction deleted its file
}

TEST_F(MonthlyCrashTest, AKillAfterTheFactsLeavesTheDatabaseAsItWas) {
  EXPECT_DEATH((void)ImportMonthsThrough(2, true), "");
  EXPECT_EQ(SegmentFiles(), 1u);  // written and renamed, never committed
  ExpectNoMonths();
  // The next import commits its own segment and clears the orphan.
  auto report = ImportMonthsThrough(0, false);
  ASSERT_OK(report);
  EXPECT_EQ(report->inserted, 600u);
  EXPECT_EQ(SegmentFiles(), 1u);
}

TEST_F(CrashTest, AKillMidImportLeavesTheDatabaseAsItWas) {
  // The default ("fast") death-test style forks without exec, so the child works on this test's
  // database file; no connection is open across the fork. 4,000 rows with their audit rows are
  // enough for SQLite to spill uncommitted pages into the WAL before the abort.
  EXPECT_DEATH((void)ImportThrough(4000, true), "");
  ExpectUntouched();
}

}  // namespace
}  // namespace clusterscope
