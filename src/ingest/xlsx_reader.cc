// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Reads one worksheet of an .xlsx workbook into the same table the CSV reader gives, so that
// every import takes Excel files unchanged. Debian ships no C or C++ xlsx reader, so this opens
// the zip with libzip and reads the sheet, shared strings and number formats with pugixml (the
// parts of ECMA-376 an exported statistics table uses; formulas are read as their cached values).
#include <charconv>
#include <chrono>
#include <map>
#include <memory>
#include <set>

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

// Text of a string item: <t> directly, or the <t> of each rich-text run <r>.
std::string ItemText(const pugi::xml_node& item) {
  std::string text;
  for (auto child : item.children()) {
    if (LocalName(child) == "t") {
      text += child.text().get();
    } else if (LocalName(child) == "r") {
      text += Child(child, "t").text().get();
    }
  }
  return text;
}

class Workbook {
 public:
  static Result<Workbook> Open(const std::string& path) {
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
    return Workbook(path, archive);
  }

  // The named part, or nullopt if the workbook has none.
  Result<std::optional<std::string>> Read(const std::string& name) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat(archive_.get(), name.c_str(), 0, &stat) != 0) return std::optional<std::string>();
    if ((stat.valid & ZIP_STAT_SIZE) != 0 && stat.size > max_part_bytes_) {
      // A sheet is parsed whole; past this it would take gigabytes, and a full Excel sheet
      // (1,048,576 rows of monthly figures) is far smaller.
      return Error(Status::Of(
          Status::Code::kInvalidArgument,
          core::Say(text::kXlsxPartTooLarge, path_, name, static_cast<double>(stat.size) / 1e6,
                    static_cast<double>(max_part_bytes_) / 1e6)));
    }
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(
        zip_fopen(archive_.get(), name.c_str(), 0), &zip_fclose);
    if (!file) return Error(Corrupt(fmt::format("cannot open part {}", name)));
    std::string data(static_cast<std::size_t>(stat.size), '\0');
    const zip_int64_t read = zip_fread(file.get(), data.data(), data.size());
    if (read < 0 || static_cast<std::size_t>(read) != data.size()) {
      return Error(Corrupt(fmt::format("part {} is truncated", name)));
    }
    return std::optional<std::string>(std::move(data));
  }

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

  void set_max_part_bytes(std::uint64_t bytes) { max_part_bytes_ = bytes; }

  Status Corrupt(const std::string& what) const {
    return Status::Of(Status::Code::kInvalidArgument, core::Say(text::kCorruptXlsx, path_, what));
  }

 private:
  Workbook(std::string path, zip_t* archive)
      : path_(std::move(path)), archive_(archive, &zip_discard) {}

  std::string path_;
  std::unique_ptr<zip_t, void (*)(zip_t*)> archive_;  // read-only: discard, never write back
  std::uint64_t max_part_bytes_ = kMaxXlsxPartBytes;
};

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

// "B12" -> column 1 (0-based); -1 if malformed.
int ColumnOf(std::string_view ref) {
  int column = 0;
  std::size_t i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i)
    column = column * 26 + (ref[i] - 'A' + 1);
  return i == 0 ? -1 : column - 1;
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

// The worksheet to read: its name and its part, `sheet` by name or else the first.
Result<std::pair<std::string, std::string>> ChooseSheet(Workbook& book, const std::string& path,
                                                        const std::string& sheet) {
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

// A cell's text as a CSV cell would have it: shared and inline strings, booleans as 1 or 0,
// dates (by style) as YYYY-MM-DD, numbers without float noise; nullopt for a shared-string
// index past the table.
std::optional<std::string> CellText(const pugi::xml_node& cell,
                                    const std::vector<std::string>& strings,
                                    const std::set<int>& date_styles) {
  const std::string_view type = cell.attribute("t").as_string();
  const std::string raw = Child(cell, "v").text().get();
  if (type == "s") {
    const auto index = static_cast<std::size_t>(std::strtoull(raw.c_str(), nullptr, 10));
    if (index >= strings.size()) return std::nullopt;
    return strings[index];
  }
  if (type == "inlineStr") return ItemText(Child(cell, "is"));
  if (type == "str" || type == "e") return raw;
  if (type == "b") return std::string(raw == "1" ? "1" : "0");
  if (!raw.empty() && date_styles.count(cell.attribute("s").as_int(-1)) != 0) {
    return SerialToDate(std::strtod(raw.c_str(), nullptr));
  }
  return NumberText(raw);
}

}  // namespace

Result<CsvTable> ReadXlsxFile(const std::string& path, const std::string& sheet,
                              std::uint64_t max_part_bytes) {
  auto book = Workbook::Open(path);
  if (!book) return Error(book.error());
  book->set_max_part_bytes(max_part_bytes);
  auto chosen = ChooseSheet(*book, path, sheet);
  if (!chosen) return Error(chosen.error());

  auto shared = book->Xml("xl/sharedStrings.xml", false);
  if (!shared) return Error(shared.error());
  std::vector<std::string> strings;
  if (shared->document_element()) {
    for (auto item : shared->document_element().children()) {
      if (LocalName(item) == "si") strings.push_back(ItemText(item));
    }
  }
  auto styles = book->Xml("xl/styles.xml", false);
  if (!styles) return Error(styles.error());
  const std::set<int> date_styles =
      styles->document_element() ? DateStyles(*styles) : std::set<int>{};

  auto worksheet = book->Xml(chosen->second, true);
  if (!worksheet) return Error(worksheet.error());
  CsvTable table;
  table.file = path;
  table.sheet = chosen->first;
  bool have_header = false;
  for (auto row : Child(worksheet->document_element(), "sheetData").children()) {
    if (LocalName(row) != "row") continue;
    const auto line = static_cast<std::size_t>(row.attribute("r").as_ullong());
    core::CsvRecord record;
    record.line = line;
    int next_column = 0;
    for (auto cell : row.children()) {
      if (LocalName(cell) != "c") continue;
      const std::string ref = cell.attribute("r").as_string();
      const int column = ref.empty() ? next_column : ColumnOf(ref);
      if (column < 0) {
        return Error(book->Corrupt(
            fmt::format("sheet {} has a malformed cell reference '{}'", table.sheet, ref)));
      }
      next_column = column + 1;
      auto text = CellText(cell, strings, date_styles);
      if (!text) {
        return Error(book->Corrupt(
            fmt::format("cell {}!{} points past the shared strings", table.sheet, ref)));
      }
      if (record.fields.size() <= static_cast<std::size_t>(column)) {
        record.fields.resize(static_cast<std::size_t>(column) + 1);
      }
      record.fields[static_cast<std::size_t>(column)] = std::move(*text);
    }
    bool blank = true;
    for (const auto& field : record.fields) blank = blank && core::Trim(field).empty();
    if (blank) continue;
    if (!have_header) {
      table.header = std::move(record);
      have_header = true;
    } else {
      table.rows.push_back(std::move(record));
    }
  }
  if (!have_header) {
    return Error(Status::Of(Status::Code::kInvalidArgument,
                            core::Say(text::kEmptySheet, path, table.sheet)));
  }
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
