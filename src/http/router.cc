// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "router.h"

#include <cassert>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "clusterscope/text/errors.h"

namespace clusterscope::http {

Router::Router(AnswerCache& answers, std::string db_path)
    : answers_(answers), db_path_(std::move(db_path)) {}

Result<app::Database*> Router::DatabaseForThread() {
  thread_local std::map<std::string, std::unique_ptr<app::Database>> open;
  auto& slot = open[db_path_];
  if (!slot) {
    auto db = app::Database::Open(db_path_);
    if (!db) return Error(db.error());
    slot = std::move(*db);
  }
  return slot.get();
}

void Router::Signed(const Request& req, Response& res, const Handle& handle) {
  auto db = DatabaseForThread();
  if (!db) return SendStatus(res, db.error());
  // The session as the store has it now: ended by a change of its user's credentials made by
  // any process.
  auto found = app::SessionsService(**db, app::Caller{}).Find(CookieToken(req));
  if (!found) return SendStatus(res, found.error());
  const auto& session = *found;
  if (!session) {
    return SendStatus(res,
                      Status::Of(Status::Code::kUnauthenticated, core::Say(text::kSignInFirst)),
                      LanguageOf(req));
  }
  if (req.method != "GET" && req.method != "HEAD" && req.Header("X-CSRF-Token") != session->csrf) {
    return SendStatus(res, Status::Of(Status::Code::kPermissionDenied, core::Say(text::kCsrfToken)),
                      LanguageOf(req));
  }
  Call call{req,
            res,
            *session,
            **db,
            app::Caller{session->user, session->role, session->park, app::Channel::kHttp},
            Params(req),
            std::nullopt};
  if (const Status status = handle(call); !status.ok()) {
    SendStatus(res, status, call.params.Language());
  }
}

Status Router::Respond(Call& call, const Read& read, const Compute& compute) {
  auto period = call.params.Period();
  if (!period) return period.error();
  const auto text = [&](const Text& given, std::string fallback) -> Result<std::string> {
    return given ? given(call) : Result<std::string>(std::move(fallback));
  };
  auto key = text(read.key, call.req.path.substr(std::string_view("/api/v1/").size()));
  if (!key) return key.error();
  auto detail = text(read.detail, period->has_value() ? (*period)->ToString() : "latest");
  if (!detail) return detail.error();
  auto also = text(read.also, "");
  if (!also) return also.error();
  auto grant = app::Access(call.db, call.caller).Open(read.subject, *key, *detail);
  if (!grant) return grant.error();
  call.grant = std::move(*grant);
  // The answer depends on the path, every parameter, the form of answer and the park of its
  // rows, and on `also`.
  std::string cache_key = fmt::format("{}|{}", call.req.path, *also);
  for (const auto& [name, value] : call.req.params) cache_key += fmt::format("&{}={}", name, value);
  cache_key += fmt::format("|{}|{}", call.grant->full() ? "full" : "public", call.grant->park());
  auto version = call.db.DataVersion();
  if (!version) return version.error();
  auto answer = answers_.Get(cache_key, *version, [&] { return compute(call); });
  if (!answer) return answer.error();
  const auto& kept = **answer;
  if (!kept.filename.empty()) {
    call.res.SetHeader("Content-Disposition",
                       fmt::format("attachment; filename=\"{}\"", kept.filename));
  }
  call.res.status = 200;
  call.res.SetContent(kept.body, kept.content_type);
  return Status::Ok();
}

std::string Router::Pattern(std::string_view path) {
  static const std::map<std::string, std::string, std::less<>> kParameters = {
      {"{uscc}", "([0-9A-Z]{18})"},
      {"{code}", R"(([a-z0-9_\-]+))"},
      {"{kind}", "([a-z_]+)"},
      {"{name}", R"(([a-z0-9_.\-]+))"}};
  std::string out;
  for (std::size_t at = 0; at < path.size();) {
    const auto open = path.find('{', at);
    if (open == std::string_view::npos) {
      out += path.substr(at);
      break;
    }
    const auto close = path.find('}', open);
    out += path.substr(at, open - at);
    const auto it = kParameters.find(path.substr(open, close - open + 1));
    assert(it != kParameters.end() && "a route parameter without a pattern");
    out += it->second;
    at = close + 1;
  }
  return out;
}

void Router::Add(const std::string& method, const std::string& path, Plain handler) {
  routes_.push_back(method + " " + path);
  table_.push_back({method, std::regex(Pattern(path)), std::move(handler)});
}

void Router::Get(const std::string& path, Read read, Compute compute) {
  Add("GET", path,
      [this, read = std::move(read), compute = std::move(compute)](const Request& req,
                                                                   Response& res) {
        Signed(req, res, [&](Call& call) { return Respond(call, read, compute); });
      });
}

void Router::Post(const std::string& path, Handle handle) {
  Add("POST", path, [this, handle = std::move(handle)](const Request& req, Response& res) {
    Signed(req, res, handle);
  });
}

void Router::Patch(const std::string& path, Handle handle) {
  Add("PATCH", path, [this, handle = std::move(handle)](const Request& req, Response& res) {
    Signed(req, res, handle);
  });
}

void Router::Delete(const std::string& path, Handle handle) {
  Add("DELETE", path, [this, handle = std::move(handle)](const Request& req, Response& res) {
    Signed(req, res, handle);
  });
}

void Router::GetSession(const std::string& path, Handle handle) {
  Add("GET", path, [this, handle = std::move(handle)](const Request& req, Response& res) {
    Signed(req, res, handle);
  });
}

void Router::Open(const std::string& method, const std::string& path, Plain handler) {
  Add(method, path, std::move(handler));
}

bool Router::Dispatch(Request& req, Response& res) const {
  // No route's path is this long; std::regex recurses per character, so a long path is not
  // even tried.
  if (req.path.size() > 256) return false;
  const std::string method = req.method == "HEAD" ? "GET" : req.method;
  std::string allowed;
  for (const auto& route : table_) {
    std::smatch match;
    if (!std::regex_match(req.path, match, route.pattern)) continue;
    if (route.method != method) {
      allowed += (allowed.empty() ? "" : ", ") + route.method;
      continue;
    }
    req.matches.assign(match.begin(), match.end());
    route.handler(req, res);
    return true;
  }
  if (allowed.empty()) return false;
  res.SetHeader("Allow", allowed);
  SendError(res, 405, "InvalidArgument", "this path does not take that method");
  return true;
}

}  // namespace clusterscope::http
