-- Who the worker is (issue 19): passport numbers and Latin names are stored in normal form
-- (ICAO Doc 9303 Parts 3 and 4), and the live-permit check (Art. 33(3)) compares them by
-- nationality and passport, or by nationality, name and date of birth.
--
-- A passport number: upper case, spaces and the machine-readable zone's '<' fillers left
-- out, wherever one is kept (the workers of permits, certificates and ICT permits, and the
-- trips, which the 90-day count finds by passport).
UPDATE permit_workers SET passport_number = upper(replace(replace(passport_number, ' ', ''), '<', ''));
UPDATE permit_trips SET passport_number = upper(replace(replace(passport_number, ' ', ''), '<', ''));
UPDATE self_employment_certificates SET passport_number = upper(replace(replace(passport_number, ' ', ''), '<', ''));
UPDATE ict_workers SET passport_number = upper(replace(replace(passport_number, ' ', ''), '<', ''));

-- A Latin name: upper case (A-Z; both databases upper-case ASCII alike), no spaces at
-- either end, one space between words (each pass halves a run of spaces: five passes
-- leave one of any run up to 32).
UPDATE permit_workers SET full_name_latin = upper(trim(full_name_latin));
UPDATE permit_workers SET full_name_latin = replace(full_name_latin, '  ', ' ');
UPDATE permit_workers SET full_name_latin = replace(full_name_latin, '  ', ' ');
UPDATE permit_workers SET full_name_latin = replace(full_name_latin, '  ', ' ');
UPDATE permit_workers SET full_name_latin = replace(full_name_latin, '  ', ' ');
UPDATE permit_workers SET full_name_latin = replace(full_name_latin, '  ', ' ');
UPDATE self_employment_certificates SET full_name = upper(trim(full_name));
UPDATE self_employment_certificates SET full_name = replace(full_name, '  ', ' ');
UPDATE self_employment_certificates SET full_name = replace(full_name, '  ', ' ');
UPDATE self_employment_certificates SET full_name = replace(full_name, '  ', ' ');
UPDATE self_employment_certificates SET full_name = replace(full_name, '  ', ' ');
UPDATE self_employment_certificates SET full_name = replace(full_name, '  ', ' ');
UPDATE ict_workers SET full_name = upper(trim(full_name));
UPDATE ict_workers SET full_name = replace(full_name, '  ', ' ');
UPDATE ict_workers SET full_name = replace(full_name, '  ', ' ');
UPDATE ict_workers SET full_name = replace(full_name, '  ', ' ');
UPDATE ict_workers SET full_name = replace(full_name, '  ', ' ');
UPDATE ict_workers SET full_name = replace(full_name, '  ', ' ');

-- One index for each branch of the check's OR, led by the nationality both share; the
-- name branch compares the name as the machine-readable zone does (a hyphen as a space,
-- no apostrophes: domain::person::name_key_sql, the same expression).
DROP INDEX permit_workers_passport;
DROP INDEX permit_workers_name_birth;
CREATE INDEX permit_workers_person_passport ON permit_workers (citizenship, passport_number);
CREATE INDEX permit_workers_person_name ON permit_workers (citizenship, replace(replace(full_name_latin, '-', ' '), '''', ''), birth_date);
