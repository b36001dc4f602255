-- A stored answer belongs to the whole principal (role, subject, region, BIN), written as a
-- JSON array into `caller`, and carries every header of the first answer (`headers`, a JSON
-- array of [name, value] pairs) so a replay is the same answer. Rows stored before were
-- keyed by role and subject only, which two tenants can share: they are dropped, not
-- guessed at (they could never match a new key anyway).
DELETE FROM idempotency_keys;
ALTER TABLE idempotency_keys ADD COLUMN headers TEXT NOT NULL DEFAULT '[]';
