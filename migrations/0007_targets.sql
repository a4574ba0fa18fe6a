-- Target plans and the external series they read (issue 5).
--
-- The plan is kept as the TOML text it was loaded from (the file format is its definition; the
-- program parses it on use), one row per load: the newest is current, older ones are history.
CREATE TABLE target_plan (
  id        INTEGER PRIMARY KEY,
  file      TEXT NOT NULL,
  text      TEXT NOT NULL,
  loaded_at TEXT NOT NULL,
  actor     TEXT NOT NULL
);

-- External series (GDP, investment, the city-assigned energy-intensity rate, milestones, ...):
-- one value per series and period, a year (month 0) or a month (year to date), with its source.
CREATE TABLE series_value (
  series   TEXT NOT NULL,
  year     INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
  month    INTEGER NOT NULL CHECK (month BETWEEN 0 AND 12),
  value    REAL NOT NULL,
  source   TEXT NOT NULL DEFAULT '',
  batch_id INTEGER REFERENCES import_batch(id),
  PRIMARY KEY (series, year, month)
) WITHOUT ROWID;

-- Values a later import replaced: nothing the user gave is lost.
CREATE TABLE series_revision (
  series            TEXT NOT NULL,
  year              INTEGER NOT NULL,
  month             INTEGER NOT NULL,
  value             REAL NOT NULL,
  source            TEXT NOT NULL,
  batch_id          INTEGER REFERENCES import_batch(id),
  replaced_by_batch INTEGER REFERENCES import_batch(id)
);
CREATE INDEX series_revision_key ON series_revision (series, year, month);
