// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/ingest/table_layout.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "clusterscope/core/text.h"
#include "clusterscope/text/imports.h"

namespace clusterscope::ingest {
namespace {

// A header's words without case or spaces (ASCII and the ideographic space), for matching.
std::string Key(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    if (text.substr(i).starts_with("\xE3\x80\x80")) {  // U+3000
      i += 2;
      continue;
    }
    out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

// The second level of a two-level header.
struct SubLabel {
  std::string_view text;
  bool year_to_date;
  bool prior;
  bool growth;  // a rate the import computes itself: left out
};
constexpr SubLabel kSubLabels[] = {
    {"本月", false, false, false},         {"当月", false, false, false},
    {"本月数", false, false, false},       {"当月数", false, false, false},
    {"本年累计", true, false, false},      {"累计", true, false, false},
    {"本年累计数", true, false, false},    {"累计数", true, false, false},
    {"1-本月累计", true, false, false},    {"本年1-本月", true, false, false},
    {"上年同月", false, true, false},      {"去年同月", false, true, false},
    {"上年同期当月", false, true, false},  {"上年同期累计", true, true, false},
    {"去年同期累计", true, true, false},   {"上年累计", true, true, false},
    {"上年同期", true, true, false},       {"增速", false, false, true},
    {"增速(%)", false, false, true},       {"增速（%）", false, false, true},
    {"同比增长", false, false, true},      {"同比增长(%)", false, false, true},
    {"同比增长（%）", false, false, true}, {"比上年同期增长", false, false, true},
    {"增长(%)", false, false, true},       {"增长（%）", false, false, true},
};

const SubLabel* FindSubLabel(std::string_view cell) {
  const std::string key = Key(cell);
  for (const auto& label : kSubLabels) {
    if (Key(label.text) == key) return &label;
  }
  return nullptr;
}

// A column that only numbers the rows.
bool IsRowNumber(std::string_view cell) {
  const std::string key = Key(cell);
  return key == "序号" || key == "序" || key == "行次" || key == "no." || key == "no";
}

std::string_view Cell(const core::CsvRecord& row, std::size_t column) {
  return column < row.fields.size() ? core::Trim(row.fields[column]) : std::string_view();
}

bool Blank(const core::CsvRecord& row) {
  return std::all_of(row.fields.begin(), row.fields.end(),
                     [](const std::string& f) { return core::Trim(f).empty(); });
}

// How many cells of `row` name a spec (after any unit in brackets), and whether every required
// spec is among them.
std::pair<std::size_t, bool> Score(const core::CsvRecord& row,
                                   const std::vector<ColumnSpec>& specs) {
  std::vector<bool> seen(specs.size());
  std::size_t known = 0;
  for (const auto& field : row.fields) {
    if (const auto match = MatchColumn(specs, SplitUnit(field).text)) {
      ++known;
      seen[*match] = true;
    }
  }
  bool required = known > 0;
  for (std::size_t s = 0; s < specs.size(); ++s)
    required = required && (!specs[s].required || seen[s]);
  return {known, required};
}

// Keeps the first unit stated; InvalidArgument on a second, different one.
Status NoteUnit(const std::string& file, std::optional<model::MoneyUnit> unit,
                std::optional<model::MoneyUnit>& into) {
  if (!unit) return Status::Ok();
  if (into && *into != *unit) {
    return Status::Of(Status::Code::kInvalidArgument,
                      core::Say(text::kTwoMoneyUnits, file, model::MoneyUnitName(*into),
                                model::MoneyUnitName(*unit)));
  }
  into = unit;
  return Status::Ok();
}

// One column of a two-level header, resolved.
struct Resolved {
  std::string name;       // a spec's name, or the header's text
  std::string indicator;  // the spec of the indicator above (without _prior), or the text
  const SubLabel* label = nullptr;
  std::string text;  // as in the file, levels joined by "·"
};

// The header's columns: the first level carried across the cells a merge left empty.
std::vector<Resolved> Columns(const core::CsvRecord& top, const core::CsvRecord* sub,
                              const std::vector<ColumnSpec>& specs, const std::string& file,
                              std::optional<model::MoneyUnit>& unit, Status& status) {
  const std::size_t width = std::max(top.fields.size(), sub ? sub->fields.size() : 0);
  std::vector<Resolved> out(width);
  std::string parent;
  for (std::size_t c = 0; c < width; ++c) {
    const std::string_view upper = Cell(top, c);
    const std::string_view lower = sub ? Cell(*sub, c) : std::string_view();
    if (!upper.empty()) parent = upper;
    const std::string_view owner = !upper.empty() || lower.empty() ? upper : parent;
    HeaderText head = SplitUnit(owner);
    if (status.ok()) status = NoteUnit(file, head.unit, unit);
    Resolved& r = out[c];
    r.text = lower.empty() ? std::string(owner) : std::string(owner) + "·" + std::string(lower);
    r.label = lower.empty() ? nullptr : FindSubLabel(lower);
    if (IsRowNumber(head.text) && lower.empty()) continue;  // name "": left out
    const auto match = MatchColumn(specs, head.text);
    if (!match || (!lower.empty() && r.label == nullptr)) {
      r.name = r.indicator = r.text;
      continue;
    }
    r.indicator = specs[*match].name;
    // One level: the file's own words (without a unit), which messages then quote; two
    // levels: the spec's name, as no single header cell says it.
    r.name = lower.empty() ? head.text : std::string(specs[*match].name);
    if (r.label != nullptr && r.label->prior) {
      const std::string prior = r.name + "_prior";
      const bool known = std::any_of(specs.begin(), specs.end(),
                                     [&](const ColumnSpec& s) { return s.name == prior; });
      r.name = known ? prior : r.text;
    }
  }
  return out;
}

// A two-level header's basis, month (本月) or year-to-date (本年累计): one in which every
// indicator has its figure; given both, month, unless only the year-to-date figures have their
// prior-year twins (本月 · 本年累计 · 上年同期累计). Columns of the other basis, and growth
// rates, are left out.
Status ChooseSpan(const std::string& file, std::vector<Resolved>& columns, TableLayout& layout) {
  std::map<std::string, std::array<const Resolved*, 2>> figures;  // indicator -> [month, ytd]
  std::array<bool, 2> priors{false, false};
  for (const auto& r : columns) {
    if (r.label == nullptr || r.label->growth) continue;
    const std::size_t basis = r.label->year_to_date ? 1 : 0;
    if (r.label->prior) {
      priors[basis] = true;
    } else {
      figures[r.indicator][basis] = &r;
    }
  }
  std::array<bool, 2> complete{true, true};
  const Resolved* month_only = nullptr;
  const Resolved* ytd_only = nullptr;
  for (const auto& [indicator, has] : figures) {
    for (std::size_t b = 0; b < 2; ++b) complete[b] = complete[b] && has[b] != nullptr;
    if (has[1] == nullptr) month_only = has[0];
    if (has[0] == nullptr) ytd_only = has[1];
  }
  std::optional<std::size_t> basis;
  if (figures.empty()) {
    if (priors[0] || priors[1]) basis = priors[0] ? 0 : 1;
  } else if (complete[0] && complete[1]) {
    basis = !priors[0] && priors[1] ? 1 : 0;
  } else if (complete[0] || complete[1]) {
    basis = complete[0] ? 0 : 1;
  } else {
    return Status::Of(Status::Code::kInvalidArgument,
                      core::Say(text::kMixedSpans, file, month_only->text, ytd_only->text));
  }
  for (std::size_t c = 0; c < columns.size(); ++c) {
    Resolved& r = columns[c];
    if (r.label == nullptr) continue;
    if (r.label->growth || (basis && (r.label->year_to_date ? 1U : 0U) != *basis)) {
      layout.left_out.emplace_back(c + 1, r.text);
      r.name.clear();
    }
  }
  if (basis) layout.year_to_date = *basis == 1;
  return Status::Ok();
}

}  // namespace

std::optional<std::size_t> MatchColumn(const std::vector<ColumnSpec>& specs,
                                       std::string_view text) {
  const std::string key = Key(text);
  if (key.empty()) return std::nullopt;
  for (std::size_t s = 0; s < specs.size(); ++s) {
    if (Key(specs[s].name) == key) return s;
    for (const auto alias : specs[s].aliases) {
      if (Key(alias) == key) return s;
    }
  }
  return std::nullopt;
}

HeaderText SplitUnit(std::string_view cell) {
  const std::string_view text = core::Trim(cell);
  for (const auto& [open, close] : {std::pair<std::string_view, std::string_view>{"（", "）"},
                                    std::pair<std::string_view, std::string_view>{"(", ")"}}) {
    if (!text.ends_with(close)) continue;
    const auto at = text.rfind(open);
    if (at == std::string_view::npos || at == 0) continue;
    const std::string_view inside =
        core::Trim(text.substr(at + open.size(), text.size() - at - open.size() - close.size()));
    if (const auto unit = model::ParseMoneyUnit(inside)) {
      return {std::string(core::Trim(text.substr(0, at))), unit};
    }
  }
  return {std::string(text), std::nullopt};
}

namespace {

// What a units line says after its lead ("单位：", "计量单位:"), or nullopt when `row` is none: its
// first non-empty cell must start so (a header such as 单位详细名称 does not).
std::optional<std::string> UnitsText(const core::CsvRecord& row) {
  for (const auto& field : row.fields) {
    const std::string key = Key(field);
    if (key.empty()) continue;
    for (const std::string_view lead : {"计量单位", "金额单位", "单位"}) {
      if (!key.starts_with(lead)) continue;
      const std::string_view rest = std::string_view(key).substr(lead.size());
      if (rest.starts_with("：")) return std::string(rest.substr(std::string_view("：").size()));
      if (rest.starts_with(":")) return std::string(rest.substr(1));
      return std::nullopt;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

std::optional<model::MoneyUnit> UnitsLine(const core::CsvRecord& row) {
  const auto rest = UnitsText(row);
  if (!rest) return std::nullopt;
  // The first money unit named, read from the left: 万元 is found at its 万, before its 元.
  for (std::size_t at = 0; at < rest->size(); ++at) {
    for (const std::string_view unit : {"亿元", "万元", "千元", "元"}) {
      if (std::string_view(*rest).substr(at).starts_with(unit)) return model::ParseMoneyUnit(unit);
    }
  }
  return std::nullopt;
}

RowKind ClassifyRow(const core::CsvRecord& row) {
  std::size_t looked = 0;
  for (const auto& field : row.fields) {
    const std::string key = Key(field);
    if (key.empty()) continue;
    if (++looked > 3) break;
    for (const std::string_view total : {"合计", "总计", "小计", "全区合计", "总合计"}) {
      if (key == total) return RowKind::kSubtotal;
    }
    if (key.starts_with("其中")) return RowKind::kSubtotal;
    if (looked == 1) {
      for (const std::string_view note : {"注：", "注:", "注1", "注①", "说明：", "说明:", "备注：",
                                          "备注:", "数据来源", "资料来源", "填报说明"}) {
        if (key.starts_with(note)) return RowKind::kNote;
      }
      if (key == "注") return RowKind::kNote;
    }
  }
  return looked == 0 ? RowKind::kBlank : RowKind::kData;
}

namespace {

// The header's row among `rows`: where the profile puts it, else the first of the top rows that
// names two columns (or every required one); nullopt when none does.
Result<std::optional<std::size_t>> HeaderRow(const std::string& file,
                                             const std::vector<core::CsvRecord>& rows,
                                             const std::vector<ColumnSpec>& specs,
                                             const model::ImportProfile* profile) {
  if (profile != nullptr && profile->header_line > 0) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (rows[i].line == profile->header_line) return std::optional<std::size_t>(i);
    }
    return Error(
        Status::Of(Status::Code::kInvalidArgument,
                   core::Say(text::kProfileHeaderRow, file, profile->name, profile->header_line)));
  }
  for (std::size_t i = 0; i < rows.size() && i < kLayoutRows; ++i) {
    const auto [known, required] = Score(rows[i], specs);
    if (known >= 2 || (known >= 1 && required)) return std::optional<std::size_t>(i);
  }
  return std::optional<std::size_t>();
}

// The row of second-level labels under the header, if there is one (or the profile says so).
const core::CsvRecord* SubHeader(const std::vector<core::CsvRecord>& rows, std::size_t header,
                                 const model::ImportProfile* profile) {
  if (header + 1 >= rows.size()) return nullptr;
  const auto& next = rows[header + 1];
  if (profile != nullptr && profile->header_rows > 0) {
    return profile->header_rows == 2 ? &next : nullptr;
  }
  const bool labels = std::any_of(next.fields.begin(), next.fields.end(),
                                  [](const std::string& f) { return FindSubLabel(f) != nullptr; });
  return labels ? &next : nullptr;
}

// The profile's names for the columns it lists, by their header text: they replace what was
// found ("" leaves a column out).
void ApplyProfileColumns(const model::ImportProfile& profile, TableLayout& layout) {
  for (std::size_t c = 0; c < layout.texts.size(); ++c) {
    const std::string key = Key(layout.texts[c]);
    for (const auto& [text, name] : profile.columns) {
      if (Key(text) != key) continue;
      layout.header.fields[c] = name;
      std::erase_if(layout.left_out, [&](const auto& out) { return out.first == c + 1; });
      if (name.empty()) layout.left_out.emplace_back(c + 1, layout.texts[c]);
      break;
    }
  }
  std::sort(layout.left_out.begin(), layout.left_out.end());
}

}  // namespace

Result<TableLayout> FindLayout(const std::string& file, const std::vector<core::CsvRecord>& rows,
                               const std::vector<ColumnSpec>& specs,
                               const model::ImportProfile* profile) {
  auto found = HeaderRow(file, rows, specs, profile);
  if (!found) return Error(found.error());
  const std::optional<std::size_t> header = *found;
  if (!header) {
    // No row names two columns: the first non-blank row is taken for the header, as a plain
    // file's, so that the header check names each unknown column and lists those accepted.
    TableLayout plain;
    while (plain.header_index + 1 < rows.size() && Blank(rows[plain.header_index])) {
      ++plain.header_index;
    }
    if (!rows.empty()) plain.header = rows[plain.header_index];
    plain.texts = plain.header.fields;
    if (profile != nullptr) ApplyProfileColumns(*profile, plain);
    return plain;
  }
  TableLayout layout;
  layout.header_index = *header;
  for (std::size_t i = 0; i < *header; ++i) {
    if (Blank(rows[i])) continue;
    layout.above.push_back(i);
    CLUSTERSCOPE_RETURN_IF_ERROR(NoteUnit(file, UnitsLine(rows[i]), layout.unit));
  }
  const core::CsvRecord* sub = SubHeader(rows, *header, profile);
  layout.header_rows = sub != nullptr ? 2 : 1;
  Status status = Status::Ok();
  auto columns = Columns(rows[*header], sub, specs, file, layout.unit, status);
  CLUSTERSCOPE_RETURN_IF_ERROR(status);
  if (sub != nullptr) CLUSTERSCOPE_RETURN_IF_ERROR(ChooseSpan(file, columns, layout));
  layout.header.line = rows[*header].line;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (columns[c].name.empty() && columns[c].label == nullptr && !columns[c].text.empty()) {
      layout.left_out.emplace_back(c + 1, columns[c].text);  // 序号
    }
    layout.header.fields.push_back(columns[c].name);
    layout.texts.push_back(columns[c].text);
  }
  std::sort(layout.left_out.begin(), layout.left_out.end());
  if (profile != nullptr) ApplyProfileColumns(*profile, layout);
  return layout;
}

std::vector<model::ImportReport::Column> DescribeColumns(const TableLayout& layout,
                                                         const std::vector<ColumnSpec>& specs) {
  std::vector<model::ImportReport::Column> out;
  for (std::size_t c = 0; c < layout.header.fields.size(); ++c) {
    model::ImportReport::Column column;
    column.position = c + 1;
    column.header = c < layout.texts.size() ? layout.texts[c] : layout.header.fields[c];
    const std::string& name = layout.header.fields[c];
    const auto match = MatchColumn(specs, name);
    if (name.empty() && column.header.empty()) continue;  // an empty column
    if (match) column.column = specs[*match].name;
    column.use = name.empty() ? "left_out" : match ? "read" : "ignored";
    out.push_back(std::move(column));
  }
  return out;
}

Result<std::unique_ptr<LaidOutReader>> LaidOutReader::Open(std::unique_ptr<TableReader> inner,
                                                           const std::vector<ColumnSpec>& specs,
                                                           const model::ImportProfile* profile) {
  std::unique_ptr<LaidOutReader> reader(new LaidOutReader());
  reader->file_ = inner->file();
  reader->sheet_ = inner->sheet();
  // The inner reader took the first row for a header: it is the first of the rows looked at.
  // The rows read past it while looking are kept in first_, to be handed out first.
  core::CsvBatch& first = reader->first_;
  core::CsvBatch more;
  while (first.size + 1 < kLayoutRows) {
    CLUSTERSCOPE_RETURN_IF_ERROR(inner->Next(more));
    if (more.size == 0) {
      reader->inner_done_ = true;
      break;
    }
    first.records.resize(first.size);
    for (std::size_t i = 0; i < more.size; ++i) first.records.push_back(std::move(more.records[i]));
    first.size = first.records.size();
  }
  std::vector<core::CsvRecord> top = {inner->header()};
  for (std::size_t i = 0; i < first.size && top.size() < kLayoutRows; ++i) {
    top.push_back(first.records[i]);
  }
  auto layout = FindLayout(reader->file_, top, specs, profile);
  if (!layout) return Error(layout.error());
  reader->layout_ = std::move(*layout);
  reader->header_ = reader->layout_.header;
  for (std::size_t i = 0; i < reader->layout_.header_index; ++i) {
    if (Blank(top[i])) continue;
    reader->Skip(top[i].line, UnitsText(top[i]) ? "units" : "title");
  }
  // first_ holds top[1], top[2], ...: the rows up to the header's last are not data.
  const std::size_t taken = reader->layout_.header_index + reader->layout_.header_rows - 1;
  std::size_t out = 0;
  for (std::size_t i = taken; i < first.size; ++i)
    std::swap(first.records[out++], first.records[i]);
  first.size = out;
  reader->inner_ = std::move(inner);
  return reader;
}

void LaidOutReader::Skip(std::size_t line, std::string_view kind) {
  if (skipped_.size() < kMaxSkippedKept) {
    skipped_.push_back({line, kind});
  } else {
    ++skipped_not_kept_;
  }
}

namespace {

// The decimals a figure is written with: "1,200.50" has 2 (full-width digits count alike).
int Decimals(std::string_view text) {
  std::size_t at = text.find('.');
  std::size_t width = 1;
  if (at == std::string_view::npos) {
    at = text.find("．");
    width = std::string_view("．").size();
  }
  if (at == std::string_view::npos) return 0;
  int decimals = 0;
  for (std::size_t i = at + width; i < text.size();) {
    if (text[i] >= '0' && text[i] <= '9') {
      ++i;
    } else if (text.substr(i).starts_with("\xEF\xBC") && i + 2 < text.size() &&
               static_cast<unsigned char>(text[i + 2]) >= 0x90 &&
               static_cast<unsigned char>(text[i + 2]) <= 0x99) {  // ０ to ９
      i += 3;
    } else {
      break;
    }
    ++decimals;
  }
  return decimals;
}

// A 合计 or 总计 row, which totals every data row above it (其中 and 小计 rows total only some).
bool GrandTotal(const core::CsvRecord& row) {
  for (const auto& field : row.fields) {
    const std::string key = Key(field);
    if (key == "合计" || key == "总计" || key == "全区合计" || key == "总合计") return true;
  }
  return false;
}

}  // namespace

void LaidOutReader::Add(const core::CsvRecord& row) {
  if (sums_.size() < row.fields.size()) sums_.resize(row.fields.size());
  for (std::size_t c = 0; c < row.fields.size(); ++c) {
    const std::string_view cell = core::Trim(row.fields[c]);
    if (cell.empty()) continue;
    const auto value = core::ParseDecimal(cell);
    if (!value) continue;
    sums_[c].total += *value;
    ++sums_[c].count;
    sums_[c].decimals = std::max(sums_[c].decimals, Decimals(cell));
  }
}

void LaidOutReader::Check(const core::CsvRecord& total) {
  constexpr std::size_t kMaxDifferences = 100;
  for (std::size_t c = 0; c < total.fields.size() && c < sums_.size(); ++c) {
    const std::string_view cell = core::Trim(total.fields[c]);
    if (cell.empty() || sums_[c].count < 2) continue;  // 序号, codes, a lone row: nothing to check
    const auto stated = core::ParseDecimal(cell);
    if (!stated) continue;
    // Each figure may be off by half its last digit, the total as well.
    const int decimals = std::max(sums_[c].decimals, Decimals(cell));
    const double allowed =
        0.5 * std::pow(10.0, -decimals) * static_cast<double>(sums_[c].count + 1);
    if (std::abs(*stated - sums_[c].total) > allowed + 1e-9 * std::abs(*stated) &&
        differences_.size() < kMaxDifferences) {
      differences_.push_back({total.line, c + 1, *stated, sums_[c].total});
    }
  }
  sums_.clear();
}

void LaidOutReader::Filter(core::CsvBatch& batch) {
  std::size_t out = 0;
  for (std::size_t i = 0; i < batch.size; ++i) {
    switch (ClassifyRow(batch.records[i])) {
      case RowKind::kData:
        Add(batch.records[i]);
        if (out != i) std::swap(batch.records[out], batch.records[i]);
        ++out;
        break;
      case RowKind::kBlank:
        Skip(batch.records[i].line, "blank");
        break;
      case RowKind::kSubtotal:
        if (GrandTotal(batch.records[i])) Check(batch.records[i]);
        Skip(batch.records[i].line, "subtotal");
        break;
      case RowKind::kNote:
        Skip(batch.records[i].line, "note");
        break;
    }
  }
  batch.size = out;
}

Status LaidOutReader::Next(core::CsvBatch& batch) {
  if (!first_given_) {
    first_given_ = true;
    std::swap(batch, first_);
    Filter(batch);
    if (batch.size > 0) return Status::Ok();
  }
  // Batches of nothing but subtotals and notes are read past: size 0 means the end.
  while (!inner_done_) {
    CLUSTERSCOPE_RETURN_IF_ERROR(inner_->Next(batch));
    if (batch.size == 0) {
      inner_done_ = true;
      break;
    }
    Filter(batch);
    if (batch.size > 0) return Status::Ok();
  }
  batch.Clear();
  return Status::Ok();
}

std::vector<model::RowIssue> SubtotalWarnings(const LaidOutReader& reader) {
  std::vector<model::RowIssue> out;
  const auto& names = reader.header().fields;
  for (const auto& d : reader.subtotal_differences()) {
    const std::string column = d.column <= names.size() ? names[d.column - 1] : std::string();
    out.push_back({reader.file(), reader.sheet(), d.line, column, fmt::format("{}", d.stated),
                   "subtotal_differs",
                   core::Say(text::kSubtotalDiffers, d.stated, d.sum, d.stated - d.sum)});
  }
  return out;
}

Result<std::unique_ptr<LaidOutReader>> OpenLaidOutTable(const std::string& path,
                                                        const std::string& sheet, Encoding encoding,
                                                        std::uint64_t memory_budget,
                                                        const std::vector<ColumnSpec>& specs,
                                                        const model::ImportProfile* profile) {
  auto inner = OpenTable(path, sheet, encoding, memory_budget);
  if (!inner) return Error(inner.error());
  return LaidOutReader::Open(std::move(*inner), specs, profile);
}

}  // namespace clusterscope::ingest
