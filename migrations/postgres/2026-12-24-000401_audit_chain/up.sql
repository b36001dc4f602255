-- A tamper-evident audit trail (issue 24): each event carries its place in the chain
-- (`seq`, 1, 2, 3, … without gaps) and `hash` = SHA-256(previous hash || its content),
-- both set by the service at the end of the transaction that records the event. The head
-- of the chain is one row, locked by the writer that extends it, so concurrent writers
-- take turns for the few statements before their commit.
ALTER TABLE audit_events ADD COLUMN seq BIGINT, ADD COLUMN hash TEXT;
CREATE UNIQUE INDEX audit_events_seq ON audit_events (seq);
-- The events of transactions not yet sealed (only ever the current ones, or a forgery).
CREATE INDEX audit_events_unchained ON audit_events (id) WHERE seq IS NULL;

-- The chain's last link. Absent until the service (after migrating) chains the events recorded
-- before this migration (in id order) and writes it.
CREATE TABLE audit_chain_head (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    seq       BIGINT NOT NULL,
    hash      TEXT NOT NULL,
    event_id  BIGINT
);

-- Still append-only; the one change allowed is sealing: setting seq and hash once, on an
-- event that has neither, with every other column as it was.
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND OLD.hash IS NULL
       AND NEW.seq IS NOT NULL AND NEW.hash IS NOT NULL
       AND to_jsonb(NEW) - 'seq' - 'hash' = to_jsonb(OLD) - 'seq' - 'hash' THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_events is append-only';
END;
$$ LANGUAGE plpgsql;
