// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// libxlsxwriter writes each sheet to a temporary file and does not check those writes: on a full
// disk (or past a file-size limit) it closes the workbook without an error around a sheet cut
// short. So every workbook is read back before anyone gets it. Private to report.
#pragma once

#include <string>

#include "clusterscope/core/status.h"

namespace clusterscope::report {

// Ok when every XML part of the .xlsx file at `path` is well-formed; Unavailable otherwise.
Status CheckWorkbookComplete(const std::string& path);

}  // namespace clusterscope::report
