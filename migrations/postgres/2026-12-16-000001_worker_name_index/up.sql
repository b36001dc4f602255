-- The live-permit check (Art. 33(3)) runs on every application and every approval and
-- finds a worker by passport number OR by Latin name and date of birth. The passport had
-- its index; without one on the name the OR read every worker ever named (a full scan per
-- decision, growing through the January rush). With both, each branch is an index lookup.
CREATE INDEX permit_workers_name_birth ON permit_workers (full_name_latin, birth_date);
