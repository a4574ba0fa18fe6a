// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/http/server.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <limits>
#include <mutex>
#include <optional>
#include <thread>

#include "answer_cache.h"
#include "listener.h"
#include "private_dir.h"
#include "router.h"
#include "throttle.h"
#include "web_root.h"
#include <fmt/format.h>
#include <sodium.h>
#include <spdlog/spdlog.h>

#include "clusterscope/app/database.h"

namespace clusterscope::http {
namespace {

// The dashboard loads only its own files; no page may frame it.
void SecurityHeaders(Response& res) {
  res.SetHeader("X-Content-Type-Options", "nosniff");
  res.SetHeader("X-Frame-Options", "DENY");
  res.SetHeader("Referrer-Policy", "same-origin");
  res.SetHeader("Content-Security-Policy",
                "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                "frame-ancestors 'none'");
  if (res.Header("Cache-Control").empty()) res.SetHeader("Cache-Control", "no-store");
}

// The client's address: the peer's, or, when the peer is a trusted proxy, the last address in
// X-Forwarded-For that is not one (each proxy appends the address it saw; the ones before a
// trusted proxy's may be forged by the client).
std::string ClientAddress(const Request& req, const std::vector<std::string>& trusted) {
  const auto is_trusted = [&](std::string_view address) {
    return std::find(trusted.begin(), trusted.end(), address) != trusted.end();
  };
  if (!is_trusted(req.peer)) return req.peer;
  const std::string forwarded = req.Header("X-Forwarded-For");
  std::size_t end = forwarded.size();
  while (end > 0) {
    const auto comma = forwarded.rfind(',', end - 1);
    const std::size_t start = comma == std::string::npos ? 0 : comma + 1;
    std::string address = forwarded.substr(start, end - start);
    address.erase(0, address.find_first_not_of(' '));
    address.erase(address.find_last_not_of(' ') + 1);
    if (!address.empty() && !is_trusted(address)) return address.substr(0, 64);
    if (comma == std::string::npos) break;
    end = comma;
  }
  return req.peer;
}

constexpr std::size_t kMaxJsonBody = std::size_t{64} * 1024;

ListenerLimits LimitsOf(const ServerOptions& o) {
  ListenerLimits limits;
  limits.max_body = o.max_body;
  limits.max_header = o.max_header;
  limits.header_timeout = std::chrono::seconds(o.header_timeout_seconds);
  limits.body_timeout = std::chrono::seconds(o.body_timeout_seconds);
  limits.write_timeout = std::chrono::seconds(o.body_timeout_seconds);
  limits.max_connections = o.max_connections;
  limits.per_address = o.per_address_connections;
  limits.unlimited = o.trusted_proxies;
  limits.workers = o.workers;
  limits.queue = o.queue;
  // Only an upload is a large body; every other one is a small JSON object.
  limits.body_limit = [](std::string_view, std::string_view target) {
    return target.starts_with("/api/v1/uploads/") ? std::numeric_limits<std::size_t>::max()
                                                  : kMaxJsonBody;
  };
  return limits;
}

}  // namespace

struct Server::Impl {
  ServerOptions options;
  SignInGuard guard;
  AnswerCache answers;
  Router router;
  WebRoot web_root;
  std::optional<Listener> listener;
  // The engine kept built (Warm); stopped by StopWarming.
  std::thread warmer;
  std::mutex warm_mutex;
  std::condition_variable warm_wake;
  bool warm_stop = false;

  explicit Impl(ServerOptions o)
      : options(std::move(o)),
        guard({.per_name = options.login_failures,
               .per_address = options.login_failures * 4,
               .window = std::chrono::seconds(options.login_window_seconds),
               .first_wait = std::chrono::milliseconds(options.login_backoff_ms)}),
        answers(options.answer_cache_bytes > 0 ? options.answer_cache_bytes
                                               : AnswerCache::DefaultBudget()),
        router(answers, options.db_path) {}

  void Routes() {
    AddSessionRoutes(router, {.session_minutes = options.session_minutes,
                              .secure_cookie = options.secure_cookie,
                              .guard = &guard});
    AddStatisticsRoutes(router);
    AddPlanRoutes(router);
    AddRegistryRoutes(router);
    AddImportRoutes(router, options.upload_budget);
    AddUserRoutes(router);
  }

  // Builds the shared engine for the data as they are, at start and within warm_seconds of any
  // change (an import through the API or the command line): the requests find it built.
  void Warm() {
    std::unique_ptr<app::Database> db;
    std::unique_lock lock(warm_mutex);
    while (!warm_stop) {
      lock.unlock();
      if (!db) {
        if (auto opened = app::Database::Open(options.db_path)) db = std::move(*opened);
      }
      if (db) {
        if (auto engine = db->Engine(); !engine) {
          spdlog::warn("building the engine: {}", engine.error().message());
        }
      }
      lock.lock();
      warm_wake.wait_for(lock, std::chrono::seconds(options.warm_seconds),
                         [&] { return warm_stop; });
    }
  }
  void StartWarming() {
    if (options.warm_seconds > 0 && !warmer.joinable()) warmer = std::thread([this] { Warm(); });
  }
  void StopWarming() {
    {
      const std::lock_guard lock(warm_mutex);
      warm_stop = true;
    }
    warm_wake.notify_all();
    if (warmer.joinable()) warmer.join();
  }

  // Every request, on a worker thread: its route, or a dashboard file, or 404; one access-log
  // line with its time.
  void Handle(Request& req, Response& res) {
    const auto started = std::chrono::steady_clock::now();
    req.via_trusted_proxy =
        std::find(options.trusted_proxies.begin(), options.trusted_proxies.end(), req.peer) !=
        options.trusted_proxies.end();
    req.remote_addr = ClientAddress(req, options.trusted_proxies);
    try {
      if (!router.Dispatch(req, res) && !web_root.Serve(req, res)) {
        SendError(res, 404, "NotFound", "no such resource");
      }
    } catch (const std::exception& e) {
      spdlog::error("exception in a handler: {}", e.what());
      res = Response();
      SendError(res, 500, "Internal", "internal error; see the server log");
    }
    SecurityHeaders(res);
    const auto ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    // The path as far as a log line needs it: a client's path is not logged whole.
    spdlog::info("{} {} {} {} {:.1f} ms", req.remote_addr, req.method, req.path.substr(0, 200),
                 res.status, ms);
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
  impl->Routes();
  if (!impl->options.web_root.empty()) {
    auto root = WebRoot::Open(impl->options.web_root);
    if (!root) return Error(root.error());
    impl->web_root = std::move(*root);
  }
  impl->listener.emplace(LimitsOf(impl->options), [raw = impl.get()](Request& req, Response& res) {
    raw->Handle(req, res);
  });
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() {
  Stop();
  RemovePrivateDir();
}

Result<int> Server::Bind() {
  return impl_->listener->Bind(impl_->options.bind, impl_->options.port);
}

Status Server::Listen() {
  impl_->StartWarming();
  return impl_->listener->Run();
}

std::vector<std::string> Server::Routes() const { return impl_->router.routes(); }

void Server::Stop() {
  if (impl_ && impl_->listener) impl_->listener->Stop();
  if (impl_) impl_->StopWarming();
}

}  // namespace clusterscope::http
