// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "listener.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <optional>
#include <set>

#include "worker_pool.h"
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

namespace clusterscope::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using Parser = bhttp::request_parser<bhttp::string_body>;

// A refusal the listener answers itself, in the API's error form.
Response Refusal(int status, std::string_view message) {
  Response response;
  response.status = status;
  const std::string_view code = status == 503 ? "Unavailable" : "InvalidArgument";
  response.SetContent(nlohmann::json{{"code", code}, {"message", message}}.dump(),
                      "application/json");
  if (status == 503) response.SetHeader("Retry-After", "5");
  return response;
}

// How a failed read is answered: nullopt to close without a word (the client left, or stayed
// silent past the deadline).
std::optional<Response> RefusalOf(const beast::error_code& error, const ListenerLimits& limits) {
  if (error == bhttp::error::header_limit) {
    return Refusal(431, fmt::format("the request line and headers are larger than {} bytes",
                                    limits.max_header));
  }
  if (error == bhttp::error::body_limit) {
    return Refusal(413, fmt::format("the request body is larger than {} bytes", limits.max_body));
  }
  if (error.category() == beast::error_code(bhttp::error::end_of_stream).category() &&
      error != bhttp::error::end_of_stream && error != bhttp::error::partial_message) {
    return Refusal(400, "malformed HTTP request");
  }
  return std::nullopt;
}

void PrepareParser(Parser& parser, const ListenerLimits& limits) {
  parser.header_limit(static_cast<std::uint32_t>(limits.max_header));
  parser.body_limit(static_cast<std::uint64_t>(limits.max_body));
}

// The request the routes see, from the message Beast read.
Result<Request> ToRequest(bhttp::request<bhttp::string_body>& message, std::string peer) {
  Request request;
  request.method = std::string(message.method_string());
  const auto target = message.target();
  CLUSTERSCOPE_RETURN_IF_ERROR(
      ParseTarget(std::string_view(target.data(), target.size()), request));
  for (const auto& field : message) {
    std::string name(field.name_string());
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    request.headers.emplace_back(std::move(name), std::string(field.value()));
  }
  request.body = std::move(message.body());
  request.peer = std::move(peer);
  request.remote_addr = request.peer;
  return request;
}

}  // namespace

struct Listener::Impl {
  class Connection;

  ListenerLimits limits;
  Handler handler;
  WorkerPool pool;
  // Touched on the I/O thread only.
  std::set<Connection*> connections;
  std::map<std::string, int> per_address;
  std::atomic<bool> stopping = false;
  asio::io_context io{1};
  tcp::acceptor acceptor{io};
  asio::steady_timer retry{io};  // accepting again after a failed accept (no descriptors left)
  asio::steady_timer grace{io};  // the end of Stop()'s wait

  Impl(ListenerLimits l, Handler h)
      : limits(std::move(l)), handler(std::move(h)), pool(limits.workers, limits.queue) {}

  void Accept();
  void Admit(tcp::socket socket);
  void Forget(Connection* connection, const std::string& peer);
  void BeginStop();
};

class Listener::Impl::Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket socket, Impl& owner, std::string peer)
      : stream_(std::move(socket)), owner_(owner), peer_(std::move(peer)) {
    owner_.connections.insert(this);
    ++owner_.per_address[peer_];
  }
  ~Connection() {
    try {
      owner_.Forget(this, peer_);
    } catch (...) {  // NOLINT(bugprone-empty-catch): nothing a destructor could do
    }
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void ReadHeader() {
    parser_.emplace();
    PrepareParser(*parser_, owner_.limits);
    stream_.expires_after(owner_.limits.header_timeout);
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             [self = shared_from_this()](beast::error_code error, std::size_t) {
                               self->OnHeader(error);
                             });
  }

  // Stop(): a connection waiting for a request closes now; one being answered after its answer.
  void CloseIfIdle() {
    if (busy_) return;
    beast::error_code ignored;
    stream_.socket().close(ignored);
  }

 private:
  void OnHeader(const beast::error_code& error) {
    if (error) return Fail(error);
    busy_ = true;
    if (owner_.limits.body_limit) {
      const auto& header = parser_->get();
      const auto method = header.method_string();
      const auto target = header.target();
      const std::size_t limit =
          std::min(owner_.limits.max_body,
                   owner_.limits.body_limit(std::string_view(method.data(), method.size()),
                                            std::string_view(target.data(), target.size())));
      const auto length = parser_->content_length();
      if (length && *length > limit) return Fail(bhttp::error::body_limit);
      parser_->body_limit(static_cast<std::uint64_t>(limit));
    }
    if (parser_->is_done()) return Dispatch();
    if (beast::iequals(parser_->get()[bhttp::field::expect], "100-continue")) {
      continue_.version(11);
      continue_.result(bhttp::status::continue_);
      stream_.expires_after(owner_.limits.write_timeout);
      return bhttp::async_write(stream_, continue_,
                                [self = shared_from_this()](beast::error_code e, std::size_t) {
                                  if (e) return self->Close();
                                  self->ReadBody();
                                });
    }
    ReadBody();
  }

  void ReadBody() {
    stream_.expires_after(owner_.limits.body_timeout);
    bhttp::async_read(stream_, buffer_, *parser_,
                      [self = shared_from_this()](beast::error_code error, std::size_t) {
                        if (error) return self->Fail(error);
                        self->Dispatch();
                      });
  }

  void Fail(const beast::error_code& error) {
    if (auto refusal = RefusalOf(error, owner_.limits)) {
      keep_alive_ = false;
      return Write(std::move(*refusal));
    }
    Close();
  }

  void Dispatch() {
    stream_.expires_never();
    keep_alive_ = parser_->get().keep_alive();
    head_ = parser_->get().method() == bhttp::verb::head;
    auto request = ToRequest(parser_->get(), peer_);
    parser_.reset();
    if (!request) {
      keep_alive_ = false;
      return Write(Refusal(400, request.error().message()));
    }
    auto self = shared_from_this();
    const bool queued = owner_.pool.TrySubmit([self, request = std::move(*request)]() mutable {
      Response response;
      self->owner_.handler(request, response);
      // The worker hands its reference over rather than keep a copy: the last one must go on
      // the io thread, since the connection's destructor closes its socket and erases it from
      // the listener's books, which only that thread touches (a copy dropped here after the io
      // thread had finished with the connection corrupted the heap, 1 run in about 90).
      auto executor = self->stream_.get_executor();
      asio::post(executor, [self = std::move(self), response = std::move(response)]() mutable {
        self->Write(std::move(response));
      });
    });
    if (!queued) {
      spdlog::warn("{} refused: every worker busy and the queue full", peer_);
      keep_alive_ = false;
      Write(Refusal(503, "the server is busy; try again shortly"));
    }
  }

  void Write(Response response) {
    busy_ = true;
    response_ = {};
    response_.version(11);
    response_.result(static_cast<unsigned>(response.status));
    for (auto& [name, value] : response.headers) response_.set(name, value);
    response_.body() = std::move(response.body);
    response_.keep_alive(keep_alive_ && !owner_.stopping);
    response_.prepare_payload();
    if (head_) {
      const auto size = response_.body().size();
      response_.body().clear();
      response_.content_length(size);
    }
    stream_.expires_after(owner_.limits.write_timeout);
    bhttp::async_write(stream_, response_,
                       [self = shared_from_this()](beast::error_code error, std::size_t) {
                         self->busy_ = false;
                         if (error || !self->response_.keep_alive()) return self->Close();
                         self->ReadHeader();
                       });
  }

  // Ends the sending side, then reads what the client still sends (a refused body) for a
  // moment, so that the answer is not lost to a reset; at once when the server is stopping.
  void Close() {
    busy_ = false;
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    if (owner_.stopping) {
      stream_.socket().close(ignored);
      return;
    }
    stream_.expires_after(std::chrono::seconds(2));
    Drain();
  }

  void Drain() {
    stream_.async_read_some(asio::buffer(discard_),
                            [self = shared_from_this()](beast::error_code error, std::size_t) {
                              if (error) {
                                beast::error_code ignored;
                                self->stream_.socket().close(ignored);
                                return;
                              }
                              self->Drain();
                            });
  }

  beast::tcp_stream stream_;
  Impl& owner_;
  std::string peer_;
  beast::flat_buffer buffer_;
  std::optional<Parser> parser_;
  bhttp::response<bhttp::empty_body> continue_;
  bhttp::response<bhttp::string_body> response_;
  std::array<char, 4096> discard_{};
  bool keep_alive_ = false;
  bool head_ = false;
  bool busy_ = false;  // a request read and not yet answered
};

void Listener::Impl::Accept() {
  acceptor.async_accept([this](beast::error_code error, tcp::socket socket) {
    if (stopping) return;
    if (error == asio::error::operation_aborted) return;
    if (error) {
      // Out of descriptors, say: try again shortly instead of spinning.
      spdlog::warn("cannot accept a connection: {}", error.message());
      retry.expires_after(std::chrono::milliseconds(100));
      retry.async_wait([this](beast::error_code e) {
        if (!e) Accept();
      });
      return;
    }
    Admit(std::move(socket));
    Accept();
  });
}

void Listener::Impl::Admit(tcp::socket socket) {
  beast::error_code error;
  const auto endpoint = socket.remote_endpoint(error);
  if (error) return;
  std::string peer = endpoint.address().to_string();
  const bool unlimited =
      std::find(limits.unlimited.begin(), limits.unlimited.end(), peer) != limits.unlimited.end();
  const auto it = per_address.find(peer);
  const int from_peer = it == per_address.end() ? 0 : it->second;
  if (static_cast<int>(connections.size()) >= limits.max_connections ||
      (!unlimited && from_peer >= limits.per_address)) {
    spdlog::warn("{} refused: {} connections open from it, {} in all", peer, from_peer,
                 connections.size());
    static constexpr std::string_view kBusy =
        "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nContent-Length: 0\r\n"
        "Connection: close\r\n\r\n";
    socket.non_blocking(true, error);
    socket.write_some(asio::buffer(kBusy.data(), kBusy.size()), error);
    socket.close(error);
    return;
  }
  socket.set_option(tcp::no_delay(true), error);
  std::make_shared<Connection>(std::move(socket), *this, std::move(peer))->ReadHeader();
}

void Listener::Impl::Forget(Connection* connection, const std::string& peer) {
  connections.erase(connection);
  if (auto it = per_address.find(peer); it != per_address.end() && --it->second <= 0) {
    per_address.erase(it);
  }
  if (stopping && connections.empty()) grace.cancel();
}

void Listener::Impl::BeginStop() {
  beast::error_code ignored;
  acceptor.close(ignored);
  retry.cancel();
  // Closing may destroy connections, which erase themselves: close a copy's members.
  const std::vector<Connection*> open(connections.begin(), connections.end());
  for (Connection* connection : open) {
    if (connections.count(connection) != 0) connection->CloseIfIdle();
  }
  if (connections.empty()) return;
  grace.expires_after(limits.stop_grace);
  grace.async_wait([this](beast::error_code error) {
    if (error) return;  // cancelled: the last connection closed
    spdlog::warn("stopping with {} requests unanswered after {} s", connections.size(),
                 limits.stop_grace.count());
    io.stop();
  });
}

Listener::Listener(ListenerLimits limits, Handler handler)
    : impl_(std::make_unique<Impl>(std::move(limits), std::move(handler))) {}

Listener::~Listener() {
  Stop();
  impl_->pool.Stop();
}

Result<int> Listener::Bind(const std::string& address, int port) {
  beast::error_code error;
  const auto ip = asio::ip::make_address(address, error);
  if (error) return Error(Status::InvalidArgument(fmt::format("'{}' is not an address", address)));
  auto& acceptor = impl_->acceptor;
  const tcp::endpoint endpoint(ip, static_cast<unsigned short>(port));
  acceptor.open(endpoint.protocol(), error);
  // SO_REUSEADDR lets a restart rebind at once; without SO_REUSEPORT a taken port is an error.
  if (!error) acceptor.set_option(asio::socket_base::reuse_address(true), error);
  if (!error) acceptor.bind(endpoint, error);
  if (!error) acceptor.listen(asio::socket_base::max_listen_connections, error);
  if (error) {
    return Error(Status::Unavailable(fmt::format(
        "cannot bind {}:{} (in use, or not an address of this machine)", address, port)));
  }
  return static_cast<int>(acceptor.local_endpoint().port());
}

Status Listener::Run() {
  if (!impl_->acceptor.is_open()) return Status::Unavailable("the server is not bound");
  impl_->Accept();
  impl_->io.run();
  impl_->pool.Stop();
  return Status::Ok();
}

void Listener::Stop() {
  if (impl_->stopping.exchange(true)) return;
  asio::post(impl_->io, [impl = impl_.get()] { impl->BeginStop(); });
}

Result<Request> ParseRequestBytes(std::string_view bytes, const ListenerLimits& limits) {
  Parser parser;
  PrepareParser(parser, limits);
  parser.eager(true);
  beast::error_code error;
  std::size_t at = 0;
  while (!error && !parser.is_done() && at < bytes.size()) {
    at += parser.put(asio::buffer(bytes.data() + at, bytes.size() - at), error);
    if (error == bhttp::error::need_more) break;
  }
  // Beast asserts that the end of a stream is only told to a parser that was given something
  // (found by tests/fuzz/: an empty input).
  if (!error && !parser.is_done() && parser.got_some()) parser.put_eof(error);
  if (error || !parser.is_done()) {
    const auto refusal = RefusalOf(error, limits);
    return Error(Status::InvalidArgument(refusal ? refusal->body : "an incomplete request"));
  }
  return ToRequest(parser.get(), "fuzz");
}

}  // namespace clusterscope::http
