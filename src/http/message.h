// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// A request and a response as the routes see them, apart from the server library: the listener
// (listener.cc) fills a Request from the wire and writes the Response back. The query string and
// a multipart form are decoded here (message.cc), bounded and checked, since Boost.Beast reads the
// HTTP message but not what is inside it. Private to http.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clusterscope/core/status.h"

namespace clusterscope::http {

// One file of a multipart/form-data body.
struct FormFile {
  std::string filename;
  std::string content_type;
  std::string content;
};

struct Request {
  std::string method;                                        // "GET", "POST", ...
  std::string path;                                          // percent-decoded, without the query
  std::vector<std::pair<std::string, std::string>> params;   // the decoded query, in order
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string body;
  std::string peer;                // the address the connection comes from
  std::string remote_addr;         // the client's: `peer`, or X-Forwarded-For from a trusted proxy
  bool via_trusted_proxy = false;  // `peer` is a trusted proxy
  std::vector<std::string> matches;  // the route pattern's captures, [0] the whole path

  bool HasParam(std::string_view name) const;
  // The first value of a query parameter, or empty.
  std::string Param(std::string_view name) const;
  // A header's value (name in any case), or empty.
  std::string Header(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  // Sets a header, replacing one of the same name.
  void SetHeader(std::string_view name, std::string value);
  std::string Header(std::string_view name) const;
  void SetContent(std::string content, std::string_view content_type);
};

// What a request may hold, past which it is refused (400) before anything is kept.
constexpr std::size_t kMaxParams = 64;
constexpr std::size_t kMaxFormParts = 16;

// Splits a request target ("/path?a=1&b=2") into its decoded path and parameters.
// InvalidArgument for a bad percent escape, a NUL, a path that is not absolute, or more than
// kMaxParams parameters.
Status ParseTarget(std::string_view target, Request& request);

// The files of a multipart/form-data body, by field name (fields without a file name are
// skipped). InvalidArgument when the content type has no boundary, the body does not follow it,
// or it has more than kMaxFormParts parts.
Result<std::map<std::string, FormFile>> ParseMultipart(std::string_view content_type,
                                                       std::string_view body);

// Percent-decoding (with '+' as a space when `plus_is_space`); InvalidArgument for a bad escape
// or a NUL.
Result<std::string> PercentDecode(std::string_view text, bool plus_is_space);

}  // namespace clusterscope::http
