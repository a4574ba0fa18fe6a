// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "command.h"

#include <cstdio>
#include <filesystem>

#include <fmt/format.h>
#include <unistd.h>

#ifndef CLUSTERSCOPE_SOURCE_SYSTEMS_DIR
#define CLUSTERSCOPE_SOURCE_SYSTEMS_DIR ""
#endif

namespace clusterscope::cli {

int ExitCodeOf(const Status& status) {
  switch (status.code()) {
    case Status::Code::kOk:
      return kExitOk;
    case Status::Code::kInvalidArgument:
      return kExitInvalidArgument;
    case Status::Code::kNotFound:
      return kExitNotFound;
    case Status::Code::kAlreadyExists:
      return kExitAlreadyExists;
    case Status::Code::kDataLoss:
      return kExitDataLoss;
    case Status::Code::kUnavailable:
      return kExitUnavailable;
    case Status::Code::kInternal:
      return kExitInternal;
    case Status::Code::kUnauthenticated:
    case Status::Code::kPermissionDenied:
      return kExitPermissionDenied;
  }
  return kExitUnexpected;
}

std::string DefaultSystemFile() {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::path exe = fs::read_symlink("/proc/self/exe", error);
  const fs::path installed = exe.parent_path() / "../share/clusterscope/systems/fuling-2349.toml";
  if (!error && fs::exists(installed, error)) return installed.lexically_normal().string();
  return (fs::path(CLUSTERSCOPE_SOURCE_SYSTEMS_DIR) / "fuling-2349.toml").string();
}

void PrintProgress(std::string_view what, std::size_t done, std::size_t total) {
  static const bool kTerminal = isatty(fileno(stderr)) != 0;
  if (kTerminal) {
    const std::size_t width = 30;
    const std::size_t filled = total == 0 ? width : done * width / total;
    fmt::print(stderr, "\r{} [{}{}] {}/{}", what, std::string(filled, '#'),
               std::string(width - filled, ' '), done, total);
    if (done == total) fmt::print(stderr, "\n");
    return;
  }
  // Not a terminal: a plain line at every tenth, so logs stay readable.
  static std::size_t last_tenth = 0;
  const std::size_t tenth = total == 0 ? 10 : done * 10 / total;
  if (done == total || tenth > last_tenth) {
    fmt::print(stderr, "{}: {}/{}\n", what, done, total);
    last_tenth = done == total ? 0 : tenth;
  }
}

Result<std::optional<core::Period>> PeriodOption(const std::string& text, std::string_view option) {
  if (text.empty()) return std::optional<core::Period>();
  auto parsed = core::Period::Parse(text);
  if (!parsed) return Error(parsed.error().WithContext(std::string(option)));
  return std::optional<core::Period>(*parsed);
}

void AddDisclosureOptions(CLI::App& command, disclosure::DisclosureRules& rules,
                          const std::string& prefix) {
  command
      .add_option("--min-enterprises", rules.min_enterprises,
                  prefix + "withhold a figure with fewer enterprises contributing")
      ->default_val(rules.min_enterprises);
  command
      .add_option("--dominance", rules.dominance,
                  prefix + "withhold a figure whose two largest make more than this share")
      ->default_val(rules.dominance);
  command.add_option("--p-percent", rules.p_percent, prefix + "the p % rule's p (0: off)")
      ->default_val(rules.p_percent);
  command
      .add_option("--protection", rules.protection,
                  prefix + "each withheld figure's interval reaches this share of it, both ways")
      ->default_val(rules.protection);
}

int Fail(const Status& status) {
  fmt::print(stderr, "clusterscope: {}\n", status.message());
  return ExitCodeOf(status);
}

CLI::App* AddCommand(CLI::App& parent, const std::string& name, const std::string& description) {
  CLI::App* command = parent.add_subcommand(name, description);
  command->fallthrough();  // `clusterscope enterprise list --db x.db` reaches the global --db
  return command;
}

void AddFormatOption(CLI::App& command, std::string& format) {
  command.add_option("--format", format, "Output format")
      ->check(CLI::IsMember({"table", "json"}))
      ->default_val("table");
}

std::optional<Opened> OpenDatabase(const Context& ctx, int& exit_code) {
  auto db = app::Database::Open(ctx.global.db);
  if (!db) {
    exit_code = Fail(db.error());
    return std::nullopt;
  }
  exit_code = kExitOk;
  return Opened{std::move(*db), app::Caller::CommandLine(ctx.global.actor)};
}

Result<app::Grant> Opened::Grant(app::Subject subject, std::string_view what,
                                 std::string_view detail, app::Form wanted) const {
  return app::Access(*db, caller).Open(subject, what, detail, wanted);
}

Status CheckOut(std::string_view format, const std::string& out) {
  if ((format == "xlsx" || format == "docx" || format == "pdf") && out.empty()) {
    return Status::InvalidArgument(
        fmt::format("--format {} writes a binary file: give it --out FILE", format));
  }
  return Status::Ok();
}

int Emit(const Result<std::string>& rendered, std::string_view format, const std::string& out) {
  if (!rendered) return Fail(rendered.error());
  if (const Status checked = CheckOut(format, out); !checked.ok()) return Fail(checked);
  return PrintOrWrite(*rendered, out);
}

int PrintOrWrite(const std::string& text, const std::string& out) {
  if (out.empty()) {
    fmt::print("{}", text);
    return kExitOk;
  }
  // Written beside `out` and renamed over it: a full disk leaves the file as it was (or none),
  // never half a workbook.
  const std::string partial = fmt::format("{}.{}.partial", out, ::getpid());
  bool written = false;
  if (std::FILE* file = std::fopen(partial.c_str(), "wb")) {
    written = std::fwrite(text.data(), 1, text.size(), file) == text.size() &&
              std::fflush(file) == 0 && ::fsync(::fileno(file)) == 0;
    written = std::fclose(file) == 0 && written;
  }
  if (!written || std::rename(partial.c_str(), out.c_str()) != 0) {
    std::remove(partial.c_str());
    return Fail(
        Status::Unavailable(fmt::format("{}: cannot write the file (is the disk full?)", out)));
  }
  fmt::print("wrote {}\n", out);
  return kExitOk;
}

}  // namespace clusterscope::cli
