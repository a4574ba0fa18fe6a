// SPDX-License-Identifier: LicenseRef-ClusterScope
// `clusterscope designation grant|withdraw|list`: designations held by enterprises.
#include "command.h"
#include <fmt/format.h>

#include "clusterscope/app/registry_service.h"
#include "clusterscope/report/registry.h"

namespace clusterscope::cli {

namespace {

// The arguments of grant and withdraw.
struct GrantArgs {
  std::string uscc, type, date, level, note;
};

void AddDesignationGrant(CLI::App& group, Context& ctx) {
  auto grant_args = std::make_shared<GrantArgs>();
  auto* grant = AddCommand(group, "grant", "Record that an enterprise was granted a designation");
  grant->add_option("uscc", grant_args->uscc, "Unified social credit code")->required();
  grant->add_option("type", grant_args->type, "Designation type code or Chinese name")->required();
  grant->add_option("--date", grant_args->date, "Date granted, YYYY-MM-DD")->required();
  grant->add_option("--level", grant_args->level, "national, municipal, district, ...");
  grant->add_option("--note", grant_args->note, "Free text (document number, ...)");
  grant->callback([&ctx, grant_args] {
    ctx.action = [&ctx, grant_args] {
      int code = 0;
      auto opened = OpenDatabase(ctx, code);
      if (!opened) return code;
      auto result = opened->Service<app::RegistryService>().GrantDesignation(
          {{"uscc", grant_args->uscc},
           {"designation", grant_args->type},
           {"granted", grant_args->date},
           {"level", grant_args->level},
           {"note", grant_args->note}});
      if (!result) return Fail(result.error());
      fmt::print("{} {} {} granted {}\n",
                 result->change == model::Change::kInserted ? "recorded" : "updated",
                 grant_args->uscc, grant_args->type, grant_args->date);
      return static_cast<int>(kExitOk);
    };
  });
}

void AddDesignationWithdraw(CLI::App& group, Context& ctx) {
  auto withdraw_args = std::make_shared<GrantArgs>();
  auto* withdraw = AddCommand(group, "withdraw", "Record that a designation was withdrawn");
  withdraw->add_option("uscc", withdraw_args->uscc, "Unified social credit code")->required();
  withdraw->add_option("type", withdraw_args->type, "Designation type code or name")->required();
  withdraw->add_option("--date", withdraw_args->date, "Date withdrawn, YYYY-MM-DD")->required();
  withdraw->callback([&ctx, withdraw_args] {
    ctx.action = [&ctx, withdraw_args] {
      int code = 0;
      auto opened = OpenDatabase(ctx, code);
      if (!opened) return code;
      auto result = opened->Service<app::RegistryService>().WithdrawDesignation(
          withdraw_args->uscc, withdraw_args->type, withdraw_args->date);
      if (!result) return Fail(result.error());
      fmt::print("withdrawn {} {} on {}\n", withdraw_args->uscc, withdraw_args->type,
                 withdraw_args->date);
      return static_cast<int>(kExitOk);
    };
  });
}

void AddDesignationList(CLI::App& group, Context& ctx) {
  struct ListArgs {
    std::string uscc, type, active_on, format;
  };
  auto list_args = std::make_shared<ListArgs>();
  auto* list = AddCommand(group, "list", "List designations, filtered");
  list->add_option("--uscc", list_args->uscc, "Only this enterprise");
  list->add_option("--type", list_args->type, "Only this designation type (code or name)");
  list->add_option("--active-on", list_args->active_on, "Only those held on this date");
  AddFormatOption(*list, list_args->format);
  list->callback([&ctx, list_args] {
    ctx.action = [&ctx, list_args] {
      int code = 0;
      auto opened = OpenDatabase(ctx, code);
      if (!opened) return code;
      model::DesignationFilter filter;
      filter.uscc = list_args->uscc;
      if (!list_args->type.empty()) {
        const auto* type = opened->system().FindDesignationType(list_args->type);
        if (type == nullptr) {
          return Fail(Status::InvalidArgument(
              fmt::format("'{}' is not a designation type", list_args->type)));
        }
        filter.type = type->code;
      }
      if (!list_args->active_on.empty()) {
        auto date = core::Date::Parse(list_args->active_on);
        if (!date) return Fail(date.error().WithContext("--active-on"));
        filter.active_on = *date;
      }
      auto leave = opened->Grant(app::Subject::kEnterprises, "designation list",
                                 filter.uscc.empty() ? "all" : filter.uscc);
      if (!leave) return Fail(leave.error());
      auto designations = opened->Service<app::RegistryService>().Designations(*leave, filter);
      if (!designations) return Fail(designations.error());
      fmt::print("{}", list_args->format == "json"
                           ? report::DesignationListJson(*designations, opened->system())
                           : report::DesignationListText(*designations, opened->system()));
      return static_cast<int>(kExitOk);
    };
  });
}

}  // namespace

void RegisterDesignation(CLI::App& app, Context& ctx) {
  auto* group = AddCommand(app, "designation",
                           "Designations: smart factory, high-tech enterprise, little giant, ...");
  group->require_subcommand(1);
  AddDesignationGrant(*group, ctx);
  AddDesignationWithdraw(*group, ctx);
  AddDesignationList(*group, ctx);
}

}  // namespace clusterscope::cli
