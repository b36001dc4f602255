//! Why a permit is not valid on a day: what public verification tells anyone who checks a
//! permit's number (Art. 33(5)), beside the bare "not valid".

use super::permit::{valid_on, PermitState};
use chrono::NaiveDate;

/// Why a permit is not valid on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotValid {
    /// Issued, but its term begins on `from` (Art. 33(4)).
    NotYetStarted { from: NaiveDate },
    /// Suspended by the akimat (Art. 33(1)); valid again once resumed.
    Suspended,
    /// Revoked on `on`.
    Revoked { on: NaiveDate },
    /// Its term ended on `on`, its last day.
    Expired { on: NaiveDate },
    /// Lapsed on `on`: its fee was not paid in time.
    Lapsed { on: NaiveDate },
    /// Given back by the employer on `on`.
    Returned { on: NaiveDate },
    /// Never issued (refused, withdrawn, or still to be decided or paid).
    NotIssued,
}

/// Art. 33(1), (4): why a permit in `state` with the term `start`..=`end`, ended on
/// `ended_on` when it ended early, is not valid on `today`; none exactly when
/// [`valid_on`] holds. An end without a recorded day is dated by the term's last day.
pub fn why_not_valid(
    state: PermitState,
    start: NaiveDate,
    end: NaiveDate,
    ended_on: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<NotValid> {
    if valid_on(state, start, end, today) {
        return None;
    }
    let on = ended_on.unwrap_or(end);
    Some(match state.at(end, today) {
        PermitState::Active if today < start => NotValid::NotYetStarted { from: start },
        PermitState::Active | PermitState::Expired => NotValid::Expired { on: end },
        PermitState::Suspended => NotValid::Suspended,
        PermitState::Revoked => NotValid::Revoked { on },
        PermitState::Lapsed => NotValid::Lapsed { on },
        PermitState::Returned => NotValid::Returned { on },
        PermitState::Applied
        | PermitState::AwaitingPayment
        | PermitState::Refused
        | PermitState::Withdrawn => NotValid::NotIssued,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    const START: &str = "2026-01-15";
    const END: &str = "2026-12-31";

    fn why(state: PermitState, ended: Option<&str>, today: &str) -> Option<NotValid> {
        why_not_valid(state, d(START), d(END), ended.map(d), d(today))
    }

    #[test]
    fn art_33_an_active_permit_within_its_term_is_valid_and_has_no_reason() {
        assert_eq!(why(PermitState::Active, None, "2026-02-01"), None);
        assert_eq!(why(PermitState::Active, None, START), None);
        assert_eq!(why(PermitState::Active, None, END), None);
    }

    #[test]
    fn art_33_4_a_permit_before_its_first_day_is_not_yet_started() {
        assert_eq!(
            why(PermitState::Active, None, "2026-01-14"),
            Some(NotValid::NotYetStarted { from: d(START) })
        );
    }

    #[test]
    fn art_33_a_permit_after_its_last_day_expired_on_that_day() {
        for state in [
            PermitState::Active,
            PermitState::Suspended,
            PermitState::Expired,
        ] {
            assert_eq!(
                why(state, None, "2027-01-01"),
                Some(NotValid::Expired { on: d(END) })
            );
        }
    }

    #[test]
    fn art_33_1_suspended_revoked_lapsed_and_returned_permits_say_so_with_their_day() {
        assert_eq!(
            why(PermitState::Suspended, None, "2026-03-01"),
            Some(NotValid::Suspended)
        );
        assert_eq!(
            why(PermitState::Revoked, Some("2026-03-02"), "2026-04-01"),
            Some(NotValid::Revoked {
                on: d("2026-03-02")
            })
        );
        assert_eq!(
            why(PermitState::Lapsed, Some("2026-01-05"), "2026-04-01"),
            Some(NotValid::Lapsed {
                on: d("2026-01-05")
            })
        );
        assert_eq!(
            why(PermitState::Returned, Some("2026-05-05"), "2026-06-01"),
            Some(NotValid::Returned {
                on: d("2026-05-05")
            })
        );
    }

    #[test]
    fn a_permit_never_issued_is_not_valid_on_any_day() {
        for state in [
            PermitState::Applied,
            PermitState::AwaitingPayment,
            PermitState::Refused,
            PermitState::Withdrawn,
        ] {
            assert_eq!(why(state, None, "2026-02-01"), Some(NotValid::NotIssued));
        }
    }
}
