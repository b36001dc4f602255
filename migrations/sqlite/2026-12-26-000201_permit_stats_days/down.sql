CREATE TABLE permit_stats_old (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    year     INTEGER NOT NULL,
    month    TEXT NOT NULL,
    region   TEXT NOT NULL,
    category TEXT NOT NULL,
    sector   TEXT NOT NULL,
    country  TEXT NOT NULL,
    measure  TEXT NOT NULL,
    ground   TEXT NOT NULL,
    permits  BIGINT NOT NULL,
    workers  BIGINT NOT NULL,
    amount   BIGINT NOT NULL
);
INSERT INTO permit_stats_old (id, year, month, region, category, sector, country, measure,
        ground, permits, workers, amount)
    SELECT id, year, month, region, category, sector, country, measure,
        CASE WHEN measure = 'decided' THEN CAST(days AS TEXT) ELSE ground END,
        permits, workers, amount
    FROM permit_stats;
DROP TABLE permit_stats;
ALTER TABLE permit_stats_old RENAME TO permit_stats;
CREATE UNIQUE INDEX permit_stats_key
    ON permit_stats (year, measure, region, category, month, sector, country, ground);
