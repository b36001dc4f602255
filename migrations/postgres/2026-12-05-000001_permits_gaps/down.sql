DROP TABLE permit_replacements;
