ALTER TABLE permit_details DROP COLUMN sector;
DROP TABLE permit_stats;
