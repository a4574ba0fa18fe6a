-- Classes a cluster takes only by the enterprise's explicit assignment (a class that serves two
-- clusters: the class's own cluster by default, this one when the registry names it). SQLite
-- cannot widen a CHECK in place, so the table is rebuilt.
CREATE TABLE class_mapping_new (
  owner_kind TEXT NOT NULL CHECK (owner_kind IN ('cluster', 'category', 'cluster_by_enterprise')),
  owner      TEXT NOT NULL,
  ordinal    INTEGER NOT NULL,
  code       TEXT NOT NULL,
  exclude    INTEGER NOT NULL CHECK (exclude IN (0, 1)),
  PRIMARY KEY (owner_kind, owner, exclude, code)
);
INSERT INTO class_mapping_new SELECT owner_kind, owner, ordinal, code, exclude FROM class_mapping;
DROP TABLE class_mapping;
ALTER TABLE class_mapping_new RENAME TO class_mapping;
