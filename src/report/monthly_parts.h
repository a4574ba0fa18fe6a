// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// What the Markdown, HTML and Excel forms of the monthly report share: titles, number forms and
// which tables a report shows. Private to report.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xlsxwriter.h>

#include "clusterscope/report/document.h"
#include "clusterscope/report/monthly_report.h"
#include "clusterscope/targets/progress.h"

namespace clusterscope::report::detail {

// "按产业集群" / "By cluster" for a group kind; the kind itself if unknown.
std::string KindTitle(const std::string& kind, Language language);
// What an alert is about ("cluster", "enterprise", ...) as a word of `language`.
std::string SubjectWord(const std::string& kind, Language language);
// An alert's level ("red", "amber") as a word of `language`.
std::string LevelWord(const std::string& level, Language language);
// An Excel workbook being written. libxlsxwriter 1.1.4 writes files only, so the workbook is
// written to a temporary file of our own, which Bytes() reads back and removes; dropped without
// Bytes(), the file is removed all the same.
class Workbook {
 public:
  static Result<Workbook> Open();
  Workbook(Workbook&& other) noexcept;
  Workbook& operator=(Workbook&&) = delete;
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;
  ~Workbook();

  lxw_workbook* get() const { return book_; }
  // Closes the workbook and returns the file's bytes.
  Result<std::string> Bytes() &&;

 private:
  Workbook(lxw_workbook* book, std::string path) : book_(book), path_(std::move(path)) {}
  lxw_workbook* book_;
  std::string path_;  // the temporary file; empty once moved from
};
// A worksheet per section of `document` (names cut to Excel's 31 characters, made unique).
void AddSheets(lxw_workbook* book, const Document& document);

// Text safe inside HTML elements and attributes.
std::string Escape(std::string_view text);
// The style sheet of every HTML report: reads well on screen and printed on A4.
extern const char* const kHtmlStyle;

// What an alert says, in the report's language, from the figures the engine gives.
std::string AlertMessage(const engine::Alert& alert, core::Period period, Language language);
// An alert as a report lists it: one alert, or every alert of a rule folded into one line.
struct AlertLine {
  std::string level;    // "red" or "amber": the worst of those folded
  std::string subject;  // the group, enterprise or target; the rule's name when folded
  std::string message;
  std::string rule;
};
// The alerts as a printed report lists them. The rules that name many groups at once — growth
// below the total's, targets behind time — are folded into one line each, naming every group
// with its figure, when they hold more than `fold_above` alerts against one reference figure.
std::vector<AlertLine> AlertLines(const std::vector<engine::Alert>& alerts, core::Period period,
                                  Language language, std::size_t fold_above = 3);
// A target's actual and goal as the targets report writes them: "795.5 亿元", "下降5.7%", "≤ 0.5
// 吨标准煤/万元".
std::string TargetActualText(const model::Target& t, const targets::Progress& p, Language language);
std::string TargetGoalText(const model::Target& t, Language language);

const engine::GroupIndicators* TotalOf(const engine::MonthlyIndicators& indicators);

// The tables a report shows, in order: every kind but the total and classes, with divisions and
// towns cut to their 15 largest by output.
using Table = std::pair<std::string, std::vector<const engine::GroupIndicators*>>;
std::vector<Table> ReportTables(const engine::MonthlyIndicators& indicators);

}  // namespace clusterscope::report::detail
