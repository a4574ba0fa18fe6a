// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// A Word document printed to PDF by LibreOffice headless (Debian's libreoffice-writer-nogui),
// with its fonts embedded: the official fonts where the machine has them, else what fontconfig
// puts in their place (fonts-noto-cjk). Run in a private temporary directory with a profile of
// its own, so that concurrent conversions and a user's LibreOffice do not meet.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "clusterscope/core/status.h"

namespace clusterscope::report {

// The LibreOffice that would write PDF (the first `soffice` or `libreoffice` on the PATH), or
// none: for `serve` to say at start whether it can.
std::optional<std::string> PdfConverter();

// The PDF's bytes. Unavailable, saying what to install, when no `soffice` is on the PATH;
// Internal when the conversion fails or takes longer than `limit` (then stopped).
Result<std::string> PdfFromDocx(const std::string& docx,
                                std::chrono::seconds limit = std::chrono::seconds(120));

}  // namespace clusterscope::report
