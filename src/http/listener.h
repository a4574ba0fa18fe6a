// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The server's connections (Boost.Beast over Asio, in listener.cc alone): it accepts, reads each
// request within its limits, hands it to a WorkerPool and writes the answer back. The limits are
// the server's own, whatever sits in front of it: the request line and headers in size and
// time, the body in size (every transfer encoding) and time, the connections in all and per
// address, and the queue of requests waiting for a worker (503 when full). One thread does the
// reading and writing for every connection, so a slow client holds no worker. Private to http.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "message.h"

#include "clusterscope/core/status.h"

namespace clusterscope::http {

struct ListenerLimits {
  std::size_t max_body = std::size_t{32} * 1024 * 1024;  // 413 past it
  std::size_t max_header = std::size_t{16} * 1024;       // request line and headers; 431 past it
  std::chrono::seconds header_timeout{10};  // from a connection's first byte, or its last answer
  std::chrono::seconds body_timeout{120};   // to read the whole body
  std::chrono::seconds write_timeout{120};  // to write the whole answer
  int max_connections = 1024;
  int per_address = 32;                // open connections from one address (`unlimited` excepted)
  std::vector<std::string> unlimited;  // addresses without the per-address limit: trusted proxies
  int workers = 16;
  std::size_t queue = 256;              // requests waiting for a worker; 503 past it
  std::chrono::seconds stop_grace{30};  // Stop() waits this long for requests being answered
  // The largest body a request may have, by its method and target, once its headers are read
  // (at most max_body): a sign-in need not be read whole when it is megabytes. Unset: max_body.
  std::function<std::size_t(std::string_view method, std::string_view target)> body_limit;
};

class Listener {
 public:
  using Handler = std::function<void(Request&, Response&)>;

  Listener(ListenerLimits limits, Handler handler);
  ~Listener();
  Listener(const Listener&) = delete;
  Listener& operator=(const Listener&) = delete;

  // Binds and listens; the port (the chosen one when `port` is 0).
  Result<int> Bind(const std::string& address, int port);
  // Serves until Stop(); blocks the calling thread.
  Status Run();
  // From any thread: no new connections; idle ones close; requests being answered are answered
  // (within `stop_grace`), then Run() returns.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// One request from its bytes, as the listener would read it (the fuzzer's way in): InvalidArgument
// when malformed or over the limits.
Result<Request> ParseRequestBytes(std::string_view bytes, const ListenerLimits& limits);

}  // namespace clusterscope::http
