//! The life of a quota hold (Art. 33(2)): units a case keeps in a region's allocation while
//! it is decided and paid, then uses, or gives back.

use super::state::IllegalTransition;
use super::{Category, CountryCode, RegionCode};
use std::fmt;
use std::num::NonZeroU32;

/// The kind of case that holds quota.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CaseKind {
    /// A permit application (Art. 33).
    Permit,
    /// An extension of a permit, which holds quota of the year it starts in.
    PermitExtension,
    /// A complaint that annulled a permit's refusal or revocation (APPK Art. 91): the
    /// quota the permit holds after it, a case of its own since the permit's own holds
    /// were released and never move again.
    Complaint,
    /// A complaint that annulled a permit's revocation, for the extension of that permit
    /// which ended with the revocation and comes back with it (Art. 33(2)): the units the
    /// extension holds again, since its own released holds never move again.
    ComplaintExtension,
}

impl CaseKind {
    /// The stable name, e.g. `permit-extension`, as stored in a hold's case reference.
    pub fn as_str(self) -> &'static str {
        match self {
            CaseKind::Permit => "permit",
            CaseKind::PermitExtension => "permit-extension",
            CaseKind::Complaint => "complaint",
            CaseKind::ComplaintExtension => "complaint-extension",
        }
    }
}

/// The case a hold belongs to. A case holds at most once in each region it names: a
/// released hold is never taken again by the same case, and a case that needs quota anew
/// (an extension, a second application) is a case of its own with its own hold.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CaseRef {
    pub kind: CaseKind,
    pub id: i64,
}

impl CaseRef {
    pub fn new(kind: CaseKind, id: i64) -> CaseRef {
        CaseRef { kind, id }
    }

    /// The stored reference of this case's hold in `region`, e.g. `permit:42/KZ-75`.
    pub fn in_region(&self, region: &RegionCode) -> String {
        format!("{self}/{region}")
    }
}

impl fmt::Display for CaseRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.kind.as_str(), self.id)
    }
}

/// A number of quota units: at least one, by construction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Units(NonZeroU32);

impl Units {
    /// `None` for zero.
    pub fn new(n: u32) -> Option<Units> {
        NonZeroU32::new(n).map(Units)
    }

    pub fn get(self) -> i64 {
        i64::from(self.0.get())
    }
}

/// What a case claims of the quota in one region (Art. 33(2)): units of a category of a
/// year's allocation, and, for citizens of a country with a country-of-origin quota, of
/// that quota too (Art. 32(4)(2)). A case naming several regions makes one claim in each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotaClaim {
    pub year: i32,
    pub region: RegionCode,
    pub category: Category,
    /// The workers' citizenship, counted against its country-of-origin quota when it has one.
    pub country: Option<CountryCode>,
    pub units: Units,
}

/// Where a hold stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HoldState {
    /// Counted as held: the decision is made, the fee is not yet paid.
    Held,
    /// Counted as used: the permit was issued.
    Confirmed,
    /// Given back to the region; a released hold never moves again.
    Released,
}

impl HoldState {
    pub const ALL: [HoldState; 3] = [HoldState::Held, HoldState::Confirmed, HoldState::Released];

    /// The stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            HoldState::Held => "held",
            HoldState::Confirmed => "confirmed",
            HoldState::Released => "released",
        }
    }

    /// Parses the stored form.
    pub fn parse(s: &str) -> Option<HoldState> {
        HoldState::ALL.into_iter().find(|h| h.as_str() == s)
    }
}

impl TryFrom<String> for HoldState {
    type Error = super::demand::UnknownState;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        HoldState::parse(&s).ok_or(super::demand::UnknownState(s))
    }
}

/// Why held or used units go back to the region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Release {
    /// The application was refused (Art. 33(2)).
    Refused,
    /// The employer withdrew the application before it was decided.
    Withdrawn,
    /// The fee was not paid in time (Art. 33(4)).
    LapsedUnpaid,
    /// The permit was revoked.
    Revoked,
    /// The employer returned the permit.
    Returned,
    /// The permit an extension extends ended before the extension was issued (Art. 33(2)).
    ParentEnded,
}

impl Release {
    pub const ALL: [Release; 6] = [
        Release::Refused,
        Release::Withdrawn,
        Release::LapsedUnpaid,
        Release::Revoked,
        Release::Returned,
        Release::ParentEnded,
    ];

    /// The ledger's name of the movement.
    pub fn as_str(self) -> &'static str {
        match self {
            Release::Refused => "refused",
            Release::Withdrawn => "withdrawn",
            Release::LapsedUnpaid => "lapsed_unpaid",
            Release::Revoked => "revoked",
            Release::Returned => "returned",
            Release::ParentEnded => "parent_ended",
        }
    }
}

/// What happens to a hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HoldEvent {
    /// The permit was issued: the units become used.
    Confirm,
    /// The units go back to the region.
    Release(Release),
}

impl HoldEvent {
    fn name(self) -> &'static str {
        match self {
            HoldEvent::Confirm => "confirm",
            HoldEvent::Release(_) => "release",
        }
    }
}

/// A move of a hold: its next state and the signs by which its units shift the region's
/// (and the country's) held and used figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HoldMove {
    pub to: HoldState,
    /// −1, 0 or +1 times the hold's units, added to `held`.
    pub held: i64,
    /// −1, 0 or +1 times the hold's units, added to `used`.
    pub used: i64,
}

/// Art. 33(2): units are held by a decision, used by an issued permit, and given back from
/// held when the case never became a permit (refused, withdrawn, lapsed unpaid, an
/// extension whose parent ended) or from
/// used when an issued permit ends early (revoked, returned). Nothing else moves a hold.
pub fn transition(state: HoldState, event: HoldEvent) -> Result<HoldMove, IllegalTransition> {
    use HoldState::{Confirmed, Held, Released};
    let mv = |to, held, used| Ok(HoldMove { to, held, used });
    match (state, event) {
        (Held, HoldEvent::Confirm) => mv(Confirmed, -1, 1),
        (
            Held,
            HoldEvent::Release(
                Release::Refused
                | Release::Withdrawn
                | Release::LapsedUnpaid
                | Release::ParentEnded,
            ),
        ) => mv(Released, -1, 0),
        (Confirmed, HoldEvent::Release(Release::Revoked | Release::Returned)) => {
            mv(Released, 0, -1)
        }
        _ => Err(IllegalTransition {
            code: "illegal-transition",
            machine: "quota-hold",
            state: state.as_str(),
            event: event.name(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn art_33_2_every_hold_state_and_event_moves_as_the_table_says() {
        use HoldState::*;
        let mut events = vec![HoldEvent::Confirm];
        events.extend(Release::ALL.map(HoldEvent::Release));
        for state in HoldState::ALL {
            for event in &events {
                let expected = match (state, event) {
                    (Held, HoldEvent::Confirm) => Some((Confirmed, -1, 1)),
                    (Held, HoldEvent::Release(r))
                        if !matches!(r, Release::Revoked | Release::Returned) =>
                    {
                        Some((Released, -1, 0))
                    }
                    (Confirmed, HoldEvent::Release(Release::Revoked | Release::Returned)) => {
                        Some((Released, 0, -1))
                    }
                    _ => None,
                };
                let got = transition(state, *event)
                    .ok()
                    .map(|m| (m.to, m.held, m.used));
                assert_eq!(got, expected, "{state:?} × {event:?}");
            }
        }
    }

    #[test]
    fn a_released_hold_never_moves_again() {
        assert!(transition(HoldState::Released, HoldEvent::Confirm).is_err());
        for r in Release::ALL {
            assert!(transition(HoldState::Released, HoldEvent::Release(r)).is_err());
        }
    }

    #[test]
    fn a_case_holds_once_per_region_under_a_reference_naming_both() {
        let case = CaseRef::new(CaseKind::Permit, 42);
        let region: RegionCode = "KZ-75".parse().unwrap();
        assert_eq!(case.in_region(&region), "permit:42/KZ-75");
        assert_eq!(Units::new(0), None);
        assert_eq!(Units::new(3).map(Units::get), Some(3));
    }

    #[test]
    fn stored_states_round_trip() {
        for s in HoldState::ALL {
            assert_eq!(HoldState::parse(s.as_str()), Some(s));
        }
        assert_eq!(HoldState::parse("pending"), None);
    }
}
