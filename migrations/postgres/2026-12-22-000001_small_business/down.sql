ALTER TABLE employer_profiles DROP COLUMN small_business;
