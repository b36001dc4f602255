//! A permit's states and events and the one transition table between them (Art. 33,
//! 9(5)); the permit's other rules (decisions, grounds, checks, trips) read them from here.

use crate::domain::article::*;
use crate::domain::state::IllegalTransition;
use chrono::NaiveDate;

/// Where a permit stands, as stored. `expired` is never stored: it is derived from the
/// clock when read ([`PermitState::at`]), so no missed job leaves an expired permit active.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PermitState {
    /// Filed; awaiting the decision of every named region.
    Applied,
    /// Refused by a named region (one refusal refuses it all, Art. 33(2)).
    Refused,
    /// Withdrawn by the employer before a decision.
    Withdrawn,
    /// Approved by every named region; the fee is due to each (Art. 33(4)).
    AwaitingPayment,
    /// Paid to every region: valid from its start date to its end date.
    Active,
    /// Suspended by the akimat of a named region (Art. 9(5), 33(2)).
    Suspended,
    /// Revoked by the akimat of a named region (Art. 9(5), 33(2)).
    Revoked,
    /// Given back by the employer.
    Returned,
    /// The fee was not paid by its due date (Art. 33(4)); or, for an extension, the permit
    /// it extends ended before the extension was issued (Art. 33(2)).
    Lapsed,
    /// Past its end date (derived, never stored).
    Expired,
}

impl PermitState {
    pub const ALL: [PermitState; 10] = [
        PermitState::Applied,
        PermitState::Refused,
        PermitState::Withdrawn,
        PermitState::AwaitingPayment,
        PermitState::Active,
        PermitState::Suspended,
        PermitState::Revoked,
        PermitState::Returned,
        PermitState::Lapsed,
        PermitState::Expired,
    ];

    /// The stored and wire form.
    pub fn as_str(self) -> &'static str {
        match self {
            PermitState::Applied => "applied",
            PermitState::Refused => "refused",
            PermitState::Withdrawn => "withdrawn",
            PermitState::AwaitingPayment => "awaiting_payment",
            PermitState::Active => "active",
            PermitState::Suspended => "suspended",
            PermitState::Revoked => "revoked",
            PermitState::Returned => "returned",
            PermitState::Lapsed => "lapsed",
            PermitState::Expired => "expired",
        }
    }

    /// Parses the stored and wire form.
    pub fn parse(s: &str) -> Option<PermitState> {
        PermitState::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// Art. 33(1): a permit is valid until its end date; an active or suspended permit
    /// whose `end` is before `today` is expired, whatever is stored.
    pub fn at(self, end: NaiveDate, today: NaiveDate) -> PermitState {
        match self {
            PermitState::Active | PermitState::Suspended if end < today => PermitState::Expired,
            s => s,
        }
    }

    /// Still holds (or may still hold) quota and names its workers: a worker on such a
    /// permit cannot be on another (Art. 33(3): a permit is the employer's alone).
    pub fn is_live(self) -> bool {
        matches!(
            self,
            PermitState::Applied
                | PermitState::AwaitingPayment
                | PermitState::Active
                | PermitState::Suspended
        )
    }

    /// Was issued (paid to every region), whatever came of it since: its category-4
    /// replacement commitment runs (Art. 33(2)) and can be reported met.
    pub fn was_issued(self) -> bool {
        matches!(
            self,
            PermitState::Active
                | PermitState::Suspended
                | PermitState::Revoked
                | PermitState::Returned
                | PermitState::Expired
        )
    }

    /// Art. 33(4): not yet issued, awaiting its decisions or its fee. Nothing that only an
    /// issued permit has (business trips, re-issues, a category-4 replacement report) can
    /// exist for it: [`transition`] allows those moves from issued states only, and no move
    /// leads from an issued state back here.
    pub fn before_issue(self) -> bool {
        matches!(self, PermitState::Applied | PermitState::AwaitingPayment)
    }

    /// Ended after it was issued, so its workers may have come: each owes a departure
    /// (Art. 28(2)(8)) once the permit's term had begun ([`departure_owed`]). A lapsed
    /// permit was never issued: no worker came on it.
    pub fn owes_departure(self) -> bool {
        matches!(
            self,
            PermitState::Revoked | PermitState::Returned | PermitState::Expired
        )
    }
}

impl TryFrom<String> for PermitState {
    type Error = crate::domain::demand::UnknownState;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        PermitState::parse(&s).ok_or(crate::domain::demand::UnknownState(s))
    }
}

/// What a permit case is, as stored (`permits.kind`, whose CHECK constraint allows exactly
/// these): a first permit, or an extension of one, decided and paid as a case of its own
/// while the permit it extends is in force (Art. 7(20), 33(2)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PermitKind {
    Permit,
    Extension,
}

impl PermitKind {
    pub const ALL: [PermitKind; 2] = [PermitKind::Permit, PermitKind::Extension];

    /// The stored and wire form.
    pub fn as_str(self) -> &'static str {
        match self {
            PermitKind::Permit => "permit",
            PermitKind::Extension => "extension",
        }
    }

    /// Parses the stored and wire form.
    pub fn parse(s: &str) -> Option<PermitKind> {
        PermitKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl TryFrom<String> for PermitKind {
    type Error = crate::domain::demand::UnknownState;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        PermitKind::parse(&s).ok_or(crate::domain::demand::UnknownState(s))
    }
}

/// What a worker's departure depends on: the permit's state as of today, its term, the
/// day it ended (revoked, returned) and the day the worker was replaced on it, if they were.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stay {
    pub state: PermitState,
    pub start: NaiveDate,
    pub ended_on: Option<NaiveDate>,
    pub replaced_on: Option<NaiveDate>,
}

/// Art. 28(2)(8): the employer ensures a worker leaves once the permit they came on has
/// ended — expired, revoked or returned — or once they were replaced on it by another
/// foreigner (re-issue); only a worker who could have come owes it: the permit was issued
/// and its term had begun by the day it ended or the worker was replaced (docs/LAW.md).
/// A permit that lapsed unpaid was never issued; one revoked or returned before its first
/// day brought no one.
pub fn departure_owed(stay: &Stay) -> bool {
    let began_by = |day: NaiveDate| stay.start <= day;
    match stay.replaced_on {
        Some(on) => began_by(on),
        None => stay.state.owes_departure() && stay.ended_on.is_none_or(began_by),
    }
}

/// Art. 33(1), (4): a permit is valid on `today` when it was issued (its fees paid), is
/// neither suspended nor ended, and `today` falls within its term, first and last day
/// included. `state` is the stored state; expiry is derived here from `end`.
pub fn valid_on(state: PermitState, start: NaiveDate, end: NaiveDate, today: NaiveDate) -> bool {
    state.at(end, today) == PermitState::Active && start <= today && today <= end
}

/// What happens to a permit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PermitEvent {
    /// A named region approves, and others are still to decide.
    Approve,
    /// The last named region approves.
    ApproveLast,
    /// A named region refuses.
    Refuse,
    /// The employer withdraws the application.
    Withdraw,
    /// The fee is paid to a region, and others are still unpaid.
    Pay,
    /// The fee is paid to the last region.
    PayLast,
    /// The fee was not paid by its due date.
    Lapse,
    /// An akimat suspends the permit.
    Suspend,
    /// An akimat lifts the suspension.
    Resume,
    /// An akimat revokes the permit.
    Revoke,
    /// The employer returns the permit.
    Return,
    /// The employer applies for an extension (a case of its own).
    Extend,
    /// The employer sends a worker on a business trip (Art. 33(3)).
    Trip,
    /// The employer records a worker's departure (Art. 28(2)(8)).
    Depart,
    /// The employer reports the category-4 replacement commitment met (Art. 33(2)).
    ReportReplacement,
    /// The permit is re-issued for another foreigner in place of a worker who left.
    Reissue,
    /// The permit an extension extends ended before the extension was issued: the
    /// extension ends with it (Art. 33(2)).
    ParentEnded,
    /// A complaint annulled the refusal, suspension or revocation: the permit goes back to
    /// where it stood before the act (APPK Art. 91(3), (4)).
    Annul,
    /// The revocation its parent ended with was annulled: an extension that ended with it
    /// awaits the decisions still to be taken again (APPK Art. 91(3), Art. 33(2)).
    ParentRestored,
    /// The same, for an extension every named region had approved: it awaits its fee again.
    ParentRestoredApproved,
}

impl PermitEvent {
    pub const ALL: [PermitEvent; 20] = [
        PermitEvent::Approve,
        PermitEvent::ApproveLast,
        PermitEvent::Refuse,
        PermitEvent::Withdraw,
        PermitEvent::Pay,
        PermitEvent::PayLast,
        PermitEvent::Lapse,
        PermitEvent::Suspend,
        PermitEvent::Resume,
        PermitEvent::Revoke,
        PermitEvent::Return,
        PermitEvent::Extend,
        PermitEvent::Trip,
        PermitEvent::Depart,
        PermitEvent::ReportReplacement,
        PermitEvent::Reissue,
        PermitEvent::ParentEnded,
        PermitEvent::Annul,
        PermitEvent::ParentRestored,
        PermitEvent::ParentRestoredApproved,
    ];

    /// The event's name in a refusal.
    pub fn name(self) -> &'static str {
        match self {
            PermitEvent::Approve | PermitEvent::ApproveLast => "approve",
            PermitEvent::Refuse => "refuse",
            PermitEvent::Withdraw => "withdraw",
            PermitEvent::Pay | PermitEvent::PayLast => "pay",
            PermitEvent::Lapse => "lapse",
            PermitEvent::Suspend => "suspend",
            PermitEvent::Resume => "resume",
            PermitEvent::Revoke => "revoke",
            PermitEvent::Return => "return",
            PermitEvent::Extend => "extend",
            PermitEvent::Trip => "trip",
            PermitEvent::Depart => "depart",
            PermitEvent::ReportReplacement => "report-replacement",
            PermitEvent::Reissue => "reissue",
            PermitEvent::ParentEnded => "end-with-parent",
            PermitEvent::Annul => "annul",
            PermitEvent::ParentRestored | PermitEvent::ParentRestoredApproved => {
                "restore-with-parent"
            }
        }
    }

    /// The provisions the move rests on, for the audit trail; none for a move of the
    /// service's own that the law does not govern (withdrawing an application, returning a
    /// permit).
    pub fn legal_basis(self) -> &'static [Article] {
        match self {
            PermitEvent::Approve | PermitEvent::ApproveLast | PermitEvent::Refuse => {
                &[ART_33_2, ART_9_5]
            }
            PermitEvent::Withdraw | PermitEvent::Return => &[],
            PermitEvent::Pay | PermitEvent::PayLast | PermitEvent::Lapse => &[ART_33_4],
            PermitEvent::Suspend | PermitEvent::Resume | PermitEvent::Revoke => {
                &[ART_9_5, ART_33_2]
            }
            PermitEvent::Extend => &[ART_33_2, ART_7_20],
            PermitEvent::Trip => &[ART_33_3],
            PermitEvent::Depart => &[ART_28_2_8],
            PermitEvent::ReportReplacement => &[ART_33_2],
            PermitEvent::Reissue => &[ART_7_20, ART_33_3],
            PermitEvent::ParentEnded => &[ART_33_2],
            PermitEvent::Annul => &[APPK_91_3],
            PermitEvent::ParentRestored | PermitEvent::ParentRestoredApproved => {
                &[APPK_91_3, ART_33_2]
            }
        }
    }
}

/// Art. 33(2), (4), 9(5): the permit's state machine. Every named region decides; one
/// refusal refuses the permit, the last approval makes the fee due; the last payment makes
/// it active; an unpaid fee lapses it, and so does the end of the permit an extension not
/// yet issued extends. Only an active permit is suspended, returned,
/// extended, re-issued for another foreigner or used for business trips; an active or
/// suspended one is revoked; a
/// departure is recorded once it has ended; a category-4 replacement is reported on one
/// that was issued. A complaint that annuls the act (APPK Art. 91(3), (4)) takes a refused
/// permit back to awaiting its decisions and a suspended or revoked one back to active; an
/// extension that lapsed with its parent's revocation comes back with the parent, awaiting
/// the decisions still to be taken or, every region having approved it, its fee.
/// Everything else is refused and changes nothing.
pub fn transition(
    state: PermitState,
    event: PermitEvent,
) -> Result<PermitState, IllegalTransition> {
    use PermitEvent as E;
    use PermitState as S;
    let next = match (state, event) {
        (S::Applied, E::Approve) => Some(S::Applied),
        (S::Applied, E::ApproveLast) => Some(S::AwaitingPayment),
        (S::Applied, E::Refuse) => Some(S::Refused),
        (S::Applied, E::Withdraw) => Some(S::Withdrawn),
        (S::AwaitingPayment, E::Pay) => Some(S::AwaitingPayment),
        (S::AwaitingPayment, E::PayLast) => Some(S::Active),
        (S::AwaitingPayment, E::Lapse) => Some(S::Lapsed),
        (S::Applied | S::AwaitingPayment, E::ParentEnded) => Some(S::Lapsed),
        (S::Active, E::Suspend) => Some(S::Suspended),
        (S::Suspended, E::Resume) => Some(S::Active),
        (S::Active | S::Suspended, E::Revoke) => Some(S::Revoked),
        (S::Active, E::Return) => Some(S::Returned),
        (S::Active, E::Extend | E::Trip | E::Reissue) => Some(S::Active),
        (s, E::Depart) if s.owes_departure() => Some(s),
        (s, E::ReportReplacement) if s.was_issued() => Some(s),
        (S::Refused, E::Annul) => Some(S::Applied),
        (S::Suspended | S::Revoked, E::Annul) => Some(S::Active),
        (S::Lapsed, E::ParentRestored) => Some(S::Applied),
        (S::Lapsed, E::ParentRestoredApproved) => Some(S::AwaitingPayment),
        _ => None,
    };
    next.ok_or(IllegalTransition {
        code: "illegal-transition",
        machine: "permit",
        state: state.as_str(),
        event: event.name(),
    })
}

/// APPK Art. 91(3), Art. 33(2): how an extension that lapsed with its parent's revocation
/// comes back when the revocation is annulled — where it stood: awaiting its fee once every
/// named region had approved it, otherwise awaiting the decisions still to be taken.
pub fn restored_with_parent(every_region_approved: bool) -> PermitEvent {
    if every_region_approved {
        PermitEvent::ParentRestoredApproved
    } else {
        PermitEvent::ParentRestored
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PermitEvent as E;
    use PermitState as S;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn every_permit_kind_reads_back_as_it_is_stored() {
        for k in PermitKind::ALL {
            assert_eq!(PermitKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(PermitKind::parse("renewal"), None);
    }

    #[test]
    fn art_33_4_a_permit_before_issue_has_no_trip_reissue_or_replacement_and_none_returns_to_it() {
        for s in PermitState::ALL.into_iter().filter(|s| s.before_issue()) {
            for e in [E::Trip, E::Reissue, E::ReportReplacement] {
                assert!(transition(s, e).is_err(), "{s:?} allows {e:?}");
            }
        }
        // A refusal (annulled on complaint, APPK Art. 91), a withdrawal or a lapse (an
        // extension's, undone with its parent's revocation) ends a permit that
        // was never issued; every other state after issue stays after issue.
        let never_issued = |s: &PermitState| {
            matches!(
                s,
                PermitState::Refused | PermitState::Withdrawn | PermitState::Lapsed
            )
        };
        for s in PermitState::ALL
            .into_iter()
            .filter(|s| !s.before_issue() && !never_issued(s))
        {
            for e in PermitEvent::ALL {
                if let Ok(next) = transition(s, e) {
                    assert!(!next.before_issue(), "{s:?} --{e:?}--> {next:?}");
                }
            }
        }
    }

    #[test]
    fn art_33_every_permit_state_and_event_moves_as_the_table_says() {
        let table: &[(S, E, S)] = &[
            (S::Applied, E::Approve, S::Applied),
            (S::Applied, E::ApproveLast, S::AwaitingPayment),
            (S::Applied, E::Refuse, S::Refused),
            (S::Applied, E::Withdraw, S::Withdrawn),
            (S::AwaitingPayment, E::Pay, S::AwaitingPayment),
            (S::AwaitingPayment, E::PayLast, S::Active),
            (S::AwaitingPayment, E::Lapse, S::Lapsed),
            (S::Applied, E::ParentEnded, S::Lapsed),
            (S::AwaitingPayment, E::ParentEnded, S::Lapsed),
            (S::Active, E::Suspend, S::Suspended),
            (S::Suspended, E::Resume, S::Active),
            (S::Active, E::Revoke, S::Revoked),
            (S::Suspended, E::Revoke, S::Revoked),
            (S::Active, E::Return, S::Returned),
            (S::Active, E::Extend, S::Active),
            (S::Active, E::Trip, S::Active),
            (S::Active, E::Reissue, S::Active),
            (S::Revoked, E::Depart, S::Revoked),
            (S::Returned, E::Depart, S::Returned),
            (S::Expired, E::Depart, S::Expired),
            (S::Active, E::ReportReplacement, S::Active),
            (S::Suspended, E::ReportReplacement, S::Suspended),
            (S::Revoked, E::ReportReplacement, S::Revoked),
            (S::Returned, E::ReportReplacement, S::Returned),
            (S::Expired, E::ReportReplacement, S::Expired),
            (S::Refused, E::Annul, S::Applied),
            (S::Suspended, E::Annul, S::Active),
            (S::Revoked, E::Annul, S::Active),
            (S::Lapsed, E::ParentRestored, S::Applied),
            (S::Lapsed, E::ParentRestoredApproved, S::AwaitingPayment),
        ];
        for state in PermitState::ALL {
            for event in PermitEvent::ALL {
                let expected = table
                    .iter()
                    .find(|(s, e, _)| *s == state && *e == event)
                    .map(|(_, _, to)| *to);
                assert_eq!(
                    transition(state, event).ok(),
                    expected,
                    "{state:?} × {event:?}"
                );
            }
        }
    }

    #[test]
    fn appk_91_3_an_extension_restored_with_its_parent_stands_where_it_stood() {
        let to = |approved| transition(S::Lapsed, restored_with_parent(approved));
        assert_eq!(to(true), Ok(S::AwaitingPayment));
        assert_eq!(to(false), Ok(S::Applied));
    }

    #[test]
    fn an_illegal_move_names_the_machine_state_and_event() {
        let t = transition(S::Refused, E::Pay).unwrap_err();
        assert_eq!(
            (t.code, t.machine, t.state, t.event),
            ("illegal-transition", "permit", "refused", "pay")
        );
    }

    #[test]
    fn art_33_1_an_active_permit_past_its_end_date_reads_as_expired() {
        let end = date("2026-12-31");
        assert_eq!(S::Active.at(end, date("2026-12-31")), S::Active);
        assert_eq!(S::Active.at(end, date("2027-01-01")), S::Expired);
        assert_eq!(S::Suspended.at(end, date("2027-01-01")), S::Expired);
        assert_eq!(S::Revoked.at(end, date("2027-01-01")), S::Revoked);
        assert_eq!(S::Applied.at(end, date("2027-01-01")), S::Applied);
    }

    fn stay(state: S, ended_on: Option<&str>, replaced_on: Option<&str>) -> Stay {
        Stay {
            state,
            start: date("2026-09-01"),
            ended_on: ended_on.map(date),
            replaced_on: replaced_on.map(date),
        }
    }

    #[test]
    fn art_28_2_8_a_replaced_worker_owes_a_departure_while_the_permit_runs() {
        assert!(departure_owed(&stay(S::Active, None, Some("2026-10-01"))));
        assert!(!departure_owed(&stay(S::Active, None, None)));
        assert!(departure_owed(&stay(S::Revoked, Some("2026-10-01"), None)));
        assert!(!departure_owed(&stay(S::AwaitingPayment, None, None)));
    }

    #[test]
    fn art_28_2_8_a_departure_is_owed_only_for_a_permit_issued_whose_term_began() {
        // Lapsed unpaid: never issued, nobody came.
        assert!(!departure_owed(&stay(S::Lapsed, Some("2026-10-01"), None)));
        // Revoked or returned before its first day: nobody came; on it or after: owed.
        for s in [S::Revoked, S::Returned] {
            assert!(!departure_owed(&stay(s, Some("2026-08-31"), None)), "{s:?}");
            assert!(departure_owed(&stay(s, Some("2026-09-01"), None)), "{s:?}");
        }
        assert!(departure_owed(&stay(S::Expired, None, None)));
        // Replaced by another foreigner before the term began: the worker never came.
        assert!(!departure_owed(&stay(S::Active, None, Some("2026-08-20"))));
        assert!(departure_owed(&stay(S::Active, None, Some("2026-09-01"))));
    }

    #[test]
    fn art_33_a_permit_is_valid_only_while_active_and_within_its_term() {
        let (start, end) = (date("2026-09-01"), date("2026-12-31"));
        assert!(valid_on(S::Active, start, end, date("2026-09-01")));
        assert!(valid_on(S::Active, start, end, date("2026-12-31")));
        assert!(!valid_on(S::Active, start, end, date("2026-08-31")));
        assert!(!valid_on(S::Active, start, end, date("2027-01-01")));
        for s in PermitState::ALL {
            if s != S::Active {
                assert!(!valid_on(s, start, end, date("2026-10-01")), "{s:?}");
            }
        }
    }

    #[test]
    fn stored_states_round_trip() {
        for s in PermitState::ALL {
            assert_eq!(PermitState::parse(s.as_str()), Some(s));
        }
        assert_eq!(PermitState::parse("pending"), None);
    }
}
