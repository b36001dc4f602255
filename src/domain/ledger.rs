//! The movements of the quota ledger and the provisions each rests on. Every line of the
//! ledger cites the rule that moved its units, from this one place:
//!
//! - the ministry's distribution of the quota among the regions — an allocation, and a
//!   transfer during the year between regions or with the national reserve — rests on
//!   Art. 7(23) (the ministry sets the quota and distributes it among the regions "in the
//!   procedure the Government determines") together with Art. 6(2) (the Government
//!   approves those rules); 7(22), the ministry *developing* the rules, is no basis of an
//!   act under them;
//! - units a case holds and uses, and units it gives back, rest on the provisions of the
//!   move of the case that moves them ([`PermitEvent::legal_basis`]): an akimat's approval
//!   or refusal within the quota it was allocated (Art. 33(2), 9(5)), a revocation (Art.
//!   9(5), 33(2)), the fee paid or not paid (Art. 33(4)), an extension ending with its
//!   permit (Art. 33(2)); an employer's withdrawal or return rests on no provision (the
//!   service's own rule: no citation).

use super::article::{Article, ART_6_2, ART_7_23};
use super::hold::Release;
use super::permit::PermitEvent;

/// Art. 7(23) with Art. 6(2): the ministry distributes the quota among the regions by the
/// Government's rules — each allocation and each transfer during the year.
pub const DISTRIBUTION: &[Article] = &[ART_7_23, ART_6_2];

/// What moved a ledger line's units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Movement {
    /// The ministry set a region's allocation.
    Allocation,
    /// Units transferred into the region.
    TransferIn,
    /// Units transferred out of the region.
    TransferOut,
    /// A region's approval held units for a case.
    Hold,
    /// The permit was issued: its held units became used.
    Confirm,
    /// Units went back to the region.
    Release(Release),
}

impl Movement {
    pub const ALL: [Movement; 11] = [
        Movement::Allocation,
        Movement::TransferIn,
        Movement::TransferOut,
        Movement::Hold,
        Movement::Confirm,
        Movement::Release(Release::Refused),
        Movement::Release(Release::Withdrawn),
        Movement::Release(Release::LapsedUnpaid),
        Movement::Release(Release::Revoked),
        Movement::Release(Release::Returned),
        Movement::Release(Release::ParentEnded),
    ];

    /// The stored and wire name, e.g. `transfer_in`, `revoked`.
    pub fn as_str(self) -> &'static str {
        match self {
            Movement::Allocation => "allocation",
            Movement::TransferIn => "transfer_in",
            Movement::TransferOut => "transfer_out",
            Movement::Hold => "hold",
            Movement::Confirm => "confirm",
            Movement::Release(r) => r.as_str(),
        }
    }

    pub fn parse(s: &str) -> Option<Movement> {
        Movement::ALL.into_iter().find(|m| m.as_str() == s)
    }

    /// The provisions the movement rests on; empty for a movement of the service's own
    /// rule (an employer's withdrawal or return).
    pub fn legal_basis(self) -> &'static [Article] {
        match self {
            Movement::Allocation | Movement::TransferIn | Movement::TransferOut => DISTRIBUTION,
            Movement::Hold => PermitEvent::ApproveLast.legal_basis(),
            Movement::Confirm => PermitEvent::PayLast.legal_basis(),
            Movement::Release(r) => match r {
                Release::Refused => PermitEvent::Refuse.legal_basis(),
                Release::Withdrawn => PermitEvent::Withdraw.legal_basis(),
                Release::LapsedUnpaid => PermitEvent::Lapse.legal_basis(),
                Release::Revoked => PermitEvent::Revoke.legal_basis(),
                Release::Returned => PermitEvent::Return.legal_basis(),
                Release::ParentEnded => PermitEvent::ParentEnded.legal_basis(),
            },
        }
    }
}

impl TryFrom<String> for Movement {
    type Error = super::demand::UnknownState;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Movement::parse(&s).ok_or(super::demand::UnknownState(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::article::cite_all;

    #[test]
    fn every_movement_round_trips_its_stored_name() {
        for m in Movement::ALL {
            assert_eq!(Movement::parse(m.as_str()), Some(m));
        }
        assert_eq!(Movement::parse("reissued"), None);
    }

    #[test]
    fn art_7_23_6_2_a_transfer_and_an_allocation_cite_the_distribution_rules_and_units_given_back_their_moves_provisions(
    ) {
        let cite = |m: Movement| cite_all(m.legal_basis());
        for m in [
            Movement::Allocation,
            Movement::TransferIn,
            Movement::TransferOut,
        ] {
            assert_eq!(cite(m), "Art. 7(23), 6(2)");
        }
        assert_eq!(cite(Movement::Hold), "Art. 33(2), 9(5)");
        assert_eq!(cite(Movement::Confirm), "Art. 33(4)");
        let released = |r| cite(Movement::Release(r));
        assert_eq!(released(Release::Refused), "Art. 33(2), 9(5)");
        assert_eq!(released(Release::Revoked), "Art. 9(5), 33(2)");
        assert_eq!(released(Release::LapsedUnpaid), "Art. 33(4)");
        assert_eq!(released(Release::ParentEnded), "Art. 33(2)");
        // The employer's own acts rest on no provision.
        assert_eq!(released(Release::Withdrawn), "");
        assert_eq!(released(Release::Returned), "");
    }
}
