// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/app/files.h"

#include "clusterscope/ingest/analytics_files.h"

namespace clusterscope::app {

Result<std::map<int, analytics::RegionIndustryMatrix>> ReadMatrixFile(const std::string& path) {
  return ingest::ReadMatrixFile(path);
}

Result<analytics::InputOutputTable> ReadInputOutputFile(const std::string& path) {
  return ingest::ReadInputOutputFile(path);
}

Result<std::vector<double>> ReadDemandChangeFile(const std::string& path,
                                                 const analytics::InputOutputTable& table) {
  return ingest::ReadDemandChangeFile(path, table);
}

Result<std::map<std::string, analytics::AreaFacts>> ReadAreaFactsFile(const std::string& path) {
  return ingest::ReadAreaFactsFile(path);
}

}  // namespace clusterscope::app
