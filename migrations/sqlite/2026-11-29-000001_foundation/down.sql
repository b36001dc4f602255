DROP TABLE idempotency_keys;
DROP TRIGGER audit_events_no_delete;
DROP TRIGGER audit_events_no_update;
DROP TABLE audit_events;
DROP TABLE rule_sets;
DROP TABLE sectors;
DROP TABLE countries;
DROP TABLE regions;
