CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only';
END;
$$ LANGUAGE plpgsql;
DROP TABLE audit_chain_head;
DROP INDEX audit_events_unchained;
DROP INDEX audit_events_seq;
ALTER TABLE audit_events DROP COLUMN hash, DROP COLUMN seq;
