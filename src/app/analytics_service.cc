// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Regional analytics on the database (docs/analytics.md): benchmark matrices, the analytics
// plan, the input-output table, the clusters held against a benchmark, the industries beside a
// chain link and a project's effect.
#include "clusterscope/app/analytics_service.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "read_file.h"
#include "store_helpers.h"
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include "clusterscope/analytics/complexity.h"
#include "clusterscope/analytics/project_effect.h"
#include "clusterscope/analytics/shift_share.h"
#include "clusterscope/app/analytics_config.h"
#include "clusterscope/app/statistics_service.h"
#include "clusterscope/core/classification.h"
#include "clusterscope/ingest/analytics_files.h"
#include "clusterscope/text/errors.h"

namespace clusterscope::app {

Result<std::shared_ptr<const AnalyticsService::BenchmarkYears>> AnalyticsService::Benchmark(
    const std::string& name) {
  return Derive<BenchmarkYears>("benchmark:" + name, [&]() -> Result<BenchmarkYears> {
    auto cells = store().LoadBenchmark(name);
    if (!cells) return Error(cells.error());
    if (cells->empty()) {
      auto held = store().ListBenchmarks();
      if (!held) return Error(held.error());
      std::vector<std::string> names;
      for (const auto& b : *held) names.push_back(b.name);
      return Error(Status::NotFound(fmt::format(
          "no benchmark '{}' ({}); load one with `import matrix FILE --name NAME`", name,
          names.empty() ? "none is held" : fmt::format("held: {}", fmt::join(names, ", ")))));
    }
    BenchmarkYears years;
    for (const auto& c : *cells) {
      CLUSTERSCOPE_RETURN_IF_ERROR(years[c.year].Add(c.region, c.industry, c.value));
    }
    return years;
  });
}

Result<AnalyticsService::IndustryOutput> AnalyticsService::OutputByIndustry(int year, int digits) {
  auto latest = LatestPeriod(store());
  if (!latest) return Error(latest.error());
  if (year > latest->year) {
    return Error(Status::Of(Status::Code::kNotFound,
                            core::Say(text::kNoStatisticsForYear, year, latest->ToString())));
  }
  return OutputToPeriod(year == latest->year ? *latest : core::Period{year, 12}, digits);
}

Result<AnalyticsService::IndustryOutput> AnalyticsService::OutputToPeriod(core::Period period,
                                                                          int digits) {
  if (digits < 2 || digits > 4) {
    return Error(Status::InvalidArgument("industry codes have 2, 3 or 4 digits"));
  }
  IndustryOutput out;
  out.period = period;
  auto engine = Engine(core::Period{period.year, 1});
  if (!engine) return Error(engine.error());
  std::map<std::string, std::string> industry_of;
  for (const auto& e : (*engine)->registry()) industry_of[e.uscc] = e.industry_code;
  for (const auto& [uscc, value] :
       (*engine)->EnterpriseYearToDate(out.period, model::Measure::kOutputValue)) {
    const auto it = industry_of.find(uscc);
    if (it == industry_of.end() || it->second.size() < static_cast<std::size_t>(digits)) continue;
    out.output[it->second.substr(0, static_cast<std::size_t>(digits))] += value;
  }
  return out;
}

Result<PlantData> AnalyticsService::Plants(const Grant& grant, int year, int digits, bool by_park) {
  if (!grant.full() || !grant.park().empty()) {
    return Error(
        Status::Of(Status::Code::kPermissionDenied, core::Say(text::kPlantsAreEnterprises)));
  }
  if (digits < 2 || digits > 4) {
    return Error(Status::InvalidArgument("industry codes have 2, 3 or 4 digits"));
  }
  auto latest = LatestPeriod(store());
  if (!latest) return Error(latest.error());
  if (year == 0) year = latest->year;
  if (year > latest->year) {
    return Error(Status::Of(Status::Code::kNotFound,
                            core::Say(text::kNoStatisticsForYear, year, latest->ToString())));
  }
  PlantData out;
  out.period = year == latest->year ? *latest : core::Period{year, 12};
  auto engine = Engine(core::Period{year, 1});
  if (!engine) return Error(engine.error());
  // Areas by name: the county's towns, the system's parks.
  std::map<std::string, std::string> name_of;
  for (const auto* town : core::TownsOf(system().region_code)) name_of[town->code] = town->name;
  for (const auto& park : system().parks) name_of[park.code] = park.name_zh;
  std::map<std::string, const model::Enterprise*> by_uscc;
  for (const auto& e : (*engine)->registry()) by_uscc[e.uscc] = &e;
  for (const auto& [uscc, value] :
       (*engine)->EnterpriseYearToDate(out.period, model::Measure::kOutputValue)) {
    const auto it = by_uscc.find(uscc);
    if (it == by_uscc.end() || value <= 0) continue;
    const auto& e = *it->second;
    const std::string& area = by_park ? e.park : e.town;
    if (area.empty() || e.industry_code.size() < static_cast<std::size_t>(digits)) {
      ++out.without_area;
      continue;
    }
    const auto name = name_of.find(area);
    out.plants.push_back({name != name_of.end() ? name->second : area,
                          e.industry_code.substr(0, static_cast<std::size_t>(digits)), value});
  }
  return out;
}

Result<model::AnalyticsPlan> AnalyticsService::LoadPlan(const std::string& path) {
  auto text = ReadWholeFile(path);
  if (!text) return Error(text.error());
  auto plan = LoadAnalyticsPlanText(*text, path, system());
  if (!plan) return Error(plan.error());
  if (auto table = InputOutput()) {
    for (const auto& sector : plan->sectors) {
      if (std::find(table->sectors.begin(), table->sectors.end(), sector.sector) ==
          table->sectors.end()) {
        return Error(Status::InvalidArgument(
            fmt::format("{}: sector '{}' is not in the input-output table held ({})", path,
                        sector.sector, fmt::join(table->sectors, ", "))));
      }
    }
  }
  CLUSTERSCOPE_RETURN_IF_ERROR(
      StorePlan(store(), actor(), storage::PlanKind::kAnalytics, path, *text));
  return plan;
}

Result<model::AnalyticsPlan> AnalyticsService::Plan() {
  return ParseCurrentPlan(store(), storage::PlanKind::kAnalytics,
                          [&](const std::string& text, const std::string& file) {
                            return LoadAnalyticsPlanText(text, file, system());
                          });
}

Result<analytics::InputOutputTable> AnalyticsService::ImportInputOutput(const std::string& path) {
  auto table = ingest::ReadInputOutputFile(path);
  if (!table) return Error(table.error());
  if (auto analysis = analytics::AnalyseInputOutput(*table); !analysis) {
    return Error(analysis.error().WithContext(path));
  }
  // The plan's sectors must stay in the table, or projects would lose their sector unnoticed.
  if (auto plan = Plan()) {
    std::vector<std::string> lost;
    for (const auto& sector : plan->sectors) {
      if (std::find(table->sectors.begin(), table->sectors.end(), sector.sector) ==
          table->sectors.end()) {
        lost.push_back(sector.sector);
      }
    }
    if (!lost.empty()) {
      return Error(Status::InvalidArgument(fmt::format(
          "{}: the analytics plan maps sectors the table lacks: {}", path, fmt::join(lost, ", "))));
    }
  } else if (plan.error().code() != Status::Code::kNotFound) {
    return Error(plan.error());
  }
  std::error_code ignored;
  const std::string file = std::filesystem::absolute(path, ignored).lexically_normal().string();
  CLUSTERSCOPE_RETURN_IF_ERROR(StorePlan(store(), actor(), storage::PlanKind::kInputOutput, file,
                                         ingest::InputOutputText(*table)));
  spdlog::info("input-output table: {} sectors from {}", table->sectors.size(), path);
  return table;
}

Result<analytics::InputOutputTable> AnalyticsService::InputOutput() {
  auto stored = CurrentPlan(store(), storage::PlanKind::kInputOutput);
  if (!stored) return Error(stored.error());
  return ingest::ReadInputOutputText(stored->second, stored->first);
}

namespace {

// The benchmark's year to set beside the region's `year`: that year, else the latest before it
// (a benchmark is published late), else its only year 0. NotFound when none fits.
Result<int> BenchmarkYear(const std::map<int, analytics::RegionIndustryMatrix>& years, int year,
                          const std::string& name) {
  if (years.count(year) != 0) return year;
  if (years.size() == 1 && years.begin()->first == 0) return 0;
  int best = -1;
  for (const auto& [y, matrix] : years) {
    if (y <= year) best = y;
  }
  if (best < 0) {
    return Error(Status::NotFound(fmt::format("{} has no year up to {} (it starts in {})", name,
                                              year, years.begin()->first)));
  }
  return best;
}

// The code length of a benchmark's industries (2, 3 or 4); InvalidArgument when mixed.
Result<int> CodeDigits(const std::map<int, analytics::RegionIndustryMatrix>& years,
                       const std::string& name) {
  std::set<std::size_t> lengths;
  for (const auto& [year, matrix] : years) {
    for (const auto& industry : matrix.industries()) lengths.insert(industry.size());
  }
  if (lengths.size() != 1 || *lengths.begin() < 2 || *lengths.begin() > 4) {
    return Error(Status::InvalidArgument(fmt::format(
        "{}: the industries must all be GB/T 4754 divisions (2 digits), groups (3) or classes (4)",
        name)));
  }
  return static_cast<int>(*lengths.begin());
}

}  // namespace

Result<AnalyticsService::RegionBenchmark> AnalyticsService::AgainstBenchmark(
    const BenchmarkOptions& options) {
  RegionBenchmark out;
  auto& view = out.view;
  auto& plan = out.plan;
  if (auto loaded = Plan()) {
    plan = std::move(*loaded);
  } else if (loaded.error().code() != Status::Code::kNotFound) {
    return Error(loaded.error());
  }
  const BenchmarkYears* years = options.matrices;
  if (years != nullptr) {
    view.benchmark = options.file;
  } else {
    view.benchmark = !options.benchmark.empty() ? options.benchmark
                     : plan                     ? plan->benchmark
                                                : std::string();
    if (view.benchmark.empty()) {
      return Error(Status::Of(Status::Code::kNotFound, core::Say(text::kNoBenchmarkChosen)));
    }
    auto loaded = Benchmark(view.benchmark);
    if (!loaded) return Error(loaded.error());
    out.kept = std::move(*loaded);
    years = out.kept.get();
  }
  if (years->empty()) {
    return Error(Status::InvalidArgument(fmt::format("{} holds no cells", view.benchmark)));
  }
  const std::string name = fmt::format("benchmark {}", view.benchmark);
  auto digits = CodeDigits(*years, name);
  if (!digits) return Error(digits.error());
  view.level = *digits == 2 ? "division" : *digits == 3 ? "group" : "class";
  const auto* county = core::FindCounty(system().region_code);
  view.region = !options.region.empty()         ? options.region
                : plan && !plan->region.empty() ? plan->region
                : county != nullptr             ? county->name
                                                : std::string("region");
  auto latest = LatestPeriod(store());
  if (!latest) return Error(latest.error());
  view.year = options.at ? options.at->year : options.year != 0 ? options.year : latest->year;
  auto benchmark_year = BenchmarkYear(*years, view.year, name);
  if (!benchmark_year) return Error(benchmark_year.error());
  view.benchmark_year = *benchmark_year;

  // The region's output by code for the year; a part year scaled to twelve months, so that the
  // region weighs in the benchmark's totals as a whole year would.
  auto own =
      options.at ? OutputToPeriod(*options.at, *digits) : OutputByIndustry(view.year, *digits);
  if (!own) return Error(own.error());
  if (own->period.month < 12) {
    for (auto& [code, value] : own->output) value *= 12.0 / own->period.month;
  }
  // Only the industries the benchmark covers (manufacturing, say) take part: the region's
  // others would weigh in its total and not in the benchmark's.
  for (const auto& [year, m] : *years) {
    for (const auto& industry : m.industries()) out.covered.insert(industry);
  }
  for (auto it = own->output.begin(); it != own->output.end();) {
    if (out.covered.count(it->first) != 0) {
      ++it;
      continue;
    }
    view.outside_benchmark.push_back(it->first);
    it = own->output.erase(it);
  }
  view.period = own->period.ToString();
  view.annualised = own->period.month < 12;
  auto matrix = analytics::ReplaceRow(years->at(view.benchmark_year), view.region, own->output);
  if (!matrix) return Error(matrix.error());
  view.regions = matrix->regions().size();
  out.matrix = std::move(*matrix);
  out.given = options.matrices;
  out.digits = *digits;
  return out;
}

Result<std::pair<analytics::RegionIndustryMatrix, std::string>>
AnalyticsService::RegionAgainstBenchmark(const Grant& grant, const BenchmarkOptions& options) {
  if (!grant.full()) {
    return Error(
        Status::Of(Status::Code::kPermissionDenied, core::Say(text::kRegionRowNotPublished)));
  }
  auto against = AgainstBenchmark(options);
  if (!against) return Error(against.error());
  if (options.year != 0 && against->view.benchmark_year != options.year &&
      against->view.benchmark_year != 0) {
    return Error(Status::NotFound(
        fmt::format("benchmark {} has no rows for {}", against->view.benchmark, options.year)));
  }
  return std::make_pair(std::move(against->matrix), against->view.region);
}

Result<analytics::ClusterView> AnalyticsService::BenchmarkClusters(
    const Grant& grant, const BenchmarkOptions& options) {
  auto view = Clusters(options);
  if (!view || grant.full()) return view;
  // The published form: the clusters the indicators withhold have no figures.
  if (options.withheld != nullptr) {
    view->Withhold(*options.withheld);
    return view;
  }
  auto period = core::Period::Parse(view->period);  // the month the region's figures reach
  if (!period) return Error(period.error());
  auto withheld = StatisticsService(db(), caller()).WithheldClusters(*period);
  if (!withheld) return Error(withheld.error());
  view->Withhold(*withheld);
  return view;
}

Result<analytics::ClusterView> AnalyticsService::Clusters(const BenchmarkOptions& options) {
  auto against = AgainstBenchmark(options);
  if (!against) return Error(against.error());
  auto& view = against->view;
  const auto* years = &against->Years();
  const auto& plan = against->plan;
  const auto& industries = core::IndustryClassification::Gbt4754();
  auto quotients =
      analytics::ClusterLocationQuotients(against->matrix, view.region, system(), industries);
  if (!quotients) return Error(quotients.error());
  view.quotients = std::move(*quotients);
  auto latest = LatestPeriod(store());
  if (!latest) return Error(latest.error());
  const auto own_year = [&](int year) -> Result<IndustryOutput> {
    auto own = OutputByIndustry(year, against->digits);
    if (!own) return Error(own.error());
    std::erase_if(own->output,
                  [&](const auto& cell) { return against->covered.count(cell.first) == 0; });
    return own;
  };

  // Shift-share between whole years both hold: up to the last whole year, back by the plan's
  // span or as far as both go.
  const auto summary = store().MonthlySummary();
  if (!summary) return Error(summary.error());
  const int span = plan ? plan->shift_share_years : 3;
  view.to = latest->month == 12 ? latest->year : latest->year - 1;
  view.to = std::min(view.to, view.year);
  while (view.to > 0 && years->count(view.to) == 0) --view.to;
  const core::Period first = summary->first ? *summary->first : *latest;
  const int first_whole = first.month == 1 ? first.year : first.year + 1;
  view.from = view.to - span;
  while (view.from < view.to && (years->count(view.from) == 0 || view.from < first_whole)) {
    ++view.from;
  }
  if (view.to <= 0 || view.from >= view.to) {
    std::vector<int> held;
    for (const auto& [held_year, cells] : *years) held.push_back(held_year);
    view.shift_note =
        fmt::format("no two whole years held by both the database (from {}) and the benchmark ({})",
                    first.ToString(), fmt::join(held, ", "));
    view.from = view.to = 0;
    return std::move(view);
  }
  auto base_own = own_year(view.from);
  if (!base_own) return Error(base_own.error());
  auto end_own = own_year(view.to);
  if (!end_own) return Error(end_own.error());
  auto base = analytics::ReplaceRow(years->at(view.from), view.region, base_own->output);
  if (!base) return Error(base.error());
  auto end = analytics::ReplaceRow(years->at(view.to), view.region, end_own->output);
  if (!end) return Error(end.error());
  auto shift = analytics::ShiftShare(*base, *end, view.region);
  if (!shift) return Error(shift.error());
  view.shift_total = shift->total;
  view.shifts = analytics::ClusterShiftShares(*shift, *base, system(), industries);
  return std::move(view);
}

Status AnalyticsService::AddRelatedIndustries(core::Period period, chains::ChainReport& report) {
  BenchmarkOptions options;
  options.at = period;
  auto against = AgainstBenchmark(options);
  if (!against) {
    return against.error().code() == Status::Code::kNotFound ? Status::Ok() : against.error();
  }
  const auto region = against->matrix.FindRegion(against->view.region);
  auto complexity = analytics::Complexity(against->matrix, {.list_proximity = false});
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

Status AnalyticsService::AddProjectEffects(const model::ChainPlan* chains,
                                           chains::Pipeline& pipeline) {
  // Each needs the other; without both, projects have no total effect (not an error).
  auto analytics_plan = Plan();
  auto stored = CurrentPlan(store(), storage::PlanKind::kInputOutput);
  if (!analytics_plan || !stored) {
    const auto& error = !analytics_plan ? analytics_plan.error() : stored.error();
    return error.code() == Status::Code::kNotFound ? Status::Ok() : error;
  }
  auto table = ingest::ReadInputOutputText(stored->second, stored->first);
  if (!table) return table.error();
  auto analysis = analytics::AnalyseInputOutput(*table);
  if (!analysis) return analysis.error().WithContext(stored->first);
  auto registry = store().ListEnterprises({});
  if (!registry) return registry.error();
  std::map<std::string, std::string> class_of;
  for (const auto& e : *registry) class_of[e.uscc] = e.industry_code;
  for (const auto& project : pipeline.projects) {
    const auto it = class_of.find(project.uscc);
    pipeline.effects.push_back(analytics::EffectOf(
        project, it == class_of.end() ? std::string() : it->second, chains, *analytics_plan, *table,
        *analysis, system(), core::IndustryClassification::Gbt4754()));
  }
  // The file's name, never the path it was loaded from on the server.
  pipeline.io_table = std::filesystem::path(stored->first).filename().string();
  return Status::Ok();
}

}  // namespace clusterscope::app
