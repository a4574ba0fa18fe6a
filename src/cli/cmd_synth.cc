// SPDX-License-Identifier: LicenseRef-ClusterScope
// `clusterscope synth`: realistic generated data in the interchange formats.
#include "command.h"
#include <fmt/format.h>

#include "clusterscope/app/config.h"
#include "clusterscope/synth/generator.h"
#include "clusterscope/synth/matrix.h"

namespace clusterscope::cli {

namespace {

struct SynthArgs {
  synth::Options options;
  std::string start = "2021-01";
  std::string system;
  bool matrix = false;
  synth::MatrixOptions matrix_options;
};

// Writes the files; a copy of the options, which it completes.
int RunSynth(SynthArgs args) {
  if (args.matrix) {
    args.matrix_options.seed = args.options.seed;
    std::error_code error;
    std::filesystem::create_directories(args.options.out_dir, error);
    if (error) {
      return Fail(Status::Unavailable(
          fmt::format("cannot create {}: {}", args.options.out_dir, error.message())));
    }
    const std::string path = (std::filesystem::path(args.options.out_dir) / "matrix.csv").string();
    auto cells = synth::WriteMatrix(args.matrix_options, path);
    if (!cells) return Fail(cells.error());
    fmt::print("wrote {} cells of {} regions x {} industries to {}\n", *cells,
               args.matrix_options.regions, args.matrix_options.industries, path);
    return static_cast<int>(kExitOk);
  }
  auto start = core::Period::Parse(args.start);
  if (!start) return Fail(start.error().WithContext("--start"));
  args.options.start = *start;
  auto system = app::LoadSystemFile(args.system.empty() ? DefaultSystemFile() : args.system);
  if (!system) return Fail(system.error());
  auto summary = synth::Generate(*system, args.options, [](std::size_t done, std::size_t total) {
    PrintProgress("synth: enterprises", done, total);
  });
  if (!summary) return Fail(summary.error());
  fmt::print("wrote {} enterprises and {} monthly rows ({}..{}) to {}\n", summary->enterprises,
             summary->monthly_rows, summary->first.ToString(), summary->last.ToString(),
             args.options.out_dir);
  for (const auto& file : summary->files) fmt::print("  {}\n", file);
  return static_cast<int>(kExitOk);
}

}  // namespace

void RegisterSynth(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<SynthArgs>();
  auto* command =
      AddCommand(app, "synth", "Generate a registry and monthly statistics (interchange files)");
  command->add_option("--out", args->options.out_dir, "Directory for the files")->required();
  command
      ->add_option("--profile", args->options.profile,
                   "fuling: a district like Fuling, 2021-01..2025-12, calibrated to the "
                   "published first half of 2023; generic: any scale")
      ->check(CLI::IsMember({"fuling", "generic"}))
      ->default_val("fuling");
  command->add_option("--enterprises", args->options.enterprises, "generic: how many")
      ->default_val(1000);
  command->add_option("--months", args->options.months, "generic: how many months")
      ->default_val(36);
  command->add_option("--start", args->start, "generic: first month, YYYY-MM")
      ->default_val("2021-01");
  command->add_option("--seed", args->options.seed, "Random seed; the same seed, the same files")
      ->default_val(2349);
  command->add_flag("--xlsx", args->options.xlsx,
                    "Write Excel workbooks (.xlsx) instead of CSV files (up to Excel's 1,048,576 "
                    "rows a sheet)");
  command->add_option("--system", args->system,
                      "Cluster system TOML (default: the shipped Fuling system)");
  command->add_flag("--matrix", args->matrix,
                    "Write matrix.csv, a region x industry matrix for `analyze` (instead of a "
                    "registry)");
  command->add_option("--regions", args->matrix_options.regions, "--matrix: regions")
      ->default_val(args->matrix_options.regions);
  command->add_option("--industries", args->matrix_options.industries, "--matrix: industries")
      ->default_val(args->matrix_options.industries);
  command
      ->add_option("--density", args->matrix_options.density,
                   "--matrix: share of cells with a value")
      ->default_val(args->matrix_options.density);
  command
      ->add_option("--years", args->matrix_options.years,
                   "--matrix: years (more than 1 adds a year column)")
      ->default_val(1);
  command->callback([&ctx, args] { ctx.action = [args] { return RunSynth(*args); }; });
}

}  // namespace clusterscope::cli
