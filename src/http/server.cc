// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/http/server.h"

#include <chrono>
#include <filesystem>

#include "answer_cache.h"
#include "router.h"
#include "sessions.h"
#include <fmt/format.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sodium.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>

namespace clusterscope::http {
namespace {

// The library's default sets SO_REUSEPORT, with which a second server binds the same port and
// the kernel splits the connections between them; SO_REUSEADDR alone lets a restart rebind at
// once and makes a taken port an error.
void SocketOptions(int socket) {
  int yes = 1;
  ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
}

// The dashboard loads only its own files; no page may frame it.
void SecurityHeaders(const httplib::Request&, httplib::Response& res) {
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Referrer-Policy", "same-origin");
  res.set_header("Content-Security-Policy",
                 "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                 "frame-ancestors 'none'");
  if (res.get_header_value("Cache-Control").empty()) res.set_header("Cache-Control", "no-store");
}

// The last-resort catch of a handler: logged, answered 500.
void OnException(const httplib::Request&, httplib::Response& res, const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    spdlog::error("exception in a handler: {}", e.what());
  } catch (...) {
    spdlog::error("unknown exception in a handler");
  }
  SendError(res, 500, "Internal", "internal error; see the server log");
}

// Errors httplib raises itself (no route, body too large) get the same JSON body.
void OnError(const httplib::Request&, httplib::Response& res) {
  if (!res.body.empty()) return;
  if (res.status == 404) return SendError(res, 404, "NotFound", "no such resource");
  if (res.status == 413) {
    return SendError(res, 413, "InvalidArgument", "the request body is too large");
  }
  SendError(res, res.status, "InvalidArgument", "bad request");
}

}  // namespace

struct Server::Impl {
  ServerOptions options;
  httplib::Server server;
  Sessions sessions;
  Throttle by_name;
  Throttle by_address;
  AnswerCache answers;
  Router router;
  int listen_socket = -1;  // set by the socket-options hook, for the listen backlog

  explicit Impl(ServerOptions o)
      : options(std::move(o)),
        sessions(std::chrono::minutes(options.session_minutes)),
        by_name(options.login_failures, std::chrono::seconds(options.login_window_seconds)),
        by_address(options.login_failures * 4, std::chrono::seconds(options.login_window_seconds)),
        router(server, sessions, answers, options.db_path) {}

  void Routes() {
    AddSessionRoutes(router, {.session_minutes = options.session_minutes,
                              .secure_cookie = options.secure_cookie,
                              .by_name = &by_name,
                              .by_address = &by_address,
                              .login_window_seconds = options.login_window_seconds});
    AddStatisticsRoutes(router);
    AddPlanRoutes(router);
    AddRegistryRoutes(router);
    AddImportRoutes(router);
    AddUserRoutes(router);
  }
};

Result<std::unique_ptr<Server>> Server::Create(ServerOptions options) {
  if (options.port < 0 || options.port > 65535) {
    return Error(Status::InvalidArgument(fmt::format("--port {} is not a port", options.port)));
  }
  std::error_code error;
  if (!std::filesystem::exists(options.db_path, error)) {
    return Error(Status::NotFound(fmt::format("database '{}' does not exist", options.db_path)));
  }
  if (sodium_init() < 0) return Error(Status::Internal("libsodium could not start"));
  auto impl = std::make_unique<Impl>(std::move(options));
  auto& s = impl->server;
  s.set_payload_max_length(impl->options.max_body);
  // A worker serves one keep-alive connection at a time: as many workers as the connections a
  // dashboard wall and its users keep open, so that one slow client does not queue the others.
  s.new_task_queue = [] { return new httplib::ThreadPool(64); };
  s.set_keep_alive_max_count(1000);
  // Headers and body go out in separate writes: without TCP_NODELAY, Nagle's algorithm holds the
  // body back for the client's delayed ACK, about 40 ms a request.
  s.set_tcp_nodelay(true);
  // The listening socket, so that Bind() can lengthen its backlog: the library listens with a
  // backlog of 5, and a burst of new connections beyond it waits out a 1 s SYN retransmit.
  s.set_socket_options([raw = impl.get()](int socket) {
    SocketOptions(socket);
    raw->listen_socket = socket;
  });
  // One access-log line per request with its time: the pre-routing handler and the logger run
  // on the request's worker thread, one request at a time.
  static thread_local std::chrono::steady_clock::time_point started;
  s.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    started = std::chrono::steady_clock::now();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  s.set_post_routing_handler(SecurityHeaders);
  s.set_logger([](const httplib::Request& req, const httplib::Response& res) {
    const auto ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    spdlog::info("{} {} {} {} {:.1f} ms", req.remote_addr, req.method, req.path, res.status, ms);
  });
  s.set_exception_handler(OnException);
  s.set_error_handler(OnError);
  impl->Routes();
  if (!impl->options.web_root.empty() && !s.set_mount_point("/", impl->options.web_root)) {
    return Error(Status::NotFound(
        fmt::format("--web-root '{}' is not a directory", impl->options.web_root)));
  }
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() { Stop(); }

Result<int> Server::Bind() {
  auto& o = impl_->options;
  int port = o.port;
  if (o.port == 0) {
    port = impl_->server.bind_to_any_port(o.bind);
    if (port < 0) return Error(Status::Unavailable(fmt::format("cannot bind {}", o.bind)));
  } else if (!impl_->server.bind_to_port(o.bind, o.port)) {
    return Error(Status::Unavailable(fmt::format(
        "cannot bind {}:{} (in use, or not an address of this machine)", o.bind, o.port)));
  }
  // Listening again on a listening socket only changes its backlog (Linux).
  if (impl_->listen_socket >= 0) (void)::listen(impl_->listen_socket, SOMAXCONN);
  return port;
}

Status Server::Listen() {
  if (!impl_->server.listen_after_bind()) return Status::Unavailable("the server stopped");
  return Status::Ok();
}

std::vector<std::string> Server::Routes() const { return impl_->router.routes(); }

void Server::Stop() {
  if (impl_ && impl_->server.is_running()) impl_->server.stop();
}

}  // namespace clusterscope::http
