-- An ICT permit's extension is applied for by the employer and decided by the akimat
-- (Art. 35(1)): the pending application beside the decision, cleared when decided.
ALTER TABLE ict_decisions ADD COLUMN extension_requested_on DATE;
ALTER TABLE ict_decisions ADD COLUMN extension_requested_months INTEGER
    CHECK (extension_requested_months IS NULL OR extension_requested_months > 0);
