// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/report/text_table.h"

#include <algorithm>
#include <cassert>

#include "clusterscope/core/text.h"

namespace clusterscope::report {

void TextTable::AddRow(std::vector<std::string> cells) {
  assert(cells.size() <= headers_.size());  // a row wider than the header is a caller bug
  cells.resize(headers_.size());
  rows_.push_back(std::move(cells));
}

void TextTable::AlignRight(std::size_t column) {
  if (right_.size() <= column) right_.resize(column + 1, false);
  right_[column] = true;
}

std::string TextTable::Render() const {
  std::vector<std::size_t> widths(headers_.size());
  for (std::size_t col = 0; col < headers_.size(); ++col) {
    widths[col] = core::DisplayWidth(headers_[col]);
    for (const auto& row : rows_) widths[col] = std::max(widths[col], core::DisplayWidth(row[col]));
  }
  std::string out;
  const auto emit = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t col = 0; col < cells.size(); ++col) {
      const std::size_t pad = widths[col] - core::DisplayWidth(cells[col]);
      const bool right = col < right_.size() && right_[col];
      if (col > 0) line += "  ";
      if (right) line.append(pad, ' ');
      line += cells[col];
      if (!right && col + 1 < cells.size()) line.append(pad, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line;
    out += '\n';
  };
  emit(headers_);
  std::vector<std::string> rule;
  for (const auto width : widths) rule.emplace_back(width, '-');
  emit(rule);
  for (const auto& row : rows_) emit(row);
  return out;
}

}  // namespace clusterscope::report
