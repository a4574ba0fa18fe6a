-- Monthly facts move from rows to columnar segment files beside the database (one per import
-- batch, see src/storage/facts/segment.h): at national scale (17 M enterprise-months) a row
-- per fact cost a B-tree insert each and several times the file's size. This table says which
-- segments are committed; the current value of an enterprise-month is the newest live batch's.
-- The program moves the rows of monthly_fact and monthly_revision into segments, then drops
-- those tables (in the same transaction as this script).
CREATE TABLE fact_segment (
  batch_id    INTEGER PRIMARY KEY REFERENCES import_batch(id),
  file        TEXT NOT NULL UNIQUE,
  rows        INTEGER NOT NULL,
  enterprises INTEGER NOT NULL,
  bytes       INTEGER NOT NULL,
  checksum    TEXT NOT NULL  -- XXH3-64, hex
);
