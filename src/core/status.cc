// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/core/status.h"

namespace clusterscope {

std::string_view Status::CodeName(Code code) {
  switch (code) {
    case Code::kOk:
      return "OK";
    case Code::kInvalidArgument:
      return "InvalidArgument";
    case Code::kNotFound:
      return "NotFound";
    case Code::kAlreadyExists:
      return "AlreadyExists";
    case Code::kDataLoss:
      return "DataLoss";
    case Code::kUnavailable:
      return "Unavailable";
    case Code::kInternal:
      return "Internal";
    case Code::kUnauthenticated:
      return "Unauthenticated";
    case Code::kPermissionDenied:
      return "PermissionDenied";
  }
  return "Unknown";
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string out(CodeName(code_));
  out += ": ";
  out += message_;
  return out;
}

Status Status::WithContext(std::string_view context) const {
  if (ok()) return *this;
  std::string message(context);
  message += ": ";
  message += message_;
  Status out(code_, std::move(message));
  if (!message_zh_.empty()) out.message_zh_ = std::string(context) + "：" + message_zh_;
  return out;
}

Status Status::Replaced(std::string_view from, std::string_view to) const {
  if (from.empty()) return *this;
  Status out = *this;
  for (std::string* message : {&out.message_, &out.message_zh_}) {
    for (auto at = message->find(from); at != std::string::npos;
         at = message->find(from, at + to.size())) {
      message->replace(at, from.size(), to);
    }
  }
  return out;
}

}  // namespace clusterscope
