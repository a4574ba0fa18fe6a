// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Store is the one interface to persistent data: the cluster system, the enterprise registry,
// designations, import batches and the audit log. Every write goes through a Transaction, which
// is all-or-nothing and writes the audit rows itself, so no change escapes the log. A Store is
// used from one thread at a time; open one per thread. OpenSqliteStore gives the embedded
// backend.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clusterscope/core/date.h"
#include "clusterscope/core/status.h"
#include "clusterscope/model/chain.h"
#include "clusterscope/model/cluster_system.h"
#include "clusterscope/model/designation.h"
#include "clusterscope/model/enterprise.h"
#include "clusterscope/model/monthly.h"
#include "clusterscope/model/monthly_panel.h"
#include "clusterscope/model/project.h"
#include "clusterscope/model/quality.h"
#include "clusterscope/model/records.h"
#include "clusterscope/model/target.h"
#include "clusterscope/model/user.h"

namespace clusterscope::storage {

// The records the store keeps are plain model values (model/records.h, model/import_report.h).
using model::AuditEntry;
using model::AuditFilter;
using model::Change;
using model::DesignationFilter;
using model::EnterpriseFilter;
using model::ImportBatch;
using model::MonthlyCoverage;
using model::MonthlyFact;
using model::MonthlyRevision;
using model::QualityFilter;
using model::UndoResult;

// What writing a panel of enterprise-months did.
struct MonthlyWrite {
  std::size_t inserted = 0;   // enterprise-months that had no value
  std::size_t updated = 0;    // given a new value (the old one kept as a revision)
  std::size_t unchanged = 0;  // same value as stored: not written again
};

// A series value a later import replaced.
struct SeriesRevision {
  model::SeriesValue value;
  std::int64_t batch_id = 0;           // the import that wrote it (0: none)
  std::int64_t replaced_by_batch = 0;  // the import that replaced it
};

// The configuration documents kept as loaded (TOML text), newest current.
// Documents kept whole, one row per load (the newest is current): the target plan, the chain
// plan, the analytics plan (TOML) and the input-output table (CSV).
enum class PlanKind { kTargets, kChains, kAnalytics, kInputOutput };

// A stage move of a project as recorded: when, by whom.
struct ProjectMoveRecord {
  std::string project;
  model::StageMove move;
  std::string at;
  std::string actor;
};

// A cell of a benchmark matrix (import matrix): year 0 when the file had no year column.
struct BenchmarkCell {
  int year = 0;
  std::string region;
  std::string industry;
  double value = 0;
};

struct BenchmarkWrite {
  std::size_t inserted = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::size_t removed = 0;  // cells of the stored benchmark the new file no longer has
};

struct BenchmarkSummary {
  std::string name;
  int first_year = 0;
  int last_year = 0;
  std::size_t cells = 0;
  std::size_t regions = 0;
  std::size_t industries = 0;
  std::int64_t batch_id = 0;  // the import that last wrote it
};

// A signed-in session of the HTTP server; role and park are the user's as found.
struct StoredSession {
  std::string token_hash;  // BLAKE2b of the cookie's token, hex
  std::string user;
  std::int64_t generation = 0;  // of the user's credentials when it was opened
  std::string csrf;
  std::int64_t expires_at = 0;  // Unix seconds
  model::Role role = model::Role::kViewer;
  std::string park;
};

// An import profile as kept: its TOML text, read and written by the application.
struct StoredImportProfile {
  std::string name;
  std::string kind;
  std::string body;
  std::string saved_at;
  std::string saved_by;
};

class Transaction {
 public:
  virtual ~Transaction() = default;  // Rolls back unless Commit() succeeded.

  // Replaces the stored cluster system (and its parent) with `system`. InvalidArgument, naming
  // them, if enterprises or designations still use clusters, parks or types it drops.
  virtual Status ReplaceSystem(const model::ClusterSystem& system) = 0;

  // Records an import; audit rows written after this in the transaction carry its id.
  virtual Result<std::int64_t> AddImportBatch(const ImportBatch& batch) = 0;

  // Inserts the enterprise or brings the stored one to exactly this state (including the
  // above-scale history), auditing every changed field. Foreign keys are checked at Commit().
  virtual Result<Change> PutEnterprise(const model::Enterprise& enterprise) = 0;

  // Inserts or updates the designation keyed by (uscc, type, granted), auditing changes.
  virtual Result<Change> PutDesignation(const model::Designation& designation) = 0;

  // Sets the enterprise-months of `panel` (one row per enterprise-month) for the batch added by
  // AddImportBatch(); the values they replace stay as revisions. InvalidArgument if no batch
  // was added or the panel has an enterprise-month twice.
  virtual Result<MonthlyWrite> PutMonthlyPanel(model::MonthlyPanel panel) = 0;

  // Inserts or replaces the price index of (division, period), auditing a change.
  virtual Result<Change> PutPriceIndex(const model::PriceIndex& index) = 0;

  // Sets the value of (series, year, month); a value it replaces is kept as a revision and the
  // change audited.
  virtual Result<Change> PutSeriesValue(const model::SeriesValue& value) = 0;

  // Makes `text` (a plan's TOML, loaded from `file`) the current plan of its kind; earlier ones
  // stay.
  virtual Status PutPlan(PlanKind kind, const std::string& file, const std::string& text) = 0;

  // Inserts the project or brings the stored one (with its phases) to exactly this state,
  // auditing every changed field.
  virtual Result<Change> PutProject(const model::Project& project) = 0;
  // Records a move of a stored project in its history.
  virtual Status AddProjectMove(std::string_view project, const model::StageMove& move) = 0;
  // Inserts or updates the relation keyed by (buyer, supplier, year, month), auditing a change.
  virtual Result<Change> PutSupplyRelation(const model::SupplyRelation& relation) = 0;
  // Inserts or updates the outside enterprise keyed by credit code, auditing changes.
  virtual Result<Change> PutProspect(const model::Prospect& prospect) = 0;
  // Makes `cells` the benchmark `name` as part of the current import batch: changed and dropped
  // cells are kept as revisions; the audit log records the replacement. InvalidArgument outside
  // an import batch.
  virtual Result<BenchmarkWrite> PutBenchmark(std::string_view name,
                                              const std::vector<BenchmarkCell>& cells) = 0;
  // Inserts or updates a user, auditing role, park and that the password changed.
  virtual Result<Change> PutUser(const model::User& user) = 0;
  // NotFound if there is no such user.
  virtual Status DeleteUser(std::string_view name) = 0;
  // Saves an import profile, replacing one of the same name; audited with its old and new text.
  virtual Status PutImportProfile(const StoredImportProfile& profile) = 0;
  // NotFound when there is no such profile.
  virtual Status DeleteImportProfile(std::string_view name) = 0;
  // Records that enterprise-level data left the system (an API answer, a download): what and
  // which, by this transaction's actor.
  virtual Status RecordExport(std::string_view entity, std::string_view key,
                              std::string_view detail) = 0;

  // Replaces the saved list `name` with `usccs` (empty: deletes it), auditing the change.
  // Unknown enterprises fail at Commit().
  virtual Status PutEnterpriseList(const std::string& name,
                                   const std::vector<std::string>& usccs) = 0;

  // Stores data-quality warnings raised by the batch added by AddImportBatch(). Open warnings of
  // the same enterprise, period and rule from earlier batches become "superseded".
  virtual Status PutQualityWarnings(const std::vector<model::QualityWarning>& warnings) = 0;

  // Marks warning `id` confirmed by this transaction's actor, with a note. NotFound if unknown.
  virtual Status ConfirmQualityWarning(std::int64_t id, std::string_view note) = 0;

  // Reverts import batch `batch_id`: its values give way to the ones they had replaced (or to
  // nothing), while values a later batch wrote stay current. NotFound if the batch is unknown;
  // InvalidArgument if it is already undone or not a monthly import.
  virtual Result<UndoResult> UndoBatch(std::int64_t batch_id) = 0;

  // The enterprise as this transaction sees it, or nullopt.
  virtual Result<std::optional<model::Enterprise>> GetEnterprise(std::string_view uscc) = 0;

  // Makes every write durable at once. InvalidArgument if a reference is dangling.
  virtual Status Commit() = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // Starts the one write transaction; `actor` is recorded in the audit log.
  virtual Result<std::unique_ptr<Transaction>> Begin(std::string actor) = 0;

  // The stored cluster system with its parent, or nullopt before `init`.
  virtual Result<std::optional<model::ClusterSystem>> LoadSystem() = 0;
  virtual Result<std::optional<model::Enterprise>> GetEnterprise(std::string_view uscc) = 0;
  // Enterprises matching every set field of the filter, ordered by credit code.
  virtual Result<std::vector<model::Enterprise>> ListEnterprises(
      const EnterpriseFilter& filter) = 0;
  virtual Result<std::int64_t> CountEnterprises() = 0;
  // Designations ordered by credit code, type and grant date.
  virtual Result<std::vector<model::Designation>> ListDesignations(
      const DesignationFilter& filter) = 0;
  virtual Result<std::vector<AuditEntry>> ListAudit(const AuditFilter& filter) = 0;
  // Monthly facts of one enterprise (all periods, or one), by period.
  virtual Result<std::vector<MonthlyFact>> ListMonthly(std::string_view uscc,
                                                       std::optional<core::Period> period) = 0;
  // The current values of every enterprise for periods from..to (inclusive), sorted.
  virtual Result<model::MonthlyPanel> CurrentMonthly(core::Period from, core::Period to) = 0;
  virtual Result<MonthlyCoverage> MonthlySummary() = 0;
  virtual Result<std::vector<model::QualityWarning>> ListQualityWarnings(
      const QualityFilter& filter) = 0;
  // Saved lists of enterprises: name -> credit codes, both sorted.
  virtual Result<std::map<std::string, std::vector<std::string>>> ListEnterpriseLists() = 0;
  // Every stored price index, by division and period.
  virtual Result<std::vector<model::PriceIndex>> ListPriceIndices() = 0;
  // Every current value of the external series, by series, year and month.
  virtual Result<std::vector<model::SeriesValue>> ListSeriesValues() = 0;
  // Values of `series` that later imports replaced, oldest first.
  virtual Result<std::vector<SeriesRevision>> ListSeriesRevisions(std::string_view series) = 0;
  // The current plan of a kind as (file, TOML text), or nullopt if none was loaded.
  virtual Result<std::optional<std::pair<std::string, std::string>>> LoadPlan(PlanKind kind) = 0;
  // Every project, by code.
  virtual Result<std::vector<model::Project>> ListProjects() = 0;
  // The moves of one project (or of all, when empty), oldest first.
  virtual Result<std::vector<ProjectMoveRecord>> ListProjectMoves(std::string_view project) = 0;
  // Every supply relation, by buyer, supplier and period.
  virtual Result<std::vector<model::SupplyRelation>> ListSupplyRelations() = 0;
  // Every outside enterprise, by credit code.
  virtual Result<std::vector<model::Prospect>> ListProspects() = 0;
  // A stored benchmark's cells (empty if there is none by that name) and every benchmark held.
  virtual Result<std::vector<BenchmarkCell>> LoadBenchmark(std::string_view name) = 0;
  virtual Result<std::vector<BenchmarkSummary>> ListBenchmarks() = 0;
  virtual Result<std::optional<model::User>> GetUser(std::string_view name) = 0;
  // Every user, by name.
  virtual Result<std::vector<model::User>> ListUsers() = 0;
  virtual Result<std::vector<StoredImportProfile>> ListImportProfiles() = 0;
  // Sessions of the HTTP server (migration 0014): written at once, outside any transaction,
  // moving no data version. PutSession also drops the sessions expired by `now` (Unix seconds).
  virtual Status PutSession(const StoredSession& session, std::int64_t now) = 0;
  // The session whose token hashes to `token_hash`, with its user's role and park as they are
  // now; nullopt when there is none, it expired, or its user's credentials changed since.
  virtual Result<std::optional<StoredSession>> FindSession(std::string_view token_hash,
                                                           std::int64_t now) = 0;
  virtual Status DeleteSession(std::string_view token_hash) = 0;
  // Earlier values of one enterprise's months, oldest first.
  virtual Result<std::vector<MonthlyRevision>> ListRevisions(
      std::string_view uscc, std::optional<core::Period> period) = 0;
  virtual Result<std::vector<ImportBatch>> ListImportBatches() = 0;
  // Reads every monthly fact segment whole and checks it against its checksum (as written and
  // as recorded in the database). Returns how many segments and bytes were checked; DataLoss
  // naming the first damaged one.
  virtual Result<std::pair<std::int64_t, std::int64_t>> VerifyMonthly() = 0;
  // The schema version the database is at.
  virtual Result<int> SchemaVersion() = 0;
  // A number that every committed change of data raises, whoever made it (exports do not):
  // equal versions mean equal data, for caches of answers.
  virtual Result<std::int64_t> DataVersion() = 0;
  // Where a cache derived from the current monthly facts may be kept (the engine's panel
  // image): a file in the fact directory named after `kind` and the live segments, so that an
  // import or an undo gives another name. Removes the files of `kind` named after other
  // segments (stale). nullopt for an in-memory store or one without facts.
  virtual Result<std::optional<std::string>> FactCachePath(std::string_view kind) = 0;
};

// Opens (creating if needed) the SQLite database at `path` and migrates it to the current
// schema. ":memory:" gives a private in-memory database. Unavailable if the file cannot be
// opened; InvalidArgument if it is not a ClusterScope database or is newer than this program.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path);

// The schema version this program writes.
int CurrentSchemaVersion();

}  // namespace clusterscope::storage
