// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "chain_work.h"

#include <fmt/format.h>

namespace clusterscope::storage::sqlite {
namespace {

using Fields = std::vector<std::pair<std::string, std::optional<std::string>>>;

std::optional<std::string> Text(const std::optional<double>& value) {
  if (!value) return std::nullopt;
  return fmt::format("{}", *value);
}
std::optional<std::string> Text(const std::string& value) {
  if (value.empty()) return std::nullopt;
  return value;
}
std::optional<std::string> Text(const std::optional<core::Date>& date) {
  if (!date) return std::nullopt;
  return date->ToString();
}

std::optional<core::Date> DateOf(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  auto date = core::Date::Parse(*text);
  if (!date) return std::nullopt;
  return *date;
}

// Audits the fields that differ between the stored record (empty when new) and the new one.
Status AuditFields(const AuditFn& audit, std::string_view entity, std::string_view key,
                   const std::optional<Fields>& before, const Fields& after) {
  if (!before) {
    for (const auto& [field, value] : after) {
      if (value) CLUSTERSCOPE_RETURN_IF_ERROR(audit("insert", entity, key, field, {}, value));
    }
    return Status::Ok();
  }
  for (const auto& [field, value] : after) {
    std::optional<std::string> old;
    for (const auto& [f, v] : *before) {
      if (f == field) old = v;
    }
    if (old != value) CLUSTERSCOPE_RETURN_IF_ERROR(audit("update", entity, key, field, old, value));
  }
  for (const auto& [field, value] : *before) {  // fields that went away (a dropped phase)
    bool kept = false;
    for (const auto& [f, v] : after) kept = kept || f == field;
    if (!kept && value)
      CLUSTERSCOPE_RETURN_IF_ERROR(audit("update", entity, key, field, value, {}));
  }
  return Status::Ok();
}

Fields ProjectFields(const model::Project& p) {
  Fields out = {{"name", Text(p.name)},
                {"investor", Text(p.investor)},
                {"cluster", Text(p.cluster)},
                {"chain", Text(p.chain)},
                {"link", Text(p.link)},
                {"park", Text(p.park)},
                {"uscc", Text(p.uscc)},
                {"total_investment", Text(p.total_investment)},
                {"stage", std::string(model::InfoOf(p.stage).code)},
                {"ramp_months", std::to_string(p.ramp_months)},
                {"curve", std::string(model::RampCurveName(p.curve))},
                {"note", Text(p.note)}};
  for (const auto& info : model::Stages()) {
    const auto s = static_cast<std::size_t>(info.stage);
    out.emplace_back(fmt::format("{}_date", info.code), Text(p.reached[s]));
    out.emplace_back(fmt::format("planned_{}", info.code), Text(p.planned[s]));
  }
  for (const auto& phase : p.phases) {
    const std::string at = fmt::format("phase{}.", phase.number);
    out.emplace_back(at + "investment", Text(phase.investment));
    out.emplace_back(at + "capacity", Text(phase.capacity));
    out.emplace_back(at + "capacity_unit", Text(phase.capacity_unit));
    out.emplace_back(at + "annual_sales", Text(phase.annual_sales));
    out.emplace_back(at + "production", Text(phase.production));
  }
  return out;
}

std::string_view KindName(PlanKind kind) {
  switch (kind) {
    case PlanKind::kTargets:
      return "targets";
    case PlanKind::kChains:
      return "chains";
    case PlanKind::kAnalytics:
      return "analytics";
    case PlanKind::kInputOutput:
      return "io_table";
  }
  return "targets";
}

// The audit log's entity for a plan of this kind.
std::string_view AuditEntity(PlanKind kind) {
  switch (kind) {
    case PlanKind::kTargets:
      return "target_plan";
    case PlanKind::kChains:
      return "chain_plan";
    case PlanKind::kAnalytics:
      return "analytics_plan";
    case PlanKind::kInputOutput:
      return "io_table";
  }
  return "target_plan";
}

}  // namespace

Status PutPlan(Connection& db, PlanKind kind, const std::string& file, const std::string& text,
               std::string_view at, std::string_view actor, const AuditFn& audit) {
  auto current = LoadPlan(db, kind);
  if (!current) return current.error();
  if (*current && (*current)->second == text) return Status::Ok();
  auto put = db.Prepare(
      "INSERT INTO plan_document (kind, file, text, loaded_at, actor) VALUES (?, ?, ?, ?, ?)");
  if (!put) return put.error();
  put->Bind(1, KindName(kind)).Bind(2, file).Bind(3, text).Bind(4, at).Bind(5, actor);
  CLUSTERSCOPE_RETURN_IF_ERROR(put->Run());
  return audit(current->has_value() ? "update" : "insert", AuditEntity(kind), file, "text",
               std::nullopt, fmt::format("{} bytes", text.size()));
}

Result<std::optional<std::pair<std::string, std::string>>> LoadPlan(Connection& db, PlanKind kind) {
  auto stmt =
      db.Prepare("SELECT file, text FROM plan_document WHERE kind = ? ORDER BY id DESC LIMIT 1");
  if (!stmt) return Error(stmt.error());
  stmt->Bind(1, KindName(kind));
  auto row = stmt->Step();
  if (!row) return Error(row.error());
  if (!*row) return std::optional<std::pair<std::string, std::string>>();
  return std::optional<std::pair<std::string, std::string>>(
      std::make_pair(stmt->Text(0), stmt->Text(1)));
}

Result<std::vector<model::Project>> ListProjects(Connection& db) {
  auto stmt = db.Prepare(
      "SELECT code, name, investor, cluster, chain, link, park, uscc, total_investment, stage, "
      "ramp_months, curve, note, reached_0, reached_1, reached_2, reached_3, reached_4, "
      "reached_5, planned_0, planned_1, planned_2, planned_3, planned_4, planned_5 FROM project "
      "ORDER BY code");
  if (!stmt) return Error(stmt.error());
  std::vector<model::Project> out;
  CLUSTERSCOPE_RETURN_IF_ERROR(ForEachRow(*stmt, [&] {
    model::Project p;
    p.code = stmt->Text(0);
    p.name = stmt->Text(1);
    p.investor = stmt->Text(2);
    p.cluster = stmt->Text(3);
    p.chain = stmt->Text(4);
    p.link = stmt->Text(5);
    p.park = stmt->Text(6);
    p.uscc = stmt->Text(7);
    p.total_investment = stmt->OptionalReal(8);
    p.stage = static_cast<model::Stage>(stmt->Int(9));
    p.ramp_months = static_cast<int>(stmt->Int(10));
    p.curve = model::ParseRampCurve(stmt->Text(11)).value_or(model::RampCurve::kLinear);
    p.note = stmt->Text(12);
    for (std::size_t s = 0; s < model::kStageCount; ++s) {
      p.reached[s] = DateOf(stmt->OptionalText(13 + static_cast<int>(s)));
      p.planned[s] = DateOf(stmt->OptionalText(19 + static_cast<int>(s)));
    }
    out.push_back(std::move(p));
  }));
  auto phases = db.Prepare(
      "SELECT project, number, investment, capacity, capacity_unit, annual_sales, production "
      "FROM project_phase ORDER BY project, number");
  if (!phases) return Error(phases.error());
  std::size_t i = 0;
  CLUSTERSCOPE_RETURN_IF_ERROR(ForEachRow(*phases, [&] {
    const std::string code = phases->Text(0);
    while (i < out.size() && out[i].code < code) ++i;
    if (i == out.size() || out[i].code != code) return;
    out[i].phases.push_back({static_cast<int>(phases->Int(1)), phases->OptionalReal(2),
                             phases->OptionalReal(3), phases->Text(4), phases->OptionalReal(5),
                             DateOf(phases->OptionalText(6))});
  }));
  return out;
}

Result<Change> PutProject(Connection& db, const model::Project& project, const AuditFn& audit) {
  auto all = ListProjects(db);
  if (!all) return Error(all.error());
  std::optional<Fields> before;
  for (const auto& p : *all) {
    if (p.code == project.code) before = ProjectFields(p);
  }
  const Fields after = ProjectFields(project);
  if (before && *before == after) return Change::kUnchanged;
  auto put = db.Prepare(
      "INSERT INTO project (code, name, investor, cluster, chain, link, park, uscc, "
      "total_investment, stage, ramp_months, curve, note, reached_0, reached_1, reached_2, "
      "reached_3, reached_4, reached_5, planned_0, planned_1, planned_2, planned_3, planned_4, "
      "planned_5) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?) ON CONFLICT (code) DO UPDATE SET name = excluded.name, investor = excluded.investor, "
      "cluster = excluded.cluster, chain = excluded.chain, link = excluded.link, park = "
      "excluded.park, uscc = excluded.uscc, total_investment = excluded.total_investment, stage "
      "= excluded.stage, ramp_months = excluded.ramp_months, curve = excluded.curve, note = "
      "excluded.note, reached_0 = excluded.reached_0, reached_1 = excluded.reached_1, reached_2 "
      "= excluded.reached_2, reached_3 = excluded.reached_3, reached_4 = excluded.reached_4, "
      "reached_5 = excluded.reached_5, planned_0 = excluded.planned_0, planned_1 = "
      "excluded.planned_1, planned_2 = excluded.planned_2, planned_3 = excluded.planned_3, "
      "planned_4 = excluded.planned_4, planned_5 = excluded.planned_5");
  if (!put) return Error(put.error());
  const auto& p = project;
  put->Bind(1, p.code).Bind(2, p.name).Bind(3, p.investor).Bind(4, p.cluster).Bind(5, p.chain);
  put->Bind(6, p.link).Bind(7, p.park).Bind(8, p.uscc).Bind(9, p.total_investment);
  put->Bind(10, static_cast<std::int64_t>(p.stage)).Bind(11, std::int64_t{p.ramp_months});
  put->Bind(12, model::RampCurveName(p.curve)).Bind(13, p.note);
  for (std::size_t s = 0; s < model::kStageCount; ++s) {
    put->Bind(14 + static_cast<int>(s), Text(p.reached[s]));
    put->Bind(20 + static_cast<int>(s), Text(p.planned[s]));
  }
  CLUSTERSCOPE_RETURN_IF_ERROR(put->Run());
  auto clear = db.Prepare("DELETE FROM project_phase WHERE project = ?");
  if (!clear) return Error(clear.error());
  clear->Bind(1, p.code);
  CLUSTERSCOPE_RETURN_IF_ERROR(clear->Run());
  auto phase = db.Prepare(
      "INSERT INTO project_phase (project, number, investment, capacity, capacity_unit, "
      "annual_sales, production) VALUES (?, ?, ?, ?, ?, ?, ?)");
  if (!phase) return Error(phase.error());
  for (const auto& ph : p.phases) {
    phase->Bind(1, p.code).Bind(2, std::int64_t{ph.number}).Bind(3, ph.investment);
    phase->Bind(4, ph.capacity).Bind(5, ph.capacity_unit).Bind(6, ph.annual_sales);
    phase->Bind(7, Text(ph.production));
    CLUSTERSCOPE_RETURN_IF_ERROR(phase->Run());
    phase->Reset();
  }
  CLUSTERSCOPE_RETURN_IF_ERROR(AuditFields(audit, "project", p.code, before, after));
  return before ? Change::kUpdated : Change::kInserted;
}

Status AddProjectMove(Connection& db, std::string_view project, const model::StageMove& move,
                      std::string_view at, std::string_view actor) {
  auto stmt = db.Prepare(
      "INSERT INTO project_move (project, from_stage, to_stage, date, reason, at, actor) VALUES "
      "(?, ?, ?, ?, ?, ?, ?)");
  if (!stmt) return stmt.error();
  stmt->Bind(1, project).Bind(2, static_cast<std::int64_t>(move.from));
  stmt->Bind(3, static_cast<std::int64_t>(move.to)).Bind(4, move.date.ToString());
  stmt->Bind(5, move.reason).Bind(6, at).Bind(7, actor);
  return stmt->Run();
}

Result<std::vector<ProjectMoveRecord>> ListProjectMoves(Connection& db, std::string_view project) {
  auto stmt = db.Prepare(
      "SELECT project, from_stage, to_stage, date, reason, at, actor FROM project_move WHERE ? = "
      "'' OR project = ? ORDER BY id");
  if (!stmt) return Error(stmt.error());
  stmt->Bind(1, project).Bind(2, project);
  std::vector<ProjectMoveRecord> out;
  CLUSTERSCOPE_RETURN_IF_ERROR(ForEachRow(*stmt, [&] {
    ProjectMoveRecord r;
    r.project = stmt->Text(0);
    r.move.from = static_cast<model::Stage>(stmt->Int(1));
    r.move.to = static_cast<model::Stage>(stmt->Int(2));
    r.move.date = DateOf(stmt->Text(3)).value_or(core::Date{});
    r.move.reason = stmt->Text(4);
    r.at = stmt->Text(5);
    r.actor = stmt->Text(6);
    out.push_back(std::move(r));
  }));
  return out;
}

Result<Change> PutSupplyRelation(Connection& db, const model::SupplyRelation& relation,
                                 std::optional<std::int64_t> batch_id, const AuditFn& audit) {
  auto get = db.Prepare(
      "SELECT value FROM supply_relation WHERE buyer = ? AND supplier = ? AND year = ? AND "
      "month = ?");
  if (!get) return Error(get.error());
  get->Bind(1, relation.buyer).Bind(2, relation.supplier).Bind(3, std::int64_t{relation.year});
  get->Bind(4, std::int64_t{relation.month});
  auto row = get->Step();
  if (!row) return Error(row.error());
  const std::optional<double> before = *row ? get->OptionalReal(0) : std::nullopt;
  if (before && *before == relation.value) return Change::kUnchanged;
  auto put = db.Prepare(
      "INSERT INTO supply_relation (buyer, supplier, year, month, value, batch_id) VALUES (?, ?, "
      "?, ?, ?, ?) ON CONFLICT (buyer, supplier, year, month) DO UPDATE SET value = "
      "excluded.value, batch_id = excluded.batch_id");
  if (!put) return Error(put.error());
  put->Bind(1, relation.buyer).Bind(2, relation.supplier).Bind(3, std::int64_t{relation.year});
  put->Bind(4, std::int64_t{relation.month}).Bind(5, relation.value).Bind(6, batch_id);
  CLUSTERSCOPE_RETURN_IF_ERROR(put->Run());
  const std::string key =
      relation.month == 0
          ? fmt::format("{}/{}/{}", relation.buyer, relation.supplier, relation.year)
          : fmt::format("{}/{}/{}-{:02}", relation.buyer, relation.supplier, relation.year,
                        relation.month);
  CLUSTERSCOPE_RETURN_IF_ERROR(audit(before ? "update" : "insert", "supply_relation", key, "value",
                                     Text(before), Text(std::optional<double>(relation.value))));
  return before ? Change::kUpdated : Change::kInserted;
}

Result<std::vector<model::SupplyRelation>> ListSupplyRelations(Connection& db) {
  auto stmt = db.Prepare(
      "SELECT buyer, supplier, year, month, value FROM supply_relation ORDER BY buyer, supplier, "
      "year, month");
  if (!stmt) return Error(stmt.error());
  std::vector<model::SupplyRelation> out;
  CLUSTERSCOPE_RETURN_IF_ERROR(ForEachRow(*stmt, [&] {
    out.push_back({stmt->Text(0), stmt->Text(1), static_cast<int>(stmt->Int(2)),
                   static_cast<int>(stmt->Int(3)), stmt->OptionalReal(4).value_or(0)});
  }));
  return out;
}

namespace {

// One prospect, or all when `uscc` is empty.
Result<std::vector<model::Prospect>> QueryProspects(Connection& db, std::string_view uscc) {
  auto stmt = db.Prepare(
      "SELECT uscc, name, industry_code, region, revenue, products FROM prospect WHERE ? = '' OR "
      "uscc = ? ORDER BY uscc");
  if (!stmt) return Error(stmt.error());
  stmt->Bind(1, uscc).Bind(2, uscc);
  std::vector<model::Prospect> out;
  CLUSTERSCOPE_RETURN_IF_ERROR(ForEachRow(*stmt, [&] {
    out.push_back({stmt->Text(0), stmt->Text(1), stmt->Text(2), stmt->Text(3),
                   stmt->OptionalReal(4), stmt->Text(5)});
  }));
  return out;
}

Fields ProspectFields(const model::Prospect& p) {
  return {{"name", Text(p.name)},
          {"industry_code", Text(p.industry_code)},
          {"region", Text(p.region)},
          {"revenue", Text(p.revenue)},
          {"products", Text(p.products)}};
}
}  // namespace

Result<Change> PutProspect(Connection& db, const model::Prospect& prospect,
                           std::optional<std::int64_t> batch_id, const AuditFn& audit) {
  auto stored = QueryProspects(db, prospect.uscc);
  if (!stored) return Error(stored.error());
  std::optional<Fields> before;
  if (!stored->empty()) before = ProspectFields(stored->front());
  const Fields after = ProspectFields(prospect);
  if (before && *before == after) return Change::kUnchanged;
  auto put = db.Prepare(
      "INSERT INTO prospect (uscc, name, industry_code, region, revenue, products, batch_id) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uscc) DO UPDATE SET name = excluded.name, "
      "industry_code = excluded.industry_code, region = excluded.region, revenue = "
      "excluded.revenue, products = excluded.products, batch_id = excluded.batch_id");
  if (!put) return Error(put.error());
  put->Bind(1, prospect.uscc).Bind(2, prospect.name).Bind(3, prospect.industry_code);
  put->Bind(4, prospect.region).Bind(5, prospect.revenue).Bind(6, prospect.products);
  put->Bind(7, batch_id);
  CLUSTERSCOPE_RETURN_IF_ERROR(put->Run());
  CLUSTERSCOPE_RETURN_IF_ERROR(AuditFields(audit, "prospect", prospect.uscc, before, after));
  return before ? Change::kUpdated : Change::kInserted;
}

Result<std::vector<model::Prospect>> ListProspects(Connection& db) {
  return QueryProspects(db, "");
}

}  // namespace clusterscope::storage::sqlite
