// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Reads one worksheet of an .xlsx workbook into the same table the CSV reader gives, so that
// every import takes Excel files unchanged. Debian ships no C or C++ xlsx reader, so this opens
// the zip with libzip, streams the sheet and its shared strings through expat, and reads the
// small parts (the workbook, its relationships, the number formats) with pugixml: the parts of
// ECMA-376 an exported statistics table uses; formulas are read as their cached values. A few
// kilobytes of zip can stand for gigabytes, so every part is bounded as it is inflated and the
// cells as they are kept (XlsxLimits).
#include <charconv>
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <vector>

#include <expat.h>
#include <fmt/format.h>
#include <pugixml.hpp>
#include <zip.h>

#include "clusterscope/core/text.h"
#include "clusterscope/ingest/table_file.h"
#include "clusterscope/text/imports.h"

namespace clusterscope::ingest {
namespace {

// Element names without a namespace prefix ("x:row" -> "row").
std::string_view LocalName(const pugi::xml_node& node) {
  std::string_view name = node.name();
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node Child(const pugi::xml_node& node, std::string_view name) {
  for (auto child : node.children()) {
    if (LocalName(child) == name) return child;
  }
  return {};
}

// Excel's grid (ECMA-376 18.3.1.4, 18.3.1.73), and its longest cell text.
constexpr int kMaxColumns = 16384;  // A..XFD
constexpr std::size_t kMaxRows = 1048576;
constexpr std::size_t kMaxCellCharacters = 32767;
// A part this small is read whatever its ratio to its compressed size.
constexpr std::uint64_t kRatioFloor = std::uint64_t{16} << 20;

// Receives a streamed part's elements (local names, without a namespace prefix) and text.
class XmlSink {
 public:
  virtual ~XmlSink() = default;
  virtual void Start(std::string_view name, const char** attributes) = 0;
  virtual void End(std::string_view name) = 0;
  virtual void Text(std::string_view text) = 0;
  // A sink refuses by setting this; the stream stops at once.
  Status status;
};

std::string_view Attribute(const char** attributes, std::string_view name) {
  for (int i = 0; attributes[i] != nullptr; i += 2) {
    std::string_view key = attributes[i];
    const auto colon = key.find(':');
    if (colon != std::string_view::npos) key.remove_prefix(colon + 1);
    if (key == name) return attributes[i + 1];
  }
  return {};
}

class Workbook {
 public:
  static Result<Workbook> Open(const std::string& path, const XlsxLimits& limits) {
    int error = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &error);
    if (archive == nullptr) {
      zip_error_t zip_error;
      zip_error_init_with_code(&zip_error, error);
      const std::string message = zip_error_strerror(&zip_error);
      zip_error_fini(&zip_error);
      if (error == ZIP_ER_NOENT || error == ZIP_ER_OPEN) {
        return Error(
            Status::Of(Status::Code::kNotFound, core::Say(text::kCannotOpen, path, message)));
      }
      return Error(Status::Of(Status::Code::kInvalidArgument,
                              core::Say(text::kUnreadableXlsx, path, message)));
    }
    return Workbook(path, archive, limits);
  }

  // Streams the named part to `read` in pieces, within the limits; false when the workbook has
  // no such part.
  Result<bool> Inflate(const std::string& name,
                       const std::function<Status(std::string_view, bool)>& read) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat(archive_.get(), name.c_str(), 0, &stat) != 0) return false;
    // The declared sizes may lie: the limit is checked against the bytes inflated.
    std::uint64_t limit = limits_.max_part_bytes;
    if ((stat.valid & ZIP_STAT_COMP_SIZE) != 0) {
      limit = std::min(limit, std::max(kRatioFloor, stat.comp_size * limits_.max_ratio));
    }
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(
        zip_fopen(archive_.get(), name.c_str(), 0), &zip_fclose);
    if (!file) return Error(Corrupt(fmt::format("cannot open part {}", name)));
    std::vector<char> buffer(std::size_t{64} << 10);
    std::uint64_t total = 0;
    for (;;) {
      const zip_int64_t n = zip_fread(file.get(), buffer.data(), buffer.size());
      if (n < 0) return Error(Corrupt(fmt::format("part {} is truncated", name)));
      total += static_cast<std::uint64_t>(n);
      if (total > limit) {
        return Error(Status::Of(
            Status::Code::kInvalidArgument,
            core::Say(text::kXlsxPartTooLarge, path_, name, static_cast<double>(total) / 1e6,
                      static_cast<double>(limit) / 1e6)));
      }
      CLUSTERSCOPE_RETURN_IF_ERROR(
          read(std::string_view(buffer.data(), static_cast<std::size_t>(n)), n == 0));
      if (n == 0) return true;
    }
  }

  // A small part whole, or nullopt if the workbook has none.
  Result<std::optional<std::string>> Read(const std::string& name) {
    std::string data;
    auto found = Inflate(name, [&](std::string_view piece, bool) {
      data += piece;
      return Status::Ok();
    });
    if (!found) return Error(found.error());
    if (!*found) return std::optional<std::string>();
    return std::optional<std::string>(std::move(data));
  }

  // Streams the named part's XML through expat to `sink`; false when there is no such part.
  Result<bool> Stream(const std::string& name, XmlSink& sink);

  Result<pugi::xml_document> Xml(const std::string& name, bool required) {
    auto data = Read(name);
    if (!data) return Error(data.error());
    pugi::xml_document doc;
    if (!data->has_value()) {
      if (required) return Error(Corrupt(fmt::format("part {} is missing", name)));
      return doc;
    }
    const auto parsed = doc.load_buffer((*data)->data(), (*data)->size());
    if (!parsed) {
      return Error(Corrupt(fmt::format("part {} is not well-formed XML ({} at byte {})", name,
                                       parsed.description(), parsed.offset)));
    }
    return doc;
  }

  Status Corrupt(const std::string& what) const {
    return Status::Of(Status::Code::kInvalidArgument, core::Say(text::kCorruptXlsx, path_, what));
  }
  Status Refuse(const core::Message& message, const std::string& what) const {
    return Status::Of(Status::Code::kInvalidArgument, core::Say(message, path_, what));
  }
  const std::string& path() const { return path_; }

 private:
  Workbook(std::string path, zip_t* archive, const XlsxLimits& limits)
      : path_(std::move(path)), archive_(archive, &zip_discard), limits_(limits) {}

  std::string path_;
  std::unique_ptr<zip_t, void (*)(zip_t*)> archive_;  // read-only: discard, never write back
  XlsxLimits limits_;
};

std::string_view LocalName(std::string_view name) {
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

Result<bool> Workbook::Stream(const std::string& name, XmlSink& sink) {
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, void (*)(XML_Parser)> parser(
      XML_ParserCreate(nullptr), &XML_ParserFree);
  if (!parser) return Error(Status::Internal("expat could not start"));
  XML_SetUserData(parser.get(), &sink);
  XML_SetElementHandler(
      parser.get(),
      [](void* data, const XML_Char* element, const XML_Char** attributes) {
        static_cast<XmlSink*>(data)->Start(LocalName(element), attributes);
      },
      [](void* data, const XML_Char* element) {
        static_cast<XmlSink*>(data)->End(LocalName(element));
      });
  XML_SetCharacterDataHandler(parser.get(), [](void* data, const XML_Char* text, int length) {
    static_cast<XmlSink*>(data)->Text(std::string_view(text, static_cast<std::size_t>(length)));
  });
  return Inflate(name, [&](std::string_view piece, bool last) -> Status {
    if (XML_Parse(parser.get(), piece.data(), static_cast<int>(piece.size()), last ? 1 : 0) ==
        XML_STATUS_OK) {
      return sink.status;
    }
    if (!sink.status.ok()) return sink.status;
    return Corrupt(fmt::format("part {} is not well-formed XML ({} at line {})", name,
                               XML_ErrorString(XML_GetErrorCode(parser.get())),
                               XML_GetCurrentLineNumber(parser.get())));
  });
}

// Built-in number formats that show dates (ECMA-376 18.8.30), and custom ones whose code has
// day, month or year letters outside quotes and brackets.
bool IsDateFormat(int id, const std::string& code) {
  if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 36) ||
      (id >= 50 && id <= 58)) {
    return true;
  }
  bool quoted = false;
  bool bracket = false;
  for (const char c : code) {
    if (c == '"') quoted = !quoted;
    if (!quoted && c == '[') bracket = true;
    if (!quoted && c == ']') bracket = false;
    if (!quoted && !bracket && (c == 'y' || c == 'Y' || c == 'd' || c == 'D')) return true;
  }
  return false;
}

// Indices of the cell styles (cellXfs) that format numbers as dates.
std::set<int> DateStyles(const pugi::xml_document& styles) {
  const auto root = styles.document_element();
  std::map<int, std::string> codes;
  for (auto format : Child(root, "numFmts").children()) {
    codes[format.attribute("numFmtId").as_int()] = format.attribute("formatCode").as_string();
  }
  std::set<int> dates;
  int index = 0;
  for (auto xf : Child(root, "cellXfs").children()) {
    if (LocalName(xf) != "xf") continue;
    const int id = xf.attribute("numFmtId").as_int();
    const auto code = codes.find(id);
    if (IsDateFormat(id, code == codes.end() ? "" : code->second)) dates.insert(index);
    ++index;
  }
  return dates;
}

// Excel's date serial (days since 1899-12-30) as YYYY-MM-DD.
std::string SerialToDate(double serial) {
  using namespace std::chrono;
  const sys_days day = sys_days(year(1899) / December / 30) + days(static_cast<int>(serial));
  const year_month_day ymd(day);
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

// A numeric cell as an analyst would type it: shortest round-trip, no exponent for ordinary
// magnitudes.
std::string NumberText(std::string_view raw) {
  double value = 0;
  const auto [ptr, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), value);
  if (ec != std::errc() || ptr != raw.data() + raw.size()) return std::string(raw);
  return fmt::format("{}", value);
}

}  // namespace

namespace {

// The workbook's worksheets in their order: name and part.
Result<std::vector<std::pair<std::string, std::string>>> Sheets(Workbook& book) {
  auto workbook = book.Xml("xl/workbook.xml", true);
  if (!workbook) return Error(workbook.error());
  auto rels = book.Xml("xl/_rels/workbook.xml.rels", true);
  if (!rels) return Error(rels.error());

  std::map<std::string, std::string> targets;  // relationship id -> part
  for (auto rel : rels->document_element().children()) {
    std::string target = rel.attribute("Target").as_string();
    target = target.starts_with("/") ? target.substr(1) : "xl/" + target;
    targets[rel.attribute("Id").as_string()] = target;
  }
  std::vector<std::pair<std::string, std::string>> sheets;  // name -> part
  for (auto s : Child(workbook->document_element(), "sheets").children()) {
    std::string id;
    for (auto attribute : s.attributes()) {
      const std::string_view name = attribute.name();
      if (name == "r:id" || name.ends_with(":id")) id = attribute.as_string();
    }
    sheets.emplace_back(s.attribute("name").as_string(), targets[id]);
  }
  if (sheets.empty()) return Error(book.Corrupt("the workbook has no worksheets"));
  return sheets;
}

// The worksheet to read: its name and its part, `sheet` by name or else the first.
Result<std::pair<std::string, std::string>> ChooseSheet(Workbook& book, const std::string& path,
                                                        const std::string& sheet) {
  auto listed = Sheets(book);
  if (!listed) return Error(listed.error());
  const auto& sheets = *listed;
  if (sheet.empty()) return sheets.front();
  const auto chosen =
      std::find_if(sheets.begin(), sheets.end(), [&](const auto& s) { return s.first == sheet; });
  if (chosen == sheets.end()) {
    std::vector<std::string> names;
    for (const auto& s : sheets) names.push_back(s.first);
    return Error(Status::Of(Status::Code::kInvalidArgument,
                            core::Say(text::kNoSuchSheet, path, sheet, fmt::join(names, ", "))));
  }
  return *chosen;
}

// What the cells kept take in memory, against the budget.
class Budget {
 public:
  Budget(const Workbook& book, std::uint64_t bytes) : book_(book), bytes_(bytes) {}
  Status Take(std::uint64_t bytes) {
    used_ += bytes;
    if (used_ <= bytes_) return Status::Ok();
    return Status::Of(
        Status::Code::kInvalidArgument,
        core::Say(text::kXlsxOverBudget, book_.path(), static_cast<double>(bytes_) / (1 << 20)));
  }

 private:
  const Workbook& book_;
  std::uint64_t bytes_;
  std::uint64_t used_ = 0;
};

// The shared strings (xl/sharedStrings.xml): each <si>'s <t>, or the <t> of each of its rich
// text runs <r>; phonetic runs (<rPh>) are not part of the text.
class SharedStrings final : public XmlSink {
 public:
  SharedStrings(const Workbook& book, Budget& budget) : book_(book), budget_(budget) {}

  void Start(std::string_view name, const char**) override {
    if (!status.ok()) return;
    const std::string_view parent = path_.empty() ? std::string_view() : path_.back();
    if (name == "si") item_.clear(), characters_ = 0;
    collecting_ =
        name == "t" &&
        (parent == "si" || (parent == "r" && path_.size() >= 2 && path_[path_.size() - 2] == "si"));
    path_.emplace_back(name);
  }
  void End(std::string_view name) override {
    if (!path_.empty()) path_.pop_back();
    collecting_ = false;
    if (!status.ok() || name != "si") return;
    status = budget_.Take(item_.size() + sizeof(std::string));
    strings.push_back(std::move(item_));
    item_.clear();
  }
  void Text(std::string_view text) override {
    if (!status.ok() || !collecting_) return;
    item_ += text;
    characters_ += core::CharacterCount(text);
    if (characters_ > kMaxCellCharacters) {
      status =
          book_.Refuse(text::kXlsxLongCell, fmt::format("shared string {}", strings.size() + 1));
    }
  }

  std::vector<std::string> strings;

 private:
  const Workbook& book_;
  Budget& budget_;
  std::vector<std::string> path_;  // open elements, outermost first
  std::string item_;
  std::size_t characters_ = 0;  // of item_
  bool collecting_ = false;
};

// A cell reference ("B12") as (column, row), both 0-based; nullopt if malformed or outside
// Excel's grid.
std::optional<std::pair<int, std::size_t>> CellRef(std::string_view ref) {
  std::size_t i = 0;
  int column = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) {
    column = column * 26 + (ref[i] - 'A' + 1);
    if (column > kMaxColumns) return std::nullopt;
  }
  std::size_t row = 0;
  const auto [end, error] = std::from_chars(ref.data() + i, ref.data() + ref.size(), row);
  if (i == 0 || error != std::errc() || end != ref.data() + ref.size() || row == 0 ||
      row > kMaxRows) {
    return std::nullopt;
  }
  return std::pair{column - 1, row - 1};
}

// The sheet's rows as CSV records: shared and inline strings, booleans as 1 or 0, dates (by
// style) as YYYY-MM-DD, numbers without float noise.
class SheetRows final : public XmlSink {
 public:
  SheetRows(const Workbook& book, const std::vector<std::string>& strings,
            const std::set<int>& date_styles, Budget& budget, std::string sheet)
      : book_(book),
        strings_(strings),
        date_styles_(date_styles),
        budget_(budget),
        sheet_(std::move(sheet)) {}

  void Start(std::string_view name, const char** attributes) override {
    if (!status.ok()) return;
    if (name == "row") return StartRow(Attribute(attributes, "r"));
    if (name == "c" && in_row_) return StartCell(attributes);
    if (!in_cell_) return;
    if (name == "v") target_ = &value_;
    if (name == "is") in_inline_ = true;
    if (name == "t" && in_inline_) target_ = &inline_;
    if (name == "rPh") target_ = nullptr, in_inline_ = false;
  }
  void End(std::string_view name) override {
    if (!status.ok()) return;
    if (name == "v" || name == "t") target_ = nullptr;
    if (name == "is") in_inline_ = false;
    if (name == "c" && in_cell_) EndCell();
    if (name == "row" && in_row_) EndRow();
  }
  void Text(std::string_view text) override {
    if (!status.ok() || target_ == nullptr) return;
    *target_ += text;
    characters_ += core::CharacterCount(text);
    if (characters_ > kMaxCellCharacters) {
      status = book_.Refuse(text::kXlsxLongCell, fmt::format("{}!{}", sheet_, ref_));
    }
  }

  bool have_header = false;
  core::CsvRecord header;
  std::vector<core::CsvRecord> rows;

 private:
  void StartRow(std::string_view r) {
    std::size_t line = last_line_ + 1;
    if (!r.empty()) {
      const auto [end, error] = std::from_chars(r.data(), r.data() + r.size(), line);
      if (error != std::errc() || end != r.data() + r.size()) line = 0;
    }
    if (line == 0 || line > kMaxRows) {
      status = book_.Refuse(
          text::kXlsxOutsideGrid,
          fmt::format("{}!row {}", sheet_, r.empty() ? std::to_string(line) : std::string(r)));
      return;
    }
    last_line_ = line;
    record_ = core::CsvRecord();
    record_.line = line;
    next_column_ = 0;
    in_row_ = true;
  }

  void StartCell(const char** attributes) {
    ref_ = Attribute(attributes, "r");
    int column = next_column_;
    if (!ref_.empty()) {
      const auto cell = CellRef(ref_);
      if (!cell) {
        status = book_.Refuse(text::kXlsxOutsideGrid, fmt::format("{}!{}", sheet_, ref_));
        return;
      }
      column = cell->first;
    }
    if (column >= kMaxColumns) {
      status = book_.Refuse(text::kXlsxOutsideGrid, fmt::format("{}!{}", sheet_, ref_));
      return;
    }
    column_ = column;
    next_column_ = column + 1;
    type_ = Attribute(attributes, "t");
    const std::string_view style = Attribute(attributes, "s");
    style_ = -1;
    std::from_chars(style.data(), style.data() + style.size(), style_);
    value_.clear();
    inline_.clear();
    characters_ = 0;
    in_cell_ = true;
  }

  std::optional<std::string> CellText() const {
    if (type_ == "s") {
      const auto index = static_cast<std::size_t>(std::strtoull(value_.c_str(), nullptr, 10));
      if (index >= strings_.size()) return std::nullopt;
      return strings_[index];
    }
    if (type_ == "inlineStr") return inline_;
    if (type_ == "str" || type_ == "e") return value_;
    if (type_ == "b") return std::string(value_ == "1" ? "1" : "0");
    if (!value_.empty() && date_styles_.count(style_) != 0) {
      return SerialToDate(std::strtod(value_.c_str(), nullptr));
    }
    return NumberText(value_);
  }

  void EndCell() {
    in_cell_ = false;
    auto text = CellText();
    if (!text) {
      status =
          book_.Corrupt(fmt::format("cell {}!{} points past the shared strings", sheet_, ref_));
      return;
    }
    const auto column = static_cast<std::size_t>(column_);
    if (record_.fields.size() <= column) {
      status = budget_.Take((column + 1 - record_.fields.size()) * sizeof(std::string));
      if (!status.ok()) return;
      record_.fields.resize(column + 1);
    }
    status = budget_.Take(text->size());
    record_.fields[column] = std::move(*text);
  }

  void EndRow() {
    in_row_ = false;
    bool blank = true;
    for (const auto& field : record_.fields) blank = blank && core::Trim(field).empty();
    if (blank) return;
    if (!have_header) {
      header = std::move(record_);
      have_header = true;
      return;
    }
    status = budget_.Take(sizeof(core::CsvRecord));
    rows.push_back(std::move(record_));
  }

  const Workbook& book_;
  const std::vector<std::string>& strings_;
  const std::set<int>& date_styles_;
  Budget& budget_;
  std::string sheet_;
  core::CsvRecord record_;
  std::size_t last_line_ = 0;
  int next_column_ = 0;
  int column_ = 0;
  std::string ref_;
  std::string type_;
  int style_ = -1;
  std::string value_;
  std::string inline_;
  std::string* target_ = nullptr;  // where text goes: the value, an inline string, or nowhere
  std::size_t characters_ = 0;     // of the cell's text
  bool in_row_ = false;
  bool in_cell_ = false;
  bool in_inline_ = false;
};

}  // namespace

std::uint64_t DefaultMemoryBudget(std::uint64_t file_bytes) {
  return (std::uint64_t{64} << 20) + 8 * file_bytes;
}

Result<std::vector<std::string>> XlsxSheetNames(const std::string& path) {
  auto book = Workbook::Open(path, XlsxLimits{});
  if (!book) return Error(book.error());
  auto sheets = Sheets(*book);
  if (!sheets) return Error(sheets.error());
  std::vector<std::string> names;
  for (const auto& sheet : *sheets) names.push_back(sheet.first);
  return names;
}

Result<CsvTable> ReadXlsxFile(const std::string& path, const std::string& sheet,
                              const XlsxLimits& limits) {
  auto book = Workbook::Open(path, limits);
  if (!book) return Error(book.error());
  auto chosen = ChooseSheet(*book, path, sheet);
  if (!chosen) return Error(chosen.error());
  std::error_code ignored;
  const std::uint64_t file_bytes = std::filesystem::file_size(path, ignored);
  Budget budget(*book,
                limits.memory_budget > 0 ? limits.memory_budget : DefaultMemoryBudget(file_bytes));

  SharedStrings shared(*book, budget);
  auto streamed = book->Stream("xl/sharedStrings.xml", shared);
  if (!streamed) return Error(streamed.error());
  auto styles = book->Xml("xl/styles.xml", false);
  if (!styles) return Error(styles.error());
  const std::set<int> date_styles =
      styles->document_element() ? DateStyles(*styles) : std::set<int>{};

  SheetRows sheet_rows(*book, shared.strings, date_styles, budget, chosen->first);
  streamed = book->Stream(chosen->second, sheet_rows);
  if (!streamed) return Error(streamed.error());
  if (!*streamed) return Error(book->Corrupt(fmt::format("part {} is missing", chosen->second)));
  if (!sheet_rows.have_header) {
    return Error(Status::Of(Status::Code::kInvalidArgument,
                            core::Say(text::kEmptySheet, path, chosen->first)));
  }
  CsvTable table;
  table.file = path;
  table.sheet = chosen->first;
  table.header = std::move(sheet_rows.header);
  table.rows = std::move(sheet_rows.rows);
  // Trailing empty cells are not stored in xlsx: pad every row to the header's width, and
  // trim empty trailing header cells (formatting beyond the table).
  while (!table.header.fields.empty() && core::Trim(table.header.fields.back()).empty()) {
    table.header.fields.pop_back();
  }
  for (auto& record : table.rows) {
    if (record.fields.size() < table.header.fields.size()) {
      record.fields.resize(table.header.fields.size());
    }
  }
  return table;
}

}  // namespace clusterscope::ingest
