// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "private_dir.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <mutex>

#include <fcntl.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <stdlib.h>  // NOLINT(modernize-deprecated-headers): mkdtemp, mkstemps are POSIX
#include <unistd.h>

namespace clusterscope::http {
namespace {

std::mutex dir_mutex;
std::string dir_path;  // guarded by dir_mutex; empty until the first upload

Result<std::string> Dir() {
  const std::lock_guard lock(dir_mutex);
  if (!dir_path.empty()) return dir_path;
  std::error_code error;
  std::string pattern =
      (std::filesystem::temp_directory_path(error) / "clusterscope-XXXXXX").string();
  if (error || ::mkdtemp(pattern.data()) == nullptr) {  // mkdtemp makes it 0700
    spdlog::error("cannot make a private temporary folder: {}", std::strerror(errno));
    return Error(Status::Unavailable("the server cannot keep the upload (no temporary folder)"));
  }
  dir_path = std::move(pattern);
  return dir_path;
}

}  // namespace

PrivateFile::~PrivateFile() {
  if (!path_.empty()) ::unlink(path_.c_str());
}

Status PrivateFile::Write(std::string_view extension, std::string_view content) {
  auto dir = Dir();
  if (!dir) return dir.error();
  std::string path = fmt::format("{}/upload-XXXXXX{}", *dir, extension);
  const int fd = ::mkstemps(path.data(), static_cast<int>(extension.size()));  // 0600
  if (fd < 0) {
    spdlog::error("cannot make a private file: {}", std::strerror(errno));
    return Status::Unavailable("the server cannot keep the upload");
  }
  path_ = std::move(path);
  for (std::size_t at = 0; at < content.size();) {
    const ssize_t n = ::write(fd, content.data() + at, content.size() - at);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      spdlog::error("cannot write an upload's copy: {}", std::strerror(errno));
      ::close(fd);
      ::unlink(path_.c_str());
      path_.clear();
      return Status::Unavailable("the server's disk is full: the upload could not be kept");
    }
    at += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) {
    ::unlink(path_.c_str());
    path_.clear();
    return Status::Unavailable("the server's disk is full: the upload could not be kept");
  }
  return Status::Ok();
}

void RemovePrivateDir() {
  const std::lock_guard lock(dir_mutex);
  if (dir_path.empty()) return;
  std::error_code ignored;
  std::filesystem::remove_all(dir_path, ignored);
  dir_path.clear();
}

}  // namespace clusterscope::http
