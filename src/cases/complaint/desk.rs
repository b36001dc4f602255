//! The complaint desk of the deciding body's officials (the console's complaint pages):
//! the queue by deadline under the same rule as the API's `GET /v1/complaint-queue`, and
//! one complaint with its history, as plain read models that name no table.

use super::super::CaseError;
use super::list::{cases_of, officials_queue};
use super::view::{load, Detail};
use crate::db::audit;
use crate::db::complaints::{CaseLink, ComplaintRow, Filter};
use crate::db::Conn;
use crate::domain::article::SERVICE_RULE;
use crate::domain::complaint::{ActKind, ComplaintState, DecidingBody, Relief};
use crate::domain::{EmployerId, RegionCode};
use chrono::{DateTime, NaiveDate, Utc};

/// Whose queue is read: the ministry's (what it decides), an akimat's (complaints against
/// its region's acts that await it), or every open complaint (auditors).
#[derive(Debug, Clone)]
pub enum Desk {
    Ministry,
    Akimat(RegionCode),
    All,
}

/// A complaint as the desk shows it.
#[derive(Debug, Clone)]
pub struct Line {
    pub id: i64,
    /// The permit whose act it contests; none for a certificate's or an ICT permit's.
    pub permit_id: Option<i64>,
    pub certificate_id: Option<i64>,
    pub ict_permit_id: Option<i64>,
    pub bin: Option<EmployerId>,
    /// The region of the akimat whose act it contests.
    pub region: RegionCode,
    pub act: ActKind,
    /// The day the employer learnt of the act (APPK Art. 92(1)).
    pub act_on: NaiveDate,
    pub relief: Relief,
    pub grounds: String,
    pub references: Vec<String>,
    pub filed_on: NaiveDate,
    /// Filed after the filing term (APPK Art. 92(1)).
    pub late: bool,
    pub state: ComplaintState,
    /// The body considering it once passed on (APPK Art. 91(3)).
    pub decider: DecidingBody,
    /// The deadline of the body that has it (APPK Art. 91(4), 101(1)).
    pub due: NaiveDate,
    /// Open past its deadline.
    pub overdue: bool,
    pub forwarded_on: Option<NaiveDate>,
    pub decided_on: Option<NaiveDate>,
    pub reasons: Option<String>,
    pub term_restored: Option<bool>,
    /// An annulled revocation whose permit waits for quota.
    pub awaiting_quota: bool,
    pub version: i64,
}

/// One step of a complaint's history.
#[derive(Debug, Clone)]
pub struct Step {
    pub at: DateTime<Utc>,
    /// What, e.g. `complaint.filed`.
    pub action: String,
    pub actor: String,
    pub role: String,
    /// The article it rests on; none for an act of the service's own.
    pub legal_basis: Option<String>,
}

/// The most steps a complaint's history shows.
const STEPS: i64 = 200;

fn line(row: ComplaintRow, case: Option<CaseLink>, today: NaiveDate) -> Result<Line, CaseError> {
    let detail = Detail::of(&row)?;
    let (certificate_id, ict_permit_id) = match case {
        Some(CaseLink::Certificate(id)) => (Some(id), None),
        Some(CaseLink::Ict(id)) => (None, Some(id)),
        None => (None, None),
    };
    Ok(Line {
        id: row.id,
        permit_id: row.permit_id,
        certificate_id,
        ict_permit_id,
        decider: row.decider(),
        overdue: row.state.is_open() && row.due < today,
        relief: Relief::parse(&row.relief).unwrap_or(Relief::Annul),
        bin: row.bin,
        region: row.region,
        act: row.act_kind,
        act_on: row.act_on,
        grounds: row.grounds,
        references: detail.references,
        filed_on: row.filed_on,
        late: row.late,
        state: row.state,
        due: row.due,
        forwarded_on: detail.forwarded_on,
        decided_on: row.decided_on,
        reasons: detail.reasons,
        term_restored: detail.term_restored,
        awaiting_quota: detail.awaiting_quota,
        version: row.version,
    })
}

/// The open complaints of `desk` by deadline, the earliest (and overdue) first, at most
/// `limit`, after the annulled revocations whose permits wait for quota: the ministry's
/// those forwarded to it; an akimat's those against its region's acts within its own term,
/// those waiting for quota, and those forwarded where the rule set names the akimat to
/// decide; every open one for auditors.
pub fn queue(
    conn: &mut Conn,
    desk: &Desk,
    limit: i64,
    today: NaiveDate,
) -> Result<Vec<Line>, CaseError> {
    let open = vec![
        ComplaintState::Filed.as_str(),
        ComplaintState::Forwarded.as_str(),
    ];
    let filter = match desk {
        Desk::Ministry => Filter {
            states: Some(vec![ComplaintState::Forwarded.as_str()]),
            decider: Some(DecidingBody::Ministry.as_str()),
            ..Filter::default()
        },
        Desk::Akimat(region) => Filter {
            region: Some(region.to_string()),
            states: Some(open),
            ..Filter::default()
        },
        Desk::All => Filter {
            states: Some(open),
            ..Filter::default()
        },
    };
    let filter = Filter {
        limit,
        by_due: true,
        ..filter
    };
    let akimat = matches!(desk, Desk::Akimat(_));
    let rows: Vec<ComplaintRow> = officials_queue(conn, &filter)?
        .into_iter()
        .filter(|(r, waiting)| {
            !akimat
                || *waiting
                || r.state == ComplaintState::Filed
                || r.decider() == DecidingBody::Akimat
        })
        .map(|(r, _)| r)
        .collect();
    let mut links = cases_of(conn, &rows)?;
    rows.into_iter()
        .map(|r| {
            let case = links.remove(&r.id);
            line(r, case, today)
        })
        .collect()
}

/// Complaint `id`, once `access` lets the caller see it, with its history oldest first.
pub fn read<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    today: NaiveDate,
    access: impl FnOnce(&RegionCode, Option<&EmployerId>, DecidingBody) -> Result<(), E>,
) -> Result<(Line, Vec<Step>), E> {
    let row = load(conn, id, access)?;
    let mut links = cases_of(conn, std::slice::from_ref(&row))?;
    let case = links.remove(&row.id);
    let steps = audit::history(conn, "complaint", &id.to_string(), STEPS)
        .map_err(CaseError::from)?
        .into_iter()
        .map(|e| Step {
            at: e.occurred_at.and_utc(),
            action: e.action,
            actor: e.actor,
            role: e.role,
            legal_basis: Some(e.legal_basis).filter(|b| b != SERVICE_RULE),
        })
        .collect();
    Ok((line(row, case, today)?, steps))
}
