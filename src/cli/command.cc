// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "command.h"

#include <fmt/format.h>

namespace clusterscope::cli {

int ExitCodeOf(const Status& status) {
  switch (status.code()) {
    case Status::Code::kOk:
      return kExitOk;
    case Status::Code::kInvalidArgument:
      return kExitInvalidArgument;
    case Status::Code::kNotFound:
      return kExitNotFound;
    case Status::Code::kAlreadyExists:
      return kExitAlreadyExists;
    case Status::Code::kDataLoss:
      return kExitDataLoss;
    case Status::Code::kUnavailable:
      return kExitUnavailable;
    case Status::Code::kInternal:
      return kExitInternal;
  }
  return kExitUnexpected;
}

int Fail(const Status& status) {
  fmt::print(stderr, "clusterscope: {}\n", status.message());
  return ExitCodeOf(status);
}

CLI::App* AddCommand(CLI::App& parent, const std::string& name, const std::string& description) {
  CLI::App* command = parent.add_subcommand(name, description);
  command->fallthrough();  // `clusterscope enterprise list --db x.db` reaches the global --db
  return command;
}

void AddFormatOption(CLI::App& command, std::string& format) {
  command.add_option("--format", format, "Output format")
      ->check(CLI::IsMember({"table", "json"}))
      ->default_val("table");
}

std::optional<app::Workspace> OpenWorkspace(const Context& ctx, int& exit_code) {
  auto workspace = app::Workspace::Open(ctx.global.db, ctx.global.actor);
  if (!workspace) {
    exit_code = Fail(workspace.error());
    return std::nullopt;
  }
  exit_code = kExitOk;
  return std::move(*workspace);
}

}  // namespace clusterscope::cli
