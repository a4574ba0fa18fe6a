// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Designations are titles an enterprise holds for a period (smart factory, high-tech
// enterprise, little giant, ...). The list of types is configurable per cluster system and
// starts from DefaultDesignationTypes(). Plain value types.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "clusterscope/core/date.h"

namespace clusterscope::model {

struct DesignationType {
  std::string code;  // "smart_factory"
  std::string name_zh;
  std::string name_en;
  // Years a grant is valid unless renewed (高新技术企业, 专精特新: 3); 0 for a title without a
  // term.
  int term_years = 0;
};

// The types every system starts with, in this order.
std::vector<DesignationType> DefaultDesignationTypes();

struct Designation {
  std::string uscc;
  std::string type;  // DesignationType::code
  core::Date granted;
  std::optional<core::Date> withdrawn;
  std::string level;  // "national", "municipal", "district", or empty
  std::string note;

  // True if held on `day`: granted on or before it, not withdrawn by then and, for a type with a
  // term of `term_years`, not lapsed (a renewal is a grant of its own).
  bool ActiveOn(const core::Date& day, int term_years = 0) const {
    return granted <= day && (!withdrawn || day < *withdrawn) &&
           (term_years <= 0 || day < granted.AddMonths(12 * term_years));
  }
};

}  // namespace clusterscope::model
