// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/ingest/analytics_files.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "clusterscope/core/csv.h"
#include "clusterscope/core/text.h"
#include "clusterscope/ingest/table_file.h"
#include "clusterscope/text/imports.h"

namespace clusterscope::ingest {
namespace {

// Every problem of a file, reported together (the first 20 in the message), in both languages.
class Problems {
 public:
  explicit Problems(std::string file) : file_(std::move(file)) {}
  void Add(std::size_t line, std::string_view column, std::string_view rule,
           const core::Text& message) {
    ++count_;
    if (count_ > kListed) return;
    zh_ += fmt::format("\n  {}:{}：{}：{}（{}）", file_, line, column, message.zh, rule);
    en_ += fmt::format("\n  {}:{}: {}: {} ({})", file_, line, column, message.en, rule);
  }
  Status ToStatus() const {
    if (count_ == 0) return Status::Ok();
    const auto more = [&](core::Language language) {
      return count_ > kListed ? core::Say(language, text::kMoreProblems, count_ - kListed)
                              : std::string();
    };
    return Status::Of(Status::Code::kInvalidArgument,
                      core::Text{core::Say(core::Language::kZh, text::kTableProblems, file_, count_,
                                           zh_, more(core::Language::kZh)),
                                 core::Say(core::Language::kEn, text::kTableProblems, file_, count_,
                                           en_, more(core::Language::kEn))});
  }

 private:
  static constexpr std::size_t kListed = 20;
  std::string file_;
  std::size_t count_ = 0;
  std::string zh_, en_;
};

Status Refuse(const core::Message& message, const auto&... args) {
  return Status::Of(Status::Code::kInvalidArgument, core::Say(message, args...));
}

const std::vector<ColumnSpec>& MatrixColumns() {
  static const std::vector<ColumnSpec> kSpecs = {
      {"region", {"地区", "区县"}, true},
      {"industry", {"行业", "行业代码"}, true},
      {"value", {"数值", "产值", "值"}, true},
      {"year", {"年份", "年"}, false},
  };
  return kSpecs;
}

}  // namespace

Result<std::map<int, analytics::RegionIndustryMatrix>> ReadMatrixFile(const std::string& path) {
  auto table = ReadTableFile(path, "");
  if (!table) return Error(table.error());
  auto columns = MapColumns(*table, MatrixColumns());
  if (!columns) return Error(columns.error());
  Problems problems(path);
  std::map<int, analytics::RegionIndustryMatrix> years;
  for (const auto& record : table->rows) {
    int year = 0;
    if (columns->Has("year")) {
      const auto parsed = core::ParseInteger(columns->Cell(record, "year"));
      if (!parsed || *parsed < 1900 || *parsed > 2200) {
        problems.Add(record.line, "year", "year",
                     core::Say(text::kNotAYearYyyy, columns->Cell(record, "year")));
        continue;
      }
      year = *parsed;
    }
    const std::string_view region = columns->Cell(record, "region");
    const std::string_view industry = columns->Cell(record, "industry");
    const std::string_view text = columns->Cell(record, "value");
    if (region.empty())
      problems.Add(record.line, "region", "required", core::Say(text::kEmptyCell));
    if (industry.empty())
      problems.Add(record.line, "industry", "required", core::Say(text::kEmptyCell));
    const auto value = core::ParseDecimal(text);
    if (!value) {
      problems.Add(record.line, "value", "number", core::Say(text::kNotANumber, text));
      continue;
    }
    if (*value < 0) {
      problems.Add(record.line, "value", "non_negative", core::Say(text::kIsNegative, *value));
      continue;
    }
    if (region.empty() || industry.empty()) continue;
    const Status added = years[year].Add(region, industry, *value);
    if (added.code() == Status::Code::kAlreadyExists) {
      const core::Text in_year = year != 0 ? core::Say(text::kInYear, year) : core::Text{};
      problems.Add(record.line, "industry", "duplicate",
                   core::Say(text::kGivenTwice, region, industry, in_year));
    } else if (!added.ok()) {
      problems.Add(record.line, "value", "value",
                   {added.message(core::Language::kZh), added.message(core::Language::kEn)});
    }
  }
  CLUSTERSCOPE_RETURN_IF_ERROR(problems.ToStatus());
  if (years.empty()) {
    return Error(Refuse(text::kNoRows, path));
  }
  return years;
}

namespace {

// The table of a CSV file or text, checked whole; `path` names it in messages.
Result<analytics::InputOutputTable> InputOutputOf(const CsvTable* table, const std::string& path) {
  const auto& header = table->header.fields;
  Problems problems(path);
  if (header.size() < 3 || header.front() != "sector" || header.back() != "final_demand") {
    return Error(Refuse(text::kInputOutputHeader, path));
  }
  analytics::InputOutputTable io;
  io.sectors.assign(header.begin() + 1, header.end() - 1);
  const std::size_t n = io.sectors.size();
  std::set<std::string> seen;
  for (const auto& s : io.sectors) {
    if (!seen.insert(s).second) problems.Add(1, s, "duplicate", core::Say(text::kSectorTwice));
  }
  if (table->rows.size() != n) {
    problems.Add(table->rows.empty() ? 1 : table->rows.back().line, "sector", "square",
                 core::Say(text::kNotSquare, table->rows.size(), n));
  }
  for (std::size_t i = 0; i < table->rows.size(); ++i) {
    const auto& record = table->rows[i];
    const auto& fields = record.fields;
    if (fields.size() != n + 2) {
      problems.Add(record.line, "sector", "columns",
                   core::Say(text::kCellCount, fields.size(), n + 2));
      continue;
    }
    if (i < n && fields[0] != io.sectors[i]) {
      problems.Add(record.line, "sector", "order",
                   core::Say(text::kSectorOrder, fields[0], i + 1, io.sectors[i]));
    }
    std::vector<double> row;
    for (std::size_t j = 1; j < fields.size(); ++j) {
      auto value = core::ParseDecimal(fields[j]);
      if (!value) {
        problems.Add(record.line, header[j], "number", core::Say(text::kNotANumber, fields[j]));
        value = 0.0;
      } else if (*value < 0 && j + 1 < fields.size()) {
        problems.Add(record.line, header[j], "non_negative", core::Say(text::kIsNegative, *value));
      }
      row.push_back(*value);
    }
    io.final_demand.push_back(row.back());
    row.pop_back();
    io.flows.push_back(std::move(row));
  }
  CLUSTERSCOPE_RETURN_IF_ERROR(problems.ToStatus());
  return io;
}

}  // namespace

Result<analytics::InputOutputTable> ReadInputOutputFile(const std::string& path) {
  auto table = ReadTableFile(path, "");
  if (!table) return Error(table.error());
  return InputOutputOf(&*table, path);
}

Result<analytics::InputOutputTable> ReadInputOutputText(std::string_view text,
                                                        const std::string& name) {
  core::CsvParser parser;
  core::CsvBatch batch;
  Status parsed = parser.Feed(text, batch);
  if (parsed.ok()) parsed = parser.Finish(batch);
  if (!parsed.ok()) return Error(parsed.WithContext(name));
  if (batch.size == 0) return Error(Refuse(text::kEmptyTable, name));
  CsvTable table;
  table.file = name;
  table.header = batch.records[0];
  table.rows.assign(batch.records.begin() + 1,
                    batch.records.begin() + static_cast<std::ptrdiff_t>(batch.size));
  return InputOutputOf(&table, name);
}

std::string InputOutputText(const analytics::InputOutputTable& table) {
  const auto field = [](const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
  };
  std::string out = "sector";
  for (const auto& s : table.sectors) out += "," + field(s);
  out += ",final_demand\n";
  for (std::size_t i = 0; i < table.sectors.size(); ++i) {
    out += field(table.sectors[i]);
    for (double v : table.flows[i]) out += fmt::format(",{}", v);
    out += fmt::format(",{}\n", table.final_demand[i]);
  }
  return out;
}

Result<std::vector<double>> ReadDemandChangeFile(const std::string& path,
                                                 const analytics::InputOutputTable& table) {
  auto file = ReadTableFile(path, "");
  if (!file) return Error(file.error());
  auto columns = MapColumns(*file, {{"sector", {"部门"}, true}, {"delta", {"变化"}, true}});
  if (!columns) return Error(columns.error());
  Problems problems(path);
  std::vector<double> delta(table.sectors.size(), 0.0);
  std::set<std::string> given;
  for (const auto& record : file->rows) {
    const std::string sector(columns->Cell(record, "sector"));
    const auto at = std::find(table.sectors.begin(), table.sectors.end(), sector);
    if (at == table.sectors.end()) {
      problems.Add(record.line, "sector", "known", core::Say(text::kNoSuchSector, sector));
      continue;
    }
    if (!given.insert(sector).second) {
      problems.Add(record.line, "sector", "duplicate", core::Say(text::kNamedTwice, sector));
      continue;
    }
    const auto value = core::ParseDecimal(columns->Cell(record, "delta"));
    if (!value) {
      problems.Add(record.line, "delta", "number",
                   core::Say(text::kNotANumber, columns->Cell(record, "delta")));
      continue;
    }
    delta[static_cast<std::size_t>(at - table.sectors.begin())] = *value;
  }
  CLUSTERSCOPE_RETURN_IF_ERROR(problems.ToStatus());
  return delta;
}

Result<std::map<std::string, analytics::AreaFacts>> ReadAreaFactsFile(const std::string& path) {
  auto file = ReadTableFile(path, "");
  if (!file) return Error(file.error());
  auto columns = MapColumns(*file, {{"area", {"地区", "乡镇", "园区", "town", "park"}, true},
                                    {"land", {"面积", "land_km2", "area_km2"}, true},
                                    {"population", {"人口"}, true}});
  if (!columns) return Error(columns.error());
  Problems problems(path);
  std::map<std::string, analytics::AreaFacts> facts;
  for (const auto& record : file->rows) {
    const std::string area(columns->Cell(record, "area"));
    if (area.empty()) {
      problems.Add(record.line, "area", "required", core::Say(text::kEmptyCell));
      continue;
    }
    analytics::AreaFacts f;
    for (const auto& [column, field] :
         {std::pair{"land", &f.land}, std::pair{"population", &f.population}}) {
      const auto value = core::ParseDecimal(columns->Cell(record, column));
      if (!value) {
        problems.Add(record.line, column, "number",
                     core::Say(text::kNotANumber, columns->Cell(record, column)));
      } else if (*value <= 0) {
        problems.Add(record.line, column, "positive", core::Say(text::kNotAboveZero, *value));
      } else {
        *field = *value;
      }
    }
    if (!facts.emplace(area, f).second) {
      problems.Add(record.line, "area", "duplicate", core::Say(text::kNamedTwice, area));
    }
  }
  CLUSTERSCOPE_RETURN_IF_ERROR(problems.ToStatus());
  return facts;
}

}  // namespace clusterscope::ingest
