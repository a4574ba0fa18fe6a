// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The HTTP API in-process on an ephemeral loopback port: sign-in, sessions, CSRF, throttling,
// the error bodies, and who may see enterprise rows (a role x endpoint matrix).
#include "clusterscope/http/server.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <thread>

#include "testutil.h"
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "clusterscope/app/init.h"
#include "clusterscope/app/users_service.h"
#include "clusterscope/storage/store.h"

namespace clusterscope::http {
namespace {

using nlohmann::json;

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.Path("api.db");
    ASSERT_OK(
        app::InitDatabase({db_, testutil::SystemsDir() + "/fuling-2349.toml", "t", "", "", ""}));
    auto w = testutil::OpenApp(db_);
    ASSERT_OK(w);
    ASSERT_OK(w->Service<app::UsersService>().AddUser("admin", model::Role::kAdmin, "",
                                                      "admin-secret-1"));
    ASSERT_OK(w->Service<app::UsersService>().AddUser("ana", model::Role::kAnalyst, "",
                                                      "analyst-secret-1"));
    ASSERT_OK(w->Service<app::UsersService>().AddUser("pe", model::Role::kParkEditor, "GXQ",
                                                      "editor-secret-1"));
    ASSERT_OK(w->Service<app::UsersService>().AddUser("vic", model::Role::kViewer, "",
                                                      "viewer-secret-1"));
    testutil::WriteFile(dir_.Path("e.csv"),
                        fmt::format("uscc,name,industry_code,park\n"
                                    "{},高新区企业,3841,GXQ\n"
                                    "{},临港企业,3611,LG\n",
                                    testutil::CreditCode(1), testutil::CreditCode(2)));
    model::ImportOptions options;
    ASSERT_OK(w->Import("enterprises", dir_.Path("e.csv"), options));
    ServerOptions server_options;
    server_options.db_path = db_;
    server_options.port = 0;
    server_options.max_body = 4096;
    server_options.login_failures = 3;
    server_options.login_backoff_ms =
        400;  // wide enough for a loaded machine (see the throttle test)
    auto server = Server::Create(server_options);
    ASSERT_OK(server);
    server_ = std::move(*server);
    auto port = server_->Bind();
    ASSERT_OK(port);
    port_ = *port;
    thread_ = std::thread([this] { (void)server_->Listen(); });
  }
  void TearDown() override {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
  }

  httplib::Client Client() { return httplib::Client("127.0.0.1", port_); }

  struct Signed {
    std::string cookie;
    std::string csrf;
  };
  Signed SignIn(const std::string& name, const std::string& password) {
    auto client = Client();
    auto res = client.Post("/api/v1/login", json{{"name", name}, {"password", password}}.dump(),
                           "application/json");
    EXPECT_TRUE(res);
    if (!res || res->status != 200) return {};
    const std::string set_cookie = res->get_header_value("Set-Cookie");
    EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(set_cookie.find("SameSite=Strict"), std::string::npos);
    return {set_cookie.substr(0, set_cookie.find(';')), json::parse(res->body)["csrf_token"]};
  }
  int Get(const Signed& who, const std::string& path, std::string* body = nullptr) {
    auto client = Client();
    httplib::Headers headers;
    if (!who.cookie.empty()) headers.emplace("Cookie", who.cookie);
    auto res = client.Get(path.c_str(), headers);
    if (!res) return -1;
    if (body != nullptr) *body = res->body;
    // Every error body is {"code", "message"}.
    if (res->status >= 400) {
      const auto doc = json::parse(res->body);
      EXPECT_TRUE(doc.contains("code") && doc.contains("message")) << res->body;
    }
    return res->status;
  }

  testutil::TempDir dir_;
  std::string db_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  int port_ = 0;
};

// A refusal the dashboard shows says why in the language the page asks for.
TEST_F(ServerTest, RefusalsSpeakTheRequestsLanguage) {
  const Signed vic = SignIn("vic", "viewer-secret-1");
  std::string zh, en;
  EXPECT_EQ(Get(vic, "/api/v1/enterprises?lang=zh", &zh), 403);
  EXPECT_EQ(Get(vic, "/api/v1/enterprises?lang=en", &en), 403);
  EXPECT_EQ(json::parse(zh)["message"], "企业数据仅供分析人员和园区编辑查看");
  EXPECT_EQ(json::parse(en)["message"], "enterprise data is for analysts and park editors");
  EXPECT_EQ(json::parse(zh)["code"], "PermissionDenied");
}

// A project's own rules and a benchmark matrix's problems come back in the reader's language:
// the Chinese answer holds no English word but the columns' and fields' names.
TEST_F(ServerTest, UploadRefusalsSpeakTheRequestsLanguage) {
  const Signed ana = SignIn("admin", "admin-secret-1");  // matrices are the admins'
  const auto upload = [&](const std::string& kind, const std::string& content,
                          const std::string& language) {
    auto client = Client();
    httplib::MultipartFormDataItems items = {{"file", content, "上报.csv", "text/csv"}};
    httplib::Headers headers = {{"Cookie", ana.cookie}, {"X-CSRF-Token", ana.csrf}};
    auto res =
        client.Post(fmt::format("/api/v1/uploads/{}?lang={}", kind, language), headers, items);
    EXPECT_TRUE(res);
    return res ? json::parse(res->body) : json();
  };
  // Phase 2 with no phase 1 (a project's rule), a capacity without its unit (a row's).
  const std::string projects =
      "code,name,phase,capacity,stage,signed_date\nP-1,新建项目,2,,signed,2025-01-05\n"
      "P-2,扩建项目,1,10,signed,2025-01-05\n";
  const auto zh = upload("projects", projects, "zh");
  const auto en = upload("projects", projects, "en");
  ASSERT_FALSE(zh["errors"].empty()) << zh.dump();
  std::string zh_text, en_text;
  for (const auto& e : zh["errors"]) zh_text += e["message"].get<std::string>() + "\n";
  for (const auto& e : en["errors"]) en_text += e["message"].get<std::string>() + "\n";
  EXPECT_NE(zh_text.find("期次应按 1、2……依次编号"), std::string::npos) << zh_text;
  EXPECT_NE(zh_text.find("产能须注明单位"), std::string::npos) << zh_text;
  EXPECT_NE(en_text.find("phases must be numbered 1, 2, ... in order"), std::string::npos)
      << en_text;
  for (const char* english : {"must", "needs", "missing", "the "}) {
    EXPECT_EQ(zh_text.find(english), std::string::npos) << english << " in " << zh_text;
  }

  // A matrix is the operator's, on the command line: the refusal says so in either language.
  const auto matrix = [&](const std::string& language) {
    auto client = Client();
    httplib::MultipartFormDataItems items = {
        {"file", "region,industry,value\nA,26,5\n", "对标.csv", "text/csv"}};
    httplib::Headers headers = {{"Cookie", ana.cookie}, {"X-CSRF-Token", ana.csrf}};
    auto res = client.Post(fmt::format("/api/v1/uploads/matrix?lang={}", language), headers, items);
    EXPECT_TRUE(res);
    return res ? json::parse(res->body)["message"].get<std::string>() : std::string();
  };
  EXPECT_EQ(matrix("zh"), "对标.csv：对标矩阵须在命令行导入");
  EXPECT_EQ(matrix("en"), "对标.csv: matrix files are imported on the command line");
}

TEST_F(ServerTest, SignInSessionsAndCsrf) {
  EXPECT_EQ(Get({}, "/api/v1/me"), 401);
  EXPECT_EQ(Get({"cs_session=" + std::string(64, 'a'), ""}, "/api/v1/me"), 401);  // forged
  const Signed ana = SignIn("ana", "analyst-secret-1");
  ASSERT_FALSE(ana.cookie.empty());
  std::string body;
  EXPECT_EQ(Get(ana, "/api/v1/me", &body), 200);
  EXPECT_EQ(json::parse(body)["role"], "analyst");

  auto client = Client();
  // A change without the CSRF token is refused; with it, the session ends.
  auto refused = client.Post("/api/v1/logout", {{"Cookie", ana.cookie}}, "{}", "application/json");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403);
  auto out = client.Post("/api/v1/logout", {{"Cookie", ana.cookie}, {"X-CSRF-Token", ana.csrf}},
                         "{}", "application/json");
  ASSERT_TRUE(out);
  EXPECT_EQ(out->status, 200);
  EXPECT_EQ(Get(ana, "/api/v1/me"), 401);
}

TEST_F(ServerTest, ServesItsOpenApiDescription) {
  std::string body;
  EXPECT_EQ(Get({}, "/api/v1/openapi.json", &body), 200);
  const auto doc = json::parse(body);
  EXPECT_EQ(doc["openapi"], "3.0.3");
  // Every route the server answers is described, with its method.
  const auto routes = server_->Routes();
  EXPECT_GE(routes.size(), 20u);
  for (const auto& route : routes) {
    const auto space = route.find(' ');
    std::string method = route.substr(0, space);
    std::transform(method.begin(), method.end(), method.begin(), ::tolower);
    const std::string path = route.substr(space + 1);
    EXPECT_TRUE(doc["paths"].contains(path) && doc["paths"][path].contains(method)) << route;
  }
}

TEST_F(ServerTest, BadRequestsGetClearErrors) {
  auto client = Client();
  // In English when asked (the dashboard always asks); Chinese is the default.
  const auto post = [&](const std::string& body) {
    auto res = client.Post("/api/v1/login?lang=en", body, "application/json");
    EXPECT_TRUE(res);
    return res ? std::make_pair(res->status, json::parse(res->body)) : std::make_pair(-1, json());
  };
  auto [status, doc] = post(R"({"name": "ana")");
  EXPECT_EQ(status, 400);
  EXPECT_EQ(doc["code"], "InvalidArgument");
  std::tie(status, doc) = post(R"({"name": "ana", "password": "x", "admin": true})");
  EXPECT_EQ(status, 400);
  EXPECT_EQ(doc["message"], "unknown field 'admin'");
  std::tie(status, doc) = post(R"({"name": "ana", "password": 12})");
  EXPECT_EQ(status, 400);
  EXPECT_EQ(doc["message"], "field 'password' must be a string");
  std::tie(status, doc) =
      post(R"({"name": "ana'; DROP TABLE app_user; --", "password": "xxxxxxxxxxxx"})");
  EXPECT_EQ(status, 401);
  EXPECT_EQ(doc["message"], "wrong user name or password");
  auto chinese = client.Post("/api/v1/login", R"({"name": "ana", "password": "xxxxxxxxxxxx"})",
                             "application/json");
  ASSERT_TRUE(chinese);
  EXPECT_EQ(json::parse(chinese->body)["message"], "用户名或密码错误");
  std::tie(status, doc) =
      post(R"({"name": "ana", "password": ")" + std::string(5000, 'x') + R"("})");
  EXPECT_EQ(status, 413);
  EXPECT_EQ(Get({}, "/api/v1/nothing-here"), 404);
  EXPECT_EQ(Get({}, "/../../etc/passwd"), 404);
  // A name longer than any user's is refused before it is kept or logged.
  std::tie(status, doc) = post(R"({"name": ")" + std::string(65, 'a') + R"(", "password": "x"})");
  EXPECT_EQ(status, 400);
  EXPECT_EQ(doc["message"], "a user name has at most 64 characters");
  // Invalid UTF-8 is a bad request, not an internal error.
  std::tie(status, doc) = post("{\"name\": \"\xff\xfe\", \"password\": \"x\"}");
  EXPECT_EQ(status, 400);
  // Sign-in is JSON from this site only: a foreign page's form or text is refused.
  auto text = client.Post("/api/v1/login", R"({"name": "ana", "password": "analyst-secret-1"})",
                          "text/plain");
  ASSERT_TRUE(text);
  EXPECT_EQ(text->status, 403);
  auto foreign =
      client.Post("/api/v1/login", {{"Origin", "http://evil.example"}},
                  R"({"name": "ana", "password": "analyst-secret-1"})", "application/json");
  ASSERT_TRUE(foreign);
  EXPECT_EQ(foreign->status, 403);
  auto own = client.Post("/api/v1/login", {{"Origin", fmt::format("http://127.0.0.1:{}", port_)}},
                         R"({"name": "vic", "password": "viewer-secret-1"})", "application/json");
  ASSERT_TRUE(own);
  EXPECT_EQ(own->status, 200);
  // The database is intact after the attempts: a user still signs in (the analyst waits out
  // the pause after its failures).
  EXPECT_FALSE(SignIn("admin", "admin-secret-1").cookie.empty());
}

// A second server over the same database: the dashboard's folder, nothing outside it; a session
// that has outlived its lifetime; SQL metacharacters in a search.
TEST_F(ServerTest, StaticFilesStayInTheirFolderAndSessionsExpire) {
  std::filesystem::create_directories(dir_.Path("web"));
  testutil::WriteFile(dir_.Path("web/index.html"), "<!doctype html><title>dashboard</title>");
  testutil::WriteFile(dir_.Path("web/cmake_install.cmake"), "# build file");
  testutil::WriteFile(dir_.Path("web/.copied"), "");
  ServerOptions options;
  options.db_path = db_;
  options.port = 0;
  options.web_root = dir_.Path("web");
  options.session_minutes = 0;  // every session is over at once
  auto server = Server::Create(options);
  ASSERT_OK(server);
  auto port = (*server)->Bind();
  ASSERT_OK(port);
  std::thread thread([&] { (void)(*server)->Listen(); });
  httplib::Client client("127.0.0.1", *port);
  auto index = client.Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_NE(index->body.find("dashboard"), std::string::npos);
  EXPECT_EQ(index->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_NE(index->get_header_value("Content-Security-Policy").find("default-src 'self'"),
            std::string::npos);
  // Only the dashboard's kinds of file: no build files, no hidden files, no NUL tricks.
  for (const char* path : {"/cmake_install.cmake", "/.copied", "/index.html%00.js"}) {
    auto res = client.Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_NE(res->status, 200) << path;
    EXPECT_EQ(res->body.find("build file"), std::string::npos) << path;
  }
  // The database lies beside the web folder: no spelling of ".." reaches it.
  for (const char* path : {"/../api.db", "/%2e%2e/api.db", "/%2E%2E%2Fapi.db", "/..%2fapi.db",
                           "/web/../../api.db", "/index.html/../../api.db"}) {
    auto res = client.Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 404) << path;
    EXPECT_EQ(res->body.find("SQLite"), std::string::npos) << path;
  }
  auto login = client.Post("/api/v1/login", R"({"name": "ana", "password": "analyst-secret-1"})",
                           "application/json");
  ASSERT_TRUE(login);
  ASSERT_EQ(login->status, 200);
  const std::string cookie = login->get_header_value("Set-Cookie");
  auto expired = client.Get("/api/v1/me", {{"Cookie", cookie.substr(0, cookie.find(';'))}});
  ASSERT_TRUE(expired);
  EXPECT_EQ(expired->status, 401);
  (*server)->Stop();
  thread.join();

  // Quotes, comment marks and wildcards are text to search for, nothing else.
  const Signed ana = SignIn("ana", "analyst-secret-1");
  std::string body;
  for (const char* q :
       {"%27%20OR%201%3D1%20--", "%25", "_", "%22%3B%20DROP%20TABLE%20enterprise"}) {
    ASSERT_EQ(Get(ana, std::string("/api/v1/enterprises?q=") + q, &body), 200) << q;
    EXPECT_EQ(json::parse(body)["enterprises"].size(), 0u) << q;
  }
  ASSERT_EQ(Get(ana, "/api/v1/enterprises?q=%E4%BC%81%E4%B8%9A", &body), 200);  // 企业
  EXPECT_EQ(json::parse(body)["enterprises"].size(), 2u);
}

TEST_F(ServerTest, AdminsManageUsers) {
  auto client = Client();
  const Signed admin = SignIn("admin", "admin-secret-1");
  const Signed ana = SignIn("ana", "analyst-secret-1");
  const auto post = [&](const Signed& who, const std::string& body) {
    auto res = client.Post("/api/v1/users", {{"Cookie", who.cookie}, {"X-CSRF-Token", who.csrf}},
                           body, "application/json");
    return res ? res->status : -1;
  };
  EXPECT_EQ(post(ana, R"({"name": "new", "role": "viewer", "password": "new-secret-12"})"), 403);
  EXPECT_EQ(post(admin, R"({"name": "new", "role": "boss", "password": "new-secret-12"})"), 400);
  EXPECT_EQ(post(admin, R"({"name": "new", "role": "viewer", "password": "short"})"), 400);
  EXPECT_EQ(post(admin, R"({"name": "new", "role": "park_editor", "park": "LG", )"
                        R"("password": "new-secret-12"})"),
            201);
  EXPECT_EQ(post(admin, R"({"name": "new", "role": "viewer", "password": "new-secret-12"})"), 409);
  const Signed added = SignIn("new", "new-secret-12");
  std::string body;
  EXPECT_EQ(Get(added, "/api/v1/me", &body), 200);
  EXPECT_EQ(json::parse(body)["park"], "LG");
  auto removed =
      client.Delete("/api/v1/users/new", {{"Cookie", admin.cookie}, {"X-CSRF-Token", admin.csrf}});
  ASSERT_TRUE(removed);
  EXPECT_EQ(removed->status, 200);
  EXPECT_EQ(Get(added, "/api/v1/me"), 401);  // signed out with the removal
  auto again =
      client.Delete("/api/v1/users/new", {{"Cookie", admin.cookie}, {"X-CSRF-Token", admin.csrf}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 404);
}

// Guesses in parallel count as surely as one after another: one attempt per name at a time,
// a wait that doubles, then none until the window passes; others are not held up.
TEST_F(ServerTest, ThrottlesRepeatedFailedSignIns) {
  const auto attempt = [&](httplib::Client& client, const std::string& name,
                           const std::string& password) {
    auto res = client.Post("/api/v1/login", json{{"name", name}, {"password", password}}.dump(),
                           "application/json");
    return res ? std::make_pair(res->status, res->get_header_value("Retry-After"))
               : std::make_pair(-1, std::string());
  };
  {
    // 40 attempts at once: one checks its password, the others wait. A server of its own whose
    // first wait is a minute, so that a loaded machine's slow threads still fall in it.
    ServerOptions options;
    options.db_path = db_;
    options.port = 0;
    options.login_failures = 3;
    options.login_backoff_ms = 60'000;
    options.per_address_connections = 64;  // all 40 are let in, to be throttled
    auto server = Server::Create(options);
    ASSERT_OK(server);
    auto port = (*server)->Bind();
    ASSERT_OK(port);
    std::thread listening([&] { (void)(*server)->Listen(); });
    std::vector<std::thread> threads;
    std::atomic<int> wrong = 0;
    std::atomic<int> throttled = 0;
    for (int i = 0; i < 40; ++i) {
      threads.emplace_back([&] {
        httplib::Client client("127.0.0.1", *port);
        const int status = attempt(client, "vic", "wrong-password").first;
        (status == 401 ? wrong : throttled) += status == 401 || status == 429 ? 1 : 0;
      });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(wrong, 1);
    EXPECT_EQ(throttled, 39);
    (*server)->Stop();
    listening.join();
  }
  // One after another: the waits double (400 ms, then 800 ms in this server); after three
  // failures even the right password waits for the window.
  auto client = Client();
  EXPECT_EQ(attempt(client, "vic", "wrong-password").first, 401);
  std::this_thread::sleep_for(std::chrono::milliseconds(450));
  EXPECT_EQ(attempt(client, "vic", "wrong-password").first, 401);
  const auto early = attempt(client, "vic", "wrong-password");
  EXPECT_EQ(early.first, 429);
  EXPECT_EQ(early.second, "1");
  std::this_thread::sleep_for(std::chrono::milliseconds(850));
  EXPECT_EQ(attempt(client, "vic", "wrong-password").first, 401);
  std::this_thread::sleep_for(std::chrono::milliseconds(1650));
  const auto blocked = attempt(client, "vic", "viewer-secret-1");
  EXPECT_EQ(blocked.first, 429);
  EXPECT_GE(std::stoi(blocked.second), 250);                       // the rest of the 300 s window
  EXPECT_FALSE(SignIn("ana", "analyst-secret-1").cookie.empty());  // others are not blocked
  // A sign-in clears the name's failures: a slip after it gets no wait.
  EXPECT_EQ(attempt(client, "pe", "wrong-password").first, 401);
  std::this_thread::sleep_for(std::chrono::milliseconds(450));
  EXPECT_FALSE(SignIn("pe", "editor-secret-1").cookie.empty());
  EXPECT_EQ(attempt(client, "pe", "wrong-password").first, 401);
}

// Behind a trusted proxy each client is its own address, and the users behind it do not lock
// each other out; a guesser trying name after name from one address is stopped.
TEST_F(ServerTest, ThrottlesByTheClientsAddressBehindATrustedProxy) {
  ServerOptions options;
  options.db_path = db_;
  options.port = 0;
  options.login_failures = 3;  // 12 per address
  options.login_backoff_ms = 10;
  options.trusted_proxies = {"127.0.0.1"};
  auto server = Server::Create(options);
  ASSERT_OK(server);
  auto port = (*server)->Bind();
  ASSERT_OK(port);
  std::thread thread([&] { (void)(*server)->Listen(); });
  httplib::Client client("127.0.0.1", *port);
  const auto attempt = [&](const std::string& from, const std::string& name,
                           const std::string& password) {
    auto res = client.Post("/api/v1/login", {{"X-Forwarded-For", "203.0.113.9, " + from}},
                           json{{"name", name}, {"password", password}}.dump(), "application/json");
    return res ? res->status : -1;
  };
  for (int i = 0; i < 12; ++i) {
    EXPECT_EQ(attempt("10.0.0.1", fmt::format("guess{}", i), "wrong-password"), 401) << i;
  }
  EXPECT_EQ(attempt("10.0.0.1", "guess12", "wrong-password"), 429);
  EXPECT_EQ(attempt("10.0.0.1", "ana", "analyst-secret-1"), 429);
  // Another client behind the same proxy: its own address, its own count.
  EXPECT_EQ(attempt("10.0.0.2", "ana", "analyst-secret-1"), 200);
  // A user's own slips are forgiven when it signs in.
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(attempt("10.0.0.3", "admin", "wrong-password"), 401);
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
  }
  EXPECT_EQ(attempt("10.0.0.3", "admin", "admin-secret-1"), 200);
  (*server)->Stop();
  thread.join();
}

// A change of password, role or park, or a removal, by the command line (another process, here
// another connection) or by the API, ends the user's sessions at their next request.
TEST_F(ServerTest, SessionsEndWhenTheirUserChanges) {
  const Signed ana = SignIn("ana", "analyst-secret-1");
  const Signed vic = SignIn("vic", "viewer-secret-1");
  const Signed admin = SignIn("admin", "admin-secret-1");
  ASSERT_EQ(Get(ana, "/api/v1/enterprises"), 200);
  {
    auto w = testutil::OpenApp(db_);
    ASSERT_OK(w);
    ASSERT_OK(w->Service<app::UsersService>().SetPassword("ana", "analyst-secret-2"));
  }
  EXPECT_EQ(Get(ana, "/api/v1/enterprises"), 401);
  const Signed ana2 = SignIn("ana", "analyst-secret-2");
  EXPECT_EQ(Get(ana2, "/api/v1/enterprises"), 200);
  {
    auto w = testutil::OpenApp(db_);
    ASSERT_OK(w);
    ASSERT_OK(w->Service<app::UsersService>().RemoveUser("ana"));
  }
  EXPECT_EQ(Get(ana2, "/api/v1/me"), 401);

  // An admin changes a role over the API: the viewer's session ends, and its new one has the
  // new role.
  auto client = Client();
  const httplib::Headers as_admin = {{"Cookie", admin.cookie}, {"X-CSRF-Token", admin.csrf}};
  auto changed =
      client.Patch("/api/v1/users/vic", as_admin, R"({"role": "analyst"})", "application/json");
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->status, 200);
  EXPECT_EQ(Get(vic, "/api/v1/me"), 401);
  const Signed promoted = SignIn("vic", "viewer-secret-1");
  std::string body;
  ASSERT_EQ(Get(promoted, "/api/v1/me", &body), 200);
  EXPECT_EQ(json::parse(body)["role"], "analyst");
  auto by_viewer = client.Patch("/api/v1/users/pe",
                                {{"Cookie", promoted.cookie}, {"X-CSRF-Token", promoted.csrf}},
                                R"({"role": "admin"})", "application/json");
  ASSERT_TRUE(by_viewer);
  EXPECT_EQ(by_viewer->status, 403);
  auto no_park =
      client.Patch("/api/v1/users/vic", as_admin, R"({"role": "park_editor"})", "application/json");
  ASSERT_TRUE(no_park);
  EXPECT_EQ(no_park->status, 400);

  // A user changes its own password: it must know the old one; its other sessions end and
  // this one goes on under a new cookie.
  const Signed other = SignIn("vic", "viewer-secret-1");
  const httplib::Headers as_vic = {{"Cookie", promoted.cookie}, {"X-CSRF-Token", promoted.csrf}};
  auto wrong =
      client.Post("/api/v1/me/password", as_vic,
                  R"({"current_password": "nope-nope-nope", "new_password": "viewer-secret-2"})",
                  "application/json");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 401);
  auto own =
      client.Post("/api/v1/me/password", as_vic,
                  R"({"current_password": "viewer-secret-1", "new_password": "viewer-secret-2"})",
                  "application/json");
  ASSERT_TRUE(own);
  ASSERT_EQ(own->status, 200);
  const std::string cookie = own->get_header_value("Set-Cookie");
  EXPECT_EQ(Get(other, "/api/v1/me"), 401);
  EXPECT_EQ(Get(promoted, "/api/v1/me"), 401);
  EXPECT_EQ(Get({cookie.substr(0, cookie.find(';')), ""}, "/api/v1/me"), 200);
}

TEST_F(ServerTest, RolesDecideWhoSeesEnterprises) {
  const std::string gxq = "/api/v1/enterprises/" + testutil::CreditCode(1);
  const std::string lg = "/api/v1/enterprises/" + testutil::CreditCode(2);
  struct Row {
    const char* user;
    const char* password;
    int list, own, other, users, system;
    bool cultivation, upload_prospects, upload_monthly;  // allowed (else 403)
  };
  // user: enterprise list, the GXQ enterprise, the LG enterprise, users, the system; whether the
  // cultivation lists and uploads of prospects and of monthly figures are allowed.
  const Row kMatrix[] = {
      {"admin", "admin-secret-1", 200, 200, 200, 200, 200, true, true, true},
      {"ana", "analyst-secret-1", 200, 200, 200, 403, 200, true, true, true},
      {"pe", "editor-secret-1", 200, 200, 403, 403, 200, true, false, true},
      {"vic", "viewer-secret-1", 403, 403, 403, 403, 200, false, false, false},
  };
  // Allowed: anything but 401 and 403 (an empty database may answer 404, an empty upload 400).
  const auto allowed = [](int status) { return status != 401 && status != 403 && status > 0; };
  const auto post_empty = [&](const Signed& who, const std::string& path) {
    auto client = Client();
    auto res = client.Post(path.c_str(), {{"Cookie", who.cookie}, {"X-CSRF-Token", who.csrf}},
                           httplib::MultipartFormDataItems{{"file", "", "empty.csv", "text/csv"}});
    return res ? res->status : -1;
  };
  for (const auto& row : kMatrix) {
    const Signed who = SignIn(row.user, row.password);
    ASSERT_FALSE(who.cookie.empty()) << row.user;
    std::string body;
    EXPECT_EQ(Get(who, "/api/v1/enterprises", &body), row.list) << row.user;
    if (row.list == 200) {
      const auto doc = json::parse(body);
      // A park editor's list holds its park's enterprises only.
      EXPECT_EQ(doc["enterprises"].size(), std::string(row.user) == "pe" ? 1u : 2u) << row.user;
    }
    EXPECT_EQ(Get(who, gxq), row.own) << row.user;
    EXPECT_EQ(Get(who, lg), row.other) << row.user;
    EXPECT_EQ(Get(who, "/api/v1/users"), row.users) << row.user;
    EXPECT_EQ(Get(who, "/api/v1/system"), row.system) << row.user;
    EXPECT_EQ(allowed(Get(who, "/api/v1/cultivation")), row.cultivation) << row.user;
    EXPECT_EQ(allowed(post_empty(who, "/api/v1/uploads/prospects")), row.upload_prospects)
        << row.user;
    EXPECT_EQ(allowed(post_empty(who, "/api/v1/uploads/monthly")), row.upload_monthly) << row.user;
    // Aggregates are for everyone signed in.
    for (const char* path :
         {"/api/v1/cockpit", "/api/v1/indicators", "/api/v1/alerts", "/api/v1/targets",
          "/api/v1/chains", "/api/v1/projects", "/api/v1/report/monthly"}) {
      EXPECT_TRUE(allowed(Get(who, path))) << row.user << " " << path;
      EXPECT_EQ(Get({}, path), 401) << path;
    }
  }
  const Signed pe = SignIn("pe", "editor-secret-1");
  EXPECT_EQ(Get(pe, "/api/v1/enterprises?park=LG"), 403);
}

// Every route the server has, as every role and as nobody: never a 500, never an answer without
// a session (but sign-in and the API's description), never a change without the CSRF token.
TEST_F(ServerTest, EveryRouteAsEveryRole) {
  const auto concrete = [](std::string path) {
    for (const auto& [name, value] :
         std::vector<std::pair<std::string, std::string>>{{"{uscc}", testutil::CreditCode(2)},
                                                          {"{code}", "battery"},
                                                          {"{kind}", "monthly"},
                                                          {"{name}", "vic"},
                                                          {"{profile}", "gxq"}}) {
      if (const auto at = path.find(name); at != std::string::npos)
        path.replace(at, name.size(), value);
    }
    return path;
  };
  const std::vector<Signed> people = {
      SignIn("admin", "admin-secret-1"), SignIn("ana", "analyst-secret-1"),
      SignIn("pe", "editor-secret-1"), SignIn("vic", "viewer-secret-1")};
  for (const auto& route : server_->Routes()) {
    const auto space = route.find(' ');
    const std::string method = route.substr(0, space);
    const std::string path = concrete(route.substr(space + 1));
    const bool open = path == "/api/v1/login" || path == "/api/v1/openapi.json";
    if (method == "GET") {
      if (!open) {
        EXPECT_EQ(Get({}, path), 401) << route;
      }
      for (const auto& who : people) {
        const int status = Get(who, path);
        EXPECT_TRUE(status > 0 && status != 500 && status != 401) << route << " " << status;
      }
      continue;
    }
    // A change with a session but without its CSRF token is refused, whoever asks.
    auto client = Client();
    for (const auto& who : people) {
      auto res = method == "POST"
                     ? client.Post(path.c_str(), {{"Cookie", who.cookie}}, "{}", "application/json")
                     : client.Delete(path.c_str(), {{"Cookie", who.cookie}});
      ASSERT_TRUE(res) << route;
      if (!open) {
        EXPECT_EQ(res->status, 403) << route;
      }
    }
  }
}

// The investment pipeline names projects and investors in full only: viewers and park editors
// get the sums by stage.
TEST_F(ServerTest, ProjectsAreNamedInFullOnly) {
  testutil::WriteFile(dir_.Path("p.csv"),
                      "code,name,investor,stage,signed_date,total_investment\n"
                      "P-1,锂电新项目,某锂电集团,signed,2025-01-05,50000\n");
  auto w = testutil::OpenApp(db_);
  ASSERT_OK(w);
  ASSERT_OK(w->Import("projects", dir_.Path("p.csv")));
  for (const auto& [user, password, full] :
       std::vector<std::tuple<std::string, std::string, bool>>{{"ana", "analyst-secret-1", true},
                                                               {"pe", "editor-secret-1", false},
                                                               {"vic", "viewer-secret-1", false}}) {
    std::string body;
    ASSERT_EQ(Get(SignIn(user, password), "/api/v1/projects?as_of=2025-06-30", &body), 200)
        << user << " " << body;
    const auto doc = json::parse(body);
    EXPECT_EQ(doc["public"], !full) << user;
    EXPECT_EQ(doc["projects"].size(), full ? 1u : 0u) << user;
    EXPECT_EQ(body.find("某锂电集团") != std::string::npos, full) << user;
    ASSERT_EQ(doc["by_stage"].size(), 6u);
    EXPECT_EQ(doc["by_stage"][1]["stage"], "signed");
    EXPECT_EQ(doc["by_stage"][1]["projects"], 1);
    EXPECT_DOUBLE_EQ(doc["by_stage"][1]["investment"].get<double>(), 50000);
  }
}

// The catalogue of import kinds says who may upload what, as the uploads then enforce.
TEST_F(ServerTest, TheImportCatalogueFollowsTheRole) {
  const auto may = [&](const Signed& who) {
    std::string body;
    EXPECT_EQ(Get(who, "/api/v1/imports", &body), 200);
    std::map<std::string, bool> out;
    const auto doc = json::parse(body);
    for (const auto& kind : doc["kinds"]) {
      EXPECT_FALSE(kind["columns"].empty()) << kind;
      out[kind["name"].get<std::string>()] = kind["may_upload"].get<bool>();
    }
    return out;
  };
  const auto ana = may(SignIn("ana", "analyst-secret-1"));
  EXPECT_TRUE(ana.at("monthly"));
  EXPECT_TRUE(ana.at("prospects"));
  EXPECT_FALSE(ana.at("prices"));  // the command line's
  const auto pe = may(SignIn("pe", "editor-secret-1"));
  EXPECT_TRUE(pe.at("monthly"));
  EXPECT_FALSE(pe.at("projects"));
  const auto vic = may(SignIn("vic", "viewer-secret-1"));
  for (const auto& [name, allowed] : vic) EXPECT_FALSE(allowed) << name;
}

// Import profiles: saved from a file sent by an admin or analyst only, used by anyone who
// uploads, named in Chinese if need be; a dry run writes nothing.
TEST_F(ServerTest, ImportProfilesAreKeptByAnalystsAndUsedByUploads) {
  const std::string sheet = fmt::format(
      "涪陵区2025年10月规模以上工业企业主要经济指标,,\n单位：千元,,\n"
      "统一社会信用代码,报告期,工业总产值\n{},2025-10,\"12,345\"\n",
      testutil::CreditCode(1));
  const auto send = [&](const Signed& who, const std::string& path, std::string* body) {
    auto client = Client();
    auto res =
        client.Post(path.c_str(), {{"Cookie", who.cookie}, {"X-CSRF-Token", who.csrf}},
                    httplib::MultipartFormDataItems{{"file", sheet, "十月.csv", "text/csv"}});
    if (res && body != nullptr) *body = res->body;
    return res ? res->status : -1;
  };
  const std::string profile = "/api/v1/import-profiles/%E5%9B%AD%E5%8C%BA%E6%9C%88%E6%8A%A5";
  const Signed pe = SignIn("pe", "editor-secret-1");
  const Signed vic = SignIn("vic", "viewer-secret-1");
  const Signed ana = SignIn("ana", "analyst-secret-1");
  EXPECT_EQ(send(pe, profile, nullptr), 403);
  EXPECT_EQ(send(vic, profile, nullptr), 403);
  std::string body;
  ASSERT_EQ(send(ana, profile, &body), 200) << body;
  auto saved = json::parse(body);
  EXPECT_EQ(saved["name"], "园区月报");
  EXPECT_EQ(saved["header_line"], 3);
  EXPECT_EQ(saved["unit"], "千元");
  EXPECT_EQ(saved["source"], "十月.csv");
  ASSERT_EQ(Get(pe, "/api/v1/import-profiles", &body), 200);
  EXPECT_EQ(json::parse(body)["profiles"].size(), 1U);
  // A park editor's dry run by the profile: read, counted, not written.
  ASSERT_EQ(
      send(pe, "/api/v1/uploads/monthly?dry_run=1&profile=%E5%9B%AD%E5%8C%BA%E6%9C%88%E6%8A%A5",
           &body),
      200)
      << body;
  auto report = json::parse(body);
  EXPECT_EQ(report["dry_run"], true);
  EXPECT_EQ(report["written"], false);
  EXPECT_EQ(report["profile"], "园区月报");
  EXPECT_EQ(report["inserted"], 1);
  EXPECT_EQ(report["sample"][0]["cells"]["output_value"], "1234.5");
  EXPECT_EQ(report["columns"][2]["header"], "工业总产值");
  auto store = storage::OpenSqliteStore(db_);
  ASSERT_OK(store);
  EXPECT_TRUE((*store)->ListMonthly(testutil::CreditCode(1), core::Period{2025, 10})->empty());
  EXPECT_EQ(send(pe, "/api/v1/uploads/monthly?profile=nosuch", &body), 404);
  // Deleting is the analysts' too.
  auto client = Client();
  auto removed = client.Delete(profile.c_str(), {{"Cookie", pe.cookie}, {"X-CSRF-Token", pe.csrf}});
  ASSERT_TRUE(removed);
  EXPECT_EQ(removed->status, 403);
  removed = client.Delete(profile.c_str(), {{"Cookie", ana.cookie}, {"X-CSRF-Token", ana.csrf}});
  ASSERT_TRUE(removed);
  EXPECT_EQ(removed->status, 200);
}

// The clusters against the plan's benchmark: figures for the analyst, withheld for a viewer
// (each cluster has one enterprise), 404 naming the benchmarks held when none fits.
TEST_F(ServerTest, ClustersAgainstTheBenchmarkAreWithheldInThePublishedForm) {
  auto w = testutil::OpenApp(db_);
  ASSERT_OK(w);
  testutil::WriteFile(dir_.Path("s.csv"),
                      fmt::format("uscc,year,above_scale\n{0},2025,1\n{1},2025,1\n",
                                  testutil::CreditCode(1), testutil::CreditCode(2)));
  ASSERT_OK(w->Import("scale", dir_.Path("s.csv")));
  testutil::WriteFile(dir_.Path("m.csv"),
                      fmt::format("uscc,period,output_value\n{0},2025-12,120\n{1},2025-12,40\n",
                                  testutil::CreditCode(1), testutil::CreditCode(2)));
  ASSERT_OK(w->Import("monthly", dir_.Path("m.csv")));
  const Signed ana = SignIn("ana", "analyst-secret-1");
  std::string body;
  EXPECT_EQ(Get(ana, "/api/v1/analytics/clusters", &body), 404);  // the shipped plan's, not held
  EXPECT_NE(body.find("chongqing-districts"), std::string::npos) << body;
  testutil::WriteFile(dir_.Path("b.csv"),
                      "region,industry,value\n其他区县,3841,100\n其他区县,3611,700\n");
  model::ImportOptions options;
  options.benchmark = "chongqing-districts";
  ASSERT_OK(w->Import("matrix", dir_.Path("b.csv"), options));
  ASSERT_EQ(Get(ana, "/api/v1/analytics/clusters", &body), 200) << body;
  auto doc = json::parse(body);
  std::map<std::string, json> by;
  for (const auto& c : doc["clusters"]) by[c["code"]] = c;
  // L2 (3841): 120 of 160 here, 220 of 960 in all.
  EXPECT_NEAR(by["L2"]["lq"].get<double>(), (120.0 / 160) / (220.0 / 960), 1e-12);
  EXPECT_FALSE(by["L2"]["withheld"].get<bool>());
  const Signed vic = SignIn("vic", "viewer-secret-1");
  ASSERT_EQ(Get(vic, "/api/v1/analytics/clusters", &body), 200) << body;
  doc = json::parse(body);
  by.clear();
  for (const auto& c : doc["clusters"]) by[c["code"]] = c;
  EXPECT_TRUE(by["L2"]["withheld"].get<bool>()) << body;
  EXPECT_TRUE(by["L2"]["lq"].is_null());
  EXPECT_NEAR(by["L2"]["benchmark_share"].get<double>(), 220.0 / 960, 1e-12);
  EXPECT_EQ(Get(ana, "/api/v1/analytics/clusters?benchmark=none", &body), 404);
  EXPECT_NE(body.find("held: chongqing-districts"), std::string::npos) << body;
  EXPECT_EQ(Get({}, "/api/v1/analytics/clusters"), 401);
}

TEST_F(ServerTest, TheMonthlyReportKeepsEnterprisesFromViewers) {
  auto w = testutil::OpenApp(db_);
  ASSERT_OK(w);
  testutil::WriteFile(dir_.Path("s.csv"),
                      fmt::format("uscc,year,above_scale\n{0},2024,1\n"
                                  "{0},2025,1\n{1},2024,1\n{1},2025,1\n",
                                  testutil::CreditCode(1), testutil::CreditCode(2)));
  ASSERT_OK(w->Import("scale", dir_.Path("s.csv")));
  testutil::WriteFile(dir_.Path("m.csv"),
                      fmt::format("uscc,period,output_value\n{0},2024-12,100\n{0},2025-12,120\n"
                                  "{1},2024-12,50\n{1},2025-12,40\n",
                                  testutil::CreditCode(1), testutil::CreditCode(2)));
  ASSERT_OK(w->Import("monthly", dir_.Path("m.csv")));
  std::string body;
  const Signed ana = SignIn("ana", "analyst-secret-1");
  ASSERT_EQ(Get(ana, "/api/v1/report/monthly", &body), 200);
  EXPECT_NE(body.find("高新区企业"), std::string::npos);  // the rankings name enterprises
  const Signed vic = SignIn("vic", "viewer-secret-1");
  ASSERT_EQ(Get(vic, "/api/v1/report/monthly", &body), 200);
  EXPECT_EQ(body.find("高新区企业"), std::string::npos);
  EXPECT_EQ(body.find(testutil::CreditCode(1)), std::string::npos);
  EXPECT_NE(body.find("\"suppressed\":\"primary\""), std::string::npos) << body;
  // A park editor sees its own park's enterprises only: the district-wide report and cockpit
  // come in the published form, without the other park's enterprise.
  const Signed pe = SignIn("pe", "editor-secret-1");
  ASSERT_EQ(Get(pe, "/api/v1/report/monthly", &body), 200);
  EXPECT_EQ(body.find("临港企业"), std::string::npos);
  EXPECT_NE(body.find("\"suppressed\":\"primary\""), std::string::npos);
  ASSERT_EQ(Get(pe, "/api/v1/cockpit", &body), 200);
  EXPECT_TRUE(json::parse(body)["public"]);
  ASSERT_EQ(Get(pe, "/api/v1/alerts", &body), 200);
  EXPECT_EQ(body.find(testutil::CreditCode(2)), std::string::npos);
  // Reading enterprise rows is an export in the audit log, also when the answer was kept.
  ASSERT_EQ(Get(ana, "/api/v1/alerts", &body), 200);
  ASSERT_EQ(Get(ana, "/api/v1/alerts", &body), 200);
  auto store = storage::OpenSqliteStore(db_);
  ASSERT_OK(store);
  auto audit = (*store)->ListAudit({"enterprise", "alerts", 0});
  ASSERT_OK(audit);
  EXPECT_EQ(std::count_if(audit->begin(), audit->end(),
                          [](const auto& a) { return a.action == "export" && a.actor == "ana"; }),
            2);
  // The ladders: the LG enterprise, below scale in 2025 with 1,920 万元 of revenue, is on 小升规
  // for the analyst, not for the GXQ park editor.
  testutil::WriteFile(dir_.Path("s2.csv"),
                      fmt::format("uscc,year,above_scale\n{},2025,0\n", testutil::CreditCode(2)));
  ASSERT_OK(w->Import("scale", dir_.Path("s2.csv")));
  std::string months = "uscc,period,output_value,revenue\n";
  for (int m = 1; m <= 12; ++m) {
    months += fmt::format("{},2025-{:02},150,160\n", testutil::CreditCode(2), m);
  }
  testutil::WriteFile(dir_.Path("r.csv"), months);
  ASSERT_OK(w->Import("monthly", dir_.Path("r.csv")));
  ASSERT_EQ(Get(ana, "/api/v1/cultivation?ladder=small_to_above", &body), 200);
  EXPECT_NE(body.find(testutil::CreditCode(2)), std::string::npos) << body;
  ASSERT_EQ(Get(pe, "/api/v1/cultivation?ladder=small_to_above", &body), 200);
  EXPECT_EQ(body.find(testutil::CreditCode(2)), std::string::npos) << body;
  ASSERT_EQ(Get(ana, "/api/v1/report/monthly?format=xlsx", &body), 200);
  EXPECT_EQ(body.substr(0, 2), "PK");  // a workbook (a zip)
  EXPECT_EQ(Get(ana, "/api/v1/report/monthly?format=rtf"), 400);
  ASSERT_EQ(Get(ana, "/api/v1/report/monthly?format=docx", &body), 200);
  EXPECT_EQ(body.substr(0, 2), "PK");  // a Word document (a zip)
  EXPECT_EQ(Get(ana, "/api/v1/report/monthly?period=2025-13"), 400);
}

// The cockpit and the indicator series equal the figures worked by hand, and a change of data
// (through the API or another connection, as the command line makes) shows at the next request
// although answers are kept.
TEST_F(ServerTest, TheCockpitShowsTheMonthAndFollowsEveryChange) {
  auto w = testutil::OpenApp(db_);
  ASSERT_OK(w);
  const std::string a = testutil::CreditCode(1), b = testutil::CreditCode(2);
  testutil::WriteFile(dir_.Path("s.csv"), fmt::format("uscc,year,above_scale\n{0},2024,1\n"
                                                      "{0},2025,1\n{1},2024,1\n{1},2025,1\n",
                                                      a, b));
  ASSERT_OK(w->Import("scale", dir_.Path("s.csv")));
  testutil::WriteFile(dir_.Path("m.csv"),
                      fmt::format("uscc,period,output_value\n{0},2024-12,100\n{0},2025-12,120\n"
                                  "{1},2024-12,50\n{1},2025-12,40\n",
                                  a, b));
  ASSERT_OK(w->Import("monthly", dir_.Path("m.csv")));
  const Signed ana = SignIn("ana", "analyst-secret-1");
  std::string body;
  ASSERT_EQ(Get(ana, "/api/v1/cockpit", &body), 200);
  auto doc = json::parse(body);
  EXPECT_EQ(doc["period"], "2025-12");
  // 120 + 40 against 100 + 50: +6.67 %; the GXQ enterprise (class 3841, cluster L2) pulls
  // (120 - 100) / 150 = +13.3 points and contributes 20 / 10 = 200 %.
  EXPECT_DOUBLE_EQ(doc["total"]["ytd_output"].get<double>(), 160);
  EXPECT_NEAR(doc["total"]["growth_same_basis"].get<double>(), 160.0 / 150 - 1, 1e-8);
  ASSERT_EQ(doc["trend"].size(), 12u);
  EXPECT_EQ(doc["trend"][11]["period"], "2025-12");
  EXPECT_EQ(doc["trend"][0]["period"], "2025-01");
  const auto l2 = std::find_if(doc["clusters"].begin(), doc["clusters"].end(),
                               [](const json& c) { return c["code"] == "L2"; });
  ASSERT_NE(l2, doc["clusters"].end());
  EXPECT_NEAR((*l2)["pull_pp"].get<double>(), 20.0 / 150 * 100, 1e-8);
  EXPECT_NEAR((*l2)["contribution_rate"].get<double>(), 2.0, 1e-12);
  EXPECT_EQ((*l2)["tier"], "L");
  EXPECT_TRUE(doc["targets"].is_array());

  // A revision through the API: the next cockpit has it.
  auto client = Client();
  httplib::MultipartFormDataItems items = {
      {"file", fmt::format("uscc,period,output_value,value_added\n{},2025-12,130,120\n", a),
       "m.csv", "text/csv"}};
  auto res = client.Post("/api/v1/uploads/monthly",
                         {{"Cookie", ana.cookie}, {"X-CSRF-Token", ana.csrf}}, items);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  // Written, with the data-quality audit row by row: value added is 92 % of output (band
  // 5-60 %).
  const auto upload = json::parse(res->body);
  EXPECT_TRUE(upload["written"]);
  ASSERT_EQ(upload["quality"].size(), 1u) << res->body;
  EXPECT_EQ(upload["quality"][0]["rule"], "va_rate_band");
  EXPECT_EQ(upload["quality"][0]["uscc"], a);
  EXPECT_EQ(upload["quality"][0]["period"], "2025-12");
  EXPECT_EQ(upload["quality_not_shown"], 0);
  ASSERT_EQ(Get(ana, "/api/v1/cockpit", &body), 200);
  EXPECT_DOUBLE_EQ(json::parse(body)["total"]["ytd_output"].get<double>(), 170);
  // ... and one made beside the server, as `clusterscope import` would.
  testutil::WriteFile(dir_.Path("m2.csv"),
                      fmt::format("uscc,period,output_value\n{},2025-12,45\n", b));
  ASSERT_OK(w->Import("monthly", dir_.Path("m2.csv")));
  ASSERT_EQ(Get(ana, "/api/v1/cockpit", &body), 200);
  EXPECT_DOUBLE_EQ(json::parse(body)["total"]["ytd_output"].get<double>(), 175);

  // Any grouping month by month.
  ASSERT_EQ(Get(ana, "/api/v1/indicators?kind=cluster&code=L2&months=2", &body), 200);
  doc = json::parse(body);
  ASSERT_EQ(doc["groups"].size(), 1u);
  const auto& months = doc["groups"][0]["series"];  // columns
  ASSERT_EQ(months["period"].size(), 2u);
  EXPECT_EQ(months["period"][1], "2025-12");
  EXPECT_TRUE(months["ytd_output"][0].is_null());  // November: nothing reported, a gap
  EXPECT_DOUBLE_EQ(months["ytd_output"][1].get<double>(), 130);
  EXPECT_NEAR(months["growth_same_basis"][1].get<double>(), 0.3, 1e-12);
  EXPECT_EQ(Get(ana, "/api/v1/indicators?months=0"), 400);
  EXPECT_EQ(Get(ana, "/api/v1/indicators?kind=nope"), 404);
  EXPECT_EQ(Get(ana, "/api/v1/cockpit?period=2025-1x"), 400);

  // Two enterprises are too few to publish: a viewer's cockpit withholds the figures.
  const Signed vic = SignIn("vic", "viewer-secret-1");
  ASSERT_EQ(Get(vic, "/api/v1/cockpit", &body), 200);
  doc = json::parse(body);
  EXPECT_TRUE(doc["public"]);
  EXPECT_EQ(doc["total"]["suppressed"], "primary");
  EXPECT_TRUE(doc["total"]["ytd_output"].is_null());
  EXPECT_TRUE(doc["trend"][11]["ytd_output"].is_null());
  ASSERT_EQ(Get(vic, "/api/v1/alerts", &body), 200);
  doc = json::parse(body);  // kept: a loop over a temporary's member would dangle
  for (const auto& alert : doc["alerts"]) EXPECT_NE(alert["kind"], "enterprise");
  EXPECT_EQ(body.find(a), std::string::npos);
}

TEST_F(ServerTest, UploadsShowTheAuditRowByRowAndKeepToTheEditorsPark) {
  const auto upload = [&](const Signed& who, const std::string& kind, const std::string& content) {
    auto client = Client();
    httplib::MultipartFormDataItems items = {{"file", content, "月报.csv", "text/csv"}};
    httplib::Headers headers = {{"Cookie", who.cookie}, {"X-CSRF-Token", who.csrf}};
    auto res = client.Post(("/api/v1/uploads/" + kind).c_str(), headers, items);
    EXPECT_TRUE(res);
    return res ? std::make_pair(res->status, json::parse(res->body)) : std::make_pair(-1, json());
  };
  const Signed ana = SignIn("ana", "analyst-secret-1");
  const std::string gxq = testutil::CreditCode(1), lg = testutil::CreditCode(2);
  auto [status, report] = upload(ana, "monthly",
                                 fmt::format("uscc,period,output_value\n{},2025-01,100\n"
                                             "{},2025-13,100\n",
                                             gxq, lg));
  EXPECT_EQ(status, 200);
  EXPECT_FALSE(report["written"]);
  ASSERT_EQ(report["errors"].size(), 1u);
  EXPECT_EQ(report["errors"][0]["line"], 3);
  EXPECT_EQ(report["errors"][0]["file"], "月报.csv");  // the user's name, not the server's copy
  EXPECT_EQ(report["errors"][0]["column"], "period");
  // With skip_invalid the good rows go in; the rejected ones are in the answer, and no file of
  // them stays behind on the server.
  std::tie(status, report) = upload(ana, "monthly?skip_invalid=1",
                                    fmt::format("uscc,period,output_value\n{0},2025-02,80\n"
                                                "{0},2025-14,100\n",
                                                lg));
  EXPECT_EQ(status, 200);
  EXPECT_TRUE(report["written"]);
  EXPECT_EQ(report["rows_rejected"], 1);
  EXPECT_EQ(report["errors"].size(), 1u);
  EXPECT_TRUE(report["rejects_file"].is_null()) << report.dump();
  const auto uploads = std::filesystem::temp_directory_path() / "clusterscope-uploads";
  if (std::filesystem::exists(uploads)) {
    for (const auto& entry : std::filesystem::directory_iterator(uploads)) {
      EXPECT_EQ(entry.path().string().find(".rejects"), std::string::npos) << entry.path();
    }
  }

  const Signed pe = SignIn("pe", "editor-secret-1");
  std::tie(status, report) =
      upload(pe, "monthly", fmt::format("uscc,period,output_value\n{},2025-01,100\n", lg));
  EXPECT_EQ(status, 403);
  EXPECT_NE(report["message"].get<std::string>().find("不是园区 GXQ 的企业"), std::string::npos)
      << report["message"];
  std::tie(status, report) =
      upload(pe, "monthly", fmt::format("uscc,period,output_value\n{},2025-01,100\n", gxq));
  EXPECT_EQ(status, 200);
  EXPECT_TRUE(report["written"]);
  std::tie(status, report) = upload(pe, "prospects", "uscc,name,industry_code\n");
  EXPECT_EQ(status, 403);
  const Signed vic = SignIn("vic", "viewer-secret-1");
  std::tie(status, report) = upload(vic, "monthly", "x");
  EXPECT_EQ(status, 403);

  // The profile carries the months, and reading it is in the audit log.
  std::string body;
  EXPECT_EQ(Get(ana, "/api/v1/enterprises/" + gxq, &body), 200);
  const auto profile = json::parse(body);
  EXPECT_EQ(profile["monthly"]["periods"].size(), 1u) << body;
  // The import batch names the file as the editor sent it.
  EXPECT_EQ(profile["monthly"]["periods"][0]["versions"][0]["file"], "月报.csv") << body;
  auto w = testutil::OpenApp(db_);
  ASSERT_OK(w);
  auto store = storage::OpenSqliteStore(db_);
  ASSERT_OK(store);
  auto audit = (*store)->ListAudit({"enterprise", gxq, 0});
  ASSERT_OK(audit);
  bool exported = false;
  for (const auto& a : *audit) exported = exported || (a.action == "export" && a.actor == "ana");
  EXPECT_TRUE(exported);
}

}  // namespace
}  // namespace clusterscope::http

namespace clusterscope::http {
namespace {

// Workbooks made to take gigabytes are refused with the limit they broke, naming the file as the
// user sent it and no path of the server's.
TEST_F(ServerTest, HostileWorkbooksAreRefusedByName) {
  const Signed ana = SignIn("ana", "analyst-secret-1");
  const auto upload = [&](const std::string& path) {
    auto client = Client();
    httplib::MultipartFormDataItems items = {
        {"file", testutil::ReadFile(path), "炸弹.xlsx",
         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}};
    auto res = client.Post("/api/v1/uploads/monthly?lang=en",
                           {{"Cookie", ana.cookie}, {"X-CSRF-Token", ana.csrf}}, items);
    EXPECT_TRUE(res);
    return res ? std::make_pair(res->status, res->body) : std::make_pair(-1, std::string());
  };
  testutil::WriteRawWorkbook(
      dir_.Path("grid.xlsx"),
      R"(<row r="1"><c r="A1"><v>1</v></c><c r="AAAAAA2"><v>1</v></c></row>)");
  auto [status, body] = upload(dir_.Path("grid.xlsx"));
  EXPECT_EQ(status, 400);
  EXPECT_NE(body.find("炸弹.xlsx: cell s!AAAAAA2 is outside Excel's grid"), std::string::npos)
      << body;
  EXPECT_EQ(body.find("/tmp"), std::string::npos) << body;
  EXPECT_EQ(body.find("upload-"), std::string::npos) << body;
  std::string cells;
  for (int i = 0; i < 200; ++i) cells += R"(<c t="s"><v>0</v></c>)";
  testutil::WriteRawWorkbook(dir_.Path("shared.xlsx"), "<row r=\"1\">" + cells + "</row>",
                             "<si><t>" + std::string(40000, 'x') + "</t></si>");
  std::tie(status, body) = upload(dir_.Path("shared.xlsx"));
  EXPECT_EQ(status, 400);
  EXPECT_NE(body.find("longer than Excel's 32,767 characters"), std::string::npos) << body;
  // A header of many unknown columns: the first ten are named, the rest counted.
  std::string header;
  for (int i = 0; i < 300; ++i) header += fmt::format("{}c{}", i == 0 ? "" : ",", i);
  auto client = Client();
  httplib::MultipartFormDataItems items = {{"file", header + "\n", "wide.csv", "text/csv"}};
  auto res = client.Post("/api/v1/uploads/monthly?lang=en",
                         {{"Cookie", ana.cookie}, {"X-CSRF-Token", ana.csrf}}, items);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_NE(res->body.find("and 293 more"), std::string::npos) << res->body;
  EXPECT_LT(res->body.size(), 2000U);
}

}  // namespace
}  // namespace clusterscope::http

namespace clusterscope::http {
namespace {

// A file imported on the command line is recorded with its path on the server; an answer over
// HTTP names the file only.
TEST_F(ServerTest, AnswersNameFilesWithoutTheServersPaths) {
  testutil::WriteFile(dir_.Path("m.csv"), fmt::format("uscc,period,output_value\n{},2025-01,100\n",
                                                      testutil::CreditCode(1)));
  {
    auto w = testutil::OpenApp(db_);
    ASSERT_OK(w);
    model::ImportOptions options;
    ASSERT_OK(w->Import("monthly", dir_.Path("m.csv"), options));
  }
  const Signed ana = SignIn("ana", "analyst-secret-1");
  std::string body;
  ASSERT_EQ(Get(ana, "/api/v1/enterprises/" + testutil::CreditCode(1), &body), 200);
  const auto profile = json::parse(body);
  EXPECT_EQ(profile["monthly"]["periods"][0]["versions"][0]["file"], "m.csv") << body;
  EXPECT_EQ(body.find(dir_.path().string()), std::string::npos) << body;
}

}  // namespace
}  // namespace clusterscope::http
