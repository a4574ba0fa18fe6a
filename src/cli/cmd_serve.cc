// SPDX-License-Identifier: LicenseRef-ClusterScope
// `clusterscope serve`: the HTTP API (and the dashboard's files) over a database.
#include <csignal>
#include <filesystem>
#include <memory>
#include <thread>

#include "command.h"
#include <fmt/format.h>

#include "clusterscope/http/server.h"

namespace clusterscope::cli {

void RegisterServe(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<http::ServerOptions>();
  auto* command = AddCommand(app, "serve",
                             "Serve the HTTP API under /api/v1/ (docs/http_api.md) until "
                             "interrupted; sign in with a user from `user add`");
  command->add_option("--port", options->port, "TCP port (0: any free one)")->default_val(8080);
  command->add_option("--bind", options->bind, "Address to listen on")->default_val("127.0.0.1");
  command->add_option("--web-root", options->web_root,
                      "Directory of the dashboard's files (default: the one built with this "
                      "program)");
  command->add_option("--max-body", options->max_body, "Largest request body, bytes")
      ->default_val(options->max_body);
  command->add_option("--session-minutes", options->session_minutes, "Session lifetime")
      ->default_val(options->session_minutes);
  command->add_flag("--secure-cookie", options->secure_cookie,
                    "Mark the session cookie Secure (when served behind TLS)");
  command->callback([&ctx, options] {
    ctx.action = [&ctx, options] {
      options->db_path = ctx.global.db;
      if (options->web_root.empty() && std::filesystem::is_directory(CLUSTERSCOPE_BUILT_WEB_ROOT)) {
        options->web_root = CLUSTERSCOPE_BUILT_WEB_ROOT;
      }
      auto server = http::Server::Create(*options);
      if (!server) return Fail(server.error());
      auto port = (*server)->Bind();
      if (!port) return Fail(port.error());
      // SIGINT and SIGTERM are taken by this thread alone: the workers inherit the mask.
      sigset_t stop_signals;
      sigemptyset(&stop_signals);
      sigaddset(&stop_signals, SIGINT);
      sigaddset(&stop_signals, SIGTERM);
      pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
      std::thread listener([&] { (void)(*server)->Listen(); });
      fmt::print("serving {} on http://{}:{}/ (Ctrl-C stops)\n", options->db_path, options->bind,
                 *port);
      if (options->web_root.empty()) {
        fmt::print("no dashboard: the API only (build the dashboard, or give --web-root)\n");
      } else {
        fmt::print("dashboard: http://{}:{}/ (files in {})\n", options->bind, *port,
                   options->web_root);
      }
      std::fflush(stdout);
      int signal = 0;
      sigwait(&stop_signals, &signal);
      (*server)->Stop();
      listener.join();
      fmt::print("stopped\n");
      return static_cast<int>(kExitOk);
    };
  });
}

}  // namespace clusterscope::cli
