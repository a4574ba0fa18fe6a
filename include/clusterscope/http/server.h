// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The HTTP server (docs/http_api.md): the JSON API under /api/v1/ over a database, sessions kept
// in the database with HttpOnly SameSite cookies, CSRF tokens on changes, sign-in throttling,
// role-based access to enterprise data, one access-log line per request, and limits of its own on
// what a client may send and hold (src/http/listener.h). A Server owns its listening socket and
// worker threads; each worker opens its own app::Database. Stop() may come from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "clusterscope/core/status.h"

namespace clusterscope::http {

struct ServerOptions {
  std::string db_path;
  std::string bind = "127.0.0.1";
  int port = 8080;       // 0: any free port (tests)
  std::string web_root;  // static files of the dashboard; empty: none
  std::size_t max_body = std::size_t{32} * 1024 * 1024;  // bytes, any encoding; 413 past it
  std::size_t max_header = std::size_t{16} * 1024;       // request line and headers; 431 past it
  int header_timeout_seconds = 10;                       // to send the request line and headers
  int body_timeout_seconds = 120;                        // to send the body, and to read the answer
  int max_connections = 1024;                            // open at once; 503 past it ...
  int per_address_connections = 32;                      // ... or past this many from one address
  int workers = 16;                                      // requests answered at once ...
  std::size_t queue = 256;  // ... and waiting for a worker; 503 past it
  // Proxies whose X-Forwarded-For names the client (for sign-in throttling and the log), and
  // which the per-address limit does not count.
  std::vector<std::string> trusted_proxies;
  int session_minutes = 8 * 60;    // a session expires this long after sign-in
  int login_failures = 5;          // failed sign-ins allowed per name (4 x per address) ...
  int login_window_seconds = 300;  // ... within this window, then 429
  int login_backoff_ms = 1000;     // a name's wait after its first failure, doubling after
  // Bytes an upload's cells may take in memory; 0: 64 MiB and 8 times the file's size.
  std::uint64_t upload_budget = 0;
  // Bytes of answers kept for the next asker; 0: a 32nd of the machine's memory, at most 512 MiB.
  std::size_t answer_cache_bytes = 0;
  bool secure_cookie = false;  // add Secure (behind TLS)
  // Seconds between checks that the shared engine is built for the data as they are (at start,
  // then after any change, whoever made it), so that a request seldom waits for a build; 0:
  // built by the first request that needs it.
  int warm_seconds = 2;
};

class Server {
 public:
  // InvalidArgument for bad options; NotFound if the database does not exist.
  static Result<std::unique_ptr<Server>> Create(ServerOptions options);
  ~Server();

  // Binds the address; returns the port (the chosen one when options.port is 0). Unavailable if
  // the address is taken.
  Result<int> Bind();
  // Serves until Stop(); blocks the calling thread.
  Status Listen();
  void Stop();

  // "METHOD path" of every route, paths as docs/openapi.json writes them.
  std::vector<std::string> Routes() const;

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace clusterscope::http
