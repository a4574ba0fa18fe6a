// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Reading a whole configuration file into memory. Private to app.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include <fmt/format.h>

#include "clusterscope/core/status.h"

namespace clusterscope::app {

// The file's bytes; NotFound "path: cannot open the file".
inline Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(Status::NotFound(fmt::format("{}: cannot open the file", path)));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace clusterscope::app
