-- The days a decision took get a column of their own (issue 20): they were written into
-- 'ground' as text for the 'decided' measure, so the report parsed a number out of a
-- column that otherwise holds refusal and revocation grounds. The old rows move over:
-- their ground (the days as text) becomes days, and ground becomes ''.
--   days     calendar days from filing to the decision, for 'decided' only (else NULL)
-- The measures are a closed set (domain::statistics::Measure); the CHECK says which.
-- The key's index goes first: while ground empties, two days of one key share it.
DROP INDEX permit_stats_key;
ALTER TABLE permit_stats ADD COLUMN days BIGINT;
UPDATE permit_stats SET days = CAST(ground AS BIGINT), ground = '' WHERE measure = 'decided';
ALTER TABLE permit_stats ADD CONSTRAINT permit_stats_days
    CHECK ((measure = 'decided') = (days IS NOT NULL));
ALTER TABLE permit_stats ADD CONSTRAINT permit_stats_measure
    CHECK (measure IN ('applied', 'extension_applied', 'issued', 'extended', 'refused', 'refused_ground', 'revoked', 'returned', 'lapsed', 'quota_used', 'quota_released', 'fee_assessed', 'fee_paid', 'decided', 'decided_late'));
-- One row per key, days included. A NULL is one value here (COALESCE), as it is in the
-- service's key; the -1 meets no real key, since only 'decided' rows have days.
CREATE UNIQUE INDEX permit_stats_key
    ON permit_stats (year, measure, region, category, month, sector, country, ground,
        COALESCE(days, -1));
