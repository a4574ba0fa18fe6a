// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "log_file.h"

#include <sys/stat.h>

namespace clusterscope::cli {

ReopenableFileSink::ReopenableFileSink(const std::string& path) : path_(path) {
  file_.open(path_, false);
  ::chmod(path_.c_str(), S_IRUSR | S_IWUSR);  // addresses and user names: the owner's alone
}

void ReopenableFileSink::Reopen() {
  const std::lock_guard lock(mutex_);
  file_.close();
  file_.open(path_, false);
  ::chmod(path_.c_str(), S_IRUSR | S_IWUSR);
}

void ReopenableFileSink::sink_it_(const spdlog::details::log_msg& message) {
  spdlog::memory_buf_t formatted;
  formatter_->format(message, formatted);
  file_.write(formatted);
  file_.flush();  // a line is on disk when its request is answered
}

void ReopenableFileSink::flush_() { file_.flush(); }

}  // namespace clusterscope::cli
