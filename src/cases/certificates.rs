//! Self-employment certificates (Art. 34, 1(30), 32(2)(8)): the akimat registers an
//! application (made through a foreign mission or directly), decides it, extends an issued
//! certificate once the holder is employed; employers report hiring and ending the
//! employment (Art. 28(2)(10)). None of these commands calls `cases::ledger`: a
//! certificate is outside the quota and pays no permit fee.

pub mod list;
pub mod view;

use super::lifecycle::{CaseRow, Lifecycle};
use super::CaseError;
use crate::db::audit::{self, Actor};
use crate::db::certificates::{self as db, CertificateRow, ReportRow};
use crate::db::{reference, rulesets, Conn};
use crate::domain::article::*;
use crate::domain::certificate::{self, Arrival, CertificateEvent, CertificateState};
use crate::domain::ground_scope;
use crate::domain::person::{LatinName, PassportNumber};
use crate::domain::ruleset::GroundUse;
use crate::domain::ProblemCode;
use crate::domain::{CountryCode, EmployerId, Message, RegionCode, Violation};
use chrono::NaiveDate;

/// The lifecycle this kind of case shares with the other akimat-decided ones.
pub(crate) const LIFE: Lifecycle = Lifecycle {
    entity_type: "self_employment_certificate",
    conflict: "conflict-certificate-changed",
};

impl CaseRow for CertificateRow {
    fn id(&self) -> i64 {
        self.id
    }
    fn version(&self) -> i64 {
        self.version
    }
    fn region(&self) -> &RegionCode {
        &self.region
    }
    fn employer(&self) -> Option<&EmployerId> {
        None
    }
}

/// How the application arrived (Art. 34(3)).
#[derive(Debug, Clone)]
pub enum Channel {
    /// Through Kazakhstan's mission in this country, forwarded to the akimat it names.
    ForeignMission(CountryCode),
    /// Directly to the akimat, the foreigner being in Kazakhstan.
    Akimat,
}

/// An application for a certificate.
#[derive(Debug, Clone)]
pub struct Apply {
    pub region: RegionCode,
    pub channel: Channel,
    pub full_name: LatinName,
    pub passport_number: PassportNumber,
    pub citizenship: CountryCode,
    pub iin: Option<String>,
    pub occupation_code: String,
    pub higher_education: bool,
    pub experience_years: u32,
}

fn country_exists(conn: &mut Conn, code: &CountryCode) -> Result<(), CaseError> {
    match reference::country(conn, code.as_str())? {
        Some(_) => Ok(()),
        None => Err(CaseError::not_found(
            Message::new("not-found-country").text("country", code),
        )),
    }
}

/// Registers an application of `today`, checked against the list of in-demand professions
/// and its requirements in the rule set in force that day (Art. 34(1),(2),(4)).
pub fn apply(
    conn: &mut Conn,
    cmd: &Apply,
    today: NaiveDate,
    actor: &Actor,
) -> Result<CertificateRow, CaseError> {
    super::known_regions(conn, [("region".to_owned(), &cmd.region)])?;
    country_exists(conn, &cmd.citizenship)?;
    if let Channel::ForeignMission(c) = &cmd.channel {
        country_exists(conn, c)?;
    }
    let stored = rulesets::in_force(conn, today)?.ok_or_else(|| {
        CaseError::not_found(Message::new("not-found-rule-set-on").text("date", today))
    })?;
    let profession = certificate::check_application(
        &stored.rules.lists,
        &cmd.occupation_code,
        cmd.higher_education,
        cmd.experience_years,
        today,
    )
    .map_err(CaseError::rules)?;
    let (channel, mission) = match &cmd.channel {
        Channel::ForeignMission(c) => (Arrival::ForeignMission, Some(c.as_str())),
        Channel::Akimat => (Arrival::Akimat, None),
    };
    let row = db::apply(
        conn,
        &db::NewCertificate {
            region: &cmd.region,
            channel,
            mission_country: mission,
            full_name: cmd.full_name.as_str(),
            passport_number: cmd.passport_number.as_str(),
            citizenship: cmd.citizenship.as_str(),
            iin: cmd.iin.as_deref(),
            occupation_code: &cmd.occupation_code,
            profession: &profession.name,
            higher_education: cmd.higher_education,
            experience_years: i32::try_from(cmd.experience_years).unwrap_or(i32::MAX),
            applied_on: today,
            rule_set_version: stored.version,
        },
    )?;
    LIFE.record(
        actor,
        "self_employment_certificate.applied",
        None,
        &row,
        ART_34_3.cite(),
    )?;
    Ok(row)
}

/// Loads a certificate with its employment history and lets `access` decide on its region
/// and the employers that reported its holder's employment before anything is revealed.
pub fn load<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    access: impl FnOnce(&RegionCode, &[EmployerId]) -> Result<(), E>,
) -> Result<(CertificateRow, Vec<ReportRow>), E> {
    let row = db::get(conn, id)
        .map_err(CaseError::from)?
        .ok_or_else(|| CaseError::not_found(Message::new("not-found-case")))?;
    let reports = db::reports(conn, id).map_err(CaseError::from)?;
    let bins: Vec<EmployerId> = reports.iter().map(|r| r.bin.clone()).collect();
    access(&row.region, &bins)?;
    Ok((row, reports))
}

/// The akimat's decision on an application.
#[derive(Debug, Clone)]
pub enum Decide {
    /// Issue for this many months (at most three).
    Issue { months: u32 },
    /// Refuse on grounds from the rule set's `case_grounds` that apply to a certificate,
    /// with the official's note (kept as the refusal's reason and in its audit event).
    Refuse {
        grounds: Vec<String>,
        note: Option<String>,
    },
}

/// The rule set in force `today`; 404 when none is.
fn rules_today(
    conn: &mut Conn,
    today: NaiveDate,
) -> Result<std::sync::Arc<crate::domain::ruleset::RuleSet>, CaseError> {
    Ok(rulesets::in_force(conn, today)?
        .ok_or_else(|| {
            CaseError::not_found(Message::new("not-found-rule-set-on").text("date", today))
        })?
        .rules)
}

/// The rule set's grounds to refuse certificates and ICT permits (Art. 34, 35) in force
/// `today`, for the choices an official is offered and the names of grounds given; 404 when
/// no rule set is in force.
pub fn case_grounds(
    conn: &mut Conn,
    today: NaiveDate,
) -> Result<crate::domain::ruleset::CaseGrounds, CaseError> {
    Ok(rules_today(conn, today)?.case_grounds.clone())
}

/// Decides an application once (Art. 34(1),(3)): issued for at most three months from
/// `today`, or refused on grounds of the rule set's list that apply to a certificate
/// ([`ground_scope::case_refusal_grounds`]), with the official's note.
pub fn decide<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    cmd: &Decide,
    expected_version: Option<i64>,
    today: NaiveDate,
    access: impl FnOnce(&RegionCode, &[EmployerId]) -> Result<(), E>,
    actor: &Actor,
) -> Result<CertificateRow, E> {
    let (row, _) = load(conn, id, access)?;
    LIFE.stale(&row, expected_version)?;
    let event = match cmd {
        Decide::Issue { .. } => CertificateEvent::Issue,
        Decide::Refuse { .. } => CertificateEvent::Refuse,
    };
    let to =
        certificate::transition(row.status, event).map_err(|t| CaseError::Refused(t.into()))?;
    let rules = rules_today(conn, today)?;
    let (decision, basis) = match cmd {
        Decide::Issue { months } => {
            let until = certificate::issue(&rules.self_employment, today, *months)
                .map_err(CaseError::from)?;
            let d = db::Decision {
                to,
                issued_on: Some(today),
                valid_until: Some(until),
                refusal_reason: None,
                refusal_grounds: None,
            };
            (d, ART_34_1.cite().to_owned())
        }
        Decide::Refuse { grounds, note } => {
            let (stated, basis) = stated_grounds(&rules, grounds, GroundUse::Certificate)?;
            let d = db::Decision {
                to,
                issued_on: None,
                valid_until: None,
                refusal_reason: Some(note.as_deref().unwrap_or("")),
                refusal_grounds: Some(stated),
            };
            (d, basis)
        }
    };
    let action = match to {
        CertificateState::Issued => "self_employment_certificate.issued",
        _ => "self_employment_certificate.refused",
    };
    let written =
        db::decide(conn, id, row.status, row.version, &decision, actor).map_err(CaseError::from)?;
    Ok(LIFE.moved(actor, action, &row, written, &basis)?)
}

/// Art. 34(1), 35(1): the refusal's grounds, checked against the rule set's list for the
/// decision `used`, as stored (a JSON array of their codes, each once) and the refusal's
/// legal basis: the decision's article, then the grounds' own.
pub(crate) fn stated_grounds(
    rules: &crate::domain::ruleset::RuleSet,
    codes: &[String],
    used: GroundUse,
) -> Result<(String, String), CaseError> {
    let found = ground_scope::case_refusal_grounds(&rules.case_grounds, codes, used)
        .map_err(|v| CaseError::rules(vec![v]))?;
    let stated: Vec<&str> = found.iter().map(|g| g.code.as_str()).collect();
    let mut articles: Vec<&str> = found.iter().map(|g| g.article.as_str()).collect();
    articles.sort_unstable();
    articles.dedup();
    let basis = format!(
        "{}; {}",
        ground_scope::refusal_article(used),
        articles.join(", ")
    );
    Ok((serde_json::to_string(&stated)?, basis))
}

/// An extension for the labour contract.
#[derive(Debug, Clone)]
pub struct Extend {
    pub employer: EmployerId,
    pub contract_start: NaiveDate,
    pub contract_end: NaiveDate,
}

/// Extends an issued certificate applied for `today`, within three months of issue, once
/// its holder is employed — the contract starts while the certificate is valid, or the
/// contract's employer reported the hire while it was — for the labour contract's term,
/// never beyond three years (Art. 34(1),(3)).
pub fn extend<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    cmd: &Extend,
    expected_version: Option<i64>,
    today: NaiveDate,
    access: impl FnOnce(&RegionCode, &[EmployerId]) -> Result<(), E>,
    actor: &Actor,
) -> Result<CertificateRow, E> {
    let (row, reports) = load(conn, id, access)?;
    LIFE.stale(&row, expected_version)?;
    certificate::transition(row.status, CertificateEvent::Extend)
        .map_err(|t| CaseError::Refused(t.into()))?;
    let issued = certificate::Issued {
        on: row.issued_on().ok_or_else(|| LIFE.changed(id))?,
        valid_until: row.valid_until().ok_or_else(|| LIFE.changed(id))?,
    };
    let hired_on: Vec<NaiveDate> = reports
        .iter()
        .filter(|r| r.bin == cmd.employer && r.kind == ReportKind::Hire)
        .map(|r| r.on_date)
        .collect();
    let rules = rulesets::in_force(conn, today)
        .map_err(CaseError::from)?
        .ok_or_else(|| {
            CaseError::not_found(Message::new("not-found-rule-set-on").text("date", today))
        })?
        .rules;
    let until = certificate::extend(
        &rules.self_employment,
        issued,
        today,
        &certificate::Employment {
            contract_start: cmd.contract_start,
            contract_end: cmd.contract_end,
            hired_on: &hired_on,
        },
    )
    .map_err(CaseError::rules)?;
    // Inside the window for applying, a certificate that has expired is not revived.
    certificate::extension_move(row.status, row.valid_until(), today)
        .map_err(|t| CaseError::Refused(t.into()))?;
    let after = db::extend(
        conn,
        id,
        row.version,
        &db::Extension {
            contract_bin: &cmd.employer,
            contract_start: cmd.contract_start,
            contract_end: cmd.contract_end,
            extended_on: today,
            valid_until: until,
        },
    )
    .map_err(CaseError::from)?
    .ok_or_else(|| LIFE.changed(id))?;
    LIFE.record(
        actor,
        "self_employment_certificate.extended",
        Some(&row),
        &after,
        &cite_all(&[ART_34_1, ART_34_3]),
    )?;
    Ok(after)
}

/// What an employer reports (Art. 28(2)(10)).
pub use crate::domain::certificate::ReportKind;

/// An employer reports that it hired the holder of an issued or extended certificate, or
/// that the employment ended; an employment outside the certificate's validity is
/// accepted and flagged (Art. 28(2)(10)). The employer's own earlier report of a hire is
/// needed before an end.
pub fn report(
    conn: &mut Conn,
    id: i64,
    employer: &EmployerId,
    passport_number: &PassportNumber,
    kind: ReportKind,
    on: NaiveDate,
    actor: &Actor,
) -> Result<ReportRow, CaseError> {
    // Any employer may report the holder it hired, naming the certificate and the holder's
    // passport, both of which it has seen on the holder's documents. A certificate whose
    // holder has another passport answers as one that does not exist, so a number alone
    // neither proves an employment nor reveals that a certificate exists.
    let (row, reports) = load(conn, id, |_, _| Ok::<(), CaseError>(()))?;
    // Both in normal form (the stored one since issue 19's migration).
    if row.passport_number != passport_number.as_str() {
        return Err(CaseError::not_found(Message::new("not-found-case")));
    }
    let (Some(issued), Some(until)) = (row.issued_on(), row.valid_until()) else {
        return Err(CaseError::rules(vec![Violation::new(
            ProblemCode::CertificateNotIssued,
            ART_28_2_10,
        )
        .text("id", id)]));
    };
    if kind == ReportKind::End
        && !reports
            .iter()
            .any(|r| &r.bin == employer && r.kind == ReportKind::Hire)
    {
        return Err(CaseError::rules(vec![Violation::service_rule(
            ProblemCode::EmploymentEndWithoutHire,
        )
        .text("id", id)]));
    }
    let past_validity = certificate::past_validity(on, issued, until);
    let report = db::report(
        conn,
        &db::NewReport {
            certificate_id: id,
            bin: employer,
            kind,
            on_date: on,
            past_validity,
        },
        actor,
    )?;
    // What the certificate shows changed (`employment`): so does its version.
    if !db::bump(conn, id, row.version)? {
        return Err(LIFE.changed(id));
    }
    audit::record(
        actor,
        audit::Change {
            action: "self_employment_certificate.employment_reported",
            entity_type: "self_employment_certificate",
            entity_id: id.to_string(),
            region: Some(row.region.as_str()),
            bin: Some(employer.as_str()),
            before: None,
            after: Some(audit::snapshot(&report)?),
            legal_basis: ART_28_2_10.cite(),
        },
    )?;
    Ok(report)
}
