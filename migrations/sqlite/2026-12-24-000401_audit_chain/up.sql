-- A tamper-evident audit trail (issue 24): each event carries its place in the chain
-- (`seq`, 1, 2, 3, … without gaps) and `hash` = SHA-256(previous hash || its content),
-- both set by the service at the end of the transaction that records the event (SQLite
-- serializes writers, so the chain's order is the commits' order).
ALTER TABLE audit_events ADD COLUMN seq BIGINT;
ALTER TABLE audit_events ADD COLUMN hash TEXT;
CREATE UNIQUE INDEX audit_events_seq ON audit_events (seq);
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
DROP TRIGGER audit_events_no_update;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
WHEN NOT (OLD.seq IS NULL AND OLD.hash IS NULL AND NEW.seq IS NOT NULL AND NEW.hash IS NOT NULL
    AND NEW.id IS OLD.id AND NEW.occurred_at IS OLD.occurred_at AND NEW.actor IS OLD.actor
    AND NEW.role IS OLD.role AND NEW.region IS OLD.region AND NEW.bin IS OLD.bin
    AND NEW.action IS OLD.action AND NEW.entity_type IS OLD.entity_type
    AND NEW.entity_id IS OLD.entity_id AND NEW.before_json IS OLD.before_json
    AND NEW.after_json IS OLD.after_json AND NEW.legal_basis IS OLD.legal_basis
    AND NEW.request_id IS OLD.request_id)
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;
