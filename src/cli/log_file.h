// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The server's log file: appended to, readable by its owner alone, and opened again on demand
// (SIGHUP), so that logrotate can move it away and the server goes on in a new file without
// losing a line or a request.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include <spdlog/details/file_helper.h>
#include <spdlog/sinks/base_sink.h>

namespace clusterscope::cli {

class ReopenableFileSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  // Throws spdlog::spdlog_ex when the file cannot be opened.
  explicit ReopenableFileSink(const std::string& path);
  // Closes the file and opens its path again (a new file when the old one was moved away).
  void Reopen();

 protected:
  void sink_it_(const spdlog::details::log_msg& message) override;
  void flush_() override;

 private:
  std::string path_;
  spdlog::details::file_helper file_;
};

}  // namespace clusterscope::cli
