// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/app/chains_config.h"

#include "read_file.h"
#include "toml_reader.h"

namespace clusterscope::app {
namespace {

void ReadRules(Reader& reader, const toml::table& table, const std::string& path,
               model::LinkRules& rules) {
  reader.Allow(table, path,
               {"min_enterprises", "strong_enterprises", "strong_output", "strong_growth",
                "at_risk_growth", "at_risk_top_share"});
  const auto integer = [&](std::string_view key, int& field) {
    if (const auto value = reader.Number(table, path, key)) {
      if (*value != static_cast<int>(*value)) {
        reader.Problem(path + "." + std::string(key), table.get(key), "must be a whole number");
      }
      field = static_cast<int>(*value);
    }
  };
  integer("min_enterprises", rules.min_enterprises);
  integer("strong_enterprises", rules.strong_enterprises);
  for (const auto& [key, field] : {std::pair{"strong_output", &rules.strong_output},
                                   std::pair{"strong_growth", &rules.strong_growth},
                                   std::pair{"at_risk_growth", &rules.at_risk_growth},
                                   std::pair{"at_risk_top_share", &rules.at_risk_top_share}}) {
    if (const auto value = reader.Number(table, path, key)) *field = *value;
  }
}

// A fixed-length array of numbers, e.g. one per pipeline stage.
template <typename T, std::size_t N>
void ReadNumbers(Reader& reader, const toml::table& table, const std::string& path,
                 std::string_view key, std::array<T, N>& out) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return;
  const std::string full = path + "." + std::string(key);
  const auto* array = node->as_array();
  if (array == nullptr || array->size() != N) {
    reader.Problem(full, node, fmt::format("must be an array of {} numbers", N));
    return;
  }
  for (std::size_t i = 0; i < N; ++i) {
    const auto value = array->get(i)->value<double>();
    if (!value) {
      reader.Problem(fmt::format("{}[{}]", full, i), array->get(i), "must be a number");
      continue;
    }
    out[i] = static_cast<T>(*value);
  }
}

std::vector<model::Criterion> ReadCriteria(Reader& reader, const toml::table& parent,
                                           const std::string& path, std::string_view key) {
  std::vector<model::Criterion> out;
  for (const auto& [at, table] : reader.Tables(parent, path, key)) {
    reader.Allow(*table, at, {"figure", "min", "max", "band_by", "bands", "label", "label_en"});
    model::Criterion c;
    c.figure = reader.String(*table, at, "figure", true);
    c.min = reader.Number(*table, at, "min");
    c.max = reader.Number(*table, at, "max");
    c.band_by = reader.String(*table, at, "band_by", false);
    c.label = reader.String(*table, at, "label", false);
    c.label_en = reader.String(*table, at, "label_en", false);
    for (const auto& [band_at, band] : reader.Tables(*table, at, "bands")) {
      reader.Allow(*band, band_at, {"up_to", "min"});
      const auto min = reader.Number(*band, band_at, "min");
      if (!min) reader.Problem(band_at + ".min", band, "required key is missing");
      c.bands.emplace_back(reader.Number(*band, band_at, "up_to"), min.value_or(0));
    }
    out.push_back(std::move(c));
  }
  return out;
}

model::ChainLink ReadLink(Reader& reader, const toml::table& table, const std::string& path) {
  reader.Allow(table, path,
               {"code", "name_zh", "name_en", "upstream", "classes", "products", "strong_output",
                "strong_enterprises"});
  model::ChainLink link;
  link.code = reader.String(table, path, "code", true);
  link.name_zh = reader.String(table, path, "name_zh", true);
  link.name_en = reader.String(table, path, "name_en", false);
  link.upstream = reader.Strings(table, path, "upstream");
  link.classes = reader.Strings(table, path, "classes");
  link.products = reader.Strings(table, path, "products");
  link.strong_output = reader.Number(table, path, "strong_output");
  if (const auto n = reader.Number(table, path, "strong_enterprises")) {
    link.strong_enterprises = static_cast<int>(*n);
  }
  return link;
}

}  // namespace

Result<model::ChainPlan> LoadChainPlanText(const std::string& text, const std::string& name,
                                           const model::ClusterSystem& system) {
  auto document = ParseToml(text, name);
  if (!document) return Error(document.error());
  const toml::table& root = *document;
  Reader reader(name);
  reader.Allow(root, "",
               {"system", "source", "rules", "completeness", "chains", "pipeline", "ladders"});
  model::ChainPlan plan;
  plan.system_code = reader.String(root, "", "system", true);
  plan.source = reader.String(root, "", "source", false);
  if (const auto* rules = reader.Table(root, "", "rules")) {
    ReadRules(reader, *rules, "rules", plan.rules);
  }
  if (const auto* weights = reader.Table(root, "", "completeness")) {
    reader.Allow(*weights, "completeness", {"strong", "weak", "at_risk", "missing"});
    for (const auto& [key, field] :
         {std::pair{"strong", &plan.weights.strong}, std::pair{"weak", &plan.weights.weak},
          std::pair{"at_risk", &plan.weights.at_risk},
          std::pair{"missing", &plan.weights.missing}}) {
      if (const auto value = reader.Number(*weights, "completeness", key)) *field = *value;
    }
  }
  for (const auto& [path, table] : reader.Tables(root, "", "chains")) {
    reader.Allow(
        *table, path,
        {"code", "name_zh", "name_en", "cluster", "chief", "masters", "links", "members", "rules"});
    model::Chain chain;
    chain.code = reader.String(*table, path, "code", true);
    chain.name_zh = reader.String(*table, path, "name_zh", true);
    chain.name_en = reader.String(*table, path, "name_en", false);
    chain.cluster = reader.String(*table, path, "cluster", false);
    chain.chief = reader.String(*table, path, "chief", false);
    chain.masters = reader.Strings(*table, path, "masters");
    if (const auto* rules = reader.Table(*table, path, "rules")) {
      chain.rules = plan.rules;
      ReadRules(reader, *rules, path + ".rules", *chain.rules);
    }
    for (const auto& [link_path, link] : reader.Tables(*table, path, "links")) {
      chain.links.push_back(ReadLink(reader, *link, link_path));
    }
    for (const auto& [member_path, member] : reader.Tables(*table, path, "members")) {
      reader.Allow(*member, member_path, {"enterprise", "link"});
      chain.members.push_back({reader.String(*member, member_path, "enterprise", true),
                               reader.String(*member, member_path, "link", true)});
    }
    plan.chains.push_back(std::move(chain));
  }
  if (const auto* pipeline = reader.Table(root, "", "pipeline")) {
    reader.Allow(*pipeline, "pipeline", {"stage_months", "realisation"});
    ReadNumbers(reader, *pipeline, "pipeline", "stage_months", plan.pipeline.stage_months);
    ReadNumbers(reader, *pipeline, "pipeline", "realisation", plan.pipeline.realisation);
  }
  for (const auto& [path, table] : reader.Tables(root, "", "ladders")) {
    reader.Allow(
        *table, path,
        {"code", "name_zh", "name_en", "population", "criteria", "list_from", "goal_designation"});
    model::Ladder ladder;
    ladder.code = reader.String(*table, path, "code", true);
    ladder.name_zh = reader.String(*table, path, "name_zh", true);
    ladder.name_en = reader.String(*table, path, "name_en", false);
    ladder.population = ReadCriteria(reader, *table, path, "population");
    ladder.criteria = ReadCriteria(reader, *table, path, "criteria");
    if (const auto value = reader.Number(*table, path, "list_from")) ladder.list_from = *value;
    ladder.goal_designation = reader.String(*table, path, "goal_designation", false);
    plan.ladders.push_back(std::move(ladder));
  }
  CLUSTERSCOPE_RETURN_IF_ERROR(
      reader.Finish([&] { return plan.Check(system, core::IndustryClassification::Gbt4754()); }));
  return plan;
}

Result<model::ChainPlan> LoadChainPlanFile(const std::string& path,
                                           const model::ClusterSystem& system) {
  auto text = ReadWholeFile(path);
  if (!text) return Error(text.error());
  return LoadChainPlanText(*text, path, system);
}

}  // namespace clusterscope::app
