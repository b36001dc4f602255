//! Self-employment certificates (Art. 34, 1(30), 32(2)(8)): a certificate of qualification
//! compliance the akimat gives a foreigner who comes to work on their own in an in-demand
//! profession of a priority sector; at most three months, extended once employed — applied
//! for within three months of issue, the contract starting while the certificate is valid
//! — for the labour contract's term, never beyond three years. No quota and no permit fee
//! touch it. Employers report hiring and ending the employment of a holder (Art. 28(2)(10)).

use super::ruleset::{InDemandProfession, ProfessionLists, SelfEmploymentRules};
use super::state::IllegalTransition;
use super::statute::{
    MAX_SELF_EMPLOYMENT_APPLY_WITHIN_MONTHS, MAX_SELF_EMPLOYMENT_EXTENSION_MONTHS,
    MAX_SELF_EMPLOYMENT_INITIAL_MONTHS,
};
use super::Violation;
use crate::domain::article::*;
use crate::domain::problem::{Limit, LimitUnit};
use crate::domain::ProblemCode;
use chrono::{Days, Months, NaiveDate};

/// Where a certificate stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CertificateState {
    /// Applied for, awaiting the akimat's decision.
    Applied,
    /// Issued for at most three months.
    Issued,
    /// Refused by the akimat.
    Refused,
    /// Extended for the labour contract's term.
    Extended,
}

impl CertificateState {
    pub const ALL: [CertificateState; 4] = [
        CertificateState::Applied,
        CertificateState::Issued,
        CertificateState::Refused,
        CertificateState::Extended,
    ];

    /// The stored and wire form.
    pub fn as_str(self) -> &'static str {
        match self {
            CertificateState::Applied => "applied",
            CertificateState::Issued => "issued",
            CertificateState::Refused => "refused",
            CertificateState::Extended => "extended",
        }
    }

    pub fn parse(s: &str) -> Option<CertificateState> {
        CertificateState::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

impl TryFrom<String> for CertificateState {
    type Error = super::demand::UnknownState;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        CertificateState::parse(&s).ok_or(super::demand::UnknownState(s))
    }
}

/// How an application reached the akimat (Art. 34(1)): through a foreign mission, or
/// directly; as stored in `self_employment_certificates.channel`, whose CHECK allows
/// exactly these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Arrival {
    ForeignMission,
    Akimat,
}

impl Arrival {
    pub const ALL: [Arrival; 2] = [Arrival::ForeignMission, Arrival::Akimat];

    /// The stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            Arrival::ForeignMission => "foreign_mission",
            Arrival::Akimat => "akimat",
        }
    }

    pub fn parse(s: &str) -> Option<Arrival> {
        Arrival::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

impl TryFrom<String> for Arrival {
    type Error = super::demand::UnknownState;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Arrival::parse(&s).ok_or(super::demand::UnknownState(s))
    }
}

/// What an employer reports of a holder's employment (Art. 28(2)(10)); as stored in
/// `self_employment_reports.kind`, whose CHECK allows exactly these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    Hire,
    End,
}

impl ReportKind {
    pub const ALL: [ReportKind; 2] = [ReportKind::Hire, ReportKind::End];

    /// The stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportKind::Hire => "hire",
            ReportKind::End => "end",
        }
    }

    pub fn parse(s: &str) -> Option<ReportKind> {
        ReportKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl TryFrom<String> for ReportKind {
    type Error = super::demand::UnknownState;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        ReportKind::parse(&s).ok_or(super::demand::UnknownState(s))
    }
}

/// What can happen to a certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CertificateEvent {
    Issue,
    Refuse,
    Extend,
    /// A complaint satisfied annuls the refusal (APPK Art. 91(3), (4)): the application
    /// awaits the akimat's decision again.
    Annul,
}

impl CertificateEvent {
    pub const ALL: [CertificateEvent; 4] = [
        CertificateEvent::Issue,
        CertificateEvent::Refuse,
        CertificateEvent::Extend,
        CertificateEvent::Annul,
    ];

    fn name(self) -> &'static str {
        match self {
            CertificateEvent::Issue => "issue",
            CertificateEvent::Refuse => "refuse",
            CertificateEvent::Extend => "extend",
            CertificateEvent::Annul => "annul",
        }
    }
}

/// Art. 34(1),(3): the akimat decides an application once (issue or refuse); an issued
/// certificate is extended once, for the labour contract's term; nothing follows an
/// extension. A refusal annulled on a complaint (APPK Art. 91(3), (4)) puts the
/// application back before the akimat, to be decided again.
pub fn transition(
    state: CertificateState,
    event: CertificateEvent,
) -> Result<CertificateState, IllegalTransition> {
    use CertificateEvent as E;
    use CertificateState as S;
    match (state, event) {
        (S::Applied, E::Issue) => Ok(S::Issued),
        (S::Applied, E::Refuse) => Ok(S::Refused),
        (S::Issued, E::Extend) => Ok(S::Extended),
        (S::Refused, E::Annul) => Ok(S::Applied),
        _ => Err(IllegalTransition {
            code: match event {
                E::Extend => "certificate-not-extendable",
                E::Annul => "illegal-transition",
                _ => "already-decided",
            },
            machine: "certificate",
            state: state.as_str(),
            event: event.name(),
        }),
    }
}

/// Art. 34(1),(3): an extension hangs on the certificate it extends: only an issued
/// certificate still valid on `today` is extended; one past its last day is refused as
/// `expired`, whatever the window for applying says.
pub fn extension_move(
    state: CertificateState,
    valid_until: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<CertificateState, IllegalTransition> {
    let to = transition(state, CertificateEvent::Extend)?;
    if valid_until.is_some_and(|until| until < today) {
        return Err(IllegalTransition {
            code: "certificate-not-extendable",
            machine: "certificate",
            state: "expired",
            event: CertificateEvent::Extend.name(),
        });
    }
    Ok(to)
}

/// Art. 34(1),(2),(4): the profession must be on the ministry's list of in-demand
/// professions of priority sectors in force on the application date, and the foreigner's
/// education and experience must meet its requirements. Returns the profession listed.
pub fn check_application<'a>(
    lists: &'a ProfessionLists,
    occupation_code: &str,
    higher_education: bool,
    experience_years: u32,
    applied_on: NaiveDate,
) -> Result<&'a InDemandProfession, Vec<Violation>> {
    let Some(p) = lists
        .in_demand_professions
        .iter()
        .find(|p| p.occupation_code == occupation_code)
    else {
        return Err(vec![Violation::new(
            ProblemCode::ProfessionNotInDemand,
            ART_34_1,
        )
        .text("occupation", occupation_code)
        .text("date", applied_on)]);
    };
    let mut out = Vec::new();
    if p.higher_education_required && !higher_education {
        out.push(
            Violation::new(ProblemCode::QualificationEducationBelow, ART_34_4)
                .text("profession", &p.name),
        );
    }
    if experience_years < p.min_experience_years {
        out.push(
            Violation::new(ProblemCode::QualificationExperienceBelow, ART_34_4)
                .text("profession", &p.name)
                .arg("years", experience_years)
                .arg("required", p.min_experience_years),
        );
    }
    if out.is_empty() {
        Ok(p)
    } else {
        Err(out)
    }
}

/// The last day of a term of `months` starting on `start` (both ends counted).
pub fn last_day(start: NaiveDate, months: u32) -> Option<NaiveDate> {
    start
        .checked_add_months(Months::new(months))?
        .checked_sub_days(Days::new(1))
}

/// Art. 34(1): a certificate is issued for at most three months (the rule set's
/// `initial_max_months`, itself within the law). Returns the last day of validity.
pub fn issue(
    rules: &SelfEmploymentRules,
    issued_on: NaiveDate,
    months: u32,
) -> Result<NaiveDate, Violation> {
    let max = rules
        .initial_max_months
        .min(MAX_SELF_EMPLOYMENT_INITIAL_MONTHS);
    if months == 0 || months > max {
        return Err(
            Violation::new(ProblemCode::CertificateTermTooLong, ART_34_1)
                .arg("months", months)
                .arg("max", max)
                .limit(Limit::new(max, LimitUnit::Months)),
        );
    }
    last_day(issued_on, months).ok_or_else(|| {
        Violation::new(ProblemCode::CertificateTermTooLong, ART_34_1)
            .arg("months", months)
            .arg("max", max)
            .limit(Limit::new(max, LimitUnit::Months))
    })
}

/// The certificate an extension is asked for: its days of issue and validity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Issued {
    pub on: NaiveDate,
    pub valid_until: NaiveDate,
}

/// The employment an extension is asked for: the labour contract's term, and the days the
/// contract's employer reported hiring the holder (Art. 28(2)(10)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Employment<'a> {
    pub contract_start: NaiveDate,
    pub contract_end: NaiveDate,
    pub hired_on: &'a [NaiveDate],
}

/// Art. 34(1),(3): once employed, the holder applies **within three months of the
/// certificate's issue** to extend it for the labour contract's term, **but not more than
/// three years**. The holder is employed when the contract starts while the certificate is
/// valid, or when the contract's employer reported hiring the holder while it was valid —
/// and in either case the contract starts no later than the certificate's last day, so an
/// extension never covers a stretch before any work (docs/LAW.md). The three years are the
/// contract's, from its start, capped by the statute in code whatever the rule set says.
/// Returns the new last day of validity: the contract's end.
pub fn extend(
    rules: &SelfEmploymentRules,
    certificate: Issued,
    applied_on: NaiveDate,
    employment: &Employment<'_>,
) -> Result<NaiveDate, Vec<Violation>> {
    let Issued {
        on: issued_on,
        valid_until,
    } = certificate;
    let (contract_start, contract_end) = (employment.contract_start, employment.contract_end);
    let mut out = Vec::new();
    let within = rules
        .extension_apply_within_months
        .min(MAX_SELF_EMPLOYMENT_APPLY_WITHIN_MONTHS);
    match issued_on.checked_add_months(Months::new(within)) {
        Some(deadline) if applied_on < deadline => {}
        deadline => out.push(
            Violation::new(ProblemCode::ExtensionWindowClosed, ART_34_3)
                .text("issued", issued_on)
                .text(
                    "deadline",
                    deadline.and_then(|d| d.pred_opt()).unwrap_or(issued_on),
                )
                .text("applied", applied_on),
        ),
    }
    let valid = |d: NaiveDate| issued_on <= d && d <= valid_until;
    let reported = employment.hired_on.iter().any(|&d| valid(d));
    if contract_start > valid_until || !(valid(contract_start) || reported) {
        out.push(
            Violation::new(ProblemCode::CertificateHolderNotEmployed, ART_34_3)
                .text("issued", issued_on)
                .text("until", valid_until)
                .text("start", contract_start),
        );
    }
    let max = rules
        .extension_max_months
        .min(MAX_SELF_EMPLOYMENT_EXTENSION_MONTHS);
    if contract_end < contract_start {
        out.push(Violation::service_rule(
            ProblemCode::ContractEndsBeforeStart,
        ));
    } else if last_day(contract_start, max).is_none_or(|last| contract_end > last) {
        out.push(
            Violation::new(ProblemCode::ExtensionBeyondThreeYears, ART_34_1)
                .text("start", contract_start)
                .text("end", contract_end)
                .arg("max", max)
                .limit(Limit::new(max, LimitUnit::Months)),
        );
    }
    if out.is_empty() {
        Ok(contract_end)
    } else {
        Err(out)
    }
}

/// Art. 28(2)(10): an employment a holder's employer reports on a day the certificate no
/// longer covered — after its last day of validity, or before it was issued — is flagged.
pub fn past_validity(on: NaiveDate, issued_on: NaiveDate, valid_until: NaiveDate) -> bool {
    on < issued_on || on > valid_until
}

#[cfg(test)]
mod stored_forms {
    use super::{Arrival, ReportKind};

    #[test]
    fn arrivals_and_report_kinds_read_back_from_their_stored_and_serialized_forms() {
        for a in Arrival::ALL {
            assert_eq!(Arrival::parse(a.as_str()), Some(a));
            assert_eq!(serde_json::to_value(a).unwrap(), a.as_str());
        }
        for k in ReportKind::ALL {
            assert_eq!(ReportKind::parse(k.as_str()), Some(k));
            assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ruleset::tests::seeded;
    use CertificateEvent as E;
    use CertificateState as S;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn art_34_3_only_a_certificate_still_valid_is_extended() {
        let until = Some(date("2026-12-31"));
        assert_eq!(
            extension_move(S::Issued, until, date("2026-12-31")),
            Ok(S::Extended)
        );
        let t = extension_move(S::Issued, until, date("2027-01-01")).unwrap_err();
        assert_eq!(
            (t.code, t.machine, t.state, t.event),
            (
                "certificate-not-extendable",
                "certificate",
                "expired",
                "extend"
            )
        );
        let t = extension_move(S::Extended, until, date("2026-12-01")).unwrap_err();
        assert_eq!(t.state, "extended");
    }

    #[test]
    fn art_34_a_certificate_is_decided_once_and_extended_once_every_state_and_event() {
        for state in S::ALL {
            for event in E::ALL {
                let expected = match (state, event) {
                    (S::Applied, E::Issue) => Some(S::Issued),
                    (S::Applied, E::Refuse) => Some(S::Refused),
                    (S::Issued, E::Extend) => Some(S::Extended),
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
            transition(S::Extended, E::Extend).unwrap_err().code,
            "certificate-not-extendable"
        );
    }

    #[test]
    fn art_34_1_a_certificate_lasts_at_most_three_months() {
        let rules = seeded().self_employment;
        assert_eq!(
            issue(&rules, date("2027-01-15"), 3).unwrap(),
            date("2027-04-14")
        );
        let v = issue(&rules, date("2027-01-15"), 4).unwrap_err();
        assert_eq!(
            (v.code.as_str(), v.article.as_deref()),
            ("certificate-term-too-long", Some("Art. 34(1)"))
        );
    }

    /// Issued on 2027-01-15, valid until 2027-04-14.
    fn issued() -> Issued {
        Issued {
            on: date("2027-01-15"),
            valid_until: date("2027-04-14"),
        }
    }

    fn contract<'a>(start: &str, end: &str, hired_on: &'a [NaiveDate]) -> Employment<'a> {
        Employment {
            contract_start: date(start),
            contract_end: date(end),
            hired_on,
        }
    }

    fn codes(v: Vec<Violation>) -> Vec<String> {
        v.into_iter().map(|v| v.code).collect()
    }

    #[test]
    fn art_34_3_an_extension_is_applied_for_within_three_months_of_issue() {
        let rules = seeded().self_employment;
        let ok = extend(
            &rules,
            issued(),
            date("2027-04-14"),
            &contract("2027-02-01", "2029-01-31", &[]),
        );
        assert_eq!(ok.unwrap(), date("2029-01-31"));
        let late = extend(
            &rules,
            issued(),
            date("2027-04-15"),
            &contract("2027-02-01", "2028-01-31", &[]),
        )
        .unwrap_err();
        assert_eq!(late[0].code, "extension-window-closed");
        assert_eq!(late[0].article.as_deref(), Some("Art. 34(3)"));
    }

    #[test]
    fn art_34_1_an_extension_never_goes_beyond_three_years() {
        let rules = seeded().self_employment;
        let applied = date("2027-02-01");
        assert!(extend(
            &rules,
            issued(),
            applied,
            &contract("2027-02-01", "2030-01-31", &[])
        )
        .is_ok());
        let four_years = extend(
            &rules,
            issued(),
            applied,
            &contract("2027-02-01", "2031-01-31", &[]),
        )
        .unwrap_err();
        assert_eq!(four_years[0].code, "extension-beyond-three-years");
        assert_eq!(four_years[0].article.as_deref(), Some("Art. 34(1)"));
        // A rule set allowing more is capped by the statute.
        let mut generous = rules.clone();
        generous.extension_max_months = 60;
        let capped = extend(
            &generous,
            issued(),
            applied,
            &contract("2027-02-01", "2031-01-31", &[]),
        )
        .unwrap_err();
        assert_eq!(codes(capped), ["extension-beyond-three-years"]);
    }

    #[test]
    fn art_34_3_an_extension_needs_the_holder_employed_while_the_certificate_is_valid() {
        let rules = seeded().self_employment;
        let today = date("2027-01-15");
        // The same day as issue, for a contract that starts two years later: five years
        // ahead with a gap before any work. Refused, though the contract is three years.
        let gap = extend(
            &rules,
            issued(),
            today,
            &contract("2029-01-01", "2031-12-31", &[]),
        )
        .unwrap_err();
        assert_eq!(codes(gap.clone()), ["certificate-holder-not-employed"]);
        assert_eq!(gap[0].article.as_deref(), Some("Art. 34(3)"));
        // A hire reported does not bridge a gap either.
        let hired = [date("2027-02-01")];
        assert!(extend(
            &rules,
            issued(),
            today,
            &contract("2029-01-01", "2031-12-31", &hired)
        )
        .is_err());
        // A contract starting on the certificate's last day is accepted.
        assert!(extend(
            &rules,
            issued(),
            today,
            &contract("2027-04-14", "2030-04-13", &[])
        )
        .is_ok());
        assert!(extend(
            &rules,
            issued(),
            today,
            &contract("2027-04-15", "2030-04-14", &[])
        )
        .is_err());
        // A contract dated before the certificate counts once the hire was reported
        // while the certificate was valid.
        let early = contract("2027-01-10", "2028-01-09", &[]);
        assert!(extend(&rules, issued(), today, &early).is_err());
        let reported = [date("2027-01-20")];
        let early = contract("2027-01-10", "2028-01-09", &reported);
        assert_eq!(
            extend(&rules, issued(), today, &early).unwrap(),
            date("2028-01-09")
        );
    }

    #[test]
    fn art_34_4_the_profession_must_be_listed_and_its_requirements_met() {
        let lists = seeded().lists;
        let on = date("2027-01-15");
        assert_eq!(
            check_application(&lists, "2512", true, 5, on)
                .unwrap()
                .occupation_code,
            "2512"
        );
        let v = check_application(&lists, "9629", true, 5, on).unwrap_err();
        assert_eq!(v[0].code, "profession-not-in-demand");
        let v = check_application(&lists, "2512", false, 0, on).unwrap_err();
        let codes: Vec<&str> = v.iter().map(|v| v.code.as_str()).collect();
        assert_eq!(
            codes,
            [
                "qualification-education-below",
                "qualification-experience-below"
            ]
        );
    }

    #[test]
    fn art_28_2_10_an_employment_outside_the_validity_is_flagged() {
        let (issued, until) = (date("2027-01-15"), date("2027-04-14"));
        assert!(!past_validity(date("2027-04-14"), issued, until));
        assert!(past_validity(date("2027-04-15"), issued, until));
        assert!(past_validity(date("2027-01-14"), issued, until));
    }
}
