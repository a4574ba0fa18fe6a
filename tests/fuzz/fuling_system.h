// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The shipped Fuling system for the harnesses that check against one, from the systems folder
// the tests use (CLUSTERSCOPE_TEST_SYSTEMS_DIR), loaded once per process.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#include "clusterscope/app/config.h"

namespace fuzz {

inline const std::string& SystemsDir() {
  static const std::string dir = [] {
    const char* value = std::getenv("CLUSTERSCOPE_TEST_SYSTEMS_DIR");
    if (value == nullptr) {
      std::fputs("fuzz: set CLUSTERSCOPE_TEST_SYSTEMS_DIR to the systems folder\n", stderr);
      std::abort();
    }
    return std::string(value);
  }();
  return dir;
}

inline const clusterscope::model::ClusterSystem& Fuling() {
  static const clusterscope::model::ClusterSystem system = [] {
    auto loaded = clusterscope::app::LoadSystemFile(SystemsDir() + "/fuling-2349.toml");
    if (!loaded) std::abort();
    return std::move(*loaded);
  }();
  return system;
}

}  // namespace fuzz
