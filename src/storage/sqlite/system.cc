// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "system.h"

#include <memory>
#include <vector>

#include <fmt/format.h>

namespace clusterscope::storage::sqlite {
namespace {

// Inserts rows of one statement, one per item: bind(stmt, item, ordinal) binds a row.
template <typename Items, typename BindRow>
Status InsertEach(Connection& db, std::string_view sql, const Items& items, BindRow bind) {
  auto stmt = db.Prepare(sql);
  if (!stmt) return stmt.error();
  for (std::size_t i = 0; i < items.size(); ++i) {
    stmt->Reset();
    bind(*stmt, items[i], static_cast<std::int64_t>(i));
    CLUSTERSCOPE_RETURN_IF_ERROR(stmt->Run());
  }
  return Status::Ok();
}

// The classes a cluster or category includes and excludes, in order.
Status InsertMapping(Connection& db, std::string_view kind, const std::string& owner,
                     const model::ClassMapping& classes) {
  auto mapping = db.Prepare(
      "INSERT INTO class_mapping (owner_kind, owner, ordinal, code, exclude) "
      "VALUES (?, ?, ?, ?, ?)");
  if (!mapping) return mapping.error();
  for (int exclude = 0; exclude < 2; ++exclude) {
    const auto& codes = exclude != 0 ? classes.exclude : classes.include;
    for (std::size_t i = 0; i < codes.size(); ++i) {
      mapping->Reset();
      mapping->Bind(1, kind).Bind(2, owner).Bind(3, static_cast<std::int64_t>(i));
      mapping->Bind(4, codes[i]).Bind(5, std::int64_t{exclude});
      CLUSTERSCOPE_RETURN_IF_ERROR(mapping->Run());
    }
  }
  return Status::Ok();
}

// The system row, its tiers and its clusters: what a parent system stores too.
Status InsertTiersAndClusters(Connection& db, const model::ClusterSystem& system, bool primary) {
  auto sys = db.Prepare(
      "INSERT INTO cluster_system (code, name_zh, name_en, region_code, parent_code, is_primary) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  if (!sys) return sys.error();
  sys->Bind(1, system.code).Bind(2, system.name_zh).Bind(3, system.name_en);
  sys->Bind(4, system.region_code);
  sys->Bind(5, system.parent ? std::optional<std::string>(system.parent->code) : std::nullopt);
  sys->Bind(6, std::int64_t{primary ? 1 : 0});
  CLUSTERSCOPE_RETURN_IF_ERROR(sys->Run());
  CLUSTERSCOPE_RETURN_IF_ERROR(
      InsertEach(db,
                 "INSERT INTO tier (system_code, code, ordinal, name_zh, name_en, scale_class, "
                 "output_threshold_yuan) VALUES (?, ?, ?, ?, ?, ?, ?)",
                 system.tiers, [&](Statement& stmt, const model::Tier& t, std::int64_t i) {
                   stmt.Bind(1, system.code).Bind(2, t.code).Bind(3, i);
                   stmt.Bind(4, t.name_zh).Bind(5, t.name_en).Bind(6, t.scale_class);
                   stmt.Bind(7, t.output_threshold_yuan);
                 }));
  CLUSTERSCOPE_RETURN_IF_ERROR(
      InsertEach(db,
                 "INSERT INTO cluster (code, system_code, ordinal, name_zh, name_en, tier_code, "
                 "parent_cluster) VALUES (?, ?, ?, ?, ?, ?, ?)",
                 system.clusters, [&](Statement& stmt, const model::Cluster& c, std::int64_t i) {
                   stmt.Bind(1, c.code).Bind(2, system.code).Bind(3, i);
                   stmt.Bind(4, c.name_zh).Bind(5, c.name_en).Bind(6, c.tier);
                   stmt.Bind(7, NonEmpty(c.parent_cluster));
                 }));
  for (const auto& c : system.clusters) {
    CLUSTERSCOPE_RETURN_IF_ERROR(InsertMapping(db, "cluster", c.code, c.classes));
    CLUSTERSCOPE_RETURN_IF_ERROR(
        InsertMapping(db, "cluster_by_enterprise", c.code, c.by_enterprise));
  }
  return Status::Ok();
}

// What only the primary system has: parks, groupings with their categories, designation types.
Status InsertPrimaryParts(Connection& db, const model::ClusterSystem& system) {
  CLUSTERSCOPE_RETURN_IF_ERROR(InsertEach(
      db, "INSERT INTO park (code, ordinal, name_zh, name_en, land_km2) VALUES (?, ?, ?, ?, ?)",
      system.parks, [](Statement& stmt, const model::Park& p, std::int64_t i) {
        stmt.Bind(1, p.code).Bind(2, i).Bind(3, p.name_zh).Bind(4, p.name_en).Bind(5, p.land_km2);
      }));
  CLUSTERSCOPE_RETURN_IF_ERROR(
      InsertEach(db, "INSERT INTO grouping (code, ordinal, name_zh, name_en) VALUES (?, ?, ?, ?)",
                 system.groupings, [](Statement& stmt, const model::Grouping& g, std::int64_t i) {
                   stmt.Bind(1, g.code).Bind(2, i).Bind(3, g.name_zh).Bind(4, g.name_en);
                 }));
  for (const auto& g : system.groupings) {
    CLUSTERSCOPE_RETURN_IF_ERROR(InsertEach(
        db,
        "INSERT INTO grouping_category (grouping_code, code, ordinal, name_zh, name_en) "
        "VALUES (?, ?, ?, ?, ?)",
        g.categories, [&](Statement& stmt, const model::Category& c, std::int64_t i) {
          stmt.Bind(1, g.code).Bind(2, c.code).Bind(3, i).Bind(4, c.name_zh).Bind(5, c.name_en);
        }));
    for (const auto& c : g.categories) {
      CLUSTERSCOPE_RETURN_IF_ERROR(InsertMapping(db, "category", g.code + "/" + c.code, c.classes));
    }
  }
  CLUSTERSCOPE_RETURN_IF_ERROR(InsertEach(
      db, "INSERT INTO high_tech_by_enterprise (code, ordinal) VALUES (?, ?)",
      system.high_tech_by_enterprise, [](Statement& stmt, const std::string& code, std::int64_t i) {
        stmt.Bind(1, code).Bind(2, i);
      }));
  return InsertEach(db,
                    "INSERT INTO designation_type (code, ordinal, name_zh, name_en, term_years) "
                    "VALUES (?, ?, ?, ?, ?)",
                    system.designation_types,
                    [](Statement& stmt, const model::DesignationType& t, std::int64_t i) {
                      stmt.Bind(1, t.code)
                          .Bind(2, i)
                          .Bind(3, t.name_zh)
                          .Bind(4, t.name_en)
                          .Bind(5, std::int64_t{t.term_years});
                    });
}

Result<model::ClassMapping> LoadMapping(Connection& db, std::string_view kind,
                                        const std::string& owner) {
  auto stmt = db.Prepare(
      "SELECT code, exclude FROM class_mapping WHERE owner_kind = ? AND owner = ? "
      "ORDER BY exclude, ordinal");
  if (!stmt) return Error(stmt.error());
  stmt->Bind(1, kind).Bind(2, owner);
  model::ClassMapping mapping;
  CLUSTERSCOPE_RETURN_IF_ERROR(ForEachRow(*stmt, [&] {
    (stmt->Int(1) != 0 ? mapping.exclude : mapping.include).push_back(stmt->Text(0));
  }));
  return mapping;
}

// The system row, its tiers and its clusters.
Result<model::ClusterSystem> LoadOneSystem(Connection& db, const std::string& code) {
  model::ClusterSystem system;
  {
    auto stmt = db.Prepare(
        "SELECT code, name_zh, name_en, region_code, is_primary FROM cluster_system WHERE code = "
        "?");
    if (!stmt) return Error(stmt.error());
    stmt->Bind(1, code);
    auto row = stmt->Step();
    if (!row) return Error(row.error());
    if (!*row) return Error(Status::DataLoss("cluster system " + code + " is missing"));
    system.code = stmt->Text(0);
    system.name_zh = stmt->Text(1);
    system.name_en = stmt->Text(2);
    system.region_code = stmt->Text(3);
  }
  {
    auto stmt = db.Prepare(
        "SELECT code, name_zh, name_en, scale_class, output_threshold_yuan FROM tier "
        "WHERE system_code = ? ORDER BY ordinal");
    if (!stmt) return Error(stmt.error());
    stmt->Bind(1, code);
    CLUSTERSCOPE_RETURN_IF_ERROR(ForEachRow(*stmt, [&] {
      system.tiers.push_back(
          {stmt->Text(0), stmt->Text(1), stmt->Text(2), stmt->Text(3), stmt->OptionalReal(4)});
    }));
  }
  auto stmt = db.Prepare(
      "SELECT code, name_zh, name_en, tier_code, parent_cluster FROM cluster "
      "WHERE system_code = ? ORDER BY ordinal");
  if (!stmt) return Error(stmt.error());
  stmt->Bind(1, code);
  CLUSTERSCOPE_RETURN_IF_ERROR(ForEachRow(*stmt, [&]() -> Status {
    model::Cluster cluster{
        stmt->Text(0), stmt->Text(1), stmt->Text(2), stmt->Text(3), {}, stmt->Text(4), {}};
    auto mapping = LoadMapping(db, "cluster", cluster.code);
    if (!mapping) return mapping.error();
    cluster.classes = std::move(*mapping);
    auto by_enterprise = LoadMapping(db, "cluster_by_enterprise", cluster.code);
    if (!by_enterprise) return by_enterprise.error();
    cluster.by_enterprise = std::move(*by_enterprise);
    system.clusters.push_back(std::move(cluster));
    return Status::Ok();
  }));
  return system;
}

Status LoadGroupings(Connection& db, model::ClusterSystem& system) {
  auto stmt = db.Prepare("SELECT code, name_zh, name_en FROM grouping ORDER BY ordinal");
  auto cats = db.Prepare(
      "SELECT code, name_zh, name_en FROM grouping_category WHERE grouping_code = ? "
      "ORDER BY ordinal");
  if (!stmt) return stmt.error();
  if (!cats) return cats.error();
  return ForEachRow(*stmt, [&]() -> Status {
    model::Grouping grouping{stmt->Text(0), stmt->Text(1), stmt->Text(2), {}};
    cats->Reset();
    cats->Bind(1, grouping.code);
    CLUSTERSCOPE_RETURN_IF_ERROR(ForEachRow(*cats, [&]() -> Status {
      model::Category category{cats->Text(0), cats->Text(1), cats->Text(2), {}};
      auto mapping = LoadMapping(db, "category", grouping.code + "/" + category.code);
      if (!mapping) return mapping.error();
      category.classes = std::move(*mapping);
      grouping.categories.push_back(std::move(category));
      return Status::Ok();
    }));
    system.groupings.push_back(std::move(grouping));
    return Status::Ok();
  });
}

// Parks, groupings and designation types: the primary system's own parts.
Status LoadPrimaryParts(Connection& db, model::ClusterSystem& system) {
  {
    auto stmt = db.Prepare("SELECT code, name_zh, name_en, land_km2 FROM park ORDER BY ordinal");
    if (!stmt) return stmt.error();
    CLUSTERSCOPE_RETURN_IF_ERROR(ForEachRow(*stmt, [&] {
      system.parks.push_back({stmt->Text(0), stmt->Text(1), stmt->Text(2), stmt->OptionalReal(3)});
    }));
  }
  CLUSTERSCOPE_RETURN_IF_ERROR(LoadGroupings(db, system));
  {
    auto stmt = db.Prepare("SELECT code FROM high_tech_by_enterprise ORDER BY ordinal");
    if (!stmt) return stmt.error();
    CLUSTERSCOPE_RETURN_IF_ERROR(
        ForEachRow(*stmt, [&] { system.high_tech_by_enterprise.push_back(stmt->Text(0)); }));
  }
  auto stmt = db.Prepare(
      "SELECT code, name_zh, name_en, term_years FROM designation_type ORDER BY ordinal");
  if (!stmt) return stmt.error();
  return ForEachRow(*stmt, [&] {
    system.designation_types.push_back(
        {stmt->Text(0), stmt->Text(1), stmt->Text(2), static_cast<int>(stmt->Int(3))});
  });
}

}  // namespace

Result<std::optional<std::string>> PrimarySystemCode(Connection& db) {
  auto stmt = db.Prepare("SELECT code FROM cluster_system WHERE is_primary = 1");
  if (!stmt) return Error(stmt.error());
  auto row = stmt->Step();
  if (!row) return Error(row.error());
  return *row ? std::optional<std::string>(stmt->Text(0)) : std::nullopt;
}

Status CheckDanglingReferences(Connection& db) {
  // Named here so that the message says what to do rather than SQLite's bare "FOREIGN KEY
  // constraint failed".
  struct Check {
    std::string_view sql;
    std::string_view what;
  };
  static constexpr Check kChecks[] = {
      {"SELECT cluster_code, count(*) FROM enterprise WHERE cluster_code IS NOT NULL AND "
       "cluster_code NOT IN (SELECT code FROM cluster) GROUP BY cluster_code",
       "cluster"},
      {"SELECT park_code, count(*) FROM enterprise WHERE park_code IS NOT NULL AND park_code NOT "
       "IN (SELECT code FROM park) GROUP BY park_code",
       "park"},
      {"SELECT type_code, count(*) FROM designation WHERE type_code NOT IN "
       "(SELECT code FROM designation_type) GROUP BY type_code",
       "designation type"},
  };
  std::vector<std::string> problems;
  for (const auto& check : kChecks) {
    auto stmt = db.Prepare(check.sql);
    if (!stmt) return stmt.error();
    CLUSTERSCOPE_RETURN_IF_ERROR(ForEachRow(*stmt, [&] {
      problems.push_back(fmt::format("{} '{}' is still used by {} record(s)", check.what,
                                     stmt->Text(0), stmt->Int(1)));
    }));
  }
  if (problems.empty()) return Status::Ok();
  return Status::InvalidArgument(fmt::format(
      "records refer to codes the cluster system does not have: {}; keep the codes in the "
      "system or reassign the records first",
      fmt::join(problems, "; ")));
}

Status ReplaceSystemRows(Connection& db, const model::ClusterSystem& system) {
  CLUSTERSCOPE_RETURN_IF_ERROR(db.Exec(
      "DELETE FROM class_mapping; DELETE FROM grouping_category; DELETE FROM grouping; "
      "DELETE FROM park; DELETE FROM designation_type; DELETE FROM high_tech_by_enterprise; "
      "DELETE FROM cluster; "
      "DELETE FROM tier; DELETE FROM cluster_system;"));
  if (system.parent) {
    CLUSTERSCOPE_RETURN_IF_ERROR(InsertTiersAndClusters(db, *system.parent, false));
  }
  CLUSTERSCOPE_RETURN_IF_ERROR(InsertTiersAndClusters(db, system, true));
  CLUSTERSCOPE_RETURN_IF_ERROR(InsertPrimaryParts(db, system));
  return CheckDanglingReferences(db);
}

Result<std::optional<model::ClusterSystem>> LoadSystem(Connection& db) {
  std::string code;
  std::optional<std::string> parent_code;
  {
    auto stmt = db.Prepare("SELECT code, parent_code FROM cluster_system WHERE is_primary = 1");
    if (!stmt) return Error(stmt.error());
    auto row = stmt->Step();
    if (!row) return Error(row.error());
    if (!*row) return std::optional<model::ClusterSystem>();
    code = stmt->Text(0);
    parent_code = stmt->OptionalText(1);
  }
  auto system = LoadOneSystem(db, code);
  if (!system) return Error(system.error());
  if (parent_code) {
    auto parent = LoadOneSystem(db, *parent_code);
    if (!parent) return Error(parent.error());
    system->parent = std::make_shared<const model::ClusterSystem>(std::move(*parent));
  }
  CLUSTERSCOPE_RETURN_IF_ERROR(LoadPrimaryParts(db, *system));
  return std::optional<model::ClusterSystem>(std::move(*system));
}

}  // namespace clusterscope::storage::sqlite
