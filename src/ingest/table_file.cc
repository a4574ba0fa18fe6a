// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/ingest/table_file.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>

#include <csv.h>
#include <fmt/format.h>
#include <iconv.h>

#include "clusterscope/core/text.h"

namespace clusterscope::ingest {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::string Lower(std::string_view text) {
  std::string out(core::Trim(text));
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// True if the bytes read as GBK double-byte text: the usual reason a CSV from Excel on a
// Chinese Windows is not UTF-8.
bool LooksLikeGbk(std::string_view bytes) {
  std::size_t pairs = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const auto lead = static_cast<unsigned char>(bytes[i]);
    if (lead < 0x80) continue;
    if (lead < 0x81 || lead > 0xFE || i + 1 >= bytes.size()) return false;
    const auto trail = static_cast<unsigned char>(bytes[i + 1]);
    if (trail < 0x40 || trail > 0xFE || trail == 0x7F) return false;
    ++pairs;
    ++i;
  }
  return pairs > 0;
}

std::size_t LineOfOffset(std::string_view text, std::size_t offset) {
  return 1 + static_cast<std::size_t>(
                 std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

}  // namespace

ColumnMap::ColumnMap(std::vector<std::optional<std::size_t>> positions,
                     std::vector<std::string> headers, std::vector<ColumnSpec> specs)
    : positions_(std::move(positions)), headers_(std::move(headers)), specs_(std::move(specs)) {}

std::optional<std::size_t> ColumnMap::Position(std::string_view name) const {
  for (std::size_t i = 0; i < specs_.size(); ++i) {
    if (specs_[i].name == name) return positions_[i];
  }
  return std::nullopt;
}

bool ColumnMap::Has(std::string_view name) const { return Position(name).has_value(); }

std::string_view ColumnMap::Cell(const core::CsvRecord& record, std::string_view name) const {
  const auto position = Position(name);
  if (!position || *position >= record.fields.size()) return {};
  return core::Trim(record.fields[*position]);
}

std::string ColumnMap::HeaderOf(std::string_view name) const {
  const auto position = Position(name);
  return position ? headers_[*position] : std::string(name);
}

namespace {

// GBK text (as GB18030, its superset) to UTF-8, with glibc's iconv.
Result<std::string> GbkToUtf8(const std::string& path, std::string_view bytes) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return Error(Status::Internal("this system's iconv cannot convert GB18030"));
  }
  std::string out(bytes.size() * 3 / 2 + 16, '\0');
  char* in_ptr = const_cast<char*>(bytes.data());  // iconv's signature, not a write
  std::size_t in_left = bytes.size();
  char* out_ptr = out.data();
  std::size_t out_left = out.size();
  while (in_left > 0) {
    if (iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left) != static_cast<std::size_t>(-1)) {
      continue;
    }
    if (errno == E2BIG) {
      const std::size_t used = out.size() - out_left;
      out.resize(out.size() * 2);
      out_ptr = out.data() + used;
      out_left = out.size() - used;
      continue;
    }
    const std::size_t offset = bytes.size() - in_left;
    iconv_close(cd);
    return Error(
        Status::InvalidArgument(fmt::format("{}:{}: not GBK text either (byte {} of the file)",
                                            path, LineOfOffset(bytes, offset), offset + 1)));
  }
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

}  // namespace

Result<CsvTable> ReadCsvFile(const std::string& path, Encoding encoding) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Error(Status::NotFound(fmt::format("{}: cannot open the file", path)));
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Error(Status::Unavailable(fmt::format("{}: read error", path)));
  std::string bytes = std::move(buffer).str();
  if (encoding == Encoding::kGbk) {
    auto converted = GbkToUtf8(path, bytes);
    if (!converted) return Error(converted.error());
    bytes = std::move(*converted);
  }
  std::string_view text(bytes);
  if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) text.remove_prefix(kUtf8Bom.size());

  if (core::Trim(text).empty()) {
    return Error(Status::InvalidArgument(
        fmt::format("{}: the file is empty; expected a header row and data rows", path)));
  }
  if (const auto bad = core::FindInvalidUtf8(text)) {
    const std::size_t line = LineOfOffset(text, *bad);
    if (LooksLikeGbk(text)) {
      return Error(Status::InvalidArgument(fmt::format(
          "{}:{}: the file is not UTF-8; it looks like GBK (Excel's plain \"CSV\" on Chinese "
          "Windows). Import it with --encoding gbk, or save it as \"CSV UTF-8\"",
          path, line)));
    }
    return Error(Status::InvalidArgument(fmt::format(
        "{}:{}: the file is not valid UTF-8 (byte {} of the file)", path, line, *bad + 1)));
  }

  auto records = core::ParseCsv(text);
  if (!records) return Error(records.error().WithContext(path));
  CsvTable table;
  table.file = path;
  table.header = std::move(records->front());
  table.rows.assign(std::make_move_iterator(records->begin() + 1),
                    std::make_move_iterator(records->end()));
  return table;
}

Result<ColumnMap> MapColumns(const CsvTable& table, const std::vector<ColumnSpec>& specs) {
  std::vector<std::optional<std::size_t>> positions(specs.size());
  std::vector<std::string> headers;
  std::vector<std::string> problems;
  for (std::size_t col = 0; col < table.header.fields.size(); ++col) {
    const std::string header(core::Trim(table.header.fields[col]));
    headers.push_back(header);
    const std::string key = Lower(header);
    std::optional<std::size_t> match;
    for (std::size_t s = 0; s < specs.size() && !match; ++s) {
      if (Lower(specs[s].name) == key) match = s;
      for (const auto alias : specs[s].aliases) {
        if (!match && Lower(alias) == key) match = s;
      }
    }
    if (!match) {
      problems.push_back(fmt::format("column {} '{}' is not a known column", col + 1, header));
      continue;
    }
    if (positions[*match]) {
      problems.push_back(fmt::format("column {} '{}' repeats column {} ('{}')", col + 1, header,
                                     *positions[*match] + 1, specs[*match].name));
      continue;
    }
    positions[*match] = col;
  }
  for (std::size_t s = 0; s < specs.size(); ++s) {
    if (specs[s].required && !positions[s]) {
      problems.push_back(fmt::format("required column '{}' is missing", specs[s].name));
    }
  }
  if (!problems.empty()) {
    std::vector<std::string> accepted;
    for (const auto& spec : specs) {
      accepted.push_back(spec.aliases.empty()
                             ? std::string(spec.name)
                             : fmt::format("{} ({})", spec.name, fmt::join(spec.aliases, "/")));
    }
    return Error(Status::InvalidArgument(
        fmt::format("{}:{}: bad header: {}. Accepted columns: {}", table.file, table.header.line,
                    fmt::join(problems, "; "), fmt::join(accepted, ", "))));
  }
  return ColumnMap(std::move(positions), std::move(headers), specs);
}

Status WriteRejectsFile(const std::string& path, const core::CsvRecord& header,
                        const std::vector<RejectedRow>& rows) {
  std::unique_ptr<FILE, int (*)(FILE*)> out(std::fopen(path.c_str(), "wb"), &std::fclose);
  if (!out) {
    return Status::Unavailable(fmt::format("{}: cannot write the rejects file", path));
  }
  bool ok = std::fwrite(kUtf8Bom.data(), 1, kUtf8Bom.size(), out.get()) == kUtf8Bom.size();
  const auto write_row = [&](const std::vector<std::string>& fields, std::string_view last) {
    for (const auto& field : fields) {
      ok = ok && csv_fwrite(out.get(), field.data(), field.size()) == 0;
      ok = ok && std::fputc(',', out.get()) != EOF;
    }
    ok = ok && csv_fwrite(out.get(), last.data(), last.size()) == 0;
    ok = ok && std::fputs("\r\n", out.get()) != EOF;
  };
  write_row(header.fields, "reject_reason");
  for (const auto& row : rows) write_row(row.record->fields, row.reason);
  ok = ok && std::fflush(out.get()) == 0;
  if (!ok) return Status::Unavailable(fmt::format("{}: error writing the rejects file", path));
  return Status::Ok();
}

}  // namespace clusterscope::ingest
