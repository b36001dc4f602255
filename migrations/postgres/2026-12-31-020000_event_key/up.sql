-- The service's secret for events (newcomer's finding 17): an event's id and the feed's
-- cursors are derived from it, keyed per event and per stream, so that neither tells the
-- place of an event in the whole trail (how much other employers did). One row, made here
-- from the database's strong random source (gen_random_uuid) and never shown; kept with
-- the data, so ids and cursors stay the same across restarts, instances and a restore.
CREATE TABLE event_keys (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    key TEXT NOT NULL
);
INSERT INTO event_keys (id, key)
VALUES (1, replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''));
