-- ClusterScope schema 2: monthly enterprise statistics with revisions.
-- Money in 万元, energy in tonnes of standard coal, employees as headcount; NULL = not reported.

-- The current value of every enterprise-month, and the import batch that wrote it.
CREATE TABLE monthly_fact (
  uscc    TEXT NOT NULL REFERENCES enterprise(uscc) DEFERRABLE INITIALLY DEFERRED,
  period  INTEGER NOT NULL CHECK (period % 100 BETWEEN 1 AND 12),  -- YYYYMM
  output_value REAL, value_added REAL, revenue REAL, profit REAL, rd_expense REAL,
  new_product_revenue REAL, export_value REAL, energy_tce REAL, employees REAL,
  batch_id INTEGER NOT NULL REFERENCES import_batch(id),
  PRIMARY KEY (uscc, period)
) WITHOUT ROWID;
CREATE INDEX monthly_fact_period ON monthly_fact(period);
CREATE INDEX monthly_fact_batch ON monthly_fact(batch_id);

-- Every earlier value an import replaced: what batch_id had written, replaced by which batch.
-- Nothing the user gave is lost, and `import undo` restores from here.
CREATE TABLE monthly_revision (
  id      INTEGER PRIMARY KEY,
  uscc    TEXT NOT NULL,
  period  INTEGER NOT NULL,
  output_value REAL, value_added REAL, revenue REAL, profit REAL, rd_expense REAL,
  new_product_revenue REAL, export_value REAL, energy_tce REAL, employees REAL,
  batch_id    INTEGER NOT NULL REFERENCES import_batch(id),
  replaced_by INTEGER NOT NULL REFERENCES import_batch(id)
);
CREATE INDEX monthly_revision_key ON monthly_revision(uscc, period);
CREATE INDEX monthly_revision_replaced_by ON monthly_revision(replaced_by);

ALTER TABLE import_batch ADD COLUMN undone_at TEXT;
ALTER TABLE import_batch ADD COLUMN undone_by TEXT;
