// SPDX-License-Identifier: LicenseRef-ClusterScope
// `clusterscope analyze location-quotient|concentration|shift-share|complexity|io`: regional
// analytics on files, for researchers and scripts (docs/analytics.md). No database.
#include <map>
#include <memory>
#include <set>

#include "command.h"
#include <fmt/format.h>

#include "clusterscope/analytics/cluster_quotients.h"
#include "clusterscope/analytics/complexity.h"
#include "clusterscope/analytics/input_output.h"
#include "clusterscope/analytics/shift_share.h"
#include "clusterscope/app/analytics_service.h"
#include "clusterscope/app/files.h"
#include "clusterscope/core/classification.h"
#include "clusterscope/report/analytics.h"

namespace clusterscope::cli {
namespace {

struct AnalyzeArgs {
  std::string file, format = "json", out, region, presence = "rca", demand_change, benchmark;
  std::string by = "town", areas;  // agglomeration
  int year = 0, from = 0, to = 0, digits = 2;
  double threshold = 1.0;
  bool dynamic = false, ghosh = false;
};

void AddCommon(CLI::App& command, AnalyzeArgs& args, const char* file_help) {
  command.add_option("file", args.file, file_help);
  command.add_option("--format", args.format, "json or csv")
      ->check(CLI::IsMember({"json", "csv"}))
      ->default_val("json");
  command.add_option("--out", args.out, "Write to this file instead of the terminal");
}

void AddYear(CLI::App& command, AnalyzeArgs& args) {
  command.add_option("--year", args.year,
                     "The year to use when the file has a year column (default: the latest)");
}

// The year's matrix: the one asked for, or the latest (a matrix without a year column has one,
// for any year).
Result<analytics::RegionIndustryMatrix> YearOf(std::map<int, analytics::RegionIndustryMatrix> years,
                                               int year, const std::string& source) {
  if (year == 0 || years.begin()->first == 0) return std::move(years.rbegin()->second);
  const auto it = years.find(year);
  if (it == years.end()) {
    return Error(Status::NotFound(fmt::format("{}: no rows for {}", source, year)));
  }
  return std::move(it->second);
}

Result<analytics::RegionIndustryMatrix> MatrixOf(const std::string& file, int year) {
  auto years = app::ReadMatrixFile(file);
  if (!years) return Error(years.error());
  return YearOf(std::move(*years), year, file);
}

// Either a file or a kept benchmark (--benchmark, with the region's own row from --db).
Status OneSource(const AnalyzeArgs& args) {
  if (args.file.empty() == args.benchmark.empty()) {
    return Status::InvalidArgument(
        "give a matrix file or --benchmark NAME (one kept by `import matrix`), not both");
  }
  return Status::Ok();
}

// The kept benchmark of `year` with the region's row from the database, and the region's name.
Result<std::pair<analytics::RegionIndustryMatrix, std::string>> FromDatabase(
    const Opened& opened, const AnalyzeArgs& args, int year) {
  auto grant = opened.Grant(app::Subject::kIndicators, "analyze", args.benchmark);
  if (!grant) return Error(grant.error());
  app::BenchmarkOptions options;
  options.benchmark = args.benchmark;
  options.year = year;
  options.region = args.region;
  return opened.Service<app::AnalyticsService>().RegionAgainstBenchmark(*grant, options);
}

int Matrix(
    Context& ctx, const AnalyzeArgs& args,
    const std::function<Result<std::string>(const analytics::RegionIndustryMatrix&)>& render) {
  if (const Status one = OneSource(args); !one.ok()) return Fail(one);
  Result<analytics::RegionIndustryMatrix> matrix = Error(Status::Internal("no matrix"));
  if (!args.benchmark.empty()) {
    int code = 0;
    auto opened = OpenDatabase(ctx, code);
    if (!opened) return code;
    auto kept = FromDatabase(*opened, args, args.year);
    if (!kept) return Fail(kept.error());
    matrix = std::move(kept->first);
  } else {
    matrix = MatrixOf(args.file, args.year);
  }
  if (!matrix) return Fail(matrix.error());
  auto text = render(*matrix);
  if (!text) return Fail(text.error());
  return PrintOrWrite(*text, args.out);
}

int ShiftShare(Context& ctx, AnalyzeArgs args) {
  if (const Status one = OneSource(args); !one.ok()) return Fail(one);
  Result<std::map<int, analytics::RegionIndustryMatrix>> years = Error(Status::Internal(""));
  if (!args.benchmark.empty()) {
    // Each year of the span from the kept benchmark, with the region's row from the database.
    int code = 0;
    auto opened = OpenDatabase(ctx, code);
    if (!opened) return code;
    std::map<int, analytics::RegionIndustryMatrix> kept;
    for (int year = args.from; year <= args.to && args.from < args.to; ++year) {
      auto matrix = FromDatabase(*opened, args, year);
      if (!matrix) return Fail(matrix.error());
      kept.emplace(year, std::move(matrix->first));
      if (args.region.empty()) args.region = matrix->second;
    }
    years = std::move(kept);
    args.file = "benchmark " + args.benchmark;
  } else {
    years = app::ReadMatrixFile(args.file);
  }
  if (!years) return Fail(years.error());
  if (years->size() < 2 || years->begin()->first == 0) {
    return Fail(Status::InvalidArgument(
        fmt::format("{}: shift-share needs a year column with two years or more", args.file)));
  }
  if (args.from >= args.to) {
    return Fail(Status::InvalidArgument("--from must be a year before --to"));
  }
  std::vector<const analytics::RegionIndustryMatrix*> span;
  for (const auto& [year, matrix] : *years) {
    if (year < args.from || year > args.to) continue;
    if (args.dynamic || year == args.from || year == args.to) span.push_back(&matrix);
  }
  for (int year : {args.from, args.to}) {
    if (years->count(year) == 0) {
      return Fail(Status::NotFound(fmt::format("{}: no rows for {}", args.file, year)));
    }
  }
  auto result = analytics::DynamicShiftShare(span, args.region);
  if (!result) return Fail(result.error());
  return PrintOrWrite(args.format == "csv"
                          ? report::ShiftShareCsv(*result)
                          : report::ShiftShareJson(*result, args.from, args.to, args.dynamic),
                      args.out);
}

// The clusters' location quotients: the region's own output by industry from the database,
// against a benchmark matrix of GB/T 4754 codes; the region's row replaces the benchmark's row
// of the same name, if it has one.
int Clusters(Context& ctx, const AnalyzeArgs& args) {
  if (!args.file.empty() && !args.benchmark.empty()) {
    return Fail(Status::InvalidArgument(
        "give a benchmark file or --benchmark NAME (one kept by `import matrix`), not both"));
  }
  int code = 0;
  auto opened = OpenDatabase(ctx, code);
  if (!opened) return code;
  auto grant = opened->Grant(app::Subject::kIndicators, "analyze clusters", args.benchmark);
  if (!grant) return Fail(grant.error());
  app::BenchmarkOptions options;
  options.benchmark = args.benchmark;
  options.year = args.year;
  options.region = args.region;
  std::map<int, analytics::RegionIndustryMatrix> from_file;
  if (!args.file.empty()) {
    auto years = app::ReadMatrixFile(args.file);
    if (!years) return Fail(years.error());
    from_file = std::move(*years);
    options.matrices = &from_file;
    options.file = args.file;
  }
  auto view = opened->Service<app::AnalyticsService>().BenchmarkClusters(*grant, options);
  if (!view) return Fail(view.error());
  return PrintOrWrite(
      args.format == "csv" ? report::ClusterViewCsv(*view) : report::ClusterViewJson(*view),
      args.out);
}

int Agglomeration(Context& ctx, const AnalyzeArgs& args) {
  int code = 0;
  auto opened = OpenDatabase(ctx, code);
  if (!opened) return code;
  auto grant = opened->Grant(app::Subject::kEnterprises, "analyze agglomeration",
                             fmt::format("{} by {}", args.year, args.by));
  if (!grant) return Fail(grant.error());
  auto plants = opened->Service<app::AnalyticsService>().Plants(*grant, args.year, args.digits,
                                                                args.by == "park");
  if (!plants) return Fail(plants.error());
  std::optional<std::map<std::string, analytics::AreaFacts>> facts;
  if (!args.areas.empty()) {
    auto read = app::ReadAreaFactsFile(args.areas);
    if (!read) return Fail(read.error());
    facts = std::move(*read);
  }
  const auto result = analytics::Agglomerate(plants->plants, facts ? &*facts : nullptr);
  if (args.format == "csv") return PrintOrWrite(report::AgglomerationCsv(result), args.out);
  return PrintOrWrite(report::AgglomerationJson(result, {.year = plants->period.year,
                                                         .period = plants->period.ToString(),
                                                         .by = args.by,
                                                         .level = args.digits == 2   ? "division"
                                                                  : args.digits == 3 ? "group"
                                                                                     : "class",
                                                         .without_area = plants->without_area}),
                      args.out);
}

int LoadPlan(Context& ctx, const std::string& file) {
  int code = 0;
  auto opened = OpenDatabase(ctx, code);
  if (!opened) return code;
  auto plan = opened->Service<app::AnalyticsService>().LoadPlan(file);
  if (!plan) return Fail(plan.error());
  fmt::print("analytics plan {} loaded: region {}, benchmark {}, {} input-output sectors mapped\n",
             file, plan->region, plan->benchmark.empty() ? "(none)" : plan->benchmark,
             plan->sectors.size());
  return 0;
}

int InputOutput(const AnalyzeArgs& args) {
  auto table = app::ReadInputOutputFile(args.file);
  if (!table) return Fail(table.error());
  auto analysis = analytics::AnalyseInputOutput(*table);
  if (!analysis) return Fail(analysis.error().WithContext(args.file));
  std::optional<std::vector<double>> change;
  if (!args.demand_change.empty()) {
    auto delta = app::ReadDemandChangeFile(args.demand_change, *table);
    if (!delta) return Fail(delta.error());
    auto output = analytics::OutputChange(*analysis, *delta);
    if (!output) return Fail(output.error());
    change = std::move(*output);
  }
  return PrintOrWrite(args.format == "csv"
                          ? report::InputOutputCsv(*table, *analysis, args.ghosh, change)
                          : report::InputOutputJson(*table, *analysis, args.ghosh, change),
                      args.out);
}

using Render =
    std::function<Result<std::string>(const AnalyzeArgs&, const analytics::RegionIndustryMatrix&)>;

constexpr const char* kMatrixHelp =
    "Long CSV or .xlsx: region,industry,value[,year] (docs/file_formats.md)";

// A subcommand over one year's matrix; returns its arguments for further options.
std::pair<CLI::App*, std::shared_ptr<AnalyzeArgs>> MatrixCommand(CLI::App& group, Context& ctx,
                                                                 const char* name, const char* help,
                                                                 Render render) {
  auto args = std::make_shared<AnalyzeArgs>();
  auto* command = AddCommand(group, name, help);
  AddCommon(*command, *args, kMatrixHelp);
  AddYear(*command, *args);
  command->add_option("--benchmark", args->benchmark,
                      "A benchmark kept by `import matrix`, the region's row from --db");
  command->callback([&ctx, args, render] {
    ctx.action = [&ctx, args, render] {
      return Matrix(ctx, *args,
                    [&](const analytics::RegionIndustryMatrix& m) { return render(*args, m); });
    };
  });
  return std::make_pair(command, args);
}

void AddMatrixMeasures(CLI::App& group, Context& ctx) {
  MatrixCommand(
      group, ctx, "location-quotient", "(x_rj/x_r.)/(x_.j/x..) for every region and industry",
      [](const AnalyzeArgs& args, const analytics::RegionIndustryMatrix& m) -> Result<std::string> {
        return args.format == "csv" ? report::LocationQuotientCsv(m)
                                    : report::LocationQuotientJson(m);
      });
  MatrixCommand(
      group, ctx, "concentration",
      "Each region's Krugman specialisation; each industry's Hoover, Herfindahl, "
      "Gini and Theil across the regions",
      [](const AnalyzeArgs& args, const analytics::RegionIndustryMatrix& m) -> Result<std::string> {
        return args.format == "csv" ? report::ConcentrationCsv(m) : report::ConcentrationJson(m);
      });
}

void AddShiftShare(CLI::App& group, Context& ctx) {
  auto shift = std::make_shared<AnalyzeArgs>();
  auto* shift_command =
      AddCommand(group, "shift-share",
                 "A region's growth between two years: national share, industry mix, regional "
                 "share; Esteban-Marquillas and Gerfin; --dynamic sums the years between");
  AddCommon(*shift_command, *shift, kMatrixHelp);
  shift_command->add_option("--region", shift->region,
                            "The region (with --benchmark, default: the analytics plan's)");
  shift_command->add_option("--from", shift->from, "Base year")->required();
  shift_command->add_option("--to", shift->to, "End year")->required();
  shift_command->add_flag("--dynamic", shift->dynamic, "Year by year, summed");
  shift_command->add_option("--benchmark", shift->benchmark,
                            "A benchmark kept by `import matrix`, the region's row from --db");
  shift_command->callback(
      [&ctx, shift] { ctx.action = [&ctx, shift] { return ShiftShare(ctx, *shift); }; });
}

void AddComplexity(CLI::App& group, Context& ctx) {
  auto [complexity_command, complexity] = MatrixCommand(
      group, ctx, "complexity",
      "RCA, presence, diversity, ubiquity, proximity, density, ECI, PCI, COI, COG",
      [](const AnalyzeArgs& args, const analytics::RegionIndustryMatrix& m) -> Result<std::string> {
        analytics::ComplexityOptions options;
        options.rca_threshold = args.threshold;
        if (args.presence == "manual") {
          options.presence = analytics::ComplexityOptions::Presence::kManual;
        }
        auto result = analytics::Complexity(m, options);
        if (!result) return Error(result.error());
        return args.format == "csv" ? report::ComplexityCsv(m, *result)
                                    : report::ComplexityJson(m, *result);
      });
  complexity_command
      ->add_option("--presence", complexity->presence,
                   "rca: present where RCA >= --threshold; manual: the values are presence")
      ->check(CLI::IsMember({"rca", "manual"}))
      ->default_val("rca");
  complexity_command->add_option("--threshold", complexity->threshold, "RCA threshold")
      ->default_val(1.0);
}

void AddClusters(CLI::App& group, Context& ctx) {
  auto clusters = std::make_shared<AnalyzeArgs>();
  auto* clusters_command = AddCommand(
      group, "clusters",
      "Each cluster's location quotient: the region's output by industry (from --db) against a "
      "benchmark matrix of GB/T 4754 codes (e.g. every district of the city)");
  clusters_command->add_option("file", clusters->file, kMatrixHelp);
  clusters_command->add_option(
      "--benchmark", clusters->benchmark,
      "A benchmark kept by `import matrix` (default: the analytics plan's)");
  clusters_command->add_option("--format", clusters->format, "json or csv")
      ->check(CLI::IsMember({"json", "csv"}))
      ->default_val("json");
  clusters_command->add_option("--out", clusters->out,
                               "Write to this file instead of the terminal");
  AddYear(*clusters_command, *clusters);
  clusters_command->add_option(
      "--region", clusters->region,
      "The region's row in the benchmark (default: the plan's, else the county's name)");
  clusters_command->callback(
      [&ctx, clusters] { ctx.action = [&ctx, clusters] { return Clusters(ctx, *clusters); }; });
}

void AddAgglomeration(CLI::App& group, Context& ctx) {
  auto agglomeration = std::make_shared<AnalyzeArgs>();
  auto* agglomeration_command = AddCommand(
      group, "agglomeration",
      "From the database's enterprises as plants in towns or parks: each industry's "
      "Ellison-Glaeser index, and with --areas each area's Litzenberger-Sternberg cluster index");
  agglomeration_command->add_option("--by", agglomeration->by, "town or park")
      ->check(CLI::IsMember({"town", "park"}))
      ->default_val("town");
  agglomeration_command->add_option("--digits", agglomeration->digits, "2 division, 3, 4 class")
      ->check(CLI::Range(2, 4))
      ->default_val(2);
  agglomeration_command->add_option("--areas", agglomeration->areas,
                                    "CSV area,land,population (km², persons) of the towns/parks");
  agglomeration_command->add_option("--format", agglomeration->format, "json or csv")
      ->check(CLI::IsMember({"json", "csv"}))
      ->default_val("json");
  agglomeration_command->add_option("--out", agglomeration->out,
                                    "Write to this file instead of the terminal");
  AddYear(*agglomeration_command, *agglomeration);
  agglomeration_command->callback([&ctx, agglomeration] {
    ctx.action = [&ctx, agglomeration] { return Agglomeration(ctx, *agglomeration); };
  });
}

void AddPlanLoad(CLI::App& group, Context& ctx) {
  auto plan_file = std::make_shared<std::string>();
  auto* load_command =
      AddCommand(group, "load",
                 "Check an analytics plan (default benchmark, the region's row, input-output "
                 "sectors mapped to clusters) and make it current");
  load_command->add_option("file", *plan_file, "TOML file")->required();
  load_command->callback(
      [&ctx, plan_file] { ctx.action = [&ctx, plan_file] { return LoadPlan(ctx, *plan_file); }; });
}

void AddInputOutput(CLI::App& group, Context& ctx) {
  auto io = std::make_shared<AnalyzeArgs>();
  auto* io_command = AddCommand(group, "io",
                                "Input-output: Leontief inverse, multipliers, linkages, key "
                                "sectors, and the output a final-demand change brings");
  AddCommon(*io_command, *io,
            "CSV: sector,<sector 1>,...,<sector n>,final_demand, a row per sector");
  io_command->add_option("--demand-change", io->demand_change, "CSV sector,delta");
  io_command->add_flag("--ghosh", io->ghosh, "Also the Ghosh-based forward linkage");
  io_command->callback([&ctx, io] { ctx.action = [io] { return InputOutput(*io); }; });
}

}  // namespace

void RegisterAnalyze(CLI::App& app, Context& ctx) {
  auto* group = AddCommand(app, "analyze",
                           "Regional analytics on files: location quotients, concentration, "
                           "shift-share, complexity, input-output (docs/analytics.md)");
  group->require_subcommand(1);
  AddMatrixMeasures(*group, ctx);
  AddShiftShare(*group, ctx);
  AddComplexity(*group, ctx);
  AddClusters(*group, ctx);
  AddAgglomeration(*group, ctx);
  AddPlanLoad(*group, ctx);
  AddInputOutput(*group, ctx);
}

}  // namespace clusterscope::cli
