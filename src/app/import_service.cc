// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/app/import_service.h"

#include <algorithm>
#include <filesystem>

#include "store_helpers.h"
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include "clusterscope/app/chains_service.h"
#include "clusterscope/app/init.h"
#include "clusterscope/app/targets_service.h"
#include "clusterscope/ingest/analytics_files.h"
#include "clusterscope/ingest/chain_imports.h"
#include "clusterscope/ingest/importers.h"
#include "clusterscope/ingest/table_file.h"
#include "clusterscope/report/document.h"
#include "clusterscope/text/errors.h"
#include "clusterscope/text/imports.h"

namespace clusterscope::app {
namespace {

ImportKind Kind(std::string_view name, std::string_view label_zh, std::string_view label_en,
                std::string_view description, Uploaders uploaders, ImportKindOptions options,
                const std::vector<ingest::ColumnSpec>& specs) {
  ImportKind kind{name, label_zh, label_en, description, uploaders, options, {}, {}, {}, {}};
  for (const auto& spec : specs) {
    kind.columns.emplace_back(spec.name);
    if (spec.required) kind.required.emplace_back(spec.name);
    // The first header in Chinese (any byte beyond ASCII), else the canonical name.
    const auto chinese = std::find_if(spec.aliases.begin(), spec.aliases.end(), [](auto alias) {
      return std::any_of(alias.begin(), alias.end(), [](char c) { return (c & 0x80) != 0; });
    });
    kind.headers_zh.emplace_back(chinese != spec.aliases.end() ? *chinese : spec.name);
    std::vector<std::string> others{std::string(spec.name)};
    for (const auto alias : spec.aliases) {
      if (alias != kind.headers_zh.back()) others.emplace_back(alias);
    }
    kind.aliases.push_back(std::move(others));
  }
  return kind;
}

std::vector<ImportKind> MakeKinds() {
  // A benchmark matrix is read whole by its own reader; its columns, as docs/file_formats.md.
  static const std::vector<ingest::ColumnSpec> kMatrix = {
      {"region", {}, true}, {"industry", {}, true}, {"value", {}, true}, {"year", {}, false}};
  return {
      Kind("enterprises", "企业名录", "enterprises",
           "Enterprises (uscc, name, industry_code, cluster, park, town, above_scale, founded, "
           "listed, land_km2, strategic_emerging, high_tech)",
           Uploaders::kEditors, {.year = true}, ingest::EnterpriseColumns()),
      Kind("designations", "企业认定", "designations",
           "Designations (uscc, designation, granted, withdrawn, level, note)", Uploaders::kEditors,
           {}, ingest::DesignationColumns()),
      Kind("scale", "规上企业名单", "above-scale years",
           "The above-scale directory by year (uscc, year, above_scale)", Uploaders::kEditors, {},
           ingest::ScaleColumns()),
      Kind("monthly", "月度统计数据", "monthly figures",
           "Monthly statistics, month values (uscc, period, output_value, value_added, revenue, "
           "profit, rd_expense, new_product_revenue, export_value, energy_tce, employees)",
           Uploaders::kEditors, {.unit = true}, ingest::MonthlyColumns()),
      Kind("prices", "价格指数", "price indices",
           "Price indices by industry division (division, period, index; the same month of last "
           "year = 100), for value-added growth at comparable prices",
           Uploaders::kOperator, {}, ingest::PriceColumns()),
      Kind("series", "外部指标", "external series",
           "Values of the external series the target plan declares (series, period YYYY or "
           "YYYY-MM, value, source): GDP, investment, set rates, milestones",
           Uploaders::kAnalysts, {}, ingest::SeriesColumns()),
      Kind("projects", "投资项目", "investment projects",
           "Investment projects, one row per phase (code, name, investor, cluster, chain, link, "
           "park, investment, capacity with its unit, sales at full output, stage and its "
           "dates); a stored project moves by the pipeline's rules",
           Uploaders::kAnalysts, {}, ingest::ProjectColumns()),
      Kind("relations", "供应关系", "supply relations",
           "Supplier relations of local buyers (buyer, supplier, period, value 万元), for the "
           "chains' local supply share",
           Uploaders::kAnalysts, {}, ingest::RelationColumns()),
      Kind("matrix", "对标矩阵", "benchmark matrix",
           "A benchmark region x industry matrix for `analyze` (region, industry, value, year): "
           "other regions' figures by GB/T 4754 code",
           Uploaders::kOperator, {.name = true}, kMatrix),
      Kind("prospects", "招商对象", "prospects",
           "Outside enterprises to attract (uscc, name, industry_code, region, revenue 万元, "
           "products), for the 补链 candidate lists",
           Uploaders::kAnalysts, {}, ingest::ProspectColumns()),
  };
}

}  // namespace

const std::vector<ImportKind>& ImportKinds() {
  static const std::vector<ImportKind> kKinds = MakeKinds();
  return kKinds;
}

const ImportKind* FindImportKind(std::string_view name) {
  for (const auto& kind : ImportKinds()) {
    if (kind.name == name) return &kind;
  }
  return nullptr;
}

Result<std::string> ImportTemplate(const ImportKind& kind, std::string_view format) {
  report::Document document;
  document.title = std::string(kind.label_zh);
  report::Section data{"数据", {}, kind.headers_zh, {}, {}};
  report::Section help{
      "说明", {std::string(kind.description)}, {"列", "是否必填", "也可写作"}, {}, {}};
  for (std::size_t i = 0; i < kind.columns.size(); ++i) {
    const bool required = std::find(kind.required.begin(), kind.required.end(), kind.columns[i]) !=
                          kind.required.end();
    help.rows.push_back({kind.headers_zh[i], required ? "必填" : "可选",
                         fmt::format("{}", fmt::join(kind.aliases[i], "、"))});
  }
  if (format == "csv") {
    std::string out = "\xEF\xBB\xBF";  // a byte-order mark: Excel then reads UTF-8
    out += fmt::format("{}\r\n", fmt::join(kind.headers_zh, ","));
    return out;
  }
  document.sections = {std::move(data), std::move(help)};
  return report::XlsxBytes(document);
}

bool MayUpload(model::Role role, const ImportKind& kind) {
  switch (kind.uploaders) {
    case Uploaders::kEditors:
      return model::EditsEnterprises(role);
    case Uploaders::kAnalysts:
      return role == model::Role::kAdmin || role == model::Role::kAnalyst;
    case Uploaders::kOperator:
      return false;
  }
  return false;
}

Result<model::ImportReport> ImportService::Import(std::string_view kind_name,
                                                  const std::string& path,
                                                  model::ImportOptions options) {
  const ImportKind* kind = FindImportKind(kind_name);
  if (kind == nullptr) {
    return Error(
        Status::Of(Status::Code::kNotFound, core::Say(text::kNoSuchImportKind, kind_name)));
  }
  const Caller& who = caller();
  if (who.channel != Channel::kCommandLine) {
    if (!model::EditsEnterprises(who.role)) {
      return Error(
          Status::Of(Status::Code::kPermissionDenied, core::Say(text::kViewersDoNotUpload)));
    }
    if (!MayUpload(who.role, *kind)) {
      const core::Text what{std::string(kind->label_zh), std::string(kind->name)};
      return Error(Status::Of(Status::Code::kPermissionDenied,
                              who.role == model::Role::kParkEditor
                                  ? core::Say(text::kParkEditorUploadsOwnFiles, what)
                                  : core::Say(text::kImportedOnCommandLine, what)));
    }
  }
  if (options.profile) {  // what the profile says of the file, unless the caller said otherwise
    const model::ImportProfile& profile = *options.profile;
    if (profile.kind != kind->name) {
      return Error(
          Status::Of(Status::Code::kInvalidArgument,
                     core::Say(text::kProfileOtherKind, profile.name, profile.kind, kind->name)));
    }
    if (!options.unit) options.unit = profile.unit;
    if (profile.year_to_date == true) options.cumulative = true;
    if (options.sheet.empty() && options.sheets.empty()) {
      const bool several = profile.sheets.size() > 1 ||
                           (profile.sheets.size() == 1 && profile.sheets.front() == "*");
      if (several) {
        options.sheets = profile.sheets;
      } else if (!profile.sheets.empty()) {
        options.sheet = profile.sheets.front();
      }
    }
  }
  if (!options.sheets.empty() && kind->name != "monthly") {
    return Error(Status::Of(Status::Code::kInvalidArgument,
                            core::Say(text::kSeveralSheetsMonthlyOnly, kind->name)));
  }
  if (who.role == model::Role::kParkEditor) options.check_row = ParkScope(path, options);
  options.actor = actor();
  const std::string shown = options.source_name.empty() ? path : options.source_name;
  // Notices about how the file was read, first among the report's warnings.
  std::vector<model::RowIssue> notices;
  if (options.detect_encoding && !options.gbk) {
    auto encoding = ingest::DetectEncoding(path);
    if (!encoding) return Error(encoding.error());
    if (*encoding == ingest::Encoding::kGbk) {
      options.gbk = true;
      notices.push_back({shown, "", 0, "", "", "read_as_gbk", core::Say(text::kReadAsGbk)});
    }
  }
  if (options.ignore_unknown_columns) {
    options.on_ignored_column = [&notices, &shown](std::size_t column, std::string_view header) {
      notices.push_back({shown, "", 1, std::string(header), "", "column_ignored",
                         core::Say(text::kColumnIgnored, column, header)});
    };
  }
  auto report = ImportKindFile(*kind, path, options);
  if (report) {  // a column left out is named on the header's row, under any title rows
    for (auto& notice : notices) {
      if (notice.rule == "column_ignored") notice.line = report->header_line;
    }
  }
  if (report && !notices.empty()) {
    report->warnings.insert(report->warnings.begin(), notices.begin(), notices.end());
  }
  if (report) report->dry_run = options.dry_run;
  return report;
}

Result<model::ImportReport> ImportService::ImportKindFile(const ImportKind& kind_ref,
                                                          const std::string& path,
                                                          const model::ImportOptions& options) {
  const ImportKind* kind = &kind_ref;
  auto& s = store();
  if (kind->name == "enterprises") {
    model::ImportOptions dated = options;
    if (dated.year == 0) dated.year = CurrentYear();
    return ingest::ImportEnterprises(s, system(), path, dated);
  }
  if (kind->name == "designations") return ingest::ImportDesignations(s, system(), path, options);
  if (kind->name == "scale") return ingest::ImportScale(s, path, options);
  if (kind->name == "monthly") return ingest::ImportMonthly(s, path, options);
  if (kind->name == "prices") return ingest::ImportPrices(s, path, options);
  if (kind->name == "series") {
    auto plan = TargetsService(db(), caller()).Plan();
    if (!plan) return Error(plan.error());
    return ingest::ImportSeries(s, *plan, path, options);
  }
  if (kind->name == "projects") {
    auto plan = ChainsService(db(), caller()).Plan();
    if (!plan && plan.error().code() != Status::Code::kNotFound) return Error(plan.error());
    return ingest::ImportProjects(s, system(), plan ? &*plan : nullptr, path, options);
  }
  if (kind->name == "relations") return ingest::ImportRelations(s, path, options);
  if (kind->name == "prospects") return ingest::ImportProspects(s, path, options);
  return ImportMatrix(path, options);
}

// Every row must be about an enterprise of the editor's park: one already registered there, or
// (a new one) a row naming the park. Checked on the import's one reading of the file.
model::ImportOptions::CheckRow ImportService::ParkScope(const std::string& path,
                                                        const model::ImportOptions& options) {
  return [this, park = caller().park,
          shown = options.source_name.empty() ? path : options.source_name](
             std::size_t line, std::string_view uscc,
             std::optional<std::string_view> row_park) -> Status {
    auto enterprise = store().GetEnterprise(std::string(uscc));
    if (!enterprise) return enterprise.error();
    const std::string_view registered =
        *enterprise ? std::string_view((*enterprise)->park) : row_park.value_or("");
    if (registered != park || (row_park && *row_park != park)) {
      return Status::Of(Status::Code::kPermissionDenied,
                        core::Say(text::kNotOfYourPark, shown, line, uscc, park));
    }
    return Status::Ok();
  };
}

Result<model::UndoResult> ImportService::Undo(std::int64_t batch_id) {
  auto tx = store().Begin(actor());
  if (!tx) return Error(tx.error());
  auto result = (*tx)->UndoBatch(batch_id);
  if (!result) return result;
  CLUSTERSCOPE_RETURN_IF_ERROR((*tx)->Commit());
  return result;
}

Result<std::vector<model::QualityWarning>> ImportService::QualityWarnings(
    const Grant& grant, const model::QualityFilter& filter) {
  if (!grant.full())
    return Error(Status::Of(Status::Code::kPermissionDenied, core::Say(text::kNotPublished)));
  auto warnings = store().ListQualityWarnings(filter);
  if (!warnings) return warnings;
  CLUSTERSCOPE_RETURN_IF_ERROR(KeepPark(store(), grant.park(), *warnings));
  return warnings;
}

Status ImportService::ConfirmQualityWarning(std::int64_t id, const std::string& note) {
  auto tx = store().Begin(actor());
  if (!tx) return tx.error();
  CLUSTERSCOPE_RETURN_IF_ERROR((*tx)->ConfirmQualityWarning(id, note));
  return (*tx)->Commit();
}

Result<model::ImportReport> ImportService::ImportMatrix(const std::string& path,
                                                        const model::ImportOptions& options) {
  const std::string name =
      !options.benchmark.empty() ? options.benchmark : std::filesystem::path(path).stem().string();
  auto years = ingest::ReadMatrixFile(path);
  if (!years) return Error(years.error());
  std::vector<storage::BenchmarkCell> cells;
  for (const auto& [year, matrix] : *years) {
    for (const auto& c : matrix.cells()) {
      cells.push_back({year, matrix.regions()[c.region], matrix.industries()[c.industry], c.value});
    }
  }
  model::ImportReport report;
  report.kind = "matrix";
  report.file = path;
  report.rows_read = cells.size();
  auto tx = store().Begin(actor());
  if (!tx) return Error(tx.error());
  model::ImportBatch batch;
  batch.kind = "matrix";
  std::error_code ignored;
  batch.file = options.source_name.empty()
                   ? std::filesystem::absolute(path, ignored).lexically_normal().string()
                   : options.source_name;
  batch.rows_read = batch.rows_written = static_cast<std::int64_t>(cells.size());
  auto id = (*tx)->AddImportBatch(batch);
  if (!id) return Error(id.error());
  auto write = (*tx)->PutBenchmark(name, cells);
  if (!write) return Error(write.error());
  if (!options.dry_run) {
    CLUSTERSCOPE_RETURN_IF_ERROR((*tx)->Commit());
    report.written = true;
    report.batch_id = *id;
  }
  report.inserted = write->inserted;
  report.updated = write->updated;
  report.unchanged = write->unchanged;
  spdlog::info("benchmark '{}': {} cells ({} inserted, {} updated, {} unchanged, {} removed)", name,
               cells.size(), write->inserted, write->updated, write->unchanged, write->removed);
  return report;
}

}  // namespace clusterscope::app
