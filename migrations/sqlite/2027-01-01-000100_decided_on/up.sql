-- The Kazakhstan date of a region's decision (DESIGN "Time": dates are Kazakhstan dates),
-- kept beside the decision's UTC timestamp: the payment's earliest date (Art. 33(4)), the
-- month a refusal is counted in and the days a decision took were read from the UTC date,
-- so a decision between 00:00 and 05:00 in Kazakhstan fell on the day before.
-- Decisions taken before this column existed get the date at UTC+5, Kazakhstan's one
-- offset since 1 March 2024 (`time.utc_offset_hours` in config/default.toml).
ALTER TABLE permit_regions ADD COLUMN decided_on DATE;
UPDATE permit_regions
SET decided_on = date(decided_at, '+5 hours')
WHERE decided_at IS NOT NULL;
