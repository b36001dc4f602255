ALTER TABLE countries DROP COLUMN name_ru;
ALTER TABLE countries DROP COLUMN name_kk;
