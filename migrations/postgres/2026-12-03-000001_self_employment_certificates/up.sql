-- Self-employment certificates (Law 482-V Art. 34, 1(30), 32(2)(8)). The holder is a
-- person, not an employer: a certificate belongs to the region of the akimat that decides
-- it, and employers see only the certificates whose employment they reported. No column
-- refers to the quota ledger: a certificate never touches quota or fees (Art. 32(2)(8)).
CREATE TABLE self_employment_certificates (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The akimat that decides: where the foreigner applied, or the one the foreign
    -- mission's application names (Art. 34(3)).
    region           TEXT NOT NULL REFERENCES regions (code),
    channel          TEXT NOT NULL CHECK (channel IN ('foreign_mission', 'akimat')),
    -- The country of the foreign mission that forwarded the application.
    mission_country  TEXT REFERENCES countries (code),
    full_name        TEXT NOT NULL,
    passport_number  TEXT NOT NULL,
    citizenship      TEXT NOT NULL REFERENCES countries (code),
    iin              TEXT,
    occupation_code  TEXT NOT NULL,
    profession       TEXT NOT NULL,
    higher_education BOOLEAN NOT NULL,
    experience_years INTEGER NOT NULL CHECK (experience_years >= 0),
    applied_on       DATE NOT NULL,
    -- The rule set (and so the list of in-demand professions) the application was
    -- checked against: the version in force on applied_on.
    rule_set_version BIGINT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('applied', 'issued', 'refused', 'extended')),
    version          BIGINT NOT NULL,
    CHECK ((channel = 'foreign_mission') = (mission_country IS NOT NULL))
);
CREATE INDEX self_employment_certificates_region ON self_employment_certificates (region, id);

-- The akimat's decision on a certificate and its extension for the labour contract
-- (Art. 34(1),(3)), one row per decided certificate; kept apart so that neither table
-- goes beyond the 16 columns diesel's default build maps. Who applied and when is the
-- audit trail's.
CREATE TABLE self_employment_decisions (
    certificate_id BIGINT PRIMARY KEY REFERENCES self_employment_certificates (id),
    issued_on      DATE,
    valid_until    DATE,
    refusal_reason TEXT,
    decided_at     TIMESTAMP NOT NULL,
    decided_by     TEXT NOT NULL,
    contract_bin   TEXT,
    contract_start DATE,
    contract_end   DATE,
    extended_on    DATE,
    CHECK ((issued_on IS NULL) = (valid_until IS NULL)),
    CHECK ((issued_on IS NULL) <> (refusal_reason IS NULL))
);

-- Employers' reports of hiring a holder and of ending the employment (Art. 28(2)(10)).
-- past_validity flags an employment outside the certificate's validity on its date.
CREATE TABLE self_employment_reports (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    certificate_id BIGINT NOT NULL REFERENCES self_employment_certificates (id),
    bin            TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('hire', 'end')),
    on_date        DATE NOT NULL,
    past_validity  BOOLEAN NOT NULL,
    reported_at    TIMESTAMP NOT NULL,
    reported_by    TEXT NOT NULL
);
CREATE INDEX self_employment_reports_certificate ON self_employment_reports (certificate_id, id);
CREATE INDEX self_employment_reports_bin ON self_employment_reports (bin, certificate_id);
