// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Uploads of interchange files and the catalogue of their kinds (app::ImportKinds), which the
// dashboard reads to offer them.
#include <filesystem>

#include "private_dir.h"
#include "router.h"
#include <fmt/format.h>

#include "clusterscope/app/import_service.h"
#include "clusterscope/report/registry.h"
#include "clusterscope/text/errors.h"
#include "clusterscope/text/imports.h"

namespace clusterscope::http {
namespace {

using nlohmann::json;

// The file of a multipart form's field "file", kept in a private copy while it is read.
struct SentFile {
  std::string name;  // as the user sent it
  PrivateFile kept;
};
Status Receive(const Call& call, SentFile& sent) {
  auto form = ParseMultipart(call.req.Header("Content-Type"), call.req.body);
  if (!form) return form.error();
  const auto it = form->find("file");
  if (it == form->end()) {
    return Status::Of(Status::Code::kInvalidArgument, core::Say(text::kSendFileField));
  }
  sent.name = it->second.filename;
  const bool xlsx = sent.name.ends_with(".xlsx");
  return sent.kept.Write(xlsx ? ".xlsx" : ".csv", it->second.content);
}

// An error about our copy of a file, naming the file the user sent.
Status NameSent(const Status& error, const SentFile& sent) {
  const Status named = error.Replaced(sent.kept.path(), sent.name);
  return named.message().starts_with(sent.name) ? named : named.WithContext(sent.name);
}

Status Upload(Call& call, std::uint64_t budget) {
  SentFile sent;
  CLUSTERSCOPE_RETURN_IF_ERROR(Receive(call, sent));
  model::ImportOptions options;
  options.skip_invalid = call.req.HasParam("skip_invalid");
  options.dry_run = call.req.HasParam("dry_run");
  // As offices save them: GBK from Excel on Chinese Windows, columns of their own (when asked
  // to leave them out), year-to-date figures, money in 元, 千元, 万元 or 亿元.
  options.detect_encoding = true;
  options.ignore_unknown_columns = call.req.HasParam("ignore_unknown_columns");
  options.cumulative = call.req.HasParam("cumulative");
  if (call.params.Has("unit")) {
    const auto unit = model::ParseMoneyUnit(call.params.String("unit"));
    if (!unit) {
      return Status::Of(Status::Code::kInvalidArgument,
                        core::Say(text::kUnknownMoneyUnit, call.params.String("unit")));
    }
    options.unit = *unit;
  }
  options.memory_budget = budget;
  options.source_name = sent.name;  // the batch names the user's file, not our copy
  app::ImportService imports(call.db, call.caller);
  if (call.params.Has("profile")) {
    auto profile = imports.Profile(call.params.String("profile"));
    if (!profile) return profile.error();
    options.profile = std::move(*profile);
  }
  auto report = imports.Import(call.params.Match(1), sent.kept.path(), options);
  // Messages name the file the user sent, never our copy.
  if (!report) return NameSent(report.error(), sent);
  // The rejected rows are in the answer; their file beside our copy goes with it.
  if (!report->rejects_file.empty()) {
    std::error_code ignored;
    std::filesystem::remove(report->rejects_file, ignored);
    report->rejects_file.clear();
  }
  // The data-quality audit of a monthly file row by row (the first 1,000), so that a park office
  // sees at once which figures to check.
  std::string body = report::UploadReportJson(*report, 1000, call.params.Language());
  const std::string& path = sent.kept.path();
  for (std::size_t at = body.find(path); at != std::string::npos; at = body.find(path, at)) {
    body.replace(at, path.size(), sent.name);
  }
  SendJson(call.res, body);
  return Status::Ok();
}

json ProfileJson(const model::ImportProfile& profile) {
  json columns = json::array();
  for (const auto& [header, column] : profile.columns) {
    columns.push_back({{"header", header}, {"column", column}});
  }
  return {{"name", profile.name},
          {"kind", profile.kind},
          {"source", profile.source},
          {"header_line", profile.header_line},
          {"header_rows", profile.header_rows},
          {"year_to_date", profile.year_to_date ? json(*profile.year_to_date) : json(nullptr)},
          {"unit", profile.unit ? json(model::MoneyUnitName(*profile.unit)) : json(nullptr)},
          {"sheets", profile.sheets},
          {"columns", columns},
          {"toml", app::ImportProfileToml(profile)}};
}

Result<Answer> Profiles(Call& call) {
  auto profiles = app::ImportService(call.db, call.caller).Profiles();
  if (!profiles) return Error(profiles.error());
  json out = json::array();
  for (const auto& profile : *profiles) out.push_back(ProfileJson(profile));
  return Answer{json{{"profiles", out}}.dump(), kJson, ""};
}

// Saves how the file sent is read as profile {name}, for files of ?kind (default monthly).
Status SaveProfile(Call& call) {
  SentFile sent;
  CLUSTERSCOPE_RETURN_IF_ERROR(Receive(call, sent));
  model::ImportOptions options;
  options.ignore_unknown_columns = call.req.HasParam("ignore_unknown_columns");
  options.cumulative = call.req.HasParam("cumulative");
  options.source_name = sent.name;
  if (call.params.Has("unit")) options.unit = model::ParseMoneyUnit(call.params.String("unit"));
  const std::string kind = call.params.Has("kind") ? call.params.String("kind") : "monthly";
  auto saved = app::ImportService(call.db, call.caller)
                   .SaveProfileFrom(call.params.Match(1), kind, sent.kept.path(), options, {});
  if (!saved) return NameSent(saved.error(), sent);
  SendJson(call.res, ProfileJson(*saved).dump());
  return Status::Ok();
}

std::string_view UploadersName(app::Uploaders uploaders) {
  switch (uploaders) {
    case app::Uploaders::kEditors:
      return "editors";
    case app::Uploaders::kAnalysts:
      return "analysts";
    case app::Uploaders::kOperator:
      return "command_line";
  }
  return "";
}

// Every kind of file, and whether the caller may upload it here.
Result<Answer> Kinds(Call& call) {
  json kinds = json::array();
  for (const auto& kind : app::ImportKinds()) {
    kinds.push_back({{"name", kind.name},
                     {"label_zh", kind.label_zh},
                     {"label_en", kind.label_en},
                     {"description", kind.description},
                     {"columns", kind.columns},
                     {"required", kind.required},
                     {"headers_zh", kind.headers_zh},
                     {"aliases", kind.aliases},
                     {"unit_options", kind.options.unit},
                     {"uploaders", UploadersName(kind.uploaders)},
                     {"may_upload", app::MayUpload(call.caller.role, kind)}});
  }
  return Answer{json{{"kinds", kinds}}.dump(), kJson, ""};
}

// An empty file of a kind to fill in, with its Chinese headers (and a help sheet in .xlsx).
Result<Answer> Template(Call& call) {
  const auto* kind = app::FindImportKind(call.params.Match(1));
  if (kind == nullptr) {
    return Error(Status::Of(Status::Code::kNotFound,
                            core::Say(text::kNoSuchImportKind, call.params.Match(1))));
  }
  auto format = call.params.OneOf("format", {"xlsx", "csv"}, "xlsx");
  if (!format) return Error(format.error());
  auto bytes = app::ImportTemplate(*kind, *format);
  if (!bytes) return Error(bytes.error());
  const std::string name = fmt::format("{}-template.{}", kind->name, *format);
  return Answer{std::move(*bytes), *format == "csv" ? kCsv : kXlsx, name};
}

}  // namespace

void AddImportRoutes(Router& router, std::uint64_t upload_budget) {
  // The answer is the import's report row by row (written or not). A park editor may upload
  // only its own park's enterprises (app::ImportService).
  router.Post("/api/v1/uploads/{kind}",
              [upload_budget](Call& call) { return Upload(call, upload_budget); });
  // The answer depends on the caller's role: the cache key has the form, so the role goes in
  // `also`.
  router.Get("/api/v1/imports",
             {.subject = app::Subject::kSystem,
              .also = [](const Call& call) -> Result<std::string> {
                return std::string(model::RoleName(call.caller.role));
              }},
             Kinds);
  router.Get("/api/v1/imports/{kind}/template", {.subject = app::Subject::kSystem}, Template);
  router.Get("/api/v1/import-profiles", {.subject = app::Subject::kSystem}, Profiles);
  router.Post("/api/v1/import-profiles/{profile}", SaveProfile);
  router.Delete("/api/v1/import-profiles/{profile}", [](Call& call) -> Status {
    CLUSTERSCOPE_RETURN_IF_ERROR(
        app::ImportService(call.db, call.caller).DeleteProfile(call.params.Match(1)));
    SendJson(call.res, R"({"deleted":true})");
    return Status::Ok();
  });
}

}  // namespace clusterscope::http
