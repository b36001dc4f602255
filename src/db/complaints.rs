//! Pre-trial complaints (APPK Art. 91-92, 101): their rows, the officials' queue, the
//! statistics' rows, the date of the act contested as the audit trail records it, and the
//! writes that put a permit back where it stood before an annulled act.

use super::schema::{
    audit_events, complaint_cases, complaints, permit_details, permit_regions, permits,
    quota_waits, reopened_permits,
};
use super::AnyConnection;
use crate::domain::complaint::{ActKind, ComplaintState, DecidingBody};
use crate::domain::permit::PermitState;
use crate::domain::{EmployerId, RegionCode};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

/// A complaint as stored.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = complaints)]
pub struct ComplaintRow {
    pub id: i64,
    /// The permit whose act it contests; none for a certificate's or an ICT permit's
    /// (their case is in `complaint_cases`).
    pub permit_id: Option<i64>,
    /// The employer filing it; none for a certificate's, which the akimat files on the
    /// holder's written complaint.
    #[diesel(deserialize_as = OptionalBin)]
    pub bin: Option<EmployerId>,
    #[diesel(deserialize_as = String)]
    pub region: RegionCode,
    #[diesel(deserialize_as = String)]
    pub act_kind: ActKind,
    pub act_on: NaiveDate,
    pub relief: String,
    pub grounds: String,
    pub detail: String,
    pub filed_on: NaiveDate,
    pub late: bool,
    #[diesel(deserialize_as = String)]
    pub state: ComplaintState,
    pub decider: String,
    pub due: NaiveDate,
    pub decided_on: Option<NaiveDate>,
    pub version: i64,
}

/// A nullable BIN column read as an employer's id.
pub struct OptionalBin(Option<EmployerId>);

impl From<OptionalBin> for Option<EmployerId> {
    fn from(b: OptionalBin) -> Option<EmployerId> {
        b.0
    }
}

impl<DB: diesel::backend::Backend>
    Queryable<diesel::sql_types::Nullable<diesel::sql_types::Text>, DB> for OptionalBin
where
    Option<String>:
        diesel::deserialize::FromSql<diesel::sql_types::Nullable<diesel::sql_types::Text>, DB>,
{
    type Row = Option<String>;
    fn build(row: Option<String>) -> diesel::deserialize::Result<Self> {
        match row {
            None => Ok(OptionalBin(None)),
            Some(s) => Ok(OptionalBin(Some(s.parse()?))),
        }
    }
}

/// The case a complaint without a permit concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseLink {
    /// A self-employment certificate (Art. 34).
    Certificate(i64),
    /// An ICT permit (Art. 35).
    Ict(i64),
}

impl ComplaintRow {
    /// The body considering the complaint once passed on (APPK Art. 91(3)).
    pub fn decider(&self) -> DecidingBody {
        DecidingBody::parse(&self.decider).unwrap_or(DecidingBody::Ministry)
    }
}

/// A complaint to store.
pub struct NewComplaint<'a> {
    pub permit_id: Option<i64>,
    pub bin: Option<&'a EmployerId>,
    pub region: &'a RegionCode,
    pub act_kind: ActKind,
    pub act_on: NaiveDate,
    pub relief: &'a str,
    pub grounds: &'a str,
    pub detail: &'a str,
    pub filed_on: NaiveDate,
    pub late: bool,
    pub decider: DecidingBody,
    pub due: NaiveDate,
}

pub fn insert(conn: &mut AnyConnection, c: &NewComplaint<'_>) -> QueryResult<ComplaintRow> {
    diesel::insert_into(complaints::table)
        .values((
            complaints::permit_id.eq(c.permit_id),
            complaints::bin.eq(c.bin.map(EmployerId::as_str)),
            complaints::region.eq(c.region.as_str()),
            complaints::act_kind.eq(c.act_kind.as_str()),
            complaints::act_on.eq(c.act_on),
            complaints::relief.eq(c.relief),
            complaints::grounds.eq(c.grounds),
            complaints::detail.eq(c.detail),
            complaints::filed_on.eq(c.filed_on),
            complaints::late.eq(c.late),
            complaints::state.eq(ComplaintState::Filed.as_str()),
            complaints::decider.eq(c.decider.as_str()),
            complaints::due.eq(c.due),
            complaints::version.eq(1_i64),
        ))
        .returning(complaints::all_columns)
        .get_result(conn)
}

pub fn get(conn: &mut AnyConnection, id: i64) -> QueryResult<Option<ComplaintRow>> {
    complaints::table
        .find(id)
        .select(ComplaintRow::as_select())
        .first(conn)
        .optional()
}

/// A move of a complaint: its new state, deadline, decision day, detail and whether its
/// annulled revocation waits for quota (from its decision day: a row of `quota_waits`).
pub struct Step<'a> {
    pub to: ComplaintState,
    pub due: NaiveDate,
    pub decided_on: Option<NaiveDate>,
    pub detail: &'a str,
    pub awaiting_quota: bool,
}

/// Moves a complaint from `from` at `version`, bumping its version; `None` when it moved
/// on concurrently.
pub fn advance(
    conn: &mut AnyConnection,
    id: i64,
    from: ComplaintState,
    version: i64,
    s: &Step<'_>,
) -> QueryResult<Option<ComplaintRow>> {
    let n = diesel::update(
        complaints::table
            .find(id)
            .filter(complaints::state.eq(from.as_str()))
            .filter(complaints::version.eq(version)),
    )
    .set((
        complaints::state.eq(s.to.as_str()),
        complaints::due.eq(s.due),
        complaints::decided_on.eq(s.decided_on),
        complaints::detail.eq(s.detail),
        complaints::version.eq(version + 1),
    ))
    .execute(conn)?;
    if n == 0 {
        return Ok(None);
    }
    match (s.awaiting_quota, s.decided_on) {
        (true, Some(since)) => {
            diesel::insert_into(quota_waits::table)
                .values((
                    quota_waits::complaint_id.eq(id),
                    quota_waits::since.eq(since),
                ))
                .execute(conn)?;
        }
        _ => {
            diesel::delete(quota_waits::table.find(id)).execute(conn)?;
        }
    }
    get(conn, id)
}

/// Filters of the complaint listings; `region` and `bin` narrow to the caller's own.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub region: Option<String>,
    pub bin: Option<String>,
    pub states: Option<Vec<&'static str>>,
    pub decider: Option<&'static str>,
    /// Only those whose deadline is before this day (overdue on it).
    pub due_before: Option<NaiveDate>,
    pub after_id: Option<i64>,
    pub limit: i64,
    /// Oldest deadline first (the officials' queue) instead of by id.
    pub by_due: bool,
    /// Only the annulled revocations waiting for quota (`Some(true)`), or only the others.
    pub waiting: Option<bool>,
}

pub fn list(conn: &mut AnyConnection, f: &Filter) -> QueryResult<Vec<ComplaintRow>> {
    let mut q = complaints::table
        .select(ComplaintRow::as_select())
        .limit(f.limit)
        .into_boxed();
    if let Some(r) = &f.region {
        q = q.filter(complaints::region.eq(r.clone()));
    }
    if let Some(b) = &f.bin {
        q = q.filter(complaints::bin.eq(b.clone()));
    }
    let waiting = quota_waits::table.select(quota_waits::complaint_id);
    match f.waiting {
        Some(true) => q = q.filter(complaints::id.eq_any(waiting)),
        Some(false) => q = q.filter(complaints::id.ne_all(waiting)),
        None => {}
    }
    if let Some(s) = &f.states {
        q = q.filter(complaints::state.eq_any(s.clone()));
    }
    if let Some(d) = f.decider {
        q = q.filter(complaints::decider.eq(d));
    }
    if let Some(d) = f.due_before {
        q = q.filter(complaints::due.lt(d));
    }
    if let Some(id) = f.after_id {
        q = q.filter(complaints::id.gt(id));
    }
    q = if f.by_due {
        q.order((complaints::due, complaints::id))
    } else {
        q.order(complaints::id)
    };
    q.load(conn)
}

/// Names the certificate or ICT permit of complaint `id`.
pub fn link_case(conn: &mut AnyConnection, id: i64, case: CaseLink) -> QueryResult<usize> {
    let (certificate, ict) = match case {
        CaseLink::Certificate(c) => (Some(c), None),
        CaseLink::Ict(p) => (None, Some(p)),
    };
    diesel::insert_into(complaint_cases::table)
        .values((
            complaint_cases::complaint_id.eq(id),
            complaint_cases::certificate_id.eq(certificate),
            complaint_cases::ict_permit_id.eq(ict),
        ))
        .execute(conn)
}

/// The certificate or ICT permit complaint `id` concerns; none for a permit's.
pub fn case_of(conn: &mut AnyConnection, id: i64) -> QueryResult<Option<CaseLink>> {
    Ok(cases_of(conn, &[id])?.remove(&id))
}

/// The certificates and ICT permits complaints `ids` concern, by complaint.
pub fn cases_of(
    conn: &mut AnyConnection,
    ids: &[i64],
) -> QueryResult<std::collections::HashMap<i64, CaseLink>> {
    let rows: Vec<(i64, Option<i64>, Option<i64>)> = complaint_cases::table
        .filter(complaint_cases::complaint_id.eq_any(ids))
        .select((
            complaint_cases::complaint_id,
            complaint_cases::certificate_id,
            complaint_cases::ict_permit_id,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, certificate, ict)| match (certificate, ict) {
            (Some(c), _) => Some((id, CaseLink::Certificate(c))),
            (None, Some(p)) => Some((id, CaseLink::Ict(p))),
            (None, None) => None,
        })
        .collect())
}

/// The complaints of a certificate or an ICT permit, oldest first.
pub fn of_case(conn: &mut AnyConnection, case: CaseLink) -> QueryResult<Vec<ComplaintRow>> {
    let ids = match case {
        CaseLink::Certificate(c) => complaint_cases::table
            .filter(complaint_cases::certificate_id.eq(c))
            .select(complaint_cases::complaint_id)
            .load::<i64>(conn)?,
        CaseLink::Ict(p) => complaint_cases::table
            .filter(complaint_cases::ict_permit_id.eq(p))
            .select(complaint_cases::complaint_id)
            .load::<i64>(conn)?,
    };
    complaints::table
        .filter(complaints::id.eq_any(ids))
        .order(complaints::id)
        .select(ComplaintRow::as_select())
        .load(conn)
}

/// When the audit trail last recorded `action` on an entity of `entity_type`: the act
/// contested and the day it was made known.
pub fn act_recorded_on(
    conn: &mut AnyConnection,
    entity_type: &str,
    id: i64,
    action: &str,
) -> QueryResult<Option<NaiveDateTime>> {
    audit_events::table
        .filter(audit_events::entity_type.eq(entity_type))
        .filter(audit_events::entity_id.eq(id.to_string()))
        .filter(audit_events::action.eq(action))
        .order(audit_events::id.desc())
        .select(audit_events::occurred_at)
        .first(conn)
        .optional()
}

/// The complaints of a permit, oldest first.
pub fn of_permit(conn: &mut AnyConnection, permit_id: i64) -> QueryResult<Vec<ComplaintRow>> {
    complaints::table
        .filter(complaints::permit_id.eq(permit_id))
        .order(complaints::id)
        .select(ComplaintRow::as_select())
        .load(conn)
}

/// Every complaint filed from `from` to `to` (inclusive), optionally of one region: the
/// statistics' rows.
pub fn filed_between(
    conn: &mut AnyConnection,
    from: NaiveDate,
    to: NaiveDate,
    region: Option<&str>,
) -> QueryResult<Vec<ComplaintRow>> {
    let mut q = complaints::table
        .filter(complaints::filed_on.ge(from))
        .filter(complaints::filed_on.le(to))
        .order(complaints::id)
        .select(ComplaintRow::as_select())
        .into_boxed();
    if let Some(r) = region {
        q = q.filter(complaints::region.eq(r.to_owned()));
    }
    q.load(conn)
}

/// When the audit trail last recorded `action` on the permit, and under which region: the
/// act contested and the day the employer learnt of it (APPK Art. 92(1)).
pub fn act_recorded(
    conn: &mut AnyConnection,
    permit_id: i64,
    action: &str,
) -> QueryResult<Option<(NaiveDateTime, Option<String>)>> {
    audit_events::table
        .filter(audit_events::entity_type.eq("permit"))
        .filter(audit_events::entity_id.eq(permit_id.to_string()))
        .filter(audit_events::action.eq(action))
        .order(audit_events::id.desc())
        .select((audit_events::occurred_at, audit_events::region))
        .first(conn)
        .optional()
}

/// The latest complaint that annulled an act of the permit: a permit reopened by it holds
/// quota anew under the complaint's reference (a case holds once per region).
pub fn last_annulment(conn: &mut AnyConnection, permit_id: i64) -> QueryResult<Option<i64>> {
    complaints::table
        .filter(complaints::permit_id.eq(permit_id))
        .filter(complaints::state.eq_any([
            ComplaintState::Reconsidered.as_str(),
            ComplaintState::Satisfied.as_str(),
        ]))
        .order(complaints::id.desc())
        .select(complaints::id)
        .first(conn)
        .optional()
}

/// Puts a permit from `from` at `version` back to `to` when the act is annulled: its end
/// date, ground, note and suspension reason cleared, so a revocation's bar (Art. 33(2),
/// which reads revoked permits) no longer counts it; a refusal annulled gets its new
/// `decision_due`. `None` when it moved on concurrently.
pub fn reopen_permit(
    conn: &mut AnyConnection,
    id: i64,
    from: PermitState,
    version: i64,
    to: PermitState,
    decision_due: Option<NaiveDate>,
) -> QueryResult<Option<()>> {
    let target = permits::table
        .find(id)
        .filter(permits::status.eq(from.as_str()))
        .filter(permits::version.eq(version));
    let n = match decision_due {
        Some(due) => diesel::update(target)
            .set((
                permits::status.eq(to.as_str()),
                permits::version.eq(version + 1),
                permits::ended_on.eq(None::<NaiveDate>),
                permits::end_ground.eq(None::<String>),
                permits::decision_due.eq(due),
            ))
            .execute(conn)?,
        None => diesel::update(target)
            .set((
                permits::status.eq(to.as_str()),
                permits::version.eq(version + 1),
                permits::ended_on.eq(None::<NaiveDate>),
                permits::end_ground.eq(None::<String>),
            ))
            .execute(conn)?,
    };
    if n == 0 {
        return Ok(None);
    }
    diesel::update(permit_details::table.find(id))
        .set((
            permit_details::end_note.eq(None::<String>),
            permit_details::suspension_reason.eq(None::<String>),
        ))
        .execute(conn)?;
    Ok(Some(()))
}

/// A refused permit reopened: every named region decides anew (the quota of earlier
/// approvals went back with the refusal).
pub fn regions_pending_again(conn: &mut AnyConnection, permit_id: i64) -> QueryResult<usize> {
    diesel::update(permit_regions::table.filter(permit_regions::permit_id.eq(permit_id)))
        .set((
            permit_regions::decision.eq("pending"),
            permit_regions::grounds.eq(None::<String>),
            permit_regions::decided_at.eq(None::<NaiveDateTime>),
            permit_regions::decided_on.eq(None::<NaiveDate>),
            permit_regions::decided_by.eq(None::<String>),
            permit_regions::hold_id.eq(None::<i64>),
            permit_regions::fee_rate_mrp.eq(None::<i32>),
            permit_regions::payment_due.eq(None::<NaiveDate>),
        ))
        .execute(conn)
}

/// The extensions of `parent` that lapsed with it on the end ground `ground` on or after
/// `since` (Art. 33(2)): those an annulment of the parent's end on `since` brings back.
pub fn extensions_ended_with(
    conn: &mut AnyConnection,
    parent: i64,
    ground: &str,
    since: NaiveDate,
) -> QueryResult<Vec<i64>> {
    permits::table
        .filter(permits::parent_id.eq(parent))
        .filter(permits::status.eq(PermitState::Lapsed.as_str()))
        .filter(permits::end_ground.eq(ground))
        .filter(permits::ended_on.ge(since))
        .order(permits::id)
        .select(permits::id)
        .load(conn)
}

/// An extension brought back awaiting its fee gets a new last day to pay it in every
/// region it has not paid yet.
pub fn payment_due_again(
    conn: &mut AnyConnection,
    permit_id: i64,
    due: NaiveDate,
) -> QueryResult<usize> {
    diesel::update(
        permit_regions::table
            .filter(permit_regions::permit_id.eq(permit_id))
            .filter(permit_regions::payment_due.is_not_null())
            .filter(permit_regions::paid_on.is_null()),
    )
    .set(permit_regions::payment_due.eq(due))
    .execute(conn)
}

/// A revoked permit restored (or its extension brought back with it) names the hold that
/// took its quota again in `region`.
pub fn set_region_hold(
    conn: &mut AnyConnection,
    permit_id: i64,
    region: &RegionCode,
    hold_id: i64,
) -> QueryResult<usize> {
    diesel::update(permit_regions::table.find((permit_id, region.as_str())))
        .set(permit_regions::hold_id.eq(hold_id))
        .execute(conn)
}

/// A decision ordered taken on a missed deadline gets its new deadline.
pub fn set_decision_due(
    conn: &mut AnyConnection,
    id: i64,
    version: i64,
    due: NaiveDate,
) -> QueryResult<usize> {
    diesel::update(permits::table.find(id).filter(permits::version.eq(version)))
        .set((
            permits::decision_due.eq(due),
            permits::version.eq(version + 1),
        ))
        .execute(conn)
}

/// APPK Art. 91(3)-(4): the permit `complaint` put back before its akimat on `on` goes
/// first in the akimat's queue (the latest complaint's day when reopened again).
pub fn mark_reopened(
    conn: &mut AnyConnection,
    permit_id: i64,
    complaint: i64,
    on: NaiveDate,
) -> QueryResult<usize> {
    diesel::delete(reopened_permits::table.find(permit_id)).execute(conn)?;
    diesel::insert_into(reopened_permits::table)
        .values((
            reopened_permits::permit_id.eq(permit_id),
            reopened_permits::complaint_id.eq(complaint),
            reopened_permits::reopened_on.eq(on),
        ))
        .execute(conn)
}

/// Runs `f` in a savepoint of the caller's transaction: on an error its writes are undone
/// and the transaction goes on (a revocation annulled while its regions have no quota).
pub fn savepoint<T, E>(
    conn: &mut AnyConnection,
    f: impl FnOnce(&mut AnyConnection) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    conn.transaction(f)
}
