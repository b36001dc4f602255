-- The console's search box (issue 21, item 2) finds a case by a worker's passport number
-- alone; the person index (citizenship, passport_number) leads with the citizenship.
CREATE INDEX permit_workers_passport_find ON permit_workers (passport_number, permit_id);
