// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/app/workspace.h"

#include <cmath>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "read_file.h"
#include "target_figures.h"
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include "clusterscope/app/analytics_config.h"
#include "clusterscope/app/chains_config.h"
#include "clusterscope/app/config.h"
#include "clusterscope/app/targets_config.h"
#include "clusterscope/core/classification.h"
#include "clusterscope/ingest/analytics_files.h"
#include "clusterscope/ingest/importers.h"

namespace clusterscope::app {
namespace {

Status IssuesToStatus(const std::vector<ingest::CellIssue>& issues) {
  std::vector<std::string> lines;
  for (const auto& issue : issues) {
    lines.push_back(fmt::format("{}{} [{}]", issue.column.empty() ? "" : issue.column + ": ",
                                issue.message, issue.rule));
  }
  return Status::InvalidArgument(fmt::format("{}", fmt::join(lines, "\n")));
}

}  // namespace

std::string DefaultActor() {
  for (const char* name : {"CLUSTERSCOPE_USER", "USER", "LOGNAME"}) {
    if (const char* value = std::getenv(name); value != nullptr && *value != '\0') return value;
  }
  return "unknown";
}

int CurrentYear() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  return tm.tm_year + 1900;
}

Result<InitResult> InitDatabase(const InitOptions& options) {
  auto system = LoadSystemFile(options.system_path);
  if (!system) return Error(system.error());
  InitResult result;
  result.created = !std::filesystem::exists(options.db_path);
  auto store = storage::OpenSqliteStore(options.db_path);
  if (!store) return Error(store.error());
  auto existing = (*store)->LoadSystem();
  if (!existing) return Error(existing.error());
  result.system_replaced = existing->has_value();
  auto tx = (*store)->Begin(options.actor);
  if (!tx) return Error(tx.error());
  CLUSTERSCOPE_RETURN_IF_ERROR((*tx)->ReplaceSystem(*system));
  // The plans beside the system file come with it, each checked against it.
  const auto load_plan = [&](storage::PlanKind kind, std::string path, std::string_view suffix,
                             auto check) -> Result<std::string> {
    if (path.empty()) {
      const auto beside = std::filesystem::path(options.system_path).parent_path() /
                          fmt::format("{}-{}.toml", system->code, suffix);
      if (!std::filesystem::exists(beside)) return std::string();
      path = beside.string();
    }
    auto text = ReadWholeFile(path);
    if (!text) return Error(text.error());
    if (auto plan = check(*text, path); !plan) return Error(plan.error());
    CLUSTERSCOPE_RETURN_IF_ERROR((*tx)->PutPlan(kind, path, *text));
    return path;
  };
  auto targets = load_plan(storage::PlanKind::kTargets, options.targets_path, "targets",
                           [&](const std::string& text, const std::string& path) {
                             return LoadTargetPlanText(text, path, *system);
                           });
  if (!targets) return Error(targets.error());
  result.targets_file = *targets;
  auto chains = load_plan(storage::PlanKind::kChains, options.chains_path, "chains",
                          [&](const std::string& text, const std::string& path) {
                            return LoadChainPlanText(text, path, *system);
                          });
  if (!chains) return Error(chains.error());
  result.chains_file = *chains;
  auto analytics = load_plan(storage::PlanKind::kAnalytics, options.analytics_path, "analytics",
                             [&](const std::string& text, const std::string& path) {
                               return LoadAnalyticsPlanText(text, path, *system);
                             });
  if (!analytics) return Error(analytics.error());
  result.analytics_file = *analytics;
  CLUSTERSCOPE_RETURN_IF_ERROR((*tx)->Commit());
  spdlog::info("{} cluster system {} in {}", result.system_replaced ? "replaced" : "loaded",
               system->code, options.db_path);
  result.system = std::move(*system);
  return result;
}

Workspace::Workspace(std::unique_ptr<storage::Store> store, model::ClusterSystem system,
                     std::string actor)
    : store_(std::move(store)), system_(std::move(system)), actor_(std::move(actor)) {}
Workspace::Workspace(Workspace&&) noexcept = default;
Workspace& Workspace::operator=(Workspace&&) noexcept = default;
Workspace::~Workspace() = default;

Result<Workspace> Workspace::Open(const std::string& db_path, std::string actor) {
  // Opening would create an empty file; a mistyped path should say so instead.
  if (db_path != ":memory:" && !std::filesystem::exists(db_path)) {
    return Error(Status::NotFound(
        fmt::format("database '{}' does not exist; create it with: clusterscope init --db {}",
                    db_path, db_path)));
  }
  auto store = storage::OpenSqliteStore(db_path);
  if (!store) return Error(store.error());
  auto system = (*store)->LoadSystem();
  if (!system) return Error(system.error());
  if (!system->has_value()) {
    return Error(Status::InvalidArgument(fmt::format(
        "database '{}' has no cluster system; load one with: clusterscope init --db {} --system "
        "FILE",
        db_path, db_path)));
  }
  return Workspace(std::move(*store), std::move(**system), std::move(actor));
}

Result<model::Enterprise> Workspace::GetEnterprise(const std::string& uscc) {
  auto enterprise = store_->GetEnterprise(uscc);
  if (!enterprise) return Error(enterprise.error());
  if (!enterprise->has_value()) {
    return Error(Status::NotFound(fmt::format("no enterprise with credit code {}", uscc)));
  }
  return std::move(**enterprise);
}

Result<WriteResult> Workspace::PutEnterprise(const ingest::Cells& cells, int year,
                                             bool must_exist) {
  const auto uscc_it = cells.find("uscc");
  const std::string uscc = uscc_it == cells.end() ? std::string() : uscc_it->second;
  auto existing = store_->GetEnterprise(uscc);
  if (!existing) return Error(existing.error());
  if (must_exist && !existing->has_value()) {
    return Error(Status::NotFound(fmt::format("no enterprise with credit code {}", uscc)));
  }
  if (!must_exist && existing->has_value()) {
    return Error(Status::AlreadyExists(
        fmt::format("enterprise {} is already registered ({}); use `enterprise update`", uscc,
                    (*existing)->name)));
  }
  auto parsed = ingest::ParseEnterpriseCells(cells, existing->has_value() ? &**existing : nullptr,
                                             system_, year);
  if (!parsed.errors.empty()) return Error(IssuesToStatus(parsed.errors));
  auto tx = store_->Begin(actor_);
  if (!tx) return Error(tx.error());
  auto change = (*tx)->PutEnterprise(parsed.enterprise);
  if (!change) return Error(change.error());
  CLUSTERSCOPE_RETURN_IF_ERROR((*tx)->Commit());
  return WriteResult{*change, std::move(parsed.warnings)};
}

Result<WriteResult> Workspace::AddEnterprise(const ingest::Cells& cells, int year) {
  return PutEnterprise(cells, year, false);
}

Result<WriteResult> Workspace::UpdateEnterprise(const ingest::Cells& cells, int year) {
  return PutEnterprise(cells, year, true);
}

Result<WriteResult> Workspace::PutDesignation(const model::Designation& designation,
                                              std::vector<ingest::CellIssue> warnings) {
  auto tx = store_->Begin(actor_);
  if (!tx) return Error(tx.error());
  auto change = (*tx)->PutDesignation(designation);
  if (!change) return Error(change.error());
  CLUSTERSCOPE_RETURN_IF_ERROR((*tx)->Commit());
  return WriteResult{*change, std::move(warnings)};
}

Result<WriteResult> Workspace::GrantDesignation(const ingest::Cells& cells) {
  std::vector<model::Designation> stored;
  const ingest::FindDesignation find = [&](const std::string& uscc, const std::string& type,
                                           const core::Date& granted) -> const model::Designation* {
    auto list = store_->ListDesignations({uscc, type, std::nullopt});
    if (!list) return nullptr;
    stored = std::move(*list);
    for (const auto& d : stored) {
      if (d.granted == granted) return &d;
    }
    return nullptr;
  };
  auto parsed = ingest::ParseDesignationCells(cells, system_, find);
  if (parsed.errors.empty()) {
    auto enterprise = store_->GetEnterprise(parsed.designation.uscc);
    if (!enterprise) return Error(enterprise.error());
    if (!enterprise->has_value()) {
      parsed.errors.push_back(
          {"uscc", "unknown_enterprise",
           fmt::format("enterprise {} is not in the registry", parsed.designation.uscc)});
    }
  }
  if (!parsed.errors.empty()) return Error(IssuesToStatus(parsed.errors));
  return PutDesignation(parsed.designation, std::move(parsed.warnings));
}

Result<WriteResult> Workspace::WithdrawDesignation(const std::string& uscc,
                                                   const std::string& type_cell,
                                                   const std::string& date_text) {
  const auto* type = system_.FindDesignationType(type_cell);
  if (type == nullptr) {
    return Error(Status::InvalidArgument(
        fmt::format("'{}' is not a designation type of {}", type_cell, system_.code)));
  }
  auto date = core::Date::Parse(date_text);
  if (!date) return Error(date.error());
  auto active = store_->ListDesignations({uscc, type->code, std::nullopt});
  if (!active) return Error(active.error());
  for (auto& d : *active) {
    if (!d.ActiveOn(*date)) continue;
    d.withdrawn = *date;
    return PutDesignation(d, {});
  }
  return Error(Status::NotFound(fmt::format("enterprise {} holds no active {} designation on {}",
                                            uscc, type->code, date->ToString())));
}

Result<ingest::ImportReport> Workspace::ImportEnterprises(const std::string& path,
                                                          ingest::ImportOptions options) {
  options.actor = actor_;
  if (options.year == 0) options.year = CurrentYear();
  return ingest::ImportEnterprises(*store_, system_, path, options);
}

Result<ingest::ImportReport> Workspace::ImportDesignations(const std::string& path,
                                                           ingest::ImportOptions options) {
  options.actor = actor_;
  return ingest::ImportDesignations(*store_, system_, path, options);
}

Result<ingest::ImportReport> Workspace::ImportScale(const std::string& path,
                                                    ingest::ImportOptions options) {
  options.actor = actor_;
  return ingest::ImportScale(*store_, path, options);
}

Result<ingest::ImportReport> Workspace::ImportMonthly(const std::string& path,
                                                      ingest::ImportOptions options) {
  options.actor = actor_;
  return ingest::ImportMonthly(*store_, path, options);
}

Result<ingest::ImportReport> Workspace::ImportPrices(const std::string& path,
                                                     ingest::ImportOptions options) {
  options.actor = actor_;
  return ingest::ImportPrices(*store_, path, options);
}

Result<ingest::ImportReport> Workspace::ImportSeries(const std::string& path,
                                                     ingest::ImportOptions options) {
  auto plan = TargetPlan();
  if (!plan) return Error(plan.error());
  options.actor = actor_;
  return ingest::ImportSeries(*store_, *plan, path, options);
}

Status Workspace::StorePlan(storage::PlanKind kind, const std::string& path,
                            const std::string& text) {
  auto tx = store_->Begin(actor_);
  if (!tx) return tx.error();
  CLUSTERSCOPE_RETURN_IF_ERROR((*tx)->PutPlan(kind, path, text));
  return (*tx)->Commit();
}

Result<std::pair<std::string, std::string>> Workspace::CurrentPlan(storage::PlanKind kind) {
  auto stored = store_->LoadPlan(kind);
  if (!stored) return Error(stored.error());
  if (!stored->has_value()) {
    switch (kind) {
      case storage::PlanKind::kTargets:
        return Error(Status::NotFound(
            "no target plan is loaded; load one with: clusterscope targets load FILE"));
      case storage::PlanKind::kChains:
        return Error(Status::NotFound(
            "no chain plan is loaded; load one with: clusterscope chain load FILE"));
      case storage::PlanKind::kAnalytics:
        return Error(Status::NotFound(
            "no analytics plan is loaded; load one with: clusterscope analyze load FILE"));
      case storage::PlanKind::kInputOutput:
        return Error(Status::NotFound(
            "no input-output table is held; import one with: clusterscope import io FILE"));
    }
  }
  return std::move(**stored);
}

Result<model::TargetPlan> Workspace::LoadTargetPlan(const std::string& path) {
  auto text = ReadWholeFile(path);
  if (!text) return Error(text.error());
  auto plan = LoadTargetPlanText(*text, path, system_);
  if (!plan) return Error(plan.error());
  CLUSTERSCOPE_RETURN_IF_ERROR(StorePlan(storage::PlanKind::kTargets, path, *text));
  return plan;
}

Result<model::TargetPlan> Workspace::TargetPlan() {
  auto stored = CurrentPlan(storage::PlanKind::kTargets);
  if (!stored) return Error(stored.error());
  return LoadTargetPlanText(stored->second, stored->first, system_);
}

namespace {
// Enough draws for the odds to be good to about half a point; a fixed seed, so that a report
// says the same thing every time it is run.
constexpr std::size_t kOddsDraws = 20000;
constexpr std::uint64_t kOddsSeed = 2027;
}  // namespace

namespace {

// The targets of the plan, each split target followed by its parts: the goals set for some
// groups, and the rest of the goal in proportion to the groups' base-year figures, so that the
// parts add up to the whole. Groups with no base and no goal set get no part.
std::vector<model::Target> ExpandParts(const model::TargetPlan& plan,
                                       const model::ClusterSystem& system, TargetFigures& figures) {
  std::vector<model::Target> out;
  for (const auto& t : plan.targets) {
    out.push_back(t);
    if (t.decompose.empty() || !t.target_value) continue;
    std::vector<std::pair<std::string, std::string>> groups;  // code, name
    if (t.decompose == "cluster") {
      for (const auto& c : system.clusters) groups.emplace_back(c.code, c.name_zh);
    } else if (t.decompose == "park") {
      for (const auto& p : system.parks) groups.emplace_back(p.code, p.name_zh);
    } else {
      for (const auto& tier : system.tiers) groups.emplace_back(tier.code, tier.name_zh);
    }
    std::vector<model::Target> parts;
    double set = 0;
    double base_of_rest = 0;
    for (const auto& [code, name] : groups) {
      model::Target part = t;
      part.id = t.id + "/" + code;
      part.name_zh = t.name_zh + "·" + name;
      part.name_en = t.name_en.empty() ? "" : t.name_en + " / " + code;
      part.scope = t.decompose == "tier" ? "region" : t.decompose + ":" + code;
      part.value->group = t.decompose + ":" + code;
      part.decompose.clear();
      part.parts.clear();
      part.parent = t.id;
      part.base_value = figures.For(part, {t.base_year, 12}).actual;
      if (const auto given = t.parts.find(code); given != t.parts.end()) {
        part.target_value = given->second;
        set += given->second;
      } else if (part.base_value && *part.base_value > 0) {
        part.target_value.reset();  // its share of the rest, below
        base_of_rest += *part.base_value;
      } else {
        continue;
      }
      parts.push_back(std::move(part));
    }
    for (auto& part : parts) {
      if (!part.target_value && base_of_rest > 0) {
        part.target_value = (*t.target_value - set) * *part.base_value / base_of_rest;
      }
      if (part.target_value) out.push_back(std::move(part));
    }
  }
  return out;
}

}  // namespace

Result<core::Period> Workspace::LatestPeriod() {
  auto coverage = store_->MonthlySummary();
  if (!coverage) return Error(coverage.error());
  if (!coverage->last) {
    return Error(Status::NotFound(
        "there are no monthly statistics yet; import some with `import monthly FILE`"));
  }
  return *coverage->last;
}

Result<targets::TargetReport> Workspace::Targets(std::optional<core::Period> period, bool history) {
  auto plan = TargetPlan();
  if (!plan) return Error(plan.error());
  if (!period) {
    auto latest = LatestPeriod();
    if (!latest) return Error(latest.error());
    period = *latest;
  }
  auto registry = store_->ListEnterprises({});
  if (!registry) return Error(registry.error());
  auto designations = store_->ListDesignations({});
  if (!designations) return Error(designations.error());
  auto series = store_->ListSeriesValues();
  if (!series) return Error(series.error());
  // From the year before the earliest base year: base-year figures over 12 months, and rates
  // compare with a year before.
  int first_year = period->year - 2;
  for (const auto& t : plan->targets) first_year = std::min(first_year, t.base_year - 1);
  auto facts = store_->CurrentMonthly(core::Period{first_year, 1}, *period);
  if (!facts) return Error(facts.error());
  engine::Engine engine(system_, *registry);
  engine.Apply(*facts);
  TargetFigures figures(system_, *plan, engine, *registry, *designations, *series);
  auto stored_projects = store_->ListProjects();
  if (!stored_projects) return Error(stored_projects.error());
  const std::vector<model::Project> projects = std::move(*stored_projects);
  model::PipelineRules pipeline_rules;
  if (auto chain_plan = ChainPlan()) {
    pipeline_rules = chain_plan->pipeline;
  } else if (chain_plan.error().code() != Status::Code::kNotFound) {
    return Error(chain_plan.error());
  }

  targets::TargetReport report;
  report.period = *period;
  for (const auto& t : ExpandParts(*plan, system_, figures)) {
    targets::TargetReport::Row row;
    row.target = t;
    const auto now = figures.For(t, *period);
    row.progress = targets::Evaluate(*plan, t, *period, now);
    const bool numeric = t.kind == model::TargetKind::kLevel ||
                         t.kind == model::TargetKind::kRatio || t.kind == model::TargetKind::kCount;
    if (numeric && now.actual && t.target_value) {
      // The year-end figures from the base year on and the latest 12 months: every point a
      // whole year's worth, so the trend has no season in it.
      // Each year-end figure is obtained once, for both the trend and the odds.
      std::map<int, std::optional<double>> year_end;
      for (int year = t.base_year - 1; year < period->year; ++year) {
        year_end[year] = figures.For(t, {year, 12}).actual;
      }
      if (period->month == 12) year_end[period->year] = now.actual;
      std::vector<targets::Point> points;
      for (int year = t.base_year; year < period->year; ++year) {
        const auto at_end = year == t.base_year && t.base_value ? t.base_value : year_end[year];
        if (at_end) points.push_back({static_cast<double>(year - t.base_year), *at_end});
      }
      points.push_back({period->year - t.base_year - 1 + period->month / 12.0, *now.actual});
      row.progress.projection =
          targets::Project(points, t.target_year - t.base_year, /*linear=*/t.unit == "%");
      // Output and revenue grow by what the pipeline's projects still add by the target year.
      const auto& q = t.value;
      if (row.progress.projection && t.kind == model::TargetKind::kLevel && q &&
          q->source == model::Quantity::Source::kMeasure &&
          (q->name == "output_value" || q->name == "revenue")) {
        const auto* unit = model::FindUnit(t.unit);
        const auto addition =
            chains::AdditionFor(projects, pipeline_rules, q->group.empty() ? "total" : q->group,
                                core::Date::LastOfMonth(period->year, period->month),
                                core::Date{t.target_year, 12, 31});
        if (addition.total > 0 && unit != nullptr) {
          row.progress.trend = row.progress.projection;
          row.progress.pipeline = addition.total * unit->factor;
          row.progress.pipeline_projects = addition.projects.size();
          *row.progress.projection += *row.progress.pipeline;
        }
      }
      if (row.progress.projection) {
        row.progress.projection_meets = t.direction == model::Direction::kAtMost
                                            ? *row.progress.projection <= *t.target_value
                                            : *row.progress.projection >= *t.target_value;
      }
      // The odds draw each remaining year from the figure's yearly changes: every whole year
      // held from the year before the base on, and this one when the period is a December.
      const bool additive = t.unit == "%";
      std::vector<double> changes;
      std::optional<double> previous;
      for (const auto& [year, at_end] : year_end) {
        if (at_end && previous && (additive || (*at_end > 0 && *previous > 0))) {
          changes.push_back(additive ? *at_end - *previous : std::log(*at_end / *previous));
        }
        previous = at_end;
      }
      // Centred on the trend the projection follows; spread as the history's years varied.
      std::optional<double> centre;
      if (row.progress.projection && row.progress.years_left > 0) {
        if (additive) {
          centre = (*row.progress.projection - *now.actual) / row.progress.years_left;
        } else if (*row.progress.projection > 0 && *now.actual > 0) {
          centre = std::log(*row.progress.projection / *now.actual) / row.progress.years_left;
        }
      }
      // The projects' addition is certain in the odds (its uncertainty is in its weights): the
      // trend must only cover the rest of the goal.
      const double goal = *t.target_value - row.progress.pipeline.value_or(0);
      row.progress.odds = targets::EstimateOdds(
          {changes, *now.actual, goal, row.progress.years_left,
           t.direction == model::Direction::kAtMost, additive, kOddsDraws, kOddsSeed, centre});
    }
    if (history) {
      for (int index = core::Period{t.base_year + 1, 1}.Index(); index <= period->Index();
           ++index) {
        const auto at = core::Period::FromIndex(index);
        row.history.emplace_back(at, targets::Evaluate(*plan, t, at, figures.For(t, at)));
      }
    }
    report.rows.push_back(std::move(row));
  }
  report.plan = std::move(*plan);
  return report;
}

Result<std::size_t> Workspace::SaveList(const std::string& name, const std::string& path) {
  if (name.empty()) return Error(Status::InvalidArgument("a list needs a name"));
  auto table = ingest::ReadTableFile(path, "");
  if (!table) return Error(table.error());
  auto columns =
      ingest::MapColumns(*table, {{"uscc", {"统一社会信用代码", "社会信用代码", "信用代码"}, true},
                                  {"name", {"企业名称", "单位名称"}, false}});
  if (!columns) return Error(columns.error());
  std::vector<std::string> usccs;
  std::vector<std::string> unknown;
  for (const auto& record : table->rows) {
    const std::string uscc(columns->Cell(record, "uscc"));
    if (uscc.empty()) continue;
    auto found = store_->GetEnterprise(uscc);
    if (!found) return Error(found.error());
    if (!found->has_value()) {
      unknown.push_back(fmt::format("{} (line {})", uscc, record.line));
      continue;
    }
    usccs.push_back(uscc);
  }
  if (!unknown.empty()) {
    return Error(Status::NotFound(
        fmt::format("{}: not in the registry: {}", path, fmt::join(unknown, ", "))));
  }
  if (usccs.empty()) {
    return Error(Status::InvalidArgument(fmt::format("{}: the list has no enterprises", path)));
  }
  auto tx = store_->Begin(actor_);
  if (!tx) return Error(tx.error());
  CLUSTERSCOPE_RETURN_IF_ERROR((*tx)->PutEnterpriseList(name, usccs));
  CLUSTERSCOPE_RETURN_IF_ERROR((*tx)->Commit());
  return usccs.size();
}

Status Workspace::DeleteList(const std::string& name) {
  auto lists = store_->ListEnterpriseLists();
  if (!lists) return lists.error();
  if (lists->count(name) == 0) {
    return Status::NotFound(fmt::format("there is no saved list '{}'", name));
  }
  auto tx = store_->Begin(actor_);
  if (!tx) return tx.error();
  CLUSTERSCOPE_RETURN_IF_ERROR((*tx)->PutEnterpriseList(name, {}));
  return (*tx)->Commit();
}

Result<storage::UndoResult> Workspace::UndoImport(std::int64_t batch_id) {
  auto tx = store_->Begin(actor_);
  if (!tx) return Error(tx.error());
  auto result = (*tx)->UndoBatch(batch_id);
  if (!result) return result;
  CLUSTERSCOPE_RETURN_IF_ERROR((*tx)->Commit());
  return result;
}

Status Workspace::ConfirmQualityWarning(std::int64_t id, const std::string& note) {
  auto tx = store_->Begin(actor_);
  if (!tx) return tx.error();
  CLUSTERSCOPE_RETURN_IF_ERROR((*tx)->ConfirmQualityWarning(id, note));
  return (*tx)->Commit();
}

Result<MonthlyHistory> Workspace::History(const std::string& uscc,
                                          std::optional<core::Period> period) {
  if (auto enterprise = GetEnterprise(uscc); !enterprise) return Error(enterprise.error());
  MonthlyHistory history;
  auto current = store_->ListMonthly(uscc, period);
  if (!current) return Error(current.error());
  auto revisions = store_->ListRevisions(uscc, period);
  if (!revisions) return Error(revisions.error());
  auto batches = store_->ListImportBatches();
  if (!batches) return Error(batches.error());
  history.current = std::move(*current);
  history.revisions = std::move(*revisions);
  history.batches = std::move(*batches);
  return history;
}

Result<engine::MonthlyIndicators> Workspace::MonthlyIndicators(
    std::optional<core::Period> period, const engine::IndicatorOptions& options,
    const engine::AlertRules& alert_rules, int trend_months) {
  if (!period) {
    auto latest = LatestPeriod();
    if (!latest) return Error(latest.error());
    period = *latest;
  }
  // This year's months to the period and the same months of last year (and of the years the
  // trend reaches back to): nothing else is read.
  const int first_year =
      core::Period::FromIndex(period->Index() - std::max(trend_months - 1, 0)).year - 1;
  auto engine = EngineOver(core::Period{first_year, 1}, *period);
  if (!engine) return Error(engine.error());
  auto indicators = (*engine)->Compute(*period, options);
  indicators.alerts = (*engine)->Alerts(indicators, alert_rules);
  if (trend_months > 0) indicators.trend = (*engine)->Trend(*period, trend_months);
  return indicators;
}

Result<std::unique_ptr<engine::Engine>> Workspace::EngineOver(core::Period from, core::Period to) {
  auto registry = store_->ListEnterprises({});
  if (!registry) return Error(registry.error());
  auto facts = store_->CurrentMonthly(from, to);
  if (!facts) return Error(facts.error());
  auto prices = store_->ListPriceIndices();
  if (!prices) return Error(prices.error());
  auto lists = store_->ListEnterpriseLists();
  if (!lists) return Error(lists.error());
  auto engine =
      std::make_unique<engine::Engine>(system_, std::move(*registry), engine::ListGroups(*lists));
  engine->SetPriceIndices(*prices);
  engine->Apply(*facts);
  return engine;
}

Result<std::vector<engine::MonthlyIndicators>> Workspace::IndicatorSeries(
    std::optional<core::Period> last, int months, bool is_public,
    const engine::DisclosureRules& disclosure) {
  if (months < 1 || months > 120) {
    return Error(Status::InvalidArgument("months must be between 1 and 120"));
  }
  CLUSTERSCOPE_RETURN_IF_ERROR(disclosure.Validate());
  if (!last) {
    auto latest = LatestPeriod();
    if (!latest) return Error(latest.error());
    last = *latest;
  }
  const core::Period first = core::Period::FromIndex(last->Index() - (months - 1));
  // Each month compares with the same month of the year before: read from the year before the
  // first month.
  auto engine = EngineOver(core::Period{first.year - 1, 1}, *last);
  if (!engine) return Error(engine.error());
  std::vector<engine::MonthlyIndicators> series;
  series.reserve(static_cast<std::size_t>(months));
  for (int k = 0; k < months; ++k) {
    series.push_back((*engine)->Compute(core::Period::FromIndex(first.Index() + k), {.top = 0}));
    if (is_public) engine::ApplyDisclosureControl(series.back(), disclosure);
  }
  return series;
}

}  // namespace clusterscope::app
