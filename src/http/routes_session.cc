// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Signing in and out, who am I and changing one's own password, and the API's description.
#include <algorithm>

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

constexpr std::size_t kMaxUserName = 64;

// A name as it may go into the log: the characters a user name may have, others as '?'.
std::string Loggable(std::string name) {
  std::replace_if(
      name.begin(), name.end(),
      [](char c) {
        return !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
                 c == '-');
      },
      '?');
  return name;
}

// Sign-in only as JSON (which a foreign page cannot send without asking first) and, when the
// browser says where the page came from, from this site (no login CSRF).
bool FromThisSite(const Request& req) {
  const std::string type = req.Header("Content-Type");
  if (type.rfind("application/json", 0) != 0) return false;
  const std::string origin = req.Header("Origin");
  if (origin.empty()) return true;  // not a browser, or a same-origin GET-like request
  const auto scheme = origin.find("://");
  if (scheme == std::string::npos) return false;
  const std::string host = origin.substr(scheme + 3);
  // Behind a trusted proxy the browser's host is the proxy's public one.
  return host == req.Header("Host") ||
         (req.via_trusted_proxy && host == req.Header("X-Forwarded-Host"));
}

void SetSessionCookie(Response& res, const RouteOptions& options, const std::string& token) {
  res.SetHeader("Set-Cookie", fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{}",
                                          kCookie, token, options.session_minutes * 60,
                                          options.secure_cookie ? "; Secure" : ""));
}

// Opens a session for `user` and answers with it.
Status SignedIn(app::Database& db, const RouteOptions& options, const model::User& user,
                Response& res) {
  auto opened = app::SessionsService(db, app::Caller{})
                    .Open(user, std::chrono::minutes(options.session_minutes));
  if (!opened) return opened.error();
  const auto& [token, session] = *opened;
  SetSessionCookie(res, options, token);
  SendJson(res, json{{"user", user.name},
                     {"role", model::RoleName(user.role)},
                     {"park", user.park},
                     {"csrf_token", session.csrf},
                     {"expires_in", options.session_minutes * 60}}
                    .dump());
  return Status::Ok();
}

void Login(Router& router, const RouteOptions& options, const Request& req, Response& res) {
  const core::Language language = LanguageOf(req);
  if (!FromThisSite(req)) {
    return SendError(res, 403, "PermissionDenied", core::Say(language, text::kSignInAsJson));
  }
  auto body =
      ParseBody(req, {{"name", json::value_t::string}, {"password", json::value_t::string}});
  if (!body) return SendStatus(res, body.error(), language);
  const std::string name = (*body)["name"];
  if (name.size() > kMaxUserName) {
    return SendStatus(
        res, Status::Of(Status::Code::kInvalidArgument, core::Say(text::kLongUserName)), language);
  }
  const std::string& address = req.remote_addr;
  if (const auto wait = options.guard->Begin(name, address); wait.count() > 0) {
    res.SetHeader("Retry-After", std::to_string(wait.count()));
    return SendError(res, 429, "TooManyRequests",
                     fmt::format("{} {}", core::Say(language, text::kTooManySignIns),
                                 core::Say(language, text::kTrySignInAgain, wait.count())));
  }
  auto db = router.DatabaseForThread();
  if (!db) {
    options.guard->End(name, address, false);
    return SendStatus(res, db.error(), language);
  }
  const app::Caller anyone{name, model::Role::kViewer, "", app::Channel::kHttp};
  auto user = app::UsersService(**db, anyone).Authenticate(name, (*body)["password"]);
  options.guard->End(name, address, user.has_value());
  if (!user) {
    spdlog::warn("failed sign-in for '{}' from {}", Loggable(name), address);
    return SendStatus(res, user.error(), language);
  }
  if (const Status status = SignedIn(**db, options, *user, res); !status.ok()) {
    SendStatus(res, status, language);
  }
}

// The caller's own password: every session of the caller ends, and this one is replaced by a
// new one at once.
Status ChangeOwnPassword(const RouteOptions& options, Call& call) {
  auto body = ParseBody(call.req, {{"current_password", json::value_t::string},
                                   {"new_password", json::value_t::string}});
  if (!body) return body.error();
  app::UsersService users(call.db, call.caller);
  CLUSTERSCOPE_RETURN_IF_ERROR(
      users.ChangeOwnPassword((*body)["current_password"], (*body)["new_password"]));
  auto user = users.Authenticate(call.caller.user, (*body)["new_password"]);
  if (!user) return user.error();
  return SignedIn(call.db, options, *user, call.res);
}

}  // namespace

void AddSessionRoutes(Router& router, const RouteOptions& options) {
  router.Open("POST", "/api/v1/login", [&router, options](const Request& req, Response& res) {
    Login(router, options, req, res);
  });
  router.Post("/api/v1/logout", [](Call& call) -> Status {
    CLUSTERSCOPE_RETURN_IF_ERROR(
        app::SessionsService(call.db, call.caller).Close(CookieToken(call.req)));
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
  router.Post("/api/v1/me/password",
              [options](Call& call) { return ChangeOwnPassword(options, call); });
}

}  // namespace clusterscope::http
