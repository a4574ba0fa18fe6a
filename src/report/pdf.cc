// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// LibreOffice is started as a child process with posix_spawn (libc's API; no process library is
// in Debian's C++ packages short of Boost.Process): arguments passed as a vector, no shell.
#include "clusterscope/report/pdf.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string_view>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;  // NOLINT: POSIX declares it nowhere else

namespace clusterscope::report {
namespace {

namespace fs = std::filesystem;

// The first `soffice` (or `libreoffice`) on the PATH.
std::optional<fs::path> FindOffice() {
  const char* path = std::getenv("PATH");
  const std::string dirs = path != nullptr ? path : "/usr/bin:/bin";
  for (const char* name : {"soffice", "libreoffice"}) {
    std::size_t start = 0;
    while (start <= dirs.size()) {
      const std::size_t end = std::min(dirs.find(':', start), dirs.size());
      const fs::path candidate = fs::path(dirs.substr(start, end - start)) / name;
      if (!candidate.parent_path().empty() && ::access(candidate.c_str(), X_OK) == 0) {
        return candidate;
      }
      start = end + 1;
    }
  }
  return std::nullopt;
}

// A private temporary directory, removed with everything in it when dropped.
class TempDir {
 public:
  static Result<TempDir> Make() {
    std::error_code error;
    const fs::path base = fs::temp_directory_path(error);
    if (error) return Error(Status::Unavailable("no directory for temporary files"));
    std::string pattern = (base / "clusterscope-pdf-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
      return Error(Status::Unavailable("cannot create a temporary directory for the PDF"));
    }
    return TempDir(pattern);
  }
  TempDir(TempDir&& other) noexcept : path_(std::exchange(other.path_, {})) {}
  TempDir& operator=(TempDir&&) = delete;
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ignored;
    if (!path_.empty()) fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }

 private:
  explicit TempDir(fs::path path) : path_(std::move(path)) {}
  fs::path path_;
};

// Fontconfig's configuration for the conversion: the machine's own, and Debian's Noto CJK in
// place of each official font the machine lacks ("accept": taken only when the font is absent).
constexpr std::string_view kFontsConf = R"(<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>方正小标宋简体</family><accept><family>Noto Serif CJK SC</family></accept></alias>
  <alias binding="same"><family>仿宋_GB2312</family><accept><family>仿宋</family><family>Noto Serif CJK SC</family></accept></alias>
  <alias binding="same"><family>仿宋</family><accept><family>Noto Serif CJK SC</family></accept></alias>
  <alias binding="same"><family>宋体</family><accept><family>Noto Serif CJK SC</family></accept></alias>
  <alias binding="same"><family>楷体_GB2312</family><accept><family>楷体</family><family>Noto Serif CJK SC</family></accept></alias>
  <alias binding="same"><family>楷体</family><accept><family>Noto Serif CJK SC</family></accept></alias>
  <alias binding="same"><family>黑体</family><accept><family>Noto Sans CJK SC</family></accept></alias>
</fontconfig>
)";

// The environment of this process with FONTCONFIG_FILE set to `fonts_conf`.
std::vector<std::string> ChildEnvironment(const fs::path& fonts_conf) {
  std::vector<std::string> out;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    if (!std::string_view(*entry).starts_with("FONTCONFIG_FILE=")) out.emplace_back(*entry);
  }
  out.push_back("FONTCONFIG_FILE=" + fonts_conf.string());
  return out;
}

}  // namespace

std::optional<std::string> PdfConverter() {
  const auto office = FindOffice();
  return office ? std::optional<std::string>(office->string()) : std::nullopt;
}

Result<std::string> PdfFromDocx(const std::string& docx, std::chrono::seconds limit) {
  const auto office = FindOffice();
  if (!office) {
    return Error(Status::Unavailable(
        "writing PDF needs LibreOffice: install it with 'apt install libreoffice-writer-nogui "
        "fonts-noto-cjk' (or ask for --format docx)"));
  }
  auto dir = TempDir::Make();
  if (!dir) return Error(dir.error());
  const fs::path input = dir->path() / "report.docx";
  {
    std::ofstream out(input, std::ios::binary);
    out.write(docx.data(), static_cast<std::streamsize>(docx.size()));
    if (!out) return Error(Status::Unavailable("cannot write the document for conversion"));
  }
  const fs::path fonts_conf = dir->path() / "fonts.conf";
  {
    std::ofstream out(fonts_conf, std::ios::binary);
    out << kFontsConf;
    if (!out) return Error(Status::Unavailable("cannot write the document for conversion"));
  }
  std::vector<std::string> environment = ChildEnvironment(fonts_conf);
  std::vector<char*> envp;
  for (auto& entry : environment) envp.push_back(entry.data());
  envp.push_back(nullptr);
  std::vector<std::string> args = {
      office->string(),
      fmt::format("-env:UserInstallation=file://{}", (dir->path() / "profile").string()),
      "--headless",
      "--norestore",
      "--convert-to",
      "pdf:writer_pdf_Export",
      "--outdir",
      dir->path().string(),
      input.string()};
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  // LibreOffice's chatter goes nowhere: the answer is the file or an error of ours.
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);  // its own group, to stop all
  posix_spawnattr_setpgroup(&attributes, 0);
  pid_t child = 0;
  const int spawned = posix_spawn(&child, argv[0], &actions, &attributes, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (spawned != 0) {
    return Error(
        Status::Unavailable(fmt::format("cannot start LibreOffice ({})", office->string())));
  }
  const auto deadline = std::chrono::steady_clock::now() + limit;
  int status = 0;
  while (true) {
    const pid_t done = ::waitpid(child, &status, WNOHANG);
    if (done == child) break;
    if (done < 0 && errno != EINTR) return Error(Status::Internal("lost the LibreOffice process"));
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(-child, SIGKILL);
      ::waitpid(child, &status, 0);
      return Error(Status::Internal(fmt::format(
          "LibreOffice took longer than {} s to write the PDF and was stopped", limit.count())));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  const fs::path output = dir->path() / "report.pdf";
  std::ifstream in(output, std::ios::binary);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !in) {
    return Error(Status::Internal("LibreOffice could not convert the document to PDF"));
  }
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace clusterscope::report
