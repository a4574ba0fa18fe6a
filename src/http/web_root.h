// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The dashboard's files, and only those: the web root is listed once at start (an allowlist of
// the dashboard's kinds of file, no hidden files, no build files such as cmake_install.cmake),
// and a request names one of the listed files exactly or gets a 404. Private to http.
#pragma once

#include <map>
#include <string>

#include "message.h"

#include "clusterscope/core/status.h"

namespace clusterscope::http {

class WebRoot {
 public:
  WebRoot() = default;
  // NotFound when `directory` is not one.
  static Result<WebRoot> Open(const std::string& directory);

  // Answers a GET or HEAD of a listed file ("/" is index.html); false when it is not one.
  bool Serve(const Request& request, Response& response) const;
  std::size_t size() const { return files_.size(); }

 private:
  struct File {
    std::string path;  // on disk
    std::string content_type;
  };
  std::map<std::string, File, std::less<>> files_;  // by URL path
};

}  // namespace clusterscope::http
