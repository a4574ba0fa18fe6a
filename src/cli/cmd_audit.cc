// SPDX-License-Identifier: LicenseRef-ClusterScope
// `clusterscope audit list|confirm`: the data-quality audit (数据审核) of monthly figures.
#include "command.h"
#include <fmt/format.h>

#include "clusterscope/app/import_service.h"
#include "clusterscope/report/monthly.h"

namespace clusterscope::cli {

void RegisterAudit(CLI::App& app, Context& ctx) {
  auto* group =
      AddCommand(app, "audit", "Data-quality warnings (数据审核) raised by monthly imports");
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
}

}  // namespace clusterscope::cli
