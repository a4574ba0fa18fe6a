-- One counter that every committed change of data moves (not an export, which only reads):
-- the HTTP server keys its cached answers by it, and sees changes made by the command line.
CREATE TABLE data_version (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
);
INSERT INTO data_version (id, version) VALUES (1, 0);
