// SPDX-License-Identifier: LicenseRef-ClusterScope
// `clusterscope import <kind> FILE`: one verb for every kind of interchange file.
#include "command.h"
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "clusterscope/app/analytics_service.h"
#include "clusterscope/app/import_service.h"
#include "clusterscope/report/monthly.h"
#include "clusterscope/report/registry.h"
#include "clusterscope/report/text_table.h"

namespace clusterscope::cli {
namespace {

struct ImportArgs {
  std::string file;
  bool skip_invalid = false;
  std::string rejects;
  int year = 0;
  std::string format;
  std::size_t max_issues = 0;       // 0: all
  std::vector<std::string> sheets;  // one, several, or "*"
  std::string encoding = "utf-8";
  std::string unit;  // empty: the file's own, else 万元
  std::string benchmark;
  bool cumulative = false;
  model::QualityRules quality;
  std::uint64_t memory_budget = 0;
  bool dry_run = false;
  std::string profile;
};

// Imports the file as the verb's kind of file and prints the import's report.
int RunImport(const Context& ctx, const std::string& name, const ImportArgs& args) {
  int code = 0;
  auto opened = OpenDatabase(ctx, code);
  if (!opened) return code;
  model::ImportOptions options;
  options.skip_invalid = args.skip_invalid;
  options.rejects_path = args.rejects;
  options.year = args.year;
  options.cumulative = args.cumulative;
  options.quality_rules = args.quality;
  if (args.sheets.size() == 1 && args.sheets[0] != "*") {
    options.sheet = args.sheets[0];
  } else {
    options.sheets = args.sheets;
  }
  options.memory_budget = args.memory_budget;
  options.benchmark = args.benchmark;
  options.progress = [](std::size_t done, std::size_t total) {
    if (total >= 10'000) PrintProgress("import: rows", done, total);  // small files: quiet
  };
  options.gbk = args.encoding == "gbk";
  options.dry_run = args.dry_run;
  if (!args.unit.empty()) options.unit = model::ParseMoneyUnit(args.unit);
  auto imports = opened->Service<app::ImportService>();
  if (!args.profile.empty()) {
    auto profile = imports.Profile(args.profile);
    if (!profile) return Fail(profile.error());
    options.profile = std::move(*profile);
  }
  auto report = imports.Import(name, args.file, options);
  if (!report) return Fail(report.error());
  if (args.format == "json") {
    fmt::print("{}", report::ImportReportJson(*report, core::Language::kEn));
  } else {
    fmt::print(report->written || report->dry_run ? stdout : stderr, "{}{}",
               report::ImportReportText(*report, args.max_issues),
               report->written ? report::QualitySummaryText(report->quality) : "");
  }
  const bool fine = report->written || (report->dry_run && !report->has_errors());
  return fine ? static_cast<int>(kExitOk) : static_cast<int>(kExitInvalidArgument);
}

// One verb per kind of file in the catalogue (app::ImportKinds), with the options it takes.
void AddImportVerb(CLI::App& group, Context& ctx, const app::ImportKind& kind) {
  auto args = std::make_shared<ImportArgs>();
  auto* command = AddCommand(group, std::string(kind.name), std::string(kind.description));
  const auto& verb = kind.options;
  command->add_option("file", args->file, "UTF-8 CSV file, or .xlsx workbook, with a header row")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_option(
      "--sheet", args->sheets,
      "Worksheet of an .xlsx file (default: the first); monthly files: repeat it, "
      "or give '*', to read several sheets as one file (a sheet per park or month)");
  command->add_option("--encoding", args->encoding, "Text encoding of a CSV file")
      ->check(CLI::IsMember({"utf-8", "gbk"}))
      ->default_val("utf-8");
  command->add_flag("--skip-invalid", args->skip_invalid,
                    "Write the valid rows and a rejects file instead of nothing");
  command->add_flag("--dry-run", args->dry_run,
                    "Read and check the file, show how each column is read and the first rows "
                    "as parsed, count what would change, and write nothing");
  command->add_option("--profile", args->profile,
                      "Read the file as the saved import profile NAME says (`import profile "
                      "list`)");
  command->add_option("--memory-budget", args->memory_budget,
                      "Bytes the file's cells may take in memory, past which it is refused "
                      "(default: 64 MiB and 8 times the file's size)");
  command->add_option("--rejects", args->rejects,
                      "Where --skip-invalid writes rejected rows (default: FILE.rejects.csv)");
  if (verb.unit) {
    command
        ->add_option("--unit", args->unit,
                     "Unit of the money columns: yuan (元), qian (千元), wan (万元), yi (亿元) "
                     "(default: the unit the file states in a units line or its headers, else "
                     "wan)")
        ->check(CLI::IsMember({"yuan", "qian", "wan", "yi"}));
    command
        ->add_option("--jump-factor", args->quality.jump_factor,
                     "Audit: warn when a month is this many times above (or below 1/x of) "
                     "the enterprise's trailing median")
        ->default_val(args->quality.jump_factor);
    command
        ->add_option("--va-rate-min", args->quality.va_rate_min,
                     "Audit: lowest plausible value-added rate (fraction)")
        ->default_val(args->quality.va_rate_min);
    command
        ->add_option("--va-rate-max", args->quality.va_rate_max,
                     "Audit: highest plausible value-added rate (fraction)")
        ->default_val(args->quality.va_rate_max);
    command
        ->add_option("--energy-factor", args->quality.energy_factor,
                     "Audit: warn when energy per output is this many times from its "
                     "division's median")
        ->default_val(args->quality.energy_factor);
    command->add_flag("--cumulative", args->cumulative,
                      "Values are year-to-date (累计); month values are derived by differencing, "
                      "and a February with no January is the combined January-February report");
  }
  if (verb.name) {
    command->add_option("--name", args->benchmark,
                        "Name to keep it under (default: the file's name without extension)");
  }
  if (verb.year) {
    command->add_option("--year", args->year,
                        "Year the above_scale column describes (default: this year)");
  }
  command
      ->add_option("--max-issues", args->max_issues,
                   "Print at most this many errors and warnings (0: every error, 20 warnings)")
      ->default_val(0);
  AddFormatOption(*command, args->format);
  command->callback([&ctx, args, name = std::string(kind.name)] {
    ctx.action = [&ctx, args, name] { return RunImport(ctx, name, *args); };
  });
}

struct ProfileArgs {
  std::string name;
  std::string from;
  std::string toml;
  std::string kind = "monthly";
  std::vector<std::string> sheets;
  std::string encoding = "utf-8";
  std::string unit;
  bool cumulative = false;
  bool ignore_unknown = false;
  std::vector<std::string> columns;  // "header=column"
  std::string format = "table";
};

// Saves a profile from a file as read, or from TOML, and prints it.
int SaveProfile(const Context& ctx, const ProfileArgs& args) {
  int code = 0;
  auto opened = OpenDatabase(ctx, code);
  if (!opened) return code;
  auto imports = opened->Service<app::ImportService>();
  Result<model::ImportProfile> saved =
      Error(Status::InvalidArgument("give --from FILE or --toml FILE"));
  if (!args.toml.empty()) {
    saved = imports.SaveProfileTomlFile(args.toml, args.name);
  } else if (!args.from.empty()) {
    model::ImportOptions options;
    if (args.sheets.size() == 1 && args.sheets[0] != "*") {
      options.sheet = args.sheets[0];
    } else {
      options.sheets = args.sheets;
    }
    options.gbk = args.encoding == "gbk";
    options.cumulative = args.cumulative;
    options.ignore_unknown_columns = args.ignore_unknown;
    if (!args.unit.empty()) options.unit = model::ParseMoneyUnit(args.unit);
    std::vector<std::pair<std::string, std::string>> columns;
    for (const auto& given : args.columns) {
      const auto eq = given.rfind('=');
      if (eq == std::string::npos) {
        return Fail(Status::InvalidArgument(
            fmt::format("--column '{}': write the header, '=' and the column, e.g. "
                        "\"产值=output_value\" (nothing after '=' leaves it out)",
                        given)));
      }
      columns.emplace_back(given.substr(0, eq), given.substr(eq + 1));
    }
    saved = imports.SaveProfileFrom(args.name, args.kind, args.from, options, columns);
  }
  if (!saved) return Fail(saved.error());
  fmt::print("saved import profile {}:\n{}", saved->name, app::ImportProfileToml(*saved));
  return static_cast<int>(kExitOk);
}

int ListProfiles(const Context& ctx, const std::string& format) {
  int code = 0;
  auto opened = OpenDatabase(ctx, code);
  if (!opened) return code;
  auto profiles = opened->Service<app::ImportService>().Profiles();
  if (!profiles) return Fail(profiles.error());
  if (format == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : *profiles) {
      out.push_back({{"name", p.name},
                     {"kind", p.kind},
                     {"source", p.source},
                     {"header_line", p.header_line},
                     {"header_rows", p.header_rows},
                     {"columns", p.columns.size()}});
    }
    fmt::print("{}\n", out.dump(2));
    return static_cast<int>(kExitOk);
  }
  report::TextTable table({"profile", "kind", "header", "columns", "saved from"});
  for (const auto& p : *profiles) {
    table.AddRow({p.name, p.kind,
                  p.header_line > 0 ? fmt::format("row {} ({} level{})", p.header_line,
                                                  p.header_rows, p.header_rows > 1 ? "s" : "")
                                    : std::string("found"),
                  std::to_string(p.columns.size()), p.source});
  }
  fmt::print("{}", table.Render());
  return static_cast<int>(kExitOk);
}

// `import profile save|show|list|delete`.
void AddProfileCommands(CLI::App& group, Context& ctx) {
  auto* profile = AddCommand(group, "profile",
                             "Import profiles: a saved way of reading one source's files (header "
                             "rows, columns, basis, unit, sheet), used with --profile NAME");
  profile->require_subcommand(1);
  auto args = std::make_shared<ProfileArgs>();
  auto* save = AddCommand(*profile, "save",
                          "Save how a file is read (--from FILE), or a profile written as TOML "
                          "(--toml FILE), under NAME");
  save->add_option("name", args->name, "The profile's name")->required();
  auto* from = save->add_option("--from", args->from,
                                "A file of the source, read as an import "
                                "would read it")
                   ->check(CLI::ExistingFile);
  save->add_option("--toml", args->toml, "A profile as TOML (`import profile show NAME`)")
      ->check(CLI::ExistingFile)
      ->excludes(from);
  save->add_option("--kind", args->kind, "The kind of file it reads")->default_val("monthly");
  save->add_option("--sheet", args->sheets,
                   "Worksheet of an .xlsx file (default: the first); repeated, or '*', the "
                   "sheets a monthly file is read from, alike");
  save->add_option("--encoding", args->encoding, "Text encoding of a CSV file")
      ->check(CLI::IsMember({"utf-8", "gbk"}));
  save->add_option("--unit", args->unit, "Unit of the money columns when the file does not say")
      ->check(CLI::IsMember({"yuan", "qian", "wan", "yi"}));
  save->add_flag("--cumulative", args->cumulative, "The figures are year-to-date (累计)");
  save->add_option("--column", args->columns,
                   "\"HEADER=COLUMN\": what a column the headers do not name means (repeat; "
                   "nothing after '=' leaves it out)");
  save->add_flag("--ignore-unknown-columns", args->ignore_unknown,
                 "Leave out the columns not known instead of refusing");
  save->callback([&ctx, args] { ctx.action = [&ctx, args] { return SaveProfile(ctx, *args); }; });

  auto name = std::make_shared<std::string>();
  auto* show = AddCommand(*profile, "show", "A profile as TOML, to edit and save with --toml");
  show->add_option("name", *name, "The profile's name")->required();
  show->callback([&ctx, name] {
    ctx.action = [&ctx, name] {
      int code = 0;
      auto opened = OpenDatabase(ctx, code);
      if (!opened) return code;
      auto found = opened->Service<app::ImportService>().Profile(*name);
      if (!found) return Fail(found.error());
      fmt::print("{}", app::ImportProfileToml(*found));
      return static_cast<int>(kExitOk);
    };
  });
  auto format = std::make_shared<std::string>("table");
  auto* list = AddCommand(*profile, "list", "The saved import profiles");
  AddFormatOption(*list, *format);
  list->callback(
      [&ctx, format] { ctx.action = [&ctx, format] { return ListProfiles(ctx, *format); }; });
  auto* remove = AddCommand(*profile, "delete", "Delete a profile");
  remove->add_option("name", *name, "The profile's name")->required();
  remove->callback([&ctx, name] {
    ctx.action = [&ctx, name] {
      int code = 0;
      auto opened = OpenDatabase(ctx, code);
      if (!opened) return code;
      const Status deleted = opened->Service<app::ImportService>().DeleteProfile(*name);
      if (!deleted.ok()) return Fail(deleted);
      fmt::print("deleted import profile {}\n", *name);
      return static_cast<int>(kExitOk);
    };
  });
}

}  // namespace

void RegisterImport(CLI::App& app, Context& ctx) {
  auto* group =
      AddCommand(app, "import", "Import an interchange file; all-or-nothing unless --skip-invalid");
  group->require_subcommand(1);
  for (const auto& kind : app::ImportKinds()) AddImportVerb(*group, ctx, kind);
  AddProfileCommands(*group, ctx);

  auto io_file = std::make_shared<std::string>();
  auto* io = AddCommand(*group, "io",
                        "An input-output table (sector, a column per sector, final_demand) for "
                        "projects' total effect; it replaces the current one, which stays as "
                        "history");
  io->add_option("file", *io_file, "CSV or .xlsx")->required();
  io->callback([&ctx, io_file] {
    ctx.action = [&ctx, io_file] {
      int code = 0;
      auto opened = OpenDatabase(ctx, code);
      if (!opened) return code;
      auto table = opened->Service<app::AnalyticsService>().ImportInputOutput(*io_file);
      if (!table) return Fail(table.error());
      fmt::print("input-output table {}: {} sectors\n", *io_file, table->sectors.size());
      return static_cast<int>(kExitOk);
    };
  });

  auto batch = std::make_shared<std::int64_t>(0);
  auto* undo =
      AddCommand(*group, "undo", "Revert a monthly import batch: restore the values it replaced");
  undo->add_option("batch", *batch, "Batch number, as the import printed it")->required();
  undo->callback([&ctx, batch] {
    ctx.action = [&ctx, batch] {
      int code = 0;
      auto opened = OpenDatabase(ctx, code);
      if (!opened) return code;
      auto result = opened->Service<app::ImportService>().Undo(*batch);
      if (!result) return Fail(result.error());
      fmt::print("undid batch {}: {} enterprise-months restored, {} removed\n", *batch,
                 result->restored, result->removed);
      return static_cast<int>(kExitOk);
    };
  });
}

}  // namespace clusterscope::cli
