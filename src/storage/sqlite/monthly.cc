// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "monthly.h"

#include <fmt/format.h>

namespace clusterscope::storage::sqlite {
namespace {

// "output_value, value_added, ..." in Measure order, as the tables name them.
const std::string& MeasureColumns() {
  static const std::string columns = [] {
    std::string out;
    for (const auto& info : model::Measures()) {
      if (!out.empty()) out += ", ";
      out += info.column;
    }
    return out;
  }();
  return columns;
}

// Binds the measures of `record` to parameters first .. first + kMeasureCount - 1.
void BindMeasures(Statement& stmt, int first, const model::MonthlyRecord& record) {
  for (std::size_t i = 0; i < model::kMeasureCount; ++i) {
    stmt.Bind(first + static_cast<int>(i), record.values[i]);
  }
}

// Reads the measures from columns first .. first + kMeasureCount - 1.
void ReadMeasures(const Statement& stmt, int first, model::MonthlyRecord& record) {
  for (std::size_t i = 0; i < model::kMeasureCount; ++i) {
    record.values[i] = stmt.OptionalReal(first + static_cast<int>(i));
  }
}

std::string Placeholders(std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) out += i == 0 ? "?" : ", ?";
  return out;
}

}  // namespace

Result<Change> PutMonthlyFact(Connection& db, const model::MonthlyRecord& record,
                              std::int64_t batch_id) {
  auto find = db.Cached(fmt::format(
      "SELECT {}, batch_id FROM monthly_fact WHERE uscc = ? AND period = ?", MeasureColumns()));
  if (!find) return Error(find.error());
  Statement& old = **find;
  old.Bind(1, record.uscc).Bind(2, std::int64_t{record.period.Code()});
  auto row = old.Step();
  if (!row) return Error(row.error());
  if (*row) {
    model::MonthlyRecord previous = record;
    ReadMeasures(old, 0, previous);
    const std::int64_t previous_batch = old.Int(static_cast<int>(model::kMeasureCount));
    old.Reset();
    if (previous.values == record.values) return Change::kUnchanged;
    auto keep = db.Cached(fmt::format(
        "INSERT INTO monthly_revision (uscc, period, {}, batch_id, replaced_by) VALUES (?, ?, {}, "
        "?, ?)",
        MeasureColumns(), Placeholders(model::kMeasureCount)));
    if (!keep) return Error(keep.error());
    (*keep)->Bind(1, record.uscc).Bind(2, std::int64_t{record.period.Code()});
    BindMeasures(**keep, 3, previous);
    (*keep)->Bind(3 + static_cast<int>(model::kMeasureCount), previous_batch);
    (*keep)->Bind(4 + static_cast<int>(model::kMeasureCount), batch_id);
    CLUSTERSCOPE_RETURN_IF_ERROR((*keep)->Run());
  }
  const bool existed = *row;
  auto put = db.Cached(
      fmt::format("INSERT INTO monthly_fact (uscc, period, {}, batch_id) VALUES (?, ?, {}, ?) "
                  "ON CONFLICT (uscc, period) DO UPDATE SET {}, batch_id = excluded.batch_id",
                  MeasureColumns(), Placeholders(model::kMeasureCount), [] {
                    std::string set;
                    for (const auto& info : model::Measures()) {
                      if (!set.empty()) set += ", ";
                      set += fmt::format("{0} = excluded.{0}", info.column);
                    }
                    return set;
                  }()));
  if (!put) return Error(put.error());
  (*put)->Bind(1, record.uscc).Bind(2, std::int64_t{record.period.Code()});
  BindMeasures(**put, 3, record);
  (*put)->Bind(3 + static_cast<int>(model::kMeasureCount), batch_id);
  CLUSTERSCOPE_RETURN_IF_ERROR((*put)->Run());
  return existed ? Change::kUpdated : Change::kInserted;
}

Result<UndoResult> UndoMonthlyBatch(Connection& db, std::int64_t batch_id, std::string_view at,
                                    std::string_view actor) {
  auto batch = db.Prepare("SELECT kind, undone_at FROM import_batch WHERE id = ?");
  if (!batch) return Error(batch.error());
  batch->Bind(1, batch_id);
  auto row = batch->Step();
  if (!row) return Error(row.error());
  if (!*row) return Error(Status::NotFound(fmt::format("there is no import batch {}", batch_id)));
  if (batch->Text(0) != "monthly") {
    return Error(Status::InvalidArgument(fmt::format(
        "batch {} imported {}, not monthly statistics; registry changes are undone by importing "
        "the corrected file",
        batch_id, batch->Text(0))));
  }
  if (auto undone = batch->OptionalText(1)) {
    return Error(Status::InvalidArgument(
        fmt::format("batch {} was already undone at {}", batch_id, *undone)));
  }

  // Values of this batch that a later import replaced: undoing it now would lose track of what
  // the later batch replaced, so that one goes first.
  auto later = db.Prepare(
      "SELECT replaced_by, count(*) FROM monthly_revision WHERE batch_id = ? GROUP BY "
      "replaced_by ORDER BY replaced_by");
  if (!later) return Error(later.error());
  later->Bind(1, batch_id);
  std::vector<std::string> blockers;
  CLUSTERSCOPE_RETURN_IF_ERROR(ForEachRow(*later, [&] {
    blockers.push_back(fmt::format("batch {} ({} values)", later->Int(0), later->Int(1)));
  }));
  if (!blockers.empty()) {
    return Error(Status::InvalidArgument(
        fmt::format("batch {}'s values were replaced since by {}; undo those first", batch_id,
                    fmt::join(blockers, ", "))));
  }

  UndoResult result;
  auto remove = db.Prepare(
      "DELETE FROM monthly_fact WHERE batch_id = ?1 AND NOT EXISTS (SELECT 1 FROM "
      "monthly_revision r WHERE r.replaced_by = ?1 AND r.uscc = monthly_fact.uscc AND r.period = "
      "monthly_fact.period)");
  if (!remove) return Error(remove.error());
  remove->Bind(1, batch_id);
  CLUSTERSCOPE_RETURN_IF_ERROR(remove->Run());
  result.removed = sqlite3_changes64(db.handle());

  std::string set;
  for (const auto& info : model::Measures()) {
    set += fmt::format("{0} = r.{0}, ", info.column);
  }
  auto restore = db.Prepare(fmt::format(
      "UPDATE monthly_fact SET {} batch_id = r.batch_id FROM monthly_revision r WHERE "
      "r.replaced_by = ?1 AND r.uscc = monthly_fact.uscc AND r.period = monthly_fact.period",
      set));
  if (!restore) return Error(restore.error());
  restore->Bind(1, batch_id);
  CLUSTERSCOPE_RETURN_IF_ERROR(restore->Run());
  result.restored = sqlite3_changes64(db.handle());

  auto forget = db.Prepare("DELETE FROM monthly_revision WHERE replaced_by = ?");
  if (!forget) return Error(forget.error());
  forget->Bind(1, batch_id);
  CLUSTERSCOPE_RETURN_IF_ERROR(forget->Run());

  // The batch's warnings go with its values, and those it had superseded are open again.
  auto reopen = db.Prepare(
      "UPDATE quality_warning SET status = 'open' WHERE status = 'superseded' AND id IN (SELECT "
      "max(q.id) FROM quality_warning q JOIN quality_warning b ON b.batch_id = ?1 AND q.uscc = "
      "b.uscc AND q.period = b.period AND q.rule = b.rule AND q.measure = b.measure AND "
      "q.batch_id <> ?1 GROUP BY q.uscc, q.period, q.rule, q.measure)");
  if (!reopen) return Error(reopen.error());
  reopen->Bind(1, batch_id);
  CLUSTERSCOPE_RETURN_IF_ERROR(reopen->Run());
  auto warnings = db.Prepare("DELETE FROM quality_warning WHERE batch_id = ?");
  if (!warnings) return Error(warnings.error());
  warnings->Bind(1, batch_id);
  CLUSTERSCOPE_RETURN_IF_ERROR(warnings->Run());

  auto mark = db.Prepare("UPDATE import_batch SET undone_at = ?, undone_by = ? WHERE id = ?");
  if (!mark) return Error(mark.error());
  mark->Bind(1, at).Bind(2, actor).Bind(3, batch_id);
  CLUSTERSCOPE_RETURN_IF_ERROR(mark->Run());
  return result;
}

Result<std::vector<MonthlyFact>> ListMonthlyFacts(Connection& db, std::string_view uscc,
                                                  std::optional<core::Period> period) {
  auto stmt = db.Prepare(fmt::format(
      "SELECT period, {}, batch_id FROM monthly_fact WHERE uscc = ?1 AND (?2 IS NULL OR period "
      "= ?2) ORDER BY period",
      MeasureColumns()));
  if (!stmt) return Error(stmt.error());
  stmt->Bind(1, uscc);
  stmt->Bind(2, period ? std::optional<std::int64_t>(period->Code()) : std::nullopt);
  std::vector<MonthlyFact> out;
  CLUSTERSCOPE_RETURN_IF_ERROR(ForEachRow(*stmt, [&] {
    MonthlyFact fact;
    fact.record.uscc = std::string(uscc);
    fact.record.period = core::Period::FromCode(static_cast<int>(stmt->Int(0)));
    ReadMeasures(*stmt, 1, fact.record);
    fact.batch_id = stmt->Int(1 + static_cast<int>(model::kMeasureCount));
    out.push_back(std::move(fact));
  }));
  return out;
}

Result<std::vector<MonthlyRevision>> ListMonthlyRevisions(Connection& db, std::string_view uscc,
                                                          std::optional<core::Period> period) {
  auto stmt = db.Prepare(fmt::format(
      "SELECT period, {}, batch_id, replaced_by FROM monthly_revision WHERE uscc = ?1 AND (?2 IS "
      "NULL OR period = ?2) ORDER BY period, id",
      MeasureColumns()));
  if (!stmt) return Error(stmt.error());
  stmt->Bind(1, uscc);
  stmt->Bind(2, period ? std::optional<std::int64_t>(period->Code()) : std::nullopt);
  std::vector<MonthlyRevision> out;
  CLUSTERSCOPE_RETURN_IF_ERROR(ForEachRow(*stmt, [&] {
    MonthlyRevision revision;
    revision.record.uscc = std::string(uscc);
    revision.record.period = core::Period::FromCode(static_cast<int>(stmt->Int(0)));
    ReadMeasures(*stmt, 1, revision.record);
    revision.batch_id = stmt->Int(1 + static_cast<int>(model::kMeasureCount));
    revision.replaced_by = stmt->Int(2 + static_cast<int>(model::kMeasureCount));
    out.push_back(std::move(revision));
  }));
  return out;
}

Result<std::vector<MonthlyFact>> ListMonthlyFactsBetween(Connection& db, core::Period from,
                                                         core::Period to) {
  auto stmt = db.Prepare(fmt::format(
      "SELECT uscc, period, {}, batch_id FROM monthly_fact WHERE period BETWEEN ? AND ? ORDER BY "
      "uscc, period",
      MeasureColumns()));
  if (!stmt) return Error(stmt.error());
  stmt->Bind(1, std::int64_t{from.Code()}).Bind(2, std::int64_t{to.Code()});
  std::vector<MonthlyFact> out;
  CLUSTERSCOPE_RETURN_IF_ERROR(ForEachRow(*stmt, [&] {
    MonthlyFact fact;
    fact.record.uscc = stmt->Text(0);
    fact.record.period = core::Period::FromCode(static_cast<int>(stmt->Int(1)));
    ReadMeasures(*stmt, 2, fact.record);
    fact.batch_id = stmt->Int(2 + static_cast<int>(model::kMeasureCount));
    out.push_back(std::move(fact));
  }));
  return out;
}

Result<MonthlyCoverage> MonthlySummary(Connection& db) {
  auto stmt = db.Prepare(
      "SELECT count(*), count(DISTINCT uscc), min(period), max(period) FROM monthly_fact");
  if (!stmt) return Error(stmt.error());
  auto row = stmt->Step();
  if (!row) return Error(row.error());
  MonthlyCoverage coverage;
  coverage.rows = stmt->Int(0);
  coverage.enterprises = stmt->Int(1);
  if (const auto first = stmt->OptionalInt(2)) {
    coverage.first = core::Period::FromCode(static_cast<int>(*first));
    coverage.last = core::Period::FromCode(static_cast<int>(*stmt->OptionalInt(3)));
  }
  return coverage;
}

Status PutQualityWarnings(Connection& db, const std::vector<model::QualityWarning>& warnings,
                          std::int64_t batch_id) {
  for (const auto& w : warnings) {
    auto supersede = db.Cached(
        "UPDATE quality_warning SET status = 'superseded' WHERE uscc = ? AND period = ? AND "
        "rule = ? AND measure = ? AND status = 'open'");
    if (!supersede) return supersede.error();
    (*supersede)->Bind(1, w.uscc).Bind(2, std::int64_t{w.period.Code()}).Bind(3, w.rule);
    (*supersede)->Bind(4, w.measure);
    CLUSTERSCOPE_RETURN_IF_ERROR((*supersede)->Run());
    auto insert = db.Cached(
        "INSERT INTO quality_warning (batch_id, uscc, period, rule, measure, value, message) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!insert) return insert.error();
    (*insert)->Bind(1, batch_id).Bind(2, w.uscc).Bind(3, std::int64_t{w.period.Code()});
    (*insert)->Bind(4, w.rule).Bind(5, w.measure).Bind(6, w.value).Bind(7, w.message);
    CLUSTERSCOPE_RETURN_IF_ERROR((*insert)->Run());
  }
  return Status::Ok();
}

Status ConfirmQualityWarning(Connection& db, std::int64_t id, std::string_view note,
                             std::string_view at, std::string_view actor) {
  auto stmt = db.Prepare(
      "UPDATE quality_warning SET status = 'confirmed', note = ?, resolved_by = ?, resolved_at = "
      "? WHERE id = ?");
  if (!stmt) return stmt.error();
  stmt->Bind(1, note).Bind(2, actor).Bind(3, at).Bind(4, id);
  CLUSTERSCOPE_RETURN_IF_ERROR(stmt->Run());
  if (sqlite3_changes64(db.handle()) == 0) {
    return Status::NotFound(fmt::format("there is no data-quality warning {}", id));
  }
  return Status::Ok();
}

Result<std::vector<model::QualityWarning>> ListQualityWarnings(Connection& db,
                                                               const QualityFilter& filter) {
  auto stmt = db.Prepare(
      "SELECT id, batch_id, uscc, period, rule, measure, value, message, status, note, "
      "resolved_by, resolved_at FROM quality_warning WHERE (?1 IS NULL OR period = ?1) AND (?2 = "
      "'' OR status = ?2) AND (?3 = '' OR rule = ?3) AND (?4 = '' OR uscc = ?4) ORDER BY period, "
      "uscc, rule, measure, id");
  if (!stmt) return Error(stmt.error());
  stmt->Bind(1, filter.period ? std::optional<std::int64_t>(filter.period->Code()) : std::nullopt);
  stmt->Bind(2, filter.status).Bind(3, filter.rule).Bind(4, filter.uscc);
  std::vector<model::QualityWarning> out;
  CLUSTERSCOPE_RETURN_IF_ERROR(ForEachRow(*stmt, [&] {
    model::QualityWarning w;
    w.id = stmt->Int(0);
    w.batch_id = stmt->Int(1);
    w.uscc = stmt->Text(2);
    w.period = core::Period::FromCode(static_cast<int>(stmt->Int(3)));
    w.rule = stmt->Text(4);
    w.measure = stmt->Text(5);
    w.value = stmt->OptionalReal(6);
    w.message = stmt->Text(7);
    w.status = stmt->Text(8);
    w.note = stmt->Text(9);
    w.resolved_by = stmt->Text(10);
    w.resolved_at = stmt->Text(11);
    out.push_back(std::move(w));
  }));
  return out;
}

}  // namespace clusterscope::storage::sqlite
