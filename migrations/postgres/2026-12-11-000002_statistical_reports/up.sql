-- Employers' primary statistical data (Art. 37(2)): one report per employer and quarter,
-- filed under the region of the employer's profile, which that region's akimat reads
-- (Art. 37(1)) and the ministry reads all of (Art. 37(4)). The figures are a JSON
-- document; the totals beside it serve the listings.
CREATE TABLE statistical_reports (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    bin              TEXT NOT NULL,
    region           TEXT NOT NULL REFERENCES regions (code),
    year             INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    quarter          INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    body             TEXT NOT NULL,
    foreign_employed BIGINT NOT NULL CHECK (foreign_employed >= 0),
    kazakh_staff     BIGINT NOT NULL CHECK (kazakh_staff >= 0),
    filed_at         TIMESTAMP NOT NULL,
    filed_by         TEXT NOT NULL
);
-- A quarter is reported once.
CREATE UNIQUE INDEX statistical_reports_quarter ON statistical_reports (bin, year, quarter);
CREATE INDEX statistical_reports_region ON statistical_reports (region, year, quarter);
