// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/app/analytics_config.h"

#include "toml_reader.h"

namespace clusterscope::app {

Result<model::AnalyticsPlan> LoadAnalyticsPlanText(const std::string& text, const std::string& name,
                                                   const model::ClusterSystem& system) {
  auto document = ParseToml(text, name);
  if (!document) return Error(document.error());
  const toml::table& root = *document;
  Reader reader(name);
  reader.Allow(root, "",
               {"system", "source", "region", "benchmark", "shift_share_years",
                "related_industries", "sectors"});
  model::AnalyticsPlan plan;
  plan.system_code = reader.String(root, "", "system", true);
  plan.source = reader.String(root, "", "source", false);
  plan.region = reader.String(root, "", "region", true);
  plan.benchmark = reader.String(root, "", "benchmark", false);
  const auto whole = [&](std::string_view key, int& field) {
    if (const auto value = reader.Number(root, "", key)) {
      if (*value != static_cast<int>(*value)) {
        reader.Problem(std::string(key), root.get(key), "must be a whole number");
      }
      field = static_cast<int>(*value);
    }
  };
  whole("shift_share_years", plan.shift_share_years);
  whole("related_industries", plan.related_industries);
  for (const auto& [path, table] : reader.Tables(root, "", "sectors")) {
    reader.Allow(*table, path, {"sector", "industries", "cluster"});
    model::IoSector sector;
    sector.sector = reader.String(*table, path, "sector", true);
    sector.industries = reader.Strings(*table, path, "industries");
    sector.cluster = reader.String(*table, path, "cluster", false);
    plan.sectors.push_back(std::move(sector));
  }
  CLUSTERSCOPE_RETURN_IF_ERROR(
      reader.Finish([&] { return plan.Check(system, core::IndustryClassification::Gbt4754()); }));
  return plan;
}

}  // namespace clusterscope::app
