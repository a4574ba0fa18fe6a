// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Renderers of the disclosure audit: each month's published form (groups, figures published,
// figures withheld by reason, linear programmes solved, seconds) and every figure an attacker
// narrows down more than its protection allows, with its true value and interval. Pure.
#pragma once

#include <string>
#include <vector>

#include "clusterscope/disclosure/control.h"

namespace clusterscope::report {

std::string DisclosureAuditText(const std::vector<disclosure::MonthAudit>& months);
std::string DisclosureAuditJson(const std::vector<disclosure::MonthAudit>& months);

}  // namespace clusterscope::report
