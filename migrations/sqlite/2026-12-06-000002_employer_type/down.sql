ALTER TABLE employer_profiles DROP COLUMN employer_type;
