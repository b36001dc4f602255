//! The pre-trial complaint against the service's acts (the Administrative Procedural and
//! Process-Related Code No. 350-VI, "APPK", Art. 91-92, 99-100): an employer contests a
//! permit's refusal, suspension or revocation, or a decision not taken by its deadline;
//! the akimat whose act it is may satisfy it itself within its term, otherwise it passes
//! it to the body considering complaints, which decides within its term. Pure rules: the
//! terms come from the rule set's `complaints` section, working days from its calendar.

use super::article::*;
use super::dates::{add_working_days, working_day_on_or_after, WorkCalendar};
use super::permit::PermitState;
use super::state::IllegalTransition;
use super::Violation;
use crate::domain::ProblemCode;
use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// The kind of act a complaint contests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActKind {
    /// A named region's refusal of a permit (Art. 33(2), 9(5)).
    Refusal,
    /// A suspension of a permit (Art. 9(5), 33(2)).
    Suspension,
    /// A revocation of a permit (Art. 9(5), 33(2)).
    Revocation,
    /// A decision not taken by its deadline: from the day after it the akimat is held to
    /// have refused (APPK Art. 91(2)).
    MissedDeadline,
    /// The akimat's refusal of a self-employment certificate (Art. 34(1)).
    CertificateRefusal,
    /// The akimat's refusal of an ICT permit (Art. 35(1)).
    IctRefusal,
}

/// The kind of case whose act a complaint contests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CaseKind {
    /// A work permit or its extension (Art. 33).
    Permit,
    /// A self-employment certificate (Art. 34).
    Certificate,
    /// An ICT permit (Art. 35).
    Ict,
}

impl ActKind {
    pub const ALL: [ActKind; 6] = [
        ActKind::Refusal,
        ActKind::Suspension,
        ActKind::Revocation,
        ActKind::MissedDeadline,
        ActKind::CertificateRefusal,
        ActKind::IctRefusal,
    ];

    /// The kind of case whose act it is.
    pub fn case(self) -> CaseKind {
        match self {
            ActKind::CertificateRefusal => CaseKind::Certificate,
            ActKind::IctRefusal => CaseKind::Ict,
            _ => CaseKind::Permit,
        }
    }

    /// The stored and wire form.
    pub fn as_str(self) -> &'static str {
        match self {
            ActKind::Refusal => "refusal",
            ActKind::Suspension => "suspension",
            ActKind::Revocation => "revocation",
            ActKind::MissedDeadline => "missed_deadline",
            ActKind::CertificateRefusal => "certificate_refusal",
            ActKind::IctRefusal => "ict_refusal",
        }
    }

    /// Parses the stored and wire form.
    pub fn parse(s: &str) -> Option<ActKind> {
        ActKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The audit action of the act on its case, whose date is the day the employer (or
    /// the holder) learnt of it; none for a missed deadline, which has no act.
    pub fn audit_action(self) -> Option<&'static str> {
        match self {
            ActKind::Refusal => Some("permit.refused"),
            ActKind::Suspension => Some("permit.suspended"),
            ActKind::Revocation => Some("permit.revoked"),
            ActKind::MissedDeadline => None,
            ActKind::CertificateRefusal => Some("self_employment_certificate.refused"),
            ActKind::IctRefusal => Some("ict_permit.refused"),
        }
    }
}

impl TryFrom<String> for ActKind {
    type Error = super::demand::UnknownState;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        ActKind::parse(&s).ok_or(super::demand::UnknownState(s))
    }
}

/// What the complaint asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relief {
    /// Annul the act (a refusal, suspension or revocation).
    Annul,
    /// Take the decision not taken (a missed deadline).
    TakeDecision,
}

impl Relief {
    /// The stored and wire form.
    pub fn as_str(self) -> &'static str {
        match self {
            Relief::Annul => "annul",
            Relief::TakeDecision => "take_decision",
        }
    }

    /// Parses the stored and wire form.
    pub fn parse(s: &str) -> Option<Relief> {
        [Relief::Annul, Relief::TakeDecision]
            .into_iter()
            .find(|r| r.as_str() == s)
    }
}

/// The body that considers complaints against a kind of act (APPK Art. 91(3)): the higher
/// body, which the rule set names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecidingBody {
    /// The ministry's authorised unit.
    Ministry,
    /// The akim of the region, above the akimat's unit that made the act (a higher
    /// official, APPK Art. 91(3)).
    Akimat,
}

impl DecidingBody {
    /// The stored and wire form.
    pub fn as_str(self) -> &'static str {
        match self {
            DecidingBody::Ministry => "ministry",
            DecidingBody::Akimat => "akimat",
        }
    }

    /// Parses the stored and wire form.
    pub fn parse(s: &str) -> Option<DecidingBody> {
        [DecidingBody::Ministry, DecidingBody::Akimat]
            .into_iter()
            .find(|b| b.as_str() == s)
    }
}

/// Where a complaint stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ComplaintState {
    /// With the akimat whose act it contests, which may satisfy it itself (APPK Art. 91(4)).
    Filed,
    /// Satisfied by the akimat itself: the act annulled (APPK Art. 91(4)).
    Reconsidered,
    /// With the body considering complaints (APPK Art. 91(3), (4)).
    Forwarded,
    /// Satisfied by the body considering complaints: the act annulled.
    Satisfied,
    /// Satisfied in part: the act stands; the reasons say what was found founded.
    PartlySatisfied,
    /// Refused with reasons: the act stands.
    Refused,
}

impl ComplaintState {
    pub const ALL: [ComplaintState; 6] = [
        ComplaintState::Filed,
        ComplaintState::Reconsidered,
        ComplaintState::Forwarded,
        ComplaintState::Satisfied,
        ComplaintState::PartlySatisfied,
        ComplaintState::Refused,
    ];

    /// The stored and wire form.
    pub fn as_str(self) -> &'static str {
        match self {
            ComplaintState::Filed => "filed",
            ComplaintState::Reconsidered => "reconsidered",
            ComplaintState::Forwarded => "forwarded",
            ComplaintState::Satisfied => "satisfied",
            ComplaintState::PartlySatisfied => "partly_satisfied",
            ComplaintState::Refused => "refused",
        }
    }

    /// Parses the stored and wire form.
    pub fn parse(s: &str) -> Option<ComplaintState> {
        ComplaintState::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Still awaiting a body's answer.
    pub fn is_open(self) -> bool {
        matches!(self, ComplaintState::Filed | ComplaintState::Forwarded)
    }

    /// Decided for the employer: the act was annulled.
    pub fn annulled(self) -> bool {
        matches!(
            self,
            ComplaintState::Reconsidered | ComplaintState::Satisfied
        )
    }
}

impl TryFrom<String> for ComplaintState {
    type Error = super::demand::UnknownState;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        ComplaintState::parse(&s).ok_or(super::demand::UnknownState(s))
    }
}

/// What happens to a complaint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ComplaintEvent {
    /// The akimat whose act it is satisfies it itself (APPK Art. 91(4)).
    Reconsider,
    /// The akimat passes it to the body considering complaints (APPK Art. 91(4)).
    Forward,
    /// The body considering it satisfies it.
    Satisfy,
    /// The body considering it satisfies it in part.
    SatisfyPartly,
    /// The body considering it refuses it, with reasons.
    Refuse,
}

impl ComplaintEvent {
    pub const ALL: [ComplaintEvent; 5] = [
        ComplaintEvent::Reconsider,
        ComplaintEvent::Forward,
        ComplaintEvent::Satisfy,
        ComplaintEvent::SatisfyPartly,
        ComplaintEvent::Refuse,
    ];

    /// The event's name in a refusal.
    pub fn name(self) -> &'static str {
        match self {
            ComplaintEvent::Reconsider => "reconsider",
            ComplaintEvent::Forward => "forward",
            ComplaintEvent::Satisfy => "satisfy",
            ComplaintEvent::SatisfyPartly => "satisfy-partly",
            ComplaintEvent::Refuse => "refuse",
        }
    }

    /// The provision each step rests on, for the audit trail.
    pub fn legal_basis(self) -> Article {
        match self {
            ComplaintEvent::Reconsider | ComplaintEvent::Forward => APPK_91_4,
            ComplaintEvent::Satisfy | ComplaintEvent::SatisfyPartly | ComplaintEvent::Refuse => {
                APPK_91_3
            }
        }
    }
}

/// APPK Art. 91(3)-(4): the complaint's state machine. Filed with the akimat whose act it
/// contests, which either satisfies it itself or passes it on; passed on, the body
/// considering complaints satisfies it, in whole or in part, or refuses it. A decided
/// complaint moves no more.
pub fn transition(
    state: ComplaintState,
    event: ComplaintEvent,
) -> Result<ComplaintState, IllegalTransition> {
    use ComplaintEvent as E;
    use ComplaintState as S;
    let next = match (state, event) {
        (S::Filed, E::Reconsider) => Some(S::Reconsidered),
        (S::Filed, E::Forward) => Some(S::Forwarded),
        (S::Forwarded, E::Satisfy) => Some(S::Satisfied),
        (S::Forwarded, E::SatisfyPartly) => Some(S::PartlySatisfied),
        (S::Forwarded, E::Refuse) => Some(S::Refused),
        _ => None,
    };
    next.ok_or(IllegalTransition {
        code: "illegal-transition",
        machine: "complaint",
        state: state.as_str(),
        event: event.name(),
    })
}

/// APPK Art. 91(1), (2): the act a complaint names must be what the permit shows: a
/// refusal of a refused permit, a suspension of a suspended one, a revocation of a revoked
/// one; a missed deadline of an application still undecided after its decision deadline,
/// which from the next day counts as a refusal. `state` is the permit's state today.
pub fn contestable(
    act: ActKind,
    state: PermitState,
    decision_due: NaiveDate,
    today: NaiveDate,
) -> Result<(), Violation> {
    let fits = match act {
        ActKind::Refusal => state == PermitState::Refused,
        ActKind::Suspension => state == PermitState::Suspended,
        ActKind::Revocation => state == PermitState::Revoked,
        ActKind::MissedDeadline => state == PermitState::Applied && decision_due < today,
        ActKind::CertificateRefusal | ActKind::IctRefusal => false,
    };
    if fits {
        return Ok(());
    }
    let article = match act {
        ActKind::MissedDeadline => APPK_91_2,
        _ => APPK_91_1,
    };
    Err(Violation::new(ProblemCode::ComplaintNoSuchAct, article)
        .text("act", act.as_str())
        .text("state", state.as_str())
        .text("due", decision_due))
}

/// APPK Art. 91(1): a complaint against the refusal of a certificate (Art. 34(1)) or of an
/// ICT permit (Art. 35(1)) names a case the akimat refused: `refused` is whether it stands
/// refused today (`state` names its state in the refusal).
pub fn refusal_contestable(act: ActKind, refused: bool, state: &str) -> Result<(), Violation> {
    if refused && act.case() != CaseKind::Permit {
        return Ok(());
    }
    Err(Violation::new(ProblemCode::ComplaintNoSuchAct, APPK_91_1)
        .text("act", act.as_str())
        .text("state", state)
        .text("due", "-"))
}

/// APPK Art. 91(1): the relief must fit the act: a refusal, suspension or revocation is
/// annulled; a decision not taken is asked to be taken.
pub fn relief_fits(act: ActKind, relief: Relief) -> Result<(), Violation> {
    let fits = match act {
        ActKind::MissedDeadline => relief == Relief::TakeDecision,
        _ => relief == Relief::Annul,
    };
    if fits {
        Ok(())
    } else {
        Err(
            Violation::new(ProblemCode::ComplaintReliefMismatch, APPK_91_1)
                .text("act", act.as_str())
                .text("relief", relief.as_str()),
        )
    }
}

/// APPK Art. 91(2): the day a missed decision deadline counts as a refusal: the day after
/// the deadline, the day the employer is held to learn of it.
pub fn silence_refuses_on(decision_due: NaiveDate) -> NaiveDate {
    decision_due + Days::new(1)
}

/// APPK Art. 92(1): the last day a complaint is on time, `months` calendar months after
/// the day the employer learnt of the act (`notified_on`): the same date of the last month,
/// or that month's last day when it has no such date (Civil Code of the RK, Art. 174(3)),
/// and, when that day is not a working day of `calendar`, the next working day (Civil Code
/// Art. 175). The APPK has no rule of its own on computing its terms; the Civil Code's
/// general rule is read into it, as APPK Art. 12 resolves a doubt in the participant's
/// favour (docs/LAW.md, "Complaints"). `None` past the dates the calendar can express.
pub fn filing_last_day<C: WorkCalendar + ?Sized>(
    notified_on: NaiveDate,
    months: u32,
    calendar: &C,
) -> Option<NaiveDate> {
    notified_on
        .checked_add_months(Months::new(months))
        .map(|last| working_day_on_or_after(last, calendar))
}

/// APPK Art. 92(1), (3): a complaint filed after its [`filing_last_day`] is late; it is
/// still accepted (92(3)). A complaint filed on the working day a term ending on a day off
/// moved to is on time.
pub fn filed_late<C: WorkCalendar + ?Sized>(
    notified_on: NaiveDate,
    filed_on: NaiveDate,
    months: u32,
    calendar: &C,
) -> bool {
    filing_last_day(notified_on, months, calendar).is_some_and(|last| filed_on > last)
}

/// APPK Art. 91(4): the last day the akimat whose act is contested may satisfy the
/// complaint itself; by then it passes it on. `days` working days after filing.
pub fn reconsideration_due<C: WorkCalendar + ?Sized>(
    filed_on: NaiveDate,
    days: u32,
    calendar: &C,
) -> NaiveDate {
    add_working_days(filed_on, days, calendar)
}

/// APPK Art. 99: the last day the body considering the complaint decides it: `days`
/// working days after the day it received it.
pub fn decision_due<C: WorkCalendar + ?Sized>(
    received_on: NaiveDate,
    days: u32,
    calendar: &C,
) -> NaiveDate {
    add_working_days(received_on, days, calendar)
}

/// APPK Art. 92(2), (3): a late complaint is decided on whether the missed term is
/// restored for a good reason (illness, force majeure, another reason that kept the
/// employer from filing): the deciding body must say so; unrestored, the missed term is a
/// ground to refuse it and the complaint cannot be satisfied in whole or in part.
pub fn late_term_decided(
    late: bool,
    term_restored: Option<bool>,
    outcome: ComplaintEvent,
) -> Result<(), Violation> {
    if !late {
        return Ok(());
    }
    match (term_restored, outcome) {
        (None, _) => Err(Violation::new(
            ProblemCode::ComplaintTermRestorationRequired,
            APPK_92_2,
        )),
        (Some(false), ComplaintEvent::Satisfy | ComplaintEvent::SatisfyPartly) => Err(
            Violation::new(ProblemCode::ComplaintTermNotRestored, APPK_92_3),
        ),
        _ => Ok(()),
    }
}

/// APPK Art. 91(4): the akimat satisfies the complaint itself only within its term; after
/// it, the complaint must be passed on.
pub fn reconsideration_open(due: NaiveDate, today: NaiveDate) -> Result<(), Violation> {
    if today <= due {
        Ok(())
    } else {
        Err(
            Violation::new(ProblemCode::ComplaintReconsiderationTermPassed, APPK_91_4)
                .text("due", due),
        )
    }
}

/// The median of the days complaints took to decide, rounded down; `None` for none.
pub fn median_days(mut days: Vec<i64>) -> Option<i64> {
    if days.is_empty() {
        return None;
    }
    days.sort_unstable();
    let n = days.len();
    Some(if n % 2 == 1 {
        days[n / 2]
    } else {
        (days[n / 2 - 1] + days[n / 2]) / 2
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ComplaintEvent as E;
    use ComplaintState as S;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn appk_91_every_complaint_state_and_event_moves_as_the_table_says() {
        let table: &[(S, E, S)] = &[
            (S::Filed, E::Reconsider, S::Reconsidered),
            (S::Filed, E::Forward, S::Forwarded),
            (S::Forwarded, E::Satisfy, S::Satisfied),
            (S::Forwarded, E::SatisfyPartly, S::PartlySatisfied),
            (S::Forwarded, E::Refuse, S::Refused),
        ];
        for state in ComplaintState::ALL {
            for event in ComplaintEvent::ALL {
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
    fn appk_92_1_a_complaint_after_three_months_is_late_but_the_last_day_is_on_time() {
        let notified = date("2026-01-31");
        // 31 January + 3 months is 30 April (the month's last day), a Thursday.
        assert!(!filed_late(notified, date("2026-04-30"), 3, &[][..]));
        assert!(filed_late(notified, date("2026-05-01"), 3, &[][..]));
        assert!(!filed_late(
            date("2026-03-10"),
            date("2026-06-10"),
            3,
            &[][..]
        ));
        assert!(filed_late(
            date("2026-03-10"),
            date("2026-06-11"),
            3,
            &[][..]
        ));
    }

    #[test]
    fn appk_92_1_a_filing_term_ending_on_a_holiday_ends_on_the_next_working_day() {
        // 23 December 2025 + 3 months is Monday 23 March 2026, Nauryz; 24 and 25 March are
        // days off too: the term ends on Thursday 26 March (Civil Code Art. 175).
        let nauryz = [date("2026-03-23"), date("2026-03-24"), date("2026-03-25")];
        let notified = date("2025-12-23");
        assert_eq!(
            filing_last_day(notified, 3, &nauryz[..]),
            Some(date("2026-03-26"))
        );
        assert!(!filed_late(notified, date("2026-03-26"), 3, &nauryz[..]));
        assert!(filed_late(notified, date("2026-03-27"), 3, &nauryz[..]));
        // Without the holidays the term ends on the Monday itself.
        assert!(filed_late(notified, date("2026-03-24"), 3, &[][..]));
        // A term ending on a Sunday (15 March 2026) ends on Monday 16 March.
        assert_eq!(
            filing_last_day(date("2025-12-15"), 3, &[][..]),
            Some(date("2026-03-16"))
        );
    }

    #[test]
    fn appk_99_the_decision_term_counts_working_days_over_a_holiday() {
        // Forwarded on Friday 20 March 2026; Monday 23 March (Nauryz) is off: 3 working
        // days end on Thursday 26 March, not Wednesday 25.
        let holidays = [date("2026-03-23")];
        assert_eq!(
            decision_due(date("2026-03-20"), 3, &holidays[..]),
            date("2026-03-26")
        );
        assert_eq!(
            reconsideration_due(date("2026-03-20"), 3, &[][..]),
            date("2026-03-25")
        );
    }

    #[test]
    fn appk_91_2_an_undecided_application_past_its_deadline_counts_as_refused_the_next_day() {
        let due = date("2026-02-10");
        assert_eq!(silence_refuses_on(due), date("2026-02-11"));
        assert!(contestable(ActKind::MissedDeadline, PermitState::Applied, due, due).is_err());
        assert!(contestable(
            ActKind::MissedDeadline,
            PermitState::Applied,
            due,
            date("2026-02-11")
        )
        .is_ok());
        let v = contestable(
            ActKind::MissedDeadline,
            PermitState::Refused,
            due,
            date("2026-03-01"),
        )
        .unwrap_err();
        assert_eq!(v.article.as_deref(), Some("APPK Art. 91(2)"));
    }

    #[test]
    fn appk_91_1_a_complaint_names_the_act_the_permit_shows() {
        let (due, today) = (date("2026-02-10"), date("2026-03-01"));
        assert!(contestable(ActKind::Refusal, PermitState::Refused, due, today).is_ok());
        assert!(contestable(ActKind::Revocation, PermitState::Revoked, due, today).is_ok());
        assert!(contestable(ActKind::Suspension, PermitState::Suspended, due, today).is_ok());
        let v = contestable(ActKind::Revocation, PermitState::Active, due, today).unwrap_err();
        assert_eq!(
            (v.code.as_str(), v.article.as_deref()),
            ("complaint-no-such-act", Some("APPK Art. 91(1)"))
        );
        assert!(relief_fits(ActKind::Refusal, Relief::Annul).is_ok());
        assert!(relief_fits(ActKind::MissedDeadline, Relief::TakeDecision).is_ok());
        assert!(relief_fits(ActKind::Revocation, Relief::TakeDecision).is_err());
    }

    #[test]
    fn appk_91_1_a_certificate_or_ict_complaint_names_a_refused_case() {
        assert!(refusal_contestable(ActKind::CertificateRefusal, true, "refused").is_ok());
        assert!(refusal_contestable(ActKind::IctRefusal, true, "refused").is_ok());
        let v = refusal_contestable(ActKind::IctRefusal, false, "issued").unwrap_err();
        assert_eq!(
            (v.code.as_str(), v.article.as_deref()),
            ("complaint-no-such-act", Some("APPK Art. 91(1)"))
        );
        assert!(refusal_contestable(ActKind::Refusal, true, "refused").is_err());
        assert!(relief_fits(ActKind::CertificateRefusal, Relief::Annul).is_ok());
        assert!(relief_fits(ActKind::IctRefusal, Relief::TakeDecision).is_err());
        assert_eq!(ActKind::IctRefusal.case(), CaseKind::Ict);
        assert_eq!(ActKind::Revocation.case(), CaseKind::Permit);
    }

    #[test]
    fn appk_92_a_late_complaint_is_satisfied_only_once_its_term_is_restored() {
        assert!(late_term_decided(false, None, E::Satisfy).is_ok());
        assert_eq!(
            late_term_decided(true, None, E::Refuse).unwrap_err().code,
            "complaint-term-restoration-required"
        );
        let v = late_term_decided(true, Some(false), E::Satisfy).unwrap_err();
        assert_eq!(v.article.as_deref(), Some("APPK Art. 92(3)"));
        assert!(late_term_decided(true, Some(false), E::Refuse).is_ok());
        assert!(late_term_decided(true, Some(true), E::Satisfy).is_ok());
    }

    #[test]
    fn appk_91_4_the_akimat_satisfies_a_complaint_itself_only_within_its_term() {
        let due = date("2026-03-25");
        assert!(reconsideration_open(due, due).is_ok());
        assert_eq!(
            reconsideration_open(due, date("2026-03-26"))
                .unwrap_err()
                .code,
            "complaint-reconsideration-term-passed"
        );
    }

    #[test]
    fn the_median_time_to_decide_is_the_middle_value() {
        assert_eq!(median_days(vec![]), None);
        assert_eq!(median_days(vec![9, 1, 5]), Some(5));
        assert_eq!(median_days(vec![4, 1, 10, 2]), Some(3));
    }

    #[test]
    fn stored_forms_round_trip() {
        for k in ActKind::ALL {
            assert_eq!(ActKind::parse(k.as_str()), Some(k));
        }
        for s in ComplaintState::ALL {
            assert_eq!(ComplaintState::parse(s.as_str()), Some(s));
        }
        assert_eq!(Relief::parse("annul"), Some(Relief::Annul));
        assert_eq!(
            DecidingBody::parse("ministry"),
            Some(DecidingBody::Ministry)
        );
    }
}
