-- Users of the HTTP server (issue 7). Passwords are kept only as libsodium argon2id hashes;
-- sessions live in the server's memory, so a restart signs everyone out.
CREATE TABLE app_user (
  name          TEXT PRIMARY KEY,
  role          TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'park_editor', 'viewer')),
  park          TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,
  created_at    TEXT NOT NULL
) WITHOUT ROWID;
