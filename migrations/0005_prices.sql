-- Price indices by industry division and month (same month of last year = 100), imported with
-- `import prices`: they give value-added growth at comparable prices. Changes are audited.
CREATE TABLE price_index (
  division  TEXT NOT NULL CHECK (length(division) = 2),
  period    INTEGER NOT NULL CHECK (period % 100 BETWEEN 1 AND 12),  -- YYYYMM
  value     REAL NOT NULL CHECK (value > 0),
  batch_id  INTEGER REFERENCES import_batch(id),
  PRIMARY KEY (division, period)
);
