// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The chain work as reports (docs/chains.md, docs/cultivation.md): chains with their links,
// statuses, enterprises and 补链 candidates; the project pipeline; the cultivation ladders. Each
// as a Document (terminal, Markdown, HTML, Excel) and as JSON (field names are a contract).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "clusterscope/analytics/cluster_quotients.h"
#include "clusterscope/chains/work.h"
#include "clusterscope/report/document.h"
#include "clusterscope/report/monthly_report.h"

namespace clusterscope::report {

struct ChainView {
  std::string chain;         // one chain by code, or every chain when empty
  bool links = true;         // each chain's links; false: the overview alone
  bool details = true;       // enterprises of each link and candidates; false: statuses only
  bool public_view = false;  // published: no enterprise names, no link figures
};

Document ChainsDocument(const chains::ChainReport& report, const ChainView& view,
                        Language language);
std::string ChainsJson(const chains::ChainReport& report, const ChainView& view);

Document PipelineDocument(const chains::Pipeline& pipeline, Language language);
// `by_stage` (projects, investment and sales at full output at each stage) always; `projects`,
// one by one with names, investors and dates, only in full (`public_view`: an empty list).
std::string PipelineJson(const chains::Pipeline& pipeline, bool public_view = false);

// `limit`: enterprises listed per ladder (0: all).
Document CultivationDocument(const chains::CultivationReport& report, std::size_t limit,
                             Language language);
std::string CultivationJson(const chains::CultivationReport& report, std::size_t limit);

// The chain work as a section of the monthly report: the chains with their weak and missing
// links, the pipeline by stage with what is overdue, the ladders' counts. Any part may be null
// (nothing loaded). `public_view`: no enterprise names or link figures, and no ladders.
Document ChainWorkSection(const chains::ChainReport* chains, const chains::Pipeline* pipeline,
                          const chains::CultivationReport* cultivation, Language language,
                          bool public_view);

// The entries of each cultivation ladder a monthly report shows.
inline constexpr std::size_t kMonthlyLadderEntries = 10;

// Everything a monthly report shows: the indicators with every alert, and what the plans add
// (each part present when its plan is loaded). Assembled by the application.
struct MonthlyBundle {
  engine::MonthlyIndicators indicators;
  // The period before, in the same form, when asked for (the analysis compares with it): the
  // month before, or last year's December for January and the combined January–February.
  std::optional<engine::MonthlyIndicators> previous;
  std::optional<targets::TargetReport> targets;
  std::unique_ptr<chains::ChainReport> chains;
  std::optional<chains::Pipeline> pipeline;
  // Never in a public report; the first kMonthlyLadderEntries entries of each ladder.
  std::unique_ptr<chains::CultivationReport> cultivation;
  // The clusters against the analytics plan's benchmark, when one is chosen and held.
  std::optional<analytics::ClusterView> benchmark;
  bool is_public = false;
};

// The report in `format`: md, html, json or headline as text; xlsx, docx (the analysis in
// official-document style, with `docx_template`'s styles when given) and pdf (the same printed
// by LibreOffice) as the file's bytes. InvalidArgument for another format.
Result<std::string> RenderMonthly(const MonthlyBundle& bundle, std::string_view format,
                                  const std::string& region_name, Language language,
                                  const std::string& docx_template = {});

// What a link's rating rests on, in words: "本地企业 0 家（至少 1 家）".
std::string ReasonText(const chains::Reason& reason, Language language);
// Why a candidate fits: "行业小类 3841 与环节一致; 营业收入 300.0 亿元（第 1 大）".
std::string CandidateText(const chains::Candidate& candidate, Language language);

}  // namespace clusterscope::report
