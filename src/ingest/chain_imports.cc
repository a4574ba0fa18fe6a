// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/ingest/chain_imports.h"

#include <map>
#include <set>

#include "import_steps.h"
#include <fmt/format.h>

#include "clusterscope/core/classification.h"
#include "clusterscope/core/credit_code.h"
#include "clusterscope/core/period.h"
#include "clusterscope/core/text.h"
#include "clusterscope/text/imports.h"

namespace clusterscope::ingest {

using detail::Accepted;
using detail::RowIssues;

const std::vector<ColumnSpec>& ProjectColumns() {
  static const std::vector<ColumnSpec> kColumns = {
      {"code", {"项目编号", "编号"}, true},
      {"name", {"项目名称"}, true},
      {"investor", {"投资方", "投资主体"}, false},
      {"cluster", {"集群", "产业集群"}, false},
      {"chain", {"产业链"}, false},
      {"link", {"链条环节", "环节"}, false},
      {"park", {"园区"}, false},
      {"uscc", {"项目公司信用代码", "统一社会信用代码"}, false},
      {"total_investment", {"总投资", "总投资（万元）"}, false},
      {"phase", {"期次", "分期"}, false},
      {"phase_investment", {"分期投资", "分期投资（万元）"}, false},
      {"capacity", {"产能"}, false},
      {"capacity_unit", {"产能单位"}, false},
      {"annual_sales", {"达产年销售收入", "达产销售收入（万元）"}, false},
      {"phase_production", {"分期投产日期"}, false},
      {"ramp_months", {"爬坡月数"}, false},
      {"curve", {"爬坡曲线"}, false},
      {"stage", {"阶段", "项目阶段"}, false},
      {"lead_date", {"线索日期"}, false},
      {"signed_date", {"签约日期"}, false},
      {"registered_date", {"落地日期", "注册日期"}, false},
      {"construction_date", {"开工日期"}, false},
      {"production_date", {"投产日期"}, false},
      {"full_production_date", {"达产日期"}, false},
      {"planned_signed", {"计划签约日期"}, false},
      {"planned_registered", {"计划落地日期"}, false},
      {"planned_construction", {"计划开工日期"}, false},
      {"planned_production", {"计划投产日期"}, false},
      {"planned_full_production", {"计划达产日期"}, false},
      {"reason", {"说明", "变更原因"}, false},
      {"note", {"备注"}, false},
  };
  return kColumns;
}

const std::vector<ColumnSpec>& RelationColumns() {
  static const std::vector<ColumnSpec> kColumns = {
      {"buyer", {"采购方", "采购方信用代码"}, true},
      {"supplier", {"供应方", "供应方信用代码"}, true},
      {"period", {"期别", "年份"}, true},
      {"value", {"采购额", "金额", "金额（万元）"}, true},
  };
  return kColumns;
}

const std::vector<ColumnSpec>& ProspectColumns() {
  static const std::vector<ColumnSpec> kColumns = {
      {"uscc", {"统一社会信用代码", "信用代码"}, true},
      {"name", {"企业名称"}, true},
      {"industry_code", {"行业代码", "国民经济行业代码"}, true},
      {"region", {"所在地区", "地区"}, false},
      {"revenue", {"营业收入", "营业收入（万元）"}, false},
      {"products", {"主要产品", "产品"}, false},
  };
  return kColumns;
}

namespace {

std::optional<double> Number(const ColumnMap& columns, const core::CsvRecord& record,
                             std::string_view column, ParsedRecord& parsed, bool negative_ok) {
  const auto cell = columns.Cell(record, column);
  if (cell.empty()) return std::nullopt;
  auto value = core::ParseDecimal(cell);
  if (!value) {
    parsed.errors.push_back({std::string(column), "malformed_number",
                             text::Refused(text::kNotANumber, cell, value.error().message())});
    return std::nullopt;
  }
  if (!negative_ok && *value < 0) {
    parsed.errors.push_back({std::string(column), "negative_value", core::Say(text::kNegative)});
    return std::nullopt;
  }
  return *value;
}

std::optional<core::Date> DateCell(const ColumnMap& columns, const core::CsvRecord& record,
                                   std::string_view column, ParsedRecord& parsed) {
  const auto cell = columns.Cell(record, column);
  if (cell.empty()) return std::nullopt;
  auto date = core::Date::Parse(cell);
  if (!date) {
    parsed.errors.push_back({std::string(column), "malformed_date",
                             text::Refused(text::kNotADate, cell, date.error().message())});
    return std::nullopt;
  }
  return *date;
}

void CheckCode(std::string_view column, std::string_view code, ParsedRecord& parsed) {
  if (auto issue = CheckCreditCode(column, code)) parsed.errors.push_back(std::move(*issue));
}

}  // namespace

Result<ImportReport> ImportRelations(storage::Store& store, const std::string& path,
                                     const ImportOptions& options) {
  auto registry = store.ListEnterprises({});
  if (!registry) return Error(registry.error());
  std::set<std::string> local;
  for (const auto& e : *registry) local.insert(e.uscc);
  return detail::ImportRows<model::SupplyRelation>(
      store, path, RelationColumns(), "relations", options,
      [&](const core::CsvRecord& record, const ColumnMap& columns, model::SupplyRelation& r,
          ParsedRecord& parsed) {
        r.buyer = std::string(columns.Cell(record, "buyer"));
        r.supplier = std::string(columns.Cell(record, "supplier"));
        CheckCode("buyer", r.buyer, parsed);
        CheckCode("supplier", r.supplier, parsed);
        if (parsed.errors.empty() && local.count(r.buyer) == 0) {
          parsed.errors.push_back(
              {"buyer", "unknown_enterprise", core::Say(text::kBuyerNotLocal, r.buyer)});
        }
        if (r.buyer == r.supplier && !r.buyer.empty()) {
          parsed.errors.push_back({"supplier", "self_supply", core::Say(text::kSelfSupply)});
        }
        const std::string period(columns.Cell(record, "period"));
        if (!detail::ParseYearOrMonth(period, r.year, r.month)) {
          parsed.errors.push_back(
              {"period", "malformed_period", core::Say(text::kNotYearOrMonth, period)});
        }
        const auto value = Number(columns, record, "value", parsed, false);
        if (!value && parsed.errors.empty()) {
          parsed.errors.push_back({"value", "missing_value", core::Say(text::kPurchaseNeedsValue)});
        }
        r.value = value.value_or(0);
      },
      [](const model::SupplyRelation& r) {
        return r.month == 0 ? fmt::format("{} → {} {}", r.buyer, r.supplier, r.year)
                            : fmt::format("{} → {} {}-{:02}", r.buyer, r.supplier, r.year, r.month);
      },
      [](storage::Transaction& tx, const model::SupplyRelation& r) {
        return tx.PutSupplyRelation(r);
      });
}

Result<ImportReport> ImportProspects(storage::Store& store, const std::string& path,
                                     const ImportOptions& options) {
  auto registry = store.ListEnterprises({});
  if (!registry) return Error(registry.error());
  std::set<std::string> local;
  for (const auto& e : *registry) local.insert(e.uscc);
  const auto& industries = core::IndustryClassification::Gbt4754();
  return detail::ImportRows<model::Prospect>(
      store, path, ProspectColumns(), "prospects", options,
      [&](const core::CsvRecord& record, const ColumnMap& columns, model::Prospect& p,
          ParsedRecord& parsed) {
        p.uscc = std::string(columns.Cell(record, "uscc"));
        CheckCode("uscc", p.uscc, parsed);
        p.name = std::string(columns.Cell(record, "name"));
        if (p.name.empty())
          parsed.errors.push_back({"name", "missing_name", core::Say(text::kNameRequired)});
        p.industry_code = std::string(columns.Cell(record, "industry_code"));
        if (const Status status = industries.CheckClass(p.industry_code); !status.ok()) {
          parsed.errors.push_back(
              {"industry_code", "unknown_industry_class",
               text::Refused(text::kUnknownIndustryClass, p.industry_code, status.message())});
        }
        p.region = std::string(columns.Cell(record, "region"));
        p.revenue = Number(columns, record, "revenue", parsed, false);
        p.products = std::string(columns.Cell(record, "products"));
        if (local.count(p.uscc) != 0) {
          parsed.warnings.push_back({"uscc", "already_local", core::Say(text::kAlreadyLocal)});
        }
      },
      [](const model::Prospect& p) { return p.uscc; },
      [](storage::Transaction& tx, const model::Prospect& p) { return tx.PutProspect(p); });
}

namespace {

// A project's own columns, which each of its phase rows repeats.
std::vector<std::string> ProjectLevelColumns() {
  std::vector<std::string> out;
  for (const auto& spec : ProjectColumns()) {
    const std::string name(spec.name);
    if (name == "phase" || name == "phase_investment" || name == "capacity" ||
        name == "capacity_unit" || name == "annual_sales" || name == "phase_production" ||
        name == "reason") {
      continue;
    }
    out.push_back(name);
  }
  return out;
}

struct ProjectRow {
  model::Project project;  // with its one phase
  std::string reason;
  bool has_stage = false;
};

// The phase a project row describes: its number, investment, capacity, sales, production.
model::ProjectPhase ReadPhase(const core::CsvRecord& record, const ColumnMap& columns,
                              ParsedRecord& parsed) {
  model::ProjectPhase phase;
  if (const auto number = Number(columns, record, "phase", parsed, false)) {
    phase.number = static_cast<int>(*number);
  }
  phase.investment = Number(columns, record, "phase_investment", parsed, false);
  phase.capacity = Number(columns, record, "capacity", parsed, false);
  phase.capacity_unit = std::string(columns.Cell(record, "capacity_unit"));
  if (phase.capacity && phase.capacity_unit.empty()) {
    parsed.errors.push_back(
        {"capacity_unit", "capacity_without_unit", core::Say(text::kCapacityNeedsUnit)});
  }
  phase.annual_sales = Number(columns, record, "annual_sales", parsed, false);
  phase.production = DateCell(columns, record, "phase_production", parsed);
  return phase;
}

ProjectRow ParseProjectRow(const core::CsvRecord& record, const ColumnMap& columns,
                           const model::ClusterSystem& system, const model::ChainPlan* chains,
                           ParsedRecord& parsed) {
  ProjectRow row;
  auto& p = row.project;
  const auto cell = [&](std::string_view c) { return std::string(columns.Cell(record, c)); };
  p.code = cell("code");
  p.name = cell("name");
  p.investor = cell("investor");
  p.cluster = cell("cluster");
  p.chain = cell("chain");
  p.link = cell("link");
  p.park = cell("park");
  p.uscc = cell("uscc");
  p.note = cell("note");
  row.reason = cell("reason");
  if (p.code.empty())
    parsed.errors.push_back({"code", "missing_code", core::Say(text::kProjectNeedsCode)});
  if (p.name.empty())
    parsed.errors.push_back({"name", "missing_name", core::Say(text::kProjectNeedsName)});
  if (!p.cluster.empty() && system.FindCluster(p.cluster) == nullptr) {
    parsed.errors.push_back(
        {"cluster", "unknown_cluster", core::Say(text::kNotAClusterOfSystem, p.cluster)});
  }
  if (!p.park.empty() && system.FindPark(p.park) == nullptr) {
    parsed.errors.push_back({"park", "unknown_park", core::Say(text::kNotAParkOfSystem, p.park)});
  }
  if (!p.uscc.empty()) CheckCode("uscc", p.uscc, parsed);
  if (!p.chain.empty()) {
    const model::Chain* chain = chains != nullptr ? chains->FindChain(p.chain) : nullptr;
    if (chain == nullptr) {
      parsed.errors.push_back({"chain", "unknown_chain", core::Say(text::kNotAChain, p.chain)});
    } else if (!p.link.empty() && chain->FindLink(p.link) == nullptr) {
      parsed.errors.push_back(
          {"link", "unknown_link", core::Say(text::kNotALink, p.link, p.chain)});
    }
  } else if (!p.link.empty()) {
    parsed.errors.push_back({"link", "link_without_chain", core::Say(text::kLinkNeedsChain)});
  }
  p.total_investment = Number(columns, record, "total_investment", parsed, false);
  p.phases.push_back(ReadPhase(record, columns, parsed));
  if (const auto months = Number(columns, record, "ramp_months", parsed, false)) {
    p.ramp_months = static_cast<int>(*months);
  }
  if (const auto curve = cell("curve"); !curve.empty()) {
    if (const auto parsed_curve = model::ParseRampCurve(curve)) {
      p.curve = *parsed_curve;
    } else {
      parsed.errors.push_back({"curve", "unknown_curve", core::Say(text::kNotACurve, curve)});
    }
  }
  for (const auto& info : model::Stages()) {
    const auto s = static_cast<std::size_t>(info.stage);
    p.reached[s] = DateCell(columns, record, fmt::format("{}_date", info.code), parsed);
    if (info.stage != model::Stage::kLead) {
      p.planned[s] = DateCell(columns, record, fmt::format("planned_{}", info.code), parsed);
    }
  }
  // The stage: as given, else the last stage with a date.
  if (const auto stage = cell("stage"); !stage.empty()) {
    if (const auto parsed_stage = model::ParseStage(stage)) {
      p.stage = *parsed_stage;
      row.has_stage = true;
    } else {
      parsed.errors.push_back({"stage", "unknown_stage", core::Say(text::kNotAStage, stage)});
    }
  } else {
    for (const auto& info : model::Stages()) {
      if (p.reached[static_cast<std::size_t>(info.stage)]) p.stage = info.stage;
    }
  }
  return row;
}

// A project file's rows gathered by project: rows are checked one by one, then each project as
// a whole; a project is written only if all of its rows passed.
class ProjectImport {
 public:
  ProjectImport(const detail::OpenedFile& file, const std::vector<model::Project>& stored,
                const model::ClusterSystem& system, const model::ChainPlan* chains,
                ImportReport& report)
      : table_(file.table),
        columns_(file.columns),
        system_(system),
        chains_(chains),
        report_(report) {
    for (const auto& p : stored) stored_[p.code] = &p;
  }

  void Run() {
    for (const auto& record : table_.rows) Gather(record);
    for (const auto& code : order_) Judge(code);
  }
  const std::vector<Accepted<ProjectRow>>& accepted() const { return accepted_; }
  const std::vector<RejectedRow>& rejected() const { return rejected_; }
  const model::Project* Stored(const std::string& code) const {
    const auto it = stored_.find(code);
    return it == stored_.end() ? nullptr : it->second;
  }

 private:
  struct Gathered {
    const core::CsvRecord* first = nullptr;
    ProjectRow row;
    std::vector<const core::CsvRecord*> records;
  };

  // Checks one row and adds it to its project: its phase, or a mismatch with the first row.
  void Gather(const core::CsvRecord& record) {
    ++report_.rows_read;
    RowIssues issues(table_, columns_, record, report_);
    std::string code(columns_.Cell(record, "code"));
    if (!issues.FieldCountOk()) {  // unreadable: belongs to no project
      ++report_.rows_rejected;
      rejected_.push_back({record, issues.Reasons()});
      return;
    }
    ParsedRecord parsed;
    auto row = ParseProjectRow(record, columns_, system_, chains_, parsed);
    const std::string key = fmt::format("{} phase {}", code, row.project.phases[0].number);
    if (const auto [it, added] = phase_lines_.emplace(key, record.line); !added) {
      parsed.errors.push_back(
          {"phase", "duplicate_key", core::Say(text::kKeyRepeated, key, it->second)});
    }
    auto [g, added] = projects_.try_emplace(code);
    if (added) {
      order_.push_back(code);
      g->second.first = &record;
      g->second.row = row;
    } else {
      for (const auto& column : level_columns_) {
        if (columns_.Cell(record, column) != columns_.Cell(*g->second.first, column)) {
          parsed.errors.push_back({column, "project_mismatch",
                                   core::Say(text::kDiffersFromLine, g->second.first->line, code)});
        }
      }
      if (parsed.errors.empty()) g->second.row.project.phases.push_back(row.project.phases[0]);
    }
    g->second.records.push_back(&record);
    issues.Add(parsed);
    if (issues.failed()) {
      failed_.insert(code);
      row_reasons_[&record] = issues.Reasons();
    }
  }

  // Whole-project checks of a project whose rows all passed: the model's rules, and the move
  // from the stored stage or a new project's history.
  std::vector<CellIssue> ProjectErrors(const std::string& code, const Gathered& g) const {
    const auto& p = g.row.project;
    std::vector<CellIssue> errors;
    for (const auto& problem : p.Check()) {
      const core::Text message{problem.MessageIn(core::Language::kZh), problem.message};
      errors.push_back({"", "project_rule", core::Say(text::kProjectRule, problem.key, message)});
    }
    const model::Project* stored = Stored(code);
    if (stored != nullptr && stored->stage != p.stage) {
      const auto since = stored->reached[static_cast<std::size_t>(stored->stage)];
      const auto date = p.reached[static_cast<std::size_t>(p.stage)];
      const Status move = model::CheckMove(
          *stored, p.stage, date.value_or(since.value_or(core::Date{})), g.row.reason);
      if (!move.ok()) {
        errors.push_back(
            {"stage", "stage_order", {move.message(core::Language::kZh), move.message()}});
      }
    } else if (stored == nullptr && g.row.reason.empty()) {
      // A new project's history: from its first dated stage on, no stage may be undated.
      bool dated = false;
      for (const auto& info : model::Stages()) {
        if (info.stage > p.stage) break;
        const bool has = p.reached[static_cast<std::size_t>(info.stage)].has_value();
        if (dated && !has) {
          errors.push_back({std::string(info.code) + "_date", "stage_skipped",
                            core::Say(text::kStageSkipped, code, model::InfoOf(p.stage).code,
                                      info.code, info.name_zh)});
          break;
        }
        dated = dated || has;
      }
    }
    return errors;
  }

  void Judge(const std::string& code) {
    auto& g = projects_[code];
    auto& p = g.row.project;
    std::sort(p.phases.begin(), p.phases.end(),
              [](const auto& a, const auto& b) { return a.number < b.number; });
    // A stored project keeps the dates of the stages up to its new one that the file leaves
    // empty: a file that gives only the latest stage does not erase the history.
    if (const model::Project* stored = Stored(code)) {
      for (std::size_t s = 0; s <= static_cast<std::size_t>(p.stage); ++s) {
        if (!p.reached[s]) p.reached[s] = stored->reached[s];
      }
    }
    const bool rows_failed = failed_.count(code) != 0;
    const std::vector<CellIssue> errors =
        rows_failed ? std::vector<CellIssue>{} : ProjectErrors(code, g);
    if (errors.empty() && !rows_failed) {
      accepted_.push_back({g.first, g.row});
    } else {
      Reject(code, g, errors);
    }
  }

  // Rejects every row of a project: the project's errors on its first row, and a good row told
  // why it is not written.
  void Reject(const std::string& code, const Gathered& g, const std::vector<CellIssue>& errors) {
    for (const auto* record : g.records) {
      RowIssues issues(table_, columns_, *record, report_);
      if (record == g.first) {
        for (const auto& e : errors) issues.Fail(e);
      }
      std::string reasons = row_reasons_[record];
      if (issues.failed()) reasons += (reasons.empty() ? "" : "; ") + issues.Reasons();
      if (reasons.empty()) {
        issues.Fail(
            {"", "project_rejected", core::Say(text::kProjectHasErrors, code, g.first->line)});
        reasons = issues.Reasons();
      }
      ++report_.rows_rejected;
      rejected_.push_back({*record, reasons});
    }
  }

  const CsvTable& table_;
  const ColumnMap& columns_;
  const model::ClusterSystem& system_;
  const model::ChainPlan* chains_;
  ImportReport& report_;
  std::map<std::string, const model::Project*> stored_;
  const std::vector<std::string> level_columns_ = ProjectLevelColumns();
  std::map<std::string, Gathered> projects_;
  std::vector<std::string> order_;
  std::set<std::string> failed_;                               // projects with a bad row
  std::map<std::string, std::size_t> phase_lines_;             // "code phase n" -> its line
  std::map<const core::CsvRecord*, std::string> row_reasons_;  // of rows that failed alone
  std::vector<Accepted<ProjectRow>> accepted_;
  std::vector<RejectedRow> rejected_;
};

}  // namespace

Result<ImportReport> ImportProjects(storage::Store& store, const model::ClusterSystem& system,
                                    const model::ChainPlan* chains, const std::string& path,
                                    const ImportOptions& options) {
  auto file = detail::OpenFile(path, ProjectColumns(), options);
  if (!file) return Error(file.error());
  auto stored_projects = store.ListProjects();
  if (!stored_projects) return Error(stored_projects.error());
  ImportReport report;
  report.kind = "projects";
  report.file = path;
  file->Describe(report);
  ProjectImport projects(*file, *stored_projects, system, chains, report);
  projects.Run();
  return detail::Write(
      store, file->table, projects.accepted(), projects.rejected(), options, std::move(report),
      [&](storage::Transaction& tx, const Accepted<ProjectRow>& a) -> Result<storage::Change> {
        const auto& p = a.value.project;
        if (const auto* stored = projects.Stored(p.code);
            stored != nullptr && stored->stage != p.stage) {
          const auto date = p.reached[static_cast<std::size_t>(p.stage)];
          CLUSTERSCOPE_RETURN_IF_ERROR(
              tx.AddProjectMove(p.code, {stored->stage, p.stage, date.value_or(core::Date{}),
                                         a.value.reason.empty() ? "import" : a.value.reason}));
        }
        return tx.PutProject(p);
      });
}

}  // namespace clusterscope::ingest
