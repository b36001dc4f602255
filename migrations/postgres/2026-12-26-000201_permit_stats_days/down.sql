DROP INDEX permit_stats_key;
ALTER TABLE permit_stats DROP CONSTRAINT permit_stats_measure;
ALTER TABLE permit_stats DROP CONSTRAINT permit_stats_days;
UPDATE permit_stats SET ground = CAST(days AS TEXT) WHERE measure = 'decided';
ALTER TABLE permit_stats DROP COLUMN days;
CREATE UNIQUE INDEX permit_stats_key
    ON permit_stats (year, measure, region, category, month, sector, country, ground);
