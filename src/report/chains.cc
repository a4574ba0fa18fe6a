// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/report/chains.h"

#include "industry_name.h"
#include "monthly_parts.h"
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "clusterscope/report/analysis.h"
#include "clusterscope/report/analytics.h"
#include "clusterscope/report/numbers.h"
#include "clusterscope/report/targets.h"
#include "clusterscope/text/report.h"
#include "clusterscope/text/units.h"

namespace clusterscope::report {
namespace {

using nlohmann::json;

std::string StatusText(chains::LinkStatus status, Language language) {
  switch (status) {
    case chains::LinkStatus::kStrong:
      return text::kStrong.In(language);
    case chains::LinkStatus::kWeak:
      return text::kWeak.In(language);
    case chains::LinkStatus::kAtRisk:
      return text::kAtRisk.In(language);
    case chains::LinkStatus::kMissing:
      return text::kMissing.In(language);
  }
  return "";
}

json Optional(const std::optional<double>& value) { return value ? json(*value) : json(nullptr); }

std::string NameOf(const chains::ChainReport& report, const std::string& uscc) {
  const auto* e = report.Find(uscc);
  return e != nullptr ? e->name : uscc;
}

std::string Names(const chains::ChainReport& report, const std::vector<std::string>& usccs,
                  std::size_t limit, Language language) {
  std::string out;
  for (std::size_t i = 0; i < usccs.size() && i < limit; ++i) {
    out += (out.empty() ? "" : text::kListSeparator.In(language)) + NameOf(report, usccs[i]);
  }
  if (usccs.size() > limit) out += core::Say(language, text::kAndOthers, usccs.size());
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
  if (r.rule == "few_enterprises") {
    return core::Say(language, text::kLocalEnterprisesAtLeast, r.value, r.bar);
  }
  if (r.rule == "shrinking") {
    return core::Say(language, text::kOutputAtRiskFrom, r.value * 100, r.bar * 100);
  }
  if (r.rule == "one_enterprise") {
    return core::Say(language, text::kOneEnterpriseMakesShare, r.value * 100, r.bar * 100);
  }
  if (r.rule == "below_strong_count") {
    return core::Say(language, text::kEnterprisesStrongNeeds, r.value, r.bar);
  }
  if (r.rule == "below_strong_output") {
    return core::Say(language, text::kAnnualisedOutputX100MYuan, numbers::Yi(r.value),
                     numbers::Yi(r.bar));
  }
  if (r.rule == "below_strong_growth") {
    return core::Say(language, text::kOutputStrongNeeds, r.value * 100, r.bar * 100);
  }
  if (r.rule == "meets_strong") {
    return text::kMeetsEveryStrongBar.In(language);
  }
  return r.rule;
}

std::string CandidateText(const chains::Candidate& c, Language language) {
  std::string why;
  if (c.match == "class") {
    why = core::Say(language, text::kClassOfTheLink, c.matched);
  } else if (c.match == "group") {
    why = core::Say(language, text::kInTheLinksGroup, c.matched);
  } else if (c.match == "division") {
    why = core::Say(language, text::kInTheLinksDivision, c.matched);
  } else if (c.match == "product") {
    why = core::Say(language, text::kMakes, c.matched);
  } else if (c.match == "neighbour") {
    why = core::Say(language, text::kClassBesideTheLinks, c.matched);
  }
  if (!c.product.empty()) {
    why += core::Say(language, text::kAlsoMakes, c.product);
  }
  if (c.size_rank > 0) {
    why +=
        core::Say(language, text::kRevenueAndRank, numbers::Yi(*c.prospect->revenue), c.size_rank);
  }
  return why;
}

namespace {

// Every chain selected: completeness, counts of links by rating, and the chain's figures.
Section OverviewSection(const chains::ChainReport& report, const ChainView& view,
                        Language language) {
  Section overview;
  overview.title = text::kChainsOverview.In(language);
  overview.headers = {text::kChain.In(language),        text::kChief.In(language),
                      text::kCompleteness.In(language), text::kStrongWeakRiskMissing.In(language),
                      text::kEnterprises.In(language),  text::kOutputYtd100M.In(language),
                      text::kGrowth.In(language),       text::kContribution.In(language),
                      text::kLocalSupply.In(language)};
  overview.numeric = {2, 4, 5, 6, 7, 8};
  for (const auto& a : report.chains) {
    if (!Selected(view, a)) continue;
    const auto* g = a.group;
    const bool figures = g != nullptr && !view.public_view;
    overview.rows.push_back(
        {a.chain->name_zh, a.chain->chief, fmt::format("{:.0f}", a.completeness),
         fmt::format("{}/{}/{}/{}", a.strong, a.weak, a.at_risk, a.missing),
         figures ? std::to_string(g->enterprises) : "",
         figures ? numbers::Yi(g->ytd[static_cast<std::size_t>(model::Measure::kOutputValue)]) : "",
         figures ? numbers::Growth(g->growth_same_basis) : "",
         figures ? numbers::Percent(g->contribution_rate) : "",
         a.supply.year != 0 ? numbers::Percent(a.supply.local_share) : ""});
  }
  return overview;
}

// Chain `c` link by link: upstream, rating and why, figures, members, local supply.
Section LinksSection(const chains::ChainReport& report, const ChainView& view, std::size_t c,
                     Language language) {
  const auto& a = report.chains[c];
  Section links;
  links.title = fmt::format("{}{}", a.chain->name_zh, text::kLinksSuffix.In(language));
  if (!a.masters.empty() && !view.public_view) {
    links.notes.push_back(fmt::format("{}{}", text::kChainMasters.In(language),
                                      Names(report, a.masters, 10, language)));
  }
  if (!a.unknown.empty()) {
    links.notes.push_back(
        fmt::format("{}{}", text::kNotInTheRegistry.In(language),
                    fmt::format("{}", fmt::join(a.unknown, text::kListSeparator.In(language)))));
  }
  links.headers = {text::kLink.In(language),
                   text::kUpstream.In(language),
                   text::kStatus.In(language),
                   text::kEnterprises.In(language),
                   text::kAnnualOutput100M.In(language),
                   text::kGrowth.In(language),
                   text::kWhy.In(language)};
  links.numeric = {3, 4, 5};
  if (view.details && !view.public_view) {
    links.headers.push_back(text::kEnterpriseNames.In(language));
  }
  if (report.relations) links.headers.push_back(text::kLocalSupply.In(language));
  for (const auto& la : a.links) {
    std::string upstream;
    for (const auto& u : la.link->upstream) {
      const auto* up = a.chain->FindLink(u);
      upstream += (upstream.empty() ? "" : text::kListSeparator.In(language)) +
                  (up != nullptr ? up->name_zh : u);
    }
    std::string why;
    for (const auto& r : la.rating.reasons) {
      why += (why.empty() ? "" : text::kClauseSeparator.In(language)) + ReasonText(r, language);
    }
    const bool figures = !view.public_view && la.figures.enterprises > 0;
    std::vector<std::string> row = {la.link->name_zh,
                                    upstream,
                                    StatusText(la.rating.status, language),
                                    view.public_view ? "" : std::to_string(la.figures.enterprises),
                                    figures ? numbers::Yi(la.figures.annual_output) : "",
                                    figures ? numbers::Growth(la.figures.growth) : "",
                                    view.public_view ? "" : why};
    if (view.details && !view.public_view) row.push_back(Names(report, la.members, 5, language));
    if (report.relations)
      row.push_back(la.supply.year != 0 ? numbers::Percent(la.supply.local_share) : "");
    links.rows.push_back(std::move(row));
  }
  return links;
}

// The industries beside chain `c`'s links, to fill them by.
Section RelatedSection(const chains::ChainReport& report, std::size_t c, Language language) {
  const auto& a = report.chains[c];
  Section related;
  related.title =
      fmt::format("{}{}", a.chain->name_zh, text::kIndustriesToFillTheLinksBy.In(language));
  related.notes.push_back(
      fmt::format("{}{} {}", text::kBenchmark.In(language), report.relatedness->benchmark,
                  report.relatedness->year != 0 ? std::to_string(report.relatedness->year) : ""));
  related.headers = {text::kLink.In(language),        text::kStatus.In(language),
                     text::kIndustry.In(language),    text::kDensity.In(language),
                     text::kOutlookGain.In(language), text::kPCI.In(language)};
  related.numeric = {3, 4, 5};
  for (std::size_t l = 0; l < a.links.size(); ++l) {
    const auto& la = a.links[l];
    for (const auto& r : report.related[c][l]) {
      related.rows.push_back({la.link->name_zh, StatusText(la.rating.status, language),
                              fmt::format("{} {}", r.industry, detail::IndustryName(r.industry)),
                              fmt::format("{:.3f}", r.density), fmt::format("{:.3f}", r.cog),
                              r.pci ? fmt::format("{:.2f}", *r.pci) : ""});
    }
  }
  return related;
}

// The prospects that could fill chain `c`'s weak and missing links.
Section CandidatesSection(const chains::ChainReport& report, std::size_t c, Language language) {
  const auto& a = report.chains[c];
  Section candidates;
  candidates.title = fmt::format("{}{}", a.chain->name_zh, text::kCandidatesToAttract.In(language));
  candidates.headers = {text::kLink.In(language),        text::kStatus.In(language),
                        text::kCandidate.In(language),   text::kRegion.In(language),
                        text::kRevenue100M.In(language), text::kScore.In(language),
                        text::kWhyCandidate.In(language)};
  candidates.numeric = {4, 5};
  for (std::size_t l = 0; l < a.links.size(); ++l) {
    const auto& la = a.links[l];
    if (la.rating.status == chains::LinkStatus::kStrong) continue;
    const auto& list = report.candidates[c][l];
    if (list.empty()) {
      candidates.rows.push_back({la.link->name_zh, StatusText(la.rating.status, language),
                                 text::kNoMatchingProspect.In(language), "", "", "", ""});
    }
    for (const auto& cand : list) {
      candidates.rows.push_back({la.link->name_zh, StatusText(la.rating.status, language),
                                 cand.prospect->name, cand.prospect->region,
                                 cand.prospect->revenue ? numbers::Yi(*cand.prospect->revenue) : "",
                                 fmt::format("{:.2f}", cand.score), CandidateText(cand, language)});
    }
  }
  return candidates;
}

}  // namespace

Document ChainsDocument(const chains::ChainReport& report, const ChainView& view,
                        Language language) {
  Document doc;
  doc.title = fmt::format("{} · {}", text::kIndustryChains.In(language),
                          numbers::YearToDate(report.indicators.period, language));
  doc.sections.push_back(OverviewSection(report, view, language));
  for (std::size_t c = 0; c < report.chains.size(); ++c) {
    if (!Selected(view, report.chains[c]) || !view.links) continue;
    doc.sections.push_back(LinksSection(report, view, c, language));
    if (view.details && c < report.related.size() && report.relatedness) {
      Section related = RelatedSection(report, c, language);
      if (!related.rows.empty()) doc.sections.push_back(std::move(related));
    }
    if (!view.details || view.public_view) continue;
    doc.sections.push_back(CandidatesSection(report, c, language));
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

namespace {

// A link as the chain JSON gives it: its rating, and in full its figures, reasons, members and
// candidates.
json LinkJson(const chains::ChainReport& report, const ChainView& view, std::size_t c,
              std::size_t l) {
  const auto& la = report.chains[c].links[l];
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
                                      {"why", CandidateText(cand, Language::kZh)},
                                      {"why_en", CandidateText(cand, Language::kEn)}});
      }
    }
  }
  if (c < report.related.size() && !report.related[c][l].empty()) {
    link["related_industries"] = RelatedJson(report.related[c][l], view.public_view);
  }
  return link;
}

// A chain's head: names, counts of links by rating, supply, and in full its figures.
json ChainHeadJson(const chains::ChainReport& report, const ChainView& view,
                   const chains::ChainAssessment& a) {
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
  return chain;
}

}  // namespace

std::string ChainsJson(const chains::ChainReport& report, const ChainView& view) {
  json out;
  out["period"] = report.indicators.period.ToString();
  out["chains"] = json::array();
  for (std::size_t c = 0; c < report.chains.size(); ++c) {
    const auto& a = report.chains[c];
    if (!Selected(view, a)) continue;
    json chain = ChainHeadJson(report, view, a);
    chain["links"] = json::array();
    for (std::size_t l = 0; l < a.links.size(); ++l) {
      chain["links"].push_back(LinkJson(report, view, c, l));
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
  return core::Say(language, text::kMonthsLateFor, late.months_late,
                   language == Language::kZh ? next.name_zh : next.name_en, late.due.ToString());
}

// Sales a year at full output, over the phases that state them; none when no phase does (the
// source gave no figure: unknown, not zero).
std::optional<double> FullSales(const model::Project& p) {
  std::optional<double> total;
  for (const auto& phase : p.phases) {
    if (phase.annual_sales) total = total.value_or(0) + *phase.annual_sales;
  }
  return total;
}

// The pipeline's projects counted by stage, with investment, sales and what is overdue.
Section StagesSection(const chains::Pipeline& pipeline, Language language) {
  Section stages;
  stages.title = text::kByStage.In(language);
  stages.headers = {text::kStage.In(language), text::kProjects.In(language),
                    text::kInvestment100M.In(language), text::kSalesAtFullOutput100M.In(language),
                    text::kOverdue.In(language)};
  stages.numeric = {1, 2, 3, 4};
  for (const auto& info : model::Stages()) {
    std::size_t count = 0, overdue = 0;
    double investment = 0, sales = 0;
    for (std::size_t i = 0; i < pipeline.projects.size(); ++i) {
      const auto& p = pipeline.projects[i];
      if (p.stage != info.stage) continue;
      ++count;
      investment += p.total_investment.value_or(0);
      sales += FullSales(p).value_or(0);
      if (pipeline.overdue[i]) ++overdue;
    }
    stages.rows.push_back(
        {language == Language::kZh ? std::string(info.name_zh) : std::string(info.name_en),
         std::to_string(count), numbers::Yi(investment), numbers::Yi(sales),
         std::to_string(overdue)});
  }
  return stages;
}

}  // namespace

Document PipelineDocument(const chains::Pipeline& pipeline, Language language) {
  Document doc;
  doc.title =
      fmt::format("{} {}", text::kInvestmentPipeline.In(language), pipeline.as_of.ToString());
  doc.sections.push_back(StagesSection(pipeline, language));
  Section list;
  list.title = text::kProjectList.In(language);
  list.headers = {text::kCode.In(language),
                  text::kProject.In(language),
                  text::kInvestor.In(language),
                  text::kCluster.In(language),
                  text::kChainLink.In(language),
                  text::kPark.In(language),
                  text::kInvestment100M.In(language),
                  text::kCapacity.In(language),
                  text::kSalesAtFull100MYr.In(language),
                  text::kStage.In(language),
                  text::kSince.In(language),
                  text::kProduction.In(language),
                  text::kAlert.In(language)};
  list.numeric = {6, 8};
  const bool effects = !pipeline.effects.empty();
  if (effects) {
    list.headers.insert(list.headers.begin() + 9,
                        {text::kIOSector.In(language), text::kTotalEffect100MYr.In(language),
                         text::kMultiplier.In(language)});
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
      effect_cells = {e.sector, e.total ? numbers::Yi(*e.total) : "",
                      e.multiplier ? fmt::format("{:.2f}", *e.multiplier) : ""};
    }
    list.rows.push_back(
        {p.code, p.name, p.investor, p.cluster,
         p.chain.empty() ? "" : (p.link.empty() ? p.chain : p.chain + "/" + p.link), p.park,
         p.total_investment ? numbers::Yi(*p.total_investment) : "", Capacity(p),
         FullSales(p) ? numbers::Yi(FullSales(p)) : "",
         language == Language::kZh ? std::string(info.name_zh) : std::string(info.name_en),
         DateText(p.reached[static_cast<std::size_t>(p.stage)]), DateText(p.ProductionStart()),
         alert});
    list.rows.back().insert(list.rows.back().begin() + 9, effect_cells.begin(), effect_cells.end());
  }
  if (effects) {
    list.notes.push_back(text::kTotalEffectOfFullSales.In(language));
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

std::string PipelineJson(const chains::Pipeline& pipeline, bool public_view) {
  json out;
  out["as_of"] = pipeline.as_of.ToString();
  out["public"] = public_view;
  out["by_stage"] = json::array();
  for (const auto& info : model::Stages()) {
    std::size_t count = 0;
    double investment = 0, sales = 0;
    for (const auto& p : pipeline.projects) {
      if (p.stage != info.stage) continue;
      ++count;
      investment += p.total_investment.value_or(0);
      sales += FullSales(p).value_or(0);
    }
    out["by_stage"].push_back({{"stage", info.code},
                               {"projects", count},
                               {"investment", investment},
                               {"sales_at_full_output", sales}});
  }
  out["projects"] = json::array();
  for (std::size_t i = 0; i < pipeline.projects.size() && !public_view; ++i) {
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
         {"sales_last_12_months",
          FullSales(p) ? json(model::SalesInYearTo(p, pipeline.as_of)) : json(nullptr)},
         {"sales_at_full_output", FullSales(p) ? json(*FullSales(p)) : json(nullptr)},
         {"realisation", pipeline.rules.realisation[static_cast<std::size_t>(p.stage)]},
         {"overdue", overdue},
         {"effect", i < pipeline.effects.size() ? EffectJson(pipeline.effects[i]) : json(nullptr)},
         {"note", p.note}});
  }
  out["io_table"] = pipeline.io_table.empty() ? json(nullptr) : json(pipeline.io_table);
  return out.dump(2) + "\n";
}

namespace {

std::string FigureValue(const std::string& figure, double value, Language language) {
  const auto* info = model::FindFigure(figure);
  const std::string unit = info != nullptr ? std::string(info->unit) : "";
  if (unit == "%") return numbers::Percent(value, 2);  // R&D intensity is read to 0.01 %
  if (unit == "万元") return numbers::Money(value, language);
  if (unit == "人") return numbers::Count(value, unit, language);
  if (unit == "年") return numbers::InUnit(value, unit, language);
  return value != 0 ? text::kYes.In(language) : text::kNo.In(language);
}

// The plan's label in the reader's language, else the figure's name (a plan's label without an
// English one is the plan's own text, and stays as written).
std::string CriterionLabel(const model::Criterion& c, Language language) {
  if (language == Language::kEn && !c.label_en.empty()) return c.label_en;
  if (!c.label.empty()) return c.label;
  const auto* info = model::FindFigure(c.figure);
  if (info == nullptr) return c.figure;
  return std::string(language == Language::kZh ? info->name_zh : info->name_en) +
         (c.figure.starts_with("holds:") ? " " + c.figure.substr(6) : "");
}

std::string LadderName(const model::Ladder& ladder, Language language) {
  return language == Language::kEn && !ladder.name_en.empty() ? ladder.name_en : ladder.name_zh;
}

std::string ResultText(const chains::CriterionResult& r, Language language) {
  const auto& c = *r.criterion;
  std::string bar;
  if (r.min && r.max) {
    bar = fmt::format("{}–{}", FigureValue(c.figure, *r.min, language),
                      FigureValue(c.figure, *r.max, language));
  } else if (r.min) {
    bar = "≥ " + FigureValue(c.figure, *r.min, language);
  } else if (r.max) {
    bar = "≤ " + FigureValue(c.figure, *r.max, language);
  }
  const std::string value = r.value ? FigureValue(c.figure, *r.value, language)
                                    : std::string(text::kNoDataWord.In(language));
  return fmt::format("{} {}: {} ({})", r.met ? "✓" : "✗", CriterionLabel(c, language), value, bar);
}

}  // namespace

Document CultivationDocument(const chains::CultivationReport& report, std::size_t limit,
                             Language language) {
  Document doc;
  doc.title = fmt::format("{} · {}", text::kEnterpriseCultivation.In(language),
                          numbers::Month(report.period, language));
  for (std::size_t i = 0; i < report.ladders.size(); ++i) {
    const auto& result = report.ladders[i];
    const auto& ladder = *result.ladder;
    Section s;
    s.title = LadderName(ladder, language);
    s.notes.push_back(core::Say(language, text::kLadderSummary, result.population, result.ready,
                                result.listed, ladder.list_from * 100));
    const auto& goal = report.goals[i];
    if (!ladder.goal_designation.empty()) {
      std::string line = core::Say(language, text::kHeldNowAndIfAllReadyRecognised, goal.held,
                                   goal.held + result.ready);
      if (goal.target && goal.target->target.target_value) {
        const auto& t = goal.target->target;
        line += core::Say(language, text::kLadderTarget, t.id, *t.target_value, t.target_year,
                          numbers::Status(goal.target->progress.status, language));
      }
      s.notes.push_back(line);
    }
    s.headers = {text::kEnterprise.In(language), text::kCreditCode.In(language),
                 text::kReadiness.In(language),  text::kReady.In(language),
                 text::kMet.In(language),        text::kMissed.In(language)};
    s.numeric = {2};
    for (std::size_t e = 0; e < result.entries.size() && (limit == 0 || e < limit); ++e) {
      const auto& entry = result.entries[e];
      std::string met, missed;
      for (const auto& r : entry.criteria) {
        auto& into = r.met ? met : missed;
        into += (into.empty() ? "" : text::kClauseSeparator.In(language)) + ResultText(r, language);
      }
      s.rows.push_back({entry.name, entry.uscc, numbers::Percent(entry.readiness, 0),
                        entry.ready ? text::kYes.In(language) : text::kNo.In(language), met,
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
                            {"label", CriterionLabel(*r.criterion, Language::kZh)},
                            {"label_en", CriterionLabel(*r.criterion, Language::kEn)},
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
                              {"listed", result.listed},
                              {"goal", goal},
                              {"entries", entries}});
  }
  return out.dump(2) + "\n";
}

Document ChainWorkSection(const chains::ChainReport* chains, const chains::Pipeline* pipeline,
                          const chains::CultivationReport* cultivation, Language language,
                          bool public_view) {
  Document doc;
  doc.title = text::kChainsProjectsAndCultivation.In(language);
  if (chains != nullptr) {
    auto overview = ChainsDocument(
        *chains, {.chain = "", .links = false, .details = false, .public_view = public_view},
        language);
    doc.sections.push_back(std::move(overview.sections.front()));
    Section weak;
    weak.title = text::kWeakAndMissingLinks.In(language);
    weak.headers = {text::kChain.In(language), text::kLink.In(language), text::kStatus.In(language),
                    text::kWhy.In(language), text::kCandidates.In(language)};
    weak.numeric = {4};
    for (std::size_t c = 0; c < chains->chains.size(); ++c) {
      const auto& a = chains->chains[c];
      for (std::size_t l = 0; l < a.links.size(); ++l) {
        const auto& la = a.links[l];
        if (la.rating.status == chains::LinkStatus::kStrong) continue;
        std::string why;
        for (const auto& r : la.rating.reasons) {
          why += (why.empty() ? "" : text::kClauseSeparator.In(language)) + ReasonText(r, language);
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
    overdue.title = text::kOverdueProjects.In(language);
    overdue.headers = {text::kCode.In(language), text::kProject.In(language),
                       text::kStage.In(language), text::kAlert.In(language)};
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
    // Overdue projects by name: in full only (the published form names no one).
    if (!overdue.rows.empty() && !public_view) doc.sections.push_back(std::move(overdue));
  }
  if (cultivation != nullptr && !public_view) {
    Section ladders;
    ladders.title = text::kCultivationLadders.In(language);
    ladders.headers = {text::kLadder.In(language),   text::kOnTheLadder.In(language),
                       text::kAllReady.In(language), text::kListed.In(language),
                       text::kHolding.In(language),  text::kTarget.In(language)};
    ladders.numeric = {1, 2, 3, 4};
    for (std::size_t i = 0; i < cultivation->ladders.size(); ++i) {
      const auto& r = cultivation->ladders[i];
      const auto& goal = cultivation->goals[i];
      std::string target;
      if (goal.target && goal.target->target.target_value) {
        target = core::Say(language, text::kTargetWithStatus, goal.target->target.id,
                           *goal.target->target.target_value,
                           numbers::Status(goal.target->progress.status, language));
      }
      ladders.rows.push_back({LadderName(*r.ladder, language), std::to_string(r.population),
                              std::to_string(r.ready), std::to_string(r.listed),
                              r.ladder->goal_designation.empty() ? "" : std::to_string(goal.held),
                              target});
    }
    doc.sections.push_back(std::move(ladders));
  }
  return doc;
}

Result<std::string> RenderMonthly(const MonthlyBundle& bundle, std::string_view format,
                                  const std::string& region_name, Language language,
                                  const std::string& docx_template) {
  if (format == "docx" || format == "pdf") {
    return OfficialDocumentBytes(MonthlyAnalysis(bundle, region_name, language), format,
                                 docx_template);
  }
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
    return MonthlyReportXlsx(indicators, region_name, language, appendix);
  }
  if (format == "json") {
    std::vector<std::pair<std::string, std::string>> members;
    if (bundle.chains) {
      members.emplace_back("chains", ChainsJson(*bundle.chains, {.chain = "",
                                                                 .links = true,
                                                                 .details = false,
                                                                 .public_view = bundle.is_public}));
    }
    if (bundle.pipeline)
      members.emplace_back("projects", PipelineJson(*bundle.pipeline, bundle.is_public));
    if (bundle.cultivation) {
      members.emplace_back("cultivation",
                           CultivationJson(*bundle.cultivation, kMonthlyLadderEntries));
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
      fmt::format("unknown format '{}' (md, html, json, xlsx, docx, pdf, headline)", format)));
}

}  // namespace clusterscope::report
