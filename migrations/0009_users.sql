-- Users of the HTTP server (issue 7). Passwords are kept only as libsodium argon2id hashes;
-- sessions live in the server's memory, so a restart signs everyone out.
CREATE TABLE app_user (
  name          TEXT PRIMARY KEY,
  role          TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'park_editor', 'viewer')),
  park          TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,
  created_at    TEXT NOT NULL
) WITHOUT ROWID;

-- The audit log also records exports of enterprise-level data (an API answer, a download):
-- action 'export'. SQLite cannot change a CHECK constraint, so the table is rebuilt.
CREATE TABLE audit_log_new (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL,
  action    TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'export')),
  entity    TEXT NOT NULL,
  entity_key TEXT NOT NULL,
  field     TEXT NOT NULL DEFAULT '',
  old_value TEXT,
  new_value TEXT,
  batch_id  INTEGER REFERENCES import_batch(id)
);
INSERT INTO audit_log_new SELECT id, at, actor, action, entity, entity_key, field, old_value,
  new_value, batch_id FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_log_new RENAME TO audit_log;
CREATE INDEX audit_log_entity ON audit_log(entity, entity_key);
