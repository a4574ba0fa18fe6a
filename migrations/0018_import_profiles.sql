-- Import profiles: a saved way of reading one source's files (header rows, what the columns
-- mean, basis, unit, sheets), kept as the TOML an analyst can edit. Saving and deleting one is
-- audited.
CREATE TABLE import_profile (
  name     TEXT PRIMARY KEY,
  kind     TEXT NOT NULL,
  body     TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  saved_by TEXT NOT NULL
);
