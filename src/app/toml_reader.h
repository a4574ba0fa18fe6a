// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Reading a TOML configuration file with every problem located: Reader walks toml++ tables,
// checks keys and types, and remembers the source line of every key path ("clusters[3].tier"),
// so that problems found later by the model, which only know key paths, are reported at their
// line as "file:line: key: what is wrong". Private to app; toml++ stays in app's .cc files.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <toml++/toml.h>

#include "clusterscope/core/status.h"
#include "clusterscope/model/problem.h"

namespace clusterscope::app {

// The document in `text`, or InvalidArgument "name:line:column: what is wrong".
inline Result<toml::table> ParseToml(const std::string& text, const std::string& name) {
  try {
    return toml::parse(text, name);
  } catch (const toml::parse_error& error) {
    return Error(
        Status::InvalidArgument(fmt::format("{}:{}:{}: {}", name, error.source().begin.line,
                                            error.source().begin.column, error.description())));
  }
}

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

  // The table under `key` (an inline table { ... } or a [section]), or nullptr when absent.
  const toml::table* Table(const toml::table& table, const std::string& path,
                           std::string_view key) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return nullptr;
    const std::string full = Join(path, std::string(key));
    Remember(full, *node);
    if (const auto* value = node->as_table()) return value;
    Problem(full, node, "must be a table, e.g. { measure = \"value_added\" }");
    return nullptr;
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

  // Every problem as one InvalidArgument, else OK. `model_check` (returning model::Problems) runs
  // only on a document read cleanly, so that a bad key does not cascade into follow-on problems.
  template <typename ModelCheck>
  Status Finish(ModelCheck model_check) {
    if (problems_.empty()) {
      for (const auto& problem : model_check()) ModelProblem(problem);
    }
    if (problems_.empty()) return Status::Ok();
    return Status::InvalidArgument(fmt::format("{}", fmt::join(problems_, "\n")));
  }

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

}  // namespace clusterscope::app
