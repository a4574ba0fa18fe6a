// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "web_root.h"

#include <array>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <utility>

#include <fmt/format.h>

namespace clusterscope::http {
namespace {

namespace fs = std::filesystem;

// The kinds of file the dashboard is made of, and their types.
constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kTypes = {{
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".ico", "image/x-icon"},
    {".woff2", "font/woff2"},
    {".map", "application/json"},
}};

std::string_view TypeOf(const fs::path& file) {
  const std::string extension = file.extension().string();
  for (const auto& [known, type] : kTypes) {
    if (extension == known) return type;
  }
  return {};
}

bool Hidden(const fs::path& relative) {
  for (const auto& part : relative) {
    const std::string name = part.string();
    if (name.starts_with('.') || name == "CMakeFiles") return true;
  }
  return false;
}

}  // namespace

Result<WebRoot> WebRoot::Open(const std::string& directory) {
  std::error_code error;
  if (!fs::is_directory(directory, error)) {
    return Error(Status::NotFound(fmt::format("--web-root '{}' is not a directory", directory)));
  }
  WebRoot root;
  const fs::path base = fs::canonical(directory, error);
  for (auto it = fs::recursive_directory_iterator(base, error);
       !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    const fs::path relative = it->path().lexically_relative(base);
    // Symbolic links are not followed: a file listed is a file inside the root.
    if (!it->is_regular_file(error) || it->is_symlink(error) || Hidden(relative)) continue;
    const std::string_view type = TypeOf(it->path());
    if (type.empty()) continue;
    root.files_["/" + relative.generic_string()] = File{it->path().string(), std::string(type)};
  }
  if (error) {
    return Error(
        Status::Unavailable(fmt::format("--web-root '{}': {}", directory, error.message())));
  }
  return root;
}

bool WebRoot::Serve(const Request& request, Response& response) const {
  if (request.method != "GET" && request.method != "HEAD") return false;
  const auto it = files_.find(request.path == "/" ? std::string_view("/index.html")
                                                  : std::string_view(request.path));
  if (it == files_.end()) return false;
  std::ifstream in(it->second.path, std::ios::binary);
  if (!in) return false;  // gone since the start
  response.SetContent(std::string(std::istreambuf_iterator<char>(in), {}), it->second.content_type);
  return true;
}

}  // namespace clusterscope::http
