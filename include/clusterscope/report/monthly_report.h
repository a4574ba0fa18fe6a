// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The monthly industrial-economy report (工业经济运行月报) from the engine's indicators: JSON for
// scripts (field names are a contract, docs/indicators.md), Markdown for people, and the
// one-line headline. Money is in 万元 in JSON and in 亿元 in Markdown. Pure functions.
#pragma once

#include <string>

#include "clusterscope/core/message.h"
#include "clusterscope/core/status.h"
#include "clusterscope/engine/indicators.h"
#include "clusterscope/report/document.h"

namespace clusterscope::report {

// The reader's language (core/message.h), for every renderer.
using Language = core::Language;

// Alert messages in `language`; everything else is language-neutral.
std::string MonthlyReportJson(const engine::MonthlyIndicators& indicators,
                              Language language = Language::kZh);
std::string MonthlyReportMarkdown(const engine::MonthlyIndicators& indicators,
                                  const std::string& region_name, Language language);
// A self-contained HTML page (inline SVG charts: the trend of the last months and the pull of
// each cluster; no scripts, no downloads) that reads well printed on A4.
std::string MonthlyReportHtml(const engine::MonthlyIndicators& indicators,
                              const std::string& region_name, Language language);

// The report as the bytes of an Excel workbook: a sheet per table, money in 万元 with number
// formats, withheld cells as text. `appendix`: further documents, a sheet per section (the
// chain work, say). Unavailable if no temporary file can be written.
Result<std::string> MonthlyReportXlsx(const engine::MonthlyIndicators& indicators,
                                      const std::string& region_name, Language language,
                                      const std::vector<Document>& appendix = {});

// "2023-06: above-scale output 1244.5 亿元, +8.4 % on the same basis; profit 74.8 亿元; ..."
std::string MonthlyReportHeadline(const engine::MonthlyIndicators& indicators, Language language);

}  // namespace clusterscope::report
