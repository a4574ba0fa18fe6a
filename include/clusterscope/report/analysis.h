// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The monthly analysis (工业经济运行情况分析) and the targets' progress report as the office
// writes them: narrative in the bureau's wording generated from the figures, three-line tables
// and native charts, as an OfficialDocument for DocxBytes. The conventions (docs/reports.md):
// 亿元 to one decimal without separators, growth to one decimal in words (增长5.9%, 下降1.1%,
// 持平), differences of rates in 个百分点, comparisons with the period before and the same
// period last year, and no sentence for a figure that is withheld or missing. Pure functions.
#pragma once

#include <string>
#include <string_view>

#include "clusterscope/report/chains.h"
#include "clusterscope/report/docx.h"
#include "clusterscope/targets/progress.h"

namespace clusterscope::report {

// Sections 一 to 六: overall, clusters, parks and leading enterprises (rankings only when the
// bundle has them: the full form), the targets, the issues from the alerts, and a marked place
// for the analyst's next steps. The previous period's comparison needs `bundle.previous`, the
// trend chart `bundle.indicators.trend`.
OfficialDocument MonthlyAnalysis(const MonthlyBundle& bundle, const std::string& region_name,
                                 Language language);

// The plan's progress: the counts by status, every target in a table, the targets behind with
// what they need, and a marked place for the analyst.
OfficialDocument TargetsAnalysis(const targets::TargetReport& report, bool is_public,
                                 Language language);

// The document's bytes in `format`: "docx", or "pdf" (the same printed by LibreOffice, see
// pdf.h); `docx_template`'s styles stand in for the official ones when given.
Result<std::string> OfficialDocumentBytes(const OfficialDocument& document, std::string_view format,
                                          const std::string& docx_template = {});

}  // namespace clusterscope::report
