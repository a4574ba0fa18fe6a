// SPDX-License-Identifier: LicenseRef-ClusterScope
// `clusterscope import <kind> FILE`: one verb for every kind of interchange file.
#include "command.h"
#include <fmt/format.h>

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
  std::string unit = "wan";
  std::string benchmark;
  bool cumulative = false;
  model::QualityRules quality;
};

// Options only some kinds of file take.
struct VerbOptions {
  bool year = false;  // --year: the year above_scale describes (enterprises)
  bool unit = false;  // --unit: the unit of money cells (monthly)
  bool name = false;  // --name: the benchmark's name (matrix)
};

using Importer = Result<ingest::ImportReport> (app::Workspace::*)(const std::string&,
                                                                  ingest::ImportOptions);

void AddImportVerb(CLI::App& group, Context& ctx, const std::string& kind,
                   const std::string& description, Importer importer, VerbOptions verb) {
  auto args = std::make_shared<ImportArgs>();
  auto* command = AddCommand(group, kind, description);
  command->add_option("file", args->file, "UTF-8 CSV file, or .xlsx workbook, with a header row")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_option("--sheet", args->sheet, "Worksheet of an .xlsx file (default: the first)");
  command->add_option("--encoding", args->encoding, "Text encoding of a CSV file")
      ->check(CLI::IsMember({"utf-8", "gbk"}))
      ->default_val("utf-8");
  command->add_flag("--skip-invalid", args->skip_invalid,
                    "Write the valid rows and a rejects file instead of nothing");
  command->add_option("--rejects", args->rejects,
                      "Where --skip-invalid writes rejected rows (default: FILE.rejects.csv)");
  if (verb.unit) {
    command
        ->add_option("--unit", args->unit, "Unit of the money columns: yuan, wan (万元), yi (亿元)")
        ->check(CLI::IsMember({"yuan", "wan", "yi"}))
        ->default_val("wan");
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
  command->callback([&ctx, args, importer] {
    ctx.action = [&ctx, args, importer] {
      int code = 0;
      auto workspace = OpenWorkspace(ctx, code);
      if (!workspace) return code;
      ingest::ImportOptions options;
      options.skip_invalid = args->skip_invalid;
      options.rejects_path = args->rejects;
      options.year = args->year;
      options.cumulative = args->cumulative;
      options.quality_rules = args->quality;
      options.sheet = args->sheet;
      options.benchmark = args->benchmark;
      options.progress = [](std::size_t done, std::size_t total) {
        if (total >= 10'000) PrintProgress("import: rows", done, total);  // small files: quiet
      };
      options.gbk = args->encoding == "gbk";
      options.unit = args->unit == "yuan" ? ingest::MoneyUnit::kYuan
                     : args->unit == "yi" ? ingest::MoneyUnit::kYi
                                          : ingest::MoneyUnit::kWan;
      auto report = ((*workspace).*importer)(args->file, options);
      if (!report) return Fail(report.error());
      if (args->format == "json") {
        fmt::print("{}", report::ImportReportJson(*report));
      } else {
        fmt::print(report->written ? stdout : stderr, "{}{}",
                   report::ImportReportText(*report, args->max_issues),
                   report->written ? report::QualitySummaryText(report->quality) : "");
      }
      return report->written ? static_cast<int>(kExitOk) : static_cast<int>(kExitInvalidArgument);
    };
  });
}

}  // namespace

void RegisterImport(CLI::App& app, Context& ctx) {
  auto* group =
      AddCommand(app, "import", "Import an interchange file; all-or-nothing unless --skip-invalid");
  group->require_subcommand(1);
  AddImportVerb(*group, ctx, "enterprises",
                "Enterprises (uscc, name, industry_code, cluster, park, town, above_scale, "
                "founded, listed, land_km2, strategic_emerging)",
                &app::Workspace::ImportEnterprises, {.year = true});
  AddImportVerb(*group, ctx, "designations",
                "Designations (uscc, designation, granted, withdrawn, level, note)",
                &app::Workspace::ImportDesignations, {});
  AddImportVerb(*group, ctx, "scale", "The above-scale directory by year (uscc, year, above_scale)",
                &app::Workspace::ImportScale, {});
  AddImportVerb(*group, ctx, "monthly",
                "Monthly statistics, month values (uscc, period, output_value, value_added, "
                "revenue, profit, rd_expense, new_product_revenue, export_value, energy_tce, "
                "employees)",
                &app::Workspace::ImportMonthly, {.unit = true});
  AddImportVerb(*group, ctx, "prices",
                "Price indices by industry division (division, period, index; the same month of "
                "last year = 100), for value-added growth at comparable prices",
                &app::Workspace::ImportPrices, {});
  AddImportVerb(*group, ctx, "series",
                "Values of the external series the target plan declares (series, period YYYY or "
                "YYYY-MM, value, source): GDP, investment, set rates, milestones",
                &app::Workspace::ImportSeries, {});
  AddImportVerb(*group, ctx, "projects",
                "Investment projects, one row per phase (code, name, investor, cluster, chain, "
                "link, park, investment, capacity with its unit, sales at full output, stage and "
                "its dates); a stored project moves by the pipeline's rules",
                &app::Workspace::ImportProjects, {});
  AddImportVerb(*group, ctx, "relations",
                "Supplier relations of local buyers (buyer, supplier, period, value 万元), for "
                "the chains' local supply share",
                &app::Workspace::ImportRelations, {});
  AddImportVerb(*group, ctx, "matrix",
                "A benchmark region x industry matrix for `analyze` (region, industry, value, "
                "year): other regions' figures by GB/T 4754 code",
                &app::Workspace::ImportMatrix, {.name = true});
  AddImportVerb(*group, ctx, "prospects",
                "Outside enterprises to attract (uscc, name, industry_code, region, revenue "
                "万元, products), for the 补链 candidate lists",
                &app::Workspace::ImportProspects, {});

  auto io_file = std::make_shared<std::string>();
  auto* io = AddCommand(*group, "io",
                        "An input-output table (sector, a column per sector, final_demand) for "
                        "projects' total effect; it replaces the current one, which stays as "
                        "history");
  io->add_option("file", *io_file, "CSV or .xlsx")->required();
  io->callback([&ctx, io_file] {
    ctx.action = [&ctx, io_file] {
      int code = 0;
      auto workspace = OpenWorkspace(ctx, code);
      if (!workspace) return code;
      auto table = workspace->ImportInputOutput(*io_file);
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
      auto workspace = OpenWorkspace(ctx, code);
      if (!workspace) return code;
      auto result = workspace->UndoImport(*batch);
      if (!result) return Fail(result.error());
      fmt::print("undid batch {}: {} enterprise-months restored, {} removed\n", *batch,
                 result->restored, result->removed);
      return static_cast<int>(kExitOk);
    };
  });
}

}  // namespace clusterscope::cli
