// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Enterprise rows: the search and an enterprise's profile (the access rules: app::Access).
#include "router.h"
#include <fmt/format.h>

#include "clusterscope/app/registry_service.h"
#include "clusterscope/report/monthly.h"
#include "clusterscope/report/registry.h"

namespace clusterscope::http {
namespace {

model::EnterpriseFilter SearchFilter(const Params& params) {
  model::EnterpriseFilter filter;
  filter.name_contains = params.String("q");
  filter.cluster = params.String("cluster");
  filter.park = params.String("park");
  filter.limit = 200;
  return filter;
}

Result<Answer> Search(Call& call) {
  auto list = app::RegistryService(call.db, call.caller)
                  .Enterprises(*call.grant, SearchFilter(call.params));
  if (!list) return Error(list.error());
  return Answer{report::EnterpriseListJson(*list, call.db.system()), kJson, ""};
}

// The registry record, and the monthly figures with every revision.
Result<Answer> Profile(Call& call) {
  auto profile =
      app::RegistryService(call.db, call.caller).Profile(*call.grant, call.params.Match(1));
  if (!profile) return Error(profile.error());
  const auto& history = profile->history;
  return Answer{
      fmt::format(
          R"({{"enterprise":{},"monthly":{}}})",
          report::EnterpriseJson(profile->enterprise, call.db.system(), profile->designations),
          report::HistoryJson(history.current, history.revisions, history.batches)),
      kJson, ""};
}

}  // namespace

void AddRegistryRoutes(Router& router) {
  router.Get("/api/v1/enterprises",
             {.subject = app::Subject::kEnterprises,
              .key = [](const Call&) -> Result<std::string> { return std::string("search"); },
              .detail = [](const Call& call) -> Result<std::string> {
                const auto filter = SearchFilter(call.params);
                return fmt::format("q={} cluster={} park={}", filter.name_contains, filter.cluster,
                                   filter.park);
              }},
             Search);
  router.Get("/api/v1/enterprises/{uscc}",
             {.subject = app::Subject::kEnterprises,
              .key = [](const Call& call) -> Result<std::string> { return call.params.Match(1); },
              .detail = [](const Call&) -> Result<std::string> { return std::string("profile"); }},
             Profile);
}

}  // namespace clusterscope::http
