// SPDX-License-Identifier: LicenseRef-ClusterScope
// `clusterscope import <kind> FILE`: one verb for every kind of interchange file.
#include "command.h"
#include <fmt/format.h>

#include "clusterscope/app/analytics_service.h"
#include "clusterscope/app/import_service.h"
#include "clusterscope/report/monthly.h"
#include "clusterscope/report/registry.h"

namespace clusterscope::cli {
namespace {

struct ImportArgs {
  std::string file;
  bool skip_invalid = false;
  std::string rejects;
  int year = 0;
  std::string format;
  std::size_t max_issues = 0;  // 0: all
  std::string sheet;
  std::string encoding = "utf-8";
  std::string unit;  // empty: the file's own, else 万元
  std::string benchmark;
  bool cumulative = false;
  model::QualityRules quality;
  std::uint64_t memory_budget = 0;
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
  options.sheet = args.sheet;
  options.memory_budget = args.memory_budget;
  options.benchmark = args.benchmark;
  options.progress = [](std::size_t done, std::size_t total) {
    if (total >= 10'000) PrintProgress("import: rows", done, total);  // small files: quiet
  };
  options.gbk = args.encoding == "gbk";
  if (!args.unit.empty()) options.unit = model::ParseMoneyUnit(args.unit);
  auto report = opened->Service<app::ImportService>().Import(name, args.file, options);
  if (!report) return Fail(report.error());
  if (args.format == "json") {
    fmt::print("{}", report::ImportReportJson(*report, core::Language::kEn));
  } else {
    fmt::print(report->written ? stdout : stderr, "{}{}",
               report::ImportReportText(*report, args.max_issues),
               report->written ? report::QualitySummaryText(report->quality) : "");
  }
  return report->written ? static_cast<int>(kExitOk) : static_cast<int>(kExitInvalidArgument);
}

// One verb per kind of file in the catalogue (app::ImportKinds), with the options it takes.
void AddImportVerb(CLI::App& group, Context& ctx, const app::ImportKind& kind) {
  auto args = std::make_shared<ImportArgs>();
  auto* command = AddCommand(group, std::string(kind.name), std::string(kind.description));
  const auto& verb = kind.options;
  command->add_option("file", args->file, "UTF-8 CSV file, or .xlsx workbook, with a header row")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_option("--sheet", args->sheet, "Worksheet of an .xlsx file (default: the first)");
  command->add_option("--encoding", args->encoding, "Text encoding of a CSV file")
      ->check(CLI::IsMember({"utf-8", "gbk"}))
      ->default_val("utf-8");
  command->add_flag("--skip-invalid", args->skip_invalid,
                    "Write the valid rows and a rejects file instead of nothing");
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

}  // namespace

void RegisterImport(CLI::App& app, Context& ctx) {
  auto* group =
      AddCommand(app, "import", "Import an interchange file; all-or-nothing unless --skip-invalid");
  group->require_subcommand(1);
  for (const auto& kind : app::ImportKinds()) AddImportVerb(*group, ctx, kind);

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
