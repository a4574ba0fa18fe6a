// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Status is the one error model of ClusterScope: a code and a message, cheap to test with ok().
// Result<T> is a value or a Status. Every fallible function in a public header returns one of
// the two; exceptions never cross a module boundary. Both are plain values, safe to copy.
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include <tl/expected.hpp>

#include "clusterscope/core/message.h"

namespace clusterscope {

class [[nodiscard]] Status {
 public:
  // Append-only: front ends map these to exit codes and HTTP statuses by value.
  enum class Code {
    kOk = 0,
    kInvalidArgument = 1,
    kNotFound = 2,
    kAlreadyExists = 3,
    kDataLoss = 4,
    kUnavailable = 5,
    kInternal = 6,
    kUnauthenticated = 7,   // no valid session or credentials
    kPermissionDenied = 8,  // the user's role may not do this
  };

  Status() = default;
  // Lets CLUSTERSCOPE_RETURN_IF_ERROR return Error(s) from functions returning Status.
  Status(tl::unexpected<Status> error) : Status(std::move(error.value())) {}  // NOLINT(implicit)
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string message) {
    return Status(Code::kInvalidArgument, std::move(message));
  }
  static Status NotFound(std::string message) {
    return Status(Code::kNotFound, std::move(message));
  }
  static Status AlreadyExists(std::string message) {
    return Status(Code::kAlreadyExists, std::move(message));
  }
  static Status DataLoss(std::string message) {
    return Status(Code::kDataLoss, std::move(message));
  }
  static Status Unavailable(std::string message) {
    return Status(Code::kUnavailable, std::move(message));
  }
  static Status Internal(std::string message) {
    return Status(Code::kInternal, std::move(message));
  }
  static Status Unauthenticated(std::string message) {
    return Status(Code::kUnauthenticated, std::move(message));
  }
  static Status PermissionDenied(std::string message) {
    return Status(Code::kPermissionDenied, std::move(message));
  }
  // A status whose message a person may read in either language (text/errors.h): message()
  // is the English, message(language) the reader's.
  static Status Of(Code code, core::Text message) {
    Status status(code, std::move(message.en));
    status.message_zh_ = std::move(message.zh);
    return status;
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::string& message(core::Language language) const {
    return language == core::Language::kZh && !message_zh_.empty() ? message_zh_ : message_;
  }

  // "InvalidArgument", "NotFound", ...: the names used in JSON error bodies.
  static std::string_view CodeName(Code code);
  // "InvalidArgument: message", or "OK".
  std::string ToString() const;

  // A copy whose message is prefixed with `context: `.
  Status WithContext(std::string_view context) const;
  // A copy with every `from` in its messages replaced by `to` (a private file's path by the
  // name the user knows).
  Status Replaced(std::string_view from, std::string_view to) const;

 private:
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  Code code_ = Code::kOk;
  std::string message_;
  std::string message_zh_;  // empty: the English serves both
};

// A value or a Status; [[nodiscard]] like Status, so that no failure goes unnoticed. A thin
// class over tl::expected (the same members), ready for std::expected.
template <typename T>
class [[nodiscard]] Result : public tl::expected<T, Status> {
 public:
  using Base = tl::expected<T, Status>;
  using Base::Base;
  Result(const Base& other) : Base(other) {}        // NOLINT(google-explicit-constructor)
  Result(Base&& other) : Base(std::move(other)) {}  // NOLINT(google-explicit-constructor)
};

// The error side of a Result, for `return Error(status);` in functions returning Result<T>.
inline tl::unexpected<Status> Error(Status status) {
  return tl::unexpected<Status>(std::move(status));
}

}  // namespace clusterscope

// Propagates a non-OK Status to the caller, which may return Status or any Result<T>. The
// variable is named per use so that nested uses (inside a lambda argument) do not shadow. (`var`
// is a name being declared: it cannot take the parentheses clang-tidy asks for.)
// NOLINTBEGIN(bugprone-macro-parentheses)
#define CLUSTERSCOPE_RETURN_IF_ERROR(expr) \
  CLUSTERSCOPE_RETURN_IF_ERROR_IMPL_(CLUSTERSCOPE_CONCAT_(cs_status_, __COUNTER__), expr)
#define CLUSTERSCOPE_RETURN_IF_ERROR_IMPL_(var, expr)            \
  do {                                                           \
    ::clusterscope::Status var = (expr);                         \
    if (!var.ok()) return ::clusterscope::Error(std::move(var)); \
  } while (false)
#define CLUSTERSCOPE_CONCAT_(a, b) CLUSTERSCOPE_CONCAT_INNER_(a, b)
#define CLUSTERSCOPE_CONCAT_INNER_(a, b) a##b
// NOLINTEND(bugprone-macro-parentheses)
