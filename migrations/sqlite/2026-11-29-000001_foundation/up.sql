-- Reference data: seeded from config/seed at first start, read-only through the API.
CREATE TABLE regions (
    code        TEXT PRIMARY KEY,            -- ISO 3166-2:KZ, e.g. KZ-75
    kato_prefix TEXT NOT NULL UNIQUE,
    name_kk     TEXT NOT NULL,
    name_ru     TEXT NOT NULL,
    name_en     TEXT NOT NULL
);

CREATE TABLE countries (
    code                    TEXT PRIMARY KEY, -- ISO 3166-1 alpha-3
    name_en                 TEXT NOT NULL,
    wto_member_since        DATE,             -- ICT needs a WTO-member sending entity (Art. 1(25))
    eaeu_member             BOOLEAN NOT NULL, -- EAEU citizens need no permit
    labour_migration_treaty BOOLEAN NOT NULL  -- country-of-origin quota allowed (Art. 32(4)(2))
);

CREATE TABLE sectors (
    code    TEXT PRIMARY KEY,                 -- OKED section letter A-U
    name_en TEXT NOT NULL,
    name_ru TEXT NOT NULL,
    name_kk TEXT NOT NULL
);

-- The ministry's numbers, as dated versions (DESIGN principle 1). body is the JSON rule set.
CREATE TABLE rule_sets (
    version        BIGINT PRIMARY KEY,
    effective_from DATE NOT NULL,
    source         TEXT NOT NULL,
    body           TEXT NOT NULL,
    created_at     TIMESTAMP NOT NULL,
    created_by     TEXT NOT NULL
);
CREATE INDEX rule_sets_effective ON rule_sets (effective_from, version);

-- Append-only audit trail: no code path updates or deletes it, and the triggers refuse it.
CREATE TABLE audit_events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    occurred_at TIMESTAMP NOT NULL,
    actor       TEXT NOT NULL,
    role        TEXT NOT NULL,
    region      TEXT,                         -- the region the change concerns, for akimat reads
    bin         TEXT,                         -- the employer the change concerns
    action      TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    before_json TEXT,
    after_json  TEXT,
    legal_basis TEXT NOT NULL,
    request_id  TEXT NOT NULL
);
CREATE INDEX audit_events_entity ON audit_events (entity_type, entity_id);
CREATE INDEX audit_events_region ON audit_events (region, id);

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;

-- Replays of creating requests (Idempotency-Key): the first response, kept per caller and key.
CREATE TABLE idempotency_keys (
    caller       TEXT NOT NULL,
    key          TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status       INTEGER NOT NULL,
    body         TEXT NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    PRIMARY KEY (caller, key)
);
