-- Regional analytics tied to the product (issue 8): two more kinds of plan document, the
-- analytics plan (TOML: default benchmark, the region's row, sectors mapped to clusters) and the
-- input-output table (its CSV text, as `import io` checked it). SQLite cannot change a CHECK, so
-- the table is rebuilt with its rows and ids.
CREATE TABLE plan_document_new (
  id        INTEGER PRIMARY KEY,
  kind      TEXT NOT NULL CHECK (kind IN ('targets', 'chains', 'analytics', 'io_table')),
  file      TEXT NOT NULL,
  text      TEXT NOT NULL,
  loaded_at TEXT NOT NULL,
  actor     TEXT NOT NULL
);
INSERT INTO plan_document_new (id, kind, file, text, loaded_at, actor)
  SELECT id, kind, file, text, loaded_at, actor FROM plan_document ORDER BY id;
DROP TABLE plan_document;
ALTER TABLE plan_document_new RENAME TO plan_document;
CREATE INDEX plan_document_kind ON plan_document (kind, id);
