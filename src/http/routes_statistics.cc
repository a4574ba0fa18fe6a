// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The district's figures: the cluster system, the monthly report, the cockpit, any grouping's
// series, the alerts, the clusters against a benchmark.

#include "router.h"
#include <fmt/format.h>

#include "clusterscope/app/analytics_service.h"
#include "clusterscope/app/registry_service.h"
#include "clusterscope/app/statistics_service.h"
#include "clusterscope/core/classification.h"
#include "clusterscope/report/analytics.h"
#include "clusterscope/report/dashboard.h"
#include "clusterscope/report/document.h"
#include "clusterscope/report/monthly.h"
#include "clusterscope/report/registry.h"

namespace clusterscope::http {
namespace {

using nlohmann::json;

std::string RegionName(const app::Database& db) {
  const auto* county = core::FindCounty(db.system().region_code);
  return county != nullptr ? county->name : db.system().name_zh;
}

// The report as the cockpit and the alerts need it: no rankings, no ladders.
app::MonthlyReportOptions Overview(std::optional<core::Period> period) {
  app::MonthlyReportOptions wanted;
  wanted.period = period;
  wanted.indicators.top = 0;
  wanted.ladders = false;
  return wanted;
}

const std::vector<std::string> kReportFormats = {"json", "html", "xlsx", "docx", "pdf"};

Result<Answer> MonthlyReport(Call& call) {
  auto period = call.params.Period();
  if (!period) return Error(period.error());
  auto format = call.params.OneOf("format", kReportFormats, "json");
  if (!format) return Error(format.error());
  const app::Grant& grant = *call.grant;
  app::MonthlyReportOptions wanted;
  wanted.period = *period;
  wanted.indicators.top = grant.full() ? 10 : 0;
  // The page and the analysis chart 12 months; the analysis compares with the period before.
  const bool analysis = *format == "docx" || *format == "pdf";
  wanted.trend_months = *format == "html" || analysis ? 12 : 0;
  wanted.previous = analysis;
  auto bundle = app::StatisticsService(call.db, call.caller).MonthlyReport(grant, wanted);
  if (!bundle) return Error(bundle.error());
  const std::string region = RegionName(call.db);
  const auto language = call.params.Language();
  auto bytes = report::RenderMonthly(*bundle, *format, region, language);
  if (!bytes) return Error(bytes.error());
  if (*format == "json" || *format == "html") {
    return Answer{std::move(*bytes), *format == "html" ? kHtml : kJson, ""};
  }
  return Answer{std::move(*bytes), DownloadType(*format),
                fmt::format("report-{}.{}", bundle->indicators.period.ToString(), *format)};
}

Result<Answer> Cockpit(Call& call) {
  auto period = call.params.Period();
  if (!period) return Error(period.error());
  app::StatisticsService statistics(call.db, call.caller);
  auto bundle = statistics.MonthlyReport(*call.grant, Overview(*period));
  if (!bundle) return Error(bundle.error());
  auto series = statistics.IndicatorSeries(*call.grant, bundle->indicators.period, 12);
  if (!series) return Error(series.error());
  return Answer{report::CockpitJson(*bundle, *series, call.db.system(),
                                    {.region = RegionName(call.db),
                                     .key_targets = call.params.List("targets"),
                                     .language = call.params.Language()}),
                kJson, ""};
}

Result<Answer> Indicators(Call& call) {
  auto period = call.params.Period();
  if (!period) return Error(period.error());
  auto months = call.params.Int("months", 12, 1, 120);
  if (!months) return Error(months.error());
  auto series =
      app::StatisticsService(call.db, call.caller).IndicatorSeries(*call.grant, *period, *months);
  if (!series) return Error(series.error());
  auto body = report::IndicatorSeriesJson(
      *series, call.db.system(), call.params.String("kind", "cluster"), call.params.String("code"));
  if (!body) return Error(body.error());
  return Answer{std::move(*body), kJson, ""};
}

Result<Answer> Alerts(Call& call) {
  auto period = call.params.Period();
  if (!period) return Error(period.error());
  auto bundle =
      app::StatisticsService(call.db, call.caller).MonthlyReport(*call.grant, Overview(*period));
  if (!bundle) return Error(bundle.error());
  return Answer{report::AlertsJson(bundle->indicators, call.params.Language()), kJson, ""};
}

Result<Answer> BenchmarkClusters(Call& call) {
  auto period = call.params.Period();
  if (!period) return Error(period.error());
  app::BenchmarkOptions wanted;
  wanted.benchmark = call.params.String("benchmark");
  wanted.at = *period;
  if (!wanted.at) {
    auto latest = app::StatisticsService(call.db, call.caller).LatestPeriod();
    if (!latest) return Error(latest.error());
    wanted.at = *latest;
  }
  auto view = app::AnalyticsService(call.db, call.caller).BenchmarkClusters(*call.grant, wanted);
  if (!view) return Error(view.error());
  return Answer{report::ClusterViewJson(*view), kJson, ""};
}

}  // namespace

void AddStatisticsRoutes(Router& router) {
  router.Get("/api/v1/system", {.subject = app::Subject::kSystem},
             [](Call& call) -> Result<Answer> {
               auto counts = app::RegistryService(call.db, call.caller).CountsByCluster();
               if (!counts) return Error(counts.error());
               // The latest month held, which the dashboard shows while no month is chosen.
               auto latest = app::StatisticsService(call.db, call.caller).LatestPeriod();
               if (!latest && latest.error().code() != Status::Code::kNotFound) {
                 return Error(latest.error());
               }
               const std::string held = latest ? fmt::format("\"{}\"", latest->ToString()) : "null";
               return Answer{report::AppendJson(report::SystemJson(call.db.system(), *counts),
                                                {{"latest_period", held}}),
                             kJson, ""};
             });
  // The monthly report: format=json (default), html or xlsx (a download); the published form
  // for those who do not see enterprises.
  router.Get(
      "/api/v1/report/monthly",
      {.subject = app::Subject::kMonthlyReport,
       .key = [](const Call&) -> Result<std::string> { return std::string("report/monthly"); },
       .detail = [](const Call& call) -> Result<std::string> {
         auto period = call.params.Period();
         if (!period) return Error(period.error());
         auto format = call.params.OneOf("format", kReportFormats, "json");
         if (!format) return Error(format.error());
         return fmt::format("{} {} with enterprise rankings",
                            period->has_value() ? (*period)->ToString() : "latest", *format);
       }},
      MonthlyReport);
  // The dashboard's first screen: the month's headline, tiers, clusters and parks, the total's
  // last 12 months, the key targets, alert counts.
  router.Get("/api/v1/cockpit", {.subject = app::Subject::kIndicators}, Cockpit);
  // Any grouping's indicators month by month: kind (total, tier, cluster, park, town, division,
  // class, a grouping's code, list, ...), optionally one code, over `months` months to `period`.
  router.Get("/api/v1/indicators", {.subject = app::Subject::kIndicators}, Indicators);
  // The month's alerts in words (lang=zh|en); the published form has the groups' alerts only.
  router.Get("/api/v1/alerts", {.subject = app::Subject::kAlerts}, Alerts);
  // The clusters against a benchmark (the analytics plan's, or `benchmark`): location
  // quotients and shift-share.
  router.Get("/api/v1/analytics/clusters", {.subject = app::Subject::kIndicators},
             BenchmarkClusters);
}

}  // namespace clusterscope::http
