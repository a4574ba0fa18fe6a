// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Reading a request and writing a response, the same way for every route: the query
// parameters checked by one helper (Params), a JSON body with exactly the known fields, and the
// one mapping of Status to HTTP (docs/http_api.md). Private to http.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "message.h"
#include <nlohmann/json.hpp>

#include "clusterscope/core/period.h"
#include "clusterscope/core/status.h"
#include "clusterscope/report/monthly_report.h"

namespace clusterscope::http {

constexpr const char* kJson = "application/json; charset=utf-8";
constexpr const char* kHtml = "text/html; charset=utf-8";
constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr const char* kDocx =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr const char* kPdf = "application/pdf";
// The media type of a file to download: xlsx, docx, pdf, csv.
const char* DownloadType(std::string_view format);
constexpr const char* kCsv = "text/csv; charset=utf-8";

// The query parameters of a request, each checked as it is read.
class Params {
 public:
  // `known`: the parameters the route's description names (docs/openapi.json), which are all
  // that the answer cache keys it by; reading another is a programming error (std::logic_error,
  // a 500 that the tests of every route would show). Null: any.
  explicit Params(const Request& req, const std::set<std::string>* known = nullptr)
      : req_(req), known_(known) {}

  bool Has(const char* name) const { return Known(name).HasParam(name); }
  // The value, or `fallback` when absent.
  std::string String(const char* name, std::string_view fallback = {}) const;
  // `period` (YYYY-MM), or nullopt when absent; InvalidArgument naming it when malformed.
  Result<std::optional<core::Period>> Period() const;
  // A whole number from `low` to `high`, or `fallback` when absent.
  Result<int> Int(const char* name, int fallback, int low, int high) const;
  // "L1,L2" -> {"L1", "L2"}
  std::vector<std::string> List(const char* name) const;
  // One of `allowed`, or `fallback` when absent.
  Result<std::string> OneOf(const char* name, const std::vector<std::string>& allowed,
                            std::string fallback) const;
  // lang=en gives English; anything else Chinese.
  report::Language Language() const;
  // The n-th capture of the route's pattern, or empty.
  std::string Match(std::size_t n) const;

 private:
  // The request, once `name` is checked against the known parameters.
  const Request& Known(std::string_view name) const;

  const Request& req_;
  const std::set<std::string>* known_;
};

// A JSON object body with exactly the known fields of the right types; InvalidArgument saying
// what is wrong otherwise.
Result<nlohmann::json> ParseBody(const Request& req,
                                 const std::map<std::string, nlohmann::json::value_t>& fields,
                                 const std::set<std::string>& optional = {});

// The reader's language: the request's `lang` parameter, Chinese unless it is "en".
core::Language LanguageOf(const Request& req);

// The session cookie's token, or empty.
std::string CookieToken(const Request& req);
constexpr const char* kCookie = "cs_session";

int HttpStatusOf(Status::Code code);
void SendError(Response& res, int http_status, std::string_view code, std::string_view message);
// A Status as its HTTP status and {"code","message"}; an internal error's details go to the log.
// The status as a JSON error, its message in `language` when it has one there.
void SendStatus(Response& res, const Status& status, core::Language language = core::Language::kEn);
void SendJson(Response& res, const std::string& body, int http_status = 200);

}  // namespace clusterscope::http
