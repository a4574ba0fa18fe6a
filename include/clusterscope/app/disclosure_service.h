// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The attacker's audit of what disclosure control publishes: for each month, the smallest and
// largest value every withheld figure can take given every published one, as a viewer sees them
// or as a park's editor does (who knows the park's enterprises).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "clusterscope/app/access.h"
#include "clusterscope/app/service.h"
#include "clusterscope/core/period.h"
#include "clusterscope/core/status.h"
#include "clusterscope/disclosure/control.h"

namespace clusterscope::app {

struct DisclosureAuditOptions {
  std::optional<core::Period> from;   // default: the first month held
  std::optional<core::Period> to;     // default: the latest month held
  std::string insider_park;           // a park editor's form: the attacker knows this park
  disclosure::DisclosureRules rules;  // (its insider_park is set from the field above)
};

class DisclosureService : public Service {
 public:
  using Service::Service;

  // The exposures name true figures: a full grant only (kIndicators).
  Result<std::vector<disclosure::MonthAudit>> Audit(const Grant& grant,
                                                    const DisclosureAuditOptions& options);
};

// The disclosure rules of a published answer for the grant's caller: a park editor knows the
// enterprises of their park, so their form is protected against that insider.
disclosure::DisclosureRules PublishedRules(const Grant& grant,
                                           disclosure::DisclosureRules rules = {});

}  // namespace clusterscope::app
