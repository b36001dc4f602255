DROP INDEX permit_details_number_key;
ALTER TABLE permit_details DROP COLUMN issued_on;
ALTER TABLE permit_details DROP COLUMN number;
