// SPDX-License-Identifier: LicenseRef-ClusterScope
// `clusterscope history USCC`: every stored version of an enterprise's monthly figures.
#include "command.h"
#include <fmt/format.h>

#include "clusterscope/app/registry_service.h"
#include "clusterscope/report/monthly.h"

namespace clusterscope::cli {

void RegisterHistory(CLI::App& app, Context& ctx) {
  struct Args {
    std::string uscc, period, format;
  };
  auto args = std::make_shared<Args>();
  auto* command = AddCommand(app, "history",
                             "An enterprise's monthly figures with every earlier version and the "
                             "import (file, time, user) behind each");
  command->add_option("uscc", args->uscc, "Unified social credit code")->required();
  command->add_option("--period", args->period, "Only this month, YYYY-MM");
  AddFormatOption(*command, args->format);
  command->callback([&ctx, args] {
    ctx.action = [&ctx, args] {
      auto option = PeriodOption(args->period);
      if (!option) return Fail(option.error());
      const std::optional<core::Period> period = *option;
      int code = 0;
      auto opened = OpenDatabase(ctx, code);
      if (!opened) return code;
      auto grant = opened->Grant(app::Subject::kHistory, args->uscc, "history");
      if (!grant) return Fail(grant.error());
      auto history = opened->Service<app::RegistryService>().History(*grant, args->uscc, period);
      if (!history) return Fail(history.error());
      fmt::print("{}",
                 args->format == "json"
                     ? report::HistoryJson(history->current, history->revisions, history->batches)
                     : report::HistoryText(history->current, history->revisions, history->batches));
      return static_cast<int>(kExitOk);
    };
  });
}

}  // namespace clusterscope::cli
