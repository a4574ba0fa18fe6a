// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/report/analytics.h"

#include <algorithm>

#include "industry_name.h"
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "clusterscope/analytics/concentration.h"
#include "clusterscope/core/classification.h"
#include "clusterscope/report/numbers.h"
#include "clusterscope/text/report.h"

namespace clusterscope::report {
namespace {

using nlohmann::json;

json Value(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

// A CSV field: quoted when it holds a comma, quote or line break.
std::string Field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}
std::string Field(const std::optional<double>& v) { return v ? fmt::format("{}", *v) : ""; }
std::string Field(double v) { return fmt::format("{}", v); }

std::string Line(std::initializer_list<std::string> fields) {
  std::string out;
  for (const auto& f : fields) out += (out.empty() ? "" : ",") + f;
  return out + "\n";
}

std::vector<double> Column(const analytics::RegionIndustryMatrix& m, std::size_t industry) {
  std::vector<double> column(m.regions().size(), 0.0);
  for (const auto& c : m.cells()) {
    if (c.industry == industry) column[c.region] = c.value;
  }
  return column;
}

json ComponentsJson(const analytics::ShiftShareComponents& c) {
  return {{"growth", c.growth},
          {"national_share", c.national_share},
          {"industry_mix", c.industry_mix},
          {"regional_share", c.regional_share},
          {"net_total_shift", c.net_total_shift()},
          {"competitive", Value(c.competitive)},
          {"allocation", Value(c.allocation)}};
}

}  // namespace

namespace {

bool Withheld(const analytics::ClusterView& view, const std::string& cluster) {
  return std::find(view.withheld.begin(), view.withheld.end(), cluster) != view.withheld.end();
}

const analytics::ClusterShift* ShiftOf(const analytics::ClusterView& view,
                                       const std::string& cluster) {
  for (const auto& s : view.shifts) {
    if (s.cluster == cluster) return &s;
  }
  return nullptr;
}

}  // namespace

std::string AgglomerationJson(const analytics::Agglomeration& result,
                              const AgglomerationContext& context) {
  json industries = json::array(), cells = json::array();
  std::size_t plants = 0;
  for (const auto& a : result.industries) {
    plants += a.plants;
    industries.push_back({{"industry", a.industry},
                          {"name", detail::IndustryName(a.industry)},
                          {"plants", a.plants},
                          {"total", a.total},
                          {"plant_herfindahl", Value(a.plant_herfindahl)},
                          {"ellison_glaeser", Value(a.ellison_glaeser)}});
  }
  for (const auto& c : result.cluster_index) {
    cells.push_back({{"area", c.area},
                     {"industry", c.industry},
                     {"plants", c.plants},
                     {"index", Value(c.index)}});
  }
  return json{{"year", context.year},
              {"period", context.period},
              {"by", context.by},
              {"level", context.level},
              {"plants", plants},
              {"without_area", context.without_area},
              {"areas", result.areas},
              {"industries", std::move(industries)},
              {"cluster_index", std::move(cells)},
              {"areas_without_facts", result.areas_without_facts}}
             .dump() +
         "\n";
}

std::string AgglomerationCsv(const analytics::Agglomeration& result) {
  std::string out = "industry,name,plants,total,plant_herfindahl,ellison_glaeser\n";
  for (const auto& a : result.industries) {
    out +=
        Line({Field(a.industry), Field(detail::IndustryName(a.industry)), std::to_string(a.plants),
              Field(a.total), Field(a.plant_herfindahl), Field(a.ellison_glaeser)});
  }
  return out;
}

std::string ClusterViewJson(const analytics::ClusterView& view) {
  json clusters = json::array();
  for (const auto& c : view.quotients.clusters) {
    const bool withheld = Withheld(view, c.cluster);
    clusters.push_back({{"code", c.cluster},
                        {"name", c.name_zh},
                        {"name_en", c.name_en},
                        {"tier", c.tier},
                        {"lq", withheld ? json(nullptr) : Value(c.lq)},
                        {"region_share", withheld ? json(nullptr) : json(c.region_share)},
                        {"benchmark_share", c.benchmark_share},
                        {"industries", c.industries},
                        {"withheld", withheld}});
  }
  json shifts = json::array();
  for (const auto& s : view.shifts) {
    const bool withheld = Withheld(view, s.cluster);
    json row = withheld ? json{{"growth", nullptr},          {"national_share", nullptr},
                               {"industry_mix", nullptr},    {"regional_share", nullptr},
                               {"net_total_shift", nullptr}, {"competitive", nullptr},
                               {"allocation", nullptr}}
                        : ComponentsJson(s.components);
    row["code"] = s.cluster;
    row["base"] = withheld ? json(nullptr) : json(s.base);
    row["growth_rate"] = withheld ? json(nullptr) : Value(s.growth_rate);
    row["withheld"] = withheld;
    shifts.push_back(std::move(row));
  }
  json shift_share = {
      {"from", view.from != 0 ? json(view.from) : json(nullptr)},
      {"to", view.to != 0 ? json(view.to) : json(nullptr)},
      {"note", view.shift_note},
      {"total", view.shifts.empty() ? json(nullptr) : ComponentsJson(view.shift_total)},
      {"clusters", std::move(shifts)}};
  return json{{"benchmark", view.benchmark},
              {"benchmark_year", view.benchmark_year},
              {"region", view.region},
              {"year", view.year},
              {"period", view.period},
              {"annualised", view.annualised},
              {"level", view.level},
              {"regions", view.regions},
              {"clusters", std::move(clusters)},
              {"split_industries", view.quotients.split_industries},
              {"outside_clusters", view.quotients.outside_clusters},
              {"outside_benchmark", view.outside_benchmark},
              {"withheld", view.withheld},
              {"shift_share", std::move(shift_share)}}
             .dump() +
         "\n";
}

std::string ClusterViewCsv(const analytics::ClusterView& view) {
  std::string out =
      "cluster,name,lq,region_share,benchmark_share,growth,national_share,industry_mix,"
      "regional_share\n";
  for (const auto& c : view.quotients.clusters) {
    const bool withheld = Withheld(view, c.cluster);
    const auto* s = withheld ? nullptr : ShiftOf(view, c.cluster);
    const auto part = [&](double v) { return s != nullptr ? Field(v) : std::string(); };
    out += Line({Field(c.cluster), Field(c.name_zh), withheld ? "" : Field(c.lq),
                 withheld ? "" : Field(c.region_share), Field(c.benchmark_share),
                 part(s ? s->components.growth : 0), part(s ? s->components.national_share : 0),
                 part(s ? s->components.industry_mix : 0),
                 part(s ? s->components.regional_share : 0)});
  }
  return out;
}

Document ClusterViewDocument(const analytics::ClusterView& view, Language language) {
  const bool zh = language == Language::kZh;
  Document doc;
  doc.title = text::kClustersAgainstTheBenchmark.In(language);
  const char* level = view.level == "division" ? text::kLevelDivision.In(language)
                      : view.level == "group"  ? text::kLevelGroup.In(language)
                                               : text::kLevelClass.In(language);
  doc.notes.push_back(core::Say(
      language, text::kBenchmarkNote, view.benchmark, view.regions,
      view.benchmark_year != 0 ? std::to_string(view.benchmark_year) : text::kAnyYear.In(language),
      level, view.period, view.annualised ? text::kAnnualisedNote.In(language) : ""));
  const char* separator = text::kListSeparator.In(language);
  if (!view.quotients.split_industries.empty()) {
    doc.notes.push_back(core::Say(language, text::kSplitIndustries,
                                  fmt::join(view.quotients.split_industries, separator)));
  }
  if (!view.outside_benchmark.empty()) {
    doc.notes.push_back(
        core::Say(language, text::kOutsideBenchmark, fmt::join(view.outside_benchmark, separator)));
  }
  Section lq;
  lq.title = text::kLocationQuotients.In(language);
  lq.headers = {text::kClusterColumn.In(language), text::kLqColumn.In(language),
                text::kShareHere.In(language), text::kBenchmarkShare.In(language)};
  lq.numeric = {1, 2, 3};
  const auto percent = [](double v) { return numbers::Percent(v); };
  const auto name_of = [&](const std::string& code) {
    for (const auto& c : view.quotients.clusters) {
      if (c.cluster == code) return zh || c.name_en.empty() ? c.name_zh : c.name_en;
    }
    return code;
  };
  for (const auto& c : view.quotients.clusters) {
    const std::string name = name_of(c.cluster);
    if (Withheld(view, c.cluster)) {
      lq.rows.push_back({name, text::kWithheld.In(language), "", percent(c.benchmark_share)});
    } else {
      lq.rows.push_back({name, c.lq ? numbers::Fixed(*c.lq, 2) : "—", percent(c.region_share),
                         percent(c.benchmark_share)});
    }
  }
  doc.sections.push_back(std::move(lq));
  Section shift;
  shift.title = core::Say(language, text::kShiftShareYears, view.from, view.to);
  if (view.shifts.empty()) {
    shift.title = text::kShiftShare.In(language);
    shift.notes.push_back(view.shift_note);
  }
  shift.headers = {text::kClusterColumn.In(language), text::kShiftGrowth.In(language),
                   text::kNationalShare.In(language), text::kIndustryMix.In(language),
                   text::kRegionalShare.In(language), text::kGrowthRate.In(language)};
  shift.numeric = {1, 2, 3, 4, 5};
  for (const auto& s : view.shifts) {
    const std::string name = name_of(s.cluster);
    if (Withheld(view, s.cluster)) {
      shift.rows.push_back({name, text::kWithheld.In(language), "", "", "", ""});
      continue;
    }
    const auto& c = s.components;
    shift.rows.push_back({name, numbers::Yi(c.growth), numbers::Yi(c.national_share),
                          numbers::Yi(c.industry_mix), numbers::Yi(c.regional_share),
                          numbers::Growth(s.growth_rate)});
  }
  if (!view.shifts.empty()) {
    const auto& c = view.shift_total;
    shift.rows.push_back({text::kAllIndustries.In(language), numbers::Yi(c.growth),
                          numbers::Yi(c.national_share), numbers::Yi(c.industry_mix),
                          numbers::Yi(c.regional_share), ""});
  }
  doc.sections.push_back(std::move(shift));
  return doc;
}

std::string LocationQuotientJson(const analytics::RegionIndustryMatrix& m) {
  const auto lq = analytics::LocationQuotients(m);
  const std::size_t n = m.industries().size();
  json rows = json::array();
  for (std::size_t r = 0; r < m.regions().size(); ++r) {
    for (std::size_t j = 0; j < n; ++j) {
      rows.push_back({{"region", m.regions()[r]},
                      {"industry", m.industries()[j]},
                      {"lq", Value(lq[r * n + j])}});
    }
  }
  return json{{"lq", std::move(rows)}}.dump() + "\n";
}

std::string LocationQuotientCsv(const analytics::RegionIndustryMatrix& m) {
  const auto lq = analytics::LocationQuotients(m);
  const std::size_t n = m.industries().size();
  std::string out = "region,industry,lq\n";
  for (std::size_t r = 0; r < m.regions().size(); ++r) {
    for (std::size_t j = 0; j < n; ++j) {
      out += Line({Field(m.regions()[r]), Field(m.industries()[j]), Field(lq[r * n + j])});
    }
  }
  return out;
}

std::string ConcentrationJson(const analytics::RegionIndustryMatrix& m) {
  const auto region_totals = m.RegionTotals();
  const auto industry_totals = m.IndustryTotals();
  json regions = json::array(), industries = json::array();
  for (std::size_t r = 0; r < m.regions().size(); ++r) {
    regions.push_back({{"region", m.regions()[r]},
                       {"total", region_totals[r]},
                       {"krugman", Value(analytics::KrugmanSpecialisation(m, r))}});
  }
  for (std::size_t j = 0; j < m.industries().size(); ++j) {
    const auto column = Column(m, j);
    industries.push_back({{"industry", m.industries()[j]},
                          {"total", industry_totals[j]},
                          {"hoover", Value(analytics::HooverLocalisation(m, j))},
                          {"herfindahl", Value(analytics::Herfindahl(column))},
                          {"herfindahl_normalised", Value(analytics::HerfindahlNormalised(column))},
                          {"gini", Value(analytics::Gini(column))},
                          {"theil", Value(analytics::Theil(column))},
                          {"theil_t", Value(analytics::TheilT(column))}});
  }
  return json{{"regions", std::move(regions)}, {"industries", std::move(industries)}}.dump() + "\n";
}

std::string ConcentrationCsv(const analytics::RegionIndustryMatrix& m) {
  // One table, long: what the row is about, its name, the measure and the value.
  std::string out = "level,name,measure,value\n";
  for (std::size_t r = 0; r < m.regions().size(); ++r) {
    out += Line({"region", Field(m.regions()[r]), "krugman",
                 Field(analytics::KrugmanSpecialisation(m, r))});
  }
  for (std::size_t j = 0; j < m.industries().size(); ++j) {
    const auto column = Column(m, j);
    const std::string name = Field(m.industries()[j]);
    out += Line({"industry", name, "hoover", Field(analytics::HooverLocalisation(m, j))});
    out += Line({"industry", name, "herfindahl", Field(analytics::Herfindahl(column))});
    out += Line({"industry", name, "herfindahl_normalised",
                 Field(analytics::HerfindahlNormalised(column))});
    out += Line({"industry", name, "gini", Field(analytics::Gini(column))});
    out += Line({"industry", name, "theil", Field(analytics::Theil(column))});
    out += Line({"industry", name, "theil_t", Field(analytics::TheilT(column))});
  }
  return out;
}

std::string ShiftShareJson(const analytics::ShiftShareResult& s, int from, int to, bool dynamic) {
  json out = {{"region", s.region}, {"from", from}, {"to", to}};
  out.update(ComponentsJson(s.total));
  out["gerfin"] = {{"industry_mix", Value(s.gerfin.industry_mix)},
                   {"regional_share", Value(s.gerfin.regional_share)},
                   {"net_total_shift", Value(s.gerfin.net_total_shift)}};
  out["method"] = dynamic ? "dynamic" : "classic";
  json industries = json::array();
  for (const auto& row : s.industries) {
    json item = {{"industry", row.industry}};
    item.update(ComponentsJson(row.components));
    industries.push_back(std::move(item));
  }
  out["industries"] = std::move(industries);
  return out.dump() + "\n";
}

std::string ShiftShareCsv(const analytics::ShiftShareResult& s) {
  std::string out =
      "industry,growth,national_share,industry_mix,regional_share,net_total_shift,competitive,"
      "allocation\n";
  const auto row = [&](const std::string& name, const analytics::ShiftShareComponents& c) {
    out += Line({Field(name), Field(c.growth), Field(c.national_share), Field(c.industry_mix),
                 Field(c.regional_share), Field(c.net_total_shift()), Field(c.competitive),
                 Field(c.allocation)});
  };
  for (const auto& industry : s.industries) row(industry.industry, industry.components);
  row("total", s.total);
  return out;
}

std::string ComplexityJson(const analytics::RegionIndustryMatrix& m,
                           const analytics::ComplexityResult& c) {
  json regions = json::array(), industries = json::array(), cells = json::array(),
       proximity = json::array();
  const std::size_t n = m.industries().size();
  for (std::size_t r = 0; r < m.regions().size(); ++r) {
    regions.push_back({{"region", m.regions()[r]},
                       {"diversity", c.diversity[r]},
                       {"eci", Value(c.eci[r])},
                       {"coi", Value(c.coi[r])}});
  }
  for (std::size_t j = 0; j < n; ++j) {
    industries.push_back(
        {{"industry", m.industries()[j]}, {"ubiquity", c.ubiquity[j]}, {"pci", Value(c.pci[j])}});
  }
  for (std::size_t r = 0; r < m.regions().size(); ++r) {
    for (std::size_t j = 0; j < n; ++j) {
      const std::size_t i = r * n + j;
      cells.push_back({{"region", m.regions()[r]},
                       {"industry", m.industries()[j]},
                       {"rca", Value(c.rca[i])},
                       {"presence", c.presence[i] != 0},
                       {"density", c.density[i]},
                       {"cog", c.cog[i]}});
    }
  }
  for (const auto& p : c.proximity) {
    proximity.push_back({{"a", m.industries()[p.a]}, {"b", m.industries()[p.b]}, {"phi", p.phi}});
  }
  return json{{"regions", std::move(regions)},
              {"industries", std::move(industries)},
              {"cells", std::move(cells)},
              {"proximity", std::move(proximity)},
              {"eigenvalue", c.eigenvalue}}
             .dump() +
         "\n";
}

std::string ComplexityCsv(const analytics::RegionIndustryMatrix& m,
                          const analytics::ComplexityResult& c) {
  // The cells, each with its region's and industry's indices.
  std::string out = "region,industry,rca,presence,density,cog,diversity,eci,coi,ubiquity,pci\n";
  const std::size_t n = m.industries().size();
  for (std::size_t r = 0; r < m.regions().size(); ++r) {
    for (std::size_t j = 0; j < n; ++j) {
      const std::size_t i = r * n + j;
      out += Line({Field(m.regions()[r]), Field(m.industries()[j]), Field(c.rca[i]),
                   c.presence[i] ? "1" : "0", Field(c.density[i]), Field(c.cog[i]),
                   Field(c.diversity[r]), Field(c.eci[r]), Field(c.coi[r]), Field(c.ubiquity[j]),
                   Field(c.pci[j])});
    }
  }
  return out;
}

std::string InputOutputJson(const analytics::InputOutputTable& table,
                            const analytics::InputOutputAnalysis& a, bool ghosh,
                            const std::optional<std::vector<double>>& output_change) {
  json out = {{"sectors", table.sectors},
              {"output", a.output},
              {"leontief_inverse", a.leontief_inverse},
              {"output_multipliers", a.output_multipliers},
              {"backward_linkage", a.backward_linkage},
              {"forward_linkage", a.forward_linkage},
              {"key_sectors", a.key_sectors}};
  if (ghosh) out["forward_linkage_ghosh"] = a.forward_linkage_ghosh;
  if (output_change) out["output_change"] = *output_change;
  return out.dump() + "\n";
}

std::string InputOutputCsv(const analytics::InputOutputTable& table,
                           const analytics::InputOutputAnalysis& a, bool ghosh,
                           const std::optional<std::vector<double>>& output_change) {
  std::string out = "sector,output,output_multiplier,backward_linkage,forward_linkage";
  out += ghosh ? ",forward_linkage_ghosh" : "";
  out += ",key_sector";
  out += output_change ? ",output_change\n" : "\n";
  for (std::size_t i = 0; i < table.sectors.size(); ++i) {
    out += Field(table.sectors[i]) + "," + Field(a.output[i]) + "," +
           Field(a.output_multipliers[i]) + "," + Field(a.backward_linkage[i]) + "," +
           Field(a.forward_linkage[i]);
    if (ghosh) out += "," + Field(a.forward_linkage_ghosh[i]);
    out += "," + a.key_sectors[i];
    if (output_change) out += "," + Field((*output_change)[i]);
    out += "\n";
  }
  return out;
}

}  // namespace clusterscope::report
