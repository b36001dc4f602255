-- Refusals of self-employment certificates (Art. 34) and ICT permits (Art. 35) name grounds
-- from the rule set's list (`case_grounds`, issue 21), as permit refusals do: their codes as
-- a JSON array of text. The free text refusal_reason stays, now the official's note ('' when
-- none was written; NULL still means no refusal). Refusals recorded before carry no grounds.
ALTER TABLE self_employment_decisions ADD COLUMN refusal_grounds TEXT;
ALTER TABLE ict_decisions ADD COLUMN refusal_grounds TEXT;
