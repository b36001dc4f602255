-- Back to a due date on every approval: an approval still without one (its permit awaits
-- another region's decision) is given the day it was decided; the due dates the old
-- reading gave cannot be told apart again.
UPDATE permit_regions
SET payment_due = DATE(decided_at)
WHERE decision = 'approved' AND payment_due IS NULL;

CREATE TABLE permit_regions_next (
    permit_id         BIGINT NOT NULL REFERENCES permits (id),
    region            TEXT NOT NULL REFERENCES regions (code),
    decision          TEXT NOT NULL CHECK (decision IN ('pending', 'approved', 'refused')),
    grounds           TEXT,          -- JSON list of refusal ground codes
    decided_at        TIMESTAMP,
    decided_by        TEXT,
    hold_id           BIGINT REFERENCES quota_holds (id),
    fee_rate_mrp      INTEGER CHECK (fee_rate_mrp IS NULL OR fee_rate_mrp >= 0),
    payment_due       DATE,
    paid_tiyn         BIGINT CHECK (paid_tiyn IS NULL OR paid_tiyn > 0),
    mrp_tiyn          BIGINT CHECK (mrp_tiyn IS NULL OR mrp_tiyn > 0),
    paid_on           DATE,
    payment_reference TEXT,
    PRIMARY KEY (permit_id, region),
    CHECK (decision <> 'approved' OR (hold_id IS NOT NULL AND payment_due IS NOT NULL)),
    CHECK ((paid_tiyn IS NULL) = (paid_on IS NULL))
);
INSERT INTO permit_regions_next SELECT * FROM permit_regions;
DROP TABLE permit_regions;
ALTER TABLE permit_regions_next RENAME TO permit_regions;
CREATE INDEX permit_regions_region ON permit_regions (region, permit_id);
