ALTER TABLE permit_regions DROP COLUMN decided_on;
