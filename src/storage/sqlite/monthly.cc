// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "monthly.h"

#include <climits>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>
#include <xxhash.h>

namespace clusterscope::storage::sqlite {
namespace {

Status RecordSegment(Connection& db, std::int64_t batch_id, const facts::SegmentInfo& info) {
  auto stmt = db.Prepare(
      "INSERT INTO fact_segment (batch_id, file, rows, enterprises, bytes, checksum) VALUES (?, "
      "?, ?, ?, ?, ?)");
  if (!stmt) return stmt.error();
  stmt->Bind(1, batch_id).Bind(2, info.file).Bind(3, info.rows).Bind(4, info.enterprises);
  stmt->Bind(5, info.bytes).Bind(6, fmt::format("{:016x}", info.checksum));
  return stmt->Run();
}

}  // namespace

Result<facts::FactView> LiveFacts(Connection& db, facts::SegmentDirectory& dir) {
  auto stmt = db.Cached(
      "SELECT f.file FROM fact_segment f JOIN import_batch b ON b.id = f.batch_id WHERE "
      "b.undone_at IS NULL ORDER BY f.batch_id");
  if (!stmt) return Error(stmt.error());
  std::vector<std::string> files;
  CLUSTERSCOPE_RETURN_IF_ERROR(ForEachRow(**stmt, [&] { files.push_back((*stmt)->Text(0)); }));
  std::vector<std::shared_ptr<const facts::Segment>> live;
  for (const auto& file : files) {
    auto segment = dir.Open(file);
    if (!segment) return Error(segment.error());
    live.push_back(std::move(*segment));
  }
  return facts::FactView(std::move(live));
}

Result<std::optional<std::string>> FactCachePath(Connection& db, facts::SegmentDirectory& dir,
                                                 std::string_view kind) {
  auto stmt = db.Cached(
      "SELECT f.file FROM fact_segment f JOIN import_batch b ON b.id = f.batch_id WHERE "
      "b.undone_at IS NULL ORDER BY f.batch_id");
  if (!stmt) return Error(stmt.error());
  std::string names;
  CLUSTERSCOPE_RETURN_IF_ERROR(ForEachRow(**stmt, [&] {
    names += (*stmt)->Text(0);
    names += '\n';
  }));
  if (names.empty()) return std::optional<std::string>();
  return dir.CachePath(kind, fmt::format("{:016x}", XXH3_64bits(names.data(), names.size())));
}

Status RemoveOrphanSegments(Connection& db, facts::SegmentDirectory& dir) {
  auto stmt = db.Prepare("SELECT file FROM fact_segment");
  if (!stmt) return stmt.error();
  std::set<std::string> committed;
  CLUSTERSCOPE_RETURN_IF_ERROR(ForEachRow(*stmt, [&] { committed.insert(stmt->Text(0)); }));
  return dir.RemoveOrphans(committed);
}

Result<MonthlyWrite> PutMonthlyPanel(Connection& db, facts::SegmentDirectory& dir,
                                     model::MonthlyPanel panel, std::int64_t batch_id,
                                     std::string& written_file) {
  if (!panel.IsSorted()) panel.Sort();
  for (std::size_t r = 1; r < panel.rows(); ++r) {
    if (panel.slot(r) == panel.slot(r - 1) && panel.period_index(r) == panel.period_index(r - 1)) {
      return Error(Status::InvalidArgument(
          fmt::format("{} {} appears twice in one batch", panel.uscc(panel.slot(r)),
                      core::Period::FromIndex(panel.period_index(r)).ToString())));
    }
  }
  MonthlyWrite result;
  if (panel.empty()) return result;
  std::int32_t first = INT_MAX;
  std::int32_t last = INT_MIN;
  for (const auto p : panel.periods()) {
    first = std::min(first, p);
    last = std::max(last, p);
  }
  // Compare with the current values: a row equal to its current value is not written again,
  // so that the history shows changes only.
  auto view = LiveFacts(db, dir);
  if (!view) return Error(view.error());
  std::vector<std::uint8_t> keep(panel.rows(), 1);
  std::vector<std::uint8_t> replaces(panel.rows(), 0);
  view->ForEachEnterprise(first, last, [&](std::string_view uscc, const auto& current) {
    const std::int64_t slot = panel.FindSlot(uscc);
    if (slot < 0) return;
    auto [row, end] = panel.RowsOf(static_cast<std::uint32_t>(slot));
    std::size_t c = 0;
    while (row < end && c < current.size()) {
      const std::int32_t p = panel.period_index(row);
      const std::int32_t q = view->period(current[c]);
      if (p < q) {
        ++row;
      } else if (q < p) {
        ++c;
      } else {
        const auto& seg = *view->segments()[current[c].segment];
        bool same = seg.valid(current[c].row) == panel.valid_bits(row) &&
                    seg.prior_valid(current[c].row) == panel.prior_bits(row);
        for (std::size_t m = 0; same && m < model::kMeasureCount; ++m) {
          const auto measure = static_cast<model::Measure>(m);
          same = seg.value(m, current[c].row) == panel.value(row, measure) &&
                 seg.prior(m, current[c].row) == panel.prior(row, measure);
        }
        (same ? keep : replaces)[row] = same ? 0 : 1;
        ++row;
        ++c;
      }
    }
  });
  for (std::size_t r = 0; r < panel.rows(); ++r) {
    if (keep[r] == 0) {
      ++result.unchanged;
    } else if (replaces[r] != 0) {
      ++result.updated;
    } else {
      ++result.inserted;
    }
  }
  if (result.unchanged == panel.rows()) return result;
  if (result.unchanged > 0) panel.Filter(keep);
  panel.DropEmptySlots();  // enterprises whose every month was unchanged, or never had one

  CLUSTERSCOPE_RETURN_IF_ERROR(RemoveOrphanSegments(db, dir));
  auto info = dir.Write(panel, batch_id);
  if (!info) return Error(info.error());
  written_file = info->file;
  CLUSTERSCOPE_RETURN_IF_ERROR(RecordSegment(db, batch_id, *info));
  return result;
}

Result<UndoResult> UndoMonthlyBatch(Connection& db, facts::SegmentDirectory& dir,
                                    std::int64_t batch_id, std::string_view at,
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
  batch->Reset();

  // What the batch's values give way to: where a later live batch has the month, nothing
  // changes; else an earlier batch's value comes back, or the month goes.
  auto view = LiveFacts(db, dir);
  if (!view) return Error(view.error());
  UndoResult result;
  const auto& segments = view->segments();
  for (std::size_t s = 0; s < segments.size(); ++s) {
    if (segments[s]->batch_id() != batch_id) continue;
    const facts::Segment& undone = *segments[s];
    for (std::size_t k = 0; k < undone.enterprises(); ++k) {
      std::set<std::int32_t> later;
      std::set<std::int32_t> earlier;
      for (std::size_t o = 0; o < segments.size(); ++o) {
        if (o == s) continue;
        const std::int64_t e = segments[o]->Find(undone.uscc(k));
        if (e < 0) continue;
        for (std::size_t r = segments[o]->first_row(static_cast<std::size_t>(e));
             r < segments[o]->end_row(static_cast<std::size_t>(e)); ++r) {
          (o > s ? later : earlier).insert(segments[o]->period(r));
        }
      }
      for (std::size_t r = undone.first_row(k); r < undone.end_row(k); ++r) {
        if (later.count(undone.period(r)) != 0) continue;
        ++(earlier.count(undone.period(r)) != 0 ? result.restored : result.removed);
      }
    }
  }

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

  // The segment stays: an undone batch keeps what the user gave, it just no longer counts.
  auto mark = db.Prepare("UPDATE import_batch SET undone_at = ?, undone_by = ? WHERE id = ?");
  if (!mark) return Error(mark.error());
  mark->Bind(1, at).Bind(2, actor).Bind(3, batch_id);
  CLUSTERSCOPE_RETURN_IF_ERROR(mark->Run());
  return result;
}

Result<std::vector<MonthlyFact>> ListMonthlyFacts(const facts::FactView& view,
                                                  std::string_view uscc,
                                                  std::optional<core::Period> period) {
  const auto versions =
      view.Versions(uscc, period ? std::optional<std::int32_t>(period->Index()) : std::nullopt);
  std::vector<MonthlyFact> out;
  for (std::size_t i = 0; i < versions.size(); ++i) {
    if (i + 1 < versions.size() && view.period(versions[i + 1]) == view.period(versions[i])) {
      continue;  // not the newest of its month
    }
    out.push_back({view.Record(uscc, versions[i]), view.batch_id(versions[i])});
  }
  return out;
}

Result<std::vector<MonthlyRevision>> ListMonthlyRevisions(const facts::FactView& view,
                                                          std::string_view uscc,
                                                          std::optional<core::Period> period) {
  const auto versions =
      view.Versions(uscc, period ? std::optional<std::int32_t>(period->Index()) : std::nullopt);
  std::vector<MonthlyRevision> out;
  for (std::size_t i = 0; i + 1 < versions.size(); ++i) {
    if (view.period(versions[i + 1]) != view.period(versions[i])) continue;  // the current one
    out.push_back({view.Record(uscc, versions[i]), view.batch_id(versions[i]),
                   view.batch_id(versions[i + 1])});
  }
  return out;
}

Result<std::pair<std::int64_t, std::int64_t>> VerifySegments(Connection& db,
                                                             facts::SegmentDirectory& dir) {
  auto stmt = db.Prepare("SELECT file, checksum, bytes FROM fact_segment ORDER BY batch_id");
  if (!stmt) return Error(stmt.error());
  std::vector<std::tuple<std::string, std::string, std::int64_t>> segments;
  CLUSTERSCOPE_RETURN_IF_ERROR(ForEachRow(
      *stmt, [&] { segments.emplace_back(stmt->Text(0), stmt->Text(1), stmt->Int(2)); }));
  std::pair<std::int64_t, std::int64_t> checked{0, 0};
  for (const auto& [file, checksum, bytes] : segments) {
    auto segment = dir.Open(file);
    if (!segment) return Error(segment.error());
    CLUSTERSCOPE_RETURN_IF_ERROR((*segment)->Verify());
    if (fmt::format("{:016x}", (*segment)->checksum()) != checksum) {
      return Error(Status::DataLoss(fmt::format(
          "fact segment {} is not the one the database recorded (checksum {}, recorded {})", file,
          fmt::format("{:016x}", (*segment)->checksum()), checksum)));
    }
    ++checked.first;
    checked.second += bytes;
  }
  return checked;
}

MonthlyCoverage MonthlySummary(const facts::FactView& view) {
  MonthlyCoverage coverage;
  std::int32_t first = INT_MAX;
  std::int32_t last = INT_MIN;
  view.ForEachEnterprise(INT_MIN, INT_MAX, [&](std::string_view, const auto& rows) {
    ++coverage.enterprises;
    coverage.rows += static_cast<std::int64_t>(rows.size());
    first = std::min(first, view.period(rows.front()));
    last = std::max(last, view.period(rows.back()));
  });
  if (coverage.rows > 0) {
    coverage.first = core::Period::FromIndex(first);
    coverage.last = core::Period::FromIndex(last);
  }
  return coverage;
}

Status MoveFactsToSegments(Connection& db, facts::SegmentDirectory& dir) {
  // Everything a batch wrote is its current values plus those later replaced.
  std::map<std::int64_t, model::MonthlyPanel> batches;
  {
    std::string columns;
    for (const auto& info : model::Measures()) columns += fmt::format(", {}", info.column);
    auto stmt = db.Prepare(fmt::format(
        "SELECT batch_id, uscc, period{0} FROM (SELECT batch_id, uscc, period{0} FROM "
        "monthly_fact UNION ALL SELECT batch_id, uscc, period{0} FROM monthly_revision)",
        columns));
    if (!stmt) return stmt.error();
    CLUSTERSCOPE_RETURN_IF_ERROR(ForEachRow(*stmt, [&] {
      model::MonthlyRecord record;
      record.uscc = stmt->Text(1);
      record.period = core::Period::FromCode(static_cast<int>(stmt->Int(2)));
      for (std::size_t m = 0; m < model::kMeasureCount; ++m) {
        record.values[m] = stmt->OptionalReal(3 + static_cast<int>(m));
      }
      batches[stmt->Int(0)].Add(record);
    }));
  }  // the statement is finalised: a live one would keep the tables from being dropped
  for (auto& [batch_id, panel] : batches) {
    panel.Sort();  // every row is a distinct (batch, enterprise, month)
    auto info = dir.Write(panel, batch_id);
    if (!info) return info.error();
    CLUSTERSCOPE_RETURN_IF_ERROR(RecordSegment(db, batch_id, *info));
  }
  return db.Exec("DROP TABLE monthly_revision; DROP TABLE monthly_fact;");
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
        "INSERT INTO quality_warning (batch_id, uscc, period, rule, measure, value, message, "
        "message_zh) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert) return insert.error();
    (*insert)->Bind(1, batch_id).Bind(2, w.uscc).Bind(3, std::int64_t{w.period.Code()});
    (*insert)
        ->Bind(4, w.rule)
        .Bind(5, w.measure)
        .Bind(6, w.value)
        .Bind(7, w.message.en)
        .Bind(8, w.message.zh);
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
      "resolved_by, resolved_at, message_zh FROM quality_warning WHERE (?1 IS NULL OR period = ?1) "
      "AND (?2 = "
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
    w.message.en = stmt->Text(7);
    w.status = stmt->Text(8);
    w.note = stmt->Text(9);
    w.resolved_by = stmt->Text(10);
    w.resolved_at = stmt->Text(11);
    // A warning stored before the Chinese text was kept shows its English in both.
    w.message.zh = stmt->Text(12).empty() ? w.message.en : stmt->Text(12);
    out.push_back(std::move(w));
  }));
  return out;
}

}  // namespace clusterscope::storage::sqlite
