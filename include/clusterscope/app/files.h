// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The interchange files the `analyze` commands compute on without a database (a matrix, an
// input-output table, a change of final demand, the areas' land and population), read whole
// with every bad row named by file, line, column and rule (docs/file_formats.md). The front ends
// reach the readers only through here.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "clusterscope/analytics/agglomeration.h"
#include "clusterscope/analytics/input_output.h"
#include "clusterscope/analytics/matrix.h"
#include "clusterscope/core/status.h"

namespace clusterscope::app {

// A region x industry matrix by year (year 0 when the file has no year column).
Result<std::map<int, analytics::RegionIndustryMatrix>> ReadMatrixFile(const std::string& path);
Result<analytics::InputOutputTable> ReadInputOutputFile(const std::string& path);
// A change of final demand by sector of `table`.
Result<std::vector<double>> ReadDemandChangeFile(const std::string& path,
                                                 const analytics::InputOutputTable& table);
// Land and population by area, for the Litzenberger–Sternberg index.
Result<std::map<std::string, analytics::AreaFacts>> ReadAreaFactsFile(const std::string& path);

}  // namespace clusterscope::app
