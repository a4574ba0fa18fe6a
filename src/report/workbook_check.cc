// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "workbook_check.h"

#include <array>
#include <cstddef>
#include <memory>
#include <string_view>

#include <expat.h>
#include <fmt/format.h>
#include <zip.h>

namespace clusterscope::report {
namespace {

Status Incomplete(std::string_view part) {
  return Status::Unavailable(fmt::format(
      "the workbook came out incomplete ({}): is the temporary folder's disk full?", part));
}

// True when the part streams through expat to a complete document.
bool WellFormed(zip_t* zip, zip_uint64_t index) {
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen_index(zip, index, 0),
                                                         &zip_fclose);
  std::unique_ptr<XML_ParserStruct, void (*)(XML_Parser)> parser(XML_ParserCreate(nullptr),
                                                                 &XML_ParserFree);
  if (!file || !parser) return false;
  std::array<char, std::size_t{64} * 1024> buffer{};
  for (;;) {
    const zip_int64_t n = zip_fread(file.get(), buffer.data(), buffer.size());
    if (n < 0) return false;
    if (XML_Parse(parser.get(), buffer.data(), static_cast<int>(n), n == 0) != XML_STATUS_OK) {
      return false;
    }
    if (n == 0) return true;
  }
}

}  // namespace

Status CheckWorkbookComplete(const std::string& path) {
  int error = 0;
  std::unique_ptr<zip_t, void (*)(zip_t*)> zip(zip_open(path.c_str(), ZIP_RDONLY, &error),
                                               &zip_discard);
  if (!zip) return Incomplete("not a zip file");
  const zip_int64_t entries = zip_get_num_entries(zip.get(), 0);
  for (zip_int64_t i = 0; i < entries; ++i) {
    const auto index = static_cast<zip_uint64_t>(i);
    const char* entry = zip_get_name(zip.get(), index, 0);
    if (entry == nullptr) return Incomplete("an entry without a name");
    const std::string_view name = entry;
    if ((name.ends_with(".xml") || name.ends_with(".rels")) && !WellFormed(zip.get(), index)) {
      return Incomplete(name);
    }
  }
  return Status::Ok();
}

}  // namespace clusterscope::report
