// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The .xlsx reader on any bytes. An input that starts as a zip file ("PK") is read as the
// workbook itself (the zip layer); any other is split at lines "----" into the parts a workbook
// holds (workbook, its relations, the sheet, shared strings, styles), which are stored in a valid
// zip, so that mutations reach the XML parsers instead of failing the zip's checksums. Limits as
// an upload has them, small enough that a bomb shows as a refusal, not as memory.
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_file.h"
#include <zip.h>

#include "clusterscope/ingest/table_file.h"

namespace cs = clusterscope;

namespace {

constexpr std::array<const char*, 5> kParts = {"xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                               "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
                                               "xl/styles.xml"};

std::vector<std::string_view> SplitParts(std::string_view text) {
  std::vector<std::string_view> parts;
  constexpr std::string_view kSeparator = "\n----\n";
  while (parts.size() + 1 < kParts.size()) {
    const auto at = text.find(kSeparator);
    if (at == std::string_view::npos) break;
    parts.push_back(text.substr(0, at));
    text.remove_prefix(at + kSeparator.size());
  }
  parts.push_back(text);
  return parts;
}

// The parts as a workbook at `path`, stored uncompressed.
bool WriteWorkbook(const std::string& path, const std::vector<std::string_view>& parts) {
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (zip == nullptr) return false;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    zip_source_t* source = zip_source_buffer(zip, parts[i].data(), parts[i].size(), 0);
    const zip_int64_t index = zip_file_add(zip, kParts[i], source, ZIP_FL_OVERWRITE);
    if (index < 0) {
      zip_source_free(source);
      zip_discard(zip);
      return false;
    }
    zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  return zip_close(zip) == 0;  // reads the buffers, which live until here
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static fuzz::InputFile file(".xlsx");
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (bytes.starts_with("PK")) {
    file.Write(bytes);
  } else if (!WriteWorkbook(file.path(), SplitParts(bytes))) {
    std::abort();  // libzip writing our own parts must not fail
  }
  cs::ingest::XlsxLimits limits;
  limits.memory_budget = std::uint64_t{64} << 20;
  limits.max_part_bytes = std::uint64_t{256} << 20;
  (void)cs::ingest::ReadXlsxFile(file.path(), "", limits);
  (void)cs::ingest::ReadXlsxFile(file.path(), "Sheet2", limits);
  return 0;
}
