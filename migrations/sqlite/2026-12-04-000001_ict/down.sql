-- Reverts intra-corporate transfers: workers refer to arrivals, both and decisions to
-- permits.
DROP TABLE ict_workers;
DROP TABLE ict_arrivals;
DROP TABLE ict_decisions;
DROP TABLE ict_permits;
