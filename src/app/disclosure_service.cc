// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/app/disclosure_service.h"

#include <chrono>

#include "store_helpers.h"
#include <fmt/format.h>

#include "clusterscope/text/errors.h"

namespace clusterscope::app {

disclosure::DisclosureRules PublishedRules(const Grant& grant, disclosure::DisclosureRules rules) {
  if (grant.caller().role == model::Role::kParkEditor) rules.insider_park = grant.caller().park;
  return rules;
}

Result<std::vector<disclosure::MonthAudit>> DisclosureService::Audit(
    const Grant& grant, const DisclosureAuditOptions& options) {
  if (!grant.full()) {
    return Error(Status::Of(Status::Code::kPermissionDenied,
                            core::Say(text::kDisclosureAuditIsConfidential)));
  }
  disclosure::DisclosureRules rules = options.rules;
  rules.insider_park = options.insider_park;
  CLUSTERSCOPE_RETURN_IF_ERROR(rules.Validate());
  if (!rules.insider_park.empty() && system().FindPark(rules.insider_park) == nullptr) {
    return Error(Status::Of(Status::Code::kInvalidArgument,
                            core::Say(text::kParkEditorNeedsPark, rules.insider_park)));
  }
  auto coverage = store().MonthlySummary();
  if (!coverage) return Error(coverage.error());
  if (!coverage->first || !coverage->last) {
    return Error(Status::Of(Status::Code::kNotFound, core::Say(text::kNoStatisticsYet)));
  }
  const core::Period first = options.from.value_or(*coverage->first);
  const core::Period last = options.to.value_or(*coverage->last);
  if (last.Index() < first.Index()) {
    return Error(Status::InvalidArgument(
        fmt::format("the months run from {} to {}: backwards", first.ToString(), last.ToString())));
  }
  auto engine = Engine(core::Period{first.year - 1, 1});
  if (!engine) return Error(engine.error());
  std::vector<disclosure::MonthAudit> out;
  disclosure::Publisher publisher(**engine, rules);
  // The months of the year as published so far. The attacker reads them all, and what they give
  // only grows with each month: the audit after the last month of each year in the range finds
  // every figure of the year's months narrowed by then.
  std::vector<engine::MonthlyIndicators> year;
  for (auto period = core::Period{first.year, 1}; period.Index() <= last.Index();
       period = core::Period::FromIndex(period.Index() + 1)) {
    const auto started = std::chrono::steady_clock::now();
    if (period.month == 1) year.clear();
    auto& indicators =
        year.emplace_back((*engine)->Compute(period, {.top = 0, .member_kinds = ReportKinds()}));
    const auto control = publisher.Apply(indicators);
    if (period.Index() < first.Index()) continue;
    disclosure::MonthAudit month;
    month.period = period;
    month.insider_park = rules.insider_park;
    month.control = control;
    if (period.month == 12 || period.Index() == last.Index()) {
      month.exposures = disclosure::AuditDisclosure(**engine, year, rules);
    }
    month.groups = indicators.groups.size();
    for (const auto& g : indicators.groups) {
      for (std::size_t q = 0; q < engine::kQuantityCount; ++q) {
        if (g.Shown(static_cast<engine::Quantity>(q))) ++month.published;
      }
    }
    month.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    out.push_back(std::move(month));
  }
  return out;
}

}  // namespace clusterscope::app
