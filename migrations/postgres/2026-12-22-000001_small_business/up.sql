-- The employer states whether it is a small-business entity: with its headcount it decides
-- the small-business exemption from the Kazakh share (Art. 33(6); Order No. 279 as amended
-- by Order No. 93 of 28.03.2025, from 01.09.2025). Profiles written before say no.
ALTER TABLE employer_profiles ADD COLUMN small_business BOOLEAN NOT NULL DEFAULT FALSE;
