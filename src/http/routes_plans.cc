// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The plans' work: the targets, the chains, the investment pipeline, the cultivation ladders.

#include "router.h"
#include <fmt/format.h>

#include "clusterscope/app/chains_service.h"
#include "clusterscope/app/targets_service.h"
#include "clusterscope/report/analysis.h"
#include "clusterscope/report/chains.h"
#include "clusterscope/report/targets.h"

namespace clusterscope::http {
namespace {

// JSON, or the progress report as a Word document (docx) or its PDF, to download.
Result<Answer> Targets(Call& call) {
  auto period = call.params.Period();
  if (!period) return Error(period.error());
  auto format = call.params.OneOf("format", {"json", "docx", "pdf"}, "json");
  if (!format) return Error(format.error());
  auto targets = app::TargetsService(call.db, call.caller)
                     .Targets(*call.grant, *period, call.params.Has("history"));
  if (!targets) return Error(targets.error());
  const auto language = call.params.Language();
  if (*format == "json") return Answer{report::TargetsJson(*targets, language), kJson, ""};
  auto bytes = report::OfficialDocumentBytes(
      report::TargetsAnalysis(*targets, !call.grant->full(), language), *format);
  if (!bytes) return Error(bytes.error());
  return Answer{std::move(*bytes), DownloadType(*format),
                fmt::format("targets-{}.{}", targets->period.ToString(), *format)};
}

// The published form has the links' statuses only, not who serves them.
Result<Answer> Chains(Call& call) {
  auto period = call.params.Period();
  if (!period) return Error(period.error());
  auto chains = app::ChainsService(call.db, call.caller).Chains(*call.grant, *period, 5);
  if (!chains) return Error(chains.error());
  const std::string code = call.params.Match(1);
  if (!code.empty() && (*chains)->plan.FindChain(code) == nullptr) {
    return Error(Status::NotFound(fmt::format("no chain '{}'", code)));
  }
  return Answer{report::ChainsJson(**chains, {.chain = code,
                                              .links = true,
                                              .details = !code.empty(),
                                              .public_view = !call.grant->full()}),
                kJson, ""};
}

// The day overdue stages are judged on: `as_of`, else the end of the month asked for, else the
// end of the latest month held (ChainsService::Projects).
Result<std::optional<core::Date>> AsOf(const Call& call) {
  if (call.params.Has("as_of")) {
    auto date = core::Date::Parse(call.params.String("as_of"));
    if (!date) return Error(date.error().WithContext("as_of"));
    return std::optional<core::Date>(*date);
  }
  auto period = call.params.Period();
  if (!period) return Error(period.error());
  if (!*period) return std::optional<core::Date>();
  return std::optional<core::Date>(core::Date::LastOfMonth((*period)->year, (*period)->month));
}

Result<Answer> Projects(Call& call) {
  auto as_of = AsOf(call);
  if (!as_of) return Error(as_of.error());
  auto pipeline = app::ChainsService(call.db, call.caller).Projects(*as_of);
  if (!pipeline) return Error(pipeline.error());
  return Answer{report::PipelineJson(*pipeline, !call.grant->full()), kJson, ""};
}

// A park editor's own park's enterprises on each ladder; the counts stay district-wide.
Result<Answer> Cultivation(Call& call) {
  auto period = call.params.Period();
  if (!period) return Error(period.error());
  auto report = app::ChainsService(call.db, call.caller)
                    .Cultivate(*call.grant, call.params.String("ladder"), *period);
  if (!report) return Error(report.error());
  return Answer{report::CultivationJson(**report, 50), kJson, ""};
}

}  // namespace

void AddPlanRoutes(Router& router) {
  router.Get("/api/v1/targets", {.subject = app::Subject::kTargets}, Targets);
  router.Get("/api/v1/chains", {.subject = app::Subject::kChainOverview}, Chains);
  router.Get("/api/v1/chains/{code}", {.subject = app::Subject::kChains}, Chains);
  // Overdue depends on the day: an answer is kept for its day (a store without statistics
  // judges on today's).
  router.Get("/api/v1/projects",
             {.subject = app::Subject::kProjects,
              .also = [](const Call& call) -> Result<std::string> {
                auto as_of = AsOf(call);
                if (!as_of) return Error(as_of.error());
                return *as_of ? (*as_of)->ToString() : "latest " + core::Date::Today().ToString();
              }},
             Projects);
  router.Get("/api/v1/cultivation",
             {.subject = app::Subject::kCultivation,
              .key = [](const Call&) -> Result<std::string> { return std::string("cultivation"); },
              .detail = [](const Call& call) -> Result<std::string> {
                auto period = call.params.Period();
                if (!period) return Error(period.error());
                return fmt::format("{} {}", call.params.String("ladder"),
                                   period->has_value() ? (*period)->ToString() : "latest");
              }},
             Cultivation);
}

}  // namespace clusterscope::http
