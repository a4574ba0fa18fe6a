// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/report/registry.h"

#include <limits>
#include <map>

#include "industry_name.h"
#include "json_values.h"
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "clusterscope/report/text_table.h"

namespace clusterscope::report {
namespace {

using nlohmann::json;

json Optional(const std::optional<double>& value) { return value ? json(*value) : json(nullptr); }
json OptionalText(const std::string& value) { return value.empty() ? json(nullptr) : json(value); }

std::string Dump(const json& value) { return value.dump(2) + "\n"; }

std::string YuanText(const std::optional<double>& yuan) {
  if (!yuan) return "";
  return fmt::format("≥ {:g} 亿元", *yuan / 1e8);
}

std::string OrDash(const std::string& text) { return text.empty() ? "-" : text; }

std::string MappingText(const model::ClassMapping& mapping) {
  std::string out = fmt::format("{}", fmt::join(mapping.include, " "));
  if (!mapping.exclude.empty()) out += fmt::format(" (excl. {})", fmt::join(mapping.exclude, " "));
  return out;
}

// A cluster's classes, with those it takes only by enterprise after a plus sign.
std::string ClusterClassesText(const model::Cluster& cluster) {
  std::string out = MappingText(cluster.classes);
  if (!cluster.by_enterprise.empty()) {
    out += fmt::format(" + by enterprise {}", fmt::join(cluster.by_enterprise.include, " "));
  }
  return out;
}

json MappingJson(const model::ClassMapping& mapping) {
  return {{"classes", mapping.include}, {"exclude", mapping.exclude}};
}

std::string ClusterName(const model::ClusterSystem& system, const std::string& code) {
  if (code.empty()) return "";
  const auto* cluster = system.FindCluster(code);
  return cluster != nullptr ? cluster->name_zh : "";
}

std::string ParkName(const model::ClusterSystem& system, const std::string& code) {
  const auto* park = system.FindPark(code);
  return park != nullptr ? park->name_zh : "";
}

std::string TownName(const std::string& county, const std::string& code) {
  for (const auto* town : core::TownsOf(county)) {
    if (town->code == code) return town->name;
  }
  return "";
}

json SystemJsonOf(const model::ClusterSystem& system, const ClusterCounts& counts) {
  json out;
  out["code"] = system.code;
  out["name_zh"] = system.name_zh;
  out["name_en"] = system.name_en;
  out["region_code"] = system.region_code;
  const auto* county = core::FindCounty(system.region_code);
  out["region_name"] = county != nullptr ? json(county->name) : json(nullptr);
  out["tiers"] = json::array();
  for (const auto& tier : system.tiers) {
    json clusters = json::array();
    for (const auto* cluster : system.ClustersOfTier(tier.code)) clusters.push_back(cluster->code);
    out["tiers"].push_back({{"code", tier.code},
                            {"name_zh", tier.name_zh},
                            {"name_en", tier.name_en},
                            {"scale_class", OptionalText(tier.scale_class)},
                            {"output_threshold_yuan", Optional(tier.output_threshold_yuan)},
                            {"clusters", clusters}});
  }
  out["clusters"] = json::array();
  for (const auto& cluster : system.clusters) {
    json item = {{"code", cluster.code},
                 {"name_zh", cluster.name_zh},
                 {"name_en", cluster.name_en},
                 {"tier", cluster.tier},
                 {"classes", cluster.classes.include},
                 {"exclude", cluster.classes.exclude},
                 {"by_enterprise", cluster.by_enterprise.include},
                 {"parent_cluster", OptionalText(cluster.parent_cluster)}};
    // The classes by name, for readers who do not know the codes (the classification's own).
    json names = json::object();
    for (const auto* codes : {&cluster.classes.include, &cluster.by_enterprise.include}) {
      for (const auto& code : *codes) names[code] = detail::IndustryName(code);
    }
    item["class_names"] = std::move(names);
    if (const auto it = counts.find(cluster.code); it != counts.end()) {
      item["enterprises"] = it->second;
    } else if (!counts.empty()) {
      item["enterprises"] = 0;
    }
    out["clusters"].push_back(std::move(item));
  }
  out["parks"] = json::array();
  for (const auto& park : system.parks) {
    out["parks"].push_back({{"code", park.code},
                            {"name_zh", park.name_zh},
                            {"name_en", park.name_en},
                            {"land_km2", Optional(park.land_km2)}});
  }
  out["groupings"] = json::array();
  for (const auto& grouping : system.groupings) {
    json categories = json::array();
    for (const auto& category : grouping.categories) {
      json item = {
          {"code", category.code}, {"name_zh", category.name_zh}, {"name_en", category.name_en}};
      item.update(MappingJson(category.classes));
      categories.push_back(std::move(item));
    }
    out["groupings"].push_back({{"code", grouping.code},
                                {"name_zh", grouping.name_zh},
                                {"name_en", grouping.name_en},
                                {"categories", categories}});
  }
  out["designation_types"] = json::array();
  for (const auto& type : system.designation_types) {
    out["designation_types"].push_back(
        {{"code", type.code}, {"name_zh", type.name_zh}, {"name_en", type.name_en}});
  }
  out["high_tech_by_enterprise"] = system.high_tech_by_enterprise;
  out["parent"] = system.parent ? SystemJsonOf(*system.parent, {}) : json(nullptr);
  return out;
}

json EnterpriseJsonOf(const model::Enterprise& e, const model::ClusterSystem& system) {
  json above = json::object();
  for (const auto& [year, flag] : e.above_scale) above[std::to_string(year)] = flag;
  const auto high_tech =
      model::IsHighTech(system, e) ? core::HighTechCategoryOf(e.industry_code) : std::nullopt;
  return {{"uscc", e.uscc},
          {"name", e.name},
          {"industry_code", e.industry_code},
          {"industry_name", detail::IndustryName(e.industry_code)},
          {"cluster", OptionalText(e.cluster)},
          {"cluster_name", OptionalText(ClusterName(system, e.cluster))},
          {"cluster_source", model::ClusterSourceName(e.cluster_source)},
          {"park", OptionalText(e.park)},
          {"town", OptionalText(e.town)},
          {"town_name", OptionalText(TownName(system.region_code, e.town))},
          {"founded", e.founded ? json(e.founded->ToString()) : json(nullptr)},
          {"listed", e.listed ? json(*e.listed) : json(nullptr)},
          {"strategic_emerging", OptionalText(e.strategic_emerging)},
          {"high_tech_category", high_tech ? json(high_tech->code) : json(nullptr)},
          {"high_tech", e.high_tech ? json(*e.high_tech) : json(nullptr)},
          {"land_km2", Optional(e.land_km2)},
          {"above_scale", above}};
}

json DesignationJsonOf(const model::Designation& d, const model::ClusterSystem& system) {
  const auto* type = system.FindDesignationType(d.type);
  return {{"uscc", d.uscc},
          {"designation", d.type},
          {"designation_name", type != nullptr ? json(type->name_zh) : json(nullptr)},
          {"granted", d.granted.ToString()},
          {"withdrawn", d.withdrawn ? json(d.withdrawn->ToString()) : json(nullptr)},
          {"level", OptionalText(d.level)},
          {"note", OptionalText(d.note)}};
}

json IssueJson(const model::RowIssue& issue, core::Language language) {
  return {{"file", issue.file},
          {"sheet", issue.sheet.empty() ? json(nullptr) : json(issue.sheet)},
          {"line", issue.line},
          {"column", issue.column},
          {"value", issue.value},
          {"rule", issue.rule},
          {"message", issue.message.In(language)}};
}

}  // namespace

std::string SystemText(const model::ClusterSystem& system, const ClusterCounts& counts) {
  std::string out = fmt::format("{} ({})\n{}\n", system.name_zh, system.code, system.name_en);
  const auto* county = core::FindCounty(system.region_code);
  out += fmt::format("Region {} {}; {} tiers, {} clusters, {} parks", system.region_code,
                     county != nullptr ? county->name : "", system.tiers.size(),
                     system.clusters.size(), system.parks.size());
  if (system.parent) out += fmt::format("; rolls up into {}", system.parent->code);
  out += "\n\n";

  std::vector<std::string> headers = {"tier",      "cluster",           "name",
                                      "name (en)", "GB/T 4754 classes", "parent"};
  if (!counts.empty()) headers.emplace_back("enterprises");
  TextTable clusters(headers);
  if (!counts.empty()) clusters.AlignRight(headers.size() - 1);
  for (const auto& tier : system.tiers) {
    for (const auto* cluster : system.ClustersOfTier(tier.code)) {
      std::vector<std::string> row = {tier.code + " " + tier.name_zh,
                                      cluster->code,
                                      cluster->name_zh,
                                      cluster->name_en,
                                      ClusterClassesText(*cluster),
                                      OrDash(cluster->parent_cluster)};
      if (!counts.empty()) {
        const auto it = counts.find(cluster->code);
        row.push_back(std::to_string(it == counts.end() ? 0 : it->second));
      }
      clusters.AddRow(std::move(row));
    }
  }
  TextTable tiers({"tier", "name", "name (en)", "scale", "output target", "clusters"});
  tiers.AlignRight(5);
  for (const auto& tier : system.tiers) {
    tiers.AddRow({tier.code, tier.name_zh, tier.name_en, OrDash(tier.scale_class),
                  OrDash(YuanText(tier.output_threshold_yuan)),
                  std::to_string(system.ClustersOfTier(tier.code).size())});
  }
  out += "Tiers\n" + tiers.Render() + "\nClusters\n" + clusters.Render();

  TextTable parks({"park", "name", "name (en)", "industrial land (km²)"});
  for (const auto& park : system.parks) {
    parks.AddRow({park.code, park.name_zh, park.name_en,
                  park.land_km2 ? fmt::format("{:g}", *park.land_km2) : "not set"});
  }
  out += "\nParks\n" + parks.Render();

  for (const auto& grouping : system.groupings) {
    TextTable categories({"category", "name", "name (en)", "GB/T 4754 codes"});
    for (const auto& category : grouping.categories) {
      categories.AddRow(
          {category.code, category.name_zh, category.name_en, MappingText(category.classes)});
    }
    out +=
        fmt::format("\nGrouping {} {} ({})\n", grouping.code, grouping.name_zh, grouping.name_en) +
        categories.Render();
  }
  std::vector<std::string> types;
  for (const auto& type : system.designation_types) {
    types.push_back(fmt::format("{} {}", type.code, type.name_zh));
  }
  out += fmt::format("\nDesignation types: {}\n", fmt::join(types, ", "));
  return out;
}

std::string SystemJson(const model::ClusterSystem& system, const ClusterCounts& counts) {
  return Dump(SystemJsonOf(system, counts));
}

std::string EnterpriseText(const model::Enterprise& e, const model::ClusterSystem& system,
                           const std::vector<model::Designation>& designations) {
  std::string out = fmt::format("{}  {}\n", e.uscc, e.name);
  std::vector<std::string> path;
  for (const auto* entry : core::IndustryClassification::Gbt4754().Path(e.industry_code)) {
    path.push_back(fmt::format("{} {}", entry->code, entry->name));
  }
  out += fmt::format("  industry:   {}\n", fmt::join(path, " > "));
  if (const auto high_tech = core::HighTechCategoryOf(e.industry_code);
      high_tech && model::IsHighTech(system, e)) {
    out += fmt::format("  high-tech:  {} {}\n", high_tech->code, high_tech->name);
  }
  out += fmt::format("  cluster:    {} {} ({})\n", OrDash(e.cluster),
                     ClusterName(system, e.cluster), model::ClusterSourceName(e.cluster_source));
  out += fmt::format("  park:       {} {}\n", OrDash(e.park), ParkName(system, e.park));
  out += fmt::format("  town:       {} {}\n", OrDash(e.town), TownName(system.region_code, e.town));
  out += fmt::format("  founded:    {}\n", e.founded ? e.founded->ToString() : "-");
  out += fmt::format("  listed:     {}\n", e.listed ? (*e.listed ? "yes" : "no") : "-");
  if (!e.strategic_emerging.empty()) {
    const auto* sei = core::FindStrategicEmerging(e.strategic_emerging);
    out += fmt::format("  strategic emerging: {} {}\n", e.strategic_emerging,
                       sei != nullptr ? sei->name : "");
  }
  out += fmt::format("  land:       {}\n", e.land_km2 ? fmt::format("{:g} km²", *e.land_km2) : "-");
  std::vector<std::string> years;
  for (const auto& [year, above] : e.above_scale) {
    years.push_back(fmt::format("{} {}", year, above ? "above" : "below"));
  }
  out += fmt::format("  scale:      {}\n",
                     years.empty() ? "-" : fmt::format("{}", fmt::join(years, ", ")));
  if (!designations.empty()) {
    out += "  designations:\n";
    for (const auto& d : designations) {
      const auto* type = system.FindDesignationType(d.type);
      out += fmt::format("    {} {} granted {}{}{}\n", d.type, type != nullptr ? type->name_zh : "",
                         d.granted.ToString(),
                         d.withdrawn ? ", withdrawn " + d.withdrawn->ToString() : "",
                         d.level.empty() ? "" : " (" + d.level + ")");
    }
  }
  return out;
}

std::string EnterpriseJson(const model::Enterprise& e, const model::ClusterSystem& system,
                           const std::vector<model::Designation>& designations) {
  json out = EnterpriseJsonOf(e, system);
  out["designations"] = json::array();
  for (const auto& d : designations) out["designations"].push_back(DesignationJsonOf(d, system));
  return Dump(out);
}

std::string EnterpriseListText(const std::vector<model::Enterprise>& enterprises,
                               const model::ClusterSystem& system, int year) {
  TextTable table({"uscc", "name", "industry", "cluster", "park",
                   year != 0 ? fmt::format("above scale {}", year) : "above scale (latest year)"});
  for (const auto& e : enterprises) {
    std::string scale = "-";
    if (year != 0) {
      if (const auto above = e.AboveScaleIn(year)) scale = *above ? "yes" : "no";
    } else if (!e.above_scale.empty()) {
      const auto& [latest, above] = *e.above_scale.rbegin();
      scale = fmt::format("{} ({})", above ? "yes" : "no", latest);
    }
    table.AddRow({e.uscc, e.name, e.industry_code + " " + detail::IndustryName(e.industry_code),
                  e.cluster.empty() ? "-" : e.cluster + " " + ClusterName(system, e.cluster),
                  OrDash(e.park), scale});
  }
  return table.Render() +
         fmt::format("{} enterprise{}\n", enterprises.size(), enterprises.size() == 1 ? "" : "s");
}

std::string EnterpriseListJson(const std::vector<model::Enterprise>& enterprises,
                               const model::ClusterSystem& system) {
  json out = json::array();
  for (const auto& e : enterprises) out.push_back(EnterpriseJsonOf(e, system));
  return Dump({{"enterprises", out}});
}

std::string DesignationListText(const std::vector<model::Designation>& designations,
                                const model::ClusterSystem& system) {
  TextTable table({"uscc", "designation", "name", "granted", "withdrawn", "level"});
  for (const auto& d : designations) {
    const auto* type = system.FindDesignationType(d.type);
    table.AddRow({d.uscc, d.type, type != nullptr ? type->name_zh : "", d.granted.ToString(),
                  d.withdrawn ? d.withdrawn->ToString() : "-", OrDash(d.level)});
  }
  return table.Render() + fmt::format("{} designation{}\n", designations.size(),
                                      designations.size() == 1 ? "" : "s");
}

std::string DesignationListJson(const std::vector<model::Designation>& designations,
                                const model::ClusterSystem& system) {
  json out = json::array();
  for (const auto& d : designations) out.push_back(DesignationJsonOf(d, system));
  return Dump({{"designations", out}});
}

std::string AuditText(const std::vector<model::AuditEntry>& entries) {
  TextTable table({"at", "actor", "action", "entity", "key", "field", "old", "new", "batch"});
  for (const auto& e : entries) {
    table.AddRow({e.at, e.actor, e.action, e.entity, e.entity_key, e.field,
                  e.old_value.value_or("∅"), e.new_value.value_or("∅"),
                  e.batch_id ? std::to_string(*e.batch_id) : "-"});
  }
  return table.Render();
}

std::string AuditJson(const std::vector<model::AuditEntry>& entries) {
  json out = json::array();
  for (const auto& e : entries) {
    out.push_back({{"id", e.id},
                   {"at", e.at},
                   {"actor", e.actor},
                   {"action", e.action},
                   {"entity", e.entity},
                   {"entity_key", e.entity_key},
                   {"field", e.field},
                   {"old_value", e.old_value ? json(*e.old_value) : json(nullptr)},
                   {"new_value", e.new_value ? json(*e.new_value) : json(nullptr)},
                   {"batch_id", e.batch_id ? json(*e.batch_id) : json(nullptr)}});
  }
  return Dump({{"audit", out}});
}

namespace {

// How a sheet that does not start with its header was read; nothing for a plain file.
std::string LayoutText(const model::ImportReport& report) {
  std::string out;
  if (!report.profile.empty()) out += fmt::format("read by import profile '{}'\n", report.profile);
  if (report.header_line > 1 || report.header_rows > 1) {
    out += fmt::format("read the header at row {}{}", report.header_line,
                       report.header_rows > 1 ? " (two levels)" : "");
  }
  if (report.unit_stated) {
    out += fmt::format("{}money in {} as the file states", out.empty() ? "read " : ", ",
                       model::MoneyUnitName(*report.unit_stated));
  }
  if (report.year_to_date_stated) {
    out += fmt::format("{}{} figures", out.empty() ? "read " : ", ",
                       *report.year_to_date_stated ? "year-to-date (本年累计)" : "month (本月)");
  }
  if (!out.empty()) out += "\n";
  if (report.skipped.empty()) return out;
  constexpr std::size_t kShown = 20;
  const bool several_sheets =
      std::any_of(report.skipped.begin(), report.skipped.end(),
                  [&](const auto& row) { return row.sheet != report.skipped.front().sheet; });
  std::vector<std::string> rows;
  for (std::size_t i = 0; i < report.skipped.size() && i < kShown; ++i) {
    const auto& row = report.skipped[i];
    rows.push_back(several_sheets ? fmt::format("{}!{} ({})", row.sheet, row.line, row.kind)
                                  : fmt::format("{} ({})", row.line, row.kind));
  }
  const std::size_t more = report.skipped.size() + report.skipped_not_kept - rows.size();
  out += fmt::format("rows left out: {}{}\n", fmt::join(rows, ", "),
                     more > 0 ? fmt::format(" and {} more", more) : "");
  return out;
}

// A dry run's preview: how each column is read and the first rows as parsed.
std::string PreviewText(const model::ImportReport& report) {
  std::string out = "columns:\n";
  for (const auto& column : report.columns) {
    const std::string how = column.use == "read"       ? "-> " + column.column
                            : column.use == "left_out" ? std::string("left out")
                                                       : std::string("ignored (unknown)");
    out += fmt::format("  {:>3}  {}  {}\n", column.position, column.header, how);
  }
  if (report.sample.empty()) return out;
  out += "first rows as read:\n";
  for (const auto& row : report.sample) {
    std::vector<std::string> cells;  // in the file's order of columns
    for (const auto& column : report.columns) {
      const auto it = row.cells.find(column.column);
      if (column.use == "read" && it != row.cells.end()) {
        cells.push_back(fmt::format("{}={}", it->first, it->second));
      }
    }
    out += fmt::format("  row {}: {}\n", row.line, fmt::join(cells, ", "));
  }
  return out;
}

// The last line of a dry run: what the import would do.
std::string DryRunText(const model::ImportReport& report) {
  if (report.has_errors() && report.rows_rejected == report.rows_read) {
    return fmt::format("dry run: nothing would be imported: every row of {} has errors\n",
                       report.file);
  }
  return fmt::format(
      "dry run of {} {}: {} rows read, {} would be inserted, {} updated, {} unchanged, {} "
      "rejected{}; nothing written\n",
      report.kind, report.file, report.rows_read, report.inserted, report.updated, report.unchanged,
      report.rows_rejected,
      report.has_errors() ? " (the import writes nothing while rows have errors, unless "
                            "--skip-invalid)"
                          : "");
}

}  // namespace

std::string ImportReportText(const model::ImportReport& report, std::size_t max_issues) {
  // Every error by default (each must be fixed); warnings are often many of one kind, so by
  // default a count per rule and the first few.
  const std::size_t max_errors =
      max_issues == 0 ? std::numeric_limits<std::size_t>::max() : max_issues;
  const std::size_t max_warnings = max_issues == 0 ? 20 : max_issues;
  std::string out;
  const auto list = [&](const std::vector<model::RowIssue>& issues, std::string_view label,
                        std::size_t most, std::size_t not_kept) {
    if (issues.empty()) return;
    std::map<std::string, std::size_t> by_rule;
    for (const auto& issue : issues) ++by_rule[issue.rule];
    std::vector<std::string> counts;
    for (const auto& [rule, count] : by_rule) counts.push_back(fmt::format("{} {}", rule, count));
    out += not_kept == 0
               ? fmt::format("{} ({}: {}):\n", label, issues.size(), fmt::join(counts, ", "))
               : fmt::format("{} ({}; of the first {}: {}):\n", label, issues.size() + not_kept,
                             issues.size(), fmt::join(counts, ", "));
    for (std::size_t i = 0; i < issues.size() && i < most; ++i) {
      out += "  " + issues[i].ToString() + "\n";
    }
    if (issues.size() > most || not_kept > 0) {
      out += fmt::format("  ... and {} more (--max-issues N, or --format json for the first {})\n",
                         issues.size() - std::min(most, issues.size()) + not_kept, issues.size());
    }
  };
  out += LayoutText(report);
  if (report.dry_run) out += PreviewText(report);
  list(report.errors, "errors", max_errors, report.errors_not_kept);
  list(report.warnings, "warnings", max_warnings, report.warnings_not_kept);
  if (report.dry_run) {
    out += DryRunText(report);
  } else if (report.written) {
    out += fmt::format(
        "imported {} from {}: {} rows read, {} inserted, {} updated, {} unchanged, {} rejected "
        "(batch {})\n",
        report.kind, report.file, report.rows_read, report.inserted, report.updated,
        report.unchanged, report.rows_rejected, report.batch_id.value_or(0));
    if (!report.rejects_file.empty())
      out += fmt::format("rejected rows: {}\n", report.rejects_file);
    if (report.kind == "monthly") {
      std::map<std::string, std::size_t> by_rule;
      for (const auto& w : report.quality) ++by_rule[w.rule];
      std::vector<std::string> counts;
      for (const auto& [rule, count] : by_rule) counts.push_back(fmt::format("{} {}", rule, count));
      out += report.quality.empty()
                 ? "data-quality audit: no warnings\n"
                 : fmt::format(
                       "data-quality audit: {} warnings ({}); see `audit list --period "
                       "YYYY-MM`\n",
                       report.quality.size(), fmt::join(counts, ", "));
    }
  } else {
    out += fmt::format(
        "nothing imported: {} of {} rows in {} have errors. Fix them, or import the valid rows "
        "with --skip-invalid\n",
        report.rows_rejected, report.rows_read, report.file);
  }
  return out;
}

namespace detail {

json ImportReportValue(const model::ImportReport& report, core::Language language) {
  json errors = json::array();
  for (const auto& issue : report.errors) errors.push_back(IssueJson(issue, language));
  json warnings = json::array();
  for (const auto& issue : report.warnings) warnings.push_back(IssueJson(issue, language));
  return json({{"kind", report.kind},
               {"file", report.file},
               {"written", report.written},
               {"batch_id", report.batch_id ? json(*report.batch_id) : json(nullptr)},
               {"rows_read", report.rows_read},
               {"rows_rejected", report.rows_rejected},
               {"inserted", report.inserted},
               {"updated", report.updated},
               {"unchanged", report.unchanged},
               {"rejects_file", OptionalText(report.rejects_file)},
               {"errors", errors},
               {"warnings", warnings},
               {"errors_not_kept", report.errors_not_kept},
               {"quality_warnings",
                [&] {
                  json by_rule = json::object();
                  for (const auto& w : report.quality) {
                    by_rule[w.rule] = by_rule.value(w.rule, 0) + 1;
                  }
                  return by_rule;
                }()},
               {"timings",
                [&] {
                  json timings = json::object();
                  for (const auto& [step, seconds] : report.timings) timings[step] = seconds;
                  return timings;
                }()},
               {"warnings_not_kept", report.warnings_not_kept},
               {"header_line", report.header_line},
               {"header_rows", report.header_rows},
               {"unit_stated", report.unit_stated ? json(model::MoneyUnitName(*report.unit_stated))
                                                  : json(nullptr)},
               {"year_to_date_stated",
                report.year_to_date_stated ? json(*report.year_to_date_stated) : json(nullptr)},
               {"skipped",
                [&] {
                  json rows = json::array();
                  for (const auto& row : report.skipped) {
                    rows.push_back({{"line", row.line}, {"kind", row.kind}});
                    if (!row.sheet.empty()) rows.back()["sheet"] = row.sheet;
                  }
                  return rows;
                }()},
               {"skipped_not_kept", report.skipped_not_kept},
               {"dry_run", report.dry_run},
               {"profile", OptionalText(report.profile)},
               {"columns",
                [&] {
                  json columns = json::array();
                  for (const auto& c : report.columns) {
                    columns.push_back({{"position", c.position},
                                       {"header", c.header},
                                       {"column", OptionalText(c.column)},
                                       {"use", c.use}});
                  }
                  return columns;
                }()},
               {"sample", [&] {
                  json rows = json::array();
                  for (const auto& row : report.sample) {
                    rows.push_back({{"line", row.line}, {"cells", json(row.cells)}});
                  }
                  return rows;
                }()}});
}

}  // namespace detail

std::string ImportReportJson(const model::ImportReport& report, core::Language language) {
  return Dump(detail::ImportReportValue(report, language));
}

std::string UploadReportJson(const model::ImportReport& report, std::size_t quality_shown,
                             core::Language language) {
  json answer = detail::ImportReportValue(report, language);
  answer["quality"] = json::array();
  for (std::size_t i = 0; i < report.quality.size() && i < quality_shown; ++i) {
    const auto& q = report.quality[i];
    answer["quality"].push_back({{"uscc", q.uscc},
                                 {"period", q.period.ToString()},
                                 {"rule", q.rule},
                                 {"measure", q.measure},
                                 {"value", q.value ? json(*q.value) : json(nullptr)},
                                 {"message", q.message.In(language)}});
  }
  answer["quality_not_shown"] =
      report.quality.size() > quality_shown ? report.quality.size() - quality_shown : 0;
  return answer.dump();
}

std::string IndustryText(const core::IndustryEntry& entry, const model::ClusterSystem* system) {
  const auto& industries = core::IndustryClassification::Gbt4754();
  std::string out;
  for (const auto* node : industries.Path(entry.code)) {
    out += fmt::format("{:<6}{} {}\n", node->code,
                       std::string(static_cast<std::size_t>(node->level - 1) * 2, ' '), node->name);
  }
  if (entry.level == 4) {
    const auto high_tech = core::HighTechCategoryOf(entry.code);
    out += fmt::format("high-tech manufacturing: {}\n",
                       high_tech ? high_tech->code + " " + high_tech->name : "no");
    if (system != nullptr) {
      const auto* cluster = system->ClusterOfClass(entry.code);
      out +=
          fmt::format("cluster: {}\n", cluster != nullptr ? cluster->code + " " + cluster->name_zh
                                                          : "none (unmapped)");
      for (const auto& grouping : system->groupings) {
        const auto* category = grouping.CategoryOf(entry.code);
        out += fmt::format("{}: {}\n", grouping.code,
                           category != nullptr ? category->code + " " + category->name_zh : "none");
      }
    }
  } else {
    out += fmt::format("{} classes below\n", industries.ClassesUnder(entry.code).size());
  }
  return out;
}

std::string IndustryJson(const core::IndustryEntry& entry, const model::ClusterSystem* system) {
  const auto& industries = core::IndustryClassification::Gbt4754();
  json path = json::array();
  for (const auto* node : industries.Path(entry.code)) {
    path.push_back({{"code", node->code}, {"name", node->name}, {"level", node->level}});
  }
  json out = {{"code", entry.code}, {"name", entry.name}, {"level", entry.level}, {"path", path}};
  if (entry.level == 4) {
    const auto high_tech = core::HighTechCategoryOf(entry.code);
    out["high_tech_category"] = high_tech ? json(high_tech->code) : json(nullptr);
    if (system != nullptr) {
      const auto* cluster = system->ClusterOfClass(entry.code);
      out["cluster"] = cluster != nullptr ? json(cluster->code) : json(nullptr);
      json groupings = json::object();
      for (const auto& grouping : system->groupings) {
        const auto* category = grouping.CategoryOf(entry.code);
        groupings[grouping.code] = category != nullptr ? json(category->code) : json(nullptr);
      }
      out["groupings"] = groupings;
    }
  } else {
    json classes = json::array();
    for (const auto* node : industries.ClassesUnder(entry.code)) classes.push_back(node->code);
    out["classes"] = classes;
  }
  return Dump(out);
}

}  // namespace clusterscope::report
