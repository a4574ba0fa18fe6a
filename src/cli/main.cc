// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The clusterscope binary: parses the command line with CLI11, configures logging once, runs the
// chosen subcommand and maps its Status to an exit code. This is the one last-resort catch site
// of the command line.
#include <exception>

#include "command.h"
#include <fmt/format.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace {

int Run(int argc, char** argv) {
  using namespace clusterscope::cli;
  CLI::App app("ClusterScope: the system of record for a region's manufacturing clusters.",
               "clusterscope");
  app.require_subcommand(1);
  app.set_version_flag("--version", "clusterscope " CLUSTERSCOPE_VERSION);
  Context ctx;
  ctx.global.actor = clusterscope::app::DefaultActor();
  app.add_option("--db", ctx.global.db, "Database file")
      ->envname("CLUSTERSCOPE_DB")
      ->default_val("clusterscope.db");
  app.add_option("--actor", ctx.global.actor,
                 "Who is making changes, for the audit log (default: $CLUSTERSCOPE_USER or $USER)");
  app.add_option("--log-level", ctx.global.log_level, "Logging to stderr")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}))
      ->default_val("warn");
  app.footer(
      "Exit codes: 0 ok, 1 unexpected, 2 usage, 3 invalid input, 4 not found, 5 already exists,\n"
      "6 data loss, 7 unavailable (database locked, disk full), 8 internal, 9 permission denied. "
      "See docs/cli.md.");

  RegisterInit(app, ctx);
  RegisterSystem(app, ctx);
  RegisterEnterprise(app, ctx);
  RegisterDesignation(app, ctx);
  RegisterImport(app, ctx);
  RegisterIndustry(app, ctx);
  RegisterAudit(app, ctx);
  RegisterChanges(app, ctx);
  RegisterHistory(app, ctx);
  RegisterReport(app, ctx);
  RegisterList(app, ctx);
  RegisterSynth(app, ctx);
  RegisterStatus(app, ctx);
  RegisterTargets(app, ctx);
  RegisterChain(app, ctx);
  RegisterProject(app, ctx);
  RegisterCultivate(app, ctx);
  RegisterUser(app, ctx);
  RegisterServe(app, ctx);
  RegisterAnalyze(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? kExitOk : kExitUsage;
  }

  auto logger = spdlog::stderr_color_mt("clusterscope");
  spdlog::set_default_logger(logger);
  spdlog::set_level(spdlog::level::from_str(ctx.global.log_level));

  if (!ctx.action) return kExitUsage;  // a command group given without its subcommand
  return ctx.action();
}

}  // namespace

int main(int argc, char** argv) try {
  return Run(argc, argv);
} catch (const std::exception& error) {
  fmt::print(stderr, "clusterscope: unexpected error: {}\n", error.what());
  return clusterscope::cli::kExitUnexpected;
} catch (...) {
  fmt::print(stderr, "clusterscope: unexpected error\n");
  return clusterscope::cli::kExitUnexpected;
}
