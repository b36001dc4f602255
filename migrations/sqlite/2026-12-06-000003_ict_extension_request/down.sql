ALTER TABLE ict_decisions DROP COLUMN extension_requested_months;
ALTER TABLE ict_decisions DROP COLUMN extension_requested_on;
