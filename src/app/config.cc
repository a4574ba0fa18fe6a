// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The loader walks the document once, building the model structs and remembering the source
// line of every key path ("clusters[3].tier"), so that the model's Check() problems, which only
// know key paths, can be reported at their line.
#include "clusterscope/app/config.h"

#include <filesystem>
#include <map>
#include <set>

#include "read_file.h"
#include "toml_reader.h"
#include <fmt/format.h>
#include <toml++/toml.h>

#include "clusterscope/core/classification.h"

namespace clusterscope::app {
namespace {

constexpr int kMaxParentDepth = 3;

model::ClassMapping ReadMapping(Reader& reader, const toml::table& table, const std::string& path) {
  return {reader.Strings(table, path, "classes"), reader.Strings(table, path, "exclude")};
}

Result<model::ClusterSystem> Load(const std::string& text, const std::string& name,
                                  const std::string& base_dir, int depth);

Result<model::ClusterSystem> LoadFile(const std::string& path, int depth) {
  auto text = ReadWholeFile(path);
  if (!text) return Error(text.error());
  return Load(*text, path, std::filesystem::path(path).parent_path().string(), depth);
}

// The tiers, clusters and parks of the file.
void ReadStructure(Reader& reader, const toml::table& doc, model::ClusterSystem& system) {
  for (const auto& [path, table] : reader.Tables(doc, "", "tiers")) {
    reader.Allow(*table, path,
                 {"code", "name_zh", "name_en", "scale_class", "output_threshold_yuan"});
    system.tiers.push_back({reader.String(*table, path, "code", true),
                            reader.String(*table, path, "name_zh", true),
                            reader.String(*table, path, "name_en", false),
                            reader.String(*table, path, "scale_class", false),
                            reader.Number(*table, path, "output_threshold_yuan")});
  }
  for (const auto& [path, table] : reader.Tables(doc, "", "clusters")) {
    reader.Allow(
        *table, path,
        {"code", "name_zh", "name_en", "tier", "classes", "exclude", "by_enterprise", "parent"});
    model::Cluster cluster;
    cluster.code = reader.String(*table, path, "code", true);
    cluster.name_zh = reader.String(*table, path, "name_zh", true);
    cluster.name_en = reader.String(*table, path, "name_en", false);
    cluster.tier = reader.String(*table, path, "tier", true);
    cluster.classes = ReadMapping(reader, *table, path);
    cluster.parent_cluster = reader.String(*table, path, "parent", false);
    cluster.by_enterprise.include = reader.Strings(*table, path, "by_enterprise");
    system.clusters.push_back(std::move(cluster));
  }
  for (const auto& [path, table] : reader.Tables(doc, "", "parks")) {
    reader.Allow(*table, path, {"code", "name_zh", "name_en", "land_km2"});
    system.parks.push_back(
        {reader.String(*table, path, "code", true), reader.String(*table, path, "name_zh", true),
         reader.String(*table, path, "name_en", false), reader.Number(*table, path, "land_km2")});
  }
}

// The groupings (categories of classes) of the file.
void ReadGroupings(Reader& reader, const toml::table& doc, model::ClusterSystem& system) {
  for (const auto& [path, table] : reader.Tables(doc, "", "groupings")) {
    reader.Allow(*table, path, {"code", "name_zh", "name_en", "categories"});
    model::Grouping grouping;
    grouping.code = reader.String(*table, path, "code", true);
    grouping.name_zh = reader.String(*table, path, "name_zh", true);
    grouping.name_en = reader.String(*table, path, "name_en", false);
    for (const auto& [cat_path, cat] : reader.Tables(*table, path, "categories")) {
      reader.Allow(*cat, cat_path, {"code", "name_zh", "name_en", "classes", "exclude"});
      grouping.categories.push_back({reader.String(*cat, cat_path, "code", true),
                                     reader.String(*cat, cat_path, "name_zh", true),
                                     reader.String(*cat, cat_path, "name_en", false),
                                     ReadMapping(reader, *cat, cat_path)});
    }
    system.groupings.push_back(std::move(grouping));
  }
}

// The built-in designation types come first; the file adds its own or renames a built-in.
void ReadDesignationTypes(Reader& reader, const toml::table& doc, model::ClusterSystem& system) {
  system.designation_types = model::DefaultDesignationTypes();
  std::set<std::string> file_types;
  for (const auto& [path, table] : reader.Tables(doc, "", "designation_types")) {
    reader.Allow(*table, path, {"code", "name_zh", "name_en", "term_years"});
    model::DesignationType type{reader.String(*table, path, "code", true),
                                reader.String(*table, path, "name_zh", true),
                                reader.String(*table, path, "name_en", false)};
    const auto term = reader.Number(*table, path, "term_years");
    if (term && (*term < 0 || *term > 50 || *term != std::floor(*term))) {
      reader.Problem(
          path + ".term_years", table->get("term_years"),
          fmt::format("term_years must be a whole number of years 0..50, not {}", *term));
    } else if (term) {
      type.term_years = static_cast<int>(*term);
    }
    if (!file_types.insert(type.code).second) {
      reader.Problem(path + ".code", nullptr,
                     fmt::format("duplicate designation type '{}'", type.code));
      continue;
    }
    auto it = std::find_if(system.designation_types.begin(), system.designation_types.end(),
                           [&](const auto& t) { return t.code == type.code; });
    if (it != system.designation_types.end()) {
      *it = std::move(type);
    } else {
      system.designation_types.push_back(std::move(type));
    }
  }
}

// The parent system the file names (a path relative to it), loaded with its own parent: the
// problems of the parent's file, if any.
std::vector<std::string> ReadParent(Reader& reader, const toml::table& doc,
                                    const std::string& base_dir, int depth,
                                    model::ClusterSystem& system) {
  const std::string parent_path = reader.String(doc, "", "parent", false);
  std::vector<std::string> parent_problems;
  if (!parent_path.empty()) {
    if (depth >= kMaxParentDepth) {
      reader.Problem(
          "parent", nullptr,
          fmt::format("parent systems nest deeper than {} levels (a cycle?)", kMaxParentDepth));
    } else {
      const std::string resolved = (std::filesystem::path(base_dir) / parent_path).string();
      auto parent = LoadFile(resolved, depth + 1);
      if (parent) {
        system.parent = std::make_shared<const model::ClusterSystem>(std::move(*parent));
      } else {
        parent_problems.push_back(parent.error().message());
      }
    }
  }

  return parent_problems;
}

Result<model::ClusterSystem> Load(const std::string& text, const std::string& name,
                                  const std::string& base_dir, int depth) {
  auto parsed = ParseToml(text, name);
  if (!parsed) return Error(parsed.error());
  const toml::table& doc = *parsed;

  Reader reader(name);
  model::ClusterSystem system;
  reader.Allow(doc, "",
               {"code", "name_zh", "name_en", "region_code", "parent", "tiers", "clusters", "parks",
                "groupings", "designation_types", "high_tech_by_enterprise"});
  system.code = reader.String(doc, "", "code", true);
  system.name_zh = reader.String(doc, "", "name_zh", true);
  system.name_en = reader.String(doc, "", "name_en", false);
  system.region_code = reader.String(doc, "", "region_code", true);
  system.high_tech_by_enterprise = reader.Strings(doc, "", "high_tech_by_enterprise");

  ReadStructure(reader, doc, system);
  ReadGroupings(reader, doc, system);
  ReadDesignationTypes(reader, doc, system);
  const std::vector<std::string> parent_problems = ReadParent(reader, doc, base_dir, depth, system);

  // Rules of the model are checked only on a well-shaped file, so that one typo does not
  // cascade into a screen of follow-on problems.
  if (reader.problems().empty() && parent_problems.empty()) {
    for (const auto& problem : system.Check(core::IndustryClassification::Gbt4754())) {
      reader.ModelProblem(problem);
    }
  }
  std::vector<std::string> all = parent_problems;
  all.insert(all.end(), reader.problems().begin(), reader.problems().end());
  if (!all.empty()) {
    return Error(Status::InvalidArgument(fmt::format("{}", fmt::join(all, "\n"))));
  }
  return system;
}

}  // namespace

Result<model::ClusterSystem> LoadSystemFile(const std::string& path) { return LoadFile(path, 0); }

Result<model::ClusterSystem> LoadSystemText(const std::string& text, const std::string& name,
                                            const std::string& base_dir) {
  return Load(text, name, base_dir, 0);
}

}  // namespace clusterscope::app
