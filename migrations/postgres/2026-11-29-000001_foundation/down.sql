DROP TABLE idempotency_keys;
DROP TRIGGER audit_events_no_update ON audit_events;
DROP FUNCTION audit_events_append_only();
DROP TABLE audit_events;
DROP TABLE rule_sets;
DROP TABLE sectors;
DROP TABLE countries;
DROP TABLE regions;
