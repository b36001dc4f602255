-- Art. 33(4): the fee falls due to every named region the rule set's working days after
-- the last region's approval, the notice that completes the decision (docs/LAW.md). Until
-- now each region's due date ran from its own approval, so a region that approved first
-- had its time to pay run while another was still deciding and payment was refused.
--
-- An approved region now has a due date only once every region has approved: the check
-- that an approval names its due date gives way to one that only an approval has one.
-- SQLite changes a CHECK by rebuilding the table (nothing refers to permit_regions).
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
    CHECK (decision <> 'approved' OR hold_id IS NOT NULL),
    CHECK (payment_due IS NULL OR decision = 'approved'),
    CHECK ((paid_tiyn IS NULL) = (paid_on IS NULL))
);
INSERT INTO permit_regions_next SELECT * FROM permit_regions;
DROP TABLE permit_regions;
ALTER TABLE permit_regions_next RENAME TO permit_regions;
CREATE INDEX permit_regions_region ON permit_regions (region, permit_id);

-- A permit awaiting payment takes the due date of its last approval (the latest stored)
-- for every region; a permit some region has still to decide has no due date yet.
UPDATE permit_regions
SET payment_due = (
    SELECT MAX(r.payment_due) FROM permit_regions r WHERE r.permit_id = permit_regions.permit_id
)
WHERE decision = 'approved'
  AND permit_id IN (SELECT id FROM permits WHERE status = 'awaiting_payment');

UPDATE permit_regions
SET payment_due = NULL
WHERE decision = 'approved'
  AND permit_id IN (SELECT id FROM permits WHERE status = 'applied');
