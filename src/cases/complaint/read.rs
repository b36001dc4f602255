//! Complaints as the edges read them: [`Complaint`], a plain read model of a complaint with
//! its detail, its deadline on the day read and the certificate or ICT permit it concerns;
//! one complaint, the listing and the officials' queue, each narrowed to a [`Scope`].

use super::super::CaseError;
use super::list::{cases_of, officials_queue, queue};
use super::view::{load, Detail};
use crate::db::complaints::{CaseLink, ComplaintRow, Filter};
use crate::db::Conn;
use crate::domain::complaint::{ActKind, ComplaintState, DecidingBody, Relief};
use crate::domain::{EmployerId, RegionCode};
use chrono::NaiveDate;

/// One complaint as read on a day.
#[derive(Debug, Clone)]
pub struct Complaint {
    pub id: i64,
    /// The permit whose act it contests; none for a certificate's or an ICT permit's.
    pub permit_id: Option<i64>,
    /// The certificate or ICT permit it concerns.
    pub case: Option<CaseLink>,
    /// The employer; none for a certificate holder's complaint.
    pub bin: Option<EmployerId>,
    /// The region of the akimat whose act it contests.
    pub region: RegionCode,
    pub act: ActKind,
    pub act_on: NaiveDate,
    pub relief: Relief,
    pub grounds: String,
    pub filed_on: NaiveDate,
    pub late: bool,
    pub state: ComplaintState,
    pub decider: DecidingBody,
    pub due: NaiveDate,
    /// Open past its deadline on the day read.
    pub overdue: bool,
    pub decided_on: Option<NaiveDate>,
    pub version: i64,
    pub detail: Detail,
}

impl Complaint {
    /// The read model of `row`, which concerns `case`, on `today`.
    pub(super) fn of(
        row: ComplaintRow,
        case: Option<CaseLink>,
        today: NaiveDate,
    ) -> Result<Complaint, CaseError> {
        let detail = Detail::of(&row)?;
        let decider = row.decider();
        Ok(Complaint {
            id: row.id,
            permit_id: row.permit_id,
            case,
            bin: row.bin,
            region: row.region,
            act: row.act_kind,
            act_on: row.act_on,
            relief: match Relief::parse(&row.relief) {
                Some(Relief::TakeDecision) => Relief::TakeDecision,
                _ => Relief::Annul,
            },
            grounds: row.grounds,
            filed_on: row.filed_on,
            late: row.late,
            state: row.state,
            decider,
            overdue: row.state.is_open() && row.due < today,
            due: row.due,
            decided_on: row.decided_on,
            version: row.version,
            detail,
        })
    }

    /// The body it is with: the akimat while filed, the deciding body once forwarded; none
    /// once decided.
    pub fn with_body(&self) -> Option<&'static str> {
        match self.state {
            ComplaintState::Filed => Some("akimat"),
            ComplaintState::Forwarded => Some(self.decider.as_str()),
            _ => None,
        }
    }
}

/// The read model of a complaint just written or loaded, with the case it concerns.
pub(super) fn read(
    conn: &mut Conn,
    row: ComplaintRow,
    today: NaiveDate,
) -> Result<Complaint, CaseError> {
    let mut cases = cases_of(conn, std::slice::from_ref(&row))?;
    let case = cases.remove(&row.id);
    Complaint::of(row, case, today)
}

/// One complaint, once `access` has decided on it (see [`load`]).
pub fn one<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    today: NaiveDate,
    access: impl FnOnce(&RegionCode, Option<&EmployerId>, DecidingBody) -> Result<(), E>,
) -> Result<Complaint, E> {
    let row = load(conn, id, access)?;
    Ok(read(conn, row, today)?)
}

/// What a listing may show, as the edge narrowed it to the caller: one region, one
/// employer, only those open past their deadline.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    pub region: Option<RegionCode>,
    pub bin: Option<EmployerId>,
    pub overdue: bool,
}

impl Scope {
    fn filter(&self, today: NaiveDate) -> Filter {
        Filter {
            region: self.region.as_ref().map(ToString::to_string),
            bin: self.bin.as_ref().map(ToString::to_string),
            states: self.overdue.then(|| {
                vec![
                    ComplaintState::Filed.as_str(),
                    ComplaintState::Forwarded.as_str(),
                ]
            }),
            due_before: self.overdue.then_some(today),
            ..Filter::default()
        }
    }
}

/// The complaints of `scope`, by id after `after_id`, at most `limit`.
pub fn list(
    conn: &mut Conn,
    scope: &Scope,
    today: NaiveDate,
    after_id: Option<i64>,
    limit: i64,
) -> Result<Vec<Complaint>, CaseError> {
    let f = Filter {
        after_id,
        limit,
        ..scope.filter(today)
    };
    let rows = queue(conn, &f)?;
    let mut links = cases_of(conn, &rows)?;
    rows.into_iter()
        .map(|r| {
            let case = links.remove(&r.id);
            Complaint::of(r, case, today)
        })
        .collect()
}

/// Whose queue of complaints is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueueOf {
    /// The ministry: what is forwarded to it.
    Ministry,
    /// An akimat: its own term, reinstatements, and decisions only where the rule set
    /// names the akimat.
    Akimat,
    /// An auditor: every open complaint.
    All,
}

/// The officials' queue of `scope` for `whose`, earliest deadline first, at most `limit`:
/// first the annulled revocations waiting for quota.
pub fn officials(
    conn: &mut Conn,
    scope: &Scope,
    whose: QueueOf,
    today: NaiveDate,
    limit: i64,
) -> Result<Vec<Complaint>, CaseError> {
    let (states, decider) = match whose {
        QueueOf::Ministry => (
            vec![ComplaintState::Forwarded.as_str()],
            Some(DecidingBody::Ministry.as_str()),
        ),
        QueueOf::Akimat | QueueOf::All => (
            vec![
                ComplaintState::Filed.as_str(),
                ComplaintState::Forwarded.as_str(),
            ],
            None,
        ),
    };
    let f = Filter {
        limit,
        by_due: true,
        states: Some(states),
        decider,
        ..scope.filter(today)
    };
    let rows = officials_queue(conn, &f)?;
    let plain: Vec<ComplaintRow> = rows.iter().map(|(r, _)| r.clone()).collect();
    let mut links = cases_of(conn, &plain)?;
    rows.into_iter()
        .filter(|(r, waiting)| {
            whose != QueueOf::Akimat
                || *waiting
                || r.state == ComplaintState::Filed
                || r.decider() == DecidingBody::Akimat
        })
        .map(|(r, _)| {
            let case = links.remove(&r.id);
            Complaint::of(r, case, today)
        })
        .collect()
}
