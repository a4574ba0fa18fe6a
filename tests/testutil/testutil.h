// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Shared test helpers: Status assertions, a temporary directory, valid credit codes, CSV
// writing, and the shipped Fuling system loaded once.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "clusterscope/app/database.h"
#include "clusterscope/app/service.h"
#include "clusterscope/core/status.h"
#include "clusterscope/model/cluster_system.h"
#include "clusterscope/model/import_report.h"
#include "clusterscope/storage/store.h"

// Streamable: ASSERT_OK(x) << "context";
#define ASSERT_OK(expr) ASSERT_PRED_FORMAT1(::testutil::IsOk, expr)
#define EXPECT_OK(expr) EXPECT_PRED_FORMAT1(::testutil::IsOk, expr)

namespace testutil {

inline clusterscope::Status AsStatus(const clusterscope::Status& status) { return status; }
template <typename T>
clusterscope::Status AsStatus(const clusterscope::Result<T>& result) {
  return result ? clusterscope::Status::Ok() : result.error();
}
template <typename T>
::testing::AssertionResult IsOk(const char* text, const T& value) {
  const clusterscope::Status status = AsStatus(value);
  if (status.ok()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << text << " is " << status.ToString();
}

// A fresh directory under the system's temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string Path(const std::string& name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// The n-th valid credit code of a Fuling enterprise (deterministic, distinct for distinct n).
std::string CreditCode(int n);

// Writes `text` to `path` as bytes.
void WriteFile(const std::string& path, const std::string& text);
std::string ReadFile(const std::string& path);
// A workbook of raw parts, as an attacker would write one: one sheet "s" whose sheetData is
// `sheet_data`, and shared strings `strings` (none when empty). Fails the test if it cannot.
void WriteRawWorkbook(const std::string& path, const std::string& sheet_data,
                      const std::string& strings = "");

// The shipped systems/fuling-2349.toml, loaded once.
const clusterscope::model::ClusterSystem& FulingSystem();
// Path of the shipped systems directory.
std::string SystemsDir();
// A SQLite store at `path` (":memory:" works) holding the shipped Fuling system.
clusterscope::Result<std::unique_ptr<clusterscope::storage::Store>> OpenFulingStore(
    const std::string& path);

// An opened database and the command line's caller on it (an admin recorded as `actor`), for
// tests that call the application services.
struct App {
  std::unique_ptr<clusterscope::app::Database> db;
  clusterscope::app::Caller caller;

  template <typename ServiceT>
  ServiceT Service() const {
    return ServiceT(*db, caller);
  }
  // app::ImportService::Import.
  clusterscope::Result<clusterscope::model::ImportReport> Import(
      std::string_view kind, const std::string& path,
      clusterscope::model::ImportOptions options = {}) const;
};
clusterscope::Result<App> OpenApp(const std::string& db_path, const std::string& actor = "t");

// An environment variable that ctest sets (tests/CMakeLists.txt); a test failure if it is not.
std::string RequiredEnv(const char* name);

}  // namespace testutil
