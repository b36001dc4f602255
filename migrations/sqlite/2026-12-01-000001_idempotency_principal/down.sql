-- The old code keys answers by role and subject and could not read these rows.
DELETE FROM idempotency_keys;
ALTER TABLE idempotency_keys DROP COLUMN headers;
