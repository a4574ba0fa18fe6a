// SPDX-License-Identifier: LicenseRef-ClusterScope
// `clusterscope serve`: the HTTP API (and the dashboard's files) over a database.
#include <atomic>
#include <csignal>
#include <filesystem>
#include <memory>
#include <thread>

#include "command.h"
#include "log_file.h"
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "clusterscope/http/server.h"
#include "clusterscope/report/pdf.h"

namespace clusterscope::cli {

namespace {

void AddServeOptions(CLI::App* command, http::ServerOptions& options) {
  command->add_option("--port", options.port, "TCP port (0: any free one)")->default_val(8080);
  command->add_option("--bind", options.bind, "Address to listen on")->default_val("127.0.0.1");
  command->add_option("--web-root", options.web_root,
                      "Directory of the dashboard's files (default: the one built with this "
                      "program)");
  command->add_option("--max-body", options.max_body, "Largest request body, bytes")
      ->default_val(options.max_body);
  command->add_option("--max-header", options.max_header, "Largest request line and headers, bytes")
      ->default_val(options.max_header);
  command
      ->add_option("--header-timeout", options.header_timeout_seconds,
                   "Seconds a client has to send a request's line and headers")
      ->default_val(options.header_timeout_seconds);
  command
      ->add_option("--body-timeout", options.body_timeout_seconds,
                   "Seconds a client has to send a request's body, or to read an answer")
      ->default_val(options.body_timeout_seconds);
  command->add_option("--max-connections", options.max_connections, "Connections open at once")
      ->default_val(options.max_connections);
  command
      ->add_option("--per-address", options.per_address_connections,
                   "Connections open at once from one address (trusted proxies excepted)")
      ->default_val(options.per_address_connections);
  command->add_option("--workers", options.workers, "Requests answered at once")
      ->default_val(options.workers)
      ->check(CLI::Range(1, 256));
  command
      ->add_option("--queue", options.queue,
                   "Requests waiting for a worker; past it the server answers 503")
      ->default_val(options.queue);
  command->add_option("--upload-budget", options.upload_budget,
                      "Bytes an upload's cells may take in memory (default: 64 MiB and 8 times "
                      "the file's size)");
  command->add_option("--answer-cache", options.answer_cache_bytes,
                      "Bytes of answers kept for the next asker (default: a 32nd of the "
                      "machine's memory, at most 512 MiB)");
  command->add_option("--trusted-proxy", options.trusted_proxies,
                      "Address of a reverse proxy whose X-Forwarded-For names the client "
                      "(repeatable)");
  command->add_option("--session-minutes", options.session_minutes, "Session lifetime")
      ->default_val(options.session_minutes);
  command
      ->add_option("--warm-seconds", options.warm_seconds,
                   "Seconds between checks that the engine is built for the data as they are, "
                   "so that requests after a start or an import seldom wait (0: the first "
                   "request builds it)")
      ->default_val(options.warm_seconds)
      ->check(CLI::Range(0, 3600));
  command->add_flag("--secure-cookie", options.secure_cookie,
                    "Mark the session cookie Secure (when served behind TLS)");
}

}  // namespace

// Sends the log to `path` (empty: stays on stderr); the sink, to reopen on SIGHUP.
Result<std::shared_ptr<ReopenableFileSink>> LogTo(const std::string& path) {
  if (path.empty()) return std::shared_ptr<ReopenableFileSink>();
  try {
    auto sink = std::make_shared<ReopenableFileSink>(path);
    auto logger = std::make_shared<spdlog::logger>("clusterscope", sink);
    logger->set_level(spdlog::default_logger()->level());
    spdlog::set_default_logger(logger);  // before any other thread logs
    return sink;
  } catch (const spdlog::spdlog_ex& error) {
    return Error(Status::Unavailable(fmt::format("--log {}: {}", path, error.what())));
  }
}

// Waits for the signals the server answers: SIGHUP reopens the log (requests go on), SIGINT and
// SIGTERM (and the listener's own SIGUSR1) end the wait.
void AwaitStop(const sigset_t& signals, ReopenableFileSink* log) {
  for (;;) {
    int signal = 0;
    sigwait(&signals, &signal);
    if (signal != SIGHUP) return;
    if (log != nullptr) log->Reopen();
    spdlog::warn("SIGHUP: the log was opened again");
  }
}

void RegisterServe(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<http::ServerOptions>();
  auto log_path = std::make_shared<std::string>();
  auto* command = AddCommand(app, "serve",
                             "Serve the HTTP API under /api/v1/ (docs/http_api.md) until "
                             "interrupted; sign in with a user from `user add`");
  AddServeOptions(command, *options);
  command->add_option("--log", *log_path,
                      "Log to this file (appended; SIGHUP opens it again, for logrotate) "
                      "instead of stderr");
  command->callback([&ctx, options, log_path] {
    ctx.action = [&ctx, options, log_path] {
      options->db_path = ctx.global.db;
      std::error_code error;
      if (options->web_root.empty() &&
          std::filesystem::is_directory(CLUSTERSCOPE_BUILT_WEB_ROOT, error)) {
        options->web_root = CLUSTERSCOPE_BUILT_WEB_ROOT;
      }
      // SIGINT, SIGTERM and SIGHUP are taken by this thread alone: blocked before the server
      // starts its threads, which inherit the mask.
      sigset_t stop_signals;
      sigemptyset(&stop_signals);
      sigaddset(&stop_signals, SIGINT);
      sigaddset(&stop_signals, SIGTERM);
      sigaddset(&stop_signals, SIGUSR1);  // the listener ending on its own
      sigaddset(&stop_signals, SIGHUP);   // reopen the log
      pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
      auto server = http::Server::Create(*options);
      if (!server) return Fail(server.error());
      auto port = (*server)->Bind();
      if (!port) return Fail(port.error());
      auto log = LogTo(*log_path);
      if (!log) return Fail(log.error());
      // A listener that stops on its own (the socket failed) wakes the main thread with SIGUSR1,
      // and the command ends with its error instead of waiting for a signal forever.
      const pthread_t main_thread = pthread_self();
      std::atomic<bool> stopping = false;
      bool failed = false;  // written by the listener before it signals, read after the join
      Status listened;
      std::thread listener([&] {
        listened = (*server)->Listen();
        if (!stopping.exchange(true)) {
          failed = true;
          pthread_kill(main_thread, SIGUSR1);
        }
      });
      fmt::print("serving {} on http://{}:{}/ (Ctrl-C stops)\n", options->db_path, options->bind,
                 *port);
      if (options->web_root.empty()) {
        fmt::print("no dashboard: the API only (build the dashboard, or give --web-root)\n");
      } else {
        fmt::print("dashboard: http://{}:{}/ (files in {})\n", options->bind, *port,
                   options->web_root);
      }
      if (const auto office = report::PdfConverter()) {
        fmt::print("PDF reports: by {}\n", *office);
      } else {
        fmt::print(
            "PDF reports: unavailable (apt install libreoffice-writer-nogui fonts-noto-cjk); "
            "Word and the other formats work\n");
      }
      std::fflush(stdout);
      AwaitStop(stop_signals, log->get());
      if (!stopping.exchange(true)) (*server)->Stop();
      listener.join();
      if (failed) return Fail(listened.ok() ? Status::Unavailable("the server stopped") : listened);
      fmt::print("stopped\n");
      return static_cast<int>(kExitOk);
    };
  });
}

}  // namespace clusterscope::cli
