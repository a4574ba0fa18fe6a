// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// A Word document in the style of official documents (党政机关公文格式, GB/T 9704-2012): A4,
// margins 37/35/28/26 mm, 22 lines of 28 characters, the title in 方正小标宋简体 二号, the body
// in 仿宋_GB2312 三号, level-1 headings in 黑体 ("一、"), level-2 in 楷体 ("（一）"), three-line
// tables and page numbers "— 1 —" in 四号 at the outer side. The fonts are named, not embedded:
// the office's machines have them. A template's styles may stand in for ours.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "clusterscope/core/status.h"
#include "clusterscope/report/document.h"

namespace clusterscope::report {

// A chart Word and WPS draw and let the reader edit: bars by category, and a line on a second
// axis when `line` is given (the 12-month trend and its growth), with the values cached in the
// chart and kept as a workbook inside the document (Word's "edit data").
struct DocxChart {
  std::string title;
  std::vector<std::string> categories;
  std::string bars_name;  // "工业总产值（亿元）"
  std::vector<std::optional<double>> bars;
  std::string line_name;  // "同比增长（%）"; empty: no line
  std::vector<std::optional<double>> line;
  bool horizontal = false;  // bars across, categories read downwards (many or long names)
};

struct DocxBlock {
  enum class Kind {
    kHeading1,    // "一、总体运行情况"
    kHeading2,    // "（一）……"
    kParagraph,   // body text, first line indented two characters
    kTable,       // a three-line table, its title above it
    kChart,       // a native chart, its title above it
    kAnalystNote  // a marked place for the analyst to write
  };
  Kind kind = Kind::kParagraph;
  std::string text;  // the heading, paragraph or note
  Section table;     // kTable: title, headers, rows, numeric columns
  DocxChart chart;   // kChart
};

struct OfficialDocument {
  std::string title;  // 《涪陵区2025年1—6月工业经济运行情况分析》, without the brackets
  std::string subtitle;  // a line under the title, e.g. the issuer and date; may be empty
  std::vector<DocxBlock> blocks;
};

// The document's .docx bytes. `template_docx`, when given, is a .docx whose styles (and its
// theme, fonts and numbering) the document takes instead of the official ones, so that an
// office keeps its house style; InvalidArgument naming it when it is no Word document.
Result<std::string> DocxBytes(const OfficialDocument& document,
                              const std::string& template_docx = {});

}  // namespace clusterscope::report
