// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The server's private folder for the copies of uploads: made once per process with mode 0700
// under the temporary directory, each file in it made 0600 with a name no one can guess, and
// the folder removed when the server stops. Private to http.
#pragma once

#include <string>
#include <string_view>

#include "clusterscope/core/status.h"

namespace clusterscope::http {

// A file of ours in the private folder, removed when it goes out of scope.
class PrivateFile {
 public:
  PrivateFile() = default;
  ~PrivateFile();
  PrivateFile(const PrivateFile&) = delete;
  PrivateFile& operator=(const PrivateFile&) = delete;

  // Writes `content` to a new file ending in `extension` (".xlsx", so that it is read as a
  // workbook). Unavailable when it cannot be written whole (a full disk), and then nothing is
  // left behind.
  Status Write(std::string_view extension, std::string_view content);
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Removes the folder and whatever is left in it (at the server's stop).
void RemovePrivateDir();

}  // namespace clusterscope::http
