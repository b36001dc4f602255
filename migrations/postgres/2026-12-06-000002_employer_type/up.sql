-- The employer's type as far as the exemptions of Art. 32(2) turn on it (a state body, an
-- autonomous education organisation, an Astana Hub participant, a special-economic-zone
-- participant or a priority-investment-project company or their contractors, a division
-- or subsidiary of a foreign legal entity), as JSON; NULL for an ordinary employer. Permit
-- applications run the route finder on it for every worker.
ALTER TABLE employer_profiles ADD COLUMN employer_type TEXT;
