// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// What every subcommand shares: the global options, the action chosen by parsing, and the
// mapping of Status to exit codes (docs/cli.md). Private to the cli module.
#pragma once

#include <functional>
#include <string>

#include <CLI/CLI.hpp>

#include "clusterscope/app/access.h"
#include "clusterscope/app/database.h"
#include "clusterscope/app/init.h"
#include "clusterscope/app/service.h"
#include "clusterscope/core/period.h"
#include "clusterscope/core/status.h"
#include "clusterscope/disclosure/control.h"

namespace clusterscope::cli {

// Exit codes, append-only (scripts test them).
enum ExitCode : int {
  kExitOk = 0,
  kExitUnexpected = 1,
  kExitUsage = 2,
  kExitInvalidArgument = 3,  // bad input: a file with errors, a bad value, a bad config
  kExitNotFound = 4,
  kExitAlreadyExists = 5,
  kExitDataLoss = 6,
  kExitUnavailable = 7,  // database locked or unreadable, disk full
  kExitInternal = 8,
  kExitPermissionDenied = 9,  // not signed in, or the role may not do it
  kExitFindings = 10,         // a check ran and found something (audit disclosure: exposures)
};

int ExitCodeOf(const Status& status);

struct GlobalOptions {
  std::string db = "clusterscope.db";  // --db, or $CLUSTERSCOPE_DB
  std::string actor;                   // --actor, default app::DefaultActor()
  std::string log_level = "warn";
};

struct Context {
  GlobalOptions global;
  std::function<int()> action;  // set by the subcommand the user chose
};

// Adds a subcommand that accepts the global options after its own name too.
CLI::App* AddCommand(CLI::App& parent, const std::string& name, const std::string& description);

// Adds --format table|json to a command, defaulting to table.
void AddFormatOption(CLI::App& command, std::string& format);

// Adds the disclosure rules' options (--min-enterprises, --dominance, --p-percent,
// --protection), each help text after `prefix` ("--public: ").
void AddDisclosureOptions(CLI::App& command, disclosure::DisclosureRules& rules,
                          const std::string& prefix = "");

// The database the global options name, opened, and the command line's caller acting on it
// (app::Caller::CommandLine: an admin recorded under --actor).
struct Opened {
  std::unique_ptr<app::Database> db;
  app::Caller caller;

  // A service of `app` acting for the caller.
  template <typename ServiceT>
  ServiceT Service() const {
    return ServiceT(*db, caller);
  }
  const model::ClusterSystem& system() const { return db->system(); }
  // Leave to read `subject` (app::Access): an `export` row in the audit log when the answer
  // names enterprises, `what` the command, `detail` which.
  Result<app::Grant> Grant(app::Subject subject, std::string_view what, std::string_view detail,
                           app::Form wanted = app::Form::kFull) const;
};

// Opens the database named by the global options; prints the error and gives its exit code on
// failure through `exit_code`.
std::optional<Opened> OpenDatabase(const Context& ctx, int& exit_code);

// The shipped Fuling system: installed beside the binary (../share/clusterscope/systems), or in
// the source tree the binary was built from.
std::string DefaultSystemFile();

// A progress bar on a terminal; plain lines at each tenth otherwise (to stderr).
void PrintProgress(std::string_view what, std::size_t done, std::size_t total);

// Prints a Status to stderr as "clusterscope: <message>" and returns its exit code.
int Fail(const Status& status);

// A month option (--period): nullopt when not given; InvalidArgument naming the option if
// malformed.
Result<std::optional<core::Period>> PeriodOption(const std::string& text,
                                                 std::string_view option = "--period");

// Prints `text`, or writes it to the file `out` (saying so) when one is given.
int PrintOrWrite(const std::string& text, const std::string& out);
// A rendered output in `format`: printed or written to `out`; a workbook (xlsx) needs `out`.
int Emit(const Result<std::string>& rendered, std::string_view format, const std::string& out);
// InvalidArgument for a workbook without --out: checked before the work (and its export row).
Status CheckOut(std::string_view format, const std::string& out);

void RegisterInit(CLI::App& app, Context& ctx);
void RegisterAnalyze(CLI::App& app, Context& ctx);
void RegisterSystem(CLI::App& app, Context& ctx);
void RegisterEnterprise(CLI::App& app, Context& ctx);
void RegisterDesignation(CLI::App& app, Context& ctx);
void RegisterImport(CLI::App& app, Context& ctx);
void RegisterIndustry(CLI::App& app, Context& ctx);
void RegisterAudit(CLI::App& app, Context& ctx);
void RegisterChanges(CLI::App& app, Context& ctx);
void RegisterHistory(CLI::App& app, Context& ctx);
void RegisterReport(CLI::App& app, Context& ctx);
void RegisterList(CLI::App& app, Context& ctx);
void RegisterSynth(CLI::App& app, Context& ctx);
void RegisterStatus(CLI::App& app, Context& ctx);
void RegisterTargets(CLI::App& app, Context& ctx);
void RegisterChain(CLI::App& app, Context& ctx);
void RegisterProject(CLI::App& app, Context& ctx);
void RegisterCultivate(CLI::App& app, Context& ctx);
void RegisterUser(CLI::App& app, Context& ctx);
void RegisterServe(CLI::App& app, Context& ctx);

}  // namespace clusterscope::cli
