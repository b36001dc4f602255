-- What the route finder asks of a worker of a permit application beyond the employer, the
-- position and the education (Art. 32(2)(9)-(11)): permanent residence, the first head of a
-- branch or representative office, the category of the Government's list of persons who
-- need no permit. A row only for a worker the application states one of them for; the
-- checks at decision time run the route finder on them again.
CREATE TABLE permit_worker_routes (
    worker_id BIGINT PRIMARY KEY REFERENCES permit_workers (id),
    permanent_resident BOOLEAN NOT NULL,
    first_head BOOLEAN NOT NULL,
    no_permit_list_category TEXT
);
