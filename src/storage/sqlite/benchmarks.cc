// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "benchmarks.h"

#include <map>
#include <tuple>

#include <fmt/format.h>

namespace clusterscope::storage::sqlite {
namespace {

using Key = std::tuple<int, std::string, std::string>;  // year, region, industry

}  // namespace

Result<BenchmarkWrite> PutBenchmark(Connection& db, std::string_view name,
                                    const std::vector<BenchmarkCell>& cells, std::int64_t batch_id,
                                    const AuditFn& audit) {
  auto stored = LoadBenchmark(db, name);
  if (!stored) return Error(stored.error());
  std::map<Key, double> before;
  for (const auto& c : *stored) before[{c.year, c.region, c.industry}] = c.value;
  auto keep = db.Prepare(
      "INSERT INTO benchmark_revision (name, year, region, industry, value, batch_id, "
      "replaced_by) SELECT name, year, region, industry, value, batch_id, ? FROM benchmark_cell "
      "WHERE name = ? AND year = ? AND region = ? AND industry = ?");
  auto put = db.Prepare(
      "INSERT INTO benchmark_cell (name, year, region, industry, value, batch_id) VALUES (?, ?, "
      "?, ?, ?, ?) ON CONFLICT (name, year, region, industry) DO UPDATE SET value = "
      "excluded.value, batch_id = excluded.batch_id");
  auto drop = db.Prepare(
      "DELETE FROM benchmark_cell WHERE name = ? AND year = ? AND region = ? AND industry = ?");
  if (!keep) return Error(keep.error());
  if (!put) return Error(put.error());
  if (!drop) return Error(drop.error());
  const auto revise = [&](const Key& key) -> Status {
    keep->Bind(1, batch_id).Bind(2, name).Bind(3, static_cast<std::int64_t>(std::get<0>(key)));
    keep->Bind(4, std::get<1>(key)).Bind(5, std::get<2>(key));
    CLUSTERSCOPE_RETURN_IF_ERROR(keep->Run());
    keep->Reset();
    return Status::Ok();
  };
  BenchmarkWrite write;
  for (const auto& c : cells) {
    const Key key{c.year, c.region, c.industry};
    const auto it = before.find(key);
    if (it != before.end()) {
      const bool same = it->second == c.value;
      before.erase(it);
      if (same) {
        ++write.unchanged;
        continue;
      }
      CLUSTERSCOPE_RETURN_IF_ERROR(revise(key));
      ++write.updated;
    } else {
      ++write.inserted;
    }
    put->Bind(1, name).Bind(2, static_cast<std::int64_t>(c.year)).Bind(3, c.region);
    put->Bind(4, c.industry).Bind(5, c.value).Bind(6, batch_id);
    CLUSTERSCOPE_RETURN_IF_ERROR(put->Run());
    put->Reset();
  }
  // What the new file no longer has: kept as revisions, then dropped.
  for (const auto& [key, value] : before) {
    CLUSTERSCOPE_RETURN_IF_ERROR(revise(key));
    drop->Bind(1, name).Bind(2, static_cast<std::int64_t>(std::get<0>(key)));
    drop->Bind(3, std::get<1>(key)).Bind(4, std::get<2>(key));
    CLUSTERSCOPE_RETURN_IF_ERROR(drop->Run());
    drop->Reset();
    ++write.removed;
  }
  CLUSTERSCOPE_RETURN_IF_ERROR(audit(
      stored->empty() ? "insert" : "update", "benchmark", name, "cells",
      stored->empty() ? std::nullopt : std::optional<std::string>(std::to_string(stored->size())),
      std::to_string(cells.size())));
  return write;
}

Result<std::vector<BenchmarkCell>> LoadBenchmark(Connection& db, std::string_view name) {
  auto select = db.Prepare(
      "SELECT year, region, industry, value FROM benchmark_cell WHERE name = ? ORDER BY year, "
      "region, industry");
  if (!select) return Error(select.error());
  select->Bind(1, name);
  std::vector<BenchmarkCell> out;
  auto count = db.Prepare("SELECT count(*) FROM benchmark_cell WHERE name = ?");
  if (!count) return Error(count.error());
  count->Bind(1, name);
  if (auto row = count->Step(); row && *row) out.reserve(static_cast<std::size_t>(count->Int(0)));
  while (true) {
    auto row = select->Step();
    if (!row) return Error(row.error());
    if (!*row) break;
    out.push_back({static_cast<int>(select->Int(0)), select->Text(1), select->Text(2),
                   select->OptionalReal(3).value_or(0)});
  }
  return out;
}

Result<std::vector<BenchmarkSummary>> ListBenchmarks(Connection& db) {
  auto select = db.Prepare(
      "SELECT name, min(year), max(year), count(*), count(DISTINCT region), count(DISTINCT "
      "industry), max(batch_id) FROM benchmark_cell GROUP BY name ORDER BY name");
  if (!select) return Error(select.error());
  std::vector<BenchmarkSummary> out;
  while (true) {
    auto row = select->Step();
    if (!row) return Error(row.error());
    if (!*row) break;
    out.push_back({select->Text(0), static_cast<int>(select->Int(1)),
                   static_cast<int>(select->Int(2)), static_cast<std::size_t>(select->Int(3)),
                   static_cast<std::size_t>(select->Int(4)),
                   static_cast<std::size_t>(select->Int(5)), select->Int(6)});
  }
  return out;
}

}  // namespace clusterscope::storage::sqlite
