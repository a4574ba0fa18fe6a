// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The configuration loaders on any text: the input's first byte picks the cluster system, the
// target plan, the chain plan or the analytics plan; the plans are checked against the shipped
// Fuling system (the systems folder from CLUSTERSCOPE_TEST_SYSTEMS_DIR, as for the tests), which
// is also where a system's `parent` is looked for.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuling_system.h"

#include "clusterscope/app/analytics_config.h"
#include "clusterscope/app/chains_config.h"
#include "clusterscope/app/config.h"
#include "clusterscope/app/targets_config.h"

namespace cs = clusterscope;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 4) {
    case 0:
      (void)cs::app::LoadSystemText(text, "fuzz.toml", fuzz::SystemsDir());
      break;
    case 1:
      (void)cs::app::LoadTargetPlanText(text, "fuzz.toml", fuzz::Fuling());
      break;
    case 2:
      (void)cs::app::LoadChainPlanText(text, "fuzz.toml", fuzz::Fuling());
      break;
    default:
      (void)cs::app::LoadAnalyticsPlanText(text, "fuzz.toml", fuzz::Fuling());
      break;
  }
  return 0;
}
