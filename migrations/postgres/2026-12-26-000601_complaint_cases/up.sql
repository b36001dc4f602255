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
ALTER TABLE complaints ALTER COLUMN permit_id DROP NOT NULL;
ALTER TABLE complaints ALTER COLUMN bin DROP NOT NULL;
ALTER TABLE complaints DROP CONSTRAINT complaints_act_kind_check;
ALTER TABLE complaints ADD CONSTRAINT complaints_act_kind_check CHECK (act_kind IN
    ('refusal', 'suspension', 'revocation', 'missed_deadline', 'certificate_refusal', 'ict_refusal'));
ALTER TABLE complaints ADD CONSTRAINT complaints_case_check CHECK (
    (permit_id IS NULL) = (act_kind IN ('certificate_refusal', 'ict_refusal'))
    AND (bin IS NULL) = (act_kind = 'certificate_refusal'));
-- complaint_cases: the certificate or the ICT permit a complaint without a permit concerns.
CREATE TABLE complaint_cases (
    complaint_id   BIGINT PRIMARY KEY REFERENCES complaints (id),
    certificate_id BIGINT REFERENCES self_employment_certificates (id),
    ict_permit_id  BIGINT REFERENCES ict_permits (id),
    CHECK ((certificate_id IS NULL) <> (ict_permit_id IS NULL))
);
CREATE INDEX complaint_cases_certificate ON complaint_cases (certificate_id, complaint_id);
CREATE INDEX complaint_cases_ict ON complaint_cases (ict_permit_id, complaint_id);
