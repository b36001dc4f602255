-- A case a satisfied complaint reopened waits first in line (issue 23; APPK Art.
-- 91(3)-(4)). The permits and complaints tables stay as they are (diesel's 16-column
-- tables); two small tables say which cases go first.
--
-- reopened_permits: a permit a complaint's annulment put back before its akimat (a refusal
-- annulled, a decision ordered taken), from the day it did; the akimat's queue shows those
-- still awaiting its decision ahead of every other.
CREATE TABLE reopened_permits (
    permit_id    BIGINT PRIMARY KEY REFERENCES permits (id),
    complaint_id BIGINT NOT NULL REFERENCES complaints (id),
    reopened_on  DATE NOT NULL
);
-- quota_waits: a complaint that annulled a revocation while the permit's regions had no
-- quota left, from the day it did: the permit stays revoked, the complaint queue shows it
-- first, and the row goes when the akimat reinstates the permit. The complaint's detail
-- document says the same (its awaiting_quota); this table is what the queue reads.
CREATE TABLE quota_waits (
    complaint_id BIGINT PRIMARY KEY REFERENCES complaints (id),
    since        DATE NOT NULL
);
INSERT INTO quota_waits (complaint_id, since)
SELECT id, COALESCE(decided_on, filed_on) FROM complaints
WHERE detail LIKE '%"awaiting_quota":true%';
