-- Sessions of the HTTP server (issue 18), kept in the store rather than in one server's memory:
-- a session holds the generation of its user's credentials and is good only while the user's
-- row still has that generation. A change of password, role or park raises it and a removal
-- takes the row, so either ends every session of that user at its next request, whichever
-- process made the change. Sessions are not data: writing them moves no data version and is
-- not audited.
ALTER TABLE app_user ADD COLUMN generation INTEGER NOT NULL DEFAULT 1;
CREATE TABLE app_session (
  token_hash TEXT PRIMARY KEY,  -- BLAKE2b of the cookie's token, never the token itself
  user_name  TEXT NOT NULL,
  generation INTEGER NOT NULL,
  csrf       TEXT NOT NULL,
  expires_at INTEGER NOT NULL   -- Unix seconds
) WITHOUT ROWID;
CREATE INDEX app_session_user ON app_session(user_name);
CREATE INDEX app_session_expiry ON app_session(expires_at);
