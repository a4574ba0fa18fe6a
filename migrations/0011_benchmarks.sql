-- Benchmark matrices for regional analytics (issue 8): region x industry values of other
-- regions (every district of the city, every county of the country), by name and year, as
-- `import matrix` read them. A re-import keeps the values it changes or drops as revisions.
CREATE TABLE benchmark_cell (
  name     TEXT NOT NULL,
  year     INTEGER NOT NULL,  -- 0: the file had no year column
  region   TEXT NOT NULL,
  industry TEXT NOT NULL,
  value    REAL NOT NULL CHECK (value >= 0),
  batch_id INTEGER NOT NULL REFERENCES import_batch(id),
  PRIMARY KEY (name, year, region, industry)
) WITHOUT ROWID;

CREATE TABLE benchmark_revision (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  year        INTEGER NOT NULL,
  region      TEXT NOT NULL,
  industry    TEXT NOT NULL,
  value       REAL NOT NULL,
  batch_id    INTEGER NOT NULL REFERENCES import_batch(id),
  replaced_by INTEGER NOT NULL REFERENCES import_batch(id)  -- the import that changed or dropped it
);
CREATE INDEX benchmark_revision_name ON benchmark_revision(name);
