-- Art. 33(4): the fee falls due to every named region the rule set's working days after
-- the last region's approval, the notice that completes the decision (docs/LAW.md). Until
-- now each region's due date ran from its own approval, so a region that approved first
-- had its time to pay run while another was still deciding and payment was refused.
--
-- An approved region now has a due date only once every region has approved: the check
-- that an approval names its due date gives way to one that only an approval has one.
ALTER TABLE permit_regions DROP CONSTRAINT permit_regions_check;
ALTER TABLE permit_regions ADD CONSTRAINT permit_regions_approval_holds
    CHECK (decision <> 'approved' OR hold_id IS NOT NULL);
ALTER TABLE permit_regions ADD CONSTRAINT permit_regions_due_when_approved
    CHECK (payment_due IS NULL OR decision = 'approved');

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
