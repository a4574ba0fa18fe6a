// SPDX-License-Identifier: LicenseRef-ClusterScope
// `clusterscope user add|passwd|list|remove`: the users of the HTTP server. There is no default
// password: the first admin is created here.
#include <iostream>
#include <memory>

#include "command.h"
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <termios.h>
#include <unistd.h>

#include "clusterscope/app/users_service.h"
#include "clusterscope/report/text_table.h"

namespace clusterscope::cli {
namespace {

// A password from the terminal without echo (asked twice), or one line of a pipe.
Result<std::string> ReadPassword() {
  if (isatty(STDIN_FILENO) == 0) {
    std::string line;
    if (!std::getline(std::cin, line)) {
      return Error(Status::InvalidArgument("no password on standard input"));
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  }
  termios saved{};
  tcgetattr(STDIN_FILENO, &saved);
  termios quiet = saved;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  std::string first, second;
  std::cerr << "password: " << std::flush;
  std::getline(std::cin, first);
  std::cerr << "\nagain: " << std::flush;
  std::getline(std::cin, second);
  std::cerr << "\n";
  tcsetattr(STDIN_FILENO, TCSANOW, &saved);
  if (first != second) return Error(Status::InvalidArgument("the passwords differ"));
  return first;
}

void AddUserAdd(CLI::App& group, Context& ctx) {
  struct AddArgs {
    std::string name, role, park;
  };
  auto a = std::make_shared<AddArgs>();
  auto* add = AddCommand(group, "add",
                         "Add a user; the password is read from the terminal (or one line of "
                         "standard input)");
  add->add_option("name", a->name, "Login name: a-z, 0-9, _ . -")->required();
  add->add_option("--role", a->role, "admin, analyst, park_editor or viewer")
      ->required()
      ->check(CLI::IsMember({"admin", "analyst", "park_editor", "viewer"}));
  add->add_option("--park", a->park, "The park of a park editor (a park code)");
  add->callback([&ctx, a] {
    ctx.action = [&ctx, a] {
      int code = 0;
      auto opened = OpenDatabase(ctx, code);
      if (!opened) return code;
      auto password = ReadPassword();
      if (!password) return Fail(password.error());
      const Status added = opened->Service<app::UsersService>().AddUser(
          a->name, *model::ParseRole(a->role), a->park, *password);
      if (!added.ok()) return Fail(added);
      fmt::print("added user {} ({})\n", a->name, a->role);
      return static_cast<int>(kExitOk);
    };
  });
}

void AddUserPassword(CLI::App& group, Context& ctx) {
  auto name = std::make_shared<std::string>();
  auto* passwd = AddCommand(group, "passwd", "Set a user's password (read like `user add`)");
  passwd->add_option("name", *name, "Login name")->required();
  passwd->callback([&ctx, name] {
    ctx.action = [&ctx, name] {
      int code = 0;
      auto opened = OpenDatabase(ctx, code);
      if (!opened) return code;
      auto password = ReadPassword();
      if (!password) return Fail(password.error());
      if (const Status set = opened->Service<app::UsersService>().SetPassword(*name, *password);
          !set.ok()) {
        return Fail(set);
      }
      fmt::print("password of {} changed\n", *name);
      return static_cast<int>(kExitOk);
    };
  });
}

void AddUserRemove(CLI::App& group, Context& ctx) {
  auto removed = std::make_shared<std::string>();
  auto* remove = AddCommand(group, "remove", "Remove a user");
  remove->add_option("name", *removed, "Login name")->required();
  remove->callback([&ctx, removed] {
    ctx.action = [&ctx, removed] {
      int code = 0;
      auto opened = OpenDatabase(ctx, code);
      if (!opened) return code;
      if (const Status gone = opened->Service<app::UsersService>().RemoveUser(*removed);
          !gone.ok()) {
        return Fail(gone);
      }
      fmt::print("removed user {}\n", *removed);
      return static_cast<int>(kExitOk);
    };
  });
}

void AddUserList(CLI::App& group, Context& ctx) {
  auto format = std::make_shared<std::string>("table");
  auto* list = AddCommand(group, "list", "Every user with role, park and creation time");
  AddFormatOption(*list, *format);
  list->callback([&ctx, format] {
    ctx.action = [&ctx, format] {
      int code = 0;
      auto opened = OpenDatabase(ctx, code);
      if (!opened) return code;
      auto users = opened->Service<app::UsersService>().Users();
      if (!users) return Fail(users.error());
      if (*format == "json") {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& u : *users) {
          out.push_back({{"name", u.name},
                         {"role", model::RoleName(u.role)},
                         {"park", u.park},
                         {"created_at", u.created_at}});
        }
        fmt::print("{}\n", out.dump(2));
        return static_cast<int>(kExitOk);
      }
      report::TextTable table({"user", "role", "park", "created"});
      for (const auto& u : *users) {
        table.AddRow({u.name, std::string(model::RoleName(u.role)), u.park, u.created_at});
      }
      fmt::print("{}", table.Render());
      return static_cast<int>(kExitOk);
    };
  });
}

}  // namespace

void RegisterUser(CLI::App& app, Context& ctx) {
  auto* group = AddCommand(app, "user",
                           "Users of the HTTP server and their roles: admin, analyst, "
                           "park_editor (one park), viewer (docs/http_api.md)");
  group->require_subcommand(1);
  AddUserAdd(*group, ctx);
  AddUserPassword(*group, ctx);
  AddUserRemove(*group, ctx);
  AddUserList(*group, ctx);
}

}  // namespace clusterscope::cli
