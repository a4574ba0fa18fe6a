-- ClusterScope schema 3: data-quality warnings (数据审核) raised by monthly imports, for the
-- analyst to confirm or correct.
CREATE TABLE quality_warning (
  id          INTEGER PRIMARY KEY,
  batch_id    INTEGER NOT NULL REFERENCES import_batch(id),
  uscc        TEXT NOT NULL,
  period      INTEGER NOT NULL,  -- YYYYMM
  rule        TEXT NOT NULL,
  measure     TEXT NOT NULL DEFAULT '',
  value       REAL,
  message     TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'confirmed', 'superseded')),
  note        TEXT NOT NULL DEFAULT '',
  resolved_by TEXT,
  resolved_at TEXT
);
CREATE INDEX quality_warning_period ON quality_warning(period, status);
CREATE INDEX quality_warning_key ON quality_warning(uscc, period, rule);
CREATE INDEX quality_warning_batch ON quality_warning(batch_id);
