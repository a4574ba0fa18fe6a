// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/http/server.h"

#include <charconv>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "answer_cache.h"
#include "sessions.h"
#include <fmt/format.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <sodium.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>

#include "clusterscope/app/workspace.h"
#include "clusterscope/core/classification.h"
#include "clusterscope/ingest/importers.h"
#include "clusterscope/ingest/table_file.h"
#include "clusterscope/report/analytics.h"
#include "clusterscope/report/chains.h"
#include "clusterscope/report/dashboard.h"
#include "clusterscope/report/monthly.h"
#include "clusterscope/report/monthly_report.h"
#include "clusterscope/report/registry.h"
#include "clusterscope/report/targets.h"

namespace clusterscope::embedded {
extern const std::string_view kOpenApi;
}  // namespace clusterscope::embedded

namespace clusterscope::http {
namespace {

using nlohmann::json;

constexpr const char* kJson = "application/json; charset=utf-8";
constexpr const char* kHtml = "text/html; charset=utf-8";

constexpr const char* kCookie = "cs_session";

// The one mapping of Status to HTTP (docs/http_api.md).
int HttpStatusOf(Status::Code code) {
  switch (code) {
    case Status::Code::kInvalidArgument:
      return 400;
    case Status::Code::kUnauthenticated:
      return 401;
    case Status::Code::kPermissionDenied:
      return 403;
    case Status::Code::kNotFound:
      return 404;
    case Status::Code::kAlreadyExists:
      return 409;
    case Status::Code::kUnavailable:
      return 503;
    default:
      return 500;
  }
}

void SendError(httplib::Response& res, int http_status, std::string_view code,
               std::string_view message) {
  res.status = http_status;
  res.set_content(json{{"code", code}, {"message", message}}.dump(), "application/json");
}

void SendStatus(httplib::Response& res, const Status& status) {
  const int http = HttpStatusOf(status.code());
  // An internal failure's details go to the log, not to the client.
  if (http == 500) spdlog::error("internal error: {}", status.ToString());
  SendError(res, http, Status::CodeName(status.code()),
            http == 500 ? "internal error; see the server log" : status.message());
}

void SendJson(httplib::Response& res, std::string body) {
  res.status = 200;
  res.set_content(std::move(body), "application/json; charset=utf-8");
}

std::string CookieToken(const httplib::Request& req) {
  const std::string cookies = req.get_header_value("Cookie");
  const std::string key = std::string(kCookie) + "=";
  for (std::size_t at = 0; at < cookies.size();) {
    const auto end = cookies.find(';', at);
    std::string part = cookies.substr(at, end == std::string::npos ? std::string::npos : end - at);
    const auto start = part.find_first_not_of(' ');
    if (start != std::string::npos) part = part.substr(start);
    if (part.rfind(key, 0) == 0) return part.substr(key.size());
    if (end == std::string::npos) break;
    at = end + 1;
  }
  return {};
}

// A JSON object body with exactly the known fields of the right types; InvalidArgument saying
// what is wrong otherwise.
Result<json> ParseBody(const httplib::Request& req,
                       const std::map<std::string, json::value_t>& fields,
                       const std::set<std::string>& optional = {}) {
  json body;
  try {
    body = json::parse(req.body);
  } catch (const json::parse_error& error) {
    return Error(Status::InvalidArgument(fmt::format("malformed JSON: {}", error.what())));
  }
  if (!body.is_object()) return Error(Status::InvalidArgument("the body must be a JSON object"));
  for (const auto& [key, value] : body.items()) {
    const auto it = fields.find(key);
    if (it == fields.end()) {
      return Error(Status::InvalidArgument(fmt::format("unknown field '{}'", key)));
    }
    if (value.type() != it->second) {
      return Error(Status::InvalidArgument(
          fmt::format("field '{}' must be a {}", key, json(it->second).type_name())));
    }
  }
  for (const auto& [key, type] : fields) {
    if (!body.contains(key) && optional.count(key) == 0) {
      return Error(Status::InvalidArgument(fmt::format("missing field '{}'", key)));
    }
  }
  return body;
}

Result<std::optional<core::Period>> PeriodParam(const httplib::Request& req) {
  if (!req.has_param("period")) return std::optional<core::Period>();
  auto period = core::Period::Parse(req.get_param_value("period"));
  if (!period) return Error(period.error().WithContext("period"));
  return std::optional<core::Period>(*period);
}

report::Language LanguageParam(const httplib::Request& req) {
  return req.get_param_value("lang") == "en" ? report::Language::kEn : report::Language::kZh;
}

// "L1,L2" -> {"L1", "L2"}
std::vector<std::string> ListParam(const httplib::Request& req, const char* name) {
  std::vector<std::string> out;
  const std::string text = req.get_param_value(name);
  for (std::size_t at = 0; at < text.size();) {
    const auto end = std::min(text.find(',', at), text.size());
    if (end > at) out.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

Result<int> IntParam(const httplib::Request& req, const char* name, int fallback, int low,
                     int high) {
  if (!req.has_param(name)) return fallback;
  const std::string text = req.get_param_value(name);
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < low || value > high) {
    return Error(Status::InvalidArgument(
        fmt::format("{} must be a whole number from {} to {}, not '{}'", name, low, high, text)));
  }
  return value;
}

// Whether the district-wide answers come in full (enterprise rankings, names, unsuppressed small
// groups): admins and analysts. A park editor sees enterprise rows of its own park only, so it
// gets the published form of everything district-wide, as viewers do.
bool FullForm(const Session& session) {
  return session.role == model::Role::kAdmin || session.role == model::Role::kAnalyst;
}

// What an answer depends on besides the data: the path, every parameter, whether the asker sees
// enterprise rows or the published form, and `also` (a default the answer depends on).
std::string CacheKey(const httplib::Request& req, const Session& session, std::string_view also) {
  std::string key = fmt::format("{}|{}", req.path, also);
  for (const auto& [name, value] : req.params) key += fmt::format("&{}={}", name, value);
  key += FullForm(session) ? "|full" : "|public";
  return key;
}

// The report as the cockpit and the alerts need it: no rankings, no ladders; published for
// those who do not see enterprises.
app::MonthlyReportOptions Overview(std::optional<core::Period> period, const Session& session) {
  app::MonthlyReportOptions wanted;
  wanted.period = period;
  wanted.is_public = !FullForm(session);
  wanted.indicators.top = 0;
  wanted.ladders = false;
  return wanted;
}

std::string RegionName(const app::Workspace& w) {
  const auto* county = core::FindCounty(w.system().region_code);
  return county != nullptr ? county->name : w.system().name_zh;
}

}  // namespace

struct Server::Impl {
  ServerOptions options;
  httplib::Server server;
  Sessions sessions;
  Throttle by_name;
  Throttle by_address;
  AnswerCache answers;
  int listen_socket = -1;  // set by the socket-options hook, for the listen backlog

  explicit Impl(ServerOptions o)
      : options(std::move(o)),
        sessions(std::chrono::minutes(options.session_minutes)),
        by_name(options.login_failures, std::chrono::seconds(options.login_window_seconds)),
        by_address(options.login_failures * 4, std::chrono::seconds(options.login_window_seconds)) {
  }

  // Each worker thread keeps its own Workspace (a Store is used from one thread at a time).
  Result<app::Workspace*> WorkspaceFor(const std::string& actor) {
    thread_local std::map<std::string, std::unique_ptr<app::Workspace>> open;
    auto& slot = open[options.db_path];
    if (!slot) {
      auto workspace = app::Workspace::Open(options.db_path, "http");
      if (!workspace) return Error(workspace.error());
      slot = std::make_unique<app::Workspace>(std::move(*workspace));
    }
    slot->set_actor(actor);
    return slot.get();
  }

  // The session of the request, checked for CSRF on changes; Unauthenticated without one.
  Result<Session> Authenticate(const httplib::Request& req) {
    auto session = sessions.Find(CookieToken(req));
    if (!session) return Error(Status::Unauthenticated("sign in first: POST /api/v1/login"));
    if (req.method != "GET" && req.method != "HEAD" &&
        req.get_header_value("X-CSRF-Token") != session->csrf) {
      return Error(Status::PermissionDenied(
          "missing or wrong X-CSRF-Token header (the csrf_token given at sign-in)"));
    }
    return *session;
  }

  // Runs `handle` for a signed-in user with its workspace; errors become JSON responses.
  void Guard(const httplib::Request& req, httplib::Response& res,
             const std::function<Status(const Session&, app::Workspace&)>& handle) {
    auto session = Authenticate(req);
    if (!session) return SendStatus(res, session.error());
    auto workspace = WorkspaceFor(session->user);
    if (!workspace) return SendStatus(res, workspace.error());
    if (const Status status = handle(*session, **workspace); !status.ok()) {
      SendStatus(res, status);
    }
  }

  // Sends the answer to this request for the data as they are now, computing it only when the
  // data changed since it was last computed (AnswerCache).
  Status SendCached(const httplib::Request& req, httplib::Response& res, const Session& session,
                    app::Workspace& w, const char* content_type,
                    const std::function<Result<std::string>()>& compute,
                    std::string_view also = {}) {
    auto version = w.store().DataVersion();
    if (!version) return version.error();
    auto body = answers.Get(CacheKey(req, session, also), *version, compute);
    if (!body) return body.error();
    res.status = 200;
    res.set_content(**body, content_type);
    return Status::Ok();
  }

  using Month = std::optional<core::Period>;
  using Compute = std::function<Result<std::string>(const httplib::Request&, const Session&,
                                                    app::Workspace&, Month)>;
  // A read-only JSON route over the data of a month (`period`, default the latest): signed in,
  // the month checked, the answer kept per data version. `enterprise_rows`: the full form names
  // enterprises or gives their figures, so each answer to those who see it is an export for the
  // audit log, kept or not.
  void CachedGet(const std::string& pattern, Compute compute, bool enterprise_rows = false) {
    server.Get(pattern, [this, enterprise_rows, compute = std::move(compute)](
                            const httplib::Request& req, httplib::Response& res) {
      Guard(req, res, [&](const Session& session, app::Workspace& w) -> Status {
        auto period = PeriodParam(req);
        if (!period) return period.error();
        if (enterprise_rows && FullForm(session)) {
          CLUSTERSCOPE_RETURN_IF_ERROR(
              w.RecordExport("enterprise", req.path.substr(std::string_view("/api/v1/").size()),
                             period->has_value() ? (*period)->ToString() : "latest"));
        }
        return SendCached(req, res, session, w, kJson,
                          [&] { return compute(req, session, w, *period); });
      });
    });
  }

  void Routes();
  void Login(const httplib::Request& req, httplib::Response& res);
  Status Upload(const httplib::Request& req, httplib::Response& res, const Session& session,
                app::Workspace& w);
};

void Server::Impl::Login(const httplib::Request& req, httplib::Response& res) {
  auto body =
      ParseBody(req, {{"name", json::value_t::string}, {"password", json::value_t::string}});
  if (!body) return SendStatus(res, body.error());
  const std::string name = (*body)["name"];
  const std::string address = req.remote_addr;
  if (by_name.Blocked("name:" + name) || by_address.Blocked("addr:" + address)) {
    res.set_header("Retry-After", std::to_string(options.login_window_seconds));
    return SendError(res, 429, "TooManyRequests",
                     "too many failed sign-ins; wait a few minutes and try again");
  }
  auto workspace = WorkspaceFor(name);
  if (!workspace) return SendStatus(res, workspace.error());
  auto user = (*workspace)->Authenticate(name, (*body)["password"]);
  if (!user) {
    by_name.Failed("name:" + name);
    by_address.Failed("addr:" + address);
    spdlog::warn("failed sign-in for '{}' from {}", name, address);
    return SendStatus(res, user.error());
  }
  by_name.Succeeded("name:" + name);
  auto [token, session] = sessions.Open(*user);
  res.set_header("Set-Cookie", fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{}",
                                           kCookie, token, options.session_minutes * 60,
                                           options.secure_cookie ? "; Secure" : ""));
  SendJson(res, json{{"user", user->name},
                     {"role", model::RoleName(user->role)},
                     {"park", user->park},
                     {"csrf_token", session.csrf},
                     {"expires_in", options.session_minutes * 60}}
                    .dump());
}

Status Server::Impl::Upload(const httplib::Request& req, httplib::Response& res,
                            const Session& session, app::Workspace& w) {
  const std::string kind = req.matches[1].str();
  if (!model::EditsEnterprises(session.role)) {
    return Status::PermissionDenied("viewers do not upload");
  }
  const bool registry_kind =
      kind == "enterprises" || kind == "designations" || kind == "monthly" || kind == "scale";
  if (session.role == model::Role::kParkEditor && !registry_kind) {
    return Status::PermissionDenied(
        fmt::format("a park editor uploads its enterprises' files, not {}", kind));
  }
  if (!req.has_file("file")) {
    return Status::InvalidArgument("send the file as multipart/form-data in the field \"file\"");
  }
  const auto file = req.get_file_value("file");
  // Kept under a name of our own (never the client's path) with the client's extension, so that
  // an .xlsx is read as a workbook.
  const std::string ext =
      file.filename.size() >= 5 && file.filename.substr(file.filename.size() - 5) == ".xlsx"
          ? ".xlsx"
          : ".csv";
  const auto dir = std::filesystem::temp_directory_path() / "clusterscope-uploads";
  std::filesystem::create_directories(dir);
  const std::string path = (dir / (RandomToken().substr(0, 16) + ext)).string();
  {
    std::ofstream out(path, std::ios::binary);
    out.write(file.content.data(), static_cast<std::streamsize>(file.content.size()));
    if (!out) return Status::Unavailable("cannot keep the upload");
  }
  struct Remove {
    std::string path;
    ~Remove() { std::filesystem::remove(path); }
  } remove{path};
  if (session.role == model::Role::kParkEditor) {
    // Every row must be about an enterprise of the editor's park.
    auto table = ingest::ReadTableFile(path, "");
    if (!table) return table.error().WithContext(file.filename);
    const auto& specs = kind == "enterprises"    ? ingest::EnterpriseColumns()
                        : kind == "designations" ? ingest::DesignationColumns()
                        : kind == "scale"        ? ingest::ScaleColumns()
                                                 : ingest::MonthlyColumns();
    auto columns = ingest::MapColumns(*table, specs);
    if (!columns) return columns.error().WithContext(file.filename);
    for (const auto& record : table->rows) {
      const std::string uscc(columns->Cell(record, "uscc"));
      auto enterprise = w.store().GetEnterprise(uscc);
      if (!enterprise) return enterprise.error();
      const std::string park =
          *enterprise ? (*enterprise)->park : std::string(columns->Cell(record, "park"));
      if (park != session.park ||
          (columns->Has("park") && columns->Cell(record, "park") != session.park)) {
        return Status::PermissionDenied(fmt::format(
            "{} line {}: {} is not an enterprise of park {}; a park editor uploads its park's "
            "enterprises only",
            file.filename, record.line, uscc, session.park));
      }
    }
  }
  ingest::ImportOptions import_options;
  import_options.skip_invalid = req.has_param("skip_invalid");
  import_options.source_name = file.filename;  // the batch names the user's file, not our copy
  Result<ingest::ImportReport> report = Error(Status::Internal("unknown kind"));
  if (kind == "enterprises") report = w.ImportEnterprises(path, import_options);
  if (kind == "designations") report = w.ImportDesignations(path, import_options);
  if (kind == "monthly") report = w.ImportMonthly(path, import_options);
  if (kind == "scale") report = w.ImportScale(path, import_options);
  if (kind == "series") report = w.ImportSeries(path, import_options);
  if (kind == "projects") report = w.ImportProjects(path, import_options);
  if (kind == "relations") report = w.ImportRelations(path, import_options);
  if (kind == "prospects") report = w.ImportProspects(path, import_options);
  if (!report) return report.error().WithContext(file.filename);
  // The rejected rows are in the answer, row by row; their file beside our copy goes with it.
  if (!report->rejects_file.empty()) {
    std::filesystem::remove(report->rejects_file);
    report->rejects_file.clear();
  }
  // The data-quality audit of a monthly file row by row (the first 1,000), besides its counts,
  // so that a park office sees at once which figures to check.
  json answer = json::parse(report::ImportReportJson(*report));
  constexpr std::size_t kQualityShown = 1000;
  answer["quality"] = json::array();
  for (std::size_t i = 0; i < report->quality.size() && i < kQualityShown; ++i) {
    const auto& q = report->quality[i];
    answer["quality"].push_back({{"uscc", q.uscc},
                                 {"period", q.period.ToString()},
                                 {"rule", q.rule},
                                 {"measure", q.measure},
                                 {"value", q.value ? json(*q.value) : json(nullptr)},
                                 {"message", q.message}});
  }
  answer["quality_not_shown"] =
      report->quality.size() > kQualityShown ? report->quality.size() - kQualityShown : 0;
  // Messages name the file the user sent, not our copy.
  std::string body = answer.dump();
  for (std::size_t at = body.find(path); at != std::string::npos; at = body.find(path, at)) {
    body.replace(at, path.size(), file.filename);
  }
  SendJson(res, std::move(body));
  return Status::Ok();
}

void Server::Impl::Routes() {
  auto& s = server;
  s.Post("/api/v1/login",
         [this](const httplib::Request& req, httplib::Response& res) { Login(req, res); });
  s.Post("/api/v1/logout", [this](const httplib::Request& req, httplib::Response& res) {
    Guard(req, res, [&](const Session&, app::Workspace&) {
      sessions.Close(CookieToken(req));
      res.set_header("Set-Cookie",
                     fmt::format("{}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0", kCookie));
      SendJson(res, R"({"signed_out":true})");
      return Status::Ok();
    });
  });
  // The API's description (docs/openapi.json, built in): open to everyone, like a login page.
  s.Get("/api/v1/openapi.json", [](const httplib::Request&, httplib::Response& res) {
    SendJson(res, std::string(embedded::kOpenApi));
  });
  s.Get("/api/v1/me", [this](const httplib::Request& req, httplib::Response& res) {
    Guard(req, res, [&](const Session& session, app::Workspace&) {
      SendJson(res, json{{"user", session.user},
                         {"role", model::RoleName(session.role)},
                         {"park", session.park},
                         {"csrf_token", session.csrf}}
                        .dump());
      return Status::Ok();
    });
  });
  s.Get("/api/v1/system", [this](const httplib::Request& req, httplib::Response& res) {
    Guard(req, res, [&](const Session& session, app::Workspace& w) {
      return SendCached(req, res, session, w, kJson, [&]() -> Result<std::string> {
        auto enterprises = w.store().ListEnterprises({});
        if (!enterprises) return Error(enterprises.error());
        report::ClusterCounts counts;
        for (const auto& e : *enterprises) {
          if (!e.cluster.empty()) ++counts[e.cluster];
        }
        return report::SystemJson(w.system(), counts);
      });
    });
  });
  // The monthly report: viewers get the published form. format=json (default), html or xlsx
  // (a download).
  s.Get("/api/v1/report/monthly", [this](const httplib::Request& req, httplib::Response& res) {
    Guard(req, res, [&](const Session& session, app::Workspace& w) -> Status {
      auto period = PeriodParam(req);
      if (!period) return period.error();
      const std::string format = req.has_param("format") ? req.get_param_value("format") : "json";
      if (format != "json" && format != "html" && format != "xlsx") {
        return Status::InvalidArgument("format must be json, html or xlsx");
      }
      app::MonthlyReportOptions wanted;
      wanted.period = *period;
      wanted.is_public = !FullForm(session);
      wanted.indicators.top = wanted.is_public ? 0 : 10;
      wanted.trend_months = format == "html" ? 12 : 0;
      const auto language = LanguageParam(req);
      const std::string region = RegionName(w);
      if (!wanted.is_public) {
        CLUSTERSCOPE_RETURN_IF_ERROR(w.RecordExport(
            "enterprise", "report/monthly",
            fmt::format("{} {} with enterprise rankings",
                        period->has_value() ? (*period)->ToString() : "latest", format)));
      }
      if (format != "xlsx") {
        return SendCached(req, res, session, w, format == "html" ? kHtml : kJson,
                          [&]() -> Result<std::string> {
                            auto bundle = w.MonthlyReport(wanted);
                            if (!bundle) return Error(bundle.error());
                            return report::RenderMonthly(*bundle, format, region, language, "");
                          });
      }
      auto bundle = w.MonthlyReport(wanted);
      if (!bundle) return bundle.error();
      const std::string out =
          (std::filesystem::temp_directory_path() / (RandomToken().substr(0, 16) + ".xlsx"))
              .string();
      auto text = report::RenderMonthly(*bundle, format, region, language, out);
      if (!text) return text.error();
      std::ifstream in(out, std::ios::binary);
      std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      std::filesystem::remove(out);
      res.set_header("Content-Disposition", fmt::format("attachment; filename=\"report-{}.xlsx\"",
                                                        bundle->indicators.period.ToString()));
      res.set_content(std::move(bytes),
                      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      return Status::Ok();
    });
  });
  // The dashboard's first screen: the month's headline, tiers, clusters and parks, the total's
  // last 12 months, the key targets, alert counts. Viewers get the published form.
  CachedGet("/api/v1/cockpit",
            [](const httplib::Request& req, const Session& session, app::Workspace& w,
               Month period) -> Result<std::string> {
              auto bundle = w.MonthlyReport(Overview(period, session));
              if (!bundle) return Error(bundle.error());
              auto series = w.IndicatorSeries(bundle->indicators.period, 12, bundle->is_public);
              if (!series) return Error(series.error());
              return report::CockpitJson(*bundle, *series, w.system(),
                                         {.region = RegionName(w),
                                          .key_targets = ListParam(req, "targets"),
                                          .language = LanguageParam(req)});
            });
  // Any grouping's indicators month by month: kind (total, tier, cluster, park, town, division,
  // class, a grouping's code, list, ...), optionally one code, over `months` months to `period`.
  CachedGet(
      "/api/v1/indicators",
      [](const httplib::Request& req, const Session& session, app::Workspace& w,
         Month period) -> Result<std::string> {
        auto months = IntParam(req, "months", 12, 1, 120);
        if (!months) return Error(months.error());
        const std::string kind = req.has_param("kind") ? req.get_param_value("kind") : "cluster";
        auto series = w.IndicatorSeries(period, *months, !FullForm(session));
        if (!series) return Error(series.error());
        return report::IndicatorSeriesJson(*series, w.system(), kind, req.get_param_value("code"));
      });
  // The month's alerts in words (lang=zh|en); viewers get the groups' alerts only.
  CachedGet(
      "/api/v1/alerts",
      [](const httplib::Request& req, const Session& session, app::Workspace& w,
         Month period) -> Result<std::string> {
        auto bundle = w.MonthlyReport(Overview(period, session));
        if (!bundle) return Error(bundle.error());
        const json report =
            json::parse(report::MonthlyReportJson(bundle->indicators, LanguageParam(req)));
        return json{{"period", report["period"]}, {"alerts", report["alerts"]}}.dump();
      },
      /*enterprise_rows=*/true);
  CachedGet("/api/v1/targets",
            [](const httplib::Request& req, const Session&, app::Workspace& w,
               Month period) -> Result<std::string> {
              auto targets = w.Targets(period, req.has_param("history"));
              if (!targets) return Error(targets.error());
              return report::TargetsJson(*targets);
            });
  // Viewers get the statuses only.
  CachedGet(R"(/api/v1/chains(?:/([a-z0-9_\-]+))?)",
            [](const httplib::Request& req, const Session& session, app::Workspace& w,
               Month period) -> Result<std::string> {
              auto chains = w.Chains(period, 5);
              if (!chains) return Error(chains.error());
              const std::string code = req.matches.size() > 1 ? req.matches[1].str() : "";
              if (!code.empty() && (*chains)->plan.FindChain(code) == nullptr) {
                return Error(Status::NotFound(fmt::format("no chain '{}'", code)));
              }
              const bool viewer = !FullForm(session);
              return report::ChainsJson(
                  **chains,
                  {.chain = code, .links = true, .details = !code.empty(), .public_view = viewer});
            },
            /*enterprise_rows=*/true);
  // The clusters against a benchmark (the analytics plan's, or `benchmark`): location
  // quotients and shift-share; the published form withholds the clusters the indicators do.
  CachedGet("/api/v1/analytics/clusters",
            [](const httplib::Request& req, const Session& session, app::Workspace& w,
               Month period) -> Result<std::string> {
              app::Workspace::BenchmarkOptions wanted;
              wanted.benchmark = req.get_param_value("benchmark");
              wanted.at = period;
              if (!period) {
                auto latest = w.LatestPeriod();
                if (!latest) return Error(latest.error());
                wanted.at = *latest;
              }
              auto view = w.BenchmarkClusters(wanted);
              if (!view) return Error(view.error());
              if (!FullForm(session)) {
                auto indicators = w.MonthlyIndicators(wanted.at, {});
                if (!indicators) return Error(indicators.error());
                engine::ApplyDisclosureControl(*indicators, {});
                view->Withhold(app::WithheldClusters(*indicators));
              }
              return report::ClusterViewJson(*view);
            });
  s.Get("/api/v1/projects", [this](const httplib::Request& req, httplib::Response& res) {
    Guard(req, res, [&](const Session& session, app::Workspace& w) {
      const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
      std::tm tm{};
      gmtime_r(&now, &tm);
      core::Date as_of{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
      if (req.has_param("as_of")) {
        auto date = core::Date::Parse(req.get_param_value("as_of"));
        if (!date) return date.error().WithContext("as_of");
        as_of = *date;
      }
      // Overdue depends on the day: today's answer is kept for today only.
      return SendCached(
          req, res, session, w, kJson,
          [&]() -> Result<std::string> {
            auto pipeline = w.Projects(as_of);
            if (!pipeline) return Error(pipeline.error());
            return report::PipelineJson(*pipeline);
          },
          as_of.ToString());
    });
  });
  s.Get("/api/v1/cultivation", [this](const httplib::Request& req, httplib::Response& res) {
    Guard(req, res, [&](const Session& session, app::Workspace& w) -> Status {
      if (!model::SeesEnterprises(session.role)) {
        return Status::PermissionDenied("the cultivation lists name enterprises: not for viewers");
      }
      auto period = PeriodParam(req);
      if (!period) return period.error();
      auto report = w.Cultivate(req.get_param_value("ladder"), *period);
      if (!report) return report.error();
      if (session.role == model::Role::kParkEditor) {
        // Its park's enterprises on each ladder; the counts stay district-wide.
        storage::EnterpriseFilter filter;
        filter.park = session.park;
        auto own = w.store().ListEnterprises(filter);
        if (!own) return own.error();
        std::set<std::string> usccs;
        for (const auto& e : *own) usccs.insert(e.uscc);
        for (auto& ladder : (*report)->ladders) {
          std::erase_if(ladder.entries, [&](const auto& e) { return usccs.count(e.uscc) == 0; });
        }
      }
      CLUSTERSCOPE_RETURN_IF_ERROR(
          w.RecordExport("enterprise", "cultivation",
                         fmt::format("{} {}", req.get_param_value("ladder"),
                                     period->has_value() ? (*period)->ToString() : "latest")));
      SendJson(res, report::CultivationJson(**report, 50));
      return Status::Ok();
    });
  });
  // Enterprise rows: analysts and admins see all, a park editor its own park, viewers none.
  s.Get("/api/v1/enterprises", [this](const httplib::Request& req, httplib::Response& res) {
    Guard(req, res, [&](const Session& session, app::Workspace& w) {
      if (!model::SeesEnterprises(session.role)) {
        return Status::PermissionDenied("enterprise data is for analysts and park editors");
      }
      storage::EnterpriseFilter filter;
      filter.name_contains = req.get_param_value("q");
      filter.cluster = req.get_param_value("cluster");
      filter.park = req.get_param_value("park");
      filter.limit = 200;
      if (session.role == model::Role::kParkEditor) {
        if (!filter.park.empty() && filter.park != session.park) {
          return Status::PermissionDenied(
              fmt::format("a park editor of {} sees only that park's enterprises", session.park));
        }
        filter.park = session.park;
      }
      auto list = w.store().ListEnterprises(filter);
      if (!list) return list.error();
      const Status logged =
          w.RecordExport("enterprise", "search",
                         fmt::format("{} rows (q={} cluster={} park={})", list->size(),
                                     filter.name_contains, filter.cluster, filter.park));
      if (!logged.ok()) return logged;
      SendJson(res, report::EnterpriseListJson(*list, w.system()));
      return Status::Ok();
    });
  });
  s.Get(R"(/api/v1/enterprises/([0-9A-Z]{18}))", [this](const httplib::Request& req,
                                                        httplib::Response& res) {
    Guard(req, res, [&](const Session& session, app::Workspace& w) {
      if (!model::SeesEnterprises(session.role)) {
        return Status::PermissionDenied("enterprise data is for analysts and park editors");
      }
      auto enterprise = w.GetEnterprise(req.matches[1].str());
      if (!enterprise) return enterprise.error();
      if (session.role == model::Role::kParkEditor && enterprise->park != session.park) {
        return Status::PermissionDenied(
            fmt::format("a park editor of {} sees only that park's enterprises", session.park));
      }
      auto designations = w.store().ListDesignations({enterprise->uscc, "", std::nullopt});
      if (!designations) return designations.error();
      // The profile: the registry record, and the monthly figures with every revision.
      auto history = w.History(enterprise->uscc, std::nullopt);
      if (!history) return history.error();
      const Status logged = w.RecordExport("enterprise", enterprise->uscc, "profile");
      if (!logged.ok()) return logged;
      SendJson(res, fmt::format(R"({{"enterprise":{},"monthly":{}}})",
                                report::EnterpriseJson(*enterprise, w.system(), *designations),
                                report::HistoryJson(history->current, history->revisions,
                                                    history->batches)));
      return Status::Ok();
    });
  });
  // Uploads: a multipart form with the file in "file"; the answer is the import's report row by
  // row (written or not). A park editor may upload only its own park's enterprises.
  s.Post(
      R"(/api/v1/uploads/(enterprises|designations|monthly|scale|series|projects|relations|prospects))",
      [this](const httplib::Request& req, httplib::Response& res) {
        Guard(req, res, [&](const Session& session, app::Workspace& w) {
          return Upload(req, res, session, w);
        });
      });
  // Users over HTTP, for admins: add (POST), remove (DELETE /api/v1/users/{name}).
  s.Post("/api/v1/users", [this](const httplib::Request& req, httplib::Response& res) {
    Guard(req, res, [&](const Session& session, app::Workspace& w) -> Status {
      if (!model::ManagesUsers(session.role)) return Status::PermissionDenied("admins only");
      auto body = ParseBody(req,
                            {{"name", json::value_t::string},
                             {"role", json::value_t::string},
                             {"park", json::value_t::string},
                             {"password", json::value_t::string}},
                            {"park"});
      if (!body) return body.error();
      const auto role = model::ParseRole((*body)["role"].get<std::string>());
      if (!role) {
        return Status::InvalidArgument("role must be admin, analyst, park_editor or viewer");
      }
      CLUSTERSCOPE_RETURN_IF_ERROR(
          w.AddUser((*body)["name"], *role, body->value("park", ""), (*body)["password"]));
      res.status = 201;
      res.set_content(json{{"name", (*body)["name"]}, {"role", model::RoleName(*role)}}.dump(),
                      "application/json");
      return Status::Ok();
    });
  });
  s.Delete(R"(/api/v1/users/([a-z0-9_.\-]+))",
           [this](const httplib::Request& req, httplib::Response& res) {
             Guard(req, res, [&](const Session& session, app::Workspace& w) -> Status {
               if (!model::ManagesUsers(session.role))
                 return Status::PermissionDenied("admins only");
               CLUSTERSCOPE_RETURN_IF_ERROR(w.RemoveUser(req.matches[1].str()));
               sessions.CloseUser(req.matches[1].str());  // a removed user is signed out now
               SendJson(res, R"({"removed":true})");
               return Status::Ok();
             });
           });
  s.Get("/api/v1/users", [this](const httplib::Request& req, httplib::Response& res) {
    Guard(req, res, [&](const Session& session, app::Workspace& w) {
      if (!model::ManagesUsers(session.role)) return Status::PermissionDenied("admins only");
      auto users = w.Users();
      if (!users) return users.error();
      json out = json::array();
      for (const auto& u : *users) {
        out.push_back({{"name", u.name}, {"role", model::RoleName(u.role)}, {"park", u.park}});
      }
      SendJson(res, out.dump());
      return Status::Ok();
    });
  });
}

Result<std::unique_ptr<Server>> Server::Create(ServerOptions options) {
  if (options.port < 0 || options.port > 65535) {
    return Error(Status::InvalidArgument(fmt::format("--port {} is not a port", options.port)));
  }
  if (!std::filesystem::exists(options.db_path)) {
    return Error(Status::NotFound(fmt::format("database '{}' does not exist", options.db_path)));
  }
  if (sodium_init() < 0) return Error(Status::Internal("libsodium could not start"));
  auto impl = std::make_unique<Impl>(std::move(options));
  auto& s = impl->server;
  s.set_payload_max_length(impl->options.max_body);
  // A worker serves one keep-alive connection at a time: as many workers as the connections a
  // dashboard wall and its users keep open, so that one slow client does not queue the others.
  s.new_task_queue = [] { return new httplib::ThreadPool(64); };
  s.set_keep_alive_max_count(1000);
  // Headers and body go out in separate writes: without TCP_NODELAY, Nagle's algorithm holds the
  // body back for the client's delayed ACK, about 40 ms a request.
  s.set_tcp_nodelay(true);
  // The listening socket, so that Bind() can lengthen its backlog: the library listens with a
  // backlog of 5, and a burst of new connections beyond it waits out a 1 s SYN retransmit.
  s.set_socket_options([raw = impl.get()](int socket) {
    httplib::default_socket_options(socket);
    raw->listen_socket = socket;
  });
  // One access-log line per request with its time: the pre-routing handler and the logger run
  // on the request's worker thread, one request at a time.
  static thread_local std::chrono::steady_clock::time_point started;
  s.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    started = std::chrono::steady_clock::now();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // The dashboard loads only its own files; no page may frame it.
  s.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("Referrer-Policy", "same-origin");
    res.set_header("Content-Security-Policy",
                   "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                   "frame-ancestors 'none'");
    if (res.get_header_value("Cache-Control").empty()) res.set_header("Cache-Control", "no-store");
  });
  s.set_logger([](const httplib::Request& req, const httplib::Response& res) {
    const auto ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    spdlog::info("{} {} {} {} {:.1f} ms", req.remote_addr, req.method, req.path, res.status, ms);
  });
  s.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr error) {
        try {
          std::rethrow_exception(error);
        } catch (const std::exception& e) {
          spdlog::error("exception in a handler: {}", e.what());
        } catch (...) {
          spdlog::error("unknown exception in a handler");
        }
        SendError(res, 500, "Internal", "internal error; see the server log");
      });
  // Errors httplib raises itself (no route, body too large) get the same JSON body.
  s.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 404) return SendError(res, 404, "NotFound", "no such resource");
    if (res.status == 413) {
      return SendError(res, 413, "InvalidArgument", "the request body is too large");
    }
    SendError(res, res.status, "InvalidArgument", "bad request");
  });
  impl->Routes();
  if (!impl->options.web_root.empty() && !s.set_mount_point("/", impl->options.web_root)) {
    return Error(Status::NotFound(
        fmt::format("--web-root '{}' is not a directory", impl->options.web_root)));
  }
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() { Stop(); }

Result<int> Server::Bind() {
  auto& o = impl_->options;
  int port = o.port;
  if (o.port == 0) {
    port = impl_->server.bind_to_any_port(o.bind);
    if (port < 0) return Error(Status::Unavailable(fmt::format("cannot bind {}", o.bind)));
  } else if (!impl_->server.bind_to_port(o.bind, o.port)) {
    return Error(Status::Unavailable(fmt::format(
        "cannot bind {}:{} (in use, or not an address of this machine)", o.bind, o.port)));
  }
  // Listening again on a listening socket only changes its backlog (Linux).
  if (impl_->listen_socket >= 0) (void)::listen(impl_->listen_socket, SOMAXCONN);
  return port;
}

Status Server::Listen() {
  if (!impl_->server.listen_after_bind()) return Status::Unavailable("the server stopped");
  return Status::Ok();
}

void Server::Stop() {
  if (impl_ && impl_->server.is_running()) impl_->server.stop();
}

}  // namespace clusterscope::http
