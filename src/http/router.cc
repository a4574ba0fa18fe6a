// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "router.h"

#include <algorithm>
#include <cassert>
#include <cctype>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "clusterscope/text/errors.h"

namespace clusterscope::embedded {
extern const std::string_view kOpenApi;
}  // namespace clusterscope::embedded

namespace clusterscope::http {
namespace {

using nlohmann::json;

// The query parameters of every operation in the API's description: "METHOD path" -> names.
std::map<std::string, std::set<std::string>> DescribedParameters() {
  const json doc = json::parse(embedded::kOpenApi);
  const auto in_query = [&](const json& parameter) -> std::string {
    const json* p = &parameter;
    if (parameter.contains("$ref")) {
      const std::string ref = parameter["$ref"];  // "#/components/parameters/Csrf"
      p = &doc["components"]["parameters"][ref.substr(ref.rfind('/') + 1)];
    }
    return p->value("in", "") == "query" ? p->value("name", "") : std::string();
  };
  std::map<std::string, std::set<std::string>> out;
  for (const auto& [path, operations] : doc["paths"].items()) {
    for (const auto& [method, operation] : operations.items()) {
      if (!operation.is_object() || method == "parameters") continue;
      auto& names = out[fmt::format("{} {}", method, path)];
      for (const auto* list : {&operation, &operations}) {
        for (const auto& parameter : list->value("parameters", json::array())) {
          if (auto name = in_query(parameter); !name.empty()) names.insert(std::move(name));
        }
      }
    }
  }
  return out;
}

}  // namespace

Router::Router(AnswerCache& answers, std::string db_path)
    : answers_(answers), db_path_(std::move(db_path)) {}

const std::set<std::string>& Router::Known(const std::string& method, const std::string& path) {
  static const auto kDescribed = DescribedParameters();
  std::string lower = method;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  // A route the description lacks reads no parameter (and fails the description's test).
  auto& known = known_[method + " " + path];
  if (const auto it = kDescribed.find(lower + " " + path); it != kDescribed.end()) {
    known = it->second;
  }
  // Every read's guard reads the month it is about, for the audit log (Respond).
  if (method == "GET") known.insert("period");
  return known;
}

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

void Router::Signed(const Request& req, Response& res, const Handle& handle,
                    const std::set<std::string>& known) {
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
            Params(req, &known),
            known,
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
  // The answer depends on the path, the parameters its route knows (the first value of each,
  // the language as en or zh), the form of answer and the park of its rows, and on `also`.
  // Parameters the route does not know are left out, so that made-up ones share one answer.
  std::string cache_key = fmt::format("{}|{}|{}", call.req.path, *also,
                                      call.params.Language() == core::Language::kEn ? "en" : "zh");
  for (const auto& name : call.known) {
    if (name != "lang" && call.req.HasParam(name)) {
      cache_key += fmt::format("&{}={}", name, call.req.Param(name));
    }
  }
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
      {"{name}", R"(([a-z0-9_.\-]+))"},
      // An import profile's name may be Chinese (app::ImportService checks it).
      {"{profile}", "([^/]{1,256})"}};
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
      [this, read = std::move(read), compute = std::move(compute), &known = Known("GET", path)](
          const Request& req, Response& res) {
        Signed(
            req, res, [&](Call& call) { return Respond(call, read, compute); }, known);
      });
}

void Router::AddSigned(const std::string& method, const std::string& path, Handle handle) {
  Add(method, path,
      [this, handle = std::move(handle), &known = Known(method, path)](
          const Request& req, Response& res) { Signed(req, res, handle, known); });
}

void Router::Post(const std::string& path, Handle handle) {
  AddSigned("POST", path, std::move(handle));
}

void Router::Patch(const std::string& path, Handle handle) {
  AddSigned("PATCH", path, std::move(handle));
}

void Router::Delete(const std::string& path, Handle handle) {
  AddSigned("DELETE", path, std::move(handle));
}

void Router::GetSession(const std::string& path, Handle handle) {
  AddSigned("GET", path, std::move(handle));
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
