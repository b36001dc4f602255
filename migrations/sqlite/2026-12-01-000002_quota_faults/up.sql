-- A year whose stored figures the ledger does not explain (issue: a flipped bit in a
-- stored figure was served without complaint). The check at start-up, or the ministry's
-- check on demand, records the first mismatching row here; every quota write of that
-- year is refused while a row stands, and the next check that finds the figures
-- explained removes it.
CREATE TABLE quota_year_faults (
    year     INTEGER PRIMARY KEY,
    detail   TEXT NOT NULL,
    found_at TIMESTAMP NOT NULL
);
