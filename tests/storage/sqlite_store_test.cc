// SPDX-License-Identifier: LicenseRef-ClusterScope
#include <filesystem>

#include "testutil.h"
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "clusterscope/storage/store.h"

namespace clusterscope::storage {
namespace {

// The first column of the first row of `sql` on the database file at `path`, as text (for
// looking at tables the Store does not expose); empty, with a failure, if there is none.
std::string QueryText(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  std::string out;
  if (sqlite3_open(path.c_str(), &db) == SQLITE_OK) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0) != nullptr) {
      out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    } else {
      ADD_FAILURE() << "no row for: " << sql << " (" << sqlite3_errmsg(db) << ")";
    }
    sqlite3_finalize(stmt);
  } else {
    ADD_FAILURE() << "cannot open " << path;
  }
  sqlite3_close(db);
  return out;
}

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = testutil::OpenFulingStore(dir_.Path("test.db"));
    ASSERT_OK(store);
    store_ = std::move(*store);
  }

  model::Enterprise Sample(int n) const {
    model::Enterprise e;
    e.uscc = testutil::CreditCode(n);
    e.name = "企业" + std::to_string(n);
    e.industry_code = "3841";
    e.cluster = "L2";
    e.cluster_source = model::ClusterSource::kDerived;
    e.park = "GXQ";
    e.above_scale = {{2023, true}};
    return e;
  }

  Status Put(const model::Enterprise& e) {
    auto tx = store_->Begin("tester");
    if (!tx) return tx.error();
    auto change = (*tx)->PutEnterprise(e);
    if (!change) return change.error();
    return (*tx)->Commit();
  }

  testutil::TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(SqliteStoreTest, RoundTripsTheClusterSystem) {
  auto loaded = store_->LoadSystem();
  ASSERT_OK(loaded);
  ASSERT_TRUE(loaded->has_value());
  const auto& system = **loaded;
  const auto& shipped = testutil::FulingSystem();
  EXPECT_EQ(system.code, shipped.code);
  ASSERT_EQ(system.clusters.size(), 18u);
  for (std::size_t i = 0; i < shipped.clusters.size(); ++i) {
    EXPECT_EQ(system.clusters[i].code, shipped.clusters[i].code);
    EXPECT_EQ(system.clusters[i].classes.include, shipped.clusters[i].classes.include);
    EXPECT_EQ(system.clusters[i].classes.exclude, shipped.clusters[i].classes.exclude);
    EXPECT_EQ(system.clusters[i].by_enterprise.include, shipped.clusters[i].by_enterprise.include);
    EXPECT_EQ(system.clusters[i].parent_cluster, shipped.clusters[i].parent_cluster);
  }
  EXPECT_FALSE(system.FindCluster("L2")->by_enterprise.empty());  // stored, not only loaded
  EXPECT_EQ(system.high_tech_by_enterprise, shipped.high_tech_by_enterprise);
  EXPECT_EQ(system.parks.size(), 5u);
  EXPECT_EQ(system.groupings.at(0).categories.size(), 5u);
  EXPECT_EQ(system.designation_types.size(), shipped.designation_types.size());
  ASSERT_NE(system.parent, nullptr);
  EXPECT_EQ(system.parent->clusters.size(), shipped.parent->clusters.size());
  EXPECT_OK(system.Validate(core::IndustryClassification::Gbt4754()));
  auto version = store_->SchemaVersion();
  ASSERT_OK(version);
  EXPECT_EQ(*version, CurrentSchemaVersion());
}

TEST_F(SqliteStoreTest, InsertsUpdatesAndAuditsEveryChangedField) {
  ASSERT_OK(Put(Sample(1)));
  auto e = Sample(1);
  e.name = "新名字";
  e.park = "";
  e.above_scale = {{2023, true}, {2024, false}};
  {
    auto tx = store_->Begin("alice");
    ASSERT_OK(tx);
    auto change = (*tx)->PutEnterprise(e);
    ASSERT_OK(change);
    EXPECT_EQ(*change, Change::kUpdated);
    auto again = (*tx)->PutEnterprise(e);
    ASSERT_OK(again);
    EXPECT_EQ(*again, Change::kUnchanged);
    ASSERT_OK((*tx)->Commit());
  }
  auto stored = store_->GetEnterprise(e.uscc);
  ASSERT_OK(stored);
  ASSERT_TRUE(stored->has_value());
  EXPECT_EQ((*stored)->name, "新名字");
  EXPECT_EQ((*stored)->park, "");
  EXPECT_EQ((*stored)->above_scale, (std::map<int, bool>{{2023, true}, {2024, false}}));

  auto audit = store_->ListAudit({"", e.uscc, 0});
  ASSERT_OK(audit);
  std::map<std::string, AuditEntry> updates;
  for (const auto& entry : *audit) {
    if (entry.actor == "alice") updates[entry.entity + "." + entry.field] = entry;
  }
  ASSERT_EQ(updates.size(), 3u);
  EXPECT_EQ(updates["enterprise.name"].old_value, "企业1");
  EXPECT_EQ(updates["enterprise.name"].new_value, "新名字");
  EXPECT_EQ(updates["enterprise.park"].old_value, "GXQ");
  EXPECT_FALSE(updates["enterprise.park"].new_value.has_value());
  EXPECT_EQ(updates["enterprise_scale.2024"].action, "insert");
  EXPECT_EQ(updates["enterprise_scale.2024"].new_value, "0");
}

TEST_F(SqliteStoreTest, RollsBackAnUncommittedTransaction) {
  {
    auto tx = store_->Begin("tester");
    ASSERT_OK(tx);
    ASSERT_OK((*tx)->PutEnterprise(Sample(1)));
    ASSERT_OK((*tx)->PutEnterprise(Sample(2)));
  }  // destroyed without Commit
  auto count = store_->CountEnterprises();
  ASSERT_OK(count);
  EXPECT_EQ(*count, 0);
  auto audit = store_->ListAudit({"enterprise", "", 0});
  ASSERT_OK(audit);
  EXPECT_TRUE(audit->empty());
}

// The data version moves with every committed change: not for a rollback or an export record
// (caches keyed by it stay valid while people only read). A write of unchanged values may move
// it (it costs a cache refill, never a stale answer).
TEST_F(SqliteStoreTest, DataVersionMovesOnlyWhenDataChanges) {
  auto version = [&] {
    auto v = store_->DataVersion();
    EXPECT_TRUE(v.has_value());
    return v ? *v : -1;
  };
  const std::int64_t start = version();
  ASSERT_OK(Put(Sample(1)));
  EXPECT_EQ(version(), start + 1);
  {
    auto tx = store_->Begin("alice");
    ASSERT_OK(tx);
    ASSERT_OK((*tx)->RecordExport("enterprise", "search", "3 rows"));
    ASSERT_OK((*tx)->Commit());
  }
  EXPECT_EQ(version(), start + 1);
  {
    auto tx = store_->Begin("alice");
    ASSERT_OK(tx);
    auto e = Sample(2);
    ASSERT_OK((*tx)->PutEnterprise(e));
  }  // rolled back
  EXPECT_EQ(version(), start + 1);
  auto e = Sample(1);
  e.name = "改名";
  ASSERT_OK(Put(e));
  EXPECT_EQ(version(), start + 2);
}

// A benchmark re-imported: changed and dropped cells are kept as revisions of the new batch.
TEST_F(SqliteStoreTest, BenchmarksKeepWhatAReimportChanges) {
  const auto put = [&](const std::vector<BenchmarkCell>& cells) -> Result<BenchmarkWrite> {
    auto tx = store_->Begin("alice");
    if (!tx) return Error(tx.error());
    ImportBatch record;
    record.kind = "matrix";
    record.file = "b.csv";
    auto batch = (*tx)->AddImportBatch(record);
    if (!batch) return Error(batch.error());
    auto write = (*tx)->PutBenchmark("cq", cells);
    if (!write) return Error(write.error());
    CLUSTERSCOPE_RETURN_IF_ERROR((*tx)->Commit());
    return write;
  };
  auto first = put({{2024, "A", "3841", 10}, {2024, "A", "1371", 5}, {2024, "B", "3841", 7}});
  ASSERT_OK(first);
  EXPECT_EQ(first->inserted, 3u);
  auto second = put({{2024, "A", "3841", 12}, {2024, "B", "3841", 7}, {2025, "B", "3841", 9}});
  ASSERT_OK(second);
  EXPECT_EQ(second->inserted, 1u);
  EXPECT_EQ(second->updated, 1u);
  EXPECT_EQ(second->unchanged, 1u);
  EXPECT_EQ(second->removed, 1u);
  auto cells = store_->LoadBenchmark("cq");
  ASSERT_OK(cells);
  ASSERT_EQ(cells->size(), 3u);
  EXPECT_EQ((*cells)[0].region, "A");
  EXPECT_DOUBLE_EQ((*cells)[0].value, 12);
  auto held = store_->ListBenchmarks();
  ASSERT_OK(held);
  ASSERT_EQ(held->size(), 1u);
  EXPECT_EQ((*held)[0].first_year, 2024);
  EXPECT_EQ((*held)[0].last_year, 2025);
  EXPECT_EQ((*held)[0].regions, 2u);
  // The old 10 and the dropped 5 are kept.
  EXPECT_EQ(QueryText(dir_.Path("test.db"),
                      "SELECT group_concat(value, ',') FROM (SELECT value FROM "
                      "benchmark_revision ORDER BY value)"),
            "5.0,10.0");
  // Outside an import batch: refused.
  auto tx = store_->Begin("alice");
  ASSERT_OK(tx);
  EXPECT_FALSE((*tx)->PutBenchmark("cq", {}));
}

TEST_F(SqliteStoreTest, RefusesDanglingReferencesAtCommit) {
  auto e = Sample(1);
  e.cluster = "ZZ";
  auto tx = store_->Begin("tester");
  ASSERT_OK(tx);
  ASSERT_OK((*tx)->PutEnterprise(e));
  const Status status = (*tx)->Commit();
  EXPECT_EQ(status.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(status.message().find("cluster 'ZZ'"), std::string::npos) << status.message();
}

TEST_F(SqliteStoreTest, ReplacingTheSystemKeepsCodesInUse) {
  ASSERT_OK(Put(Sample(1)));
  auto smaller = testutil::FulingSystem();
  std::erase_if(smaller.clusters, [](const model::Cluster& c) { return c.code == "L2"; });
  auto tx = store_->Begin("tester");
  ASSERT_OK(tx);
  const Status status = (*tx)->ReplaceSystem(smaller);
  EXPECT_EQ(status.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(status.message().find("cluster 'L2' is still used by 1"), std::string::npos)
      << status.message();
  tx->reset();  // roll back
  auto loaded = store_->LoadSystem();
  ASSERT_OK(loaded);
  EXPECT_EQ((*loaded)->clusters.size(), 18u);
}

TEST_F(SqliteStoreTest, StoresDesignationsWithTheirHistory) {
  ASSERT_OK(Put(Sample(1)));
  model::Designation d{testutil::CreditCode(1),
                       "smart_factory",
                       *core::Date::Parse("2022-06-01"),
                       std::nullopt,
                       "municipal",
                       ""};
  auto tx = store_->Begin("tester");
  ASSERT_OK(tx);
  auto inserted = (*tx)->PutDesignation(d);
  ASSERT_OK(inserted);
  EXPECT_EQ(*inserted, Change::kInserted);
  d.withdrawn = *core::Date::Parse("2024-01-01");
  auto updated = (*tx)->PutDesignation(d);
  ASSERT_OK(updated);
  EXPECT_EQ(*updated, Change::kUpdated);
  ASSERT_OK((*tx)->Commit());

  auto active_2023 = store_->ListDesignations({"", "", *core::Date::Parse("2023-06-01")});
  ASSERT_OK(active_2023);
  EXPECT_EQ(active_2023->size(), 1u);
  auto active_2024 = store_->ListDesignations({"", "", *core::Date::Parse("2024-01-01")});
  ASSERT_OK(active_2024);
  EXPECT_TRUE(active_2024->empty());
}

TEST_F(SqliteStoreTest, KeepsSeriesValuesWithTheirRevisionsAndTheCurrentPlan) {
  for (const double gdp : {1504.0, 1504.0, 1511.2}) {  // a value, the same again, a revision
    auto tx = store_->Begin("tester");
    ASSERT_OK(tx);
    auto batch = (*tx)->AddImportBatch({0, "series", "s.csv", "", "", 1, 1, 0, {}, {}});
    ASSERT_OK(batch);
    auto change = (*tx)->PutSeriesValue({"gdp", 2022, 0, gdp, "区统计局"});
    ASSERT_OK(change);
    ASSERT_OK((*tx)->PutSeriesValue({"gdp", 2024, 6, 820.5, "区统计局"}));
    ASSERT_OK((*tx)->Commit());
  }
  auto values = store_->ListSeriesValues();
  ASSERT_OK(values);
  ASSERT_EQ(values->size(), 2u);
  EXPECT_EQ((*values)[0].value, 1511.2);
  EXPECT_EQ((*values)[1].PeriodText(), "2024-06");
  auto revisions = store_->ListSeriesRevisions("gdp");
  ASSERT_OK(revisions);
  ASSERT_EQ(revisions->size(), 1u);  // the unchanged import replaced nothing
  EXPECT_EQ((*revisions)[0].value.value, 1504.0);
  EXPECT_EQ((*revisions)[0].batch_id, 1);
  EXPECT_EQ((*revisions)[0].replaced_by_batch, 3);

  auto none = store_->LoadPlan(PlanKind::kTargets);
  ASSERT_OK(none);
  EXPECT_FALSE(none->has_value());
  for (const char* text : {"a = 1", "a = 2"}) {
    auto tx = store_->Begin("tester");
    ASSERT_OK(tx);
    ASSERT_OK((*tx)->PutPlan(PlanKind::kTargets, "plan.toml", text));
    ASSERT_OK((*tx)->Commit());
  }
  auto plan = store_->LoadPlan(PlanKind::kTargets);
  ASSERT_OK(plan);
  ASSERT_TRUE(plan->has_value());
  EXPECT_EQ((*plan)->second, "a = 2");
  // Each kind keeps its own current document (migration 0012 added the last two).
  {
    auto tx = store_->Begin("tester");
    ASSERT_OK(tx);
    ASSERT_OK((*tx)->PutPlan(PlanKind::kAnalytics, "analytics.toml", "region = \"x\""));
    ASSERT_OK((*tx)->PutPlan(PlanKind::kInputOutput, "io.csv", "sector,a,final_demand\n"));
    ASSERT_OK((*tx)->Commit());
  }
  for (const auto& [kind, text] :
       {std::pair{PlanKind::kTargets, "a = 2"}, std::pair{PlanKind::kAnalytics, "region = \"x\""},
        std::pair{PlanKind::kInputOutput, "sector,a,final_demand\n"}}) {
    auto kept = store_->LoadPlan(kind);
    ASSERT_OK(kept);
    ASSERT_TRUE(kept->has_value());
    EXPECT_EQ((*kept)->second, text);
  }
  EXPECT_FALSE(store_->LoadPlan(PlanKind::kChains)->has_value());
}

TEST_F(SqliteStoreTest, KeepsProjectsWithPhasesMovesAndAnAuditOfEveryField) {
  model::Project p;
  p.code = "LH";
  p.name = "二代高温超导电缆";
  p.stage = model::Stage::kSigned;
  p.reached[1] = *core::Date::Parse("2023-08-04");
  p.planned[4] = *core::Date::Parse("2024-08-01");
  p.phases.push_back({1, 8000, 5000, "km/年", 30000, std::nullopt});
  p.phases.push_back({2, 7000, 10000, "km/年", 60000, *core::Date::Parse("2026-01-01")});
  {
    auto tx = store_->Begin("tester");
    ASSERT_OK(tx);
    auto put = (*tx)->PutProject(p);
    ASSERT_OK(put);
    EXPECT_EQ(*put, Change::kInserted);
    ASSERT_OK((*tx)->Commit());
  }
  p.phases[1].annual_sales = 65000;
  model::ApplyMove(p, model::Stage::kRegistered, *core::Date::Parse("2023-10-01"));
  {
    auto tx = store_->Begin("tester");
    ASSERT_OK(tx);
    auto put = (*tx)->PutProject(p);
    ASSERT_OK(put);
    EXPECT_EQ(*put, Change::kUpdated);
    EXPECT_EQ(*(*tx)->PutProject(p), Change::kUnchanged);
    ASSERT_OK((*tx)->AddProjectMove(
        "LH", {model::Stage::kSigned, model::Stage::kRegistered, p.reached[2].value(), ""}));
    ASSERT_OK((*tx)->Commit());
  }
  auto projects = store_->ListProjects();
  ASSERT_OK(projects);
  ASSERT_EQ(projects->size(), 1u);
  const auto& stored = projects->front();
  EXPECT_EQ(stored.stage, model::Stage::kRegistered);
  ASSERT_EQ(stored.phases.size(), 2u);
  EXPECT_EQ(*stored.phases[1].annual_sales, 65000);
  EXPECT_EQ(stored.phases[1].capacity_unit, "km/年");
  EXPECT_EQ(stored.planned[4]->ToString(), "2024-08-01");
  auto moves = store_->ListProjectMoves("LH");
  ASSERT_OK(moves);
  ASSERT_EQ(moves->size(), 1u);
  EXPECT_EQ((*moves)[0].actor, "tester");
  auto audit = store_->ListAudit({"project", "LH", 0});
  ASSERT_OK(audit);
  std::map<std::string, std::pair<std::string, std::string>> updates;
  for (const auto& a : *audit) {
    if (a.action == "update")
      updates[a.field] = {a.old_value.value_or(""), a.new_value.value_or("")};
  }
  EXPECT_EQ(updates["phase2.annual_sales"],
            std::make_pair(std::string("60000"), std::string("65000")));
  EXPECT_EQ(updates["stage"], std::make_pair(std::string("signed"), std::string("registered")));
  EXPECT_EQ(updates["registered_date"].second, "2023-10-01");
}

TEST_F(SqliteStoreTest, KeepsRelationsAndProspectsAuditingChanges) {
  for (double value : {100.0, 120.0}) {
    auto tx = store_->Begin("tester");
    ASSERT_OK(tx);
    ASSERT_OK((*tx)->PutSupplyRelation({"B", "S", 2025, 0, value}));
    ASSERT_OK((*tx)->PutProspect({"P", "某正极材料公司", "3985", "湖南", value, "磷酸铁锂"}));
    ASSERT_OK((*tx)->Commit());
  }
  auto relations = store_->ListSupplyRelations();
  ASSERT_OK(relations);
  ASSERT_EQ(relations->size(), 1u);
  EXPECT_EQ((*relations)[0].value, 120);
  auto prospects = store_->ListProspects();
  ASSERT_OK(prospects);
  ASSERT_EQ(prospects->size(), 1u);
  EXPECT_EQ(*(*prospects)[0].revenue, 120);
  auto audit = store_->ListAudit({"supply_relation", "B/S/2025", 0});
  ASSERT_OK(audit);
  ASSERT_EQ(audit->size(), 2u);
  EXPECT_EQ(audit->front().old_value.value_or(""), "100");  // newest first: the update
}

TEST_F(SqliteStoreTest, FiltersEnterprises) {
  for (int n = 1; n <= 4; ++n) {
    auto e = Sample(n);
    if (n % 2 == 0) {
      e.industry_code = "2614";
      e.cluster = "L1";
      e.park = "BT";
      e.above_scale = {{2023, false}};
    }
    ASSERT_OK(Put(e));
  }
  auto by_cluster = store_->ListEnterprises({"L1", "", "", "", "", std::nullopt, 0});
  ASSERT_OK(by_cluster);
  EXPECT_EQ(by_cluster->size(), 2u);
  auto by_industry = store_->ListEnterprises({"", "", "", "38", "", std::nullopt, 0});
  ASSERT_OK(by_industry);
  EXPECT_EQ(by_industry->size(), 2u);
  auto above = store_->ListEnterprises({"", "", "", "", "", 2023, 0});
  ASSERT_OK(above);
  EXPECT_EQ(above->size(), 2u);
  EXPECT_EQ(above->front().above_scale.at(2023), true);
  auto named = store_->ListEnterprises({"", "", "", "", "企业3", std::nullopt, 0});
  ASSERT_OK(named);
  ASSERT_EQ(named->size(), 1u);
  auto hostile = store_->ListEnterprises({"' OR 1=1 --", "", "", "", "", std::nullopt, 0});
  ASSERT_OK(hostile);
  EXPECT_TRUE(hostile->empty());
}

TEST(SqliteStoreOpenTest, RefusesFilesThatAreNotOurs) {
  testutil::TempDir dir;
  testutil::WriteFile(dir.Path("text.db"), "this is not a database, just text long enough\n");
  auto text = OpenSqliteStore(dir.Path("text.db"));
  ASSERT_FALSE(text.has_value());
  EXPECT_EQ(text.error().code(), Status::Code::kInvalidArgument);

  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(dir.Path("other.db").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE t (x)", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  auto other = OpenSqliteStore(dir.Path("other.db"));
  ASSERT_FALSE(other.has_value());
  EXPECT_NE(other.error().message().find("another program"), std::string::npos);
}

TEST(SqliteStoreOpenTest, RefusesANewerSchema) {
  testutil::TempDir dir;
  {
    auto store = OpenSqliteStore(dir.Path("x.db"));
    ASSERT_OK(store);
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(dir.Path("x.db").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "INSERT INTO schema_migrations VALUES (999, 'future')", nullptr,
                         nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto store = OpenSqliteStore(dir.Path("x.db"));
  ASSERT_FALSE(store.has_value());
  EXPECT_NE(store.error().message().find("schema 999"), std::string::npos);
}

TEST(SqliteStoreOpenTest, WorksInMemory) {
  auto store = OpenSqliteStore(":memory:");
  ASSERT_OK(store);
  auto system = (*store)->LoadSystem();
  ASSERT_OK(system);
  EXPECT_FALSE(system->has_value());
}

}  // namespace
}  // namespace clusterscope::storage

namespace clusterscope::storage {
namespace {

void Exec(sqlite3* db, const std::string& sql) {
  char* error = nullptr;
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK) << error;
}

// A database written by schema 3 kept monthly facts as rows; opening it moves them into one
// segment per batch, current values and revisions alike, and drops the old tables.
TEST(SqliteStoreMigrationTest, MovesMonthlyRowsIntoSegments) {
  testutil::TempDir dir;
  const std::string path = dir.Path("old.db");
  const std::string a = testutil::CreditCode(1);
  {
    auto store = testutil::OpenFulingStore(path);
    ASSERT_OK(store);
    auto tx = (*store)->Begin("tester");
    ASSERT_OK(tx);
    model::Enterprise e;
    e.uscc = a;
    e.name = "甲";
    e.industry_code = "3841";
    ASSERT_OK((*tx)->PutEnterprise(e));
    ASSERT_OK((*tx)->Commit());
  }
  // Back to schema 3, as a database of the previous release would be.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  Exec(db,
       "DROP TABLE fact_segment; DROP TABLE price_index; DROP TABLE enterprise_list; DROP TABLE "
       "plan_document; DROP TABLE project_phase; DROP TABLE project_move; DROP TABLE project; "
       "DROP TABLE supply_relation; DROP TABLE prospect; DROP TABLE app_user; DROP TABLE "
       "app_session; DROP TABLE "
       "series_value; DROP TABLE "
       "series_revision; DROP TABLE data_version; DROP TABLE benchmark_revision; DROP TABLE "
       "benchmark_cell; ALTER TABLE quality_warning DROP COLUMN message_zh; "
       "ALTER TABLE designation_type DROP COLUMN term_years; ALTER TABLE enterprise DROP COLUMN "
       "high_tech; DROP TABLE high_tech_by_enterprise; DROP TABLE import_profile; DELETE FROM "
       "schema_migrations WHERE "
       "version >= 4;"
       "CREATE TABLE monthly_fact (uscc TEXT NOT NULL, period INTEGER NOT NULL, output_value "
       "REAL, value_added REAL, revenue REAL, profit REAL, rd_expense REAL, new_product_revenue "
       "REAL, export_value REAL, energy_tce REAL, employees REAL, batch_id INTEGER NOT NULL, "
       "PRIMARY KEY (uscc, period)) WITHOUT ROWID;"
       "CREATE TABLE monthly_revision (id INTEGER PRIMARY KEY, uscc TEXT NOT NULL, period "
       "INTEGER NOT NULL, output_value REAL, value_added REAL, revenue REAL, profit REAL, "
       "rd_expense REAL, new_product_revenue REAL, export_value REAL, energy_tce REAL, employees "
       "REAL, batch_id INTEGER NOT NULL, replaced_by INTEGER NOT NULL);"
       "INSERT INTO import_batch (id, kind, file, at, actor, rows_read, rows_written, "
       "rows_rejected) VALUES (1, 'monthly', 'a.csv', '2026-01-01T00:00:00Z', 'x', 2, 2, 0), "
       "(2, 'monthly', 'b.csv', '2026-02-01T00:00:00Z', 'y', 1, 1, 0);");
  Exec(db, fmt::format("INSERT INTO monthly_fact (uscc, period, output_value, profit, batch_id) "
                       "VALUES ('{0}', 202301, 100, -5, 1), ('{0}', 202302, 115, NULL, 2);"
                       "INSERT INTO monthly_revision (uscc, period, output_value, batch_id, "
                       "replaced_by) VALUES ('{0}', 202302, 110, 1, 2);",
                       a));
  sqlite3_close(db);

  auto store = OpenSqliteStore(path);
  ASSERT_OK(store);
  auto version = (*store)->SchemaVersion();
  ASSERT_OK(version);
  EXPECT_EQ(*version, CurrentSchemaVersion());
  auto facts = (*store)->ListMonthly(a, std::nullopt);
  ASSERT_OK(facts);
  ASSERT_EQ(facts->size(), 2u);
  EXPECT_EQ((*facts)[0].record[model::Measure::kOutputValue], 100);
  EXPECT_EQ((*facts)[0].record[model::Measure::kProfit], -5);
  EXPECT_FALSE((*facts)[0].record[model::Measure::kRevenue].has_value());  // missing stays so
  EXPECT_EQ((*facts)[1].record[model::Measure::kOutputValue], 115);
  EXPECT_EQ((*facts)[1].batch_id, 2);
  auto revisions = (*store)->ListRevisions(a, core::Period{2023, 2});
  ASSERT_OK(revisions);
  ASSERT_EQ(revisions->size(), 1u);
  EXPECT_EQ(revisions->front().record[model::Measure::kOutputValue], 110);
  EXPECT_EQ(revisions->front().batch_id, 1);
  EXPECT_EQ(revisions->front().replaced_by, 2);
  EXPECT_EQ(QueryText(path,
                      "SELECT count(*) FROM sqlite_schema WHERE name IN ('monthly_fact', "
                      "'monthly_revision')"),
            "0");
}

// The segment file is checked when it is opened: a truncated or altered file is DataLoss, not
// wrong figures.
TEST(SqliteStoreMigrationTest, RefusesDamagedSegments) {
  testutil::TempDir dir;
  const std::string path = dir.Path("s.db");
  const std::string a = testutil::CreditCode(1);
  {
    auto store = testutil::OpenFulingStore(path);
    ASSERT_OK(store);
    auto tx = (*store)->Begin("tester");
    model::Enterprise e;
    e.uscc = a;
    e.name = "甲";
    e.industry_code = "3841";
    ASSERT_OK((*tx)->PutEnterprise(e));
    ASSERT_OK((*tx)->AddImportBatch({0, "monthly", "m.csv", "", "", 1, 1, 0, {}, {}}));
    model::MonthlyPanel panel;
    model::MonthlyRecord r;
    r.uscc = a;
    r.period = {2023, 1};
    r[model::Measure::kOutputValue] = 100;
    panel.Add(r);
    auto written = (*tx)->PutMonthlyPanel(std::move(panel));
    ASSERT_OK(written);
    EXPECT_EQ(written->inserted, 1u);
    ASSERT_OK((*tx)->Commit());
  }
  std::string segment;
  for (const auto& entry : std::filesystem::directory_iterator(path + ".facts")) {
    segment = entry.path().string();
  }
  ASSERT_FALSE(segment.empty());
  std::string bytes = testutil::ReadFile(segment);
  {
    auto store = OpenSqliteStore(path);
    ASSERT_OK(store);
    auto checked = (*store)->VerifyMonthly();
    ASSERT_OK(checked);
    EXPECT_EQ(checked->first, 1);
    EXPECT_EQ(checked->second, static_cast<std::int64_t>(bytes.size()));
  }
  // A flipped bit in a value: the layout holds, the checksum does not.
  std::string flipped = bytes;
  flipped[flipped.size() - 20] = static_cast<char>(flipped[flipped.size() - 20] ^ 1);
  testutil::WriteFile(segment, flipped);
  {
    auto store = OpenSqliteStore(path);
    ASSERT_OK(store);
    auto checked = (*store)->VerifyMonthly();
    ASSERT_FALSE(checked.has_value());
    EXPECT_EQ(checked.error().code(), Status::Code::kDataLoss);
    EXPECT_NE(checked.error().message().find("checksum"), std::string::npos);
  }
  testutil::WriteFile(segment, bytes.substr(0, bytes.size() - 3));
  auto store = OpenSqliteStore(path);
  ASSERT_OK(store);
  auto facts = (*store)->ListMonthly(a, std::nullopt);
  ASSERT_FALSE(facts.has_value());
  EXPECT_EQ(facts.error().code(), Status::Code::kDataLoss);
  EXPECT_NE(facts.error().message().find("truncated"), std::string::npos)
      << facts.error().message();
}

}  // namespace
}  // namespace clusterscope::storage
