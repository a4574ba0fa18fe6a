// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The HTTP request handling on any bytes, as the listener reads them from a connection: Beast's
// parser under the server's limits, then the target (path and query), the headers a route reads,
// and a multipart form when the request declares one, as the upload route decodes it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "listener.h"
#include "message.h"

namespace cs = clusterscope;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  static const cs::http::ListenerLimits limits = [] {
    cs::http::ListenerLimits chosen;
    chosen.max_body = std::size_t{1} << 20;
    chosen.max_header = std::size_t{16} * 1024;
    chosen.body_limit = [](std::string_view method, std::string_view target) {
      return method == "POST" && target.starts_with("/api/v1/uploads/") ? std::size_t{1} << 20
                                                                        : std::size_t{64} * 1024;
    };
    return chosen;
  }();
  auto request = cs::http::ParseRequestBytes(bytes, limits);
  if (!request) return 0;
  (void)request->Param("period");
  (void)request->Header("x-forwarded-for");
  const std::string content_type = request->Header("content-type");
  if (content_type.find("multipart/form-data") != std::string::npos) {
    (void)cs::http::ParseMultipart(content_type, request->body);
  }
  (void)cs::http::PercentDecode(request->body, true);
  return 0;
}
