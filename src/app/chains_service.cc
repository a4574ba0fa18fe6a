// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The chain work: chain plans, chain assessments, projects and cultivation ladders
// (docs/chains.md, docs/cultivation.md).
#include "clusterscope/app/chains_service.h"

#include <algorithm>
#include <set>

#include "cultivation_figures.h"
#include "read_file.h"
#include "store_helpers.h"
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "clusterscope/app/analytics_service.h"
#include "clusterscope/app/chains_config.h"
#include "clusterscope/app/targets_service.h"
#include "clusterscope/chains/assess.h"
#include "clusterscope/chains/candidates.h"
#include "clusterscope/text/errors.h"

namespace clusterscope::app {
namespace {

// Reads a chain plan's text against the system.
auto ChainParser(const model::ClusterSystem& system) {
  return [&system](const std::string& text, const std::string& file) {
    return LoadChainPlanText(text, file, system);
  };
}

}  // namespace

Result<model::ChainPlan> ChainsService::LoadPlan(const std::string& path) {
  return LoadPlanFile(store(), actor(), storage::PlanKind::kChains, path, ChainParser(system()));
}

Result<model::ChainPlan> ChainsService::Plan() {
  return ParseCurrentPlan(store(), storage::PlanKind::kChains, ChainParser(system()));
}

Result<std::unique_ptr<chains::ChainReport>> ChainsService::Chains(
    const Grant& grant, std::optional<core::Period> period, std::size_t candidates) {
  (void)grant;  // leave is all it asks: the renderers show enterprises in the full form only
  auto report = std::make_unique<chains::ChainReport>();
  auto plan = Plan();
  if (!plan) return Error(plan.error());
  report->plan = std::move(*plan);
  if (!period) {
    auto latest = LatestPeriod(store());
    if (!latest) return Error(latest.error());
    period = *latest;
  }
  auto engine = Engine(core::Period{period->year - 1, 1});
  if (!engine) return Error(engine.error());
  report->registry =
      std::shared_ptr<const std::vector<model::Enterprise>>(*engine, &(*engine)->registry());
  report->indicators = (*engine)->Compute(*period, {.top = 5, .member_kinds = ChainKinds()});
  auto relations = store().ListSupplyRelations();
  if (!relations) return Error(relations.error());
  report->relations = !relations->empty();
  auto prospects = store().ListProspects();
  if (!prospects) return Error(prospects.error());
  report->prospects = std::move(*prospects);
  auto projects = store().ListProjects();
  if (!projects) return Error(projects.error());
  report->projects = std::move(*projects);
  report->chains =
      chains::AssessChains(report->plan, *report->registry, report->indicators, *relations);
  for (const auto& chain : report->chains) {
    auto& lists = report->candidates.emplace_back();
    for (const auto& link : chain.links) {
      auto& list = lists.emplace_back();
      if (link.rating.status != chains::LinkStatus::kStrong) {
        list = chains::RankCandidates(*link.link, report->prospects, candidates);
      }
    }
  }
  CLUSTERSCOPE_RETURN_IF_ERROR(
      AnalyticsService(db(), caller()).AddRelatedIndustries(*period, *report));
  return report;
}

Status ChainsService::AddProject(const model::Project& project) {
  std::vector<std::string> problems;
  for (const auto& p : project.Check()) problems.push_back(fmt::format("{}: {}", p.key, p.message));
  if (!project.cluster.empty() && system().FindCluster(project.cluster) == nullptr) {
    problems.push_back(
        fmt::format("cluster: '{}' is not a cluster of the system", project.cluster));
  }
  if (!project.park.empty() && system().FindPark(project.park) == nullptr) {
    problems.push_back(fmt::format("park: '{}' is not a park of the system", project.park));
  }
  if (!project.chain.empty()) {
    auto plan = Plan();
    if (!plan) return plan.error();
    const auto* chain = plan->FindChain(project.chain);
    if (chain == nullptr) {
      problems.push_back(fmt::format("chain: '{}' is not a chain of the plan", project.chain));
    } else if (!project.link.empty() && chain->FindLink(project.link) == nullptr) {
      problems.push_back(
          fmt::format("link: '{}' is not a link of chain '{}'", project.link, project.chain));
    }
  }
  if (!problems.empty()) {
    return Status::InvalidArgument(
        fmt::format("project {}: {}", project.code, fmt::join(problems, "; ")));
  }
  auto existing = store().ListProjects();
  if (!existing) return existing.error();
  for (const auto& p : *existing) {
    if (p.code == project.code) {
      return Status::AlreadyExists(fmt::format(
          "project {} exists; move it with: clusterscope project advance {} --to STAGE --date D",
          project.code, project.code));
    }
  }
  auto tx = store().Begin(actor());
  if (!tx) return tx.error();
  auto put = (*tx)->PutProject(project);
  if (!put) return put.error();
  return (*tx)->Commit();
}

Result<model::Project> ChainsService::AdvanceProject(const std::string& code, model::Stage to,
                                                     const core::Date& date,
                                                     const std::string& reason) {
  auto projects = store().ListProjects();
  if (!projects) return Error(projects.error());
  const auto it = std::find_if(projects->begin(), projects->end(),
                               [&](const model::Project& p) { return p.code == code; });
  if (it == projects->end()) {
    return Error(
        Status::NotFound(fmt::format("no project {}; see: clusterscope project list", code)));
  }
  model::Project project = *it;
  CLUSTERSCOPE_RETURN_IF_ERROR(model::CheckMove(project, to, date, reason));
  const model::StageMove move{project.stage, to, date, reason};
  model::ApplyMove(project, to, date);
  auto tx = store().Begin(actor());
  if (!tx) return Error(tx.error());
  auto put = (*tx)->PutProject(project);
  if (!put) return Error(put.error());
  CLUSTERSCOPE_RETURN_IF_ERROR((*tx)->AddProjectMove(code, move));
  CLUSTERSCOPE_RETURN_IF_ERROR((*tx)->Commit());
  return project;
}

Result<chains::Pipeline> ChainsService::Projects(std::optional<core::Date> as_of) {
  if (!as_of) {
    auto latest = LatestPeriod(store());
    if (latest) {
      as_of = core::Date::LastOfMonth(latest->year, latest->month);
    } else if (latest.error().code() == Status::Code::kNotFound) {
      as_of = core::Date::Today();
    } else {
      return Error(latest.error());
    }
  }
  chains::Pipeline out;
  out.as_of = *as_of;
  auto plan = Plan();
  if (plan) {
    out.rules = plan->pipeline;
  } else if (plan.error().code() != Status::Code::kNotFound) {
    return Error(plan.error());
  }
  auto projects = store().ListProjects();
  if (!projects) return Error(projects.error());
  out.projects = std::move(*projects);
  for (const auto& p : out.projects) {
    out.overdue.push_back(model::FindOverdue(p, out.rules, out.as_of));
  }
  CLUSTERSCOPE_RETURN_IF_ERROR(
      AnalyticsService(db(), caller()).AddProjectEffects(plan ? &*plan : nullptr, out));
  return out;
}

namespace {

// A park editor's own park's enterprises on each ladder, the first `limit` of them (0: all);
// the counts stay district-wide.
void KeepOwnPark(const std::string& park, const std::vector<model::Enterprise>& registry,
                 std::size_t limit, chains::CultivationReport& report) {
  std::set<std::string> own;
  for (const auto& e : registry) {
    if (e.park == park) own.insert(e.uscc);
  }
  for (auto& l : report.ladders) {
    std::erase_if(l.entries, [&](const auto& e) { return own.count(e.uscc) == 0; });
    l.listed = l.entries.size();
    if (limit != 0 && l.entries.size() > limit) l.entries.resize(limit);
  }
}

}  // namespace

Result<std::unique_ptr<chains::CultivationReport>> ChainsService::Cultivate(
    const Grant& grant, const std::string& ladder, std::optional<core::Period> period,
    const targets::TargetReport* known_targets, std::size_t limit) {
  if (!grant.full()) {
    return Error(
        Status::Of(Status::Code::kPermissionDenied, core::Say(text::kCultivationNotForViewers)));
  }
  auto report = std::make_unique<chains::CultivationReport>();
  auto plan = Plan();
  if (!plan) return Error(plan.error());
  report->plan = std::move(*plan);
  std::vector<const model::Ladder*> ladders;
  for (const auto& l : report->plan.ladders) {
    if (ladder.empty() || l.code == ladder) ladders.push_back(&l);
  }
  if (ladders.empty()) {
    std::vector<std::string> codes;
    for (const auto& l : report->plan.ladders) codes.push_back(l.code);
    return Error(Status::NotFound(fmt::format("no ladder '{}' in the chain plan (ladders: {})",
                                              ladder, fmt::join(codes, ", "))));
  }
  if (!period) {
    auto latest = LatestPeriod(store());
    if (!latest) return Error(latest.error());
    period = *latest;
  }
  report->period = *period;
  auto engine = Engine(core::Period{LastFullYear(*period) - 2, 1});
  if (!engine) return Error(engine.error());
  auto designations = store().ListDesignations({});
  if (!designations) return Error(designations.error());
  // Views of the engine's registry, which `engine` keeps alive to the end of this function.
  const auto figures = CultivationFigures(*period, system(), (*engine)->registry(), *designations,
                                          (*engine)->panel());
  // The targets the ladders serve: the plan's counts of the designation each ladder earns.
  std::optional<targets::TargetReport> computed_targets;
  const targets::TargetReport* targets = known_targets;
  if (targets == nullptr) {
    if (auto computed = TargetsService(db(), caller()).Targets(grant, *period, false)) {
      computed_targets = std::move(*computed);
      targets = &*computed_targets;
    } else if (computed.error().code() != Status::Code::kNotFound) {
      return Error(computed.error());
    }
  }
  for (const auto* l : ladders) {
    // A park editor's entries are filtered below, so all of them are evaluated.
    report->ladders.push_back(
        chains::EvaluateLadder(*l, figures, grant.park().empty() ? limit : 0));
    chains::CultivationReport::Goal goal;
    if (!l->goal_designation.empty()) {
      if (const auto* held = figures.Find("holds:" + l->goal_designation)) {
        goal.held = static_cast<std::size_t>(std::count(held->begin(), held->end(), 1.0));
      }
      if (targets) {
        for (const auto& row : targets->rows) {
          const auto& q = row.target.value;
          if (q && q->source == model::Quantity::Source::kDesignation &&
              q->name == l->goal_designation && row.target.parent.empty()) {
            goal.target = row;
            break;
          }
        }
      }
    }
    report->goals.push_back(std::move(goal));
  }
  if (!grant.park().empty()) KeepOwnPark(grant.park(), (*engine)->registry(), limit, *report);
  return report;
}

}  // namespace clusterscope::app
