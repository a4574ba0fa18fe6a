// SPDX-License-Identifier: LicenseRef-ClusterScope
// `clusterscope list`: saved lists of enterprises, each a group of the monthly report.
#include <memory>

#include "command.h"
#include <fmt/format.h>

#include "clusterscope/app/registry_service.h"

namespace clusterscope::cli {

void RegisterList(CLI::App& app, Context& ctx) {
  struct Args {
    std::string name, file;
  };
  auto args = std::make_shared<Args>();
  auto* group = AddCommand(app, "list",
                           "Saved lists of enterprises (a watch list, a target list): each is a "
                           "group of the monthly report");
  group->require_subcommand(1);
  auto* save =
      AddCommand(*group, "save", "Save (or replace) a list from a file with a uscc column");
  save->add_option("name", args->name, "The list's name")->required();
  save->add_option("file", args->file, "CSV or .xlsx with a uscc (统一社会信用代码) column")
      ->required();
  save->callback([&ctx, args] {
    ctx.action = [&ctx, args] {
      int code = 0;
      auto opened = OpenDatabase(ctx, code);
      if (!opened) return code;
      auto saved = opened->Service<app::RegistryService>().SaveList(args->name, args->file);
      if (!saved) return Fail(saved.error());
      fmt::print("saved list '{}': {} enterprises\n", args->name, *saved);
      return static_cast<int>(kExitOk);
    };
  });
  auto* show = AddCommand(*group, "show", "The saved lists, or the members of one");
  show->add_option("name", args->name, "A list's name");
  show->callback([&ctx, args] {
    ctx.action = [&ctx, args] {
      int code = 0;
      auto opened = OpenDatabase(ctx, code);
      if (!opened) return code;
      auto lists = opened->Service<app::RegistryService>().Lists();
      if (!lists) return Fail(lists.error());
      if (args->name.empty()) {
        for (const auto& [name, members] : *lists) {
          fmt::print("{}\t{} enterprises\n", name, members.size());
        }
        return static_cast<int>(kExitOk);
      }
      const auto it = lists->find(args->name);
      if (it == lists->end()) {
        return Fail(Status::NotFound(fmt::format("there is no saved list '{}'", args->name)));
      }
      for (const auto& uscc : it->second) fmt::print("{}\n", uscc);
      return static_cast<int>(kExitOk);
    };
  });
  auto* remove = AddCommand(*group, "delete", "Delete a saved list");
  remove->add_option("name", args->name, "The list's name")->required();
  remove->callback([&ctx, args] {
    ctx.action = [&ctx, args] {
      int code = 0;
      auto opened = OpenDatabase(ctx, code);
      if (!opened) return code;
      if (auto deleted = opened->Service<app::RegistryService>().DeleteList(args->name);
          !deleted.ok()) {
        return Fail(deleted);
      }
      fmt::print("deleted list '{}'\n", args->name);
      return static_cast<int>(kExitOk);
    };
  });
}

}  // namespace clusterscope::cli
