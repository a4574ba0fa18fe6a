// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Users over HTTP, for admins (the access rule is in app::UsersService): list, add, change,
// remove.
#include "router.h"

#include "clusterscope/app/users_service.h"
#include "clusterscope/text/errors.h"

namespace clusterscope::http {

using nlohmann::json;

void AddUserRoutes(Router& router) {
  router.GetSession("/api/v1/users", [](Call& call) -> Status {
    auto users = app::UsersService(call.db, call.caller).Users();
    if (!users) return users.error();
    json out = json::array();
    for (const auto& u : *users) {
      out.push_back({{"name", u.name}, {"role", model::RoleName(u.role)}, {"park", u.park}});
    }
    SendJson(call.res, out.dump());
    return Status::Ok();
  });
  router.Post("/api/v1/users", [](Call& call) -> Status {
    CLUSTERSCOPE_RETURN_IF_ERROR(app::Access(call.db, call.caller).CheckManagesUsers());
    auto body = ParseBody(call.req,
                          {{"name", json::value_t::string},
                           {"role", json::value_t::string},
                           {"park", json::value_t::string},
                           {"password", json::value_t::string}},
                          {"park"});
    if (!body) return body.error();
    const auto role = model::ParseRole((*body)["role"].get<std::string>());
    if (!role) return Status::Of(Status::Code::kInvalidArgument, core::Say(text::kUnknownRole));
    CLUSTERSCOPE_RETURN_IF_ERROR(
        app::UsersService(call.db, call.caller)
            .AddUser((*body)["name"], *role, body->value("park", ""), (*body)["password"]));
    SendJson(call.res, json{{"name", (*body)["name"]}, {"role", model::RoleName(*role)}}.dump(),
             201);
    return Status::Ok();
  });
  // A user's role and park, and password when given; the user's sessions end (in the store).
  router.Patch("/api/v1/users/{name}", [](Call& call) -> Status {
    CLUSTERSCOPE_RETURN_IF_ERROR(app::Access(call.db, call.caller).CheckManagesUsers());
    auto body = ParseBody(call.req,
                          {{"role", json::value_t::string},
                           {"park", json::value_t::string},
                           {"password", json::value_t::string}},
                          {"park", "password"});
    if (!body) return body.error();
    const auto role = model::ParseRole((*body)["role"].get<std::string>());
    if (!role) return Status::Of(Status::Code::kInvalidArgument, core::Say(text::kUnknownRole));
    const std::string name = call.params.Match(1);
    const auto password =
        body->contains("password") ? std::optional<std::string>((*body)["password"]) : std::nullopt;
    CLUSTERSCOPE_RETURN_IF_ERROR(app::UsersService(call.db, call.caller)
                                     .ChangeUser(name, *role, body->value("park", ""), password));
    SendJson(call.res, json{{"name", name}, {"role", model::RoleName(*role)}}.dump());
    return Status::Ok();
  });
  router.Delete("/api/v1/users/{name}", [](Call& call) -> Status {
    const std::string name = call.params.Match(1);
    CLUSTERSCOPE_RETURN_IF_ERROR(app::UsersService(call.db, call.caller).RemoveUser(name));
    SendJson(call.res, R"({"removed":true})");
    return Status::Ok();
  });
}

}  // namespace clusterscope::http
