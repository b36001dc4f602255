-- Permits to attract foreign labour (Art. 33, 9(5), 28(2)(8)): employers' profiles, the
-- permit cases with their regions, workers, business trips and departures.
-- Every state change is also a conditional UPDATE on the permit's version whose
-- affected-row count the code checks; the CHECKs are the last line of defence.

-- An employer's profile by date (Art. 33(6)): the Kazakh share is judged on the workforce
-- in force on the decision date, so earlier rows are kept (history by effective_from).
CREATE TABLE employer_profiles (
    bin              TEXT NOT NULL,
    effective_from   DATE NOT NULL,
    name             TEXT NOT NULL,
    legal_form       TEXT NOT NULL,
    -- a branch or representative office of a foreign legal entity (small-branch exemption)
    foreign_division BOOLEAN NOT NULL,
    sector           TEXT NOT NULL REFERENCES sectors (code),
    region           TEXT NOT NULL REFERENCES regions (code),
    workforce        TEXT NOT NULL,   -- JSON: staff per category (kazakh, foreign, eaeu, posted)
    version          BIGINT NOT NULL CHECK (version > 0),
    updated_at       TIMESTAMP NOT NULL,
    updated_by       TEXT NOT NULL,
    PRIMARY KEY (bin, effective_from)
);

-- A permit case: a first application (kind 'permit') or an extension (kind 'extension',
-- its own case with its own quota of the year it starts, Art. 33(2)). 'expired' is never
-- stored: it is derived from end_date when read.
CREATE TABLE permits (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    kind                 TEXT NOT NULL CHECK (kind IN ('permit', 'extension')),
    parent_id            BIGINT REFERENCES permits (id),
    bin                  TEXT NOT NULL,
    category             TEXT NOT NULL CHECK (category IN ('1', '2', '3', '4', 'seasonal')),
    start_date           DATE NOT NULL,
    end_date             DATE NOT NULL,
    quota_year           INTEGER NOT NULL,
    status               TEXT NOT NULL CHECK (status IN ('applied', 'refused', 'withdrawn',
                             'awaiting_payment', 'active', 'suspended', 'revoked', 'returned',
                             'lapsed')),
    decision_due         DATE NOT NULL,
    ended_on             DATE,
    end_ground           TEXT,            -- revocation ground code, or why it ended
    filed_on             DATE NOT NULL,
    filed_at             TIMESTAMP NOT NULL,
    filed_by             TEXT NOT NULL,
    version              BIGINT NOT NULL CHECK (version > 0),
    CHECK (end_date >= start_date),
    CHECK ((kind = 'permit') = (parent_id IS NULL)),
    CHECK (status NOT IN ('revoked', 'returned', 'lapsed') OR ended_on IS NOT NULL)
);
CREATE INDEX permits_bin ON permits (bin, id);
CREATE INDEX permits_status_due ON permits (status, decision_due, id);
CREATE INDEX permits_parent ON permits (parent_id);

-- What the employer asked for and what the checks found, beside the case (one row each).
CREATE TABLE permit_details (
    permit_id            BIGINT PRIMARY KEY REFERENCES permits (id),
    profession           TEXT NOT NULL,
    term_unit            TEXT NOT NULL CHECK (term_unit IN ('months', 'days')),
    term_length          INTEGER NOT NULL CHECK (term_length > 0),
    vacancy_code         TEXT,
    vacancy_published_on DATE,
    replacement_months   INTEGER CHECK (replacement_months IS NULL OR replacement_months > 0),
    checks               TEXT NOT NULL,   -- JSON: the automatic checks, last run
    end_note             TEXT,
    suspension_reason    TEXT
);

-- Each region named in a permit: its akimat's decision, the quota it holds there, and the
-- fee paid to its budget (Art. 33(4)); money in tiyn.
CREATE TABLE permit_regions (
    permit_id         BIGINT NOT NULL REFERENCES permits (id),
    region            TEXT NOT NULL REFERENCES regions (code),
    decision          TEXT NOT NULL CHECK (decision IN ('pending', 'approved', 'refused')),
    grounds           TEXT,          -- JSON list of refusal ground codes
    decided_at        TIMESTAMP,
    decided_by        TEXT,
    hold_id           BIGINT REFERENCES quota_holds (id),
    fee_rate_mrp      INTEGER CHECK (fee_rate_mrp IS NULL OR fee_rate_mrp >= 0),
    payment_due       DATE,
    paid_tiyn         BIGINT CHECK (paid_tiyn IS NULL OR paid_tiyn > 0),
    mrp_tiyn          BIGINT CHECK (mrp_tiyn IS NULL OR mrp_tiyn > 0),
    paid_on           DATE,
    payment_reference TEXT,
    PRIMARY KEY (permit_id, region),
    CHECK (decision <> 'approved' OR (hold_id IS NOT NULL AND payment_due IS NOT NULL)),
    CHECK ((paid_tiyn IS NULL) = (paid_on IS NULL))
);
CREATE INDEX permit_regions_region ON permit_regions (region, permit_id);

-- The foreign workers named in a permit. needs_permit is false for EAEU citizens
-- (Art. 2(3)): refused for that worker, never drawing quota.
CREATE TABLE permit_workers (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    permit_id          BIGINT NOT NULL REFERENCES permits (id),
    full_name_latin    TEXT NOT NULL,
    full_name_cyrillic TEXT,
    citizenship        TEXT NOT NULL REFERENCES countries (code),
    passport_number    TEXT NOT NULL,
    passport_expiry    DATE NOT NULL,
    birth_date         DATE NOT NULL,
    education          TEXT NOT NULL,
    profession         TEXT NOT NULL,
    occupation_code    TEXT NOT NULL,
    experience_years   INTEGER NOT NULL CHECK (experience_years >= 0),
    qualification_ref  TEXT,
    needs_permit       BOOLEAN NOT NULL,
    departed_on        DATE,              -- Art. 28(2)(8)
    departure_evidence TEXT,
    CHECK ((departed_on IS NULL) = (departure_evidence IS NULL))
);
CREATE INDEX permit_workers_permit ON permit_workers (permit_id, id);
CREATE INDEX permit_workers_passport ON permit_workers (passport_number);

-- Business trips outside the permit's regions (Art. 33(3)), counted per worker (by
-- passport) and employer across the calendar year.
CREATE TABLE permit_trips (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    permit_id         BIGINT NOT NULL REFERENCES permits (id),
    worker_id         BIGINT NOT NULL REFERENCES permit_workers (id),
    bin               TEXT NOT NULL,
    passport_number   TEXT NOT NULL,
    host_region       TEXT NOT NULL REFERENCES regions (code),
    host_organisation TEXT NOT NULL,
    from_date         DATE NOT NULL,
    to_date           DATE NOT NULL,
    created_at        TIMESTAMP NOT NULL,
    created_by        TEXT NOT NULL,
    CHECK (to_date >= from_date)
);
CREATE INDEX permit_trips_worker ON permit_trips (bin, passport_number, from_date);
