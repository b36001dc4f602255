//! The complaint desk of the deciding body's officials (the console's complaint pages):
//! the officials' queue of [`super::read::officials`] (the same rule as the API's
//! `GET /v1/complaint-queue`, written once there), and one complaint with its history, as
//! plain read models that name no table.

use super::super::CaseError;
use super::read::{officials, one, Complaint, QueueOf, Scope};
use crate::db::audit;
use crate::db::complaints::CaseLink;
use crate::db::Conn;
use crate::domain::article::SERVICE_RULE;
use crate::domain::complaint::{ActKind, ComplaintState, DecidingBody, Relief};
use crate::domain::{EmployerId, RegionCode};
use chrono::{DateTime, NaiveDate, Utc};

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
    /// The deadline of the body that has it (APPK Art. 91(4), 99).
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

impl From<Complaint> for Line {
    fn from(c: Complaint) -> Line {
        let (certificate_id, ict_permit_id) = match c.case {
            Some(CaseLink::Certificate(id)) => (Some(id), None),
            Some(CaseLink::Ict(id)) => (None, Some(id)),
            None => (None, None),
        };
        Line {
            id: c.id,
            permit_id: c.permit_id,
            certificate_id,
            ict_permit_id,
            bin: c.bin,
            region: c.region,
            act: c.act,
            act_on: c.act_on,
            relief: c.relief,
            grounds: c.grounds,
            references: c.detail.references,
            filed_on: c.filed_on,
            late: c.late,
            state: c.state,
            decider: c.decider,
            due: c.due,
            overdue: c.overdue,
            forwarded_on: c.detail.forwarded_on,
            decided_on: c.decided_on,
            reasons: c.detail.reasons,
            term_restored: c.detail.term_restored,
            awaiting_quota: c.detail.awaiting_quota,
            version: c.version,
        }
    }
}

/// The officials' queue of `scope` for `whose` (see [`officials`]), at most `limit`, as the
/// desk shows it.
pub fn queue(
    conn: &mut Conn,
    scope: &Scope,
    whose: QueueOf,
    limit: i64,
    today: NaiveDate,
) -> Result<Vec<Line>, CaseError> {
    Ok(officials(conn, scope, whose, today, limit)?
        .into_iter()
        .map(Line::from)
        .collect())
}

/// Complaint `id`, once `access` lets the caller see it, with its history oldest first.
pub fn read<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    today: NaiveDate,
    access: impl FnOnce(&RegionCode, Option<&EmployerId>, DecidingBody) -> Result<(), E>,
) -> Result<(Line, Vec<Step>), E> {
    let complaint = one(conn, id, today, access)?;
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
    Ok((Line::from(complaint), steps))
}
