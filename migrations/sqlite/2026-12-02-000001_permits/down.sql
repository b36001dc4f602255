-- Drops the permit tables, dependants first.
DROP TABLE permit_trips;
DROP TABLE permit_workers;
DROP TABLE permit_regions;
DROP TABLE permit_details;
DROP TABLE permits;
DROP TABLE employer_profiles;
