// SPDX-License-Identifier: LicenseRef-ClusterScope
// `clusterscope report monthly`: the monthly industrial-economy report.
#include <memory>

#include "command.h"
#include <fmt/format.h>

#include "clusterscope/app/statistics_service.h"
#include "clusterscope/core/classification.h"
#include "clusterscope/report/chains.h"

namespace clusterscope::cli {

namespace {

struct ReportArgs {
  std::string period, format = "md", out, lang = "zh", insider, docx_template;
  std::size_t top = 10;
  bool is_public = false;
  disclosure::DisclosureRules disclosure;
  engine::AlertRules alerts;
};

int RunMonthlyReport(const Context& ctx, const ReportArgs& args) {
  if (const Status checked = CheckOut(args.format, args.out); !checked.ok()) return Fail(checked);
  auto option = PeriodOption(args.period);
  if (!option) return Fail(option.error());
  int code = 0;
  auto opened = OpenDatabase(ctx, code);
  if (!opened) return code;
  app::MonthlyReportOptions options;
  options.period = *option;
  options.indicators.top = args.top;
  options.alerts = args.alerts;
  // The page and the analysis chart 12 months; the analysis compares with the period before.
  const bool analysis = args.format == "docx" || args.format == "pdf";
  options.trend_months = args.format == "html" || analysis ? 12 : 0;
  options.previous = analysis;
  options.disclosure = args.disclosure;
  if (!args.insider.empty()) {
    // park:CODE: the published form a park's editor gets, who knows that park's enterprises.
    const std::string park = args.insider.starts_with("park:") ? args.insider.substr(5) : "";
    if (park.empty() || opened->system().FindPark(park) == nullptr || !args.is_public) {
      return Fail(Status::InvalidArgument(
          "--insider takes park:CODE, a park of the system, with --public ('" + args.insider +
          "')"));
    }
    options.disclosure.insider_park = park;
  }
  // The full report ranks enterprises: an export; --public is the published form.
  auto grant = opened->Grant(
      app::Subject::kMonthlyReport, "report monthly",
      fmt::format("{} {} with enterprise rankings",
                  option->has_value() ? (*option)->ToString() : "latest", args.format),
      args.is_public ? app::Form::kPublished : app::Form::kFull);
  if (!grant) return Fail(grant.error());
  auto bundle = opened->Service<app::StatisticsService>().MonthlyReport(*grant, options);
  if (!bundle) return Fail(bundle.error());
  const auto language = args.lang == "en" ? report::Language::kEn : report::Language::kZh;
  const auto* county = core::FindCounty(opened->system().region_code);
  const std::string region = county != nullptr ? county->name : opened->system().name_zh;
  return Emit(report::RenderMonthly(*bundle, args.format, region, language, args.docx_template),
              args.format, args.out);
}

// `report members`: which enterprises make up each group's frame, as CSV.
void RegisterMembers(CLI::App& group, Context& ctx) {
  auto period = std::make_shared<std::string>();
  auto* command = AddCommand(group, "members",
                             "Which enterprises make up each group's frame in a month "
                             "(uscc,kind,code as CSV): enterprise data, an export");
  command->add_option("--period", *period, "Reporting month, YYYY-MM (default: the latest)");
  command->callback([&ctx, period] {
    ctx.action = [&ctx, period] {
      auto option = PeriodOption(*period);
      if (!option) return Fail(option.error());
      int code = 0;
      auto opened = OpenDatabase(ctx, code);
      if (!opened) return code;
      auto grant = opened->Grant(app::Subject::kMonthlyReport, "report members",
                                 option->has_value() ? (*option)->ToString() : "latest");
      if (!grant) return Fail(grant.error());
      auto rows = opened->Service<app::StatisticsService>().FrameMembers(*grant, *option);
      if (!rows) return Fail(rows.error());
      // (a saved list's name may hold a comma or a quote: quoted as RFC 4180 says)
      const auto field = [](const std::string& text) {
        if (text.find_first_of(",\"\n") == std::string::npos) return text;
        std::string quoted = "\"";
        for (const char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        return quoted + "\"";
      };
      std::string out = "uscc,kind,code\n";
      for (const auto& row : *rows) {
        out += fmt::format("{},{},{}\n", row.uscc, field(row.kind), field(row.code));
      }
      fmt::print("{}", out);
      return static_cast<int>(kExitOk);
    };
  });
}

}  // namespace

void RegisterReport(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<ReportArgs>();
  auto* group = AddCommand(app, "report", "Reports computed from the monthly statistics");
  group->require_subcommand(1);
  auto* command = AddCommand(
      *group, "monthly",
      "The monthly industrial-economy report: totals, growth on the same basis, contribution "
      "and pull by tier, cluster, park, sector and division, ratios, counts, top enterprises");
  command->add_option("--period", args->period, "Month, YYYY-MM (default: the latest held)");
  command
      ->add_option(
          "--format", args->format,
          "md (Markdown), html (with charts), json, xlsx (Excel), docx (the analysis as an "
          "official document, Word), pdf (the same, printed by LibreOffice), or headline; "
          "xlsx, docx and pdf need --out")
      ->check(CLI::IsMember({"md", "html", "json", "xlsx", "docx", "pdf", "headline"}))
      ->default_val("md");
  command
      ->add_option("--template", args->docx_template,
                   "docx, pdf: a Word document whose styles stand in for the official ones")
      ->check(CLI::ExistingFile);
  command->add_option("--out", args->out, "Write to this file instead of the terminal");
  command->add_option("--lang", args->lang, "zh or en")
      ->check(CLI::IsMember({"zh", "en"}))
      ->default_val("zh");
  command->add_option("--top", args->top, "Enterprises ranked per group")->default_val(10);
  command->add_flag("--public", args->is_public,
                    "For publication: apply disclosure control (withhold groups that would "
                    "reveal an enterprise, and those that would give them away) and leave out "
                    "enterprise rankings");
  command
      ->add_option("--alert-decline-share", args->alerts.decline_share,
                   "Alert: an enterprise's month output this share below last year's ...")
      ->default_val(args->alerts.decline_share);
  command
      ->add_option("--alert-decline-months", args->alerts.decline_months,
                   "... for this many months running")
      ->default_val(args->alerts.decline_months);
  AddDisclosureOptions(*command, args->disclosure, "--public: ");
  command->add_option("--insider", args->insider,
                      "--public: protected also against an insider who knows one park's "
                      "enterprises (park:GXQ), as its park editor's form is");
  command->callback(
      [&ctx, args] { ctx.action = [&ctx, args] { return RunMonthlyReport(ctx, *args); }; });
  RegisterMembers(*group, ctx);
}

}  // namespace clusterscope::cli
