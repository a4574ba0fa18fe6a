// SPDX-License-Identifier: LicenseRef-ClusterScope
// `clusterscope audit list|confirm`: the data-quality audit (数据审核) of monthly figures.
#include "command.h"
#include <fmt/format.h>

#include "clusterscope/app/disclosure_service.h"
#include "clusterscope/app/import_service.h"
#include "clusterscope/report/disclosure.h"
#include "clusterscope/report/monthly.h"

namespace clusterscope::cli {
namespace {

// `audit disclosure`: the attacker's linear programmes over each month's published form.
void RegisterAuditDisclosure(CLI::App& group, Context& ctx) {
  struct Args {
    std::string period, from, to, role = "viewer", park, format;
    disclosure::DisclosureRules rules;
  };
  auto args = std::make_shared<Args>();
  auto* command = AddCommand(
      group, "disclosure",
      "Check the published figures as an attacker would: the least and most every withheld "
      "figure can be given everything published; exit 10 when one is narrower than its "
      "protection");
  command->add_option("--period", args->period, "Reporting month, YYYY-MM (default: every month)");
  command->add_option("--from", args->from, "First month, YYYY-MM (default: the first held)");
  command->add_option("--to", args->to, "Last month, YYYY-MM (default: the latest held)");
  command->add_option("--role", args->role, "Whose published form: viewer or park_editor")
      ->check(CLI::IsMember({"viewer", "park_editor"}))
      ->default_val("viewer");
  command->add_option("--park", args->park,
                      "park_editor: the park whose enterprises the attacker knows");
  AddDisclosureOptions(*command, args->rules);
  AddFormatOption(*command, args->format);
  command->callback([&ctx, args] {
    ctx.action = [&ctx, args] {
      if ((args->role == "park_editor") == args->park.empty()) {
        return Fail(
            Status::InvalidArgument("--park goes with --role park_editor, and only with it"));
      }
      auto period = PeriodOption(args->period);
      if (!period) return Fail(period.error());
      auto from = PeriodOption(args->from, "--from");
      if (!from) return Fail(from.error());
      auto to = PeriodOption(args->to, "--to");
      if (!to) return Fail(to.error());
      if (*period && (*from || *to)) {
        return Fail(Status::InvalidArgument("--period is one month: not with --from or --to"));
      }
      int code = 0;
      auto opened = OpenDatabase(ctx, code);
      if (!opened) return code;
      auto grant = opened->Grant(app::Subject::kIndicators, "audit disclosure",
                                 args->role + (args->park.empty() ? "" : ":" + args->park));
      if (!grant) return Fail(grant.error());
      app::DisclosureAuditOptions options;
      options.from = *period ? *period : *from;
      options.to = *period ? *period : *to;
      options.insider_park = args->park;
      options.rules = args->rules;
      auto months = opened->Service<app::DisclosureService>().Audit(*grant, options);
      if (!months) return Fail(months.error());
      fmt::print("{}", args->format == "json" ? report::DisclosureAuditJson(*months)
                                              : report::DisclosureAuditText(*months));
      for (const auto& m : *months) {
        if (!m.exposures.empty()) return static_cast<int>(kExitFindings);
      }
      return static_cast<int>(kExitOk);
    };
  });
}

}  // namespace

void RegisterAudit(CLI::App& app, Context& ctx) {
  auto* group = AddCommand(app, "audit",
                           "Data-quality warnings (数据审核) raised by monthly imports; the "
                           "attacker's audit of the published figures (disclosure)");
  group->require_subcommand(1);

  struct ListArgs {
    std::string period, status, rule, uscc, format, lang = "zh";
  };
  auto list_args = std::make_shared<ListArgs>();
  auto* list = AddCommand(*group, "list", "List warnings to confirm or correct");
  list->add_option("--period", list_args->period, "Reporting month, YYYY-MM");
  list->add_option("--status", list_args->status, "open (default), confirmed, superseded, all")
      ->check(CLI::IsMember({"open", "confirmed", "superseded", "all"}))
      ->default_val("open");
  list->add_option("--rule", list_args->rule,
                   "jump, va_rate_band, rd_above_revenue, energy_intensity, not_reported, "
                   "below_scale_threshold");
  list->add_option("--uscc", list_args->uscc, "Only this enterprise");
  AddFormatOption(*list, list_args->format);
  list->add_option("--lang", list_args->lang, "zh or en: the language of the messages")
      ->check(CLI::IsMember({"zh", "en"}));
  list->callback([&ctx, list_args] {
    ctx.action = [&ctx, list_args] {
      model::QualityFilter filter;
      auto period = PeriodOption(list_args->period);
      if (!period) return Fail(period.error());
      filter.period = *period;
      filter.status = list_args->status == "all" ? "" : list_args->status;
      filter.rule = list_args->rule;
      filter.uscc = list_args->uscc;
      int code = 0;
      auto opened = OpenDatabase(ctx, code);
      if (!opened) return code;
      auto grant = opened->Grant(app::Subject::kQuality, "audit list",
                                 period->has_value() ? (*period)->ToString() : "all");
      if (!grant) return Fail(grant.error());
      auto warnings = opened->Service<app::ImportService>().QualityWarnings(*grant, filter);
      if (!warnings) return Fail(warnings.error());
      const auto language = list_args->lang == "en" ? core::Language::kEn : core::Language::kZh;
      fmt::print("{}", list_args->format == "json"
                           ? report::QualityWarningsJson(*warnings, language)
                           : report::QualityWarningsText(*warnings, language));
      return static_cast<int>(kExitOk);
    };
  });

  struct ConfirmArgs {
    std::int64_t id = 0;
    std::string note;
  };
  auto confirm_args = std::make_shared<ConfirmArgs>();
  auto* confirm = AddCommand(*group, "confirm", "Confirm that a flagged figure is right");
  confirm->add_option("id", confirm_args->id, "Warning id, from audit list")->required();
  confirm->add_option("--note", confirm_args->note, "Why the figure is right")->required();
  confirm->callback([&ctx, confirm_args] {
    ctx.action = [&ctx, confirm_args] {
      int code = 0;
      auto opened = OpenDatabase(ctx, code);
      if (!opened) return code;
      const Status status = opened->Service<app::ImportService>().ConfirmQualityWarning(
          confirm_args->id, confirm_args->note);
      if (!status.ok()) return Fail(status);
      fmt::print("confirmed warning {}\n", confirm_args->id);
      return static_cast<int>(kExitOk);
    };
  });
  RegisterAuditDisclosure(*group, ctx);
}

}  // namespace clusterscope::cli
