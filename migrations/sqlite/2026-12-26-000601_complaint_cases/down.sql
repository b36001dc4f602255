PRAGMA defer_foreign_keys = ON;
DROP TABLE complaint_cases;
DELETE FROM quota_waits WHERE complaint_id IN (SELECT id FROM complaints WHERE permit_id IS NULL);
DELETE FROM complaints WHERE permit_id IS NULL;
CREATE TABLE complaints_old AS SELECT * FROM complaints;
DROP TABLE complaints;
CREATE TABLE complaints (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    permit_id  BIGINT NOT NULL REFERENCES permits (id),
    bin        TEXT NOT NULL,
    region     TEXT NOT NULL REFERENCES regions (code),
    act_kind   TEXT NOT NULL CHECK (act_kind IN ('refusal', 'suspension', 'revocation', 'missed_deadline')),
    act_on     DATE NOT NULL,
    relief     TEXT NOT NULL CHECK (relief IN ('annul', 'take_decision')),
    grounds    TEXT NOT NULL,
    detail     TEXT NOT NULL,
    filed_on   DATE NOT NULL,
    late       BOOLEAN NOT NULL,
    state      TEXT NOT NULL CHECK (state IN ('filed', 'reconsidered', 'forwarded', 'satisfied', 'partly_satisfied', 'refused')),
    decider    TEXT NOT NULL CHECK (decider IN ('ministry', 'akimat')),
    due        DATE NOT NULL,
    decided_on DATE,
    version    BIGINT NOT NULL DEFAULT 1
);
INSERT INTO complaints (id, permit_id, bin, region, act_kind, act_on, relief, grounds, detail, filed_on, late, state, decider, due, decided_on, version)
SELECT id, permit_id, bin, region, act_kind, act_on, relief, grounds, detail, filed_on, late, state, decider, due, decided_on, version FROM complaints_old;
DROP TABLE complaints_old;
CREATE INDEX complaints_bin ON complaints (bin, id);
CREATE INDEX complaints_queue ON complaints (state, due, id);
CREATE INDEX complaints_permit ON complaints (permit_id, id);
