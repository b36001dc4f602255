-- Intra-corporate transfers (Law 482-V Art. 35, 1(25), 32(3), 33(4)). An ICT permit is
-- the case of a Kazakh branch, subsidiary or representative office (the BIN) in the region
-- of the akimat that decides it. No column refers to the quota ledger or to fees: ICT is
-- outside the annual quota (Art. 32(3)) and pays no fee (Art. 33(4)).
CREATE TABLE ict_permits (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region             TEXT NOT NULL REFERENCES regions (code),
    bin                TEXT NOT NULL,
    employer_form      TEXT NOT NULL CHECK (employer_form IN ('branch', 'subsidiary', 'representative_office')),
    sender_name        TEXT NOT NULL,
    -- A WTO member on applied_on (Art. 1(25)), checked against the reference data.
    sender_country     TEXT NOT NULL REFERENCES countries (code),
    special_condition  TEXT NOT NULL CHECK (special_condition IN ('train_kazakh_staff', 'create_jobs')),
    -- Kazakh staff the Art. 35(4) ratio was checked against.
    kazakh_managers    INTEGER NOT NULL CHECK (kazakh_managers >= 0),
    kazakh_specialists INTEGER NOT NULL CHECK (kazakh_specialists >= 0),
    contract_start     DATE NOT NULL,
    contract_end       DATE NOT NULL,
    applied_on         DATE NOT NULL,
    rule_set_version   BIGINT NOT NULL,
    status             TEXT NOT NULL CHECK (status IN ('applied', 'issued', 'refused', 'suspended', 'revoked')),
    version            BIGINT NOT NULL,
    CHECK (contract_end >= contract_start)
);
CREATE INDEX ict_permits_region ON ict_permits (region, id);
CREATE INDEX ict_permits_bin ON ict_permits (bin, id);

-- The akimat's decision, the one extension and the last suspension or revocation, one row
-- per decided permit; kept apart so that no table goes beyond 16 columns.
CREATE TABLE ict_decisions (
    permit_id      BIGINT PRIMARY KEY REFERENCES ict_permits (id),
    issued_on      DATE,
    valid_until    DATE,
    refusal_reason TEXT,
    decided_at     TIMESTAMP NOT NULL,
    decided_by     TEXT NOT NULL,
    extensions     INTEGER NOT NULL DEFAULT 0 CHECK (extensions BETWEEN 0 AND 1),
    extended_on    DATE,
    measure_reason TEXT,
    -- A revocation's ground, from the rule set's list (as for permits, Art. 9(5)).
    measure_ground TEXT,
    measure_on     DATE,
    CHECK ((issued_on IS NULL) = (valid_until IS NULL)),
    CHECK ((issued_on IS NULL) <> (refusal_reason IS NULL))
);

-- Arrival notifications (Art. 35(3)): what the employer sent, with each worker's full name,
-- education, qualification, speciality and experience as a JSON array (TEXT on both
-- databases); late when notified after entry_date + the days of the rule set.
CREATE TABLE ict_arrivals (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    permit_id            BIGINT NOT NULL REFERENCES ict_permits (id),
    entry_date           DATE NOT NULL,
    notified_on          DATE NOT NULL,
    deadline             DATE NOT NULL,
    late                 BOOLEAN NOT NULL,
    sending_country      TEXT NOT NULL REFERENCES countries (code),
    sending_organisation TEXT NOT NULL,
    workers              TEXT NOT NULL,
    term_from            DATE NOT NULL,
    term_to              DATE NOT NULL,
    notified_at          TIMESTAMP NOT NULL,
    notified_by          TEXT NOT NULL,
    CHECK (late = (notified_on > deadline))
);
CREATE INDEX ict_arrivals_permit ON ict_arrivals (permit_id, id);

-- The workers of a permit (Art. 1(25)): position and prior employment with the sender;
-- the notification that reported their arrival, and their departure (Art. 28(2)(8)).
CREATE TABLE ict_workers (
    id                      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    permit_id               BIGINT NOT NULL REFERENCES ict_permits (id),
    full_name               TEXT NOT NULL,
    passport_number         TEXT NOT NULL,
    citizenship             TEXT NOT NULL REFERENCES countries (code),
    position                TEXT NOT NULL CHECK (position IN ('head', 'manager', 'specialist')),
    higher_education        BOOLEAN NOT NULL,
    prior_employment_months INTEGER NOT NULL CHECK (prior_employment_months > 0),
    arrival_id              BIGINT REFERENCES ict_arrivals (id),
    departed_on             DATE,
    departure_evidence      TEXT,
    departure_recorded_by   TEXT,
    CHECK ((departed_on IS NULL) = (departure_recorded_by IS NULL)),
    CHECK ((departed_on IS NULL) = (departure_evidence IS NULL))
);
CREATE INDEX ict_workers_permit ON ict_workers (permit_id, id);
