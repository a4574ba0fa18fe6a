// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "router.h"

#include <map>
#include <memory>

#include <fmt/format.h>

namespace clusterscope::http {

Router::Router(httplib::Server& server, Sessions& sessions, AnswerCache& answers,
               std::string db_path)
    : server_(server), sessions_(sessions), answers_(answers), db_path_(std::move(db_path)) {}

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

void Router::Signed(const httplib::Request& req, httplib::Response& res, const Handle& handle) {
  auto session = sessions_.Find(CookieToken(req));
  if (!session) {
    return SendStatus(res, Status::Unauthenticated("sign in first: POST /api/v1/login"));
  }
  if (req.method != "GET" && req.method != "HEAD" &&
      req.get_header_value("X-CSRF-Token") != session->csrf) {
    return SendStatus(res, Status::PermissionDenied(
                               "missing or wrong X-CSRF-Token header (the csrf_token given at "
                               "sign-in)"));
  }
  auto db = DatabaseForThread();
  if (!db) return SendStatus(res, db.error());
  Call call{req,
            res,
            *session,
            **db,
            app::Caller{session->user, session->role, session->park, app::Channel::kHttp},
            Params(req),
            std::nullopt};
  if (const Status status = handle(call); !status.ok()) SendStatus(res, status);
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
    call.res.set_header("Content-Disposition",
                        fmt::format("attachment; filename=\"{}\"", kept.filename));
  }
  call.res.status = 200;
  call.res.set_content(kept.body, kept.content_type);
  return Status::Ok();
}

void Router::Get(const std::string& pattern, Read read, Compute compute) {
  server_.Get(pattern, [this, read = std::move(read), compute = std::move(compute)](
                           const httplib::Request& req, httplib::Response& res) {
    Signed(req, res, [&](Call& call) { return Respond(call, read, compute); });
  });
}

void Router::Post(const std::string& pattern, Handle handle) {
  server_.Post(pattern, [this, handle = std::move(handle)](const httplib::Request& req,
                                                           httplib::Response& res) {
    Signed(req, res, handle);
  });
}

void Router::Delete(const std::string& pattern, Handle handle) {
  server_.Delete(pattern, [this, handle = std::move(handle)](const httplib::Request& req,
                                                             httplib::Response& res) {
    Signed(req, res, handle);
  });
}

void Router::GetSession(const std::string& pattern, Handle handle) {
  server_.Get(pattern, [this, handle = std::move(handle)](const httplib::Request& req,
                                                          httplib::Response& res) {
    Signed(req, res, handle);
  });
}

void Router::Open(const std::string& method, const std::string& pattern,
                  httplib::Server::Handler handler) {
  if (method == "POST") {
    server_.Post(pattern, std::move(handler));
  } else {
    server_.Get(pattern, std::move(handler));
  }
}

}  // namespace clusterscope::http
