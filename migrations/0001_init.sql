-- ClusterScope schema 1: the cluster system, the enterprise registry, designations, the audit log.
-- Applied by storage inside one transaction; schema_migrations records it.

CREATE TABLE cluster_system (
  code        TEXT PRIMARY KEY,
  name_zh     TEXT NOT NULL,
  name_en     TEXT NOT NULL DEFAULT '',
  region_code TEXT NOT NULL,
  parent_code TEXT REFERENCES cluster_system(code) DEFERRABLE INITIALLY DEFERRED,
  is_primary  INTEGER NOT NULL CHECK (is_primary IN (0, 1))
);
CREATE UNIQUE INDEX cluster_system_one_primary ON cluster_system(is_primary) WHERE is_primary = 1;

CREATE TABLE tier (
  system_code TEXT NOT NULL REFERENCES cluster_system(code) DEFERRABLE INITIALLY DEFERRED,
  code        TEXT NOT NULL,
  ordinal     INTEGER NOT NULL,
  name_zh     TEXT NOT NULL,
  name_en     TEXT NOT NULL DEFAULT '',
  scale_class TEXT NOT NULL DEFAULT '',
  output_threshold_yuan REAL,
  PRIMARY KEY (system_code, code)
);

-- Cluster codes are unique across the database (the primary system and its parent).
CREATE TABLE cluster (
  code           TEXT PRIMARY KEY,
  system_code    TEXT NOT NULL REFERENCES cluster_system(code) DEFERRABLE INITIALLY DEFERRED,
  ordinal        INTEGER NOT NULL,
  name_zh        TEXT NOT NULL,
  name_en        TEXT NOT NULL DEFAULT '',
  tier_code      TEXT NOT NULL,
  parent_cluster TEXT REFERENCES cluster(code) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (system_code, tier_code) REFERENCES tier(system_code, code)
    DEFERRABLE INITIALLY DEFERRED
);

-- Industry-code mappings of clusters and of grouping categories ('owner' is the cluster code or
-- 'grouping/category').
CREATE TABLE class_mapping (
  owner_kind TEXT NOT NULL CHECK (owner_kind IN ('cluster', 'category')),
  owner      TEXT NOT NULL,
  ordinal    INTEGER NOT NULL,
  code       TEXT NOT NULL,
  exclude    INTEGER NOT NULL CHECK (exclude IN (0, 1)),
  PRIMARY KEY (owner_kind, owner, exclude, code)
);

CREATE TABLE park (
  code     TEXT PRIMARY KEY,
  ordinal  INTEGER NOT NULL,
  name_zh  TEXT NOT NULL,
  name_en  TEXT NOT NULL DEFAULT '',
  land_km2 REAL CHECK (land_km2 IS NULL OR land_km2 >= 0)
);

CREATE TABLE grouping (
  code    TEXT PRIMARY KEY,
  ordinal INTEGER NOT NULL,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT ''
);

CREATE TABLE grouping_category (
  grouping_code TEXT NOT NULL REFERENCES grouping(code) DEFERRABLE INITIALLY DEFERRED,
  code          TEXT NOT NULL,
  ordinal       INTEGER NOT NULL,
  name_zh       TEXT NOT NULL,
  name_en       TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (grouping_code, code)
);

CREATE TABLE designation_type (
  code    TEXT PRIMARY KEY,
  ordinal INTEGER NOT NULL,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT ''
);

CREATE TABLE enterprise (
  uscc           TEXT PRIMARY KEY CHECK (length(uscc) = 18),
  name           TEXT NOT NULL,
  industry_code  TEXT NOT NULL CHECK (length(industry_code) = 4),
  cluster_code   TEXT REFERENCES cluster(code) DEFERRABLE INITIALLY DEFERRED,
  cluster_source TEXT NOT NULL CHECK (cluster_source IN ('none', 'explicit', 'derived')),
  park_code      TEXT REFERENCES park(code) DEFERRABLE INITIALLY DEFERRED,
  town_code      TEXT,
  founded        TEXT,
  listed         INTEGER CHECK (listed IS NULL OR listed IN (0, 1)),
  strategic_emerging TEXT,
  land_km2       REAL CHECK (land_km2 IS NULL OR land_km2 >= 0)
);
CREATE INDEX enterprise_cluster ON enterprise(cluster_code);
CREATE INDEX enterprise_park ON enterprise(park_code);

-- Above-scale (规上) status by year: an enterprise enters or leaves the frame.
CREATE TABLE enterprise_scale (
  uscc        TEXT NOT NULL REFERENCES enterprise(uscc) DEFERRABLE INITIALLY DEFERRED,
  year        INTEGER NOT NULL,
  above_scale INTEGER NOT NULL CHECK (above_scale IN (0, 1)),
  PRIMARY KEY (uscc, year)
);

CREATE TABLE designation (
  uscc      TEXT NOT NULL REFERENCES enterprise(uscc) DEFERRABLE INITIALLY DEFERRED,
  type_code TEXT NOT NULL REFERENCES designation_type(code) DEFERRABLE INITIALLY DEFERRED,
  granted   TEXT NOT NULL,
  withdrawn TEXT CHECK (withdrawn IS NULL OR withdrawn >= granted),
  level     TEXT NOT NULL DEFAULT '',
  note      TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (uscc, type_code, granted)
);
CREATE INDEX designation_type_idx ON designation(type_code);

-- One row per changed field: who changed what, when, from which value to which.
CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,  -- UTC, ISO 8601
  actor     TEXT NOT NULL,
  action    TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
  entity    TEXT NOT NULL,  -- 'enterprise', 'designation', 'system', ...
  entity_key TEXT NOT NULL,
  field     TEXT NOT NULL DEFAULT '',
  old_value TEXT,
  new_value TEXT,
  batch_id  INTEGER REFERENCES import_batch(id)
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_key);

CREATE TABLE import_batch (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL,
  file          TEXT NOT NULL,
  at            TEXT NOT NULL,
  actor         TEXT NOT NULL,
  rows_read     INTEGER NOT NULL,
  rows_written  INTEGER NOT NULL,
  rows_rejected INTEGER NOT NULL
);
