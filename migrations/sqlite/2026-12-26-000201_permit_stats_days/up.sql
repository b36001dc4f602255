-- The days a decision took get a column of their own (issue 20): they were written into
-- 'ground' as text for the 'decided' measure, so the report parsed a number out of a
-- column that otherwise holds refusal and revocation grounds. The old rows move over:
-- their ground (the days as text) becomes days, and ground becomes ''.
--   days     calendar days from filing to the decision, for 'decided' only (else NULL)
-- The measures are a closed set (domain::statistics::Measure); the CHECK says which.
-- SQLite adds no CHECK to a table it has: the table is rebuilt.
CREATE TABLE permit_stats_new (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    year     INTEGER NOT NULL,
    month    TEXT NOT NULL,
    region   TEXT NOT NULL,
    category TEXT NOT NULL,
    sector   TEXT NOT NULL,
    country  TEXT NOT NULL,
    measure  TEXT NOT NULL CHECK (measure IN ('applied', 'extension_applied', 'issued', 'extended', 'refused', 'refused_ground', 'revoked', 'returned', 'lapsed', 'quota_used', 'quota_released', 'fee_assessed', 'fee_paid', 'decided', 'decided_late')),
    ground   TEXT NOT NULL,
    days     BIGINT,
    permits  BIGINT NOT NULL,
    workers  BIGINT NOT NULL,
    amount   BIGINT NOT NULL,
    CHECK ((measure = 'decided') = (days IS NOT NULL))
);
INSERT INTO permit_stats_new (id, year, month, region, category, sector, country, measure,
        ground, days, permits, workers, amount)
    SELECT id, year, month, region, category, sector, country, measure,
        CASE WHEN measure = 'decided' THEN '' ELSE ground END,
        CASE WHEN measure = 'decided' THEN CAST(ground AS INTEGER) END,
        permits, workers, amount
    FROM permit_stats;
DROP TABLE permit_stats;
ALTER TABLE permit_stats_new RENAME TO permit_stats;
-- One row per key, days included. A NULL is one value here (COALESCE), as it is in the
-- service's key; the -1 meets no real key, since only 'decided' rows have days.
CREATE UNIQUE INDEX permit_stats_key
    ON permit_stats (year, measure, region, category, month, sector, country, ground,
        COALESCE(days, -1));
