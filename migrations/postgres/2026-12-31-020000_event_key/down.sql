DROP TABLE event_keys;
