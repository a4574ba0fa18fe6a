// SPDX-License-Identifier: LicenseRef-ClusterScope
// `clusterscope industry show CODE`: look up GB/T 4754-2017 and where a class belongs.
#include <filesystem>

#include "command.h"
#include <fmt/format.h>

#include "clusterscope/report/registry.h"

namespace clusterscope::cli {

void RegisterIndustry(CLI::App& app, Context& ctx) {
  auto* group = AddCommand(app, "industry", "GB/T 4754-2017 industry classification look-ups");
  group->require_subcommand(1);
  auto code = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>();
  auto* show = AddCommand(*group, "show",
                          "A code's names from section to class, its high-tech category, and "
                          "the cluster and categories of the database's system that cover it");
  show->add_option("code", *code, "Section letter, or 2-, 3- or 4-digit code")->required();
  AddFormatOption(*show, *format);
  show->callback([&ctx, code, format] {
    ctx.action = [&ctx, code, format] {
      const auto* entry = core::IndustryClassification::Gbt4754().Find(*code);
      if (entry == nullptr) {
        return Fail(Status::NotFound(fmt::format("'{}' is not a GB/T 4754-2017 code", *code)));
      }
      // The system is optional here: without a database the look-up still works.
      std::unique_ptr<app::Database> db;
      std::error_code error;
      if (std::filesystem::exists(ctx.global.db, error)) {
        if (auto opened = app::Database::Open(ctx.global.db)) db = std::move(*opened);
      }
      const model::ClusterSystem* system = db ? &db->system() : nullptr;
      fmt::print("{}", *format == "json" ? report::IndustryJson(*entry, system)
                                         : report::IndustryText(*entry, system));
      return static_cast<int>(kExitOk);
    };
  });
}

}  // namespace clusterscope::cli
