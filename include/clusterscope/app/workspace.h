// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Workspace is the facade every front end (command line, later HTTP) calls: it opens a database,
// holds its cluster system, and offers the registry's operations in the user's terms. It owns
// its Store. One Workspace per thread.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "clusterscope/analytics/agglomeration.h"
#include "clusterscope/analytics/cluster_quotients.h"
#include "clusterscope/analytics/input_output.h"
#include "clusterscope/analytics/matrix.h"
#include "clusterscope/chains/work.h"
#include "clusterscope/core/status.h"
#include "clusterscope/engine/disclosure.h"
#include "clusterscope/engine/indicators.h"
#include "clusterscope/ingest/import_report.h"
#include "clusterscope/ingest/record_parser.h"
#include "clusterscope/model/analytics_plan.h"
#include "clusterscope/model/cluster_system.h"
#include "clusterscope/report/chains.h"
#include "clusterscope/storage/store.h"
#include "clusterscope/targets/progress.h"

namespace clusterscope::app {

struct InitOptions {
  std::string db_path;
  std::string system_path;  // TOML file of the cluster system
  std::string actor;
  // TOML file of the target plan; empty: "<code>-targets.toml" beside the system file, if any.
  std::string targets_path;
  // TOML file of the chain work; empty: "<code>-chains.toml" beside the system file, if any.
  std::string chains_path;
  // TOML file of the analytics plan; empty: "<code>-analytics.toml" beside the system file.
  std::string analytics_path;
};

struct InitResult {
  bool created = false;          // the database file was new
  bool system_replaced = false;  // an existing system was replaced
  model::ClusterSystem system;
  std::string targets_file;    // the target plan loaded, or empty
  std::string chains_file;     // the chain plan loaded, or empty
  std::string analytics_file;  // the analytics plan loaded, or empty
};

// Creates the database (or migrates an existing one) and loads the cluster system into it.
// Replacing a system fails, leaving the old one, if records use codes the new one drops.
Result<InitResult> InitDatabase(const InitOptions& options);

// The outcome of writing one record from the command line.
// Every stored version of an enterprise's months, with the batches that wrote them.
struct MonthlyHistory {
  std::vector<storage::MonthlyFact> current;
  std::vector<storage::MonthlyRevision> revisions;
  std::vector<storage::ImportBatch> batches;  // all batches, for file, time and user
};

struct WriteResult {
  storage::Change change = storage::Change::kUnchanged;
  std::vector<ingest::CellIssue> warnings;
};

struct MonthlyReportOptions {
  std::optional<core::Period> period;  // default: the latest month held
  engine::IndicatorOptions indicators;
  engine::AlertRules alerts;
  int trend_months = 0;    // the total's trend (the HTML page charts 12)
  bool is_public = false;  // disclosure control, no rankings, no ladders, no enterprise names
  bool ladders = true;     // the cultivation ladders (the slowest part; the cockpit skips them)
  engine::DisclosureRules disclosure;
};

class Workspace {
 public:
  // Opens an initialised database. NotFound if the file does not exist (say `init` first);
  // InvalidArgument if it holds no cluster system.
  static Result<Workspace> Open(const std::string& db_path, std::string actor);

  Workspace(Workspace&&) noexcept;
  Workspace& operator=(Workspace&&) noexcept;
  ~Workspace();

  const model::ClusterSystem& system() const { return system_; }
  storage::Store& store() { return *store_; }
  const std::string& actor() const { return actor_; }
  // Who the next changes are recorded as (a server's workspace serves many users in turn).
  void set_actor(std::string actor) { actor_ = std::move(actor); }

  // Adds an enterprise from named cells (see ingest::EnterpriseColumns); AlreadyExists if the
  // credit code is registered. InvalidArgument lists every problem with the cells.
  Result<WriteResult> AddEnterprise(const ingest::Cells& cells, int year);
  // Updates the named cells of a registered enterprise; NotFound if it is not registered.
  Result<WriteResult> UpdateEnterprise(const ingest::Cells& cells, int year);
  Result<model::Enterprise> GetEnterprise(const std::string& uscc);

  // Grants a designation (cells: uscc, designation, granted, level, note). InvalidArgument if
  // the enterprise is unknown or the cells are bad.
  Result<WriteResult> GrantDesignation(const ingest::Cells& cells);
  // Sets the withdrawal date of the designation held on `date`; NotFound if none is active then.
  Result<WriteResult> WithdrawDesignation(const std::string& uscc, const std::string& type,
                                          const std::string& date);

  Result<ingest::ImportReport> ImportEnterprises(const std::string& path,
                                                 ingest::ImportOptions options);
  Result<ingest::ImportReport> ImportDesignations(const std::string& path,
                                                  ingest::ImportOptions options);
  Result<ingest::ImportReport> ImportScale(const std::string& path, ingest::ImportOptions options);
  Result<ingest::ImportReport> ImportMonthly(const std::string& path,
                                             ingest::ImportOptions options);
  Result<ingest::ImportReport> ImportPrices(const std::string& path, ingest::ImportOptions options);
  // Values of the external series the current target plan declares.
  Result<ingest::ImportReport> ImportSeries(const std::string& path, ingest::ImportOptions options);

  // Checks the target plan in `path` against the system and makes it the current plan.
  Result<model::TargetPlan> LoadTargetPlan(const std::string& path);
  // The current target plan; NotFound if none was loaded.
  Result<model::TargetPlan> TargetPlan();
  // Every target at `period` (default: the latest month held), with the history of each month
  // from the base year on when `history` is set.
  Result<targets::TargetReport> Targets(std::optional<core::Period> period, bool history);
  // Everything the monthly report shows (docs/indicators.md): the indicators; targets behind
  // time-progress and overdue projects as alerts; the targets, chains, pipeline and ladders when
  // their plans are loaded. A public report withholds by disclosure control, with the targets
  // that read a withheld group.
  Result<report::MonthlyBundle> MonthlyReport(const MonthlyReportOptions& options);

  // Checks the chain work in `path` against the system and makes it current.
  Result<model::ChainPlan> LoadChainPlan(const std::string& path);
  // The current chain work; NotFound if none was loaded.
  Result<model::ChainPlan> ChainPlan();
  // Every chain at `period` (default: the latest month held), with up to `candidates` outside
  // enterprises for each weak, at-risk or missing link.
  Result<std::unique_ptr<chains::ChainReport>> Chains(std::optional<core::Period> period,
                                                      std::size_t candidates);
  Result<ingest::ImportReport> ImportProjects(const std::string& path,
                                              ingest::ImportOptions options);
  Result<ingest::ImportReport> ImportRelations(const std::string& path,
                                               ingest::ImportOptions options);
  Result<ingest::ImportReport> ImportProspects(const std::string& path,
                                               ingest::ImportOptions options);
  // A benchmark region x industry matrix (analytics), kept under options.benchmark. Checked
  // whole: InvalidArgument naming every bad row. A re-import keeps what it changes as revisions.
  Result<ingest::ImportReport> ImportMatrix(const std::string& path, ingest::ImportOptions options);
  // A stored benchmark by year; NotFound naming the benchmarks held.
  Result<std::map<int, analytics::RegionIndustryMatrix>> Benchmark(const std::string& name);
  // The above-scale enterprises as plants for the agglomeration indices: year-to-date output
  // at December of `year` (0: the latest year, at its latest month), industry cut to `digits`,
  // area the town's (or with `by_park` the park's) name. Enterprises without one are counted.
  struct PlantData {
    core::Period period;
    std::vector<analytics::Plant> plants;
    std::size_t without_area = 0;
  };
  Result<PlantData> Plants(int year, int digits, bool by_park);
  // The analytics plan (docs/analytics.md): checked against the system and made current.
  Result<model::AnalyticsPlan> LoadAnalyticsPlan(const std::string& path);
  // The current one; NotFound if none was loaded.
  Result<model::AnalyticsPlan> AnalyticsPlan();
  // Checks an input-output table (CSV or .xlsx; docs/file_formats.md) and makes it current;
  // earlier tables stay as history. InvalidArgument naming every bad row, or for a singular
  // I − A; a sector the analytics plan maps must be in the table.
  Result<analytics::InputOutputTable> ImportInputOutput(const std::string& path);
  // The current table; NotFound if none was imported.
  Result<analytics::InputOutputTable> InputOutput();
  struct BenchmarkOptions {
    std::string benchmark;  // a kept benchmark; empty: the analytics plan's default
    // A benchmark read from a file instead (by year), named `file` in messages.
    const std::map<int, analytics::RegionIndustryMatrix>* matrices = nullptr;
    std::string file;
    int year = 0;                    // of the region's figures; 0: the latest held
    std::optional<core::Period> at;  // the region's figures to this month (instead of `year`)
    std::string region;  // its row in the benchmark; empty: the plan's, else the county's name
  };
  // The clusters against a benchmark (docs/analytics.md): location quotients in `year` and the
  // shift-share between whole years held by both. NotFound without a benchmark.
  Result<analytics::ClusterView> BenchmarkClusters(const BenchmarkOptions& options);
  // The benchmark's matrix for `options.year` (or `at`) with the region's own row from the
  // database (a part year annualised, codes the benchmark lacks left out), and the region's
  // name in it: what `analyze ... --benchmark NAME` computes on.
  Result<std::pair<analytics::RegionIndustryMatrix, std::string>> RegionAgainstBenchmark(
      const BenchmarkOptions& options);
  // Adds a project; AlreadyExists if the code is taken; InvalidArgument naming every problem.
  Status AddProject(const model::Project& project);
  // Moves a project to `to` on `date` by the pipeline's rules, keeping the move in its history.
  Result<model::Project> AdvanceProject(const std::string& code, model::Stage to,
                                        const core::Date& date, const std::string& reason);
  // Every project, with what is overdue on `as_of`.
  Result<chains::Pipeline> Projects(const core::Date& as_of);
  // The ladders (one, by code, or all when empty) at `period` (default: the latest month held).
  // `targets`: the targets at that period when the caller has them already (else computed).
  Result<std::unique_ptr<chains::CultivationReport>> Cultivate(
      const std::string& ladder, std::optional<core::Period> period,
      const targets::TargetReport* targets = nullptr);

  // Users of the HTTP server (docs/http_api.md). A password needs at least 10 characters; it is
  // kept only as an argon2id hash. AlreadyExists / NotFound as the name says.
  Status AddUser(const std::string& name, model::Role role, const std::string& park,
                 const std::string& password);
  Status SetPassword(const std::string& name, const std::string& password);
  Status RemoveUser(const std::string& name);
  Result<std::vector<model::User>> Users();
  // The user whose name and password these are; Unauthenticated otherwise (the same message for
  // an unknown name and a wrong password, so that names cannot be probed).
  Result<model::User> Authenticate(const std::string& name, const std::string& password);

  // Writes an "export" row to the audit log: enterprise-level data left the system.
  Status RecordExport(std::string_view entity, std::string_view key, std::string_view detail);

  // The latest month with monthly statistics; NotFound before the first import.
  Result<core::Period> LatestPeriod();
  // Saves the list `name` from a file with a uscc column (CSV or .xlsx); the list becomes a
  // group of the monthly report. NotFound naming enterprises not in the registry.
  Result<std::size_t> SaveList(const std::string& name, const std::string& path);
  Status DeleteList(const std::string& name);
  // Reverts a monthly import batch (see storage::Transaction::UndoBatch).
  Result<storage::UndoResult> UndoImport(std::int64_t batch_id);
  // Marks a data-quality warning confirmed (the figure is right), with the analyst's note.
  Status ConfirmQualityWarning(std::int64_t id, const std::string& note);
  // NotFound if the enterprise is not registered.
  Result<MonthlyHistory> History(const std::string& uscc, std::optional<core::Period> period);

  // The monthly indicators of `period` (default: the latest month held), from the registry and
  // the months of this year and last. NotFound if there are no monthly statistics yet.
  // With the alerts of the period, and the total's trend over `trend_months` months.
  Result<engine::MonthlyIndicators> MonthlyIndicators(std::optional<core::Period> period,
                                                      const engine::IndicatorOptions& options,
                                                      const engine::AlertRules& alert_rules = {},
                                                      int trend_months = 0);
  // The region's above-scale output year to date by GB/T 4754 code cut to `digits` (2 division,
  // 3 group, 4 class) in `year`: at its December, or at the latest month held in the latest
  // year (the period used is returned). NotFound for a year after the latest held.
  struct IndustryOutput {
    core::Period period;
    std::map<std::string, double> output;  // 万元
  };
  Result<IndustryOutput> OutputByIndustry(int year, int digits);
  // The same year to date at `period`.
  Result<IndustryOutput> OutputToPeriod(core::Period period, int digits);

  // The indicators of each of the `months` months ending at `last` (default: the latest month
  // held), oldest first, each by its own frame and without rankings; under disclosure control
  // when `is_public`. For the trend lines of any group.
  Result<std::vector<engine::MonthlyIndicators>> IndicatorSeries(
      std::optional<core::Period> last, int months, bool is_public,
      const engine::DisclosureRules& disclosure = {});

 private:
  Workspace(std::unique_ptr<storage::Store> store, model::ClusterSystem system, std::string actor);
  Result<WriteResult> PutEnterprise(const ingest::Cells& cells, int year, bool must_exist);
  // An engine over the registry, price indices, saved lists and the months from .. to.
  Result<std::unique_ptr<engine::Engine>> EngineOver(core::Period from, core::Period to);
  Result<WriteResult> PutDesignation(const model::Designation& designation,
                                     std::vector<ingest::CellIssue> warnings);
  // Makes `text` (checked by the caller) the current plan of its kind.
  Status StorePlan(storage::PlanKind kind, const std::string& path, const std::string& text);
  // The benchmark of `options` with the region's own figures in its row, and the clusters'
  // view without quotients or shift-share (filled by the callers).
  struct RegionBenchmark {
    analytics::ClusterView view;
    analytics::RegionIndustryMatrix matrix;  // the benchmark's year with the region's row
    std::map<int, analytics::RegionIndustryMatrix> kept;  // a kept benchmark's years
    const std::map<int, analytics::RegionIndustryMatrix>* given = nullptr;  // or the caller's
    int digits = 0;
    std::set<std::string> covered;  // the benchmark's industries, in any year
    const std::map<int, analytics::RegionIndustryMatrix>& Years() const {
      return given != nullptr ? *given : kept;
    }
    std::optional<model::AnalyticsPlan> plan;
  };
  Result<RegionBenchmark> AgainstBenchmark(const BenchmarkOptions& options);
  // For each weak, at-risk or missing link, the benchmark's industries beside it ranked by
  // density and outlook gain, when a benchmark is chosen and held (else nothing).
  Status AddRelatedIndustries(core::Period period, chains::ChainReport& report);
  // Each project's direct and total effect, when an input-output table and the analytics plan
  // are held (else nothing).
  Status AddProjectEffects(const model::ChainPlan* chains, chains::Pipeline& pipeline);
  // The current plan of a kind as (file, text); NotFound saying how to load one.
  Result<std::pair<std::string, std::string>> CurrentPlan(storage::PlanKind kind);

  std::unique_ptr<storage::Store> store_;
  model::ClusterSystem system_;  // as loaded at Open(); constant after
  std::string actor_;
};

// The clusters whose figures disclosure control withheld in `indicators` (a published view of
// anything else about them withholds them too).
std::vector<std::string> WithheldClusters(const engine::MonthlyIndicators& indicators);

// The user to record in the audit log when none is given: $CLUSTERSCOPE_USER, else $USER, else
// "unknown".
std::string DefaultActor();

// The current calendar year, the default year an above_scale value describes.
int CurrentYear();

}  // namespace clusterscope::app
