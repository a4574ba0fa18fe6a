// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/report/document.h"

#include <algorithm>
#include <cassert>

#include "monthly_parts.h"
#include <fmt/format.h>

#include "clusterscope/core/text.h"
#include "clusterscope/report/text_table.h"

namespace clusterscope::report {
namespace {

bool Numeric(const Section& s, std::size_t column) {
  return std::find(s.numeric.begin(), s.numeric.end(), column) != s.numeric.end();
}

std::string MarkdownCell(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += "<br>";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string RenderText(const Document& document) {
  std::string out = document.title + "\n";
  for (const auto& note : document.notes) out += note + "\n";
  for (const auto& s : document.sections) {
    out += "\n" + s.title + "\n";
    for (const auto& note : s.notes) out += note + "\n";
    if (s.headers.empty()) continue;
    TextTable table(s.headers);
    for (const auto column : s.numeric) table.AlignRight(column);
    for (const auto& row : s.rows) {
      assert(row.size() == s.headers.size());
      table.AddRow(row);
    }
    out += table.Render();
  }
  return out;
}

std::string RenderMarkdown(const Document& document, int heading) {
  const std::string title(static_cast<std::size_t>(heading), '#');
  std::string out = title + " " + document.title + "\n\n";
  for (const auto& note : document.notes) out += note + "\n\n";
  for (const auto& s : document.sections) {
    out += title + "# " + s.title + "\n\n";
    for (const auto& note : s.notes) out += note + "\n\n";
    if (s.headers.empty()) continue;
    out += "|";
    for (const auto& h : s.headers) out += " " + MarkdownCell(h) + " |";
    out += "\n|";
    for (std::size_t c = 0; c < s.headers.size(); ++c) out += Numeric(s, c) ? " ---: |" : " --- |";
    out += "\n";
    for (const auto& row : s.rows) {
      out += "|";
      for (const auto& cell : row) out += " " + MarkdownCell(cell) + " |";
      out += "\n";
    }
    out += "\n";
  }
  return out;
}

std::string RenderHtmlSection(const Document& document) {
  using detail::Escape;
  std::string out = "<section>\n<h2>" + Escape(document.title) + "</h2>\n";
  for (const auto& note : document.notes) out += "<p>" + Escape(note) + "</p>\n";
  for (const auto& s : document.sections) {
    out += "<h3>" + Escape(s.title) + "</h3>\n";
    for (const auto& note : s.notes) out += "<p>" + Escape(note) + "</p>\n";
    if (s.headers.empty()) continue;
    out += "<table>\n<thead><tr>";
    for (const auto& h : s.headers) out += "<th>" + Escape(h) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& row : s.rows) {
      out += "<tr>";
      for (std::size_t c = 0; c < row.size(); ++c) {
        out += Numeric(s, c) ? "<td class=\"num\">" : "<td>";
        out += Escape(row[c]) + "</td>";
      }
      out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
  }
  return out + "</section>\n";
}

std::string RenderHtml(const Document& document) {
  using detail::Escape;
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta "
      "charset=\"utf-8\">\n<title>{}</title>\n"
      "{}\n</head>\n<body>\n{}</body>\n</html>\n",
      Escape(document.title), detail::kHtmlStyle, RenderHtmlSection(document));
}

std::string AppendHtml(std::string page, const Document& document) {
  const auto end = page.rfind("</body>");
  if (end == std::string::npos) return page + RenderHtmlSection(document);
  page.insert(end, RenderHtmlSection(document));
  return page;
}

std::string AppendJson(std::string object,
                       const std::vector<std::pair<std::string, std::string>>& members) {
  const auto close = object.rfind('}');
  if (close == std::string::npos || members.empty()) return object;
  std::string tail;
  for (const auto& [key, value] : members) {
    std::string v = value;
    while (!v.empty() && (v.back() == '\n' || v.back() == ' ')) v.pop_back();
    tail += fmt::format(",\"{}\":{}", key, v);  // keys are the program's own, never user text
  }
  object.insert(close, tail);
  return object;
}

namespace detail {

void AddSheets(lxw_workbook* book, const Document& document) {
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  for (std::size_t i = 0; i < document.sections.size(); ++i) {
    const auto& s = document.sections[i];
    // Excel: at most 31 characters, none of []:*?/\ and unique (a number is added).
    std::string name;
    std::size_t characters = 0;
    for (const char c : s.title) {
      const bool lead = (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
      if (lead && ++characters > 28) break;
      const bool forbidden =
          c == '[' || c == ']' || c == ':' || c == '*' || c == '?' || c == '/' || c == '\\';
      name += forbidden ? ' ' : c;
    }
    // Unique in the workbook, which may hold other sheets already.
    const std::string base = name;
    for (int n = 2; name.empty() || workbook_get_worksheet_by_name(book, name.c_str()) != nullptr;
         ++n) {
      name = fmt::format("{}{}", base, n);
    }
    lxw_worksheet* sheet = workbook_add_worksheet(book, name.c_str());
    lxw_row_t row = 0;
    for (const auto& note : i == 0 ? document.notes : std::vector<std::string>{}) {
      worksheet_write_string(sheet, row++, 0, note.c_str(), nullptr);
    }
    for (const auto& note : s.notes) worksheet_write_string(sheet, row++, 0, note.c_str(), nullptr);
    for (std::size_t c = 0; c < s.headers.size(); ++c) {
      worksheet_write_string(sheet, row, static_cast<lxw_col_t>(c), s.headers[c].c_str(), bold);
    }
    ++row;
    for (const auto& cells : s.rows) {
      for (std::size_t c = 0; c < cells.size(); ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        if (cells[c].empty()) continue;  // no data stays an empty cell
        if (Numeric(s, c)) {
          if (auto number = core::ParseDecimal(cells[c])) {
            worksheet_write_number(sheet, row, col, *number, nullptr);
            continue;
          }
        }
        worksheet_write_string(sheet, row, col, cells[c].c_str(), nullptr);
      }
      ++row;
    }
  }
}

}  // namespace detail

Result<std::string> XlsxBytes(const Document& document) {
  auto book = detail::Workbook::Open();
  if (!book) return Error(book.error());
  detail::AddSheets(book->get(), document);
  return std::move(*book).Bytes();
}

Result<std::string> RenderDocument(const Document& document, std::string_view format) {
  if (format == "table") return RenderText(document);
  if (format == "md") return RenderMarkdown(document);
  if (format == "html") return RenderHtml(document);
  if (format == "xlsx") {
    return XlsxBytes(document);
  }
  return Error(Status::InvalidArgument(
      fmt::format("unknown format '{}' (table, json, md, html, xlsx)", format)));
}

}  // namespace clusterscope::report
