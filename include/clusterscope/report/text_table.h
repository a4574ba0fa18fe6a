// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// A plain-text table for terminals, aligned by display width so that Chinese names line up.
// Plain value type.
#pragma once

#include <string>
#include <vector>

namespace clusterscope::report {

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> headers) : headers_(std::move(headers)) {}

  // Adds a row; missing cells are blank, extra cells are an error of the caller (asserted).
  void AddRow(std::vector<std::string> cells);
  // Columns whose cells are numbers align right.
  void AlignRight(std::size_t column);

  std::string Render() const;

 private:
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<bool> right_;
};

}  // namespace clusterscope::report
