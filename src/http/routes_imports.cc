// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Uploads of interchange files and the catalogue of their kinds (app::ImportKinds), which the
// dashboard reads to offer them.
#include <filesystem>
#include <fstream>

#include "router.h"
#include <fmt/format.h>

#include "clusterscope/app/import_service.h"
#include "clusterscope/report/registry.h"
#include "clusterscope/text/errors.h"

namespace clusterscope::http {
namespace {

using nlohmann::json;

// A file kept under a name of our own for as long as it lives: never the client's path.
class KeptUpload {
 public:
  KeptUpload() = default;
  KeptUpload(const KeptUpload&) = delete;
  KeptUpload& operator=(const KeptUpload&) = delete;
  ~KeptUpload() {
    std::error_code ignored;  // a destructor must not throw
    if (!path_.empty()) std::filesystem::remove(path_, ignored);
  }

  // Writes `content` to a new file with the extension of `client_name` (.xlsx or .csv), so
  // that a workbook is read as one.
  Status Write(const std::string& client_name, const std::string& content) {
    const bool xlsx = client_name.size() >= 5 && client_name.ends_with(".xlsx");
    std::error_code error;
    const auto dir = std::filesystem::temp_directory_path(error) / "clusterscope-uploads";
    if (!error) std::filesystem::create_directories(dir, error);
    if (error) return Status::Unavailable("cannot keep the upload: no temporary directory");
    path_ = (dir / (RandomToken().substr(0, 16) + (xlsx ? ".xlsx" : ".csv"))).string();
    std::ofstream out(path_, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (!out) return Status::Unavailable("cannot keep the upload");
    return Status::Ok();
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

Status Upload(Call& call) {
  auto form = ParseMultipart(call.req.Header("Content-Type"), call.req.body);
  if (!form) return form.error();
  const auto it = form->find("file");
  if (it == form->end()) {
    return Status::Of(Status::Code::kInvalidArgument, core::Say(text::kSendFileField));
  }
  const FormFile& file = it->second;
  KeptUpload kept;
  CLUSTERSCOPE_RETURN_IF_ERROR(kept.Write(file.filename, file.content));
  model::ImportOptions options;
  options.skip_invalid = call.req.HasParam("skip_invalid");
  options.source_name = file.filename;  // the batch names the user's file, not our copy
  auto report =
      app::ImportService(call.db, call.caller).Import(call.params.Match(1), kept.path(), options);
  if (!report) return report.error().WithContext(file.filename);
  // The rejected rows are in the answer; their file beside our copy goes with it.
  if (!report->rejects_file.empty()) {
    std::error_code ignored;
    std::filesystem::remove(report->rejects_file, ignored);
    report->rejects_file.clear();
  }
  // Messages name the file the user sent, not our copy.
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
                     {"uploaders", UploadersName(kind.uploaders)},
                     {"may_upload", app::MayUpload(call.caller.role, kind)}});
  }
  return Answer{json{{"kinds", kinds}}.dump(), kJson, ""};
}

}  // namespace

void AddImportRoutes(Router& router) {
  // The answer is the import's report row by row (written or not). A park editor may upload
  // only its own park's enterprises (app::ImportService).
  router.Post("/api/v1/uploads/{kind}", Upload);
  // The answer depends on the caller's role: the cache key has the form, so the role goes in
  // `also`.
  router.Get("/api/v1/imports",
             {.subject = app::Subject::kSystem,
              .also = [](const Call& call) -> Result<std::string> {
                return std::string(model::RoleName(call.caller.role));
              }},
             Kinds);
}

}  // namespace clusterscope::http
