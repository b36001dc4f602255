DROP INDEX permit_workers_name_birth;
