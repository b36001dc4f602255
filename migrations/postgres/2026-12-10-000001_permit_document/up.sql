-- The number and day of issue of a permit (Art. 33(4)-(5)): given once, when the fee of
-- the last named region is paid, and never changed. Permits not yet issued keep NULL.
-- The number is random (see domain::permit::number), so it is unique by an index, not by
-- construction; the public verification looks permits up by it.
ALTER TABLE permit_details ADD COLUMN number TEXT;
ALTER TABLE permit_details ADD COLUMN issued_on DATE;
CREATE UNIQUE INDEX permit_details_number_key ON permit_details (number);
