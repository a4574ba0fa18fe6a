// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/app/registry_service.h"

#include <filesystem>

#include "store_helpers.h"
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include "clusterscope/ingest/record_parser.h"
#include "clusterscope/ingest/table_file.h"
#include "clusterscope/text/errors.h"
#include "clusterscope/text/imports.h"

namespace clusterscope::app {
namespace {

std::string CellOf(const model::Cells& cells, const char* name) {
  const auto it = cells.find(name);
  return it == cells.end() ? std::string() : it->second;
}

Status OutsidePark(const Grant& grant) {
  return Status::Of(Status::Code::kPermissionDenied,
                    core::Say(text::kParkEditorSeesOwnPark, grant.park()));
}

}  // namespace

Result<WriteResult> RegistryService::AddEnterprise(const model::Cells& cells, int year) {
  return PutEnterprise(cells, year, false);
}

Result<WriteResult> RegistryService::UpdateEnterprise(const model::Cells& cells, int year) {
  return PutEnterprise(cells, year, true);
}

Result<WriteResult> RegistryService::PutEnterprise(const model::Cells& cells, int year,
                                                   bool must_exist) {
  const std::string uscc = CellOf(cells, "uscc");
  auto existing = store().GetEnterprise(uscc);
  if (!existing) return Error(existing.error());
  if (must_exist && !existing->has_value()) {
    return Error(Status::Of(Status::Code::kNotFound, core::Say(text::kNoSuchEnterprise, uscc)));
  }
  if (!must_exist && existing->has_value()) {
    return Error(Status::AlreadyExists(
        fmt::format("enterprise {} is already registered ({}); use `enterprise update`", uscc,
                    (*existing)->name)));
  }
  const Access access(db(), caller());
  if (existing->has_value()) CLUSTERSCOPE_RETURN_IF_ERROR(access.CheckEdits((*existing)->park));
  auto parsed = ingest::ParseEnterpriseCells(cells, existing->has_value() ? &**existing : nullptr,
                                             system(), year);
  if (!parsed.errors.empty()) return Error(IssuesToStatus(parsed.errors));
  CLUSTERSCOPE_RETURN_IF_ERROR(access.CheckEdits(parsed.enterprise.park));
  auto tx = store().Begin(actor());
  if (!tx) return Error(tx.error());
  auto change = (*tx)->PutEnterprise(parsed.enterprise);
  if (!change) return Error(change.error());
  CLUSTERSCOPE_RETURN_IF_ERROR((*tx)->Commit());
  return WriteResult{*change, std::move(parsed.warnings)};
}

Result<WriteResult> RegistryService::PutDesignation(const model::Designation& designation,
                                                    std::vector<model::CellIssue> warnings) {
  auto enterprise = store().GetEnterprise(designation.uscc);
  if (!enterprise) return Error(enterprise.error());
  if (enterprise->has_value()) {
    CLUSTERSCOPE_RETURN_IF_ERROR(Access(db(), caller()).CheckEdits((*enterprise)->park));
  }
  auto tx = store().Begin(actor());
  if (!tx) return Error(tx.error());
  auto change = (*tx)->PutDesignation(designation);
  if (!change) return Error(change.error());
  CLUSTERSCOPE_RETURN_IF_ERROR((*tx)->Commit());
  return WriteResult{*change, std::move(warnings)};
}

Result<WriteResult> RegistryService::GrantDesignation(const model::Cells& cells) {
  std::vector<model::Designation> stored;
  const ingest::FindDesignation find = [&](const std::string& uscc, const std::string& type,
                                           const core::Date& granted) -> const model::Designation* {
    auto list = store().ListDesignations({uscc, type, std::nullopt});
    if (!list) return nullptr;
    stored = std::move(*list);
    for (const auto& d : stored) {
      if (d.granted == granted) return &d;
    }
    return nullptr;
  };
  auto parsed = ingest::ParseDesignationCells(cells, system(), find);
  if (parsed.errors.empty()) {
    auto enterprise = store().GetEnterprise(parsed.designation.uscc);
    if (!enterprise) return Error(enterprise.error());
    if (!enterprise->has_value()) {
      parsed.errors.push_back(
          {"uscc", "unknown_enterprise", core::Say(text::kNotInRegistry, parsed.designation.uscc)});
    }
  }
  if (!parsed.errors.empty()) return Error(IssuesToStatus(parsed.errors));
  return PutDesignation(parsed.designation, std::move(parsed.warnings));
}

Result<WriteResult> RegistryService::WithdrawDesignation(const std::string& uscc,
                                                         const std::string& type_cell,
                                                         const std::string& date_text) {
  const auto* type = system().FindDesignationType(type_cell);
  if (type == nullptr) {
    return Error(Status::InvalidArgument(
        fmt::format("'{}' is not a designation type of {}", type_cell, system().code)));
  }
  auto date = core::Date::Parse(date_text);
  if (!date) return Error(date.error());
  auto active = store().ListDesignations({uscc, type->code, std::nullopt});
  if (!active) return Error(active.error());
  for (auto& d : *active) {
    if (!d.ActiveOn(*date, type->term_years)) continue;
    d.withdrawn = *date;
    return PutDesignation(d, {});
  }
  return Error(Status::NotFound(fmt::format("enterprise {} holds no active {} designation on {}",
                                            uscc, type->code, date->ToString())));
}

Result<model::Enterprise> RegistryService::Enterprise(const Grant& grant, const std::string& uscc) {
  if (!grant.full())
    return Error(Status::Of(Status::Code::kPermissionDenied, core::Say(text::kNotPublished)));
  auto enterprise = store().GetEnterprise(uscc);
  if (!enterprise) return Error(enterprise.error());
  if (!enterprise->has_value()) {
    return Error(Status::Of(Status::Code::kNotFound, core::Say(text::kNoSuchEnterprise, uscc)));
  }
  if (!grant.park().empty() && (*enterprise)->park != grant.park()) {
    return Error(OutsidePark(grant));
  }
  return std::move(**enterprise);
}

Result<std::vector<model::Enterprise>> RegistryService::Enterprises(
    const Grant& grant, model::EnterpriseFilter filter) {
  if (!grant.full())
    return Error(Status::Of(Status::Code::kPermissionDenied, core::Say(text::kNotPublished)));
  if (!grant.park().empty()) {
    if (!filter.park.empty() && filter.park != grant.park()) return Error(OutsidePark(grant));
    filter.park = grant.park();
  }
  return store().ListEnterprises(filter);
}

Result<std::vector<model::Designation>> RegistryService::Designations(
    const Grant& grant, const model::DesignationFilter& filter) {
  if (!grant.full())
    return Error(Status::Of(Status::Code::kPermissionDenied, core::Say(text::kNotPublished)));
  auto designations = store().ListDesignations(filter);
  if (!designations) return designations;
  CLUSTERSCOPE_RETURN_IF_ERROR(KeepPark(store(), grant.park(), *designations));
  return designations;
}

Result<EnterpriseProfile> RegistryService::Profile(const Grant& grant, const std::string& uscc) {
  auto enterprise = Enterprise(grant, uscc);
  if (!enterprise) return Error(enterprise.error());
  auto designations = store().ListDesignations({uscc, "", std::nullopt});
  if (!designations) return Error(designations.error());
  auto history = History(grant, uscc, std::nullopt);
  if (!history) return Error(history.error());
  return EnterpriseProfile{std::move(*enterprise), std::move(*designations), std::move(*history)};
}

Result<model::MonthlyHistory> RegistryService::History(const Grant& grant, const std::string& uscc,
                                                       std::optional<core::Period> period) {
  if (auto enterprise = Enterprise(grant, uscc); !enterprise) return Error(enterprise.error());
  model::MonthlyHistory history;
  auto current = store().ListMonthly(uscc, period);
  if (!current) return Error(current.error());
  auto revisions = store().ListRevisions(uscc, period);
  if (!revisions) return Error(revisions.error());
  auto batches = store().ListImportBatches();
  if (!batches) return Error(batches.error());
  history.current = std::move(*current);
  history.revisions = std::move(*revisions);
  history.batches = std::move(*batches);
  // A batch records the path a file was imported from on the server; over HTTP only its name
  // is told, as an upload's batch records the name it was sent under.
  if (caller().channel == Channel::kHttp) {
    for (auto& batch : history.batches) {
      batch.file = std::filesystem::path(batch.file).filename().string();
    }
  }
  return history;
}

Result<std::size_t> RegistryService::SaveList(const std::string& name, const std::string& path) {
  if (name.empty()) return Error(Status::InvalidArgument("a list needs a name"));
  auto table = ingest::ReadTableFile(path, "");
  if (!table) return Error(table.error());
  auto columns =
      ingest::MapColumns(*table, {{"uscc", {"统一社会信用代码", "社会信用代码", "信用代码"}, true},
                                  {"name", {"企业名称", "单位名称"}, false}});
  if (!columns) return Error(columns.error());
  std::vector<std::string> usccs;
  std::vector<std::string> unknown;
  for (const auto& record : table->rows) {
    const std::string uscc(columns->Cell(record, "uscc"));
    if (uscc.empty()) continue;
    auto found = store().GetEnterprise(uscc);
    if (!found) return Error(found.error());
    if (!found->has_value()) {
      unknown.push_back(fmt::format("{} (line {})", uscc, record.line));
      continue;
    }
    usccs.push_back(uscc);
  }
  if (!unknown.empty()) {
    return Error(Status::NotFound(
        fmt::format("{}: not in the registry: {}", path, fmt::join(unknown, ", "))));
  }
  if (usccs.empty()) {
    return Error(Status::InvalidArgument(fmt::format("{}: the list has no enterprises", path)));
  }
  auto tx = store().Begin(actor());
  if (!tx) return Error(tx.error());
  CLUSTERSCOPE_RETURN_IF_ERROR((*tx)->PutEnterpriseList(name, usccs));
  CLUSTERSCOPE_RETURN_IF_ERROR((*tx)->Commit());
  return usccs.size();
}

Status RegistryService::DeleteList(const std::string& name) {
  auto lists = store().ListEnterpriseLists();
  if (!lists) return lists.error();
  if (lists->count(name) == 0) {
    return Status::NotFound(fmt::format("there is no saved list '{}'", name));
  }
  auto tx = store().Begin(actor());
  if (!tx) return tx.error();
  CLUSTERSCOPE_RETURN_IF_ERROR((*tx)->PutEnterpriseList(name, {}));
  return (*tx)->Commit();
}

Result<std::map<std::string, std::vector<std::string>>> RegistryService::Lists() {
  return store().ListEnterpriseLists();
}

Result<std::vector<model::AuditEntry>> RegistryService::Changes(const Grant& grant,
                                                                const model::AuditFilter& filter) {
  if (!grant.full() || !grant.park().empty()) {
    return Error(
        Status::Of(Status::Code::kPermissionDenied, core::Say(text::kAuditLogForAnalysts)));
  }
  return store().ListAudit(filter);
}

Result<ClusterCounts> RegistryService::CountsByCluster() {
  auto enterprises = store().ListEnterprises({});
  if (!enterprises) return Error(enterprises.error());
  ClusterCounts counts;
  for (const auto& e : *enterprises) {
    if (!e.cluster.empty()) ++counts[e.cluster];
  }
  return counts;
}

Result<Holdings> RegistryService::Summary() {
  auto enterprises = store().ListEnterprises({});
  if (!enterprises) return Error(enterprises.error());
  auto coverage = store().MonthlySummary();
  if (!coverage) return Error(coverage.error());
  auto designations = store().ListDesignations({});
  if (!designations) return Error(designations.error());
  auto warnings = store().ListQualityWarnings({std::nullopt, "open", "", ""});
  if (!warnings) return Error(warnings.error());
  Holdings out;
  out.enterprises = enterprises->size();
  for (const auto& e : *enterprises) {
    for (const auto& [year, flag] : e.above_scale) out.above_scale[year] += flag ? 1 : 0;
  }
  out.monthly = *coverage;
  out.designations = designations->size();
  out.open_warnings = warnings->size();
  return out;
}

Result<std::pair<std::int64_t, std::int64_t>> RegistryService::VerifyMonthly() {
  auto checked = store().VerifyMonthly();
  if (!checked) return checked;
  // The engine's panel image is a cache of the segments: a damaged one is deleted, and the
  // next engine rebuilds it from the segments just verified.
  auto image = store().FactCachePath(kPanelCache);
  if (!image) return Error(image.error());
  if (image->has_value() && std::filesystem::exists(**image)) {
    if (const Status verified = engine::Panel::VerifyImage(**image); !verified.ok()) {
      spdlog::warn("{}; deleted, the next report rebuilds it", verified.message());
      std::filesystem::remove(**image);
    }
  }
  return checked;
}

}  // namespace clusterscope::app
