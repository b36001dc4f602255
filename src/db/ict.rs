//! Intra-corporate transfers (Art. 35, 1(25)): ICT permits, their workers, arrival
//! notifications (Art. 35(3)) and departures (Art. 28(2)(8)). Nothing here touches the
//! quota ledger or fees.

use super::audit::Actor;
use super::schema::{ict_arrivals as a, ict_decisions as d, ict_permits as p, ict_workers as w};
use super::AnyConnection;
use crate::domain::ict::{self, IctState, IctStay};
use crate::domain::{EmployerId, RegionCode};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use std::collections::HashMap;

/// An application as stored, typed at the edge.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = p)]
struct Applied {
    id: i64,
    #[diesel(deserialize_as = String)]
    region: RegionCode,
    #[diesel(deserialize_as = String)]
    bin: EmployerId,
    employer_form: String,
    sender_name: String,
    sender_country: String,
    special_condition: String,
    kazakh_managers: i32,
    kazakh_specialists: i32,
    contract_start: NaiveDate,
    contract_end: NaiveDate,
    applied_on: NaiveDate,
    rule_set_version: i64,
    #[diesel(deserialize_as = String)]
    status: IctState,
    version: i64,
}

/// The akimat's decision, extension and last measure, as stored.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = d)]
pub struct DecisionRow {
    #[serde(skip)]
    pub permit_id: i64,
    pub issued_on: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    /// The note of a refusal ('' when none was written).
    pub refusal_reason: Option<String>,
    /// The codes of a refusal's grounds from the rule set's `case_grounds`, as a JSON
    /// array; none for a refusal recorded before grounds were listed.
    pub refusal_grounds: Option<String>,
    pub decided_at: NaiveDateTime,
    pub decided_by: String,
    pub extensions: i32,
    pub extended_on: Option<NaiveDate>,
    pub measure_reason: Option<String>,
    pub measure_ground: Option<String>,
    pub measure_on: Option<NaiveDate>,
    /// The employer's pending extension application: its day and months (Art. 35(1)).
    pub extension_requested_on: Option<NaiveDate>,
    pub extension_requested_months: Option<i32>,
}

/// An ICT permit: the application and, once decided, the decision.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PermitRow {
    pub id: i64,
    pub region: RegionCode,
    pub bin: EmployerId,
    pub employer_form: String,
    pub sender_name: String,
    pub sender_country: String,
    pub special_condition: String,
    pub kazakh_managers: i32,
    pub kazakh_specialists: i32,
    pub contract_start: NaiveDate,
    pub contract_end: NaiveDate,
    pub applied_on: NaiveDate,
    pub rule_set_version: i64,
    #[serde(serialize_with = "state_str")]
    pub status: IctState,
    pub version: i64,
    pub decision: Option<DecisionRow>,
}

impl PermitRow {
    pub fn issued_on(&self) -> Option<NaiveDate> {
        self.decision.as_ref().and_then(|d| d.issued_on)
    }

    pub fn valid_until(&self) -> Option<NaiveDate> {
        self.decision.as_ref().and_then(|d| d.valid_until)
    }

    /// What its workers' departures depend on (Art. 28(2)(8)).
    pub fn stay(&self) -> IctStay {
        IctStay {
            state: self.status,
            issued_on: self.issued_on(),
            valid_until: self.valid_until(),
            contract_start: self.contract_start,
            revoked_on: self
                .decision
                .as_ref()
                .and_then(|d| d.measure_on)
                .filter(|_| self.status == IctState::Revoked),
        }
    }

    pub fn extensions(&self) -> u32 {
        self.decision
            .as_ref()
            .map_or(0, |d| u32::try_from(d.extensions).unwrap_or(0))
    }

    fn of(x: Applied, decision: Option<DecisionRow>) -> PermitRow {
        PermitRow {
            id: x.id,
            region: x.region,
            bin: x.bin,
            employer_form: x.employer_form,
            sender_name: x.sender_name,
            sender_country: x.sender_country,
            special_condition: x.special_condition,
            kazakh_managers: x.kazakh_managers,
            kazakh_specialists: x.kazakh_specialists,
            contract_start: x.contract_start,
            contract_end: x.contract_end,
            applied_on: x.applied_on,
            rule_set_version: x.rule_set_version,
            status: x.status,
            version: x.version,
            decision,
        }
    }
}

/// A worker of a permit.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = w)]
pub struct WorkerRow {
    pub id: i64,
    pub permit_id: i64,
    pub full_name: String,
    pub passport_number: String,
    pub citizenship: String,
    pub position: String,
    pub higher_education: bool,
    pub prior_employment_months: i32,
    pub arrival_id: Option<i64>,
    pub departed_on: Option<NaiveDate>,
    pub departure_evidence: Option<String>,
    pub departure_recorded_by: Option<String>,
}

/// An arrival notification (Art. 35(3)); `workers` is the JSON array the employer sent.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = a)]
pub struct ArrivalRow {
    pub id: i64,
    pub permit_id: i64,
    pub entry_date: NaiveDate,
    pub notified_on: NaiveDate,
    pub deadline: NaiveDate,
    pub late: bool,
    pub sending_country: String,
    pub sending_organisation: String,
    pub workers: String,
    pub term_from: NaiveDate,
    pub term_to: NaiveDate,
    pub notified_at: NaiveDateTime,
    pub notified_by: String,
}

/// An application as the employer files it.
#[derive(Debug, Clone)]
pub struct NewPermit<'a> {
    pub region: &'a RegionCode,
    pub bin: &'a EmployerId,
    pub employer_form: &'a str,
    pub sender_name: &'a str,
    pub sender_country: &'a str,
    pub special_condition: &'a str,
    pub kazakh_managers: i32,
    pub kazakh_specialists: i32,
    pub contract_start: NaiveDate,
    pub contract_end: NaiveDate,
    pub applied_on: NaiveDate,
    pub rule_set_version: i64,
}

/// A worker as the employer names it.
#[derive(Debug, Clone)]
pub struct NewWorker<'a> {
    pub full_name: &'a str,
    pub passport_number: &'a str,
    pub citizenship: &'a str,
    pub position: &'a str,
    pub higher_education: bool,
    pub prior_employment_months: i32,
}

pub fn apply(
    conn: &mut AnyConnection,
    n: &NewPermit<'_>,
    workers: &[NewWorker<'_>],
) -> QueryResult<PermitRow> {
    let x: Applied = diesel::insert_into(p::table)
        .values((
            p::region.eq(n.region.as_str()),
            p::bin.eq(n.bin.as_str()),
            p::employer_form.eq(n.employer_form),
            p::sender_name.eq(n.sender_name),
            p::sender_country.eq(n.sender_country),
            p::special_condition.eq(n.special_condition),
            p::kazakh_managers.eq(n.kazakh_managers),
            p::kazakh_specialists.eq(n.kazakh_specialists),
            p::contract_start.eq(n.contract_start),
            p::contract_end.eq(n.contract_end),
            p::applied_on.eq(n.applied_on),
            p::rule_set_version.eq(n.rule_set_version),
            p::status.eq(IctState::Applied.as_str()),
            p::version.eq(1),
        ))
        .returning(p::all_columns)
        .get_result(conn)?;
    for wk in workers {
        diesel::insert_into(w::table)
            .values((
                w::permit_id.eq(x.id),
                w::full_name.eq(wk.full_name),
                w::passport_number.eq(wk.passport_number),
                w::citizenship.eq(wk.citizenship),
                w::position.eq(wk.position),
                w::higher_education.eq(wk.higher_education),
                w::prior_employment_months.eq(wk.prior_employment_months),
            ))
            .execute(conn)?;
    }
    Ok(PermitRow::of(x, None))
}

pub fn get(conn: &mut AnyConnection, id: i64) -> QueryResult<Option<PermitRow>> {
    let Some(x) = p::table
        .find(id)
        .select(Applied::as_select())
        .first(conn)
        .optional()?
    else {
        return Ok(None);
    };
    let decision = d::table
        .find(id)
        .select(DecisionRow::as_select())
        .first(conn)
        .optional()?;
    Ok(Some(PermitRow::of(x, decision)))
}

/// The workers of a permit, in the order applied for.
pub fn workers(conn: &mut AnyConnection, permit_id: i64) -> QueryResult<Vec<WorkerRow>> {
    w::table
        .filter(w::permit_id.eq(permit_id))
        .order(w::id)
        .select(WorkerRow::as_select())
        .load(conn)
}

/// The arrival notifications of a permit, oldest first.
pub fn arrivals(conn: &mut AnyConnection, permit_id: i64) -> QueryResult<Vec<ArrivalRow>> {
    a::table
        .filter(a::permit_id.eq(permit_id))
        .order(a::id)
        .select(ArrivalRow::as_select())
        .load(conn)
}

/// Moves a permit from `from` at `version` to `to`; `false` when another change came first.
fn advance(
    conn: &mut AnyConnection,
    id: i64,
    from: IctState,
    to: IctState,
    version: i64,
) -> QueryResult<bool> {
    super::lifecycle::advance!(conn, p, id, from, to, version)
}

/// APPK Art. 91(3), (4): a refusal annulled on a complaint: the ICT permit moves from
/// `from` at `version` to `to` (awaiting the akimat's decision again, Art. 35(1)) and the
/// refusal's decision row goes, so that it is decided anew. `None` when it moved on
/// concurrently.
pub fn reopen(
    conn: &mut AnyConnection,
    id: i64,
    from: IctState,
    to: IctState,
    version: i64,
) -> QueryResult<Option<()>> {
    if !advance(conn, id, from, to, version)? {
        return Ok(None);
    }
    diesel::delete(d::table.filter(d::permit_id.eq(id))).execute(conn)?;
    Ok(Some(()))
}

/// A decision: the state it moves to and what it sets.
pub type Decision<'a> = super::lifecycle::Decision<'a, IctState>;

/// Records a decision if the permit is still in `from` at `version`; `None` if not.
pub fn decide(
    conn: &mut AnyConnection,
    id: i64,
    from: IctState,
    version: i64,
    dec: &Decision<'_>,
    actor: &Actor,
) -> QueryResult<Option<PermitRow>> {
    if !advance(conn, id, from, dec.to, version)? {
        return Ok(None);
    }
    diesel::insert_into(d::table)
        .values((
            d::permit_id.eq(id),
            d::issued_on.eq(dec.issued_on),
            d::valid_until.eq(dec.valid_until),
            d::refusal_reason.eq(dec.refusal_reason),
            d::refusal_grounds.eq(dec.refusal_grounds.as_deref()),
            d::decided_at.eq(actor.at),
            d::decided_by.eq(&actor.sub),
            d::extensions.eq(0),
        ))
        .execute(conn)?;
    get(conn, id)
}

/// Records the extension if the permit is still issued at `version` with `extensions`
/// extensions; `None` if not.
pub fn extend(
    conn: &mut AnyConnection,
    id: i64,
    version: i64,
    extensions: i32,
    extended_on: NaiveDate,
    valid_until: NaiveDate,
) -> QueryResult<Option<PermitRow>> {
    if !advance(conn, id, IctState::Issued, IctState::Issued, version)? {
        return Ok(None);
    }
    let n = diesel::update(d::table.find(id).filter(d::extensions.eq(extensions)))
        .set((
            d::extensions.eq(extensions + 1),
            d::extended_on.eq(extended_on),
            d::valid_until.eq(valid_until),
            d::extension_requested_on.eq(None::<NaiveDate>),
            d::extension_requested_months.eq(None::<i32>),
        ))
        .execute(conn)?;
    if n != 1 {
        return Ok(None);
    }
    get(conn, id)
}

/// Records (`Some`) or clears (`None`, a refusal) the employer's extension application if
/// the issued permit is still at `version`; `None` if it moved on.
pub fn extension_request(
    conn: &mut AnyConnection,
    id: i64,
    version: i64,
    request: Option<(NaiveDate, i32)>,
) -> QueryResult<Option<PermitRow>> {
    if !advance(conn, id, IctState::Issued, IctState::Issued, version)? {
        return Ok(None);
    }
    diesel::update(d::table.find(id))
        .set((
            d::extension_requested_on.eq(request.map(|r| r.0)),
            d::extension_requested_months.eq(request.map(|r| r.1)),
        ))
        .execute(conn)?;
    get(conn, id)
}

/// Clears a pending extension application, moving the version on, whatever the permit's
/// state; `None` when it is no longer at `version`.
pub fn end_extension_request(
    conn: &mut AnyConnection,
    id: i64,
    version: i64,
) -> QueryResult<Option<PermitRow>> {
    let n = diesel::update(p::table.find(id).filter(p::version.eq(version)))
        .set(p::version.eq(version + 1))
        .execute(conn)?;
    if n != 1 {
        return Ok(None);
    }
    diesel::update(d::table.find(id))
        .set((
            d::extension_requested_on.eq(None::<NaiveDate>),
            d::extension_requested_months.eq(None::<i32>),
        ))
        .execute(conn)?;
    get(conn, id)
}

/// Permits with a pending extension application whose last day is before `today`.
pub fn expired_extension_requests(
    conn: &mut AnyConnection,
    today: NaiveDate,
) -> QueryResult<Vec<i64>> {
    d::table
        .filter(d::extension_requested_on.is_not_null())
        .filter(d::valid_until.lt(today))
        .order(d::permit_id)
        .select(d::permit_id)
        .load(conn)
}

/// Moves the permit's version on without changing its state: a change of what the permit
/// shows (an arrival notice, a departure) that no move of its state carries; `false` when
/// it is no longer at `version`.
pub fn bump(conn: &mut AnyConnection, id: i64, version: i64) -> QueryResult<bool> {
    let n = diesel::update(p::table.find(id).filter(p::version.eq(version)))
        .set(p::version.eq(version + 1))
        .execute(conn)?;
    Ok(n == 1)
}

/// Records a suspension, resumption or revocation if the permit is still in `from` at
/// `version`; `None` if not.
#[allow(clippy::too_many_arguments)]
pub fn measure(
    conn: &mut AnyConnection,
    id: i64,
    from: IctState,
    to: IctState,
    version: i64,
    reason: &str,
    ground: Option<&str>,
    on: NaiveDate,
) -> QueryResult<Option<PermitRow>> {
    if !advance(conn, id, from, to, version)? {
        return Ok(None);
    }
    diesel::update(d::table.find(id))
        .set((
            d::measure_reason.eq(reason),
            d::measure_ground.eq(ground),
            d::measure_on.eq(on),
        ))
        .execute(conn)?;
    get(conn, id)
}

/// An arrival notification as the employer sends it.
#[derive(Debug, Clone)]
pub struct NewArrival<'a> {
    pub permit_id: i64,
    pub entry_date: NaiveDate,
    pub notified_on: NaiveDate,
    pub deadline: NaiveDate,
    pub late: bool,
    pub sending_country: &'a str,
    pub sending_organisation: &'a str,
    pub workers: &'a str,
    pub term_from: NaiveDate,
    pub term_to: NaiveDate,
}

/// Stores a notification and marks `worker_ids` as reported by it; `None` when one of
/// them was reported meanwhile (the caller's transaction is then rolled back).
pub fn notify_arrival(
    conn: &mut AnyConnection,
    n: &NewArrival<'_>,
    worker_ids: &[i64],
    actor: &Actor,
) -> QueryResult<Option<ArrivalRow>> {
    let row: ArrivalRow = diesel::insert_into(a::table)
        .values((
            a::permit_id.eq(n.permit_id),
            a::entry_date.eq(n.entry_date),
            a::notified_on.eq(n.notified_on),
            a::deadline.eq(n.deadline),
            a::late.eq(n.late),
            a::sending_country.eq(n.sending_country),
            a::sending_organisation.eq(n.sending_organisation),
            a::workers.eq(n.workers),
            a::term_from.eq(n.term_from),
            a::term_to.eq(n.term_to),
            a::notified_at.eq(actor.at),
            a::notified_by.eq(&actor.sub),
        ))
        .returning(a::all_columns)
        .get_result(conn)?;
    let marked = diesel::update(
        w::table
            .filter(w::permit_id.eq(n.permit_id))
            .filter(w::id.eq_any(worker_ids))
            .filter(w::arrival_id.is_null()),
    )
    .set(w::arrival_id.eq(row.id))
    .execute(conn)?;
    Ok((marked == worker_ids.len()).then_some(row))
}

/// Records a worker's departure unless one is recorded; `false` if it was.
pub fn depart(
    conn: &mut AnyConnection,
    permit_id: i64,
    worker_id: i64,
    on: NaiveDate,
    evidence: &str,
    actor: &Actor,
) -> QueryResult<bool> {
    let n = diesel::update(
        w::table
            .filter(w::permit_id.eq(permit_id))
            .filter(w::id.eq(worker_id))
            .filter(w::departed_on.is_null()),
    )
    .set((
        w::departed_on.eq(on),
        w::departure_evidence.eq(evidence),
        w::departure_recorded_by.eq(&actor.sub),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

fn with_decisions(conn: &mut AnyConnection, applied: Vec<Applied>) -> QueryResult<Vec<PermitRow>> {
    let ids: Vec<i64> = applied.iter().map(|x| x.id).collect();
    let mut decisions: HashMap<i64, DecisionRow> = d::table
        .filter(d::permit_id.eq_any(&ids))
        .select(DecisionRow::as_select())
        .load(conn)?
        .into_iter()
        .map(|dr| (dr.permit_id, dr))
        .collect();
    Ok(applied
        .into_iter()
        .map(|x| {
            let dec = decisions.remove(&x.id);
            PermitRow::of(x, dec)
        })
        .collect())
}

/// Permits, oldest first; `region` and `bin` carry the caller's scope.
/// How many ICT permits `region` has (every region's when `None`): the console's total.
pub fn count(conn: &mut AnyConnection, region: Option<&RegionCode>) -> QueryResult<i64> {
    let mut q = p::table.select(diesel::dsl::count_star()).into_boxed();
    if let Some(region) = region {
        q = q.filter(p::region.eq(region.as_str()));
    }
    q.first(conn)
}

pub fn list(
    conn: &mut AnyConnection,
    region: Option<&RegionCode>,
    bin: Option<&EmployerId>,
    after_id: Option<i64>,
    limit: i64,
) -> QueryResult<Vec<PermitRow>> {
    let mut q = p::table
        .select(Applied::as_select())
        .order(p::id)
        .limit(limit)
        .into_boxed();
    if let Some(region) = region {
        q = q.filter(p::region.eq(region.as_str()));
    }
    if let Some(bin) = bin {
        q = q.filter(p::bin.eq(bin.as_str()));
    }
    if let Some(id) = after_id {
        q = q.filter(p::id.gt(id));
    }
    let applied: Vec<Applied> = q.load(conn)?;
    with_decisions(conn, applied)
}

/// One line of the register: a worker, the permit, and the notification of the arrival.
#[derive(Debug, Clone)]
pub struct RegisterLine {
    pub worker: WorkerRow,
    pub permit: PermitRow,
    pub arrival: Option<ArrivalRow>,
}

/// The register of ICT foreigners (Art. 35(5)): the workers of every permit ever issued,
/// by worker id; `region` carries the caller's scope.
pub fn register(
    conn: &mut AnyConnection,
    region: Option<&RegionCode>,
    after_worker: Option<i64>,
    limit: i64,
) -> QueryResult<Vec<RegisterLine>> {
    let issued: Vec<&str> = IctState::ALL
        .into_iter()
        .filter(|s| s.was_issued())
        .map(IctState::as_str)
        .collect();
    let mut permits = p::table
        .filter(p::status.eq_any(issued))
        .select(p::id)
        .into_boxed();
    if let Some(region) = region {
        permits = permits.filter(p::region.eq(region.as_str()));
    }
    let permit_ids: Vec<i64> = permits.load(conn)?;
    let mut q = w::table
        .filter(w::permit_id.eq_any(&permit_ids))
        .order(w::id)
        .limit(limit)
        .select(WorkerRow::as_select())
        .into_boxed();
    if let Some(id) = after_worker {
        q = q.filter(w::id.gt(id));
    }
    let workers: Vec<WorkerRow> = q.load(conn)?;
    let mut wanted: Vec<i64> = workers.iter().map(|x| x.permit_id).collect();
    wanted.sort_unstable();
    wanted.dedup();
    let applied: Vec<Applied> = p::table
        .filter(p::id.eq_any(&wanted))
        .select(Applied::as_select())
        .load(conn)?;
    let permits: HashMap<i64, PermitRow> = with_decisions(conn, applied)?
        .into_iter()
        .map(|x| (x.id, x))
        .collect();
    let arrival_ids: Vec<i64> = workers.iter().filter_map(|x| x.arrival_id).collect();
    let arrivals: HashMap<i64, ArrivalRow> = a::table
        .filter(a::id.eq_any(&arrival_ids))
        .select(ArrivalRow::as_select())
        .load(conn)?
        .into_iter()
        .map(|x| (x.id, x))
        .collect();
    Ok(workers
        .into_iter()
        .filter_map(|worker| {
            let permit = permits.get(&worker.permit_id)?.clone();
            let arrival = worker.arrival_id.and_then(|i| arrivals.get(&i).cloned());
            Some(RegisterLine {
                worker,
                permit,
                arrival,
            })
        })
        .collect())
}

/// Workers of ICT permits that ended — their last day passed, or they were revoked — after
/// their term began, whose departure is not recorded (Art. 28(2)(8)), by worker id;
/// [`ict::departure_owed`] decides each permit. `region` carries the caller's scope.
pub fn departures_owed(
    conn: &mut AnyConnection,
    region: Option<&RegionCode>,
    today: NaiveDate,
) -> QueryResult<Vec<(WorkerRow, PermitRow)>> {
    let ended_by_date: Vec<i64> = d::table
        .filter(d::valid_until.lt(today))
        .select(d::permit_id)
        .load(conn)?;
    let mut ended = p::table
        .filter(
            p::status
                .eq(IctState::Revoked.as_str())
                .or(p::id.eq_any(ended_by_date)),
        )
        .select(Applied::as_select())
        .into_boxed();
    if let Some(region) = region {
        ended = ended.filter(p::region.eq(region.as_str()));
    }
    let ended: Vec<Applied> = ended.load(conn)?;
    let permits: HashMap<i64, PermitRow> = with_decisions(conn, ended)?
        .into_iter()
        .filter(|x| ict::departure_owed(&x.stay(), today))
        .map(|x| (x.id, x))
        .collect();
    let ids: Vec<i64> = permits.keys().copied().collect();
    let workers: Vec<WorkerRow> = w::table
        .filter(w::permit_id.eq_any(&ids))
        .filter(w::departed_on.is_null())
        .order(w::id)
        .select(WorkerRow::as_select())
        .load(conn)?;
    Ok(workers
        .into_iter()
        .filter_map(|worker| {
            let permit = permits.get(&worker.permit_id)?.clone();
            Some((worker, permit))
        })
        .collect())
}

fn state_str<S: serde::Serializer>(state: &IctState, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(state.as_str())
}
