-- Pre-trial complaints against the service's acts (APPK No. 350-VI, Art. 91-92, 101): an
-- employer contests a permit's refusal, suspension, revocation or a decision not taken by
-- its deadline. `region` is the akimat whose act it is; `decider` the body considering it
-- once passed on (APPK Art. 91(3)); `due` the deadline of the body that has it now: the
-- akimat's own term to satisfy it (91(4)) while `filed`, the decision term (101(1)) once
-- `forwarded`. `detail` is a JSON document: references, reasons, whether a late
-- complaint's term was restored (92(2)) and whether quota waits for an annulled act.
CREATE TABLE complaints (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
-- The employer's list, the officials' queue by deadline, a permit's complaints.
CREATE INDEX complaints_bin ON complaints (bin, id);
CREATE INDEX complaints_queue ON complaints (state, due, id);
CREATE INDEX complaints_permit ON complaints (permit_id, id);
