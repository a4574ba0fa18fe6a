// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The SQLite backend of Store: one database file in WAL mode with foreign keys on. Writes go
// through one IMMEDIATE transaction at a time, and each put diffs the new record against the
// stored one to write the audit rows in the same transaction.
#include <ctime>
#include <map>
#include <set>

#include "benchmarks.h"
#include "chain_work.h"
#include "connection.h"
#include "import_profiles.h"
#include "monthly.h"
#include "system.h"
#include "users.h"
#include <fmt/format.h>

#include "clusterscope/storage/store.h"

namespace clusterscope::embedded {
extern const std::string_view kMigration0001;
extern const std::string_view kMigration0002;
extern const std::string_view kMigration0003;
extern const std::string_view kMigration0004;
extern const std::string_view kMigration0005;
extern const std::string_view kMigration0006;
extern const std::string_view kMigration0007;
extern const std::string_view kMigration0008;
extern const std::string_view kMigration0009;
extern const std::string_view kMigration0010;
extern const std::string_view kMigration0011;
extern const std::string_view kMigration0012;
extern const std::string_view kMigration0013;
extern const std::string_view kMigration0014;
extern const std::string_view kMigration0015;
extern const std::string_view kMigration0016;
extern const std::string_view kMigration0017;
extern const std::string_view kMigration0018;
}  // namespace clusterscope::embedded

namespace clusterscope::storage {
namespace {

using sqlite::Connection;
using sqlite::NonEmpty;
using sqlite::Statement;

struct Migration {
  int version;
  std::string_view sql;
  // Data the SQL cannot move, run after it in the same transaction.
  Status (*then)(Connection&, facts::SegmentDirectory&) = nullptr;
};

// Applied in order; append only. A migration never edits an earlier one.
const Migration kMigrations[] = {
    {1, embedded::kMigration0001},  {2, embedded::kMigration0002},
    {3, embedded::kMigration0003},  {4, embedded::kMigration0004, &sqlite::MoveFactsToSegments},
    {5, embedded::kMigration0005},  {6, embedded::kMigration0006},
    {7, embedded::kMigration0007},  {8, embedded::kMigration0008},
    {9, embedded::kMigration0009},  {10, embedded::kMigration0010},
    {11, embedded::kMigration0011}, {12, embedded::kMigration0012},
    {13, embedded::kMigration0013}, {14, embedded::kMigration0014},
    {15, embedded::kMigration0015}, {16, embedded::kMigration0016},
    {17, embedded::kMigration0017}, {18, embedded::kMigration0018},
};

std::string NowUtc() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

std::string FormatNumber(double value) { return fmt::format("{}", value); }

// The audited fields of an enterprise as text; nullopt means "no value".
std::vector<std::pair<std::string_view, std::optional<std::string>>> AuditedFields(
    const model::Enterprise& e) {
  return {
      {"name", e.name},
      {"industry_code", e.industry_code},
      {"cluster", NonEmpty(e.cluster)},
      {"cluster_source", std::string(model::ClusterSourceName(e.cluster_source))},
      {"park", NonEmpty(e.park)},
      {"town", NonEmpty(e.town)},
      {"founded", e.founded ? std::optional<std::string>(e.founded->ToString()) : std::nullopt},
      {"listed", e.listed ? std::optional<std::string>(*e.listed ? "1" : "0") : std::nullopt},
      {"strategic_emerging", NonEmpty(e.strategic_emerging)},
      {"land_km2",
       e.land_km2 ? std::optional<std::string>(FormatNumber(*e.land_km2)) : std::nullopt},
      {"high_tech",
       e.high_tech ? std::optional<std::string>(*e.high_tech ? "1" : "0") : std::nullopt},
  };
}

std::vector<std::pair<std::string_view, std::optional<std::string>>> AuditedFields(
    const model::Designation& d) {
  return {
      {"withdrawn",
       d.withdrawn ? std::optional<std::string>(d.withdrawn->ToString()) : std::nullopt},
      {"level", NonEmpty(d.level)},
      {"note", NonEmpty(d.note)},
  };
}

constexpr std::string_view kEnterpriseColumns =
    "uscc, name, industry_code, cluster_code, cluster_source, park_code, town_code, founded, "
    "listed, strategic_emerging, land_km2, high_tech";

Result<model::Enterprise> ReadEnterprise(const Statement& stmt) {
  model::Enterprise e;
  e.uscc = stmt.Text(0);
  e.name = stmt.Text(1);
  e.industry_code = stmt.Text(2);
  e.cluster = stmt.Text(3);
  e.cluster_source = model::ParseClusterSource(stmt.Text(4)).value_or(model::ClusterSource::kNone);
  e.park = stmt.Text(5);
  e.town = stmt.Text(6);
  if (auto founded = stmt.OptionalText(7)) {
    auto date = core::Date::Parse(*founded);
    if (!date)
      return Error(Status::DataLoss(
          fmt::format("enterprise {}: stored founding date: {}", e.uscc, date.error().message())));
    e.founded = *date;
  }
  if (auto listed = stmt.OptionalInt(8)) e.listed = *listed != 0;
  e.strategic_emerging = stmt.Text(9);
  e.land_km2 = stmt.OptionalReal(10);
  if (auto high_tech = stmt.OptionalInt(11)) e.high_tech = *high_tech != 0;
  return e;
}

Status LoadScales(Connection& db, std::string_view uscc, model::Enterprise& e) {
  auto stmt = db.Cached("SELECT year, above_scale FROM enterprise_scale WHERE uscc = ?");
  if (!stmt) return stmt.error();
  (*stmt)->Bind(1, uscc);
  CLUSTERSCOPE_RETURN_IF_ERROR(ForEachRow(
      **stmt, [&] { e.above_scale[static_cast<int>((*stmt)->Int(0))] = (*stmt)->Int(1) != 0; }));
  return Status::Ok();
}

Result<std::optional<model::Enterprise>> GetEnterpriseFrom(Connection& db, std::string_view uscc) {
  auto stmt =
      db.Cached(fmt::format("SELECT {} FROM enterprise WHERE uscc = ?", kEnterpriseColumns));
  if (!stmt) return Error(stmt.error());
  (*stmt)->Bind(1, uscc);
  auto row = (*stmt)->Step();
  if (!row) return Error(row.error());
  if (!*row) return std::optional<model::Enterprise>();
  auto e = ReadEnterprise(**stmt);
  (*stmt)->Reset();  // done with it before LoadScales runs its own
  if (!e) return Error(e.error());
  CLUSTERSCOPE_RETURN_IF_ERROR(LoadScales(db, uscc, *e));
  return std::optional<model::Enterprise>(std::move(*e));
}

Status RunMigrations(Connection& db, facts::SegmentDirectory& dir) {
  CLUSTERSCOPE_RETURN_IF_ERROR(
      db.Exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
              "applied_at TEXT NOT NULL)"));
  auto current = db.Prepare("SELECT coalesce(max(version), 0) FROM schema_migrations");
  if (!current) return current.error();
  auto row = current->Step();
  if (!row) return row.error();
  const auto version = static_cast<int>(current->Int(0));
  current->Reset();  // an active statement would keep a migration from dropping tables
  if (version > CurrentSchemaVersion()) {
    return Status::InvalidArgument(fmt::format(
        "the database is at schema {} but this program knows only up to {}; use a newer "
        "clusterscope",
        version, CurrentSchemaVersion()));
  }
  for (const auto& migration : kMigrations) {
    if (migration.version <= version) continue;
    CLUSTERSCOPE_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
    Status status = db.Exec(migration.sql);
    if (status.ok() && migration.then != nullptr) status = migration.then(db, dir);
    if (status.ok()) {
      auto record = db.Prepare("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)");
      status = record ? record->Bind(1, std::int64_t{migration.version}).Bind(2, NowUtc()).Run()
                      : record.error();
    }
    if (!status.ok()) {
      (void)db.Exec("ROLLBACK");
      return status.WithContext(fmt::format("applying migration {:04}", migration.version));
    }
    CLUSTERSCOPE_RETURN_IF_ERROR(db.Exec("COMMIT"));
  }
  return Status::Ok();
}

class SqliteTransaction final : public Transaction {
 public:
  SqliteTransaction(Connection& db, facts::SegmentDirectory& dir, std::string actor)
      : db_(db),
        dir_(dir),
        actor_(std::move(actor)),
        changes_at_begin_(sqlite3_total_changes64(db.handle())) {}
  ~SqliteTransaction() override {
    if (committed_) return;
    (void)db_.Exec("ROLLBACK");
    if (!segment_file_.empty()) dir_.Remove(segment_file_);  // no committed row names it
  }
  SqliteTransaction(const SqliteTransaction&) = delete;
  SqliteTransaction& operator=(const SqliteTransaction&) = delete;

  Status ReplaceSystem(const model::ClusterSystem& system) override;
  Result<std::int64_t> AddImportBatch(const ImportBatch& batch) override;
  Result<Change> PutEnterprise(const model::Enterprise& enterprise) override;
  Result<Change> PutDesignation(const model::Designation& designation) override;
  Result<MonthlyWrite> PutMonthlyPanel(model::MonthlyPanel panel) override {
    if (!batch_id_) {
      return Error(Status::InvalidArgument("monthly facts are written as part of an import batch"));
    }
    if (!segment_file_.empty()) {
      return Error(Status::InvalidArgument("an import batch writes one panel of monthly facts"));
    }
    return sqlite::PutMonthlyPanel(db_, dir_, std::move(panel), *batch_id_, segment_file_);
  }
  Result<Change> PutPriceIndex(const model::PriceIndex& index) override {
    auto old = db_.Cached("SELECT value FROM price_index WHERE division = ? AND period = ?");
    if (!old) return Error(old.error());
    (*old)->Bind(1, index.division).Bind(2, std::int64_t{index.period.Code()});
    auto row = (*old)->Step();
    if (!row) return Error(row.error());
    const bool existed = *row;
    const double before = existed ? (*old)->OptionalReal(0).value_or(0) : 0.0;
    (*old)->Reset();
    if (existed && before == index.index) return Change::kUnchanged;
    auto put = db_.Cached(
        "INSERT INTO price_index (division, period, value, batch_id) VALUES (?, ?, ?, ?) ON "
        "CONFLICT (division, period) DO UPDATE SET value = excluded.value, batch_id = "
        "excluded.batch_id");
    if (!put) return Error(put.error());
    (*put)->Bind(1, index.division).Bind(2, std::int64_t{index.period.Code()});
    (*put)->Bind(3, index.index).Bind(4, batch_id_);
    CLUSTERSCOPE_RETURN_IF_ERROR((*put)->Run());
    CLUSTERSCOPE_RETURN_IF_ERROR(
        Audit(existed ? "update" : "insert", "price_index",
              fmt::format("{}/{}", index.division, index.period.ToString()), "value",
              existed ? std::optional<std::string>(FormatNumber(before)) : std::nullopt,
              FormatNumber(index.index)));
    return existed ? Change::kUpdated : Change::kInserted;
  }
  Result<Change> PutSeriesValue(const model::SeriesValue& value) override {
    auto old = db_.Cached(
        "SELECT value, source, batch_id FROM series_value WHERE series = ? AND year = ? AND "
        "month = ?");
    if (!old) return Error(old.error());
    (*old)
        ->Bind(1, value.series)
        .Bind(2, std::int64_t{value.year})
        .Bind(3, std::int64_t{value.month});
    auto row = (*old)->Step();
    if (!row) return Error(row.error());
    const bool existed = *row;
    const double before = existed ? (*old)->OptionalReal(0).value_or(0) : 0.0;
    const std::string before_source = existed ? (*old)->Text(1) : "";
    const std::optional<std::int64_t> before_batch =
        existed ? (*old)->OptionalInt(2) : std::nullopt;
    (*old)->Reset();
    if (existed && before == value.value && before_source == value.source) {
      return Change::kUnchanged;
    }
    if (existed) {
      auto keep = db_.Cached(
          "INSERT INTO series_revision (series, year, month, value, source, batch_id, "
          "replaced_by_batch) VALUES (?, ?, ?, ?, ?, ?, ?)");
      if (!keep) return Error(keep.error());
      (*keep)->Bind(1, value.series).Bind(2, std::int64_t{value.year});
      (*keep)->Bind(3, std::int64_t{value.month}).Bind(4, before).Bind(5, before_source);
      (*keep)->Bind(6, before_batch).Bind(7, batch_id_);
      CLUSTERSCOPE_RETURN_IF_ERROR((*keep)->Run());
    }
    auto put = db_.Cached(
        "INSERT INTO series_value (series, year, month, value, source, batch_id) VALUES (?, ?, "
        "?, ?, ?, ?) ON CONFLICT (series, year, month) DO UPDATE SET value = excluded.value, "
        "source = excluded.source, batch_id = excluded.batch_id");
    if (!put) return Error(put.error());
    (*put)->Bind(1, value.series).Bind(2, std::int64_t{value.year});
    (*put)->Bind(3, std::int64_t{value.month}).Bind(4, value.value).Bind(5, value.source);
    (*put)->Bind(6, batch_id_);
    CLUSTERSCOPE_RETURN_IF_ERROR((*put)->Run());
    CLUSTERSCOPE_RETURN_IF_ERROR(
        Audit(existed ? "update" : "insert", "series_value",
              fmt::format("{}/{}", value.series, value.PeriodText()), "value",
              existed ? std::optional<std::string>(FormatNumber(before)) : std::nullopt,
              FormatNumber(value.value)));
    return existed ? Change::kUpdated : Change::kInserted;
  }
  Status PutPlan(PlanKind kind, const std::string& file, const std::string& text) override {
    return sqlite::PutPlan(db_, kind, file, text, at_, actor_, AuditFunction());
  }
  Result<Change> PutProject(const model::Project& project) override {
    return sqlite::PutProject(db_, project, AuditFunction());
  }
  Status AddProjectMove(std::string_view project, const model::StageMove& move) override {
    return sqlite::AddProjectMove(db_, project, move, at_, actor_);
  }
  Result<Change> PutSupplyRelation(const model::SupplyRelation& relation) override {
    return sqlite::PutSupplyRelation(db_, relation, batch_id_, AuditFunction());
  }
  Result<BenchmarkWrite> PutBenchmark(std::string_view name,
                                      const std::vector<BenchmarkCell>& cells) override {
    if (!batch_id_) {
      return Error(Status::InvalidArgument("a benchmark is written as part of an import batch"));
    }
    return sqlite::PutBenchmark(db_, name, cells, *batch_id_, AuditFunction());
  }
  Result<Change> PutProspect(const model::Prospect& prospect) override {
    return sqlite::PutProspect(db_, prospect, batch_id_, AuditFunction());
  }
  Result<Change> PutUser(const model::User& user) override {
    return sqlite::PutUser(db_, user, at_, AuditFunction());
  }
  Status PutImportProfile(const StoredImportProfile& profile) override {
    return sqlite::PutImportProfile(db_, profile, at_, actor_, AuditFunction());
  }
  Status DeleteImportProfile(std::string_view name) override {
    return sqlite::DeleteImportProfile(db_, name, AuditFunction());
  }
  Status DeleteUser(std::string_view name) override {
    return sqlite::DeleteUser(db_, name, AuditFunction());
  }
  Status RecordExport(std::string_view entity, std::string_view key,
                      std::string_view detail) override {
    ++exports_;  // one audit row: not a change of data
    return Audit("export", entity, key, "rows", std::nullopt, std::string(detail));
  }
  Status PutEnterpriseList(const std::string& name,
                           const std::vector<std::string>& usccs) override {
    auto count = db_.Prepare("SELECT count(*) FROM enterprise_list WHERE name = ?");
    if (!count) return count.error();
    count->Bind(1, name);
    auto row = count->Step();
    if (!row) return row.error();
    const std::int64_t before = count->Int(0);
    count->Reset();
    auto clear = db_.Prepare("DELETE FROM enterprise_list WHERE name = ?");
    if (!clear) return clear.error();
    clear->Bind(1, name);
    CLUSTERSCOPE_RETURN_IF_ERROR(clear->Run());
    auto insert = db_.Prepare("INSERT OR IGNORE INTO enterprise_list (name, uscc) VALUES (?, ?)");
    if (!insert) return insert.error();
    for (const auto& uscc : usccs) {
      insert->Reset();
      insert->Bind(1, name).Bind(2, uscc);
      CLUSTERSCOPE_RETURN_IF_ERROR(insert->Run());
    }
    return Audit(
        before == 0 ? "insert" : (usccs.empty() ? "delete" : "update"), "list", name, "enterprises",
        before == 0 ? std::nullopt : std::optional<std::string>(std::to_string(before)),
        usccs.empty() ? std::nullopt : std::optional<std::string>(std::to_string(usccs.size())));
  }
  Status PutQualityWarnings(const std::vector<model::QualityWarning>& warnings) override {
    if (!batch_id_) {
      return Status::InvalidArgument("quality warnings are written as part of an import batch");
    }
    return sqlite::PutQualityWarnings(db_, warnings, *batch_id_);
  }
  Status ConfirmQualityWarning(std::int64_t id, std::string_view note) override {
    CLUSTERSCOPE_RETURN_IF_ERROR(sqlite::ConfirmQualityWarning(db_, id, note, at_, actor_));
    return Audit("update", "quality_warning", std::to_string(id), "status", "open", "confirmed");
  }
  Result<UndoResult> UndoBatch(std::int64_t batch_id) override {
    auto result = sqlite::UndoMonthlyBatch(db_, dir_, batch_id, at_, actor_);
    if (!result) return result;
    CLUSTERSCOPE_RETURN_IF_ERROR(
        Audit("delete", "import_batch", std::to_string(batch_id), "undo", std::nullopt,
              fmt::format("restored {}, removed {}", result->restored, result->removed)));
    return result;
  }
  Result<std::optional<model::Enterprise>> GetEnterprise(std::string_view uscc) override {
    return GetEnterpriseFrom(db_, uscc);
  }
  Status Commit() override;

 private:
  Status Audit(std::string_view action, std::string_view entity, std::string_view key,
               std::string_view field, const std::optional<std::string>& old_value,
               const std::optional<std::string>& new_value);
  sqlite::AuditFn AuditFunction() {
    return [this](std::string_view action, std::string_view entity, std::string_view key,
                  std::string_view field, const std::optional<std::string>& old_value,
                  const std::optional<std::string>& new_value) {
      return Audit(action, entity, key, field, old_value, new_value);
    };
  }

  Connection& db_;                // borrowed from the store, which outlives the transaction
  facts::SegmentDirectory& dir_;  // likewise
  std::string actor_;
  std::int64_t changes_at_begin_;  // sqlite3_total_changes64 when the transaction began
  std::int64_t exports_ = 0;       // export rows written (they change no data)
  std::string at_ = NowUtc();      // one time stamp for the whole transaction
  std::optional<std::int64_t> batch_id_;
  std::optional<Statement> audit_stmt_;  // prepared on first use
  std::string segment_file_;             // the fact segment this transaction wrote
  bool committed_ = false;
};

Status SqliteTransaction::Audit(std::string_view action, std::string_view entity,
                                std::string_view key, std::string_view field,
                                const std::optional<std::string>& old_value,
                                const std::optional<std::string>& new_value) {
  if (!audit_stmt_) {
    auto stmt = db_.Prepare(
        "INSERT INTO audit_log (at, actor, action, entity, entity_key, field, old_value, "
        "new_value, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!stmt) return stmt.error();
    audit_stmt_.emplace(std::move(*stmt));
  }
  audit_stmt_->Reset();
  audit_stmt_->Bind(1, at_).Bind(2, actor_).Bind(3, action).Bind(4, entity).Bind(5, key);
  audit_stmt_->Bind(6, field).Bind(7, old_value).Bind(8, new_value).Bind(9, batch_id_);
  return audit_stmt_->Run();
}

Status SqliteTransaction::ReplaceSystem(const model::ClusterSystem& system) {
  auto old_code = PrimarySystemCode(db_);
  if (!old_code) return old_code.error();
  CLUSTERSCOPE_RETURN_IF_ERROR(ReplaceSystemRows(db_, system));
  return Audit(*old_code ? "update" : "insert", "system", system.code, "", *old_code, system.code);
}

Result<std::int64_t> SqliteTransaction::AddImportBatch(const ImportBatch& batch) {
  auto stmt = db_.Prepare(
      "INSERT INTO import_batch (kind, file, at, actor, rows_read, rows_written, rows_rejected) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  if (!stmt) return Error(stmt.error());
  stmt->Bind(1, batch.kind).Bind(2, batch.file).Bind(3, at_).Bind(4, actor_);
  stmt->Bind(5, batch.rows_read).Bind(6, batch.rows_written).Bind(7, batch.rows_rejected);
  CLUSTERSCOPE_RETURN_IF_ERROR(stmt->Run());
  batch_id_ = db_.LastInsertRowId();
  return *batch_id_;
}

Result<Change> SqliteTransaction::PutEnterprise(const model::Enterprise& e) {
  auto old = GetEnterpriseFrom(db_, e.uscc);
  if (!old) return Error(old.error());

  auto stmt = db_.Cached(fmt::format(
      "INSERT INTO enterprise ({}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (uscc) DO UPDATE SET name = excluded.name, industry_code = "
      "excluded.industry_code, cluster_code = excluded.cluster_code, cluster_source = "
      "excluded.cluster_source, park_code = excluded.park_code, town_code = excluded.town_code, "
      "founded = excluded.founded, listed = excluded.listed, strategic_emerging = "
      "excluded.strategic_emerging, land_km2 = excluded.land_km2, high_tech = excluded.high_tech",
      kEnterpriseColumns));
  if (!stmt) return Error(stmt.error());
  (*stmt)->Bind(1, e.uscc).Bind(2, e.name).Bind(3, e.industry_code).Bind(4, NonEmpty(e.cluster));
  (*stmt)->Bind(5, model::ClusterSourceName(e.cluster_source)).Bind(6, NonEmpty(e.park));
  (*stmt)->Bind(7, NonEmpty(e.town));
  (*stmt)->Bind(8, e.founded ? std::optional<std::string>(e.founded->ToString()) : std::nullopt);
  (*stmt)->Bind(9, e.listed ? std::optional<std::int64_t>(*e.listed ? 1 : 0) : std::nullopt);
  (*stmt)->Bind(10, NonEmpty(e.strategic_emerging)).Bind(11, e.land_km2);
  (*stmt)->Bind(12, e.high_tech ? std::optional<std::int64_t>(*e.high_tech ? 1 : 0) : std::nullopt);
  if (Status s = (*stmt)->Run(); !s.ok()) return Error(s.WithContext("enterprise " + e.uscc));

  bool changed = !old->has_value();
  const auto new_fields = AuditedFields(e);
  const auto old_fields = old->has_value() ? AuditedFields(**old) : decltype(new_fields){};
  for (std::size_t i = 0; i < new_fields.size(); ++i) {
    const auto& old_value = old->has_value() ? old_fields[i].second : std::nullopt;
    if (old_value == new_fields[i].second) continue;
    changed = true;
    CLUSTERSCOPE_RETURN_IF_ERROR(Audit(old->has_value() ? "update" : "insert", "enterprise", e.uscc,
                                       new_fields[i].first, old_value, new_fields[i].second));
  }

  // The above-scale history: bring the stored years to exactly the record's.
  const std::map<int, bool> old_years =
      old->has_value() ? (*old)->above_scale : std::map<int, bool>{};
  const auto flag = [](bool above) { return std::optional<std::string>(above ? "1" : "0"); };
  auto upsert = db_.Cached(
      "INSERT INTO enterprise_scale (uscc, year, above_scale) VALUES (?, ?, ?) "
      "ON CONFLICT (uscc, year) DO UPDATE SET above_scale = excluded.above_scale");
  auto remove = db_.Cached("DELETE FROM enterprise_scale WHERE uscc = ? AND year = ?");
  if (!upsert) return Error(upsert.error());
  if (!remove) return Error(remove.error());
  for (const auto& [year, above] : e.above_scale) {
    const auto it = old_years.find(year);
    if (it != old_years.end() && it->second == above) continue;
    (*upsert)->Reset();
    (*upsert)->Bind(1, e.uscc).Bind(2, std::int64_t{year}).Bind(3, std::int64_t{above ? 1 : 0});
    CLUSTERSCOPE_RETURN_IF_ERROR((*upsert)->Run());
    changed = true;
    CLUSTERSCOPE_RETURN_IF_ERROR(Audit(it == old_years.end() ? "insert" : "update",
                                       "enterprise_scale", e.uscc, std::to_string(year),
                                       it == old_years.end() ? std::nullopt : flag(it->second),
                                       flag(above)));
  }
  for (const auto& [year, above] : old_years) {
    if (e.above_scale.count(year) != 0) continue;
    (*remove)->Reset();
    (*remove)->Bind(1, e.uscc).Bind(2, std::int64_t{year});
    CLUSTERSCOPE_RETURN_IF_ERROR((*remove)->Run());
    changed = true;
    CLUSTERSCOPE_RETURN_IF_ERROR(Audit("delete", "enterprise_scale", e.uscc, std::to_string(year),
                                       flag(above), std::nullopt));
  }
  if (!old->has_value()) return Change::kInserted;
  return changed ? Change::kUpdated : Change::kUnchanged;
}

Result<Change> SqliteTransaction::PutDesignation(const model::Designation& d) {
  const std::string key = fmt::format("{}/{}/{}", d.uscc, d.type, d.granted.ToString());
  auto find = db_.Cached(
      "SELECT withdrawn, level, note FROM designation WHERE uscc = ? AND type_code = ? AND "
      "granted = ?");
  if (!find) return Error(find.error());
  (*find)->Bind(1, d.uscc).Bind(2, d.type).Bind(3, d.granted.ToString());
  auto row = (*find)->Step();
  if (!row) return Error(row.error());
  std::optional<model::Designation> old;
  if (*row) {
    old = d;
    old->withdrawn.reset();
    if (auto withdrawn = (*find)->OptionalText(0)) {
      auto date = core::Date::Parse(*withdrawn);
      if (!date) return Error(Status::DataLoss("designation " + key + ": stored withdrawal date"));
      old->withdrawn = *date;
    }
    old->level = (*find)->Text(1);
    old->note = (*find)->Text(2);
  }

  auto stmt = db_.Cached(
      "INSERT INTO designation (uscc, type_code, granted, withdrawn, level, note) "
      "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (uscc, type_code, granted) DO UPDATE SET "
      "withdrawn = excluded.withdrawn, level = excluded.level, note = excluded.note");
  if (!stmt) return Error(stmt.error());
  (*stmt)->Bind(1, d.uscc).Bind(2, d.type).Bind(3, d.granted.ToString());
  (*stmt)->Bind(4,
                d.withdrawn ? std::optional<std::string>(d.withdrawn->ToString()) : std::nullopt);
  (*stmt)->Bind(5, d.level).Bind(6, d.note);
  if (Status s = (*stmt)->Run(); !s.ok()) return Error(s.WithContext("designation " + key));

  if (!old) {
    CLUSTERSCOPE_RETURN_IF_ERROR(
        Audit("insert", "designation", key, "granted", std::nullopt, d.granted.ToString()));
  }
  bool changed = !old;
  const auto new_fields = AuditedFields(d);
  const auto old_fields = old ? AuditedFields(*old) : decltype(new_fields){};
  for (std::size_t i = 0; i < new_fields.size(); ++i) {
    const auto& old_value = old ? old_fields[i].second : std::nullopt;
    if (old_value == new_fields[i].second) continue;
    changed = true;
    CLUSTERSCOPE_RETURN_IF_ERROR(Audit(old ? "update" : "insert", "designation", key,
                                       new_fields[i].first, old_value, new_fields[i].second));
  }
  if (!old) return Change::kInserted;
  return changed ? Change::kUpdated : Change::kUnchanged;
}

Status SqliteTransaction::Commit() {
  CLUSTERSCOPE_RETURN_IF_ERROR(sqlite::CheckDanglingReferences(db_));
  // Rows written besides the export records: the data changed, so move its version.
  if (sqlite3_total_changes64(db_.handle()) - changes_at_begin_ > exports_) {
    CLUSTERSCOPE_RETURN_IF_ERROR(
        db_.Exec("UPDATE data_version SET version = version + 1 WHERE id = 1"));
  }
  CLUSTERSCOPE_RETURN_IF_ERROR(db_.Exec("COMMIT"));
  committed_ = true;
  return Status::Ok();
}

class SqliteStore final : public Store {
 public:
  SqliteStore(Connection db, facts::SegmentDirectory dir)
      : db_(std::move(db)), dir_(std::move(dir)) {}

  Result<std::unique_ptr<Transaction>> Begin(std::string actor) override {
    // IMMEDIATE takes the write lock now, so a second writer waits (busy_timeout) or fails here
    // rather than half-way through an import.
    CLUSTERSCOPE_RETURN_IF_ERROR(db_.Exec("BEGIN IMMEDIATE"));
    return std::unique_ptr<Transaction>(
        std::make_unique<SqliteTransaction>(db_, dir_, std::move(actor)));
  }

  Result<std::optional<model::ClusterSystem>> LoadSystem() override {
    return sqlite::LoadSystem(db_);
  }
  Result<std::optional<model::Enterprise>> GetEnterprise(std::string_view uscc) override {
    return GetEnterpriseFrom(db_, uscc);
  }
  Result<std::vector<model::Enterprise>> ListEnterprises(const EnterpriseFilter& filter) override;
  Result<std::int64_t> CountEnterprises() override;
  Result<std::vector<model::Designation>> ListDesignations(
      const DesignationFilter& filter) override;
  Result<std::vector<AuditEntry>> ListAudit(const AuditFilter& filter) override;
  Result<std::vector<MonthlyFact>> ListMonthly(std::string_view uscc,
                                               std::optional<core::Period> period) override {
    auto view = sqlite::LiveFacts(db_, dir_);
    if (!view) return Error(view.error());
    return sqlite::ListMonthlyFacts(*view, uscc, period);
  }
  Result<model::MonthlyPanel> CurrentMonthly(core::Period from, core::Period to) override {
    auto view = sqlite::LiveFacts(db_, dir_);
    if (!view) return Error(view.error());
    return view->Current(from.Index(), to.Index());
  }
  Result<MonthlyCoverage> MonthlySummary() override {
    auto view = sqlite::LiveFacts(db_, dir_);
    if (!view) return Error(view.error());
    return sqlite::MonthlySummary(*view);
  }
  Result<std::vector<model::QualityWarning>> ListQualityWarnings(
      const QualityFilter& filter) override {
    return sqlite::ListQualityWarnings(db_, filter);
  }
  Result<std::vector<MonthlyRevision>> ListRevisions(std::string_view uscc,
                                                     std::optional<core::Period> period) override {
    auto view = sqlite::LiveFacts(db_, dir_);
    if (!view) return Error(view.error());
    return sqlite::ListMonthlyRevisions(*view, uscc, period);
  }
  Result<std::vector<ImportBatch>> ListImportBatches() override;
  Result<std::map<std::string, std::vector<std::string>>> ListEnterpriseLists() override {
    auto stmt = db_.Prepare("SELECT name, uscc FROM enterprise_list ORDER BY name, uscc");
    if (!stmt) return Error(stmt.error());
    std::map<std::string, std::vector<std::string>> out;
    CLUSTERSCOPE_RETURN_IF_ERROR(
        ForEachRow(*stmt, [&] { out[stmt->Text(0)].push_back(stmt->Text(1)); }));
    return out;
  }
  Result<std::vector<model::SeriesValue>> ListSeriesValues() override {
    auto stmt = db_.Prepare(
        "SELECT series, year, month, value, source FROM series_value ORDER BY series, year, "
        "month");
    if (!stmt) return Error(stmt.error());
    std::vector<model::SeriesValue> out;
    CLUSTERSCOPE_RETURN_IF_ERROR(ForEachRow(*stmt, [&] {
      out.push_back({stmt->Text(0), static_cast<int>(stmt->Int(1)), static_cast<int>(stmt->Int(2)),
                     *stmt->OptionalReal(3), stmt->Text(4)});
    }));
    return out;
  }
  Result<std::vector<SeriesRevision>> ListSeriesRevisions(std::string_view series) override {
    auto stmt = db_.Prepare(
        "SELECT series, year, month, value, source, batch_id, replaced_by_batch FROM "
        "series_revision WHERE series = ? ORDER BY rowid");
    if (!stmt) return Error(stmt.error());
    stmt->Bind(1, std::string(series));
    std::vector<SeriesRevision> out;
    CLUSTERSCOPE_RETURN_IF_ERROR(ForEachRow(*stmt, [&] {
      out.push_back({{stmt->Text(0), static_cast<int>(stmt->Int(1)), static_cast<int>(stmt->Int(2)),
                      *stmt->OptionalReal(3), stmt->Text(4)},
                     stmt->OptionalInt(5).value_or(0),
                     stmt->OptionalInt(6).value_or(0)});
    }));
    return out;
  }
  Result<std::optional<std::pair<std::string, std::string>>> LoadPlan(PlanKind kind) override {
    return sqlite::LoadPlan(db_, kind);
  }
  Result<std::vector<model::Project>> ListProjects() override { return sqlite::ListProjects(db_); }
  Result<std::vector<ProjectMoveRecord>> ListProjectMoves(std::string_view project) override {
    return sqlite::ListProjectMoves(db_, project);
  }
  Result<std::vector<model::SupplyRelation>> ListSupplyRelations() override {
    return sqlite::ListSupplyRelations(db_);
  }
  Result<std::vector<BenchmarkCell>> LoadBenchmark(std::string_view name) override {
    return sqlite::LoadBenchmark(db_, name);
  }
  Result<std::vector<BenchmarkSummary>> ListBenchmarks() override {
    return sqlite::ListBenchmarks(db_);
  }
  Result<std::vector<model::Prospect>> ListProspects() override {
    return sqlite::ListProspects(db_);
  }
  Result<std::optional<model::User>> GetUser(std::string_view name) override {
    return sqlite::GetUser(db_, name);
  }
  Result<std::vector<model::User>> ListUsers() override { return sqlite::ListUsers(db_); }
  Result<std::vector<StoredImportProfile>> ListImportProfiles() override {
    return sqlite::ListImportProfiles(db_);
  }
  Status PutSession(const StoredSession& session, std::int64_t now) override {
    return sqlite::PutSession(db_, session, now);
  }
  Result<std::optional<StoredSession>> FindSession(std::string_view token_hash,
                                                   std::int64_t now) override {
    return sqlite::FindSession(db_, token_hash, now);
  }
  Status DeleteSession(std::string_view token_hash) override {
    return sqlite::DeleteSession(db_, token_hash);
  }
  Result<std::vector<model::PriceIndex>> ListPriceIndices() override {
    auto stmt =
        db_.Prepare("SELECT division, period, value FROM price_index ORDER BY division, period");
    if (!stmt) return Error(stmt.error());
    std::vector<model::PriceIndex> out;
    CLUSTERSCOPE_RETURN_IF_ERROR(ForEachRow(*stmt, [&] {
      out.push_back({stmt->Text(0), core::Period::FromCode(static_cast<int>(stmt->Int(1))),
                     *stmt->OptionalReal(2)});
    }));
    return out;
  }
  Result<std::pair<std::int64_t, std::int64_t>> VerifyMonthly() override {
    return sqlite::VerifySegments(db_, dir_);
  }
  Result<std::optional<std::string>> FactCachePath(std::string_view kind) override {
    return sqlite::FactCachePath(db_, dir_, kind);
  }
  Result<int> SchemaVersion() override;
  Result<std::int64_t> DataVersion() override {
    auto statement = db_.Cached("SELECT version FROM data_version WHERE id = 1");
    if (!statement) return Error(statement.error());
    auto row = (*statement)->Step();
    if (!row) return Error(row.error());
    const std::int64_t version = *row ? (*statement)->Int(0) : 0;
    (*statement)->Reset();
    return version;
  }

 private:
  Connection db_;
  facts::SegmentDirectory dir_;
};

Result<std::vector<model::Enterprise>> SqliteStore::ListEnterprises(
    const EnterpriseFilter& filter) {
  std::string sql = fmt::format("SELECT {} FROM enterprise WHERE 1 = 1", kEnterpriseColumns);
  std::vector<std::string> params;
  if (!filter.cluster.empty()) {
    sql += " AND cluster_code = ?";
    params.push_back(filter.cluster);
  }
  if (!filter.park.empty()) {
    sql += " AND park_code = ?";
    params.push_back(filter.park);
  }
  if (!filter.town.empty()) {
    sql += " AND town_code = ?";
    params.push_back(filter.town);
  }
  if (!filter.industry_prefix.empty()) {
    sql += " AND substr(industry_code, 1, length(?)) = ?";
    params.push_back(filter.industry_prefix);
    params.push_back(filter.industry_prefix);
  }
  if (!filter.name_contains.empty()) {
    sql += " AND instr(name, ?) > 0";
    params.push_back(filter.name_contains);
  }
  if (filter.above_scale_in) {
    sql += " AND uscc IN (SELECT uscc FROM enterprise_scale WHERE above_scale = 1 AND year = ?)";
    params.push_back(std::to_string(*filter.above_scale_in));
  }
  sql += " ORDER BY uscc";
  if (filter.limit > 0) sql += fmt::format(" LIMIT {}", filter.limit);

  auto stmt = db_.Prepare(sql);
  if (!stmt) return Error(stmt.error());
  for (std::size_t i = 0; i < params.size(); ++i) stmt->Bind(static_cast<int>(i + 1), params[i]);
  std::vector<model::Enterprise> out;
  if (auto count = CountEnterprises()) {  // growing by doubling would copy them all repeatedly
    out.reserve(static_cast<std::size_t>(
        filter.limit > 0 ? std::min<std::int64_t>(*count, static_cast<std::int64_t>(filter.limit))
                         : *count));
  }
  CLUSTERSCOPE_RETURN_IF_ERROR(ForEachRow(*stmt, [&]() -> Status {
    auto e = ReadEnterprise(*stmt);
    if (!e) return e.error();
    out.push_back(std::move(*e));
    return Status::Ok();
  }));
  // One ordered pass over the scale table, merged with the enterprises (also in credit-code
  // order), beats one query per enterprise and any index (a national registry has 470,000).
  auto scales =
      db_.Prepare("SELECT uscc, year, above_scale FROM enterprise_scale ORDER BY uscc, year");
  if (!scales) return Error(scales.error());
  std::size_t at = 0;
  CLUSTERSCOPE_RETURN_IF_ERROR(ForEachRow(*scales, [&] {
    const std::string_view uscc = scales->TextView(0);
    while (at < out.size() && out[at].uscc < uscc) ++at;
    if (at == out.size() || out[at].uscc != uscc) return;
    out[at].above_scale.emplace_hint(out[at].above_scale.end(), static_cast<int>(scales->Int(1)),
                                     scales->Int(2) != 0);
  }));
  return out;
}

Result<std::int64_t> SqliteStore::CountEnterprises() {
  auto stmt = db_.Prepare("SELECT count(*) FROM enterprise");
  if (!stmt) return Error(stmt.error());
  auto row = stmt->Step();
  if (!row) return Error(row.error());
  return stmt->Int(0);
}

Result<std::vector<model::Designation>> SqliteStore::ListDesignations(
    const DesignationFilter& filter) {
  std::string sql =
      "SELECT uscc, type_code, granted, withdrawn, level, note FROM designation WHERE 1 = 1";
  std::vector<std::string> params;
  if (!filter.uscc.empty()) {
    sql += " AND uscc = ?";
    params.push_back(filter.uscc);
  }
  if (!filter.type.empty()) {
    sql += " AND type_code = ?";
    params.push_back(filter.type);
  }
  if (filter.active_on) {
    sql += " AND granted <= ? AND (withdrawn IS NULL OR withdrawn > ?)";
    params.push_back(filter.active_on->ToString());
    params.push_back(filter.active_on->ToString());
  }
  sql += " ORDER BY uscc, type_code, granted";
  auto stmt = db_.Prepare(sql);
  if (!stmt) return Error(stmt.error());
  for (std::size_t i = 0; i < params.size(); ++i) stmt->Bind(static_cast<int>(i + 1), params[i]);
  std::vector<model::Designation> out;
  CLUSTERSCOPE_RETURN_IF_ERROR(ForEachRow(*stmt, [&]() -> Status {
    model::Designation d;
    d.uscc = stmt->Text(0);
    d.type = stmt->Text(1);
    auto granted = core::Date::Parse(stmt->Text(2));
    if (!granted) return Status::DataLoss("stored grant date: " + granted.error().message());
    d.granted = *granted;
    if (auto withdrawn = stmt->OptionalText(3)) {
      auto date = core::Date::Parse(*withdrawn);
      if (!date) return Status::DataLoss("stored withdrawal date: " + date.error().message());
      d.withdrawn = *date;
    }
    d.level = stmt->Text(4);
    d.note = stmt->Text(5);
    out.push_back(std::move(d));
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<AuditEntry>> SqliteStore::ListAudit(const AuditFilter& filter) {
  std::string sql =
      "SELECT id, at, actor, action, entity, entity_key, field, old_value, new_value, batch_id "
      "FROM audit_log WHERE 1 = 1";
  std::vector<std::string> params;
  if (!filter.entity.empty()) {
    sql += " AND entity = ?";
    params.push_back(filter.entity);
  }
  if (!filter.entity_key.empty()) {
    sql += " AND entity_key = ?";
    params.push_back(filter.entity_key);
  }
  sql += " ORDER BY id DESC";
  if (filter.limit > 0) sql += fmt::format(" LIMIT {}", filter.limit);
  auto stmt = db_.Prepare(sql);
  if (!stmt) return Error(stmt.error());
  for (std::size_t i = 0; i < params.size(); ++i) stmt->Bind(static_cast<int>(i + 1), params[i]);
  std::vector<AuditEntry> out;
  CLUSTERSCOPE_RETURN_IF_ERROR(ForEachRow(*stmt, [&] {
    out.push_back({stmt->Int(0), stmt->Text(1), stmt->Text(2), stmt->Text(3), stmt->Text(4),
                   stmt->Text(5), stmt->Text(6), stmt->OptionalText(7), stmt->OptionalText(8),
                   stmt->OptionalInt(9)});
  }));
  return out;
}

Result<std::vector<ImportBatch>> SqliteStore::ListImportBatches() {
  auto stmt = db_.Prepare(
      "SELECT id, kind, file, at, actor, rows_read, rows_written, rows_rejected, undone_at, "
      "undone_by FROM import_batch ORDER BY id");
  if (!stmt) return Error(stmt.error());
  std::vector<ImportBatch> out;
  CLUSTERSCOPE_RETURN_IF_ERROR(ForEachRow(*stmt, [&] {
    out.push_back({stmt->Int(0), stmt->Text(1), stmt->Text(2), stmt->Text(3), stmt->Text(4),
                   stmt->Int(5), stmt->Int(6), stmt->Int(7), stmt->OptionalText(8),
                   stmt->OptionalText(9)});
  }));
  return out;
}

Result<int> SqliteStore::SchemaVersion() {
  auto stmt = db_.Prepare("SELECT coalesce(max(version), 0) FROM schema_migrations");
  if (!stmt) return Error(stmt.error());
  auto row = stmt->Step();
  if (!row) return Error(row.error());
  return static_cast<int>(stmt->Int(0));
}

// Refuses a file that is not SQLite, or an SQLite database of another program, before anything
// is written to it. The probe statement is finalised on return: an open statement would hold a
// read transaction and block the switch to WAL.
Status CheckIsClusterScopeDatabase(Connection& db, const std::string& path) {
  auto probe = db.Prepare(
      "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND "
      "NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE name = 'schema_migrations')");
  if (!probe) {
    return Status::InvalidArgument(
        fmt::format("'{}' is not a ClusterScope database: {}", path, probe.error().message()));
  }
  auto row = probe->Step();
  if (!row) {
    return Status::InvalidArgument(
        fmt::format("'{}' is not a ClusterScope database: {}", path, row.error().message()));
  }
  if (probe->Int(0) > 0) {
    return Status::InvalidArgument(fmt::format(
        "'{}' is an SQLite database of another program (it has tables but no ClusterScope "
        "schema); refusing to touch it",
        path));
  }
  return Status::Ok();
}

}  // namespace

int CurrentSchemaVersion() { return kMigrations[std::size(kMigrations) - 1].version; }

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path) {
  auto db = Connection::Open(path);
  if (!db) return Error(db.error());
  CLUSTERSCOPE_RETURN_IF_ERROR(CheckIsClusterScopeDatabase(*db, path));
  // WAL lets readers (the dashboard) run beside an import; FULL makes each commit durable
  // against power loss, which a system of record needs more than write speed.
  CLUSTERSCOPE_RETURN_IF_ERROR(
      db->Exec("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = FULL; "
               "PRAGMA cache_size = -131072; PRAGMA temp_store = MEMORY;"));
  if (path != ":memory:" && !path.empty()) {
    CLUSTERSCOPE_RETURN_IF_ERROR(db->Exec("PRAGMA journal_mode = WAL"));
  }
  facts::SegmentDirectory dir(path);
  CLUSTERSCOPE_RETURN_IF_ERROR(RunMigrations(*db, dir).WithContext(path));
  return std::unique_ptr<Store>(std::make_unique<SqliteStore>(std::move(*db), std::move(dir)));
}

}  // namespace clusterscope::storage
