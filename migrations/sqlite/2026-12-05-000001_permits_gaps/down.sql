DROP TABLE region_labour_force;
DROP TABLE permit_replacements;
