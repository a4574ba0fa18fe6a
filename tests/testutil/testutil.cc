// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "testutil.h"

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <unistd.h>
#include <zip.h>

#include "clusterscope/app/config.h"
#include "clusterscope/app/import_service.h"
#include "clusterscope/core/credit_code.h"

namespace testutil {

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  path_ = std::filesystem::temp_directory_path() /
          fmt::format("clusterscope-test-{}-{}", ::getpid(), counter++);
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string CreditCode(int n) {
  // 9 = registered by industry and commerce, 1 = enterprise, 500102 = Fuling.
  auto code = clusterscope::core::CompleteCreditCode(fmt::format("91500102{:08d}", n));
  EXPECT_TRUE(code.has_value());
  return code.value_or("");
}

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string SystemsDir() { return RequiredEnv("CLUSTERSCOPE_TEST_SYSTEMS_DIR"); }

std::string RequiredEnv(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr) {
    ADD_FAILURE() << name << " is not set; run the tests through ctest";
    return "";
  }
  return value;
}

const clusterscope::model::ClusterSystem& FulingSystem() {
  static const clusterscope::model::ClusterSystem system = [] {
    auto loaded = clusterscope::app::LoadSystemFile(SystemsDir() + "/fuling-2349.toml");
    if (!loaded) {
      ADD_FAILURE() << loaded.error().ToString();
      return clusterscope::model::ClusterSystem{};
    }
    return *loaded;
  }();
  return system;
}

}  // namespace testutil

namespace testutil {

clusterscope::Result<std::unique_ptr<clusterscope::storage::Store>> OpenFulingStore(
    const std::string& path) {
  auto store = clusterscope::storage::OpenSqliteStore(path);
  if (!store) return store;
  auto tx = (*store)->Begin("tester");
  if (!tx) return clusterscope::Error(tx.error());
  CLUSTERSCOPE_RETURN_IF_ERROR((*tx)->ReplaceSystem(FulingSystem()));
  CLUSTERSCOPE_RETURN_IF_ERROR((*tx)->Commit());
  return store;
}

clusterscope::Result<clusterscope::model::ImportReport> App::Import(
    std::string_view kind, const std::string& path,
    clusterscope::model::ImportOptions options) const {
  return Service<clusterscope::app::ImportService>().Import(kind, path, std::move(options));
}

clusterscope::Result<App> OpenApp(const std::string& db_path, const std::string& actor) {
  auto db = clusterscope::app::Database::Open(db_path);
  if (!db) return clusterscope::Error(db.error());
  return App{std::move(*db), clusterscope::app::Caller::CommandLine(actor)};
}

void WriteRawWorkbook(const std::string& path, const std::string& sheet_data,
                      const std::string& strings) {
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  ASSERT_NE(zip, nullptr);
  std::vector<std::pair<std::string, std::string>> parts = {
      {"xl/workbook.xml",
       R"(<workbook xmlns:r="r"><sheets><sheet name="s" r:id="rId1"/></sheets></workbook>)"},
      {"xl/_rels/workbook.xml.rels",
       R"(<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/>)"
       R"(</Relationships>)"},
      {"xl/worksheets/sheet1.xml",
       "<worksheet><sheetData>" + sheet_data + "</sheetData></worksheet>"}};
  if (!strings.empty()) parts.emplace_back("xl/sharedStrings.xml", "<sst>" + strings + "</sst>");
  // zip_close reads the buffers: they live until then.
  for (const auto& [name, content] : parts) {
    zip_source_t* source = zip_source_buffer(zip, content.data(), content.size(), 0);
    ASSERT_GE(zip_file_add(zip, name.c_str(), source, ZIP_FL_OVERWRITE), 0);
  }
  ASSERT_EQ(zip_close(zip), 0);
}

}  // namespace testutil
