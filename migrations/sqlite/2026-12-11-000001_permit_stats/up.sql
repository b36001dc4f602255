-- Statistics for the ministry (Art. 36, 37(4)) answered from counters, not scans.
-- permit_stats holds, for every key, the sum of what each permit contributes in its
-- present state (cases::statistics::contribution). The command that moves a permit adds
-- the difference between the permit's contribution after and before the move in the same
-- transaction, so the counters always equal a recount over the permits
-- (db::statistics::recount, proved by a test after random moves).
--   year     the quota year the permit draws on
--   month    'YYYY-MM' of the event (filed, issued = fully paid, decided, ended, paid)
--   sector   the employer's OKED section when it applied (permit_details.sector); '' on
--            the coarse rows (quota use, fees, decisions), which have no country either
--   country  the workers' citizenship; '' for measures of the permit as a whole
--   measure  applied, extension_applied, issued, extended, refused, refused_ground,
--            quota_used, quota_released,
--            revoked, returned, lapsed, fee_assessed, fee_paid, decided, decided_late
--   ground   the refusal or revocation ground; for 'decided' the days taken; else ''
--   permits, workers (foreigners who need a permit), amount (fee: MRP assessed, tiyn paid)
CREATE TABLE permit_stats (
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
-- One row per key; the order serves the reports, which read one year's measures.
CREATE UNIQUE INDEX permit_stats_key
    ON permit_stats (year, measure, region, category, month, sector, country, ground);

-- The employer's sector when it applied, kept with the case so that a later change of
-- its profile does not move the permit between sectors in the statistics.
ALTER TABLE permit_details ADD COLUMN sector TEXT NOT NULL DEFAULT '';
