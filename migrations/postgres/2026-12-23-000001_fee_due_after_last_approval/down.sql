-- Back to a due date on every approval: an approval still without one (its permit awaits
-- another region's decision) is given the day it was decided, as the old reading had it
-- before its working days; the due dates the old reading gave cannot be told apart again.
UPDATE permit_regions
SET payment_due = CAST(decided_at AS DATE)
WHERE decision = 'approved' AND payment_due IS NULL;

ALTER TABLE permit_regions DROP CONSTRAINT permit_regions_due_when_approved;
ALTER TABLE permit_regions DROP CONSTRAINT permit_regions_approval_holds;
ALTER TABLE permit_regions ADD CONSTRAINT permit_regions_check
    CHECK (decision <> 'approved' OR (hold_id IS NOT NULL AND payment_due IS NOT NULL));
