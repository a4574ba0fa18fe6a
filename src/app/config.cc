// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// toml++ stays in this file. The loader walks the document once, building the model structs and
// remembering the source line of every key path ("clusters[3].tier"), so that the model's
// Check() problems, which only know key paths, can be reported at their line.
#include "clusterscope/app/config.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "clusterscope/core/classification.h"

namespace clusterscope::app {
namespace {

constexpr int kMaxParentDepth = 3;

class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  void Problem(const std::string& key, const toml::node* node, std::string message) {
    const int line = node != nullptr ? static_cast<int>(node->source().begin.line) : LineOf(key);
    problems_.push_back(
        fmt::format("{}:{}: {}{}", file_, line, key.empty() ? "" : key + ": ", message));
  }

  // Problems from model::Check(), located by the longest recorded prefix of their key.
  void ModelProblem(const model::Problem& problem) {
    Problem(problem.key, nullptr, problem.message);
  }

  void Allow(const toml::table& table, const std::string& path,
             std::initializer_list<std::string_view> keys) {
    Remember(path, table);
    for (const auto& [key, node] : table) {
      bool allowed = false;
      for (const auto k : keys) allowed = allowed || key.str() == k;
      if (!allowed) {
        Problem(Join(path, std::string(key.str())), &node,
                fmt::format("unknown key (allowed here: {})", fmt::join(keys, ", ")));
      }
    }
  }

  std::string String(const toml::table& table, const std::string& path, std::string_view key,
                     bool required) {
    const toml::node* node = table.get(key);
    const std::string full = Join(path, std::string(key));
    if (node == nullptr) {
      if (required) Problem(full, &table, "required key is missing");
      return {};
    }
    Remember(full, *node);
    if (const auto* value = node->as_string()) return value->get();
    Problem(full, node, "must be a string");
    return {};
  }

  std::optional<double> Number(const toml::table& table, const std::string& path,
                               std::string_view key) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return std::nullopt;
    const std::string full = Join(path, std::string(key));
    Remember(full, *node);
    if (const auto* i = node->as_integer()) return static_cast<double>(i->get());
    if (const auto* f = node->as_floating_point()) return f->get();
    Problem(full, node, "must be a number");
    return std::nullopt;
  }

  std::vector<std::string> Strings(const toml::table& table, const std::string& path,
                                   std::string_view key) {
    std::vector<std::string> out;
    const toml::node* node = table.get(key);
    if (node == nullptr) return out;
    const std::string full = Join(path, std::string(key));
    Remember(full, *node);
    const auto* array = node->as_array();
    if (array == nullptr) {
      Problem(full, node, "must be an array of strings, e.g. [\"2614\", \"28\"]");
      return out;
    }
    for (std::size_t i = 0; i < array->size(); ++i) {
      const toml::node& item = *array->get(i);
      const std::string item_key = fmt::format("{}[{}]", full, i);
      Remember(item_key, item);
      if (const auto* value = item.as_string()) {
        out.push_back(value->get());
      } else {
        Problem(item_key, &item, "must be a string");
      }
    }
    return out;
  }

  // The tables of an array of tables ([[clusters]]); a problem if the key holds something else.
  std::vector<std::pair<std::string, const toml::table*>> Tables(const toml::table& table,
                                                                 const std::string& path,
                                                                 std::string_view key) {
    std::vector<std::pair<std::string, const toml::table*>> out;
    const toml::node* node = table.get(key);
    if (node == nullptr) return out;
    const std::string full = Join(path, std::string(key));
    Remember(full, *node);
    const auto* array = node->as_array();
    if (array == nullptr) {
      Problem(full, node, fmt::format("must be an array of tables: write [[{}]]", full));
      return out;
    }
    for (std::size_t i = 0; i < array->size(); ++i) {
      const std::string item_key = fmt::format("{}[{}]", full, i);
      if (const auto* item = array->get(i)->as_table()) {
        out.emplace_back(item_key, item);
      } else {
        Problem(item_key, array->get(i), "must be a table");
      }
    }
    return out;
  }

  const std::vector<std::string>& problems() const { return problems_; }

 private:
  static std::string Join(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
  }

  void Remember(const std::string& path, const toml::node& node) {
    lines_.emplace(path, static_cast<int>(node.source().begin.line));
  }

  int LineOf(std::string key) const {
    for (;;) {
      if (const auto it = lines_.find(key); it != lines_.end()) return it->second;
      const auto cut = key.find_last_of(".[");
      if (cut == std::string::npos) return 1;
      key.resize(cut);
    }
  }

  std::string file_;
  std::map<std::string, int> lines_;  // key path -> 1-based source line
  std::vector<std::string> problems_;
};

model::ClassMapping ReadMapping(Reader& reader, const toml::table& table, const std::string& path) {
  return {reader.Strings(table, path, "classes"), reader.Strings(table, path, "exclude")};
}

Result<model::ClusterSystem> Load(const std::string& text, const std::string& name,
                                  const std::string& base_dir, int depth);

Result<model::ClusterSystem> LoadFile(const std::string& path, int depth) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(Status::NotFound(fmt::format("{}: cannot open the file", path)));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return Load(buffer.str(), path, std::filesystem::path(path).parent_path().string(), depth);
}

Result<model::ClusterSystem> Load(const std::string& text, const std::string& name,
                                  const std::string& base_dir, int depth) {
  toml::table doc;
  try {
    doc = toml::parse(text, name);
  } catch (const toml::parse_error& error) {
    return Error(
        Status::InvalidArgument(fmt::format("{}:{}:{}: {}", name, error.source().begin.line,
                                            error.source().begin.column, error.description())));
  }

  Reader reader(name);
  model::ClusterSystem system;
  reader.Allow(doc, "",
               {"code", "name_zh", "name_en", "region_code", "parent", "tiers", "clusters", "parks",
                "groupings", "designation_types"});
  system.code = reader.String(doc, "", "code", true);
  system.name_zh = reader.String(doc, "", "name_zh", true);
  system.name_en = reader.String(doc, "", "name_en", false);
  system.region_code = reader.String(doc, "", "region_code", true);

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
    reader.Allow(*table, path,
                 {"code", "name_zh", "name_en", "tier", "classes", "exclude", "parent"});
    model::Cluster cluster;
    cluster.code = reader.String(*table, path, "code", true);
    cluster.name_zh = reader.String(*table, path, "name_zh", true);
    cluster.name_en = reader.String(*table, path, "name_en", false);
    cluster.tier = reader.String(*table, path, "tier", true);
    cluster.classes = ReadMapping(reader, *table, path);
    cluster.parent_cluster = reader.String(*table, path, "parent", false);
    system.clusters.push_back(std::move(cluster));
  }
  for (const auto& [path, table] : reader.Tables(doc, "", "parks")) {
    reader.Allow(*table, path, {"code", "name_zh", "name_en", "land_km2"});
    system.parks.push_back(
        {reader.String(*table, path, "code", true), reader.String(*table, path, "name_zh", true),
         reader.String(*table, path, "name_en", false), reader.Number(*table, path, "land_km2")});
  }
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
  // The built-in designation types come first; the file adds its own or renames a built-in.
  system.designation_types = model::DefaultDesignationTypes();
  std::set<std::string> file_types;
  for (const auto& [path, table] : reader.Tables(doc, "", "designation_types")) {
    reader.Allow(*table, path, {"code", "name_zh", "name_en"});
    model::DesignationType type{reader.String(*table, path, "code", true),
                                reader.String(*table, path, "name_zh", true),
                                reader.String(*table, path, "name_en", false)};
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
