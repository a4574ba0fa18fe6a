// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/app/targets_config.h"

#include "read_file.h"
#include "toml_reader.h"

namespace clusterscope::app {
namespace {

std::optional<model::Quantity> ReadQuantity(Reader& reader, const toml::table& parent,
                                            const std::string& path, std::string_view key) {
  const toml::table* table = reader.Table(parent, path, key);
  if (table == nullptr) return std::nullopt;
  const std::string at = path.empty() ? std::string(key) : path + "." + std::string(key);
  reader.Allow(*table, at,
               {"measure", "indicator", "designation", "enterprises", "series", "group",
                "threshold", "above_scale_only", "new_since_base"});
  model::Quantity q;
  int sources = 0;
  static constexpr std::pair<const char*, model::Quantity::Source> kSources[] = {
      {"measure", model::Quantity::Source::kMeasure},
      {"indicator", model::Quantity::Source::kIndicator},
      {"designation", model::Quantity::Source::kDesignation},
      {"enterprises", model::Quantity::Source::kEnterprises},
      {"series", model::Quantity::Source::kSeries}};
  for (const auto& [name, source] : kSources) {
    if (table->get(name) == nullptr) continue;
    ++sources;
    q.source = source;
    q.name = reader.String(*table, at, name, true);
  }
  if (sources != 1) {
    reader.Problem(at, table,
                   "give exactly one of measure, indicator, designation, enterprises, series");
    return std::nullopt;
  }
  if (table->get("group") != nullptr) q.group = reader.String(*table, at, "group", true);
  q.threshold = reader.Number(*table, at, "threshold");
  for (const auto& [name, field] : {std::pair{"above_scale_only", &q.above_scale_only},
                                    std::pair{"new_since_base", &q.new_since_base}}) {
    if (const auto* flag = table->get(name)) {
      if (const auto* b = flag->as_boolean()) {
        *field = b->get();
      } else {
        reader.Problem(at + "." + name, flag, "must be true or false");
      }
    }
  }
  return q;
}

std::optional<int> Year(Reader& reader, const toml::table& table, const std::string& path,
                        std::string_view key, std::optional<int> fallback) {
  const auto value = reader.Number(table, path, key);
  if (!value) return fallback;
  if (*value < 1990 || *value > 2100 || *value != static_cast<int>(*value)) {
    reader.Problem(path.empty() ? std::string(key) : path + "." + std::string(key), table.get(key),
                   "must be a year between 1990 and 2100");
    return fallback;
  }
  return static_cast<int>(*value);
}

}  // namespace

namespace {

// One [[targets]] table; the plan's base and target years stand in where it gives none.
model::Target ReadTarget(Reader& reader, const toml::table& table_ref, const std::string& path,
                         std::optional<int> base_year, std::optional<int> target_year) {
  const toml::table* table = &table_ref;
  reader.Allow(*table, path, {"id",          "row",       "name_zh",     "name_en",   "kind",
                              "scope",       "unit",      "direction",   "value",     "numerator",
                              "denominator", "reference", "series",      "base_year", "base",
                              "target_year", "target",    "source_text", "decompose", "parts",
                              "base_source", "coverage"});
  model::Target t;
  t.id = reader.String(*table, path, "id", true);
  t.row = static_cast<int>(reader.Number(*table, path, "row").value_or(0));
  t.name_zh = reader.String(*table, path, "name_zh", true);
  t.name_en = reader.String(*table, path, "name_en", false);
  const std::string kind = reader.String(*table, path, "kind", true);
  bool known_kind = false;
  for (const auto k :
       {model::TargetKind::kLevel, model::TargetKind::kRatio, model::TargetKind::kCount,
        model::TargetKind::kRate, model::TargetKind::kCompare, model::TargetKind::kMilestone,
        model::TargetKind::kFloor}) {
    if (model::TargetKindName(k) == kind) {
      t.kind = k;
      known_kind = true;
    }
  }
  if (!known_kind && !kind.empty()) {
    reader.Problem(path + ".kind", table->get("kind"),
                   fmt::format("unknown kind '{}' (level, ratio, count, rate, compare, "
                               "milestone, floor)",
                               kind));
  }
  if (table->get("scope") != nullptr) t.scope = reader.String(*table, path, "scope", true);
  t.unit = reader.String(*table, path, "unit", t.kind != model::TargetKind::kMilestone);
  const std::string direction = reader.String(*table, path, "direction", false);
  if (direction == "at_most") {
    t.direction = model::Direction::kAtMost;
  } else if (!direction.empty() && direction != "at_least") {
    reader.Problem(path + ".direction", table->get("direction"),
                   "must be \"at_least\" or \"at_most\"");
  }
  t.value = ReadQuantity(reader, *table, path, "value");
  t.numerator = ReadQuantity(reader, *table, path, "numerator");
  t.denominator = ReadQuantity(reader, *table, path, "denominator");
  t.reference = ReadQuantity(reader, *table, path, "reference");
  t.milestone_series = reader.String(*table, path, "series", false);
  const auto own_base = Year(reader, *table, path, "base_year", base_year);
  const auto own_target = Year(reader, *table, path, "target_year", target_year);
  if (!own_base) reader.Problem(path + ".base_year", table, "required (or set it at the top)");
  if (!own_target) {
    reader.Problem(path + ".target_year", table, "required (or set it at the top)");
  }
  t.base_year = own_base.value_or(0);
  t.target_year = own_target.value_or(0);
  t.base_value = reader.Number(*table, path, "base");
  t.base_source = reader.String(*table, path, "base_source", false);
  if (!t.base_source.empty() && !t.base_value) {
    reader.Problem(path + ".base_source", table->get("base_source"),
                   "says where a base value comes from: give the base too");
  }
  if (const auto* coverage = reader.Table(*table, path, "coverage")) {
    const std::string at = path + ".coverage";
    reader.Allow(*coverage, at, {"basis", "series", "above_scale_share"});
    t.coverage = reader.String(*coverage, at, "basis", true);
    t.coverage_series = reader.String(*coverage, at, "series", false);
    t.above_scale_share = reader.Number(*coverage, at, "above_scale_share");
  }
  t.target_value = reader.Number(*table, path, "target");
  t.source_text = reader.String(*table, path, "source_text", false);
  t.decompose = reader.String(*table, path, "decompose", false);
  if (const auto* parts = reader.Table(*table, path, "parts")) {
    for (const auto& [code, node] : *parts) {
      if (const auto value = reader.Number(*parts, path + ".parts", code.str())) {
        t.parts[std::string(code.str())] = *value;
      }
    }
  }
  return t;
}

}  // namespace

Result<model::TargetPlan> LoadTargetPlanText(const std::string& text, const std::string& name,
                                             const model::ClusterSystem& system) {
  auto parsed = ParseToml(text, name);
  if (!parsed) return Error(parsed.error());
  const toml::table& doc = *parsed;
  Reader reader(name);
  model::TargetPlan plan;
  reader.Allow(
      doc, "",
      {"system", "name_zh", "source", "base_year", "target_year", "status", "series", "targets"});
  plan.system_code = reader.String(doc, "", "system", true);
  plan.name_zh = reader.String(doc, "", "name_zh", false);
  plan.source = reader.String(doc, "", "source", false);
  const auto base_year = Year(reader, doc, "", "base_year", std::nullopt);
  const auto target_year = Year(reader, doc, "", "target_year", std::nullopt);
  if (const auto* status = reader.Table(doc, "", "status")) {
    reader.Allow(*status, "status", {"ahead_gap", "amber_gap", "red_gap"});
    plan.ahead_gap = reader.Number(*status, "status", "ahead_gap").value_or(plan.ahead_gap);
    plan.amber_gap = reader.Number(*status, "status", "amber_gap").value_or(plan.amber_gap);
    plan.red_gap = reader.Number(*status, "status", "red_gap").value_or(plan.red_gap);
  }
  for (const auto& [path, table] : reader.Tables(doc, "", "series")) {
    reader.Allow(*table, path, {"code", "name_zh", "name_en", "unit"});
    plan.series.push_back(
        {reader.String(*table, path, "code", true), reader.String(*table, path, "name_zh", true),
         reader.String(*table, path, "name_en", false), reader.String(*table, path, "unit", true)});
  }
  for (const auto& [path, table] : reader.Tables(doc, "", "targets")) {
    plan.targets.push_back(ReadTarget(reader, *table, path, base_year, target_year));
  }
  CLUSTERSCOPE_RETURN_IF_ERROR(reader.Finish([&] { return plan.Check(system); }));
  return plan;
}

Result<model::TargetPlan> LoadTargetPlanFile(const std::string& path,
                                             const model::ClusterSystem& system) {
  auto text = ReadWholeFile(path);
  if (!text) return Error(text.error());
  return LoadTargetPlanText(*text, path, system);
}

}  // namespace clusterscope::app
