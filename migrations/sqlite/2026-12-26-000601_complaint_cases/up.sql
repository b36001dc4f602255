-- Complaints against the refusal of a self-employment certificate (Art. 34(1)) or of an
-- ICT permit (Art. 35(1)) (issue 23; APPK Art. 91-92, 101). They are rows of the same
-- `complaints` table, so that there is one complaint queue, one statistics query (by
-- region and kind of act: `certificate_refusal`, `ict_refusal`) and one access rule (the
-- region of the akimat whose act it is, the employer, the deciding body and the state are
-- the complaint's own columns). The case they concern is named in a side table rather
-- than in new columns: the complaints table stays within diesel's 16 columns (the crate
-- is built without `32-column-tables`, which slows every build), and the side table keeps
-- a real foreign key to each kind of case.
--
-- `permit_id` is null for these complaints and set for every other; `bin` is null for a
-- certificate's, which the akimat files on the holder's written complaint (a holder has
-- no employer BIN and no role in the service, docs/LAW.md).
--
-- SQLite changes a column and a CHECK by rebuilding the table. reopened_permits and
-- quota_waits refer to complaints: the foreign keys are checked at commit, once the rows
-- are back under their ids.
PRAGMA defer_foreign_keys = ON;
CREATE TABLE complaints_old AS SELECT * FROM complaints;
DROP TABLE complaints;
CREATE TABLE complaints (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    permit_id  BIGINT REFERENCES permits (id),
    bin        TEXT,
    region     TEXT NOT NULL REFERENCES regions (code),
    act_kind   TEXT NOT NULL CHECK (act_kind IN ('refusal', 'suspension', 'revocation', 'missed_deadline', 'certificate_refusal', 'ict_refusal')),
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
    version    BIGINT NOT NULL DEFAULT 1,
    CHECK ((permit_id IS NULL) = (act_kind IN ('certificate_refusal', 'ict_refusal'))),
    CHECK ((bin IS NULL) = (act_kind = 'certificate_refusal'))
);
INSERT INTO complaints (id, permit_id, bin, region, act_kind, act_on, relief, grounds, detail, filed_on, late, state, decider, due, decided_on, version)
SELECT id, permit_id, bin, region, act_kind, act_on, relief, grounds, detail, filed_on, late, state, decider, due, decided_on, version FROM complaints_old;
DROP TABLE complaints_old;
CREATE INDEX complaints_bin ON complaints (bin, id);
CREATE INDEX complaints_queue ON complaints (state, due, id);
CREATE INDEX complaints_permit ON complaints (permit_id, id);
-- complaint_cases: the certificate or the ICT permit a complaint without a permit concerns.
CREATE TABLE complaint_cases (
    complaint_id   BIGINT PRIMARY KEY REFERENCES complaints (id),
    certificate_id BIGINT REFERENCES self_employment_certificates (id),
    ict_permit_id  BIGINT REFERENCES ict_permits (id),
    CHECK ((certificate_id IS NULL) <> (ict_permit_id IS NULL))
);
CREATE INDEX complaint_cases_certificate ON complaint_cases (certificate_id, complaint_id);
CREATE INDEX complaint_cases_ict ON complaint_cases (ict_permit_id, complaint_id);
