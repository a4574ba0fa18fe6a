// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The targets report (目标进度): every target of the plan with its kind, actual, completion,
// time-progress, required growth and status, as a terminal table, Markdown or JSON (field
// names are a contract, docs/targets.md). Pure functions.
#pragma once

#include <string>

#include "clusterscope/core/status.h"
#include "clusterscope/report/monthly_report.h"
#include "clusterscope/targets/progress.h"

namespace clusterscope::report {

std::string TargetsTable(const targets::TargetReport& report, Language language);
// `heading`: the level of its title (1 alone, 2 as a section of the monthly report).
std::string TargetsMarkdown(const targets::TargetReport& report, Language language,
                            int heading = 1);
std::string TargetsJson(const targets::TargetReport& report, Language language = Language::kZh);
// A self-contained page (no scripts) that reads well printed.
std::string TargetsHtml(const targets::TargetReport& report, Language language);
// A workbook: the targets with number formats, and the month-by-month history when present.
// Undefined figures are empty cells, never 0.
Result<std::string> TargetsXlsx(const targets::TargetReport& report, Language language);

}  // namespace clusterscope::report
