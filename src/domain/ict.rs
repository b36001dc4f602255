//! Intra-corporate transfers (Art. 35, 1(25), 32(3), 33(4)): a head, manager or specialist
//! of a legal entity established in a WTO member state and working outside Kazakhstan is
//! transferred to that entity's branch, subsidiary or representative office in Kazakhstan,
//! on an ICT permit the akimat issues for the labour contract's term, at most three years,
//! extended once by at most one year. Outside the annual quota (Art. 32(3)) and without a
//! fee (Art. 33(4)): nothing here knows the quota or fees. The employer notifies the local
//! body within ten calendar days after the workers enter (Art. 35(3)); the akimat keeps the
//! register of ICT foreigners (Art. 35(5)); when the permit ends the employer ensures they
//! leave (Art. 28(2)(8)).
//!
//! Readings of the Kazakh text (it prevails over the digest):
//! - Art. 1(25) names the receiving side: "филиалдарына, еншілес ұйымдарына,
//!   өкілдіктеріне" — branches, subsidiaries, representative offices. A subsidiary is a
//!   Kazakh legal entity of its own, so its BIN is a head office's (6th digit 0): a head
//!   office may apply only by declaring itself a subsidiary of the sender; a BIN whose
//!   6th digit says branch or representative office must declare that form; a peasant farm
//!   or an individual entrepreneur never receives a transfer.
//! - Art. 35(3) counts "кіргеннен кейін күнтізбелік он күн ішінде": ten calendar days after
//!   the day of entry, so a notice on the tenth day after entry is on time and one on the
//!   eleventh is late (accepted and marked late).
//! - Art. 35(4) keeps the ratio for **managers and specialists**; heads are not counted.

use super::ids::EmployerKind;
use super::ruleset::IctRules;
use super::state::IllegalTransition;
use super::statute::{
    MAX_ICT_ARRIVAL_NOTICE_DAYS, MAX_ICT_EXTENSIONS, MAX_ICT_EXTENSION_MONTHS, MAX_ICT_TERM_MONTHS,
};
use super::Violation;
use crate::domain::article::*;
use crate::domain::problem::{Limit, LimitUnit};
use crate::domain::ProblemCode;
use chrono::{Days, Months, NaiveDate};
use rust_decimal::Decimal;

/// Where an ICT permit stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IctState {
    /// Applied for, awaiting the akimat's decision.
    Applied,
    /// Issued (and possibly extended once).
    Issued,
    /// Refused by the akimat.
    Refused,
    /// Suspended by the akimat of the region.
    Suspended,
    /// Revoked by the akimat of the region.
    Revoked,
}

impl IctState {
    pub const ALL: [IctState; 5] = [
        IctState::Applied,
        IctState::Issued,
        IctState::Refused,
        IctState::Suspended,
        IctState::Revoked,
    ];

    /// The stored and wire form.
    pub fn as_str(self) -> &'static str {
        match self {
            IctState::Applied => "applied",
            IctState::Issued => "issued",
            IctState::Refused => "refused",
            IctState::Suspended => "suspended",
            IctState::Revoked => "revoked",
        }
    }

    pub fn parse(s: &str) -> Option<IctState> {
        IctState::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// The permit was issued at some point: its workers are in the register.
    pub fn was_issued(self) -> bool {
        matches!(
            self,
            IctState::Issued | IctState::Suspended | IctState::Revoked
        )
    }
}

impl TryFrom<String> for IctState {
    type Error = super::demand::UnknownState;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        IctState::parse(&s).ok_or(super::demand::UnknownState(s))
    }
}

/// What can happen to an ICT permit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IctEvent {
    Issue,
    Refuse,
    /// The employer applies for the extension (Art. 35(1)).
    ApplyExtension,
    /// The akimat refuses the extension applied for.
    RefuseExtension,
    Extend,
    Suspend,
    Resume,
    Revoke,
    /// A complaint satisfied annuls the refusal (APPK Art. 91(3), (4)): the application
    /// awaits the akimat's decision again.
    Annul,
}

impl IctEvent {
    pub const ALL: [IctEvent; 9] = [
        IctEvent::Issue,
        IctEvent::Refuse,
        IctEvent::ApplyExtension,
        IctEvent::RefuseExtension,
        IctEvent::Extend,
        IctEvent::Suspend,
        IctEvent::Resume,
        IctEvent::Revoke,
        IctEvent::Annul,
    ];

    fn name(self) -> &'static str {
        match self {
            IctEvent::Issue => "issue",
            IctEvent::Refuse => "refuse",
            IctEvent::ApplyExtension => "apply-extension",
            IctEvent::RefuseExtension => "refuse-extension",
            IctEvent::Extend => "extend",
            IctEvent::Suspend => "suspend",
            IctEvent::Resume => "resume",
            IctEvent::Revoke => "revoke",
            IctEvent::Annul => "annul",
        }
    }
}

/// Art. 35(1),(2): the akimat decides an application once; the employer applies for the
/// extension of an issued permit, which the akimat grants or refuses; an issued permit is extended
/// (how many times is [`extend`]'s to say, with its article), suspended and resumed, or
/// revoked, suspended or not; nothing follows a revocation. A refusal annulled on a
/// complaint (APPK Art. 91(3), (4)) puts the application back before the akimat, pending
/// its decision again.
pub fn transition(state: IctState, event: IctEvent) -> Result<IctState, IllegalTransition> {
    use IctEvent as E;
    use IctState as S;
    match (state, event) {
        (S::Applied, E::Issue) => Ok(S::Issued),
        (S::Applied, E::Refuse) => Ok(S::Refused),
        (S::Issued, E::ApplyExtension | E::RefuseExtension | E::Extend) => Ok(S::Issued),
        (S::Issued, E::Suspend) => Ok(S::Suspended),
        (S::Suspended, E::Resume) => Ok(S::Issued),
        (S::Issued | S::Suspended, E::Revoke) => Ok(S::Revoked),
        (S::Refused, E::Annul) => Ok(S::Applied),
        _ => Err(IllegalTransition {
            code: match event {
                E::Annul => "illegal-transition",
                E::Issue | E::Refuse => "already-decided",
                E::ApplyExtension | E::RefuseExtension | E::Extend => "ict-not-extendable",
                E::Suspend | E::Resume | E::Revoke => "ict-measure-not-allowed",
            },
            machine: "ict-permit",
            state: state.as_str(),
            event: event.name(),
        }),
    }
}

/// Art. 35(1): an extension hangs on its permit: it is applied for and decided only while
/// the permit is issued and in force on `today` — a suspended one is refused as
/// `suspended` (and can be once resumed), one past its last day as `expired`.
pub fn extension_move(
    state: IctState,
    valid_until: Option<NaiveDate>,
    event: IctEvent,
    today: NaiveDate,
) -> Result<IctState, IllegalTransition> {
    let to = transition(state, event)?;
    if valid_until.is_some_and(|until| until < today) {
        return Err(IllegalTransition {
            code: "ict-not-extendable",
            machine: "ict-permit",
            state: "expired",
            event: event.name(),
        });
    }
    Ok(to)
}

/// How the Kazakh employer stands to the sending entity (Art. 1(25)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EmployerForm {
    Branch,
    Subsidiary,
    RepresentativeOffice,
}

impl EmployerForm {
    pub const ALL: [EmployerForm; 3] = [
        EmployerForm::Branch,
        EmployerForm::Subsidiary,
        EmployerForm::RepresentativeOffice,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EmployerForm::Branch => "branch",
            EmployerForm::Subsidiary => "subsidiary",
            EmployerForm::RepresentativeOffice => "representative_office",
        }
    }

    pub fn parse(s: &str) -> Option<EmployerForm> {
        EmployerForm::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// Art. 1(25): the BIN's division digit must agree with the form declared: a branch's or
/// representative office's BIN says so; a subsidiary is a legal entity, a head office.
pub fn check_employer(kind: EmployerKind, form: EmployerForm) -> Option<Violation> {
    let fits = matches!(
        (kind, form),
        (EmployerKind::Branch, EmployerForm::Branch)
            | (
                EmployerKind::RepresentativeOffice,
                EmployerForm::RepresentativeOffice
            )
            | (EmployerKind::HeadOffice, EmployerForm::Subsidiary)
    );
    (!fits).then(|| {
        Violation::new(ProblemCode::IctEmployerForm, ART_1_25)
            .text("kind", kind.as_str())
            .text("form", form.as_str())
    })
}

/// The position of a transferred worker (Art. 1(25)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IctPosition {
    Head,
    Manager,
    Specialist,
}

impl IctPosition {
    pub const ALL: [IctPosition; 3] = [
        IctPosition::Head,
        IctPosition::Manager,
        IctPosition::Specialist,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            IctPosition::Head => "head",
            IctPosition::Manager => "manager",
            IctPosition::Specialist => "specialist",
        }
    }

    pub fn parse(s: &str) -> Option<IctPosition> {
        IctPosition::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// The special condition the employer takes on (the ministry's ICT conditions, Art. 35(2)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SpecialCondition {
    /// Training, retraining or upskilling Kazakh staff.
    TrainKazakhStaff,
    /// Creating extra jobs for Kazakh citizens.
    CreateJobs,
}

impl SpecialCondition {
    pub const ALL: [SpecialCondition; 2] = [
        SpecialCondition::TrainKazakhStaff,
        SpecialCondition::CreateJobs,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SpecialCondition::TrainKazakhStaff => "train_kazakh_staff",
            SpecialCondition::CreateJobs => "create_jobs",
        }
    }

    pub fn parse(s: &str) -> Option<SpecialCondition> {
        SpecialCondition::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// One worker of an application, as far as the rules turn on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Worker<'a> {
    pub full_name: &'a str,
    pub position: IctPosition,
    /// Months the worker has worked for the sending entity before the transfer.
    pub prior_employment_months: u32,
}

/// The facts of an application the rules turn on.
#[derive(Debug, Clone)]
pub struct Application<'a> {
    pub sender_country: &'a str,
    /// The sending country's WTO accession, if any (reference data).
    pub sender_wto_since: Option<NaiveDate>,
    pub applied_on: NaiveDate,
    pub contract_start: NaiveDate,
    pub contract_end: NaiveDate,
    pub workers: &'a [Worker<'a>],
    /// Kazakh staff of the employer as managers and as specialists (Art. 35(4)).
    pub kazakh_managers: u32,
    pub kazakh_specialists: u32,
    /// Managers and specialists already transferred to the employer on its other live ICT
    /// permits valid during this contract (Art. 35(4)).
    pub transferred_managers: u32,
    pub transferred_specialists: u32,
}

/// The last day of a term of `months` starting on `start` (both ends counted).
pub fn last_day(start: NaiveDate, months: u32) -> Option<NaiveDate> {
    start
        .checked_add_months(Months::new(months))?
        .checked_sub_days(Days::new(1))
}

/// Art. 1(25): the sending entity must be established in a WTO member on the application
/// date.
pub fn check_sender(
    country: &str,
    wto_since: Option<NaiveDate>,
    on: NaiveDate,
) -> Option<Violation> {
    wto_since.is_none_or(|d| d > on).then(|| {
        Violation::new(ProblemCode::IctSenderNotWto, ART_1_25)
            .text("country", country)
            .text("date", on)
    })
}

/// Art. 35(4): ICT foreigners in a position — those of this application and `transferred`
/// already on the employer's other live ICT permits — as a percentage of the Kazakh staff
/// in it, at most the rule set's figure.
fn check_ratio(
    rules: &IctRules,
    position: IctPosition,
    adding: u32,
    transferred: u32,
    kazakh: u32,
) -> Option<Violation> {
    if adding == 0 {
        return None;
    }
    let foreigners = adding + transferred;
    let max = rules.max_percent_of_kazakh_staff;
    let within = Decimal::from(foreigners) * Decimal::from(100) <= max * Decimal::from(kazakh);
    (!within).then(|| {
        Violation::new(ProblemCode::IctRatioExceeded, ART_35_4)
            .text("position", position.as_str())
            .arg("foreigners", foreigners)
            .arg("transferred", transferred)
            .arg("kazakh", kazakh)
            .text("max", max)
            .limit(Limit::new(max, LimitUnit::Percent))
    })
}

/// Art. 1(25), 35(1),(4): the sender is in a WTO member on the application date; the
/// contract runs at most three years (and the rule set's term); each worker works for the
/// sender; managers and specialists keep the rule set's ratio to Kazakh staff, counted with
/// those already transferred on the employer's other live ICT permits.
pub fn check_application(rules: &IctRules, a: &Application<'_>) -> Vec<Violation> {
    let mut out: Vec<Violation> = check_sender(a.sender_country, a.sender_wto_since, a.applied_on)
        .into_iter()
        .collect();
    let max = rules.max_term_months.min(MAX_ICT_TERM_MONTHS);
    if a.contract_end < a.contract_start {
        out.push(Violation::service_rule(
            ProblemCode::ContractEndsBeforeStart,
        ));
    } else if last_day(a.contract_start, max).is_none_or(|last| a.contract_end > last) {
        out.push(
            Violation::new(ProblemCode::IctTermTooLong, ART_35_1)
                .text("start", a.contract_start)
                .text("end", a.contract_end)
                .arg("max", max)
                .limit(Limit::new(max, LimitUnit::Months)),
        );
    }
    for w in a.workers {
        if w.prior_employment_months == 0 {
            out.push(
                Violation::new(ProblemCode::IctNotEmployedBySender, ART_1_25)
                    .text("worker", w.full_name),
            );
        }
    }
    let count = |p: IctPosition| {
        u32::try_from(a.workers.iter().filter(|w| w.position == p).count()).unwrap_or(u32::MAX)
    };
    out.extend(check_ratio(
        rules,
        IctPosition::Manager,
        count(IctPosition::Manager),
        a.transferred_managers,
        a.kazakh_managers,
    ));
    out.extend(check_ratio(
        rules,
        IctPosition::Specialist,
        count(IctPosition::Specialist),
        a.transferred_specialists,
        a.kazakh_specialists,
    ));
    out
}

/// Art. 35(1): one extension of at most one year (and of the rule set's length and count).
/// `extensions`: how many the permit already had. Returns the new last day.
pub fn extend(
    rules: &IctRules,
    valid_until: NaiveDate,
    extensions: u32,
    months: u32,
) -> Result<NaiveDate, Vec<Violation>> {
    let allowed = rules.max_extensions.min(MAX_ICT_EXTENSIONS);
    if extensions >= allowed {
        return Err(vec![Violation::new(
            ProblemCode::IctExtensionLimit,
            ART_35_1,
        )
        .arg("max", allowed)
        .limit(Limit::new(allowed, LimitUnit::Times))
        .arg("extensions", extensions)]);
    }
    let max = rules.extension_months.min(MAX_ICT_EXTENSION_MONTHS);
    let too_long = || {
        vec![Violation::new(ProblemCode::IctExtensionTooLong, ART_35_1)
            .arg("months", months)
            .arg("max", max)
            .limit(Limit::new(max, LimitUnit::Months))]
    };
    if months == 0 || months > max {
        return Err(too_long());
    }
    valid_until
        .succ_opt()
        .and_then(|from| last_day(from, months))
        .ok_or_else(too_long)
}

/// Art. 35(3): the last day for the arrival notice of workers who entered on `entry`.
pub fn arrival_deadline(rules: &IctRules, entry: NaiveDate) -> NaiveDate {
    let days = rules.arrival_notice_days.min(MAX_ICT_ARRIVAL_NOTICE_DAYS);
    entry
        .checked_add_days(Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MAX)
}

/// Art. 35(3): a notice after the deadline is accepted and marked late.
pub fn arrival_late(rules: &IctRules, entry: NaiveDate, notified_on: NaiveDate) -> bool {
    notified_on > arrival_deadline(rules, entry)
}

/// Art. 35(3): a worker of an issued permit without a notice is missing once the deadline
/// counted from the earliest day they could have entered — the later of issue and the
/// contract's start — has passed.
pub fn notice_missing(
    rules: &IctRules,
    issued_on: NaiveDate,
    contract_start: NaiveDate,
    today: NaiveDate,
) -> bool {
    today > arrival_deadline(rules, issued_on.max(contract_start))
}

/// Art. 35(1), (3): the term of work an arrival notification states lies within the ICT
/// permit's validity (`valid_from`..=`valid_until`): the permit is what allows the work.
pub fn arrival_term_within(
    term: (NaiveDate, NaiveDate),
    valid_from: NaiveDate,
    valid_until: NaiveDate,
) -> Option<Violation> {
    (term.0 < valid_from || term.1 > valid_until).then(|| {
        Violation::new(ProblemCode::IctArrivalTermOutsidePermit, ART_35_1)
            .text("from", term.0)
            .text("to", term.1)
            .text("valid_from", valid_from)
            .text("valid_until", valid_until)
    })
}

/// What an ICT worker's departure depends on (Art. 28(2)(8)): the permit's state, the day
/// it was issued and its last day (none before the akimat issued it), the contract's
/// start, and the day it was revoked, if it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IctStay {
    pub state: IctState,
    pub issued_on: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    pub contract_start: NaiveDate,
    /// The day of the revocation, for a revoked permit; `None` for any other.
    pub revoked_on: Option<NaiveDate>,
}

impl IctStay {
    /// The first day a worker could work on the permit: the later of its issue and the
    /// contract's start (Art. 35(1)); `None` for a permit never issued.
    pub fn term_began(&self) -> Option<NaiveDate> {
        self.issued_on.map(|issued| issued.max(self.contract_start))
    }
}

/// Art. 28(2)(8): the employer ensures the workers leave once the permit has ended — its
/// last day passed, or it was revoked — as for permits ([`super::permit::departure_owed`]),
/// and only a worker who could have come owes it: the permit was issued and its term (from
/// the later of its issue and the contract's start) had begun by the day it ended. A permit
/// never issued, or revoked before its term began, brought no one (docs/LAW.md).
pub fn departure_owed(stay: &IctStay, today: NaiveDate) -> bool {
    let (Some(began), Some(until)) = (stay.term_began(), stay.valid_until) else {
        return false;
    };
    if !stay.state.was_issued() {
        return false;
    }
    let ended_on = match stay.revoked_on {
        Some(on) => on,
        None if today > until => until,
        None => return false,
    };
    began <= ended_on
}

/// Art. 28(2)(8): a worker whose departure is owed and not recorded is overdue.
pub fn departure_overdue(stay: &IctStay, departed: bool, today: NaiveDate) -> bool {
    !departed && departure_owed(stay, today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ruleset::tests::seeded;
    use IctEvent as E;
    use IctState as S;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn art_35_1_an_extension_is_applied_for_and_decided_only_while_its_permit_is_in_force() {
        let until = Some(date("2029-12-31"));
        for e in [E::ApplyExtension, E::Extend, E::RefuseExtension] {
            assert_eq!(
                extension_move(S::Issued, until, e, date("2029-12-31")),
                Ok(S::Issued)
            );
            let expired = extension_move(S::Issued, until, e, date("2030-01-01")).unwrap_err();
            assert_eq!(
                (expired.code, expired.state),
                ("ict-not-extendable", "expired")
            );
            for s in [S::Suspended, S::Revoked, S::Applied, S::Refused] {
                let t = extension_move(s, until, e, date("2027-01-01")).unwrap_err();
                assert_eq!(t.state, s.as_str(), "{s:?} names itself");
            }
        }
    }

    #[test]
    fn art_35_1_an_arrival_term_must_lie_within_the_permits_validity() {
        let (from, until) = (date("2026-02-01"), date("2027-01-31"));
        assert!(arrival_term_within((from, until), from, until).is_none());
        let v = arrival_term_within((date("2026-01-31"), until), from, until).unwrap();
        assert_eq!(v.code, "ict-arrival-term-outside-permit");
        assert!(arrival_term_within((from, date("2027-02-01")), from, until).is_some());
    }

    #[test]
    fn art_35_an_ict_permit_moves_only_as_the_table_says_every_state_and_event() {
        for state in S::ALL {
            for event in E::ALL {
                let expected = match (state, event) {
                    (S::Applied, E::Issue) => Some(S::Issued),
                    (S::Applied, E::Refuse) => Some(S::Refused),
                    (S::Issued, E::ApplyExtension | E::RefuseExtension | E::Extend) => {
                        Some(S::Issued)
                    }
                    (S::Issued, E::Suspend) => Some(S::Suspended),
                    (S::Suspended, E::Resume) => Some(S::Issued),
                    (S::Issued | S::Suspended, E::Revoke) => Some(S::Revoked),
                    (S::Refused, E::Annul) => Some(S::Applied),
                    _ => None,
                };
                assert_eq!(
                    transition(state, event).ok(),
                    expected,
                    "{state:?} × {event:?}"
                );
            }
        }
        assert_eq!(
            transition(S::Suspended, E::Extend).unwrap_err().code,
            "ict-not-extendable"
        );
        assert_eq!(
            transition(S::Issued, E::Issue).unwrap_err().code,
            "already-decided"
        );
        for s in S::ALL {
            assert_eq!(IctState::parse(s.as_str()), Some(s));
        }
    }

    #[test]
    fn art_1_25_the_bin_must_agree_with_the_declared_form() {
        use EmployerForm as F;
        use EmployerKind as K;
        let ok = [
            (K::Branch, F::Branch),
            (K::RepresentativeOffice, F::RepresentativeOffice),
            (K::HeadOffice, F::Subsidiary),
        ];
        for kind in [
            K::HeadOffice,
            K::Branch,
            K::RepresentativeOffice,
            K::PeasantFarm,
            K::IndividualEntrepreneur,
        ] {
            for form in F::ALL {
                let v = check_employer(kind, form);
                assert_eq!(v.is_none(), ok.contains(&(kind, form)), "{kind:?} {form:?}");
                if let Some(v) = v {
                    assert_eq!(v.article.as_deref(), Some("Art. 1(25)"));
                }
            }
        }
    }

    fn workers() -> Vec<Worker<'static>> {
        vec![
            Worker {
                full_name: "A",
                position: IctPosition::Head,
                prior_employment_months: 24,
            },
            Worker {
                full_name: "B",
                position: IctPosition::Manager,
                prior_employment_months: 12,
            },
            Worker {
                full_name: "C",
                position: IctPosition::Specialist,
                prior_employment_months: 13,
            },
        ]
    }

    fn app<'a>(w: &'a [Worker<'a>], wto: Option<NaiveDate>) -> Application<'a> {
        Application {
            sender_country: "DEU",
            sender_wto_since: wto,
            applied_on: date("2026-12-01"),
            contract_start: date("2027-01-01"),
            contract_end: date("2029-12-31"),
            workers: w,
            kazakh_managers: 2,
            kazakh_specialists: 2,
            transferred_managers: 0,
            transferred_specialists: 0,
        }
    }

    #[test]
    fn art_1_25_the_sender_is_in_a_wto_member_on_the_application_date() {
        let rules = seeded().ict;
        let w = workers();
        assert!(check_application(&rules, &app(&w, Some(date("1995-01-01")))).is_empty());
        let v = check_application(&rules, &app(&w, None));
        assert_eq!(v[0].code, "ict-sender-not-wto");
        assert_eq!(v[0].article.as_deref(), Some("Art. 1(25)"));
        // Joined after the application date: not yet a member.
        let v = check_application(&rules, &app(&w, Some(date("2026-12-02"))));
        assert_eq!(v[0].code, "ict-sender-not-wto");
    }

    #[test]
    fn art_35_1_the_contract_term_is_at_most_three_years() {
        let rules = seeded().ict;
        let w = workers();
        let mut a = app(&w, Some(date("1995-01-01")));
        a.contract_end = date("2030-01-01");
        let v = check_application(&rules, &a);
        assert_eq!(
            (v[0].code.as_str(), v[0].article.as_deref()),
            ("ict-term-too-long", Some("Art. 35(1)"))
        );
    }

    #[test]
    fn art_35_4_managers_and_specialists_keep_the_ratio_heads_do_not_count() {
        let rules = seeded().ict; // 50 %
        let mut w = workers();
        w.push(Worker {
            full_name: "D",
            position: IctPosition::Specialist,
            prior_employment_months: 6,
        });
        w.push(Worker {
            full_name: "E",
            position: IctPosition::Head,
            prior_employment_months: 6,
        });
        // Two ICT specialists against two Kazakh ones: 100 % > 50 %.
        let v = check_application(&rules, &app(&w, Some(date("1995-01-01"))));
        assert_eq!(v.len(), 1);
        assert_eq!(
            (v[0].code.as_str(), v[0].article.as_deref()),
            ("ict-ratio-exceeded", Some("Art. 35(4)"))
        );
        let mut a = app(&w, Some(date("1995-01-01")));
        a.kazakh_specialists = 4;
        assert!(check_application(&rules, &a).is_empty());
        // The specialists already transferred on the branch's other live ICT permits count:
        // 2 of this application and 1 before against 4 Kazakh specialists exceed 50 %.
        a.transferred_specialists = 1;
        let v = check_application(&rules, &a);
        assert_eq!(v[0].code, "ict-ratio-exceeded");
        assert_eq!(
            v[0].get("foreigners"),
            Some(&super::super::violation::Arg::Number(3))
        );
        assert_eq!(
            v[0].get("transferred"),
            Some(&super::super::violation::Arg::Number(1))
        );
        // An application with no specialist is not refused for those transferred before.
        let heads = [workers().remove(0)];
        let mut a = app(&heads, Some(date("1995-01-01")));
        a.transferred_specialists = 9;
        assert!(check_application(&rules, &a).is_empty());
    }

    #[test]
    fn art_1_25_a_worker_must_work_for_the_sender() {
        let rules = seeded().ict;
        let mut w = workers();
        w[0].prior_employment_months = 0;
        let v = check_application(&rules, &app(&w, Some(date("1995-01-01"))));
        assert_eq!(v[0].code, "ict-not-employed-by-sender");
    }

    #[test]
    fn art_35_1_one_extension_of_at_most_a_year() {
        let rules = seeded().ict;
        let until = date("2029-12-31");
        assert_eq!(extend(&rules, until, 0, 12).unwrap(), date("2030-12-31"));
        let v = extend(&rules, until, 0, 13).unwrap_err();
        assert_eq!(v[0].code, "ict-extension-too-long");
        let v = extend(&rules, date("2030-12-31"), 1, 6).unwrap_err();
        assert_eq!(
            (v[0].code.as_str(), v[0].article.as_deref()),
            ("ict-extension-limit", Some("Art. 35(1)"))
        );
    }

    #[test]
    fn art_35_3_a_notice_on_the_eleventh_day_after_entry_is_late() {
        let rules = seeded().ict;
        let entry = date("2027-01-05");
        assert!(!arrival_late(&rules, entry, date("2027-01-15")));
        assert!(arrival_late(&rules, entry, date("2027-01-16")));
        assert!(!notice_missing(
            &rules,
            date("2026-12-20"),
            entry,
            date("2027-01-15")
        ));
        assert!(notice_missing(
            &rules,
            date("2026-12-20"),
            entry,
            date("2027-01-16")
        ));
    }

    fn stay(state: IctState, revoked_on: Option<&str>) -> IctStay {
        IctStay {
            state,
            issued_on: Some(date("2026-12-01")),
            valid_until: Some(date("2027-06-30")),
            contract_start: date("2027-01-01"),
            revoked_on: revoked_on.map(date),
        }
    }

    #[test]
    fn art_28_2_8_a_worker_without_departure_is_overdue_once_the_permit_ends() {
        let until = date("2027-06-30");
        let issued = stay(S::Issued, None);
        assert!(!departure_overdue(&issued, false, until));
        assert!(departure_overdue(&issued, false, date("2027-07-01")));
        assert!(!departure_overdue(&issued, true, date("2027-07-01")));
        let revoked = stay(S::Revoked, Some("2027-01-01"));
        assert!(departure_overdue(&revoked, false, date("2027-01-01")));
        assert!(departure_overdue(
            &stay(S::Suspended, None),
            false,
            date("2027-07-01")
        ));
    }

    #[test]
    fn art_28_2_8_no_departure_is_owed_for_an_ict_permit_never_issued_or_revoked_before_its_term_began(
    ) {
        let late = date("2030-01-01");
        // Revoked the day before the contract starts: no one came on it.
        assert!(!departure_owed(&stay(S::Revoked, Some("2026-12-31")), late));
        assert!(departure_owed(&stay(S::Revoked, Some("2027-01-01")), late));
        // Issued after the contract's start: the term begins on the day of issue.
        let mut after_start = stay(S::Revoked, Some("2027-02-01"));
        after_start.issued_on = Some(date("2027-02-02"));
        assert_eq!(after_start.term_began(), Some(date("2027-02-02")));
        assert!(!departure_owed(&after_start, late));
        // Never issued: applied, or refused.
        for s in [S::Applied, S::Refused] {
            let mut never = stay(s, None);
            never.issued_on = None;
            never.valid_until = None;
            assert!(!departure_owed(&never, late), "{s:?}");
        }
    }
}
