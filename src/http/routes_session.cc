// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Signing in and out, who am I, and the API's description.
#include "router.h"
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "clusterscope/app/users_service.h"
#include "clusterscope/text/errors.h"

namespace clusterscope::embedded {
extern const std::string_view kOpenApi;
}  // namespace clusterscope::embedded

namespace clusterscope::http {
namespace {

using nlohmann::json;

void Login(Router& router, const RouteOptions& options, const Request& req, Response& res) {
  auto body =
      ParseBody(req, {{"name", json::value_t::string}, {"password", json::value_t::string}});
  const core::Language language = LanguageOf(req);
  if (!body) return SendStatus(res, body.error(), language);
  const std::string name = (*body)["name"];
  const std::string address = req.remote_addr;
  if (options.by_name->Blocked("name:" + name) || options.by_address->Blocked("addr:" + address)) {
    res.SetHeader("Retry-After", std::to_string(options.login_window_seconds));
    return SendError(res, 429, "TooManyRequests", core::Say(language, text::kTooManySignIns));
  }
  auto db = router.DatabaseForThread();
  if (!db) return SendStatus(res, db.error(), language);
  const app::Caller anyone{name, model::Role::kViewer, "", app::Channel::kHttp};
  auto user = app::UsersService(**db, anyone).Authenticate(name, (*body)["password"]);
  if (!user) {
    options.by_name->Failed("name:" + name);
    options.by_address->Failed("addr:" + address);
    spdlog::warn("failed sign-in for '{}' from {}", name, address);
    return SendStatus(res, user.error(), language);
  }
  options.by_name->Succeeded("name:" + name);
  auto [token, session] = router.sessions().Open(*user);
  res.SetHeader("Set-Cookie", fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{}",
                                          kCookie, token, options.session_minutes * 60,
                                          options.secure_cookie ? "; Secure" : ""));
  SendJson(res, json{{"user", user->name},
                     {"role", model::RoleName(user->role)},
                     {"park", user->park},
                     {"csrf_token", session.csrf},
                     {"expires_in", options.session_minutes * 60}}
                    .dump());
}

}  // namespace

void AddSessionRoutes(Router& router, const RouteOptions& options) {
  router.Open("POST", "/api/v1/login", [&router, options](const Request& req, Response& res) {
    Login(router, options, req, res);
  });
  router.Post("/api/v1/logout", [&router](Call& call) {
    router.sessions().Close(CookieToken(call.req));
    call.res.SetHeader("Set-Cookie",
                       fmt::format("{}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0", kCookie));
    SendJson(call.res, R"({"signed_out":true})");
    return Status::Ok();
  });
  // The API's description (docs/openapi.json, built in): open to everyone, like a login page.
  router.Open("GET", "/api/v1/openapi.json", [](const Request&, Response& res) {
    SendJson(res, std::string(embedded::kOpenApi));
  });
  router.GetSession("/api/v1/me", [](Call& call) {
    SendJson(call.res, json{{"user", call.session.user},
                            {"role", model::RoleName(call.session.role)},
                            {"park", call.session.park},
                            {"csrf_token", call.session.csrf}}
                           .dump());
    return Status::Ok();
  });
}

}  // namespace clusterscope::http
