-- The console's sessions, held by the server (issue 21): the browser's cookie carries only
-- a random session id; this row, found by the id's SHA-256 (`id_hash`, so a copy of the
-- table opens no session), holds the session's state as JSON (the signed-in caller's
-- claims, the CSRF token, a note for the next page, a sign-in under way). A session is
-- over when it has been idle too long (`last_seen`, the configured idle minutes) or when
-- the identity token it began with has expired (`ends_at`, null before sign-in); sign-out
-- deletes the row. Times are UTC.
CREATE TABLE console_sessions (
    id_hash    TEXT PRIMARY KEY,
    state      TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    last_seen  TIMESTAMP NOT NULL,
    ends_at    TIMESTAMP
);
-- Sessions over by idleness are removed whenever a new one starts.
CREATE INDEX console_sessions_last_seen ON console_sessions (last_seen);
