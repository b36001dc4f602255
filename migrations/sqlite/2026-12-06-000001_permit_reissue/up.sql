-- Re-issue of a permit for another foreigner (a ground on which a permit ends for one
-- worker, Order No. 279): the worker who leaves gives their unit of quota to the
-- newcomer named beside them; nothing is held or released. The worker replaced owes a
-- departure (Art. 28(2)(8)) and is free to be named in another permit. Each worker is
-- replaced at most once and each newcomer replaces one worker (the keys say so).
CREATE TABLE permit_reissues (
    replaced_id  BIGINT PRIMARY KEY REFERENCES permit_workers (id),
    newcomer_id  BIGINT NOT NULL UNIQUE REFERENCES permit_workers (id),
    permit_id    BIGINT NOT NULL REFERENCES permits (id),
    reissued_on  DATE NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    created_by   TEXT NOT NULL
);
CREATE INDEX permit_reissues_permit ON permit_reissues (permit_id);
