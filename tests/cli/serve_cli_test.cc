// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// `serve` on a port another program holds: a clear message and a non-zero exit, not a server
// that waits forever or shares the port.
#include "cli_fixture.h"
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

// A socket listening on a free loopback port, as another server would. It allows the port to be
// shared (SO_REUSEPORT, as cpp-httplib's default does): a server of ours must still not share it.
class HeldPort {
 public:
  HeldPort() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    int yes = 1;
    ::setsockopt(fd_, SOL_SOCKET, SO_REUSEPORT, &yes, sizeof yes);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) return;
    if (::listen(fd_, 4) != 0) return;
    socklen_t length = sizeof address;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
  }
  ~HeldPort() { ::close(fd_); }
  HeldPort(const HeldPort&) = delete;
  HeldPort& operator=(const HeldPort&) = delete;
  int port() const { return port_; }

 private:
  int fd_ = -1;
  int port_ = 0;
};

TEST_F(CliTest, ServeOnATakenPortFailsWithAClearMessage) {
  ASSERT_EQ(Cli("init").exit_code, 0);
  const HeldPort held;
  ASSERT_GT(held.port(), 0);
  // A server that waited instead of failing is killed after 20 s (exit 143), which fails the test.
  const CliRun run = Cli(fmt::format(
      "serve --port {} 2>&1 & pid=$!; (sleep 20; kill $pid) >/dev/null 2>&1 & wait $pid",
      held.port()));
  EXPECT_EQ(run.exit_code, 7) << run.out;  // Unavailable
  EXPECT_NE(run.out.find(fmt::format("cannot bind 127.0.0.1:{}", held.port())), std::string::npos)
      << run.out;
}

}  // namespace
