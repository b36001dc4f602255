DROP TABLE complaint_cases;
DELETE FROM quota_waits WHERE complaint_id IN (SELECT id FROM complaints WHERE permit_id IS NULL);
DELETE FROM complaints WHERE permit_id IS NULL;
ALTER TABLE complaints DROP CONSTRAINT complaints_case_check;
ALTER TABLE complaints DROP CONSTRAINT complaints_act_kind_check;
ALTER TABLE complaints ADD CONSTRAINT complaints_act_kind_check CHECK (act_kind IN
    ('refusal', 'suspension', 'revocation', 'missed_deadline'));
ALTER TABLE complaints ALTER COLUMN bin SET NOT NULL;
ALTER TABLE complaints ALTER COLUMN permit_id SET NOT NULL;
