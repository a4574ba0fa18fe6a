// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/report/analytics.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "clusterscope/analytics/concentration.h"

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

std::string ClusterQuotientsJson(const analytics::ClusterQuotients& q,
                                 const model::ClusterSystem& system,
                                 const ClusterQuotientsContext& context) {
  json clusters = json::array();
  for (const auto& c : q.clusters) {
    const auto* cluster = system.FindCluster(c.cluster);
    clusters.push_back({{"code", c.cluster},
                        {"name", cluster != nullptr ? cluster->name_zh : ""},
                        {"name_en", cluster != nullptr ? cluster->name_en : ""},
                        {"lq", Value(c.lq)},
                        {"region_share", c.region_share},
                        {"benchmark_share", c.benchmark_share},
                        {"industries", c.industries}});
  }
  return json{{"region", context.region},
              {"year", context.year},
              {"period", context.period},
              {"level", context.level},
              {"regions", context.regions},
              {"clusters", std::move(clusters)},
              {"split_industries", q.split_industries},
              {"outside_clusters", q.outside_clusters}}
             .dump() +
         "\n";
}

std::string ClusterQuotientsCsv(const analytics::ClusterQuotients& q,
                                const model::ClusterSystem& system) {
  std::string out = "cluster,name,lq,region_share,benchmark_share\n";
  for (const auto& c : q.clusters) {
    const auto* cluster = system.FindCluster(c.cluster);
    out += Line({Field(c.cluster), Field(cluster != nullptr ? cluster->name_zh : ""), Field(c.lq),
                 Field(c.region_share), Field(c.benchmark_share)});
  }
  return out;
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
