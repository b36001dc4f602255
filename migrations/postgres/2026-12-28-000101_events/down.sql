DROP TABLE webhook_attempts;
DROP TABLE webhook_deliveries;
DROP TABLE webhook_subscriptions;
DROP TABLE event_marks;
DROP INDEX audit_events_region_seq;
DROP INDEX audit_events_bin_seq;
