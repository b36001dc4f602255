//! The decisions on a permit application (Art. 33(2), 9(5)): the akimat of every region the
//! application names decides for its own region, within the term the rule set gives.

use super::lifecycle::{transition, PermitEvent, PermitState};
use crate::domain::demand::UnknownState;
use chrono::NaiveDate;

/// Where one named region's decision stands, as stored (`permit_regions.decision`, whose
/// CHECK constraint allows exactly these).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RegionDecision {
    /// The region's akimat has not decided yet.
    Pending,
    /// Approved within the region's allocation (Art. 9(5)).
    Approved,
    /// Refused on grounds of the rule set's list (Art. 33(2)); refuses the whole permit.
    Refused,
}

impl RegionDecision {
    pub const ALL: [RegionDecision; 3] = [
        RegionDecision::Pending,
        RegionDecision::Approved,
        RegionDecision::Refused,
    ];

    /// The stored and wire form.
    pub fn as_str(self) -> &'static str {
        match self {
            RegionDecision::Pending => "pending",
            RegionDecision::Approved => "approved",
            RegionDecision::Refused => "refused",
        }
    }

    /// Parses the stored and wire form.
    pub fn parse(s: &str) -> Option<RegionDecision> {
        RegionDecision::ALL.into_iter().find(|d| d.as_str() == s)
    }
}

impl TryFrom<String> for RegionDecision {
    type Error = UnknownState;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        RegionDecision::parse(&s).ok_or(UnknownState(s))
    }
}

/// Art. 33(2), 9(5): the akimat of a named region may decide a permit only while the
/// application awaits its decisions (`state` applied) and its own region's `decision` is
/// still pending; a region decides once.
pub fn may_decide(state: PermitState, decision: RegionDecision) -> bool {
    state == PermitState::Applied && decision == RegionDecision::Pending
}

/// Art. 9(5), 33(2): the akimat may suspend, resume or revoke a permit that is in force
/// or suspended (`state` as of today, so an expired one may not): the states from which
/// the state machine allows a revocation.
pub fn may_supervise(state: PermitState) -> bool {
    transition(state, PermitEvent::Revoke).is_ok()
}

/// Art. 33(2) (the decision term of the rule set's `deadlines`): a decision made, or still
/// awaited, on `on` is late when `on` is after the decision's due day `due`.
pub fn decided_late(due: NaiveDate, on: NaiveDate) -> bool {
    on > due
}

/// Art. 33(2): an application in `state` is overdue on `today` when it still awaits its
/// decisions after their due day `due`.
pub fn decision_overdue(state: PermitState, due: NaiveDate, today: NaiveDate) -> bool {
    state == PermitState::Applied && decided_late(due, today)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn art_9_5_a_region_decides_an_application_once_and_only_while_it_is_applied() {
        for s in PermitState::ALL {
            for d in RegionDecision::ALL {
                let expected = s == PermitState::Applied && d == RegionDecision::Pending;
                assert_eq!(may_decide(s, d), expected, "{s:?} {d:?}");
            }
        }
    }

    #[test]
    fn art_9_5_only_an_active_or_suspended_permit_is_supervised() {
        assert!(may_supervise(PermitState::Active));
        assert!(may_supervise(PermitState::Suspended));
        assert!(!may_supervise(PermitState::Expired));
        assert!(!may_supervise(PermitState::Applied));
        assert!(!may_supervise(PermitState::Revoked));
    }

    #[test]
    fn art_33_2_an_application_is_overdue_only_after_its_due_day_and_while_undecided() {
        let due = date("2026-01-10");
        assert!(!decision_overdue(PermitState::Applied, due, due));
        assert!(decision_overdue(
            PermitState::Applied,
            due,
            date("2026-01-11")
        ));
        assert!(!decision_overdue(
            PermitState::AwaitingPayment,
            due,
            date("2026-01-11")
        ));
        assert!(decided_late(due, date("2026-01-11")));
        assert!(!decided_late(due, due));
    }

    #[test]
    fn every_region_decision_reads_back_as_it_is_stored() {
        for d in RegionDecision::ALL {
            assert_eq!(RegionDecision::parse(d.as_str()), Some(d));
        }
        assert_eq!(RegionDecision::parse("maybe"), None);
    }
}
