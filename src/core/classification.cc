// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/core/classification.h"

#include <algorithm>
#include <cstdlib>
#include <unordered_map>

#include <fmt/format.h>

#include "clusterscope/core/csv.h"

namespace clusterscope::embedded {
extern const std::string_view kGbt4754Csv;
extern const std::string_view kHighTechCsv;
extern const std::string_view kSeiCsv;
extern const std::string_view kAreasCsv;
extern const std::string_view kFulingTownsCsv;
}  // namespace clusterscope::embedded

namespace clusterscope::core {
namespace {

// The embedded files are part of the build; a parse failure is a packaging bug, not user input.
std::vector<CsvRecord> ParseEmbedded(std::string_view text, std::string_view name,
                                     std::size_t columns) {
  auto records = ParseCsv(text);
  if (!records || records->empty()) {
    fmt::print(stderr, "internal error: embedded {} is malformed\n", name);
    std::abort();
  }
  records->erase(records->begin());  // header
  for (const auto& record : *records) {
    if (record.fields.size() != columns) {
      fmt::print(stderr, "internal error: embedded {} line {} has {} fields\n", name, record.line,
                 record.fields.size());
      std::abort();
    }
  }
  return std::move(*records);
}

std::string_view StripSection(std::string_view code) {
  if (code.size() >= 2 && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= '0' && code[1] <= '9') {
    return code.substr(1);
  }
  return code;
}

struct HighTechTable {
  std::vector<std::pair<HighTechCategory, std::string>> rows;
  std::unordered_map<std::string, std::size_t> by_class;
};

const HighTechTable& HighTech() {
  static const HighTechTable kTable = [] {
    HighTechTable t;
    // category_code,category_name,gbt4754_code,gbt4754_name
    for (auto& r : ParseEmbedded(embedded::kHighTechCsv, "hightech_manufacturing_2017.csv", 4)) {
      t.by_class.emplace(r.fields[2], t.rows.size());
      t.rows.push_back({HighTechCategory{r.fields[0], r.fields[1]}, r.fields[2]});
    }
    return t;
  }();
  return kTable;
}

struct DivisionTable {
  std::vector<Division> counties;
  std::vector<Division> towns;
};

const DivisionTable& Divisions() {
  static const DivisionTable kTable = [] {
    DivisionTable t;
    // code,name,cityCode,provinceCode
    for (auto& r : ParseEmbedded(embedded::kAreasCsv, "gbt2260_areas_2022.csv", 4)) {
      t.counties.push_back(Division{r.fields[0], r.fields[1], r.fields[2]});
    }
    // code,name,areaCode,provinceCode,cityCode
    for (auto& r : ParseEmbedded(embedded::kFulingTownsCsv, "fuling_500102_towns_2022.csv", 5)) {
      t.towns.push_back(Division{r.fields[0], r.fields[1], r.fields[2]});
    }
    return t;
  }();
  return kTable;
}

}  // namespace

IndustryClassification::IndustryClassification(std::vector<IndustryEntry> entries)
    : entries_(std::move(entries)) {
  for (std::size_t i = 0; i < entries_.size(); ++i) index_.emplace(entries_[i].code, i);
}

const IndustryClassification& IndustryClassification::Gbt4754() {
  static const IndustryClassification kClassification = [] {
    std::vector<IndustryEntry> entries;
    // code,full_code,name,level,level_name,parent_code,section
    for (auto& r : ParseEmbedded(embedded::kGbt4754Csv, "gbt4754_2017.csv", 7)) {
      entries.push_back(IndustryEntry{r.fields[0], r.fields[2], std::atoi(r.fields[3].c_str()),
                                      r.fields[5], r.fields[6]});
    }
    return IndustryClassification(std::move(entries));
  }();
  return kClassification;
}

const IndustryEntry* IndustryClassification::Find(std::string_view code) const {
  const auto it = index_.find(std::string(StripSection(code)));
  return it == index_.end() ? nullptr : &entries_[it->second];
}

bool IndustryClassification::IsClass(std::string_view code) const {
  const IndustryEntry* entry = Find(code);
  return entry != nullptr && entry->level == 4;
}

std::vector<const IndustryEntry*> IndustryClassification::Path(std::string_view code) const {
  std::vector<const IndustryEntry*> path;
  for (const IndustryEntry* entry = Find(code); entry != nullptr;
       entry = entry->parent_code.empty() ? nullptr : Find(entry->parent_code)) {
    path.push_back(entry);
  }
  std::reverse(path.begin(), path.end());
  return path;
}

std::vector<const IndustryEntry*> IndustryClassification::ClassesUnder(
    std::string_view code) const {
  std::vector<const IndustryEntry*> classes;
  const IndustryEntry* top = Find(code);
  if (top == nullptr) return classes;
  for (const auto& entry : entries_) {
    if (entry.level != 4) continue;
    const bool under = top->level == 1 ? entry.section == top->code
                                       : entry.code.compare(0, top->code.size(), top->code) == 0;
    if (under) classes.push_back(&entry);
  }
  return classes;
}

Status IndustryClassification::CheckClass(std::string_view code) const {
  const bool digits = code.size() == 4 && std::all_of(code.begin(), code.end(),
                                                      [](char c) { return c >= '0' && c <= '9'; });
  if (!digits) {
    return Status::InvalidArgument(
        fmt::format("industry code '{}' must be a 4-digit GB/T 4754-2017 class", code));
  }
  const IndustryEntry* entry = Find(code);
  if (entry == nullptr) {
    return Status::InvalidArgument(
        fmt::format("industry code '{}' is not a class of GB/T 4754-2017", code));
  }
  return Status::Ok();
}

std::optional<HighTechCategory> HighTechCategoryOf(std::string_view class_code) {
  const auto& table = HighTech();
  const auto it = table.by_class.find(std::string(StripSection(class_code)));
  if (it == table.by_class.end()) return std::nullopt;
  return table.rows[it->second].first;
}

std::vector<std::pair<HighTechCategory, std::string>> HighTechClasses() { return HighTech().rows; }

const std::vector<StrategicEmergingEntry>& StrategicEmergingIndustries() {
  static const std::vector<StrategicEmergingEntry> kEntries = [] {
    std::vector<StrategicEmergingEntry> out;
    // code,name,level,parent_code
    for (auto& r : ParseEmbedded(embedded::kSeiCsv, "sei_2018_levels1_2.csv", 4)) {
      out.push_back({r.fields[0], r.fields[1], std::atoi(r.fields[2].c_str()), r.fields[3]});
    }
    return out;
  }();
  return kEntries;
}

const StrategicEmergingEntry* FindStrategicEmerging(std::string_view code) {
  for (const auto& entry : StrategicEmergingIndustries()) {
    if (entry.code == code) return &entry;
  }
  return nullptr;
}

const Division* FindCounty(std::string_view code) {
  for (const auto& county : Divisions().counties) {
    if (county.code == code) return &county;
  }
  return nullptr;
}

std::vector<const Division*> CountiesUnder(std::string_view prefix) {
  std::vector<const Division*> out;
  for (const auto& county : Divisions().counties) {
    if (county.code.starts_with(prefix)) out.push_back(&county);
  }
  return out;
}

std::vector<const Division*> TownsOf(std::string_view county_code) {
  std::vector<const Division*> towns;
  for (const auto& town : Divisions().towns) {
    if (town.parent_code == county_code) towns.push_back(&town);
  }
  return towns;
}

}  // namespace clusterscope::core
