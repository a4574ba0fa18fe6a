// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/model/problem.h"

#include <algorithm>

namespace clusterscope::model {

Status ProblemsToStatus(const std::vector<Problem>& problems) {
  if (problems.empty()) return Status::Ok();
  const auto list = [&](core::Language language) {
    std::string message;
    for (const auto& problem : problems) {
      if (!message.empty()) message += '\n';
      if (!problem.key.empty()) {
        message += problem.key;
        message += language == core::Language::kZh ? "：" : ": ";
      }
      message += problem.MessageIn(language);
    }
    return message;
  };
  const bool translated = std::any_of(problems.begin(), problems.end(),
                                      [](const Problem& p) { return !p.message_zh.empty(); });
  if (!translated) return Status::InvalidArgument(list(core::Language::kEn));
  return Status::Of(Status::Code::kInvalidArgument,
                    {list(core::Language::kZh), list(core::Language::kEn)});
}

}  // namespace clusterscope::model
