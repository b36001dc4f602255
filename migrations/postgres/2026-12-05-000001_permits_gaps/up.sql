-- The report that a category-4 permit's replacement commitment was met (Art. 33(2)).
CREATE TABLE permit_replacements (
    permit_id     BIGINT PRIMARY KEY REFERENCES permits (id),
    bin           TEXT NOT NULL,
    reported_on   DATE NOT NULL,
    -- The Kazakh citizens hired, as a JSON array of {iin, full_name, hired_on}.
    citizens      TEXT NOT NULL,
    hired         INTEGER NOT NULL CHECK (hired >= 1),
    created_at    TIMESTAMP NOT NULL,
    created_by    TEXT NOT NULL
);
