// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// `serve` as an operator runs it: on a port another program holds (a clear message and a
// non-zero exit, not a server that waits forever or shares the port), and under logrotate.
#include <filesystem>

#include "cli_fixture.h"
#include "testutil.h"
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

// SIGHUP opens the log again (logrotate moved it away) while requests go on, none failing; a
// SIGTERM then stops the server cleanly.
TEST_F(CliTest, SighupReopensTheLogWithoutDroppingRequests) {
  ASSERT_EQ(Cli("init").exit_code, 0);
  testutil::WriteFile(dir_.Path("hit.py"), R"(
import http.client, os, signal, sys, threading, time
port, pid = int(sys.argv[1]), int(sys.argv[2])
fails = []
def hit(n):
    for _ in range(n):
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            c.request("GET", "/api/v1/openapi.json")
            r = c.getresponse()
            r.read()
            if r.status != 200:
                fails.append(r.status)
        except Exception as e:
            fails.append(str(e))
threads = [threading.Thread(target=hit, args=(40,)) for _ in range(4)]
for t in threads: t.start()
time.sleep(0.1)
os.rename("a.log", "a.log.1")
os.kill(pid, signal.SIGHUP)
for t in threads: t.join()
hit(5)
print("fails", len(fails), fails[:3])
)");
  // One group, so that `&` puts only the server in the background.
  const CliRun run = Shell(fmt::format(
      "{{ CLUSTERSCOPE_USER=e2e '{}' --db e2e.db serve --port 0 --log-level info --log a.log "
      "> out.txt 2>&1 & pid=$!; "
      "for i in $(seq 100); do grep -q serving out.txt && break; sleep 0.1; done; "
      "port=$(grep -o '127.0.0.1:[0-9]*' out.txt | head -1 | cut -d: -f2); "
      "python3 hit.py $port $pid; kill -TERM $pid; wait $pid; echo \"exit $?\"; }}",
      CLUSTERSCOPE_BINARY));
  EXPECT_NE(run.out.find("fails 0 []"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("exit 0"), std::string::npos) << run.out;
  const std::string before = testutil::ReadFile(dir_.Path("a.log.1"));
  const std::string after = testutil::ReadFile(dir_.Path("a.log"));
  EXPECT_NE(before.find("GET /api/v1/openapi.json 200"), std::string::npos);
  EXPECT_NE(after.find("SIGHUP: the log was opened again"), std::string::npos) << after;
  EXPECT_NE(after.find("GET /api/v1/openapi.json 200"), std::string::npos) << after;
  namespace fs = std::filesystem;
  EXPECT_EQ(
      fs::status(dir_.Path("a.log")).permissions() & (fs::perms::group_all | fs::perms::others_all),
      fs::perms::none);
}

}  // namespace
