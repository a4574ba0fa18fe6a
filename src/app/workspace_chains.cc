// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The Workspace's chain work: chain plans, chain assessments, projects, relations, prospects and
// cultivation ladders (docs/chains.md, docs/cultivation.md).
#include <algorithm>
#include <ctime>

#include "cultivation_figures.h"
#include "read_file.h"
#include <fmt/format.h>

#include "clusterscope/app/chains_config.h"
#include "clusterscope/app/workspace.h"
#include "clusterscope/ingest/analytics_files.h"
#include "clusterscope/ingest/chain_imports.h"

namespace clusterscope::app {

Result<model::ChainPlan> Workspace::LoadChainPlan(const std::string& path) {
  auto text = ReadWholeFile(path);
  if (!text) return Error(text.error());
  auto plan = LoadChainPlanText(*text, path, system_);
  if (!plan) return Error(plan.error());
  CLUSTERSCOPE_RETURN_IF_ERROR(StorePlan(storage::PlanKind::kChains, path, *text));
  return plan;
}

Result<model::ChainPlan> Workspace::ChainPlan() {
  auto stored = CurrentPlan(storage::PlanKind::kChains);
  if (!stored) return Error(stored.error());
  return LoadChainPlanText(stored->second, stored->first, system_);
}

Result<std::unique_ptr<chains::ChainReport>> Workspace::Chains(std::optional<core::Period> period,
                                                               std::size_t candidates) {
  auto report = std::make_unique<chains::ChainReport>();
  auto plan = ChainPlan();
  if (!plan) return Error(plan.error());
  report->plan = std::move(*plan);
  if (!period) {
    auto latest = LatestPeriod();
    if (!latest) return Error(latest.error());
    period = *latest;
  }
  auto registry = store_->ListEnterprises({});
  if (!registry) return Error(registry.error());
  report->registry = std::move(*registry);
  auto facts = store_->CurrentMonthly(core::Period{period->year - 1, 1}, *period);
  if (!facts) return Error(facts.error());
  engine::Engine engine(system_, report->registry,
                        chains::ChainGroups(report->plan, report->registry));
  engine.Apply(*facts);
  report->indicators = engine.Compute(*period, {.top = 5});
  auto relations = store_->ListSupplyRelations();
  if (!relations) return Error(relations.error());
  report->relations = !relations->empty();
  auto prospects = store_->ListProspects();
  if (!prospects) return Error(prospects.error());
  report->prospects = std::move(*prospects);
  auto projects = store_->ListProjects();
  if (!projects) return Error(projects.error());
  report->projects = std::move(*projects);
  report->chains =
      chains::AssessChains(report->plan, report->registry, report->indicators, *relations);
  for (const auto& chain : report->chains) {
    auto& lists = report->candidates.emplace_back();
    for (const auto& link : chain.links) {
      auto& list = lists.emplace_back();
      if (link.rating.status != chains::LinkStatus::kStrong) {
        list = chains::RankCandidates(*link.link, report->prospects, candidates);
      }
    }
  }
  CLUSTERSCOPE_RETURN_IF_ERROR(AddRelatedIndustries(*period, *report));
  return report;
}

Result<ingest::ImportReport> Workspace::ImportProjects(const std::string& path,
                                                       ingest::ImportOptions options) {
  auto plan = ChainPlan();
  if (!plan && plan.error().code() != Status::Code::kNotFound) return Error(plan.error());
  options.actor = actor_;
  return ingest::ImportProjects(*store_, system_, plan ? &*plan : nullptr, path, options);
}

Result<ingest::ImportReport> Workspace::ImportRelations(const std::string& path,
                                                        ingest::ImportOptions options) {
  options.actor = actor_;
  return ingest::ImportRelations(*store_, path, options);
}

Result<ingest::ImportReport> Workspace::ImportProspects(const std::string& path,
                                                        ingest::ImportOptions options) {
  options.actor = actor_;
  return ingest::ImportProspects(*store_, path, options);
}

Status Workspace::AddProject(const model::Project& project) {
  std::vector<std::string> problems;
  for (const auto& p : project.Check()) problems.push_back(fmt::format("{}: {}", p.key, p.message));
  if (!project.cluster.empty() && system_.FindCluster(project.cluster) == nullptr) {
    problems.push_back(
        fmt::format("cluster: '{}' is not a cluster of the system", project.cluster));
  }
  if (!project.park.empty() && system_.FindPark(project.park) == nullptr) {
    problems.push_back(fmt::format("park: '{}' is not a park of the system", project.park));
  }
  if (!project.chain.empty()) {
    auto plan = ChainPlan();
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
  auto existing = store_->ListProjects();
  if (!existing) return existing.error();
  for (const auto& p : *existing) {
    if (p.code == project.code) {
      return Status::AlreadyExists(fmt::format(
          "project {} exists; move it with: clusterscope project advance {} --to STAGE --date D",
          project.code, project.code));
    }
  }
  auto tx = store_->Begin(actor_);
  if (!tx) return tx.error();
  auto put = (*tx)->PutProject(project);
  if (!put) return put.error();
  return (*tx)->Commit();
}

Result<model::Project> Workspace::AdvanceProject(const std::string& code, model::Stage to,
                                                 const core::Date& date,
                                                 const std::string& reason) {
  auto projects = store_->ListProjects();
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
  auto tx = store_->Begin(actor_);
  if (!tx) return Error(tx.error());
  auto put = (*tx)->PutProject(project);
  if (!put) return Error(put.error());
  CLUSTERSCOPE_RETURN_IF_ERROR((*tx)->AddProjectMove(code, move));
  CLUSTERSCOPE_RETURN_IF_ERROR((*tx)->Commit());
  return project;
}

Result<chains::Pipeline> Workspace::Projects(const core::Date& as_of) {
  chains::Pipeline out;
  out.as_of = as_of;
  auto plan = ChainPlan();
  if (plan) {
    out.rules = plan->pipeline;
  } else if (plan.error().code() != Status::Code::kNotFound) {
    return Error(plan.error());
  }
  auto projects = store_->ListProjects();
  if (!projects) return Error(projects.error());
  out.projects = std::move(*projects);
  for (const auto& p : out.projects) out.overdue.push_back(model::FindOverdue(p, out.rules, as_of));
  CLUSTERSCOPE_RETURN_IF_ERROR(AddProjectEffects(plan ? &*plan : nullptr, out));
  return out;
}

Status Workspace::AddRelatedIndustries(core::Period period, chains::ChainReport& report) {
  BenchmarkOptions options;
  options.at = period;
  auto against = AgainstBenchmark(options);
  if (!against) {
    return against.error().code() == Status::Code::kNotFound ? Status::Ok() : against.error();
  }
  const auto region = against->matrix.FindRegion(against->view.region);
  auto complexity = analytics::Complexity(against->matrix);
  if (!region || !complexity) return Status::Ok();  // nothing present anywhere: nothing to rank
  const std::size_t limit =
      against->plan ? static_cast<std::size_t>(against->plan->related_industries) : 5;
  for (const auto& chain : report.chains) {
    auto& lists = report.related.emplace_back();
    for (const auto& link : chain.links) {
      auto& list = lists.emplace_back();
      if (link.rating.status != chains::LinkStatus::kStrong) {
        list = analytics::RelatedIndustries(against->matrix, *complexity, *region,
                                            link.link->classes, limit);
      }
    }
  }
  report.relatedness =
      chains::ChainReport::Relatedness{against->view.benchmark, against->view.benchmark_year,
                                       against->view.level, against->view.regions};
  return Status::Ok();
}

Status Workspace::AddProjectEffects(const model::ChainPlan* chains, chains::Pipeline& pipeline) {
  // Each needs the other; without both, projects have no total effect (not an error).
  auto analytics_plan = AnalyticsPlan();
  auto stored = CurrentPlan(storage::PlanKind::kInputOutput);
  if (!analytics_plan || !stored) {
    const auto& error = !analytics_plan ? analytics_plan.error() : stored.error();
    return error.code() == Status::Code::kNotFound ? Status::Ok() : error;
  }
  auto table = ingest::ReadInputOutputText(stored->second, stored->first);
  if (!table) return table.error();
  auto analysis = analytics::AnalyseInputOutput(*table);
  if (!analysis) return analysis.error().WithContext(stored->first);
  auto registry = store_->ListEnterprises({});
  if (!registry) return registry.error();
  std::map<std::string, std::string> class_of;
  for (const auto& e : *registry) class_of[e.uscc] = e.industry_code;
  for (const auto& project : pipeline.projects) {
    const auto it = class_of.find(project.uscc);
    pipeline.effects.push_back(analytics::EffectOf(
        project, it == class_of.end() ? std::string() : it->second, chains, *analytics_plan, *table,
        *analysis, system_, core::IndustryClassification::Gbt4754()));
  }
  pipeline.io_table = stored->first;
  return Status::Ok();
}

Result<std::unique_ptr<chains::CultivationReport>> Workspace::Cultivate(
    const std::string& ladder, std::optional<core::Period> period,
    const targets::TargetReport* known_targets) {
  auto report = std::make_unique<chains::CultivationReport>();
  auto plan = ChainPlan();
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
    auto latest = LatestPeriod();
    if (!latest) return Error(latest.error());
    period = *latest;
  }
  report->period = *period;
  auto registry = store_->ListEnterprises({});
  if (!registry) return Error(registry.error());
  auto designations = store_->ListDesignations({});
  if (!designations) return Error(designations.error());
  auto facts = store_->CurrentMonthly(core::Period{LastFullYear(*period) - 2, 1}, *period);
  if (!facts) return Error(facts.error());
  report->figures = CultivationFigures(*period, system_, *registry, *designations, *facts);
  // The targets the ladders serve: the plan's counts of the designation each ladder earns.
  std::optional<targets::TargetReport> computed_targets;
  const targets::TargetReport* targets = known_targets;
  if (targets == nullptr) {
    if (auto computed = Targets(*period, false)) {
      computed_targets = std::move(*computed);
      targets = &*computed_targets;
    } else if (computed.error().code() != Status::Code::kNotFound) {
      return Error(computed.error());
    }
  }
  for (const auto* l : ladders) {
    report->ladders.push_back(chains::EvaluateLadder(*l, report->figures));
    chains::CultivationReport::Goal goal;
    if (!l->goal_designation.empty()) {
      for (const auto& f : report->figures) {
        const auto held = f.values.find("holds:" + l->goal_designation);
        if (held != f.values.end() && held->second == 1) ++goal.held;
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
  return report;
}

}  // namespace clusterscope::app
