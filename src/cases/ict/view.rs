//! One ICT permit as a reader sees it (Art. 35): the application, the decision, its
//! workers and arrival notifications. Plain data the API maps to its wire type.

use super::{ArrivingWorker, Loaded};
use crate::cases::CaseError;
use crate::db::audit::Actor;
use crate::db::ict::{self as db, ArrivalRow, PermitRow, WorkerRow};
use crate::db::Conn;
use crate::domain::ict::{EmployerForm, IctState, SpecialCondition};
use crate::domain::{EmployerId, RegionCode};
use chrono::{DateTime, NaiveDate, Utc};

/// A worker of an ICT permit.
#[derive(Debug, Clone)]
pub struct Worker {
    pub id: i64,
    pub full_name: String,
    pub passport_number: String,
    /// ISO 3166-1 alpha-3.
    pub citizenship: String,
    /// `head`, `manager` or `specialist`.
    pub position: String,
    pub higher_education: bool,
    /// Months with the sending entity before the transfer.
    pub prior_employment_months: i32,
    /// The notification that reported the arrival.
    pub arrival_id: Option<i64>,
    pub departed_on: Option<NaiveDate>,
    pub departure_evidence: Option<String>,
}

impl From<WorkerRow> for Worker {
    fn from(w: WorkerRow) -> Worker {
        Worker {
            id: w.id,
            full_name: w.full_name,
            passport_number: w.passport_number,
            citizenship: w.citizenship,
            position: w.position,
            higher_education: w.higher_education,
            prior_employment_months: w.prior_employment_months,
            arrival_id: w.arrival_id,
            departed_on: w.departed_on,
            departure_evidence: w.departure_evidence,
        }
    }
}

/// An arrival notification (Art. 35(3)), its workers as notified.
#[derive(Debug, Clone)]
pub struct Arrival {
    pub id: i64,
    pub permit_id: i64,
    /// The day the workers entered Kazakhstan.
    pub entry_date: NaiveDate,
    /// The day it was received.
    pub notified_on: NaiveDate,
    /// The last day it was due.
    pub deadline: NaiveDate,
    /// Received after the deadline; accepted all the same.
    pub late: bool,
    pub sending_country: String,
    pub sending_organisation: String,
    pub workers: Vec<ArrivingWorker>,
    /// First and last day of their work.
    pub term_from: NaiveDate,
    pub term_to: NaiveDate,
    pub notified_at: DateTime<Utc>,
}

impl TryFrom<ArrivalRow> for Arrival {
    type Error = CaseError;
    fn try_from(a: ArrivalRow) -> Result<Arrival, CaseError> {
        Ok(Arrival {
            workers: serde_json::from_str(&a.workers)?,
            id: a.id,
            permit_id: a.permit_id,
            entry_date: a.entry_date,
            notified_on: a.notified_on,
            deadline: a.deadline,
            late: a.late,
            sending_country: a.sending_country,
            sending_organisation: a.sending_organisation,
            term_from: a.term_from,
            term_to: a.term_to,
            notified_at: a.notified_at.and_utc(),
        })
    }
}

/// An ICT permit with its decision, workers and arrival notifications.
#[derive(Debug, Clone)]
pub struct IctPermit {
    pub id: i64,
    /// The deciding akimat's region.
    pub region: RegionCode,
    pub bin: EmployerId,
    /// The declared form; `None` for a word the domain no longer knows.
    pub employer_form: Option<EmployerForm>,
    pub sender_name: String,
    pub sender_country: String,
    /// The special condition chosen; `None` for a word the domain no longer knows.
    pub special_condition: Option<SpecialCondition>,
    pub kazakh_managers: i32,
    pub kazakh_specialists: i32,
    pub contract_start: NaiveDate,
    pub contract_end: NaiveDate,
    pub applied_on: NaiveDate,
    pub rule_set_version: i64,
    pub status: IctState,
    pub issued_on: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    /// The official's note on a refusal, when one was written.
    pub refusal_reason: Option<String>,
    /// The codes of a refusal's grounds from the rule set's `case_grounds` (none for a
    /// refusal recorded before grounds were listed).
    pub refusal_grounds: Vec<String>,
    /// Extensions granted: at most one (Art. 35(1)).
    pub extensions: i32,
    pub extended_on: Option<NaiveDate>,
    /// The employer's pending extension application: its day and months.
    pub extension_applied_on: Option<NaiveDate>,
    pub extension_applied_months: Option<i32>,
    pub measure_reason: Option<String>,
    pub measure_ground: Option<String>,
    pub measure_on: Option<NaiveDate>,
    pub workers: Vec<Worker>,
    /// Oldest first.
    pub arrivals: Vec<Arrival>,
    pub version: i64,
}

/// The ground codes a decision row stores as a JSON array; a stored text that is no such
/// array is kept whole as one code rather than dropped.
pub fn ground_codes(stored: Option<&str>) -> Vec<String> {
    match stored {
        None => Vec::new(),
        Some(text) => serde_json::from_str(text).unwrap_or_else(|_| vec![text.to_owned()]),
    }
}

impl IctPermit {
    /// The permit of its rows.
    pub fn new(
        p: PermitRow,
        workers: Vec<WorkerRow>,
        arrivals: Vec<ArrivalRow>,
    ) -> Result<IctPermit, CaseError> {
        let d = p.decision;
        Ok(IctPermit {
            id: p.id,
            region: p.region,
            bin: p.bin,
            employer_form: EmployerForm::parse(&p.employer_form),
            sender_name: p.sender_name,
            sender_country: p.sender_country,
            special_condition: SpecialCondition::parse(&p.special_condition),
            kazakh_managers: p.kazakh_managers,
            kazakh_specialists: p.kazakh_specialists,
            contract_start: p.contract_start,
            contract_end: p.contract_end,
            applied_on: p.applied_on,
            rule_set_version: p.rule_set_version,
            status: p.status,
            issued_on: d.as_ref().and_then(|d| d.issued_on),
            valid_until: d.as_ref().and_then(|d| d.valid_until),
            refusal_reason: d
                .as_ref()
                .and_then(|d| d.refusal_reason.clone())
                .filter(|r| !r.is_empty()),
            refusal_grounds: d
                .as_ref()
                .map(|d| ground_codes(d.refusal_grounds.as_deref()))
                .unwrap_or_default(),
            extensions: d.as_ref().map_or(0, |d| d.extensions),
            extended_on: d.as_ref().and_then(|d| d.extended_on),
            extension_applied_on: d.as_ref().and_then(|d| d.extension_requested_on),
            extension_applied_months: d.as_ref().and_then(|d| d.extension_requested_months),
            measure_reason: d.as_ref().and_then(|d| d.measure_reason.clone()),
            measure_ground: d.as_ref().and_then(|d| d.measure_ground.clone()),
            measure_on: d.as_ref().and_then(|d| d.measure_on),
            workers: workers.into_iter().map(Worker::from).collect(),
            arrivals: arrivals
                .into_iter()
                .map(Arrival::try_from)
                .collect::<Result<_, _>>()?,
            version: p.version,
        })
    }

    /// The permit a command loaded.
    pub fn of(l: Loaded) -> Result<IctPermit, CaseError> {
        IctPermit::new(l.permit, l.workers, l.arrivals)
    }
}

/// The permit a command answered with, read with its workers and notifications.
pub fn of_row(conn: &mut Conn, row: PermitRow) -> Result<IctPermit, CaseError> {
    let workers = db::workers(conn, row.id)?;
    let arrivals = db::arrivals(conn, row.id)?;
    IctPermit::new(row, workers, arrivals)
}

/// ICT permit `id` for a reader `access` lets see it (404 otherwise); `None` when its
/// extension application outlived the permit's last day and must end first (Art. 35(1)):
/// then [`settle`] it and read again.
pub fn read<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    today: NaiveDate,
    access: impl FnOnce(&RegionCode, &EmployerId) -> Result<(), E>,
) -> Result<Option<IctPermit>, E> {
    let l = super::load(conn, id, access)?;
    if super::extension_application_outlived(&l.permit, today) {
        return Ok(None);
    }
    Ok(Some(IctPermit::of(l)?))
}

/// Ends permit `id`'s extension application that outlived its last day, in the caller's
/// write transaction (Art. 35(1)); nothing otherwise.
pub fn settle(conn: &mut Conn, id: i64, today: NaiveDate, actor: &Actor) -> Result<(), CaseError> {
    super::end_extension_application_if_outlived(conn, id, today, actor).map(|_| ())
}
