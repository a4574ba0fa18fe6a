// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "read_file.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

#include <fmt/format.h>

namespace clusterscope::app {

Result<std::string> ReadWholeFile(const std::string& path) {
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (error || !std::filesystem::exists(status)) {
    return Error(Status::NotFound(fmt::format("{}: cannot open the file", path)));
  }
  if (!std::filesystem::is_regular_file(status)) {
    return Error(Status::InvalidArgument(fmt::format("{}: not a regular file", path)));
  }
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  if (error) return Error(Status::NotFound(fmt::format("{}: cannot open the file", path)));
  if (size > kMaxConfigFileBytes) {
    return Error(Status::InvalidArgument(
        fmt::format("{}: larger than {} MiB, too large for a configuration file", path,
                    kMaxConfigFileBytes >> 20)));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(Status::NotFound(fmt::format("{}: cannot open the file", path)));
  std::string text(static_cast<std::size_t>(size), '\0');
  in.read(text.data(), static_cast<std::streamsize>(size));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return text;
}

}  // namespace clusterscope::app
