// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "request.h"

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include "clusterscope/text/errors.h"

namespace clusterscope::http {
namespace {

// A request the API cannot read, said in both languages.
template <typename... Args>
Status Refuse(const core::Message& message, const Args&... args) {
  return Status::Of(Status::Code::kInvalidArgument, core::Say(message, args...));
}

}  // namespace

using nlohmann::json;

const Request& Params::Known(std::string_view name) const {
  if (known_ != nullptr && name != "lang" && known_->count(std::string(name)) == 0) {
    throw std::logic_error(
        fmt::format("the route reads '{}', which its description does not name", name));
  }
  return req_;
}

std::string Params::String(const char* name, std::string_view fallback) const {
  return Known(name).HasParam(name) ? req_.Param(name) : std::string(fallback);
}

Result<std::optional<core::Period>> Params::Period() const {
  if (!Known("period").HasParam("period")) return std::optional<core::Period>();
  auto period = core::Period::Parse(req_.Param("period"));
  if (!period) return Error(period.error().WithContext("period"));
  return std::optional<core::Period>(*period);
}

Result<int> Params::Int(const char* name, int fallback, int low, int high) const {
  if (!Known(name).HasParam(name)) return fallback;
  const std::string text = req_.Param(name);
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < low || value > high) {
    return Error(Refuse(text::kWholeNumberRange, name, low, high, text));
  }
  return value;
}

std::vector<std::string> Params::List(const char* name) const {
  std::vector<std::string> out;
  const std::string text = Known(name).Param(name);
  for (std::size_t at = 0; at < text.size();) {
    const auto end = std::min(text.find(',', at), text.size());
    if (end > at) out.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

const char* DownloadType(std::string_view format) {
  if (format == "docx") return kDocx;
  if (format == "pdf") return kPdf;
  if (format == "csv") return kCsv;
  return kXlsx;
}

Result<std::string> Params::OneOf(const char* name, const std::vector<std::string>& allowed,
                                  std::string fallback) const {
  if (!Known(name).HasParam(name)) return fallback;
  std::string value = req_.Param(name);
  if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
    return Error(Refuse(text::kOneOf, name, fmt::join(allowed, ", ")));
  }
  return value;
}

report::Language Params::Language() const { return LanguageOf(req_); }

core::Language LanguageOf(const Request& req) {
  return req.Param("lang") == "en" ? core::Language::kEn : core::Language::kZh;
}

std::string Params::Match(std::size_t n) const {
  return req_.matches.size() > n ? req_.matches[n] : std::string();
}

Result<json> ParseBody(const Request& req, const std::map<std::string, json::value_t>& fields,
                       const std::set<std::string>& optional) {
  json body;
  try {
    body = json::parse(req.body);
  } catch (const json::parse_error& error) {
    return Error(Refuse(text::kMalformedJson, error.what()));
  }
  if (!body.is_object()) return Error(Refuse(text::kBodyNotObject));
  for (const auto& [key, value] : body.items()) {
    const auto it = fields.find(key);
    if (it == fields.end()) {
      return Error(Refuse(text::kUnknownField, key));
    }
    if (value.type() != it->second) {
      return Error(Refuse(text::kFieldType, key, json(it->second).type_name()));
    }
  }
  for (const auto& [key, type] : fields) {
    if (!body.contains(key) && optional.count(key) == 0) {
      return Error(Refuse(text::kMissingField, key));
    }
  }
  return body;
}

std::string CookieToken(const Request& req) {
  const std::string cookies = req.Header("Cookie");
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

void SendError(Response& res, int http_status, std::string_view code, std::string_view message) {
  res.status = http_status;
  // A message may quote what the client sent: bytes that are not UTF-8 become U+FFFD.
  res.SetContent(json{{"code", code}, {"message", message}}.dump(-1, ' ', false,
                                                                 json::error_handler_t::replace),
                 "application/json");
}

void SendStatus(Response& res, const Status& status, core::Language language) {
  const int http = HttpStatusOf(status.code());
  if (http == 500) spdlog::error("internal error: {}", status.ToString());
  SendError(res, http, Status::CodeName(status.code()),
            http == 500 ? "internal error; see the server log" : status.message(language));
}

void SendJson(Response& res, const std::string& body, int http_status) {
  res.status = http_status;
  res.SetContent(body, kJson);
}

}  // namespace clusterscope::http
