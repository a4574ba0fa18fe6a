-- Partial classes of the high-tech manufacturing list (marked * in 国统字〔2017〕200号): an
-- enterprise of such a class counts as high-tech manufacturing only when the registry says so.
ALTER TABLE enterprise ADD COLUMN high_tech INTEGER CHECK (high_tech IS NULL OR high_tech IN (0, 1));
CREATE TABLE high_tech_by_enterprise (
  code    TEXT PRIMARY KEY CHECK (length(code) = 4),
  ordinal INTEGER NOT NULL
);
