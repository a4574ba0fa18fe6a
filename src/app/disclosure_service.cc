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
  auto engine = EngineOver(store(), system(), core::Period{first.year - 1, 1}, last);
  if (!engine) return Error(engine.error());
  std::vector<disclosure::MonthAudit> out;
  disclosure::Publisher publisher(**engine, rules);
  for (auto period = first; period.Index() <= last.Index();
       period = core::Period::FromIndex(period.Index() + 1)) {
    const auto started = std::chrono::steady_clock::now();
    disclosure::MonthAudit month;
    month.period = period;
    month.insider_park = rules.insider_park;
    auto indicators = (*engine)->Compute(period, {.top = 0});
    month.control = publisher.Apply(indicators);
    month.exposures = disclosure::AuditDisclosure(**engine, indicators, rules);
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
