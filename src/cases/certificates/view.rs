//! A self-employment certificate as a reader sees it (Art. 34, 28(2)(10)): the
//! application, the decision and the employers' hiring and end reports. Plain data the
//! API maps to its wire type.

use super::ReportKind;
use crate::cases::CaseError;
use crate::db::certificates::{self as db, CertificateRow, ReportRow};
use crate::db::Conn;
use crate::domain::certificate::Arrival;
use crate::domain::certificate::CertificateState;
use crate::domain::{EmployerId, RegionCode};
use chrono::{DateTime, NaiveDate, Utc};

/// How the application arrived, as stored: `foreign_mission` or `akimat`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrived {
    /// Through a foreign mission.
    ForeignMission,
    /// Directly at the akimat.
    Akimat,
}

/// One employer's hiring or end report (Art. 28(2)(10)).
#[derive(Debug, Clone)]
pub struct Report {
    pub id: i64,
    /// The reporting employer.
    pub bin: EmployerId,
    pub kind: ReportKind,
    /// The day of hiring or of the end.
    pub date: NaiveDate,
    /// The day fell outside the certificate's validity.
    pub past_validity: bool,
    pub reported_at: DateTime<Utc>,
}

impl From<ReportRow> for Report {
    fn from(r: ReportRow) -> Report {
        Report {
            id: r.id,
            bin: r.bin,
            kind: r.kind,
            date: r.on_date,
            past_validity: r.past_validity,
            reported_at: r.reported_at.and_utc(),
        }
    }
}

/// A certificate with its decision and employment history.
#[derive(Debug, Clone)]
pub struct Certificate {
    /// Identifier (the certificate's number).
    pub id: i64,
    /// The deciding akimat's region.
    pub region: RegionCode,
    pub channel: Arrived,
    /// For a foreign mission: the mission's country.
    pub mission_country: Option<String>,
    pub full_name: String,
    pub passport_number: String,
    pub citizenship: String,
    pub iin: Option<String>,
    pub occupation_code: String,
    pub profession: String,
    pub higher_education: bool,
    pub experience_years: i32,
    pub applied_on: NaiveDate,
    pub rule_set_version: i64,
    pub status: CertificateState,
    pub issued_on: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    /// The official's note on a refusal, when one was written.
    pub refusal_reason: Option<String>,
    /// The codes of a refusal's grounds from the rule set's `case_grounds` (none for a
    /// refusal recorded before grounds were listed).
    pub refusal_grounds: Vec<String>,
    /// The labour contract's employer and term, once extended (Art. 34(3)).
    pub contract_bin: Option<String>,
    pub contract_start: Option<NaiveDate>,
    pub contract_end: Option<NaiveDate>,
    pub extended_on: Option<NaiveDate>,
    /// Oldest first.
    pub employment: Vec<Report>,
    pub version: i64,
}

impl Certificate {
    /// The certificate of its rows.
    pub fn new(c: CertificateRow, reports: Vec<ReportRow>) -> Certificate {
        let d = c.decision;
        Certificate {
            id: c.id,
            region: c.region,
            channel: match c.channel {
                Arrival::ForeignMission => Arrived::ForeignMission,
                Arrival::Akimat => Arrived::Akimat,
            },
            mission_country: c.mission_country,
            full_name: c.full_name,
            passport_number: c.passport_number,
            citizenship: c.citizenship,
            iin: c.iin,
            occupation_code: c.occupation_code,
            profession: c.profession,
            higher_education: c.higher_education,
            experience_years: c.experience_years,
            applied_on: c.applied_on,
            rule_set_version: c.rule_set_version,
            status: c.status,
            issued_on: d.as_ref().and_then(|d| d.issued_on),
            valid_until: d.as_ref().and_then(|d| d.valid_until),
            refusal_reason: d
                .as_ref()
                .and_then(|d| d.refusal_reason.clone())
                .filter(|r| !r.is_empty()),
            refusal_grounds: d
                .as_ref()
                .map(|d| crate::cases::ict::view::ground_codes(d.refusal_grounds.as_deref()))
                .unwrap_or_default(),
            contract_bin: d.as_ref().and_then(|d| d.contract_bin.clone()),
            contract_start: d.as_ref().and_then(|d| d.contract_start),
            contract_end: d.as_ref().and_then(|d| d.contract_end),
            extended_on: d.as_ref().and_then(|d| d.extended_on),
            employment: reports.into_iter().map(Report::from).collect(),
            version: c.version,
        }
    }
}

/// The certificate a command answered with, read with its reports.
pub fn of_row(conn: &mut Conn, row: CertificateRow) -> Result<Certificate, CaseError> {
    let reports = db::reports(conn, row.id)?;
    Ok(Certificate::new(row, reports))
}

/// Certificate `id` for a reader `access` lets see it (404 otherwise).
pub fn read<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    access: impl FnOnce(&RegionCode, &[EmployerId]) -> Result<(), E>,
) -> Result<Certificate, E> {
    let (row, reports) = super::load(conn, id, access)?;
    Ok(Certificate::new(row, reports))
}
