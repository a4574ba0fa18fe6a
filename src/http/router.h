// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// How routes are added: every route is signed in (except sign-in itself), every change carries
// the CSRF token, and every read goes through the same guard: its parameters checked, leave from
// app::Access for its subject (which records exports), and the answer kept per data version and
// per form of answer (AnswerCache). Route files (routes_*.cc) only parse, call a service and
// encode. Private to http.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "answer_cache.h"
#include "message.h"
#include "request.h"
#include "throttle.h"

#include "clusterscope/app/access.h"
#include "clusterscope/app/database.h"
#include "clusterscope/app/service.h"
#include "clusterscope/app/sessions_service.h"

namespace clusterscope::http {

// One request as a route sees it.
struct Call {
  const Request& req;
  Response& res;
  const app::Session& session;
  app::Database& db;
  app::Caller caller;
  Params params;
  const std::set<std::string>& known;  // the route's described query parameters
  std::optional<app::Grant> grant;     // a read's leave
};

class Router {
 public:
  using Compute = std::function<Result<Answer>(Call&)>;
  using Handle = std::function<Status(Call&)>;
  using Text = std::function<Result<std::string>(const Call&)>;

  // What a read is about, for the access rules and the audit log.
  struct Read {
    app::Subject subject;
    // The audit log's key when the answer is an export; default: the path under /api/v1/.
    Text key = {};
    // Which: default the month asked for, or "latest".
    Text detail = {};
    // A value the answer depends on besides the data and the parameters (today, say).
    Text also = {};
  };

  using Plain = std::function<void(const Request&, Response&)>;

  Router(AnswerCache& answers, std::string db_path);

  // Routes are named by their path as docs/openapi.json writes it ("/api/v1/chains/{code}");
  // each {parameter} matches what its name allows (Pattern).

  // A read-only route.
  void Get(const std::string& path, Read read, Compute compute);
  // A signed-in route that changes something (or reads the session only); `handle` answers.
  void Post(const std::string& path, Handle handle);
  void Patch(const std::string& path, Handle handle);
  void Delete(const std::string& path, Handle handle);
  void GetSession(const std::string& path, Handle handle);
  // A route open to everyone (sign-in, the API's description).
  void Open(const std::string& method, const std::string& path, Plain handler);

  // Answers `req` by its route (HEAD as GET): false when no route has its path; 405 when one
  // has it for another method.
  bool Dispatch(Request& req, Response& res) const;

  // "METHOD path" of every route added, for the check that the API's description has them all.
  const std::vector<std::string>& routes() const { return routes_; }
  // The regular expression of a path: {uscc} an 18-character credit code, {code} a chain code,
  // {kind} a kind of file, {name} a user name. Unknown parameters are a programming error.
  static std::string Pattern(std::string_view path);
  // This worker thread's database (a store is used from one thread at a time).
  Result<app::Database*> DatabaseForThread();

 private:
  struct Route {
    std::string method;
    std::regex pattern;
    Plain handler;
  };
  void Add(const std::string& method, const std::string& path, Plain handler);
  // A route behind the session guard (Signed).
  void AddSigned(const std::string& method, const std::string& path, Handle handle);
  // The query parameters the description names for "METHOD path" (docs/openapi.json).
  const std::set<std::string>& Known(const std::string& method, const std::string& path);
  void Signed(const Request& req, Response& res, const Handle& handle,
              const std::set<std::string>& known);
  Status Respond(Call& call, const Read& read, const Compute& compute);

  std::vector<Route> table_;
  std::map<std::string, std::set<std::string>> known_;  // "METHOD path" -> parameters
  AnswerCache& answers_;
  std::string db_path_;
  std::vector<std::string> routes_;
};

// Each area's routes.
void AddSessionRoutes(Router& router, const struct RouteOptions& options);
void AddStatisticsRoutes(Router& router);
void AddPlanRoutes(Router& router);
void AddRegistryRoutes(Router& router);
void AddImportRoutes(Router& router, std::uint64_t upload_budget);
void AddUserRoutes(Router& router);

// What the session routes need to know of the server's options.
struct RouteOptions {
  int session_minutes = 0;
  bool secure_cookie = false;
  SignInGuard* guard = nullptr;
};

}  // namespace clusterscope::http
