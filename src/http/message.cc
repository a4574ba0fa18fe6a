// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Hand-written because Boost.Beast reads HTTP messages but not query strings or multipart forms
// (Boost.URL came after Debian 12's Boost 1.74). Every loop is bounded by the input, which the
// listener has already bounded; the fuzzer (tests/fuzz/http_request_fuzz.cc) runs them.
#include "message.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

namespace clusterscope::http {
namespace {

bool SameName(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Status Malformed(std::string_view what) {
  return Status::InvalidArgument(fmt::format("malformed request: {}", what));
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// The value of `name` in a header's parameters ("form-data; name=\"file\""), unquoted, or
// empty.
std::string ParameterOf(std::string_view header, std::string_view name) {
  for (std::size_t at = header.find(';'); at != std::string_view::npos;) {
    const auto end = header.find(';', at + 1);
    std::string_view part = Trim(header.substr(
        at + 1, end == std::string_view::npos ? std::string_view::npos : end - at - 1));
    const auto equals = part.find('=');
    if (equals != std::string_view::npos && SameName(Trim(part.substr(0, equals)), name)) {
      std::string_view value = Trim(part.substr(equals + 1));
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        value = value.substr(1, value.size() - 2);
      }
      return std::string(value);
    }
    at = end;
  }
  return {};
}

// One part's headers and content, from just after its delimiter line.
Status ReadPart(std::string_view part, std::map<std::string, FormFile>& files) {
  const auto headers_end = part.find("\r\n\r\n");
  if (headers_end == std::string_view::npos) return Malformed("a form part without headers");
  std::string disposition;
  std::string content_type;
  for (std::size_t at = 0; at < headers_end;) {
    const auto end = std::min(part.find("\r\n", at), headers_end);
    const std::string_view line = part.substr(at, end - at);
    const auto colon = line.find(':');
    if (colon != std::string_view::npos) {
      const std::string_view name = Trim(line.substr(0, colon));
      if (SameName(name, "content-disposition")) disposition = Trim(line.substr(colon + 1));
      if (SameName(name, "content-type")) content_type = Trim(line.substr(colon + 1));
    }
    at = end + 2;
  }
  const std::string name = ParameterOf(disposition, "name");
  const std::string filename = ParameterOf(disposition, "filename");
  if (name.empty() || filename.empty()) return Status::Ok();  // a plain field: not used
  // Only the base name of what the client says its file was called.
  const auto slash = filename.find_last_of("/\\");
  files[name] = FormFile{slash == std::string::npos ? filename : filename.substr(slash + 1),
                         content_type, std::string(part.substr(headers_end + 4))};
  return Status::Ok();
}

}  // namespace

bool Request::HasParam(std::string_view name) const {
  return std::any_of(params.begin(), params.end(),
                     [&](const auto& param) { return param.first == name; });
}

std::string Request::Param(std::string_view name) const {
  for (const auto& [key, value] : params) {
    if (key == name) return value;
  }
  return {};
}

std::string Request::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (SameName(key, name)) return value;
  }
  return {};
}

void Response::SetHeader(std::string_view name, std::string value) {
  for (auto& [key, kept] : headers) {
    if (SameName(key, name)) {
      kept = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::string(name), std::move(value));
}

std::string Response::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (SameName(key, name)) return value;
  }
  return {};
}

void Response::SetContent(std::string content, std::string_view content_type) {
  body = std::move(content);
  SetHeader("Content-Type", std::string(content_type));
}

Result<std::string> PercentDecode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size(); ++at) {
    char c = text[at];
    if (c == '%') {
      if (at + 2 >= text.size()) return Error(Malformed("a bad % escape"));
      const int high = HexValue(text[at + 1]);
      const int low = HexValue(text[at + 2]);
      if (high < 0 || low < 0) return Error(Malformed("a bad % escape"));
      c = static_cast<char>(high * 16 + low);
      at += 2;
    } else if (c == '+' && plus_is_space) {
      c = ' ';
    }
    if (c == '\0') return Error(Malformed("a NUL character"));
    out += c;
  }
  return out;
}

Status ParseTarget(std::string_view target, Request& request) {
  const auto question = target.find('?');
  auto path = PercentDecode(target.substr(0, question), false);
  if (!path) return path.error();
  if (path->empty() || path->front() != '/') return Malformed("the path is not absolute");
  request.path = std::move(*path);
  request.params.clear();
  if (question == std::string_view::npos) return Status::Ok();
  const std::string_view query = target.substr(question + 1);
  for (std::size_t at = 0; at <= query.size();) {
    const auto end = std::min(query.find('&', at), query.size());
    const std::string_view pair = query.substr(at, end - at);
    at = end + 1;
    if (pair.empty()) continue;
    if (request.params.size() == kMaxParams) {
      return Malformed(fmt::format("more than {} query parameters", kMaxParams));
    }
    const auto equals = pair.find('=');
    auto name = PercentDecode(pair.substr(0, equals), true);
    if (!name) return name.error();
    auto value = PercentDecode(
        equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1), true);
    if (!value) return value.error();
    request.params.emplace_back(std::move(*name), std::move(*value));
  }
  return Status::Ok();
}

Result<std::map<std::string, FormFile>> ParseMultipart(std::string_view content_type,
                                                       std::string_view body) {
  const std::string boundary = ParameterOf(content_type, "boundary");
  if (boundary.empty() || boundary.size() > 200) {
    return Error(Malformed("a multipart body without a boundary"));
  }
  const std::string delimiter = "--" + boundary;
  std::size_t at = body.find(delimiter);
  if (at == std::string_view::npos)
    return Error(Malformed("the form does not follow its boundary"));
  std::map<std::string, FormFile> files;
  for (std::size_t parts = 0;; ++parts) {
    at += delimiter.size();
    if (body.substr(at, 2) == "--") return files;  // the closing delimiter
    if (body.substr(at, 2) != "\r\n") return Error(Malformed("a form delimiter without CRLF"));
    at += 2;
    if (parts == kMaxFormParts) {
      return Error(Malformed(fmt::format("more than {} form parts", kMaxFormParts)));
    }
    const auto next = body.find("\r\n" + delimiter, at);
    if (next == std::string_view::npos) return Error(Malformed("a form part that does not end"));
    CLUSTERSCOPE_RETURN_IF_ERROR(ReadPart(body.substr(at, next - at), files));
    at = next + 2;
  }
}

}  // namespace clusterscope::http
