// SPDX-License-Identifier: LicenseRef-ClusterScope
// `clusterscope targets`: where every target of the plan stands; `targets load FILE`.
#include <memory>

#include "command.h"
#include <fmt/format.h>

#include "clusterscope/app/targets_service.h"
#include "clusterscope/report/analysis.h"
#include "clusterscope/report/targets.h"

namespace clusterscope::cli {

namespace {

struct TargetsArgs {
  std::string period, format = "table", out, lang = "zh", file, docx_template;
  bool history = false;
  bool is_public = false;
};

// `targets`: the report in the format asked for.
int RunTargets(const Context& ctx, const TargetsArgs& args) {
  if (const Status checked = CheckOut(args.format, args.out); !checked.ok()) return Fail(checked);
  auto period = PeriodOption(args.period);
  if (!period) return Fail(period.error());
  int code = 0;
  auto opened = OpenDatabase(ctx, code);
  if (!opened) return code;
  auto grant = opened->Grant(app::Subject::kTargets, "targets",
                             period->has_value() ? (*period)->ToString() : "latest",
                             args.is_public ? app::Form::kPublished : app::Form::kFull);
  if (!grant) return Fail(grant.error());
  auto report = opened->Service<app::TargetsService>().Targets(*grant, *period, args.history);
  if (!report) return Fail(report.error());
  const auto language = args.lang == "en" ? report::Language::kEn : report::Language::kZh;
  if (args.format == "json") return PrintOrWrite(report::TargetsJson(*report, language), args.out);
  if (args.format == "html") return PrintOrWrite(report::TargetsHtml(*report, language), args.out);
  if (args.format == "xlsx") {
    return Emit(report::TargetsXlsx(*report, language), args.format, args.out);
  }
  if (args.format == "docx" || args.format == "pdf") {
    return Emit(
        report::OfficialDocumentBytes(report::TargetsAnalysis(*report, args.is_public, language),
                                      args.format, args.docx_template),
        args.format, args.out);
  }
  if (args.format == "md") {
    return PrintOrWrite(report::TargetsMarkdown(*report, language), args.out);
  }
  return PrintOrWrite(report::TargetsTable(*report, language), args.out);
}

}  // namespace

void RegisterTargets(CLI::App& app, Context& ctx) {
  using Args = TargetsArgs;
  auto args = std::make_shared<Args>();
  auto* command =
      AddCommand(app, "targets",
                 "Where every target of the plan stands: actual, completion, time-progress, "
                 "required growth and status (docs/targets.md)");
  command->require_subcommand(0, 1);
  command->add_option("--period", args->period, "Month, YYYY-MM (default: the latest held)");
  command
      ->add_option("--format", args->format,
                   "table, md (Markdown), json, html, xlsx (Excel), docx (the progress report as "
                   "an official document, Word) or pdf (the same, printed by LibreOffice); xlsx, "
                   "docx and pdf need --out")
      ->check(CLI::IsMember({"table", "md", "json", "html", "xlsx", "docx", "pdf"}))
      ->default_val("table");
  command
      ->add_option("--template", args->docx_template,
                   "docx, pdf: a Word document whose styles stand in for the official ones")
      ->check(CLI::ExistingFile);
  command->add_option("--out", args->out, "Write to this file instead of the terminal");
  command->add_option("--lang", args->lang, "zh or en")
      ->check(CLI::IsMember({"zh", "en"}))
      ->default_val("zh");
  command->add_flag("--public", args->is_public,
                    "The published form: targets reading a withheld group are withheld");
  command->add_flag("--history", args->history,
                    "json and xlsx: each target's figures month by month from the base year on");
  command->callback([&ctx, args, command] {
    if (command->get_subcommands().size() > 0) return;  // `targets load`
    ctx.action = [&ctx, args] { return RunTargets(ctx, *args); };
  });

  auto* load = AddCommand(*command, "load",
                          "Check a target plan (TOML) against the cluster system and make it the "
                          "current plan; earlier plans are kept");
  load->add_option("file", args->file, "The plan, e.g. systems/fuling-2349-targets.toml")
      ->required();
  load->callback([&ctx, args] {
    ctx.action = [&ctx, args] {
      int code = 0;
      auto opened = OpenDatabase(ctx, code);
      if (!opened) return code;
      auto plan = opened->Service<app::TargetsService>().LoadPlan(args->file);
      if (!plan) return Fail(plan.error());
      fmt::print("loaded target plan {}: {} targets, {} external series\n", args->file,
                 plan->targets.size(), plan->series.size());
      return static_cast<int>(kExitOk);
    };
  });
}

}  // namespace clusterscope::cli
