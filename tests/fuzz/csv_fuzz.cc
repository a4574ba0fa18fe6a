// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The CSV reader on any bytes: fed whole (ParseCsv) and in chunks of the sizes the input's first
// byte picks (CsvParser, as a streamed import feeds it), both must agree on the records; then as
// an import opens a file (OpenTable: byte-order mark, UTF-8 or GBK by the first byte, the header
// matched to columns, every batch read).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "fuzz_file.h"

#include "clusterscope/core/csv.h"
#include "clusterscope/ingest/table_file.h"

namespace cs = clusterscope;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t chunk = 1 + data[0] % 64;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);

  auto whole = cs::core::ParseCsv(text);

  cs::core::CsvParser parser;
  cs::core::CsvBatch batch;
  std::size_t records = 0;
  bool ok = true;
  for (std::size_t at = 0; ok && at < text.size(); at += chunk) {
    ok = parser.Feed(text.substr(at, chunk), batch).ok();
    records += batch.size;
    batch.Clear();
  }
  if (ok) {
    ok = parser.Finish(batch).ok();
    records += batch.size;
  }
  // Chunking must not change what the text means.
  if (ok != whole.has_value() || (ok && records != whole->size())) std::abort();

  static fuzz::InputFile file(".csv");
  const auto encoding = data[0] & 0x80 ? cs::ingest::Encoding::kGbk : cs::ingest::Encoding::kUtf8;
  auto table = cs::ingest::OpenTable(file.Write(text), "", encoding);
  if (!table) return 0;
  static const std::vector<cs::ingest::ColumnSpec> specs = {
      {"uscc", {"统一社会信用代码"}, true}, {"name", {"企业名称"}, false}, {"period", {}, false}};
  (void)cs::ingest::MapHeader(file.path(), (*table)->header(), specs);
  for (;;) {
    if (!(*table)->Next(batch).ok() || batch.size == 0) break;
  }
  return 0;
}
