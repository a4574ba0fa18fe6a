// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Import profiles: saved from a file as it was read, or as TOML an analyst edits; kept in the
// store as that TOML.
#include <algorithm>
#include <filesystem>
#include <sstream>

#include "read_file.h"
#include "toml_reader.h"
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "clusterscope/app/import_service.h"
#include "clusterscope/core/text.h"
#include "clusterscope/ingest/chain_imports.h"
#include "clusterscope/ingest/importers.h"
#include "clusterscope/ingest/table_layout.h"
#include "clusterscope/storage/store.h"
#include "clusterscope/text/errors.h"

namespace clusterscope::app {
namespace {

// The columns of the kinds a profile reads; nullptr for a kind read by its own reader (matrix).
const std::vector<ingest::ColumnSpec>* SpecsOf(std::string_view kind) {
  if (kind == "enterprises") return &ingest::EnterpriseColumns();
  if (kind == "designations") return &ingest::DesignationColumns();
  if (kind == "scale") return &ingest::ScaleColumns();
  if (kind == "monthly") return &ingest::MonthlyColumns();
  if (kind == "prices") return &ingest::PriceColumns();
  if (kind == "series") return &ingest::SeriesColumns();
  if (kind == "projects") return &ingest::ProjectColumns();
  if (kind == "relations") return &ingest::RelationColumns();
  if (kind == "prospects") return &ingest::ProspectColumns();
  return nullptr;
}

Status Invalid(core::Text text) {
  return Status::Of(Status::Code::kInvalidArgument, std::move(text));
}

// Letters, digits, Chinese characters (any byte past ASCII), '-' and '_': a name that is safe in
// a URL, a file name and a message.
bool ValidName(std::string_view name) {
  if (name.empty() || core::CharacterCount(name) > 64) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c & 0x80) != 0 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
  });
}

// What is wrong with a profile as a whole: its name, its kind, the columns it names.
std::vector<model::Problem> CheckProfile(const model::ImportProfile& profile) {
  std::vector<model::Problem> problems;
  if (!ValidName(profile.name)) {
    problems.push_back(model::Problem::Of("name", core::Say(text::kBadProfileName, profile.name)));
  }
  const auto* specs = SpecsOf(profile.kind);
  if (specs == nullptr) {
    problems.push_back(
        model::Problem::Of("kind", core::Say(text::kNoProfileForKind, profile.kind)));
    return problems;
  }
  std::vector<std::string_view> names;
  for (const auto& spec : *specs) names.push_back(spec.name);
  for (std::size_t i = 0; i < profile.columns.size(); ++i) {
    const std::string& column = profile.columns[i].second;
    if (column.empty() || std::find(names.begin(), names.end(), column) != names.end()) continue;
    problems.push_back(model::Problem::Of(
        fmt::format("columns[{}].column", i),
        core::Say(text::kProfileBadColumn, column, profile.kind, fmt::join(names, ", "))));
  }
  return problems;
}

// The profile `text` states; `name`, when given, replaces the name it states (or lacks).
Result<model::ImportProfile> ParseProfile(const std::string& text, const std::string& source,
                                          const std::string& name = {}) {
  auto parsed = ParseToml(text, source);
  if (!parsed) return Error(parsed.error());
  const toml::table& doc = *parsed;
  Reader reader(source);
  reader.Allow(doc, "",
               {"name", "kind", "source", "header_line", "header_rows", "year_to_date", "unit",
                "sheets", "columns"});
  model::ImportProfile profile;
  profile.name = reader.String(doc, "", "name", name.empty());
  if (!name.empty()) profile.name = name;
  profile.kind = reader.String(doc, "", "kind", true);
  profile.source = reader.String(doc, "", "source", false);
  if (const auto line = reader.Number(doc, "", "header_line")) {
    if (*line < 1 || *line != static_cast<double>(static_cast<std::size_t>(*line))) {
      reader.Problem("header_line", doc.get("header_line"), "must be a row number, 1 or more");
    } else {
      profile.header_line = static_cast<std::size_t>(*line);
    }
  }
  if (const auto rows = reader.Number(doc, "", "header_rows")) {
    if (*rows != 1 && *rows != 2) {
      reader.Problem("header_rows", doc.get("header_rows"), "must be 1 or 2");
    } else {
      profile.header_rows = static_cast<std::size_t>(*rows);
    }
  }
  if (const toml::node* node = doc.get("year_to_date")) {
    if (const auto* flag = node->as_boolean()) {
      profile.year_to_date = flag->get();
    } else {
      reader.Problem("year_to_date", node, "must be true (本年累计) or false (本月)");
    }
  }
  if (const std::string unit = reader.String(doc, "", "unit", false); !unit.empty()) {
    profile.unit = model::ParseMoneyUnit(unit);
    if (!profile.unit) reader.Problem("unit", doc.get("unit"), "must be 元, 千元, 万元 or 亿元");
  }
  profile.sheets = reader.Strings(doc, "", "sheets");
  for (const auto& [path, table] : reader.Tables(doc, "", "columns")) {
    reader.Allow(*table, path, {"header", "column"});
    profile.columns.emplace_back(reader.String(*table, path, "header", true),
                                 reader.String(*table, path, "column", true));
  }
  CLUSTERSCOPE_RETURN_IF_ERROR(reader.Finish([&] { return CheckProfile(profile); }));
  return profile;
}

}  // namespace

std::string ImportProfileToml(const model::ImportProfile& profile) {
  // Key by key in a fixed order; toml++ quotes and escapes each value.
  std::ostringstream out;
  out << "# Import profile: how files of one source are read (clusterscope import ... --profile "
         "NAME).\n"
         "# header_line and header_rows fix the header (leave them out to have it found); each\n"
         "# [[columns]] names a column by its header as in the file (two levels joined by \"·\");\n"
         "# column = \"\" leaves it out.\n";
  const auto put = [&out](std::string_view key, auto value) {
    out << toml::toml_formatter(toml::table{{key, std::move(value)}}) << "\n";
  };
  put("name", profile.name);
  put("kind", profile.kind);
  if (!profile.source.empty()) put("source", profile.source);
  if (profile.header_line > 0) put("header_line", static_cast<std::int64_t>(profile.header_line));
  if (profile.header_rows > 0) put("header_rows", static_cast<std::int64_t>(profile.header_rows));
  if (profile.year_to_date) put("year_to_date", *profile.year_to_date);
  if (profile.unit) put("unit", std::string(model::MoneyUnitName(*profile.unit)));
  if (!profile.sheets.empty()) {
    toml::array sheets;
    for (const auto& sheet : profile.sheets) sheets.push_back(sheet);
    put("sheets", std::move(sheets));
  }
  for (const auto& [header, column] : profile.columns) {
    out << "\n[[columns]]\n";
    put("header", header);
    put("column", column);
  }
  return out.str();
}

Status ImportService::MayChangeProfiles() const {
  const Caller& who = caller();
  if (who.channel == Channel::kCommandLine || who.role == model::Role::kAdmin ||
      who.role == model::Role::kAnalyst) {
    return Status::Ok();
  }
  return Status::Of(Status::Code::kPermissionDenied, core::Say(text::kProfilesByAnalysts));
}

Status ImportService::PutProfile(const model::ImportProfile& profile) {
  CLUSTERSCOPE_RETURN_IF_ERROR(model::ProblemsToStatus(CheckProfile(profile)));
  auto tx = store().Begin(actor());
  if (!tx) return tx.error();
  CLUSTERSCOPE_RETURN_IF_ERROR(
      (*tx)->PutImportProfile({profile.name, profile.kind, ImportProfileToml(profile), {}, {}}));
  return (*tx)->Commit();
}

Result<model::ImportProfile> ImportService::SaveProfileFrom(
    const std::string& name, std::string_view kind, const std::string& path,
    const model::ImportOptions& options,
    const std::vector<std::pair<std::string, std::string>>& columns) {
  CLUSTERSCOPE_RETURN_IF_ERROR(MayChangeProfiles());
  const auto* specs = SpecsOf(kind);
  if (specs == nullptr) return Error(Invalid(core::Say(text::kNoProfileForKind, kind)));
  model::ImportProfile given;  // the names given, applied as the profile will apply them
  given.name = name;
  given.columns = columns;
  // Several sheets are alike: the first to be read shows how.
  const std::string first = options.sheets.empty() || options.sheets.front() == "*"
                                ? options.sheet
                                : options.sheets.front();
  auto reader = ingest::OpenLaidOutTable(
      path, first, options.gbk ? ingest::Encoding::kGbk : ingest::Encoding::kUtf8,
      options.memory_budget, *specs, &given);
  if (!reader) return Error(reader.error());
  const ingest::TableLayout& layout = (*reader)->layout();
  model::ImportProfile profile;
  profile.name = name;
  profile.kind = std::string(kind);
  profile.source = options.source_name.empty() ? std::filesystem::path(path).filename().string()
                                               : options.source_name;
  profile.header_line = layout.header.line;
  profile.header_rows = layout.header_rows;
  // What the file states, else what the reader said of it.
  profile.year_to_date = layout.year_to_date;
  if (!profile.year_to_date && options.cumulative) profile.year_to_date = true;
  profile.unit = layout.unit ? layout.unit : options.unit;
  profile.sheets = options.sheets;
  if (profile.sheets.empty() && !options.sheet.empty()) profile.sheets = {options.sheet};
  std::vector<std::string> unknown;
  for (const auto& column : ingest::DescribeColumns(layout, *specs)) {
    if (column.use == "ignored" && !options.ignore_unknown_columns) {
      unknown.push_back(fmt::format("{} '{}'", column.position, column.header));
    }
    profile.columns.emplace_back(column.header, column.column);
  }
  if (!unknown.empty()) {
    return Error(Invalid(core::Say(text::kProfileUnknownColumns, path, fmt::join(unknown, ", "))));
  }
  CLUSTERSCOPE_RETURN_IF_ERROR(PutProfile(profile));
  return profile;
}

Result<model::ImportProfile> ImportService::SaveProfileToml(const std::string& text,
                                                            const std::string& source,
                                                            const std::string& name) {
  CLUSTERSCOPE_RETURN_IF_ERROR(MayChangeProfiles());
  auto profile = ParseProfile(text, source, name);
  if (!profile) return profile;
  CLUSTERSCOPE_RETURN_IF_ERROR(PutProfile(*profile));
  return profile;
}

Result<model::ImportProfile> ImportService::SaveProfileTomlFile(const std::string& path,
                                                                const std::string& name) {
  auto text = ReadWholeFile(path);
  if (!text) return Error(text.error());
  return SaveProfileToml(*text, path, name);
}

Result<std::vector<model::ImportProfile>> ImportService::Profiles() {
  auto stored = store().ListImportProfiles();
  if (!stored) return Error(stored.error());
  std::vector<model::ImportProfile> out;
  for (const auto& row : *stored) {
    auto profile = ParseProfile(row.body, "import profile " + row.name);
    if (!profile) return Error(profile.error());
    out.push_back(std::move(*profile));
  }
  return out;
}

Result<model::ImportProfile> ImportService::Profile(std::string_view name) {
  auto profiles = Profiles();
  if (!profiles) return Error(profiles.error());
  std::vector<std::string> names;
  for (auto& profile : *profiles) {
    if (profile.name == name) return std::move(profile);
    names.push_back(profile.name);
  }
  return Error(
      Status::Of(Status::Code::kNotFound,
                 core::Say(text::kNoSuchProfile, name,
                           names.empty() ? "—" : fmt::format("{}", fmt::join(names, "、")))));
}

Status ImportService::DeleteProfile(std::string_view name) {
  CLUSTERSCOPE_RETURN_IF_ERROR(MayChangeProfiles());
  auto tx = store().Begin(actor());
  if (!tx) return tx.error();
  CLUSTERSCOPE_RETURN_IF_ERROR((*tx)->DeleteImportProfile(name));
  return (*tx)->Commit();
}

}  // namespace clusterscope::app
