-- Chain work (issue 6): plan documents of every kind, investment projects with their phases and
-- stage moves, supplier relations and outside enterprises to attract.
--
-- A plan (targets, chains) is kept as the TOML text it was loaded from, one row per load: the
-- newest row of a kind is current, older ones are history. target_plan moves in here.
CREATE TABLE plan_document (
  id        INTEGER PRIMARY KEY,
  kind      TEXT NOT NULL CHECK (kind IN ('targets', 'chains')),
  file      TEXT NOT NULL,
  text      TEXT NOT NULL,
  loaded_at TEXT NOT NULL,
  actor     TEXT NOT NULL
);
CREATE INDEX plan_document_kind ON plan_document (kind, id);
INSERT INTO plan_document (kind, file, text, loaded_at, actor)
  SELECT 'targets', file, text, loaded_at, actor FROM target_plan ORDER BY id;
DROP TABLE target_plan;

-- One row per project; the dates of stages reached and planned are columns, so that a stage
-- order check is a comparison of a row. Changes are audited field by field.
CREATE TABLE project (
  code             TEXT PRIMARY KEY,
  name             TEXT NOT NULL,
  investor         TEXT NOT NULL DEFAULT '',
  cluster          TEXT NOT NULL DEFAULT '',
  chain            TEXT NOT NULL DEFAULT '',
  link             TEXT NOT NULL DEFAULT '',
  park             TEXT NOT NULL DEFAULT '',
  uscc             TEXT NOT NULL DEFAULT '',
  total_investment REAL,
  stage            INTEGER NOT NULL CHECK (stage BETWEEN 0 AND 5),
  ramp_months      INTEGER NOT NULL DEFAULT 24,
  curve            TEXT NOT NULL DEFAULT 'linear',
  note             TEXT NOT NULL DEFAULT '',
  reached_0 TEXT, reached_1 TEXT, reached_2 TEXT, reached_3 TEXT, reached_4 TEXT, reached_5 TEXT,
  planned_0 TEXT, planned_1 TEXT, planned_2 TEXT, planned_3 TEXT, planned_4 TEXT, planned_5 TEXT
) WITHOUT ROWID;

CREATE TABLE project_phase (
  project       TEXT NOT NULL REFERENCES project(code) ON DELETE CASCADE,
  number        INTEGER NOT NULL,
  investment    REAL,
  capacity      REAL,
  capacity_unit TEXT NOT NULL DEFAULT '',
  annual_sales  REAL,
  production    TEXT,
  PRIMARY KEY (project, number)
) WITHOUT ROWID;

-- Every move of a project between stages, with its reason: the pipeline's history.
CREATE TABLE project_move (
  id         INTEGER PRIMARY KEY,
  project    TEXT NOT NULL REFERENCES project(code),
  from_stage INTEGER NOT NULL,
  to_stage   INTEGER NOT NULL,
  date       TEXT NOT NULL,
  reason     TEXT NOT NULL DEFAULT '',
  at         TEXT NOT NULL,
  actor      TEXT NOT NULL
);
CREATE INDEX project_move_project ON project_move (project, id);

-- Purchases of local buyers from suppliers (local or not), by period, 万元.
CREATE TABLE supply_relation (
  buyer    TEXT NOT NULL,
  supplier TEXT NOT NULL,
  year     INTEGER NOT NULL,
  month    INTEGER NOT NULL CHECK (month BETWEEN 0 AND 12),
  value    REAL NOT NULL CHECK (value >= 0),
  batch_id INTEGER REFERENCES import_batch(id),
  PRIMARY KEY (buyer, supplier, year, month)
) WITHOUT ROWID;

-- Enterprises outside the district that investment promotion could attract.
CREATE TABLE prospect (
  uscc          TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  industry_code TEXT NOT NULL,
  region        TEXT NOT NULL DEFAULT '',
  revenue       REAL,
  products      TEXT NOT NULL DEFAULT '',
  batch_id      INTEGER REFERENCES import_batch(id)
) WITHOUT ROWID;
