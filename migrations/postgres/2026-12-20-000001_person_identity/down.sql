-- The normal forms stay: the earlier schema reads them as it read any text.
DROP INDEX permit_workers_person_name;
DROP INDEX permit_workers_person_passport;
CREATE INDEX permit_workers_name_birth ON permit_workers (full_name_latin, birth_date);
CREATE INDEX permit_workers_passport ON permit_workers (passport_number);
