// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Reading a whole configuration or reference file into memory. Private to app.
#pragma once

#include <cstdint>
#include <string>

#include "clusterscope/core/status.h"

namespace clusterscope::app {

// Configuration files are small: past this a file is refused rather than read (a `parent = ...`
// naming /dev/zero or a database would otherwise be read whole).
constexpr std::uintmax_t kMaxConfigFileBytes = std::uintmax_t{16} << 20;

// The file's bytes. NotFound "path: cannot open the file"; InvalidArgument when it is not a
// regular file or is larger than kMaxConfigFileBytes.
Result<std::string> ReadWholeFile(const std::string& path);

}  // namespace clusterscope::app
