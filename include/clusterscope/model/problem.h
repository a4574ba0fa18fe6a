// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// A Problem is one thing wrong with a configuration or record, located by a key path such as
// "clusters[3].tier" so that loaders can point at the file position. Plain value type.
#pragma once

#include <string>
#include <vector>

#include "clusterscope/core/message.h"
#include "clusterscope/core/status.h"

namespace clusterscope::model {

struct Problem {
  std::string key;           // path of the offending key, "clusters[3].classes[0]"; empty: root
  std::string message;       // what is wrong, in a sentence
  std::string message_zh{};  // the same in Chinese; empty where the English serves both (the
                             // rules of plan files, which administrators write in English keys)

  // A problem a person may read in either language (a record's rule, text/).
  static Problem Of(std::string key, core::Text text) {
    return {std::move(key), std::move(text.en), std::move(text.zh)};
  }
  const std::string& MessageIn(core::Language language) const {
    return language == core::Language::kZh && !message_zh.empty() ? message_zh : message;
  }
};

// OK if there are no problems; else InvalidArgument listing "key: message" one per line, in
// both languages.
Status ProblemsToStatus(const std::vector<Problem>& problems);

}  // namespace clusterscope::model
