ALTER TABLE ict_decisions DROP COLUMN refusal_grounds;
ALTER TABLE self_employment_decisions DROP COLUMN refusal_grounds;
