// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The regional-analytics input files (docs/file_formats.md): a region x industry matrix as a
// long CSV or .xlsx (region, industry, value, and optionally year), and an input-output table
// (sector, one column per sector, final_demand). Read whole and checked whole: any bad row
// refuses the file with every problem named by file, line, column and rule.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "clusterscope/analytics/agglomeration.h"
#include "clusterscope/analytics/input_output.h"
#include "clusterscope/analytics/matrix.h"
#include "clusterscope/core/status.h"

namespace clusterscope::ingest {

// The matrix of each year in the file; a file without a year column gives one matrix, at 0.
// Refused: a negative or non-numeric value, a cell given twice (in the same year), an empty
// region or industry, a bad year.
Result<std::map<int, analytics::RegionIndustryMatrix>> ReadMatrixFile(const std::string& path);

// Refused: a header that is not `sector,<the sectors in the rows' order>,final_demand`, a
// sector named twice, a row count that differs from the columns', a non-numeric cell.
Result<analytics::InputOutputTable> ReadInputOutputFile(const std::string& path);
// The same from CSV text (as `InputOutputText` wrote it); `name` stands for the file.
Result<analytics::InputOutputTable> ReadInputOutputText(std::string_view text,
                                                        const std::string& name);
// The table as CSV text in the file format, numbers written to round-trip exactly.
std::string InputOutputText(const analytics::InputOutputTable& table);

// sector,delta: a change of final demand by sector, in the table's order. NotFound naming an
// unknown sector; InvalidArgument for a bad number or a sector given twice.
Result<std::vector<double>> ReadDemandChangeFile(const std::string& path,
                                                 const analytics::InputOutputTable& table);

// area,land,population (km², persons): the facts of towns or parks for the cluster index.
// Refused: a value that is not a number above 0, an area given twice.
Result<std::map<std::string, analytics::AreaFacts>> ReadAreaFactsFile(const std::string& path);
}  // namespace clusterscope::ingest
