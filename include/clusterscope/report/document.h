// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// A Document is a title, notes and titled tables of text cells: one model that renders alike to
// the terminal, Markdown, HTML and an Excel workbook, so that every listing (chains, projects,
// cultivation) offers the same formats as the monthly report without a renderer of its own.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clusterscope/core/status.h"

namespace clusterscope::report {

struct Section {
  std::string title;
  std::vector<std::string> notes;  // lines before the table
  std::vector<std::string> headers;
  std::vector<std::vector<std::string>> rows;  // each as many cells as headers
  std::vector<std::size_t> numeric;            // columns of numbers: right-aligned, Excel numbers
};

struct Document {
  std::string title;
  std::vector<std::string> notes;
  std::vector<Section> sections;
};

std::string RenderText(const Document& document);
// `heading`: the level of the document's title (2 as a section of a larger report).
std::string RenderMarkdown(const Document& document, int heading = 1);
std::string RenderHtml(const Document& document);
// The document's title and sections as HTML elements, to place inside a page.
std::string RenderHtmlSection(const Document& document);
// The bytes of an Excel workbook, one worksheet per section (names cut to Excel's 31
// characters and made unique).
Result<std::string> XlsxBytes(const Document& document);

// The document in `format` ("table", "md", "html", or "xlsx": the workbook's bytes); the front
// end writes them where it wants. InvalidArgument for another format.
Result<std::string> RenderDocument(const Document& document, std::string_view format);

// `page` with the document placed before its closing </body>.
std::string AppendHtml(std::string page, const Document& document);
// A JSON object (`object`, as text) with members added: (key, JSON value as text).
std::string AppendJson(std::string object,
                       const std::vector<std::pair<std::string, std::string>>& members);

}  // namespace clusterscope::report
