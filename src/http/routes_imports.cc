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

Status Upload(Call& call, std::uint64_t budget) {
  auto form = ParseMultipart(call.req.Header("Content-Type"), call.req.body);
  if (!form) return form.error();
  const auto it = form->find("file");
  if (it == form->end()) {
    return Status::Of(Status::Code::kInvalidArgument, core::Say(text::kSendFileField));
  }
  const FormFile& file = it->second;
  PrivateFile kept;
  const bool xlsx = file.filename.ends_with(".xlsx");
  CLUSTERSCOPE_RETURN_IF_ERROR(kept.Write(xlsx ? ".xlsx" : ".csv", file.content));
  model::ImportOptions options;
  options.skip_invalid = call.req.HasParam("skip_invalid");
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
  options.source_name = file.filename;  // the batch names the user's file, not our copy
  auto report =
      app::ImportService(call.db, call.caller).Import(call.params.Match(1), kept.path(), options);
  // Messages name the file the user sent, never our copy.
  if (!report) {
    const Status error = report.error().Replaced(kept.path(), file.filename);
    return error.message().starts_with(file.filename) ? error : error.WithContext(file.filename);
  }
  // The rejected rows are in the answer; their file beside our copy goes with it.
  if (!report->rejects_file.empty()) {
    std::error_code ignored;
    std::filesystem::remove(report->rejects_file, ignored);
    report->rejects_file.clear();
  }
  // The data-quality audit of a monthly file row by row (the first 1,000), so that a park office
  // sees at once which figures to check.
  std::string body = report::UploadReportJson(*report, 1000, call.params.Language());
  const std::string& path = kept.path();
  for (std::size_t at = body.find(path); at != std::string::npos; at = body.find(path, at)) {
    body.replace(at, path.size(), file.filename);
  }
  SendJson(call.res, body);
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
}

}  // namespace clusterscope::http
