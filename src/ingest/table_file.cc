// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/ingest/table_file.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <memory>
#include <sstream>

#include <csv.h>
#include <fmt/format.h>
#include <iconv.h>

#include "clusterscope/core/text.h"
#include "clusterscope/text/imports.h"

namespace clusterscope::ingest {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::size_t kMaxHeaderProblems = 10;

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
Result<std::string> GbkToUtf8(const std::string& path, std::string_view bytes,
                              std::size_t first_line) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  // iconv's error value is (iconv_t)-1 by its specification.
  if (cd == reinterpret_cast<iconv_t>(-1)) {  // NOLINT(performance-no-int-to-ptr)
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
    return Error(Status::Of(
        Status::Code::kInvalidArgument,
        core::Say(text::kNotGbkEither, path, first_line + LineOfOffset(bytes, offset) - 1)));
  }
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

}  // namespace

Result<Encoding> DetectEncoding(const std::string& path) {
  if (path.ends_with(".xlsx")) return Encoding::kUtf8;
  std::unique_ptr<FILE, int (*)(FILE*)> in(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!in) return Error(Status::NotFound(fmt::format("{}: cannot open the file", path)));
  // Blocks cut after their last line break, so that no character straddles two.
  constexpr std::size_t kBlock = std::size_t{1} << 20;
  std::string carry;
  std::vector<char> buffer;
  bool gbk = false;
  bool utf8 = false;  // a part holds UTF-8 beyond ASCII
  for (;;) {
    buffer.assign(carry.begin(), carry.end());
    buffer.resize(carry.size() + kBlock);
    const std::size_t got = std::fread(buffer.data() + carry.size(), 1, kBlock, in.get());
    const bool at_end = got < kBlock;
    std::string_view text(buffer.data(), carry.size() + got);
    const std::size_t newline = text.rfind('\n');
    const std::size_t cut = at_end || newline == std::string_view::npos ? text.size() : newline + 1;
    carry.assign(text.substr(cut));
    text = text.substr(0, cut);
    if (core::FindInvalidUtf8(text)) {
      if (!LooksLikeGbk(text)) return Encoding::kUtf8;  // neither: the import says where
      gbk = true;
    } else {
      utf8 = utf8 || std::any_of(text.begin(), text.end(), [](char c) { return (c & 0x80) != 0; });
    }
    if (at_end) break;
  }
  // Chinese in UTF-8 in one part and GBK in another: read as UTF-8, the import says where.
  return gbk && !utf8 ? Encoding::kGbk : Encoding::kUtf8;
}

namespace {

// Streams a CSV file through libcsv in blocks. Each block is cut after its last line break, so
// that the encoding checks and the GBK conversion see whole lines (a line break byte never
// occurs inside a GBK or UTF-8 multi-byte character).
class CsvFileReader final : public TableReader {
 public:
  static Result<std::unique_ptr<TableReader>> Open(const std::string& path, Encoding encoding) {
    std::unique_ptr<CsvFileReader> reader(new CsvFileReader());
    reader->file_ = path;
    reader->encoding_ = encoding;
    reader->in_.reset(std::fopen(path.c_str(), "rb"));
    if (!reader->in_) {
      return Error(Status::NotFound(fmt::format("{}: cannot open the file", path)));
    }
    std::error_code ignored;
    reader->size_ = std::filesystem::file_size(path, ignored);
    // The header is the first record; blank lines before it are skipped.
    while (reader->pending_.size == 0 && !reader->done_) {
      CLUSTERSCOPE_RETURN_IF_ERROR(reader->ReadBlock(reader->pending_));
    }
    if (reader->pending_.size == 0) {
      return Error(Status::Of(Status::Code::kInvalidArgument, core::Say(text::kEmptyFile, path)));
    }
    reader->header_ = reader->pending_.records[0];
    reader->skip_ = 1;
    return std::unique_ptr<TableReader>(std::move(reader));
  }

  Status Next(core::CsvBatch& batch) override {
    batch.Clear();
    if (pending_.size > skip_) {  // rows read with the header
      for (std::size_t i = skip_; i < pending_.size; ++i) {
        if (batch.records.size() == batch.size) batch.records.emplace_back();
        batch.records[batch.size++] = std::move(pending_.records[i]);
      }
      pending_.Clear();
      return Status::Ok();
    }
    pending_.Clear();
    while (batch.size == 0 && !done_) CLUSTERSCOPE_RETURN_IF_ERROR(ReadBlock(batch));
    return Status::Ok();
  }
  double FractionRead() const override {
    return size_ == 0 || done_ ? 1.0 : static_cast<double>(offset_) / static_cast<double>(size_);
  }

 private:
  CsvFileReader() = default;

  Status ReadBlock(core::CsvBatch& out) {
    const std::size_t carried = carry_.size();
    buffer_.resize(carried + kBlockBytes);
    std::copy(carry_.begin(), carry_.end(), buffer_.begin());
    const std::size_t got = std::fread(buffer_.data() + carried, 1, kBlockBytes, in_.get());
    if (got < kBlockBytes && std::ferror(in_.get()) != 0) {
      return Status::Unavailable(fmt::format("{}: read error", file_));
    }
    const bool at_end = got < kBlockBytes;
    std::string_view text(buffer_.data(), carried + got);
    std::size_t cut = text.size();
    if (!at_end) {
      const std::size_t newline = text.rfind('\n');
      cut = newline == std::string_view::npos ? text.size() : newline + 1;
    }
    carry_.assign(text.begin() + static_cast<long>(cut), text.end());
    text = text.substr(0, cut);
    if (first_block_) {
      first_block_ = false;
      if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) text.remove_prefix(kUtf8Bom.size());
    }
    if (encoding_ == Encoding::kGbk) {
      auto converted = GbkToUtf8(file_, text, line_);
      if (!converted) return converted.error();
      converted_ = std::move(*converted);
      text = converted_;
    } else if (const auto bad = core::FindInvalidUtf8(text)) {
      const std::size_t line = line_ + LineOfOffset(text, *bad) - 1;
      if (LooksLikeGbk(text)) {
        return Status::Of(Status::Code::kInvalidArgument,
                          core::Say(text::kLooksLikeGbk, file_, line));
      }
      return Status::Of(Status::Code::kInvalidArgument,
                        core::Say(text::kNotUtf8, file_, line, offset_ + *bad + 1));
    }
    line_ += static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    offset_ += cut;
    CLUSTERSCOPE_RETURN_IF_ERROR(parser_.Feed(text, out).WithContext(file_));
    if (at_end) {
      done_ = true;
      CLUSTERSCOPE_RETURN_IF_ERROR(parser_.Finish(out).WithContext(file_));
    }
    return Status::Ok();
  }

  static constexpr std::size_t kBlockBytes = std::size_t{4} << 20;
  std::unique_ptr<FILE, int (*)(FILE*)> in_{nullptr, &std::fclose};
  Encoding encoding_ = Encoding::kUtf8;
  core::CsvParser parser_;
  std::vector<char> buffer_;
  std::string carry_;      // bytes after the last line break of the previous block
  std::string converted_;  // the UTF-8 text of a GBK block
  core::CsvBatch pending_;
  std::size_t skip_ = 0;    // records of pending_ already taken (the header)
  std::size_t line_ = 1;    // line the next block starts on
  std::size_t offset_ = 0;  // byte offset of the next block
  std::uintmax_t size_ = 0;
  bool first_block_ = true;
  bool done_ = false;
};

// Reads the next block on another thread while the caller works on this one: parsing CSV and
// checking rows then take the time of the slower of the two, not their sum.
class PrefetchingReader final : public TableReader {
 public:
  explicit PrefetchingReader(std::unique_ptr<TableReader> inner) : inner_(std::move(inner)) {
    file_ = inner_->file();
    sheet_ = inner_->sheet();
    header_ = inner_->header();
  }
  ~PrefetchingReader() override {
    if (next_.valid()) next_.wait();  // the worker uses members
  }
  PrefetchingReader(const PrefetchingReader&) = delete;
  PrefetchingReader& operator=(const PrefetchingReader&) = delete;

  Status Next(core::CsvBatch& batch) override {
    if (!started_) {
      started_ = true;
      Fetch();
    }
    batch.Clear();
    if (!next_.valid()) return Status::Ok();  // the end was reached
    CLUSTERSCOPE_RETURN_IF_ERROR(next_.get());
    fraction_ = inner_->FractionRead();
    std::swap(batch, ahead_);  // the caller's old storage is reused for the next block
    if (batch.size > 0) Fetch();
    return Status::Ok();
  }
  double FractionRead() const override { return fraction_; }

 private:
  void Fetch() {
    next_ = std::async(std::launch::async, [this] { return inner_->Next(ahead_); });
  }

  std::unique_ptr<TableReader> inner_;
  core::CsvBatch ahead_;
  std::future<Status> next_;
  double fraction_ = 0;
  bool started_ = false;
};

// A worksheet, read whole, handed out as one batch.
class XlsxTableReader final : public TableReader {
 public:
  explicit XlsxTableReader(CsvTable table) : rows_(std::move(table.rows)) {
    file_ = std::move(table.file);
    sheet_ = std::move(table.sheet);
    header_ = std::move(table.header);
  }
  Status Next(core::CsvBatch& batch) override {
    batch.Clear();
    if (taken_) return Status::Ok();
    taken_ = true;
    batch.records = std::move(rows_);
    batch.size = batch.records.size();
    return Status::Ok();
  }
  double FractionRead() const override { return taken_ ? 1.0 : 0.0; }

 private:
  std::vector<core::CsvRecord> rows_;
  bool taken_ = false;
};

}  // namespace

namespace {

// Whether the file is an OLE2 compound document: an Excel 97-2003 workbook (.xls), or an .xlsx
// that a password has encrypted (which Excel keeps in the same container).
bool IsCompoundDocument(const std::string& path) {
  static constexpr unsigned char kSignature[] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
  std::ifstream in(path, std::ios::binary);
  std::array<char, sizeof(kSignature)> head{};
  if (!in.read(head.data(), head.size())) return false;
  return std::equal(head.begin(), head.end(), std::begin(kSignature),
                    [](char c, unsigned char s) { return static_cast<unsigned char>(c) == s; });
}

}  // namespace

Result<std::unique_ptr<TableReader>> OpenTable(const std::string& path, const std::string& sheet,
                                               Encoding encoding, std::uint64_t memory_budget) {
  if (IsCompoundDocument(path)) {
    return Error(Status::Of(Status::Code::kInvalidArgument, core::Say(text::kOldExcelFile, path)));
  }
  if (Lower(std::filesystem::path(path).extension().string()) == ".xlsx") {
    auto table = ReadXlsxFile(path, sheet, XlsxLimits{.memory_budget = memory_budget});
    if (!table) return Error(table.error());
    return std::unique_ptr<TableReader>(std::make_unique<XlsxTableReader>(std::move(*table)));
  }
  if (!sheet.empty()) {
    return Error(
        Status::Of(Status::Code::kInvalidArgument, core::Say(text::kSheetOnlyForXlsx, path)));
  }
  auto reader = CsvFileReader::Open(path, encoding);
  if (!reader) return reader;
  return std::unique_ptr<TableReader>(std::make_unique<PrefetchingReader>(std::move(*reader)));
}

Result<CsvTable> ReadAll(TableReader& reader, std::uint64_t budget) {
  CsvTable table;
  table.file = reader.file();
  table.sheet = reader.sheet();
  table.header = reader.header();
  std::uint64_t used = 0;
  core::CsvBatch batch;
  do {
    CLUSTERSCOPE_RETURN_IF_ERROR(reader.Next(batch));
    for (std::size_t i = 0; i < batch.size; ++i) {
      used += sizeof(core::CsvRecord);
      for (const auto& field : batch.records[i].fields) used += sizeof(std::string) + field.size();
      if (used > budget) {
        return Error(Status::Of(
            Status::Code::kInvalidArgument,
            core::Say(text::kXlsxOverBudget, table.file, static_cast<double>(budget) / (1 << 20))));
      }
      table.rows.push_back(std::move(batch.records[i]));
    }
  } while (batch.size > 0);
  return table;
}

namespace {

Result<CsvTable> ReadWhole(Result<std::unique_ptr<TableReader>> reader, std::uint64_t budget) {
  if (!reader) return Error(reader.error());
  return ReadAll(**reader, budget);
}

}  // namespace

Result<CsvTable> ReadCsvFile(const std::string& path, Encoding encoding) {
  std::error_code ignored;
  return ReadWhole(CsvFileReader::Open(path, encoding),
                   DefaultMemoryBudget(std::filesystem::file_size(path, ignored)));
}

Result<CsvTable> ReadTableFile(const std::string& path, const std::string& sheet, Encoding encoding,
                               std::uint64_t memory_budget) {
  std::error_code ignored;
  const std::uint64_t budget = memory_budget > 0
                                   ? memory_budget
                                   : DefaultMemoryBudget(std::filesystem::file_size(path, ignored));
  return ReadWhole(OpenTable(path, sheet, encoding, budget), budget);
}

Result<ColumnMap> MapColumns(const CsvTable& table, const std::vector<ColumnSpec>& specs,
                             const UnknownColumn& unknown) {
  return MapHeader(table.file, table.header, specs, unknown);
}

Result<ColumnMap> MapHeader(const std::string& file, const core::CsvRecord& header,
                            const std::vector<ColumnSpec>& specs, const UnknownColumn& unknown) {
  std::vector<std::optional<std::size_t>> positions(specs.size());
  std::vector<std::string> headers;
  std::vector<core::Text> problems;
  std::size_t more_problems = 0;
  for (std::size_t col = 0; col < header.fields.size(); ++col) {
    const std::string name(core::Trim(header.fields[col]));
    headers.push_back(name);
    // A column without a name (Excel's trailing empty columns, a 序号 the layout left out)
    // can be no column of ours: passed over.
    if (name.empty()) continue;
    const std::string key = Lower(name);
    std::optional<std::size_t> match;
    for (std::size_t s = 0; s < specs.size() && !match; ++s) {
      if (Lower(specs[s].name) == key) match = s;
      for (const auto alias : specs[s].aliases) {
        if (!match && Lower(alias) == key) match = s;
      }
    }
    if (!match && unknown && !name.empty()) {
      unknown(col + 1, name);
      continue;
    }
    if (!match) {
      if (problems.size() <= kMaxHeaderProblems) {  // past that, only counted
        problems.push_back(core::Say(text::kUnknownColumn, col + 1, core::Abbreviate(name, 40)));
      } else {
        ++more_problems;
      }
      continue;
    }
    if (positions[*match]) {
      if (problems.size() <= kMaxHeaderProblems) {
        problems.push_back(core::Say(text::kRepeatedColumn, col + 1, core::Abbreviate(name, 40),
                                     *positions[*match] + 1, specs[*match].name));
      } else {
        ++more_problems;
      }
      continue;
    }
    positions[*match] = col;
  }
  for (std::size_t s = 0; s < specs.size(); ++s) {
    if (specs[s].required && !positions[s]) {
      problems.push_back(core::Say(text::kMissingColumn, specs[s].name));
    }
  }
  if (!problems.empty()) {
    std::vector<std::string> accepted;
    for (const auto& spec : specs) {
      accepted.push_back(spec.aliases.empty()
                             ? std::string(spec.name)
                             : fmt::format("{} ({})", spec.name, fmt::join(spec.aliases, "/")));
    }
    // The first problems, and how many more: a header of a million columns gets a short answer.
    const auto joined = [&](core::Language language) {
      std::vector<std::string> in;
      for (std::size_t i = 0; i < problems.size() && i < kMaxHeaderProblems; ++i) {
        in.push_back(problems[i].In(language));
      }
      if (problems.size() + more_problems > kMaxHeaderProblems) {
        in.push_back(core::Say(language, text::kMoreHeaderProblems,
                               problems.size() + more_problems - kMaxHeaderProblems));
      }
      return fmt::format("{}", fmt::join(in, text::kClauses.In(language)));
    };
    return Error(Status::Of(Status::Code::kInvalidArgument,
                            {core::Say(core::Language::kZh, text::kBadHeader, file, header.line,
                                       joined(core::Language::kZh), fmt::join(accepted, ", ")),
                             core::Say(core::Language::kEn, text::kBadHeader, file, header.line,
                                       joined(core::Language::kEn), fmt::join(accepted, ", "))}));
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
  for (const auto& row : rows) write_row(row.record.fields, row.reason);
  ok = ok && std::fflush(out.get()) == 0;
  if (!ok) return Status::Unavailable(fmt::format("{}: error writing the rejects file", path));
  return Status::Ok();
}

}  // namespace clusterscope::ingest
