// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/report/chains.h"

#include "industry_name.h"
#include "monthly_parts.h"
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "clusterscope/report/analytics.h"
#include "clusterscope/report/targets.h"

namespace clusterscope::report {
namespace {

using nlohmann::json;

const char* L(Language language, const char* zh, const char* en) {
  return language == Language::kZh ? zh : en;
}

std::string StatusText(chains::LinkStatus status, Language language) {
  switch (status) {
    case chains::LinkStatus::kStrong:
      return L(language, "强", "strong");
    case chains::LinkStatus::kWeak:
      return L(language, "弱", "weak");
    case chains::LinkStatus::kAtRisk:
      return L(language, "风险", "at risk");
    case chains::LinkStatus::kMissing:
      return L(language, "缺失", "missing");
  }
  return "";
}

std::string Percent(const std::optional<double>& fraction) {
  return fraction ? fmt::format("{:.1f}%", *fraction * 100) : "—";
}

json Optional(const std::optional<double>& value) { return value ? json(*value) : json(nullptr); }

std::string NameOf(const chains::ChainReport& report, const std::string& uscc) {
  const auto* e = report.Find(uscc);
  return e != nullptr ? e->name : uscc;
}

std::string Names(const chains::ChainReport& report, const std::vector<std::string>& usccs,
                  std::size_t limit) {
  std::string out;
  for (std::size_t i = 0; i < usccs.size() && i < limit; ++i) {
    out += (out.empty() ? "" : "、") + NameOf(report, usccs[i]);
  }
  if (usccs.size() > limit) out += fmt::format(" 等 {} 家", usccs.size());
  return out;
}

json SupplyJson(const chains::SupplyShare& s) {
  if (s.year == 0) return nullptr;
  return {{"year", s.year},
          {"purchases", s.purchases},
          {"local_share", Optional(s.local_share)},
          {"in_chain_share", Optional(s.in_chain_share)}};
}

bool Selected(const ChainView& view, const chains::ChainAssessment& a) {
  return view.chain.empty() || a.chain->code == view.chain;
}

}  // namespace

std::string ReasonText(const chains::Reason& r, Language language) {
  const bool zh = language == Language::kZh;
  if (r.rule == "few_enterprises") {
    return zh ? fmt::format("本地规上企业 {:.0f} 家（至少 {:.0f} 家）", r.value, r.bar)
              : fmt::format("{:.0f} local enterprises (at least {:.0f})", r.value, r.bar);
  }
  if (r.rule == "shrinking") {
    return zh ? fmt::format("产值增速 {:+.1f}%（≤ {:+.1f}% 为风险）", r.value * 100, r.bar * 100)
              : fmt::format("output {:+.1f}% (at risk from {:+.1f}%)", r.value * 100, r.bar * 100);
  }
  if (r.rule == "one_enterprise") {
    return zh ? fmt::format("单一企业占产值 {:.0f}%（≥ {:.0f}% 为风险）", r.value * 100,
                            r.bar * 100)
              : fmt::format("one enterprise makes {:.0f}% of output (at risk from {:.0f}%)",
                            r.value * 100, r.bar * 100);
  }
  if (r.rule == "below_strong_count") {
    return zh ? fmt::format("企业 {:.0f} 家，强环节需 {:.0f} 家", r.value, r.bar)
              : fmt::format("{:.0f} enterprises, strong needs {:.0f}", r.value, r.bar);
  }
  if (r.rule == "below_strong_output") {
    return zh ? fmt::format("年化产值 {} 亿元，强环节需 {} 亿元", detail::Yi(r.value),
                            detail::Yi(r.bar))
              : fmt::format("annualised output {} x 100 M yuan, strong needs {}",
                            detail::Yi(r.value), detail::Yi(r.bar));
  }
  if (r.rule == "below_strong_growth") {
    return zh ? fmt::format("产值增速 {:+.1f}%，强环节需 ≥ {:+.1f}%", r.value * 100, r.bar * 100)
              : fmt::format("output {:+.1f}%, strong needs {:+.1f}%", r.value * 100, r.bar * 100);
  }
  if (r.rule == "meets_strong") {
    return zh ? "企业数、产值、增速均达到强环节标准"
              : "enterprises, output and growth all meet the strong bars";
  }
  return r.rule;
}

std::string CandidateText(const chains::Candidate& c, Language language) {
  const bool zh = language == Language::kZh;
  std::string why;
  if (c.match == "class") {
    why = zh ? fmt::format("行业小类 {} 与环节一致", c.matched)
             : fmt::format("class {} is the link's", c.matched);
  } else if (c.match == "group") {
    why = zh ? fmt::format("属于环节的行业中类 {}", c.matched)
             : fmt::format("in the link's group {}", c.matched);
  } else if (c.match == "division") {
    why = zh ? fmt::format("属于环节的行业大类 {}", c.matched)
             : fmt::format("in the link's division {}", c.matched);
  } else if (c.match == "product") {
    why = zh ? fmt::format("主要产品含“{}”", c.matched) : fmt::format("makes \"{}\"", c.matched);
  } else if (c.match == "neighbour") {
    why = zh ? fmt::format("行业小类与环节的 {} 同属一个中类", c.matched)
             : fmt::format("a class beside the link's {}", c.matched);
  }
  if (!c.product.empty()) {
    why +=
        zh ? fmt::format("，主要产品含“{}”", c.product) : fmt::format(", makes \"{}\"", c.product);
  }
  if (c.size_rank > 0) {
    why += zh ? fmt::format("；营业收入 {} 亿元（候选中第 {} 大）",
                            detail::Yi(*c.prospect->revenue), c.size_rank)
              : fmt::format("; revenue {} x 100 M yuan (number {} by size)",
                            detail::Yi(*c.prospect->revenue), c.size_rank);
  }
  return why;
}

Document ChainsDocument(const chains::ChainReport& report, const ChainView& view,
                        Language language) {
  Document doc;
  doc.title = fmt::format("{} {}", L(language, "产业链图谱与补链清单", "Industry chains"),
                          report.indicators.period.ToString());
  Section overview;
  overview.title = L(language, "产业链概览", "Chains");
  overview.headers = {L(language, "产业链", "chain"),
                      L(language, "链长", "chief"),
                      L(language, "完整度", "completeness"),
                      L(language, "强/弱/风险/缺失", "strong/weak/risk/missing"),
                      L(language, "企业数", "enterprises"),
                      L(language, "累计产值(亿元)", "output ytd (100 M)"),
                      L(language, "增速", "growth"),
                      L(language, "贡献率", "contribution"),
                      L(language, "本地配套率", "local supply")};
  overview.numeric = {2, 4, 5, 6, 7, 8};
  for (const auto& a : report.chains) {
    if (!Selected(view, a)) continue;
    const auto* g = a.group;
    const bool figures = g != nullptr && !view.public_view;
    overview.rows.push_back(
        {a.chain->name_zh, a.chain->chief, fmt::format("{:.0f}", a.completeness),
         fmt::format("{}/{}/{}/{}", a.strong, a.weak, a.at_risk, a.missing),
         figures ? std::to_string(g->enterprises) : "",
         figures ? detail::Yi(g->ytd[static_cast<std::size_t>(model::Measure::kOutputValue)]) : "",
         figures ? detail::SignedPercent(g->growth_same_basis) : "",
         figures ? Percent(g->contribution_rate) : "",
         a.supply.year != 0 ? Percent(a.supply.local_share) : ""});
  }
  doc.sections.push_back(std::move(overview));

  for (std::size_t c = 0; c < report.chains.size(); ++c) {
    const auto& a = report.chains[c];
    if (!Selected(view, a) || !view.links) continue;
    Section links;
    links.title = fmt::format("{}{}", a.chain->name_zh, L(language, "：环节", ": links"));
    if (!a.masters.empty() && !view.public_view) {
      links.notes.push_back(fmt::format("{}{}", L(language, "链主企业：", "Chain masters: "),
                                        Names(report, a.masters, 10)));
    }
    if (!a.unknown.empty()) {
      links.notes.push_back(fmt::format("{}{}",
                                        L(language, "未在名录中找到：", "Not in the registry: "),
                                        fmt::format("{}", fmt::join(a.unknown, "、"))));
    }
    links.headers = {L(language, "环节", "link"),
                     L(language, "上游", "upstream"),
                     L(language, "状态", "status"),
                     L(language, "企业数", "enterprises"),
                     L(language, "年化产值(亿元)", "annual output (100 M)"),
                     L(language, "增速", "growth"),
                     L(language, "依据", "why")};
    links.numeric = {3, 4, 5};
    if (view.details && !view.public_view) {
      links.headers.push_back(L(language, "企业", "enterprises"));
    }
    if (report.relations) links.headers.push_back(L(language, "本地配套率", "local supply"));
    for (const auto& la : a.links) {
      std::string upstream;
      for (const auto& u : la.link->upstream) {
        const auto* up = a.chain->FindLink(u);
        upstream += (upstream.empty() ? "" : "、") + (up != nullptr ? up->name_zh : u);
      }
      std::string why;
      for (const auto& r : la.rating.reasons) {
        why += (why.empty() ? "" : "；") + ReasonText(r, language);
      }
      const bool figures = !view.public_view && la.figures.enterprises > 0;
      std::vector<std::string> row = {
          la.link->name_zh,
          upstream,
          StatusText(la.rating.status, language),
          view.public_view ? "" : std::to_string(la.figures.enterprises),
          figures ? detail::Yi(la.figures.annual_output) : "",
          figures ? detail::SignedPercent(la.figures.growth) : "",
          view.public_view ? "" : why};
      if (view.details && !view.public_view) row.push_back(Names(report, la.members, 5));
      if (report.relations)
        row.push_back(la.supply.year != 0 ? Percent(la.supply.local_share) : "");
      links.rows.push_back(std::move(row));
    }
    doc.sections.push_back(std::move(links));
    if (view.details && c < report.related.size() && report.relatedness) {
      Section related;
      related.title =
          fmt::format("{}{}", a.chain->name_zh,
                      L(language, "：补链方向（相关行业，按密度与机会增益）",
                        ": industries to fill the links (by density and outlook gain)"));
      related.notes.push_back(fmt::format(
          "{}{} {}", L(language, "基准：", "Benchmark: "), report.relatedness->benchmark,
          report.relatedness->year != 0 ? std::to_string(report.relatedness->year) : ""));
      related.headers = {L(language, "环节", "link"),
                         L(language, "状态", "status"),
                         L(language, "行业", "industry"),
                         L(language, "密度", "density"),
                         L(language, "机会增益", "outlook gain"),
                         L(language, "复杂度", "PCI")};
      related.numeric = {3, 4, 5};
      for (std::size_t l = 0; l < a.links.size(); ++l) {
        const auto& la = a.links[l];
        for (const auto& r : report.related[c][l]) {
          related.rows.push_back(
              {la.link->name_zh, StatusText(la.rating.status, language),
               fmt::format("{} {}", r.industry, detail::IndustryName(r.industry)),
               fmt::format("{:.3f}", r.density), fmt::format("{:.3f}", r.cog),
               r.pci ? fmt::format("{:.2f}", *r.pci) : ""});
        }
      }
      if (!related.rows.empty()) doc.sections.push_back(std::move(related));
    }
    if (!view.details || view.public_view) continue;
    Section candidates;
    candidates.title = fmt::format("{}{}", a.chain->name_zh,
                                   L(language, "：补链招商候选", ": candidates to attract"));
    candidates.headers = {L(language, "环节", "link"),
                          L(language, "状态", "status"),
                          L(language, "候选企业", "candidate"),
                          L(language, "地区", "region"),
                          L(language, "营业收入(亿元)", "revenue (100 M)"),
                          L(language, "匹配度", "score"),
                          L(language, "理由", "why")};
    candidates.numeric = {4, 5};
    for (std::size_t l = 0; l < a.links.size(); ++l) {
      const auto& la = a.links[l];
      if (la.rating.status == chains::LinkStatus::kStrong) continue;
      const auto& list = report.candidates[c][l];
      if (list.empty()) {
        candidates.rows.push_back({la.link->name_zh, StatusText(la.rating.status, language),
                                   L(language, "（招商对象库中无匹配企业）",
                                     "(no matching enterprise in the prospect list)"),
                                   "", "", "", ""});
      }
      for (const auto& cand : list) {
        candidates.rows.push_back(
            {la.link->name_zh, StatusText(la.rating.status, language), cand.prospect->name,
             cand.prospect->region,
             cand.prospect->revenue ? detail::Yi(*cand.prospect->revenue) : "",
             fmt::format("{:.2f}", cand.score), CandidateText(cand, language)});
      }
    }
    doc.sections.push_back(std::move(candidates));
  }
  return doc;
}

namespace {

// [{"industry", "name", "density", "cog", "pci", "rca", "present"}]; a published view leaves out
// the region's own RCA and presence.
json RelatedJson(const std::vector<analytics::RelatedIndustry>& related, bool public_view) {
  json out = json::array();
  for (const auto& r : related) {
    json row = {{"industry", r.industry},
                {"name", detail::IndustryName(r.industry)},
                {"density", r.density},
                {"cog", r.cog},
                {"pci", Optional(r.pci)}};
    if (!public_view) {
      row["rca"] = Optional(r.rca);
      row["present"] = r.present;
    }
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace

std::string ChainsJson(const chains::ChainReport& report, const ChainView& view) {
  json out;
  out["period"] = report.indicators.period.ToString();
  out["chains"] = json::array();
  for (std::size_t c = 0; c < report.chains.size(); ++c) {
    const auto& a = report.chains[c];
    if (!Selected(view, a)) continue;
    json chain = {
        {"code", a.chain->code},
        {"name", a.chain->name_zh},
        {"name_en", a.chain->name_en},
        {"cluster", a.chain->cluster},
        {"chief", a.chain->chief},
        {"completeness", a.completeness},
        {"counts",
         {{"strong", a.strong}, {"weak", a.weak}, {"at_risk", a.at_risk}, {"missing", a.missing}}},
        {"supply", SupplyJson(a.supply)}};
    if (!view.public_view) {
      chain["masters"] = json::array();
      for (const auto& m : a.masters) {
        chain["masters"].push_back({{"uscc", m}, {"name", NameOf(report, m)}});
      }
      chain["unknown"] = a.unknown;
      const auto* g = a.group;
      const auto output = static_cast<std::size_t>(model::Measure::kOutputValue);
      chain["enterprises"] = g != nullptr ? g->enterprises : 0;
      chain["output_ytd"] = g != nullptr ? json(g->ytd[output]) : json(nullptr);
      chain["growth"] = g != nullptr ? Optional(g->growth_same_basis) : json(nullptr);
      chain["contribution_rate"] = g != nullptr ? Optional(g->contribution_rate) : json(nullptr);
      chain["pull_pp"] = g != nullptr ? Optional(g->pull_pp) : json(nullptr);
    }
    chain["links"] = json::array();
    for (std::size_t l = 0; l < a.links.size(); ++l) {
      const auto& la = a.links[l];
      json link = {
          {"code", la.link->code},         {"name", la.link->name_zh},
          {"upstream", la.link->upstream}, {"classes", la.link->classes},
          {"products", la.link->products}, {"status", chains::LinkStatusName(la.rating.status)}};
      if (!view.public_view) {
        link["reasons"] = json::array();
        for (const auto& r : la.rating.reasons) {
          link["reasons"].push_back({{"rule", r.rule},
                                     {"value", r.value},
                                     {"bar", r.bar},
                                     {"text_zh", ReasonText(r, Language::kZh)},
                                     {"text_en", ReasonText(r, Language::kEn)}});
        }
        link["enterprises"] = la.figures.enterprises;
        link["registered"] = la.figures.registered;
        link["annual_output"] = la.figures.annual_output;
        link["growth"] = Optional(la.figures.growth);
        link["top_share"] = la.figures.top_share;
        link["supply"] = SupplyJson(la.supply);
        if (view.details) {
          link["members"] = json::array();
          for (const auto& m : la.members) {
            link["members"].push_back({{"uscc", m}, {"name", NameOf(report, m)}});
          }
          link["candidates"] = json::array();
          for (const auto& cand : report.candidates[c][l]) {
            link["candidates"].push_back({{"uscc", cand.prospect->uscc},
                                          {"name", cand.prospect->name},
                                          {"industry_code", cand.prospect->industry_code},
                                          {"region", cand.prospect->region},
                                          {"revenue", Optional(cand.prospect->revenue)},
                                          {"match", cand.match},
                                          {"matched", cand.matched},
                                          {"product", cand.product},
                                          {"fit", cand.fit},
                                          {"size", cand.size},
                                          {"score", cand.score},
                                          {"size_rank", cand.size_rank},
                                          {"why", CandidateText(cand, Language::kZh)}});
          }
        }
      }
      if (c < report.related.size() && !report.related[c][l].empty()) {
        link["related_industries"] = RelatedJson(report.related[c][l], view.public_view);
      }
      chain["links"].push_back(std::move(link));
    }
    out["chains"].push_back(std::move(chain));
  }
  if (report.relatedness) {
    out["relatedness"] = {{"benchmark", report.relatedness->benchmark},
                          {"year", report.relatedness->year},
                          {"level", report.relatedness->level},
                          {"regions", report.relatedness->regions}};
  }
  return out.dump(2) + "\n";
}

namespace {

std::string DateText(const std::optional<core::Date>& date) { return date ? date->ToString() : ""; }

std::string Capacity(const model::Project& p) {
  std::string out;
  for (const auto& phase : p.phases) {
    if (!phase.capacity) continue;
    out +=
        (out.empty() ? "" : " + ") + fmt::format("{:g} {}", *phase.capacity, phase.capacity_unit);
  }
  return out;
}

std::string OverdueText(const model::Overdue& late, Language language) {
  const auto& next = model::InfoOf(late.waiting_for);
  return language == Language::kZh ? fmt::format("逾期 {} 个月未{}（应于 {}）", late.months_late,
                                                 next.name_zh, late.due.ToString())
                                   : fmt::format("{} months late for {} (due {})", late.months_late,
                                                 next.name_en, late.due.ToString());
}

double FullSales(const model::Project& p) {
  double total = 0;
  for (const auto& phase : p.phases) total += phase.annual_sales.value_or(0);
  return total;
}

// The pipeline's projects counted by stage, with investment, sales and what is overdue.
Section StagesSection(const chains::Pipeline& pipeline, Language language) {
  Section stages;
  stages.title = L(language, "按阶段", "By stage");
  stages.headers = {L(language, "阶段", "stage"), L(language, "项目数", "projects"),
                    L(language, "总投资(亿元)", "investment (100 M)"),
                    L(language, "达产销售(亿元/年)", "sales at full output (100 M/yr)"),
                    L(language, "逾期", "overdue")};
  stages.numeric = {1, 2, 3, 4};
  for (const auto& info : model::Stages()) {
    std::size_t count = 0, overdue = 0;
    double investment = 0, sales = 0;
    for (std::size_t i = 0; i < pipeline.projects.size(); ++i) {
      const auto& p = pipeline.projects[i];
      if (p.stage != info.stage) continue;
      ++count;
      investment += p.total_investment.value_or(0);
      sales += FullSales(p);
      if (pipeline.overdue[i]) ++overdue;
    }
    stages.rows.push_back({fmt::format("{} {}", info.name_zh, info.code), std::to_string(count),
                           detail::Yi(investment), detail::Yi(sales), std::to_string(overdue)});
  }
  return stages;
}

}  // namespace

Document PipelineDocument(const chains::Pipeline& pipeline, Language language) {
  Document doc;
  doc.title = fmt::format("{} {}", L(language, "招商项目推进", "Investment pipeline"),
                          pipeline.as_of.ToString());
  doc.sections.push_back(StagesSection(pipeline, language));
  Section list;
  list.title = L(language, "项目清单", "Projects");
  list.headers = {L(language, "编号", "code"),
                  L(language, "项目", "project"),
                  L(language, "投资方", "investor"),
                  L(language, "集群", "cluster"),
                  L(language, "产业链/环节", "chain/link"),
                  L(language, "园区", "park"),
                  L(language, "总投资(亿元)", "investment (100 M)"),
                  L(language, "产能", "capacity"),
                  L(language, "达产销售(亿元/年)", "sales at full (100 M/yr)"),
                  L(language, "阶段", "stage"),
                  L(language, "阶段日期", "since"),
                  L(language, "计划投产", "production"),
                  L(language, "预警", "alert")};
  list.numeric = {6, 8};
  const bool effects = !pipeline.effects.empty();
  if (effects) {
    list.headers.insert(list.headers.begin() + 9,
                        {L(language, "投入产出部门", "IO sector"),
                         L(language, "总效应(亿元/年)", "total effect (100 M/yr)"),
                         L(language, "乘数", "multiplier")});
    list.numeric = {6, 8, 10, 11};
  }
  for (std::size_t i = 0; i < pipeline.projects.size(); ++i) {
    const auto& p = pipeline.projects[i];
    const auto& info = model::InfoOf(p.stage);
    const std::string alert =
        pipeline.overdue[i] ? OverdueText(*pipeline.overdue[i], language) : std::string();
    std::vector<std::string> effect_cells;
    if (effects) {
      const auto& e = pipeline.effects[i];
      effect_cells = {e.sector, e.total ? detail::Yi(*e.total) : "",
                      e.multiplier ? fmt::format("{:.2f}", *e.multiplier) : ""};
    }
    list.rows.push_back(
        {p.code, p.name, p.investor, p.cluster,
         p.chain.empty() ? "" : (p.link.empty() ? p.chain : p.chain + "/" + p.link), p.park,
         p.total_investment ? detail::Yi(*p.total_investment) : "", Capacity(p),
         FullSales(p) > 0 ? detail::Yi(FullSales(p)) : "",
         language == Language::kZh ? std::string(info.name_zh) : std::string(info.name_en),
         DateText(p.reached[static_cast<std::size_t>(p.stage)]), DateText(p.ProductionStart()),
         alert});
    list.rows.back().insert(list.rows.back().begin() + 9, effect_cells.begin(), effect_cells.end());
  }
  if (effects) {
    list.notes.push_back(L(language,
                           "总效应：达产销售作为所在投入产出部门的最终需求变化，ΔX = LΔf，"
                           "含项目自身产出（直接）与对各部门的带动（间接）。",
                           "Total effect: sales at full output as a change of final demand in "
                           "the project's input-output sector, ΔX = LΔf: its own output (direct) "
                           "and what it sets off in every sector (indirect)."));
  }
  doc.sections.push_back(std::move(list));
  return doc;
}

namespace {

// {"sector", "matched_by", "direct", "indirect", "total", "multiplier", "by_cluster":
// [{"cluster", "output_change"}], "note"}; 万元 a year.
json EffectJson(const analytics::ProjectEffect& e) {
  json by_cluster = json::array();
  for (const auto& [cluster, change] : e.by_cluster) {
    by_cluster.push_back(
        {{"cluster", cluster.empty() ? json(nullptr) : json(cluster)}, {"output_change", change}});
  }
  return {{"sector", e.sector.empty() ? json(nullptr) : json(e.sector)},
          {"matched_by", e.matched_by.empty() ? json(nullptr) : json(e.matched_by)},
          {"direct", Optional(e.direct)},
          {"indirect", e.total && e.direct ? json(*e.total - *e.direct) : json(nullptr)},
          {"total", Optional(e.total)},
          {"multiplier", Optional(e.multiplier)},
          {"by_cluster", std::move(by_cluster)},
          {"note", e.note.empty() ? json(nullptr) : json(e.note)}};
}

}  // namespace

std::string PipelineJson(const chains::Pipeline& pipeline) {
  json out;
  out["as_of"] = pipeline.as_of.ToString();
  out["projects"] = json::array();
  for (std::size_t i = 0; i < pipeline.projects.size(); ++i) {
    const auto& p = pipeline.projects[i];
    json reached = json::object(), planned = json::object();
    for (const auto& info : model::Stages()) {
      const auto s = static_cast<std::size_t>(info.stage);
      if (p.reached[s]) reached[std::string(info.code)] = p.reached[s]->ToString();
      if (p.planned[s]) planned[std::string(info.code)] = p.planned[s]->ToString();
    }
    json phases = json::array();
    for (const auto& ph : p.phases) {
      phases.push_back(
          {{"number", ph.number},
           {"investment", Optional(ph.investment)},
           {"capacity", Optional(ph.capacity)},
           {"capacity_unit", ph.capacity_unit},
           {"annual_sales", Optional(ph.annual_sales)},
           {"production", ph.production ? json(ph.production->ToString()) : json(nullptr)}});
    }
    json overdue = nullptr;
    if (const auto& late = pipeline.overdue[i]) {
      overdue = {{"waiting_for", model::InfoOf(late->waiting_for).code},
                 {"due", late->due.ToString()},
                 {"months_late", late->months_late}};
    }
    out["projects"].push_back(
        {{"code", p.code},
         {"name", p.name},
         {"investor", p.investor},
         {"cluster", p.cluster},
         {"chain", p.chain},
         {"link", p.link},
         {"park", p.park},
         {"uscc", p.uscc},
         {"total_investment", Optional(p.total_investment)},
         {"stage", model::InfoOf(p.stage).code},
         {"stage_zh", model::InfoOf(p.stage).name_zh},
         {"reached", reached},
         {"planned", planned},
         {"phases", phases},
         {"ramp_months", p.ramp_months},
         {"curve", model::RampCurveName(p.curve)},
         {"sales_last_12_months", model::SalesInYearTo(p, pipeline.as_of)},
         {"sales_at_full_output", FullSales(p)},
         {"realisation", pipeline.rules.realisation[static_cast<std::size_t>(p.stage)]},
         {"overdue", overdue},
         {"effect", i < pipeline.effects.size() ? EffectJson(pipeline.effects[i]) : json(nullptr)},
         {"note", p.note}});
  }
  out["io_table"] = pipeline.io_table.empty() ? json(nullptr) : json(pipeline.io_table);
  return out.dump(2) + "\n";
}

namespace {

std::string FigureValue(const std::string& figure, double value) {
  const auto* info = model::FindFigure(figure);
  const std::string unit = info != nullptr ? std::string(info->unit) : "";
  if (unit == "%") return fmt::format("{:.2f}%", value * 100);
  if (unit == "万元") return fmt::format("{:.0f} 万元", value);
  if (unit == "年") return fmt::format("{:.1f} 年", value);
  if (unit == "人") return fmt::format("{:.0f} 人", value);
  return value != 0 ? "是" : "否";
}

std::string CriterionLabel(const model::Criterion& c) {
  if (!c.label.empty()) return c.label;
  const auto* info = model::FindFigure(c.figure);
  return info != nullptr ? std::string(info->name_zh) +
                               (c.figure.starts_with("holds:") ? " " + c.figure.substr(6) : "")
                         : c.figure;
}

std::string ResultText(const chains::CriterionResult& r, Language language) {
  const auto& c = *r.criterion;
  std::string bar;
  if (r.min && r.max) {
    bar = fmt::format("{}–{}", FigureValue(c.figure, *r.min), FigureValue(c.figure, *r.max));
  } else if (r.min) {
    bar = "≥ " + FigureValue(c.figure, *r.min);
  } else if (r.max) {
    bar = "≤ " + FigureValue(c.figure, *r.max);
  }
  const std::string value =
      r.value ? FigureValue(c.figure, *r.value) : std::string(L(language, "无数据", "no data"));
  return fmt::format("{} {}: {} ({})", r.met ? "✓" : "✗", CriterionLabel(c), value, bar);
}

}  // namespace

Document CultivationDocument(const chains::CultivationReport& report, std::size_t limit,
                             Language language) {
  Document doc;
  doc.title = fmt::format("{} {}", L(language, "企业梯度培育", "Enterprise cultivation"),
                          report.period.ToString());
  for (std::size_t i = 0; i < report.ladders.size(); ++i) {
    const auto& result = report.ladders[i];
    const auto& ladder = *result.ladder;
    Section s;
    s.title = ladder.name_zh;
    s.notes.push_back(
        language == Language::kZh
            ? fmt::format("在梯队上 {} 家，全部达标 {} 家，列出完成度 ≥ {:.0f}% 的 {} 家。",
                          result.population, result.ready, ladder.list_from * 100,
                          result.entries.size())
            : fmt::format("{} on the ladder, {} meet every criterion, {} listed "
                          "(readiness from {:.0f}%).",
                          result.population, result.ready, result.entries.size(),
                          ladder.list_from * 100));
    const auto& goal = report.goals[i];
    if (!ladder.goal_designation.empty()) {
      std::string line = language == Language::kZh
                             ? fmt::format("现有 {} 家；若达标企业全部认定，可达 {} 家", goal.held,
                                           goal.held + result.ready)
                             : fmt::format(
                                   "{} hold it now; {} if every ready enterprise is "
                                   "recognised",
                                   goal.held, goal.held + result.ready);
      if (goal.target && goal.target->target.target_value) {
        const auto& t = goal.target->target;
        line += language == Language::kZh
                    ? fmt::format("；{} 目标 {} 年 {:g} 家（{}）", t.id, t.target_year,
                                  *t.target_value, goal.target->progress.status)
                    : fmt::format("; target {} is {:g} by {} ({})", t.id, *t.target_value,
                                  t.target_year, goal.target->progress.status);
      }
      s.notes.push_back(line);
    }
    s.headers = {L(language, "企业", "enterprise"),  L(language, "信用代码", "credit code"),
                 L(language, "完成度", "readiness"), L(language, "达标", "ready"),
                 L(language, "已满足", "met"),       L(language, "未满足", "missed")};
    s.numeric = {2};
    for (std::size_t e = 0; e < result.entries.size() && (limit == 0 || e < limit); ++e) {
      const auto& entry = result.entries[e];
      std::string met, missed;
      for (const auto& r : entry.criteria) {
        auto& into = r.met ? met : missed;
        into += (into.empty() ? "" : "；") + ResultText(r, language);
      }
      s.rows.push_back({entry.name, entry.uscc, fmt::format("{:.0f}%", entry.readiness * 100),
                        entry.ready ? L(language, "是", "yes") : L(language, "否", "no"), met,
                        missed});
    }
    doc.sections.push_back(std::move(s));
  }
  return doc;
}

std::string CultivationJson(const chains::CultivationReport& report, std::size_t limit) {
  json out;
  out["period"] = report.period.ToString();
  out["ladders"] = json::array();
  for (std::size_t i = 0; i < report.ladders.size(); ++i) {
    const auto& result = report.ladders[i];
    const auto& ladder = *result.ladder;
    json goal = nullptr;
    if (!ladder.goal_designation.empty()) {
      const auto& g = report.goals[i];
      goal = {{"designation", ladder.goal_designation},
              {"held", g.held},
              {"held_if_ready_recognised", g.held + result.ready}};
      if (g.target) {
        goal["target"] = {{"id", g.target->target.id},
                          {"target", Optional(g.target->target.target_value)},
                          {"target_year", g.target->target.target_year},
                          {"actual", Optional(g.target->progress.actual)},
                          {"status", g.target->progress.status},
                          {"projection", Optional(g.target->progress.projection)}};
      }
    }
    json entries = json::array();
    for (std::size_t e = 0; e < result.entries.size() && (limit == 0 || e < limit); ++e) {
      const auto& entry = result.entries[e];
      json criteria = json::array();
      for (const auto& r : entry.criteria) {
        criteria.push_back({{"figure", r.criterion->figure},
                            {"label", CriterionLabel(*r.criterion)},
                            {"value", Optional(r.value)},
                            {"min", Optional(r.min)},
                            {"max", Optional(r.max)},
                            {"met", r.met}});
      }
      entries.push_back({{"uscc", entry.uscc},
                         {"name", entry.name},
                         {"readiness", entry.readiness},
                         {"ready", entry.ready},
                         {"criteria", criteria}});
    }
    out["ladders"].push_back({{"code", ladder.code},
                              {"name", ladder.name_zh},
                              {"name_en", ladder.name_en},
                              {"population", result.population},
                              {"ready", result.ready},
                              {"listed", result.entries.size()},
                              {"goal", goal},
                              {"entries", entries}});
  }
  return out.dump(2) + "\n";
}

Document ChainWorkSection(const chains::ChainReport* chains, const chains::Pipeline* pipeline,
                          const chains::CultivationReport* cultivation, Language language,
                          bool public_view) {
  Document doc;
  doc.title = L(language, "产业链、招商项目与企业培育", "Chains, projects and cultivation");
  if (chains != nullptr) {
    auto overview = ChainsDocument(
        *chains, {.chain = "", .links = false, .details = false, .public_view = public_view},
        language);
    doc.sections.push_back(std::move(overview.sections.front()));
    Section weak;
    weak.title = L(language, "薄弱与缺失环节", "Weak and missing links");
    weak.headers = {L(language, "产业链", "chain"), L(language, "环节", "link"),
                    L(language, "状态", "status"), L(language, "依据", "why"),
                    L(language, "招商候选", "candidates")};
    weak.numeric = {4};
    for (std::size_t c = 0; c < chains->chains.size(); ++c) {
      const auto& a = chains->chains[c];
      for (std::size_t l = 0; l < a.links.size(); ++l) {
        const auto& la = a.links[l];
        if (la.rating.status == chains::LinkStatus::kStrong) continue;
        std::string why;
        for (const auto& r : la.rating.reasons) {
          why += (why.empty() ? "" : "；") + ReasonText(r, language);
        }
        weak.rows.push_back({a.chain->name_zh, la.link->name_zh,
                             StatusText(la.rating.status, language), public_view ? "" : why,
                             std::to_string(chains->candidates[c][l].size())});
      }
    }
    doc.sections.push_back(std::move(weak));
  }
  if (pipeline != nullptr) {
    auto stages = PipelineDocument(*pipeline, language);
    doc.sections.push_back(std::move(stages.sections.front()));
    Section overdue;
    overdue.title = L(language, "逾期项目", "Overdue projects");
    overdue.headers = {L(language, "编号", "code"), L(language, "项目", "project"),
                       L(language, "阶段", "stage"), L(language, "预警", "alert")};
    for (std::size_t i = 0; i < pipeline->projects.size(); ++i) {
      const auto& late = pipeline->overdue[i];
      if (!late) continue;
      const auto& p = pipeline->projects[i];
      const auto& info = model::InfoOf(p.stage);
      overdue.rows.push_back(
          {p.code, p.name,
           language == Language::kZh ? std::string(info.name_zh) : std::string(info.name_en),
           OverdueText(*late, language)});
    }
    if (!overdue.rows.empty()) doc.sections.push_back(std::move(overdue));
  }
  if (cultivation != nullptr && !public_view) {
    Section ladders;
    ladders.title = L(language, "企业梯度培育", "Cultivation ladders");
    ladders.headers = {L(language, "梯队", "ladder"),      L(language, "在梯队上", "on the ladder"),
                       L(language, "全部达标", "ready"),   L(language, "接近达标", "listed"),
                       L(language, "现有认定", "holding"), L(language, "目标", "target")};
    ladders.numeric = {1, 2, 3, 4};
    for (std::size_t i = 0; i < cultivation->ladders.size(); ++i) {
      const auto& r = cultivation->ladders[i];
      const auto& goal = cultivation->goals[i];
      std::string target;
      if (goal.target && goal.target->target.target_value) {
        target = fmt::format("{} {:g}（{}）", goal.target->target.id,
                             *goal.target->target.target_value, goal.target->progress.status);
      }
      ladders.rows.push_back({r.ladder->name_zh, std::to_string(r.population),
                              std::to_string(r.ready), std::to_string(r.entries.size()),
                              r.ladder->goal_designation.empty() ? "" : std::to_string(goal.held),
                              target});
    }
    doc.sections.push_back(std::move(ladders));
  }
  return doc;
}

Result<std::string> RenderMonthly(const MonthlyBundle& bundle, std::string_view format,
                                  const std::string& region_name, Language language) {
  std::vector<Document> appendix;
  if (bundle.benchmark) {
    appendix.push_back(ClusterViewDocument(*bundle.benchmark, language));
  }
  if (bundle.chains) {
    appendix.push_back(ChainWorkSection(bundle.chains.get(),
                                        bundle.pipeline ? &*bundle.pipeline : nullptr,
                                        bundle.cultivation.get(), language, bundle.is_public));
  }
  const auto& indicators = bundle.indicators;
  if (format == "xlsx") {
    return WorkbookBytes([&](const std::string& path) {
      return MonthlyReportXlsx(indicators, region_name, language, path, appendix);
    });
  }
  if (format == "json") {
    std::vector<std::pair<std::string, std::string>> members;
    if (bundle.chains) {
      members.emplace_back("chains", ChainsJson(*bundle.chains, {.chain = "",
                                                                 .links = true,
                                                                 .details = false,
                                                                 .public_view = bundle.is_public}));
    }
    if (bundle.pipeline) members.emplace_back("projects", PipelineJson(*bundle.pipeline));
    if (bundle.cultivation) {
      members.emplace_back("cultivation", CultivationJson(*bundle.cultivation, 10));
    }
    if (bundle.benchmark) members.emplace_back("benchmark", ClusterViewJson(*bundle.benchmark));
    return AppendJson(MonthlyReportJson(indicators, language), members);
  }
  if (format == "html") {
    std::string text = MonthlyReportHtml(indicators, region_name, language);
    for (const auto& document : appendix) text = AppendHtml(std::move(text), document);
    return text;
  }
  if (format == "headline") return MonthlyReportHeadline(indicators, language) + "\n";
  if (format == "md") {
    std::string text = MonthlyReportMarkdown(indicators, region_name, language);
    if (bundle.targets) text += "\n" + TargetsMarkdown(*bundle.targets, language, 2);
    for (const auto& document : appendix) text += "\n" + RenderMarkdown(document, 2);
    return text;
  }
  return Error(Status::InvalidArgument(
      fmt::format("unknown format '{}' (md, html, json, xlsx, headline)", format)));
}

}  // namespace clusterscope::report
