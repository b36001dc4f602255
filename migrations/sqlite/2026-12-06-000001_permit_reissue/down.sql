DROP TABLE permit_reissues;
