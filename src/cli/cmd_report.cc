// SPDX-License-Identifier: LicenseRef-ClusterScope
// `clusterscope report monthly`: the monthly industrial-economy report.
#include <memory>
#include <set>

#include "command.h"
#include <fmt/format.h>

#include "clusterscope/core/classification.h"
#include "clusterscope/engine/disclosure.h"
#include "clusterscope/report/chains.h"
#include "clusterscope/report/monthly_report.h"
#include "clusterscope/report/targets.h"

namespace clusterscope::cli {

namespace {

// A published report leaves out the targets that read a group it withholds (a park of one
// enterprise, say) or the withheld total, with their alerts; designation counts and external
// series stay.
void WithholdTargets(engine::MonthlyIndicators& indicators, targets::TargetReport& report) {
  const auto withheld = [&](const std::optional<model::Quantity>& q) {
    if (!q || (q->source != model::Quantity::Source::kMeasure &&
               q->source != model::Quantity::Source::kIndicator)) {
      return false;  // counts of designations and series are public figures
    }
    const auto colon = q->group.find(':');
    const std::string kind = q->group.substr(0, colon);
    const std::string code = colon == std::string::npos ? kind : q->group.substr(colon + 1);
    bool shown = false;
    for (const auto& g : indicators.groups) {
      if (g.kind == kind && (code == "*" || g.code == code)) {
        if (!g.suppressed.empty()) return true;
        shown = true;
      }
    }
    return !shown;
  };
  std::set<std::string> dropped;
  std::erase_if(report.rows, [&](const targets::TargetReport::Row& row) {
    const auto& t = row.target;
    const bool drop = withheld(t.value) || withheld(t.numerator) || withheld(t.denominator);
    if (drop) dropped.insert(t.id);
    return drop;
  });
  std::erase_if(indicators.alerts, [&](const engine::Alert& a) {
    return a.kind == "target" && dropped.count(a.code) != 0;
  });
}

}  // namespace

void RegisterReport(CLI::App& app, Context& ctx) {
  struct Args {
    std::string period, format = "md", out, lang = "zh";
    std::size_t top = 10;
    bool is_public = false;
    engine::DisclosureRules disclosure;
    engine::AlertRules alerts;
  };
  auto args = std::make_shared<Args>();
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
          "md (Markdown), html (with charts), json, xlsx (Excel, needs --out), or headline")
      ->check(CLI::IsMember({"md", "html", "json", "xlsx", "headline"}))
      ->default_val("md");
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
  command
      ->add_option("--min-enterprises", args->disclosure.min_enterprises,
                   "--public: withhold groups with fewer enterprises")
      ->default_val(args->disclosure.min_enterprises);
  command
      ->add_option("--dominance", args->disclosure.dominance,
                   "--public: withhold groups whose two largest make more than this share")
      ->default_val(args->disclosure.dominance);
  command
      ->add_option("--p-percent", args->disclosure.p_percent, "--public: the p % rule's p (0: off)")
      ->default_val(args->disclosure.p_percent);
  command->callback([&ctx, args] {
    ctx.action = [&ctx, args] {
      auto option = PeriodOption(args->period);
      if (!option) return Fail(option.error());
      const std::optional<core::Period> period = *option;
      if (auto valid = args->disclosure.Validate(); !valid.ok()) return Fail(valid);
      int code = 0;
      auto workspace = OpenWorkspace(ctx, code);
      if (!workspace) return code;
      // The HTML page charts the last 12 months.
      if (!(args->alerts.decline_share > 0 && args->alerts.decline_share < 1) ||
          args->alerts.decline_months < 1) {
        return Fail(Status::InvalidArgument(
            "--alert-decline-share must be between 0 and 1 and --alert-decline-months 1 or more"));
      }
      auto indicators = workspace->MonthlyIndicators(period, {.top = args->top}, args->alerts,
                                                     args->format == "html" ? 12 : 0);
      if (!indicators) return Fail(indicators.error());
      // The targets of the plan, when one is loaded: those behind time-progress are alerts, and
      // the Markdown report gets a section.
      std::optional<targets::TargetReport> plan_progress;
      if (auto progress = workspace->Targets(indicators->period, false)) {
        plan_progress = std::move(*progress);
        for (const auto& row : plan_progress->rows) {
          const auto& p = row.progress;
          if (p.status != "red" && p.status != "amber") continue;
          if (row.target.kind == model::TargetKind::kMilestone && p.note == "pending") continue;
          indicators->alerts.push_back(
              {p.status, "target_behind", "target", row.target.id, row.target.name_zh,
               p.path_progress ? p.path_progress : p.completion, p.time_progress, 0});
        }
      } else if (progress.error().code() != Status::Code::kNotFound) {
        return Fail(progress.error());
      }
      // The chain work, when a chain plan is loaded: a section, and overdue projects as alerts.
      std::unique_ptr<chains::ChainReport> chain_report;
      std::optional<chains::Pipeline> pipeline;
      std::unique_ptr<chains::CultivationReport> cultivation;
      if (auto chain_work = workspace->Chains(indicators->period, 5)) {
        chain_report = std::move(*chain_work);
        const auto& p = indicators->period;
        auto projects = workspace->Projects(core::Date::LastOfMonth(p.year, p.month));
        if (!projects) return Fail(projects.error());
        pipeline = std::move(*projects);
        for (std::size_t i = 0; i < pipeline->projects.size(); ++i) {
          const auto& late = pipeline->overdue[i];
          if (!late) continue;
          const auto& project = pipeline->projects[i];
          indicators->alerts.push_back({late->months_late >= 6 ? "red" : "amber", "project_overdue",
                                        "project", project.code, project.name,
                                        static_cast<double>(late->months_late),
                                        static_cast<double>(late->waiting_for), late->months_late});
        }
        if (!args->is_public) {
          auto ladders = workspace->Cultivate("", indicators->period);
          if (!ladders) return Fail(ladders.error());
          cultivation = std::move(*ladders);
        }
      } else if (chain_work.error().code() != Status::Code::kNotFound) {
        return Fail(chain_work.error());
      }
      if (args->is_public) {
        engine::ApplyDisclosureControl(*indicators, args->disclosure);
        if (plan_progress) WithholdTargets(*indicators, *plan_progress);
      }
      std::vector<report::Document> appendix;
      if (chain_report) {
        appendix.push_back(report::ChainWorkSection(
            chain_report.get(), pipeline ? &*pipeline : nullptr, cultivation.get(),
            args->lang == "en" ? report::Language::kEn : report::Language::kZh, args->is_public));
      }
      const auto language = args->lang == "en" ? report::Language::kEn : report::Language::kZh;
      const auto* county = core::FindCounty(workspace->system().region_code);
      const std::string region = county != nullptr ? county->name : workspace->system().name_zh;
      if (args->format == "xlsx") {
        if (args->out.empty()) {
          return Fail(Status::InvalidArgument("--format xlsx writes a file: give --out FILE.xlsx"));
        }
        if (auto written =
                report::MonthlyReportXlsx(*indicators, region, language, args->out, appendix);
            !written.ok()) {
          return Fail(written);
        }
        fmt::print("wrote {}\n", args->out);
        return static_cast<int>(kExitOk);
      }
      std::string text;
      if (args->format == "json") {
        text = report::MonthlyReportJson(*indicators, language);
        std::vector<std::pair<std::string, std::string>> members;
        if (chain_report) {
          members.emplace_back(
              "chains",
              report::ChainsJson(
                  *chain_report,
                  {.chain = "", .links = true, .details = false, .public_view = args->is_public}));
        }
        if (pipeline) members.emplace_back("projects", report::PipelineJson(*pipeline));
        if (cultivation) {
          members.emplace_back("cultivation", report::CultivationJson(*cultivation, 10));
        }
        text = report::AppendJson(std::move(text), members);
      } else if (args->format == "html") {
        text = report::MonthlyReportHtml(*indicators, region, language);
        for (const auto& document : appendix) text = report::AppendHtml(std::move(text), document);
      } else if (args->format == "headline") {
        text = report::MonthlyReportHeadline(*indicators, language) + "\n";
      } else {
        text = report::MonthlyReportMarkdown(*indicators, region, language);
        if (plan_progress) text += "\n" + report::TargetsMarkdown(*plan_progress, language, 2);
        for (const auto& document : appendix) text += "\n" + report::RenderMarkdown(document, 2);
      }
      return PrintOrWrite(text, args->out);
    };
  });
}

}  // namespace clusterscope::cli
