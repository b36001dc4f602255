-- The yearly quota (Art. 32(4)), its split among regions (Art. 6(2), 7(23)), transfers,
-- the ledger of units held and used (Art. 33(2)), and employers' demand (Art. 32(5)).
-- The CHECK constraints are the last line of defence: every change is also a conditional
-- UPDATE whose affected-row count the code checks.

-- The current version of each year's national quota.
CREATE TABLE national_quotas (
    year                     INTEGER PRIMARY KEY,
    version                  BIGINT NOT NULL,
    labour_force             BIGINT NOT NULL CHECK (labour_force > 0),
    labour_force_source      TEXT NOT NULL,
    permit_percent           TEXT NOT NULL,   -- decimal string, e.g. '0.25'
    permit_total             BIGINT NOT NULL CHECK (permit_total >= 0),
    immigrant_percent        TEXT NOT NULL,
    immigrant_total          BIGINT NOT NULL CHECK (immigrant_total >= 0),
    order_number             TEXT NOT NULL,
    order_date               DATE NOT NULL,
    updated_at               TIMESTAMP NOT NULL,
    updated_by               TEXT NOT NULL
);

-- Every version as it was set, for the history (JSON body of the version).
CREATE TABLE national_quota_versions (
    year       INTEGER NOT NULL REFERENCES national_quotas (year),
    version    BIGINT NOT NULL,
    body       TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT NOT NULL,
    PRIMARY KEY (year, version)
);

-- Per category: the national figure and how much of it is distributed to regions.
CREATE TABLE national_category_quotas (
    year        INTEGER NOT NULL REFERENCES national_quotas (year),
    category    TEXT NOT NULL CHECK (category IN ('1', '2', '3', '4', 'seasonal')),
    total       BIGINT NOT NULL,
    distributed BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (year, category),
    CHECK (total >= 0 AND distributed >= 0 AND distributed <= total)
);

-- Country-of-origin quotas (Art. 32(4)(2)), held and used beside the regional ones.
CREATE TABLE country_quotas (
    year    INTEGER NOT NULL REFERENCES national_quotas (year),
    country TEXT NOT NULL REFERENCES countries (code),
    total   BIGINT NOT NULL,
    held    BIGINT NOT NULL DEFAULT 0,
    used    BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (year, country),
    CHECK (total >= 0 AND held >= 0 AND used >= 0 AND held + used <= total)
);

-- A region's allocation per category: held (decisions awaiting payment) and used.
CREATE TABLE regional_quotas (
    year      INTEGER NOT NULL,
    region    TEXT NOT NULL REFERENCES regions (code),
    category  TEXT NOT NULL,
    allocated BIGINT NOT NULL,
    held      BIGINT NOT NULL DEFAULT 0,
    used      BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (year, region, category),
    FOREIGN KEY (year, category) REFERENCES national_category_quotas (year, category),
    CHECK (allocated >= 0 AND held >= 0 AND used >= 0 AND held + used <= allocated)
);

-- Units held for a case, then confirmed (used) or released.
CREATE TABLE quota_holds (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    year       INTEGER NOT NULL,
    region     TEXT NOT NULL,
    category   TEXT NOT NULL,
    country    TEXT,
    units      BIGINT NOT NULL CHECK (units > 0),
    case_ref   TEXT NOT NULL UNIQUE,
    state      TEXT NOT NULL CHECK (state IN ('held', 'confirmed', 'released')),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    FOREIGN KEY (year, region, category) REFERENCES regional_quotas (year, region, category)
);

-- Redistributions during the year; a NULL end is the national reserve.
CREATE TABLE quota_transfers (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    year        INTEGER NOT NULL,
    category    TEXT NOT NULL,
    from_region TEXT REFERENCES regions (code),
    to_region   TEXT REFERENCES regions (code),
    units       BIGINT NOT NULL CHECK (units > 0),
    reason      TEXT NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    created_by  TEXT NOT NULL,
    FOREIGN KEY (year, category) REFERENCES national_category_quotas (year, category),
    CHECK (from_region IS NOT NULL OR to_region IS NOT NULL),
    CHECK (from_region IS NULL OR to_region IS NULL OR from_region <> to_region)
);
CREATE INDEX quota_transfers_year ON quota_transfers (year, id);

-- Every movement of units, append-only: a region's figures are the sum of its lines.
-- units is signed per figure: allocated_delta, held_delta, used_delta.
CREATE TABLE quota_ledger (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    year            INTEGER NOT NULL,
    region          TEXT NOT NULL,
    category        TEXT NOT NULL,
    movement        TEXT NOT NULL,
    allocated_delta BIGINT NOT NULL,
    held_delta      BIGINT NOT NULL,
    used_delta      BIGINT NOT NULL,
    hold_id         BIGINT REFERENCES quota_holds (id),
    transfer_id     BIGINT REFERENCES quota_transfers (id),
    note            TEXT NOT NULL,
    occurred_at     TIMESTAMP NOT NULL,
    actor           TEXT NOT NULL,
    request_id      TEXT NOT NULL
);
CREATE INDEX quota_ledger_region ON quota_ledger (year, region, category, id);

CREATE FUNCTION quota_ledger_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'quota_ledger is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER quota_ledger_no_update BEFORE UPDATE OR DELETE ON quota_ledger
    FOR EACH ROW EXECUTE FUNCTION quota_ledger_append_only();

-- Employers' demand for next year's quota (Art. 32(5)).
CREATE TABLE quota_demands (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    year            INTEGER NOT NULL,
    region          TEXT NOT NULL REFERENCES regions (code),
    bin             TEXT NOT NULL,
    category        TEXT NOT NULL CHECK (category IN ('1', '2', '3', '4', 'seasonal')),
    profession      TEXT NOT NULL,
    number          BIGINT NOT NULL CHECK (number > 0),
    justification   TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('filed', 'accepted', 'reduced', 'rejected')),
    accepted_number BIGINT CHECK (accepted_number IS NULL OR (accepted_number >= 0 AND accepted_number <= number)),
    review_reason   TEXT,
    reviewed_by     TEXT,
    reviewed_at     TIMESTAMP,
    filed_at        TIMESTAMP NOT NULL,
    filed_by        TEXT NOT NULL,
    version         BIGINT NOT NULL
);
CREATE INDEX quota_demands_region ON quota_demands (year, region, id);
CREATE INDEX quota_demands_bin ON quota_demands (bin, id);
