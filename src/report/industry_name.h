// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The GB/T 4754-2017 name of a code, for every renderer that shows one. Private to report.
#pragma once

#include <string>

#include "clusterscope/core/classification.h"

namespace clusterscope::report::detail {

// "电池制造" for "384"; empty for a code the classification lacks.
inline std::string IndustryName(const std::string& code) {
  const auto* entry = core::IndustryClassification::Gbt4754().Find(code);
  return entry != nullptr ? entry->name : std::string();
}

}  // namespace clusterscope::report::detail
