// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The reference classifications ClusterScope ships inside the binary (see reference/README.md):
// GB/T 4754-2017 industries, high-tech manufacturing (2017), strategic emerging industries
// (2018, top two levels) and administrative divisions (counties, and the towns of the regions
// shipped). Each is loaded once on first use and immutable after: safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "clusterscope/core/status.h"

namespace clusterscope::core {

// One node of GB/T 4754-2017: a section (门类, letter), division (大类, 2 digits), group (中类,
// 3 digits) or class (小类, 4 digits).
struct IndustryEntry {
  std::string code;         // "C", "38", "384", "3841"
  std::string name;         // Chinese name as published
  int level = 0;            // 1 section, 2 division, 3 group, 4 class
  std::string parent_code;  // empty for a section
  std::string section;      // section letter
};

class IndustryClassification {
 public:
  // The shipped GB/T 4754-2017 list.
  static const IndustryClassification& Gbt4754();

  // The entry for a code at any level, accepting the section-prefixed form ("C3841") too.
  const IndustryEntry* Find(std::string_view code) const;
  // True iff `code` is a 4-digit class (小类) of the standard.
  bool IsClass(std::string_view code) const;
  // Section, division, group and class of `code`, top first; empty if unknown.
  std::vector<const IndustryEntry*> Path(std::string_view code) const;
  // Every 4-digit class at or below `code` (a section letter or 2-4 digit prefix), in order.
  std::vector<const IndustryEntry*> ClassesUnder(std::string_view code) const;
  const std::vector<IndustryEntry>& entries() const { return entries_; }

  // Validates a 4-digit class code; InvalidArgument says whether it is malformed, unknown, or a
  // code of a higher level.
  Status CheckClass(std::string_view code) const;

 private:
  explicit IndustryClassification(std::vector<IndustryEntry> entries);
  std::vector<IndustryEntry> entries_;  // in standard order; constant after construction
  std::unordered_map<std::string, std::size_t> index_;  // code -> position in entries_
};

// True for the sections of industry (工业) in the statistical sense: B mining, C manufacturing,
// D power, heat, gas and water. The above-scale industrial survey covers these and no others.
inline bool IsIndustrialSection(std::string_view section) {
  return section == "B" || section == "C" || section == "D";
}

// 高技术产业（制造业）分类（2017）: six categories mapped to GB/T 4754-2017 classes.
struct HighTechCategory {
  std::string code;  // "01" .. "06"
  std::string name;
};
// The high-tech manufacturing category of a 4-digit class, or nullopt if it is not high-tech.
std::optional<HighTechCategory> HighTechCategoryOf(std::string_view class_code);
// Every (category, class) pair of the shipped list.
std::vector<std::pair<HighTechCategory, std::string>> HighTechClasses();

// 战略性新兴产业分类（2018）: "1" .. "9" and "1.1" .. "9.2". No class mapping exists publicly,
// so enterprises carry the code as a flag.
struct StrategicEmergingEntry {
  std::string code;
  std::string name;
  int level = 0;
  std::string parent_code;
};
const StrategicEmergingEntry* FindStrategicEmerging(std::string_view code);
const std::vector<StrategicEmergingEntry>& StrategicEmergingIndustries();

// Administrative divisions (统计用区划代码 2022).
struct Division {
  std::string code;  // 6-digit county or 9-digit town
  std::string name;
  std::string parent_code;
};
// The county-level division with this 6-digit code, or nullptr.
const Division* FindCounty(std::string_view code);
// County-level divisions whose code starts with `prefix` ("50": every county of Chongqing).
std::vector<const Division*> CountiesUnder(std::string_view prefix);
// Towns (乡镇街道) of a county, empty if none are shipped for it.
std::vector<const Division*> TownsOf(std::string_view county_code);

}  // namespace clusterscope::core
