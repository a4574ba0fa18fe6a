// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The server's own limits, tried as an attacker would over raw loopback sockets: bodies past
// the limit in every transfer encoding, a request line without end, headers sent one slow line
// at a time, too many connections from one address, a full queue, and a stop while requests
// are being answered. The listener runs on its own with a handler of the test's.
#include "listener.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "testutil.h"
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace clusterscope::http {
namespace {

using std::chrono::milliseconds;

// A client that writes exactly the bytes it is given.
class RawClient {
 public:
  explicit RawClient(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  }
  ~RawClient() { ::close(fd_); }
  RawClient(const RawClient&) = delete;
  RawClient& operator=(const RawClient&) = delete;

  bool connected() const { return connected_; }
  // False once the server has closed the connection.
  bool Send(std::string_view bytes) {
    while (!bytes.empty()) {
      const ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }
  // What the server sends until it closes, or until `wait` passes without a byte.
  std::string Read(milliseconds wait = milliseconds(5000)) {
    std::string out;
    char buffer[4096];
    for (;;) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(wait.count())) <= 0) {
        timed_out_ = true;
        return out;
      }
      const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
      if (n <= 0) return out;
      out.append(buffer, static_cast<std::size_t>(n));
      // One whole answer is enough when the connection stays open.
      const auto end = out.find("\r\n\r\n");
      const auto length = out.find("Content-Length: ");
      if (end != std::string::npos && length != std::string::npos && length < end &&
          out.size() >= end + 4 + std::stoul(out.substr(length + 16))) {
        return out;
      }
    }
  }
  bool timed_out() const { return timed_out_; }

 private:
  int fd_;
  bool connected_ = false;
  bool timed_out_ = false;
};

std::string StatusLine(const std::string& answer) { return answer.substr(0, answer.find("\r\n")); }

class ListenerTest : public ::testing::Test {
 protected:
  void Start(const ListenerLimits& limits) {
    listener_ = std::make_unique<Listener>(limits, [this](Request& req, Response& res) {
      ++handled_;
      if (req.path == "/slow") {
        std::unique_lock lock(mutex_);
        ++waiting_;
        changed_.notify_all();
        changed_.wait(lock, [this] { return open_; });
      }
      res.SetContent("ok " + req.path, "text/plain");
    });
    auto port = listener_->Bind("127.0.0.1", 0);
    ASSERT_OK(port);
    port_ = *port;
    thread_ = std::thread([this] { (void)listener_->Run(); });
  }
  void TearDown() override {
    Open();
    if (listener_) listener_->Stop();
    if (thread_.joinable()) thread_.join();
  }
  // Lets every /slow request finish.
  void Open() {
    const std::lock_guard lock(mutex_);
    open_ = true;
    changed_.notify_all();
  }
  void AwaitWaiting(int n) {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, std::chrono::seconds(10), [&] { return waiting_ >= n; });
  }
  std::string Get(const std::string& path) {
    RawClient client(port_);
    client.Send("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    return client.Read();
  }

  std::unique_ptr<Listener> listener_;
  std::thread thread_;
  int port_ = 0;
  std::atomic<int> handled_ = 0;
  std::mutex mutex_;
  std::condition_variable changed_;
  bool open_ = false;
  int waiting_ = 0;
};

TEST_F(ListenerTest, AnswersAndKeepsTheConnection) {
  Start({});
  RawClient client(port_);
  ASSERT_TRUE(client.Send("GET /a?x=1 HTTP/1.1\r\nHost: x\r\n\r\n"));
  const std::string first = client.Read(milliseconds(2000));
  EXPECT_EQ(StatusLine(first), "HTTP/1.1 200 OK");
  EXPECT_NE(first.find("ok /a"), std::string::npos);
  ASSERT_TRUE(client.Send("HEAD /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
  const std::string second = client.Read();
  EXPECT_EQ(StatusLine(second), "HTTP/1.1 200 OK");
  EXPECT_NE(second.find("Content-Length: 5"), std::string::npos);
  EXPECT_EQ(second.find("ok /b"), std::string::npos);  // HEAD: no body
}

TEST_F(ListenerTest, ChunkedBodiesPastTheLimitAreRefused) {
  ListenerLimits limits;
  limits.max_body = 4096;
  Start(limits);
  RawClient client(port_);
  ASSERT_TRUE(
      client.Send("POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"));
  const std::string chunk = "800\r\n" + std::string(0x800, 'a') + "\r\n";
  for (int i = 0; i < 4 && client.Send(chunk); ++i) {
  }
  const std::string answer = client.Read();
  EXPECT_EQ(StatusLine(answer), "HTTP/1.1 413 Payload Too Large");
  EXPECT_NE(answer.find("larger than 4096 bytes"), std::string::npos);
  EXPECT_EQ(handled_, 0);
}

TEST_F(ListenerTest, DeclaredBodiesPastTheLimitAreRefusedBeforeTheyAreSent) {
  ListenerLimits limits;
  limits.max_body = 4096;
  Start(limits);
  RawClient client(port_);
  ASSERT_TRUE(client.Send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 125829120\r\n\r\n"));
  EXPECT_EQ(StatusLine(client.Read()), "HTTP/1.1 413 Payload Too Large");
  EXPECT_EQ(handled_, 0);
}

// A route may take less than the largest body: a sign-in of megabytes is not read whole.
TEST_F(ListenerTest, ARoutesOwnBodyLimitIsKept) {
  ListenerLimits limits;
  limits.body_limit = [](std::string_view, std::string_view target) -> std::size_t {
    return target == "/small" ? 16 : 1 << 20;
  };
  Start(limits);
  const auto post = [&](const std::string& path, bool chunked) {
    RawClient client(port_);
    const std::string body(100, 'a');
    client.Send("POST " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" +
                (chunked ? "Transfer-Encoding: chunked\r\n\r\n64\r\n" + body + "\r\n0\r\n\r\n"
                         : "Content-Length: 100\r\n\r\n" + body));
    return StatusLine(client.Read());
  };
  EXPECT_EQ(post("/small", false), "HTTP/1.1 413 Payload Too Large");
  EXPECT_EQ(post("/small", true), "HTTP/1.1 413 Payload Too Large");
  EXPECT_EQ(post("/big", false), "HTTP/1.1 200 OK");
  EXPECT_EQ(post("/big", true), "HTTP/1.1 200 OK");
  EXPECT_EQ(handled_, 2);
}

TEST_F(ListenerTest, ARequestLineWithoutEndIsRefused) {
  ListenerLimits limits;
  limits.max_header = 8192;
  Start(limits);
  RawClient client(port_);
  client.Send("GET /" + std::string(std::size_t{1} << 20, 'a'));  // the server stops reading
  const std::string answer = client.Read();
  EXPECT_EQ(StatusLine(answer), "HTTP/1.1 431 Request Header Fields Too Large");
  EXPECT_EQ(handled_, 0);
}

TEST_F(ListenerTest, MalformedRequestsAreRefused) {
  Start({});
  RawClient client(port_);
  client.Send("GET /a HTTP/1.1\r\nHost x\r\n\r\n");
  EXPECT_EQ(StatusLine(client.Read()), "HTTP/1.1 400 Bad Request");
  EXPECT_EQ(StatusLine(Get("/index.html%00.js")), "HTTP/1.1 400 Bad Request");
  EXPECT_EQ(StatusLine(Get("/a%zz")), "HTTP/1.1 400 Bad Request");
  EXPECT_EQ(handled_, 0);
}

// Slowloris: many connections each sending a header line now and then. They are cut off at
// the header deadline, and meanwhile everyone else is answered at once.
TEST_F(ListenerTest, SlowHeadersAreCutOffWithoutStarvingOthers) {
  ListenerLimits limits;
  limits.header_timeout = std::chrono::seconds(1);
  limits.per_address = 100;
  limits.workers = 2;
  Start(limits);
  std::vector<std::unique_ptr<RawClient>> slow;
  for (int i = 0; i < 64; ++i) {
    slow.push_back(std::make_unique<RawClient>(port_));
    ASSERT_TRUE(slow.back()->Send("GET / HTTP/1.1\r\nHost: x\r\n"));
  }
  const auto started = std::chrono::steady_clock::now();
  for (int i = 0; i < 5; ++i) {
    for (auto& client : slow) client->Send("X-Slow: 1\r\n");
    EXPECT_EQ(StatusLine(Get("/fast")), "HTTP/1.1 200 OK");
    std::this_thread::sleep_for(milliseconds(100));
  }
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(3));
  std::this_thread::sleep_for(milliseconds(1200));
  int closed = 0;
  for (auto& client : slow) {
    client->Send("X-Slow: 1\r\n");
    client->Read(milliseconds(2000));
    closed += client->timed_out() ? 0 : 1;
  }
  EXPECT_EQ(closed, 64);
  EXPECT_EQ(handled_, 5);
}

TEST_F(ListenerTest, ConnectionsPerAddressAreLimited) {
  ListenerLimits limits;
  limits.per_address = 4;
  Start(limits);
  std::vector<std::unique_ptr<RawClient>> held;
  for (int i = 0; i < 4; ++i) held.push_back(std::make_unique<RawClient>(port_));
  // Let the server take them before the next.
  std::this_thread::sleep_for(milliseconds(200));
  EXPECT_EQ(StatusLine(Get("/fifth")), "HTTP/1.1 503 Service Unavailable");
  held.clear();
  std::this_thread::sleep_for(milliseconds(200));
  EXPECT_EQ(StatusLine(Get("/again")), "HTTP/1.1 200 OK");
}

TEST_F(ListenerTest, AFullQueueIsAnswered503) {
  ListenerLimits limits;
  limits.workers = 1;
  limits.queue = 1;
  Start(limits);
  RawClient running(port_);
  running.Send("GET /slow HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  AwaitWaiting(1);
  // The one worker is busy: of two more requests one waits in the queue and the other, finding
  // it full, is refused at once (which is which depends on which the server reads first).
  RawClient first(port_);
  RawClient second(port_);
  first.Send("GET /a HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  second.Send("GET /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  std::string refused;
  RawClient* queued = nullptr;
  for (auto* client : {&first, &second}) {
    const std::string answer = client->Read(std::chrono::milliseconds(1000));
    if (answer.empty()) {
      queued = client;
    } else {
      refused = answer;
    }
  }
  EXPECT_EQ(StatusLine(refused), "HTTP/1.1 503 Service Unavailable");
  EXPECT_NE(refused.find("Retry-After: 5"), std::string::npos);
  Open();
  EXPECT_EQ(StatusLine(running.Read()), "HTTP/1.1 200 OK");
  ASSERT_NE(queued, nullptr);
  EXPECT_EQ(StatusLine(queued->Read()), "HTTP/1.1 200 OK");
}

TEST_F(ListenerTest, StopAnswersTheRequestsBeingAnswered) {
  Start({});
  RawClient client(port_);
  client.Send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
  AwaitWaiting(1);
  RawClient idle(port_);
  listener_->Stop();
  Open();
  const std::string answer = client.Read();
  EXPECT_EQ(StatusLine(answer), "HTTP/1.1 200 OK");
  EXPECT_NE(answer.find("Connection: close"), std::string::npos);
  thread_.join();  // Run() returns once it is answered
  EXPECT_EQ(idle.Read(milliseconds(1000)), "");
  EXPECT_FALSE(idle.timed_out());  // closed, not left open
}

TEST(MessageTest, TargetsAreDecodedAndChecked) {
  Request request;
  ASSERT_OK(ParseTarget("/a%20b?x=1&y=%E4%B8%AD+c&&z", request));
  EXPECT_EQ(request.path, "/a b");
  ASSERT_EQ(request.params.size(), 3U);
  EXPECT_EQ(request.Param("y"), "中 c");
  EXPECT_TRUE(request.HasParam("z"));
  EXPECT_FALSE(ParseTarget("/index.html%00.js", request).ok());
  EXPECT_FALSE(ParseTarget("/a%2", request).ok());
  EXPECT_FALSE(ParseTarget("a", request).ok());
  std::string many = "/a?";
  for (std::size_t i = 0; i <= kMaxParams; ++i) many += "p=1&";
  EXPECT_FALSE(ParseTarget(many, request).ok());
}

TEST(MessageTest, MultipartFormsGiveTheirFiles) {
  const std::string body =
      "preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"C:\\\\d\\\\m.csv\"\r\n"
      "Content-Type: text/csv\r\n\r\na,b\r\n1,2\r\n--XyZ--\r\n";
  auto files = ParseMultipart("multipart/form-data; boundary=XyZ", body);
  ASSERT_OK(files);
  ASSERT_EQ(files->size(), 1U);
  const FormFile& file = files->at("file");
  EXPECT_EQ(file.filename, "m.csv");
  EXPECT_EQ(file.content_type, "text/csv");
  EXPECT_EQ(file.content, "a,b\r\n1,2");
  EXPECT_FALSE(ParseMultipart("multipart/form-data", body).has_value());
  EXPECT_FALSE(ParseMultipart("multipart/form-data; boundary=XyZ", "--XyZ\r\nno end").has_value());
}

TEST(MessageTest, RequestBytesAreReadWithinTheLimits) {
  ListenerLimits limits;
  limits.max_body = 8;
  auto request = ParseRequestBytes(
      "POST /x?a=1 HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
      limits);
  ASSERT_OK(request);
  EXPECT_EQ(request->body, "abc");
  EXPECT_EQ(request->Header("HOST"), "h");
  EXPECT_FALSE(ParseRequestBytes("POST /x HTTP/1.1\r\nContent-Length: 9\r\n\r\n123456789", limits)
                   .has_value());
  EXPECT_FALSE(ParseRequestBytes("GET /x HTTP/1.1\r\n", limits).has_value());
}

}  // namespace
}  // namespace clusterscope::http
