//! Events to employers' systems (issue 22): the feed read from the audit trail in chain
//! order, the marks that make the sweep's time-driven events idempotent, and the webhook
//! subscriptions, deliveries and attempts the delivery worker keeps.

use super::audit::Event;
use super::schema::{audit_chain_head, audit_events};
use super::AnyConnection;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

diesel::table! {
    /// One time-driven event per case, type and day (the sweep's idempotency key).
    event_marks (entity_type, entity_id, event_type, on_date) {
        entity_type -> Text,
        entity_id -> Text,
        event_type -> Text,
        on_date -> Date,
    }
}

diesel::table! {
    /// An endpoint registered to receive an employer's (or a region's) events.
    webhook_subscriptions (id) {
        id -> BigInt,
        role -> Text,
        bin -> Nullable<Text>,
        region -> Nullable<Text>,
        url -> Text,
        secret -> Text,
        types -> Text,
        cursor_seq -> BigInt,
        created_at -> Timestamp,
        created_by -> Text,
        deleted_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    /// One event to send to one subscription.
    webhook_deliveries (id) {
        id -> BigInt,
        subscription_id -> BigInt,
        event_seq -> BigInt,
        event_type -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        created_at -> Timestamp,
        delivered_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    /// Every try of a delivery.
    webhook_attempts (id) {
        id -> BigInt,
        delivery_id -> BigInt,
        attempted_at -> Timestamp,
        status_code -> Nullable<Integer>,
        error -> Nullable<Text>,
        duration_ms -> BigInt,
    }
}

/// Whose events a read or a subscription covers: one region, one employer, or (both
/// `None`) all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    pub region: Option<String>,
    pub bin: Option<String>,
}

/// Chained audit events after `after_seq` (and at most `upto_seq`), whose action is one of
/// `actions`, within `scope`, in chain order; at most `limit`.
pub fn after(
    conn: &mut AnyConnection,
    scope: &Scope,
    actions: &[&str],
    after_seq: i64,
    upto_seq: Option<i64>,
    limit: i64,
) -> QueryResult<Vec<Event>> {
    let mut q = audit_events::table
        .select(Event::as_select())
        .filter(audit_events::seq.gt(after_seq))
        .filter(audit_events::action.eq_any(actions))
        .order(audit_events::seq)
        .limit(limit)
        .into_boxed();
    if let Some(upto) = upto_seq {
        q = q.filter(audit_events::seq.le(upto));
    }
    if let Some(r) = &scope.region {
        q = q.filter(audit_events::region.eq(r));
    }
    if let Some(b) = &scope.bin {
        q = q.filter(audit_events::bin.eq(b));
    }
    q.load(conn)
}

/// The chained audit event at `seq`.
pub fn at_seq(conn: &mut AnyConnection, seq: i64) -> QueryResult<Option<Event>> {
    audit_events::table
        .filter(audit_events::seq.eq(seq))
        .select(Event::as_select())
        .first(conn)
        .optional()
}

diesel::table! {
    /// The service's secret for events' ids and the feed's cursors (one row).
    event_keys (id) {
        id -> Integer,
        key -> Text,
    }
}

/// The service's secret for events (hex), made by the migration that made its table.
pub fn event_key(conn: &mut AnyConnection) -> QueryResult<String> {
    event_keys::table
        .filter(event_keys::id.eq(1))
        .select(event_keys::key)
        .first(conn)
}

/// The chain's last place (0 for an empty chain).
pub fn head_seq(conn: &mut AnyConnection) -> QueryResult<i64> {
    Ok(audit_chain_head::table
        .filter(audit_chain_head::id.eq(1))
        .select(audit_chain_head::seq)
        .first::<i64>(conn)
        .optional()?
        .unwrap_or(0))
}

/// Marks the time-driven event `event_type` of a case on `on_date`; `false` when it was
/// marked already (by an earlier sweep, or another instance's), which then records nothing.
pub fn mark(
    conn: &mut AnyConnection,
    entity_type: &str,
    entity_id: &str,
    event_type: &str,
    on_date: NaiveDate,
) -> QueryResult<bool> {
    let row = (
        event_marks::entity_type.eq(entity_type),
        event_marks::entity_id.eq(entity_id),
        event_marks::event_type.eq(event_type),
        event_marks::on_date.eq(on_date),
    );
    // Both backends take `ON CONFLICT DO NOTHING`; MultiConnection's common subset does
    // not, so each is asked in its own dialect.
    let n = match conn {
        AnyConnection::Postgresql(c) => diesel::insert_into(event_marks::table)
            .values(row)
            .on_conflict_do_nothing()
            .execute(c)?,
        AnyConnection::Sqlite(c) => diesel::insert_into(event_marks::table)
            .values(row)
            .on_conflict_do_nothing()
            .execute(c)?,
    };
    Ok(n == 1)
}

/// A subscription as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = webhook_subscriptions)]
pub struct Subscription {
    pub id: i64,
    pub role: String,
    pub bin: Option<String>,
    pub region: Option<String>,
    pub url: String,
    pub secret: String,
    /// The event types it receives, as a JSON array of wire forms; empty: all.
    pub types: String,
    pub cursor_seq: i64,
    pub created_at: NaiveDateTime,
    pub created_by: String,
    pub deleted_at: Option<NaiveDateTime>,
}

impl Subscription {
    /// The events it covers.
    pub fn scope(&self) -> Scope {
        Scope {
            region: self.region.clone(),
            bin: self.bin.clone(),
        }
    }
}

/// A new subscription.
pub struct NewSubscription<'a> {
    pub role: &'a str,
    pub bin: Option<&'a str>,
    pub region: Option<&'a str>,
    pub url: &'a str,
    pub secret: &'a str,
    pub types: &'a str,
    pub cursor_seq: i64,
    pub at: NaiveDateTime,
    pub by: &'a str,
}

pub fn insert_subscription(
    conn: &mut AnyConnection,
    s: &NewSubscription<'_>,
) -> QueryResult<Subscription> {
    let id = diesel::insert_into(webhook_subscriptions::table)
        .values((
            webhook_subscriptions::role.eq(s.role),
            webhook_subscriptions::bin.eq(s.bin),
            webhook_subscriptions::region.eq(s.region),
            webhook_subscriptions::url.eq(s.url),
            webhook_subscriptions::secret.eq(s.secret),
            webhook_subscriptions::types.eq(s.types),
            webhook_subscriptions::cursor_seq.eq(s.cursor_seq),
            webhook_subscriptions::created_at.eq(s.at),
            webhook_subscriptions::created_by.eq(s.by),
        ))
        .returning(webhook_subscriptions::id)
        .get_result::<i64>(conn)?;
    webhook_subscriptions::table
        .filter(webhook_subscriptions::id.eq(id))
        .select(Subscription::as_select())
        .first(conn)
}

/// The live subscriptions within `scope` (all of them for an empty scope), oldest first,
/// after `after_id`.
pub fn subscriptions(
    conn: &mut AnyConnection,
    scope: &Scope,
    after_id: Option<i64>,
    limit: i64,
) -> QueryResult<Vec<Subscription>> {
    let mut q = webhook_subscriptions::table
        .select(Subscription::as_select())
        .filter(webhook_subscriptions::deleted_at.is_null())
        .order(webhook_subscriptions::id)
        .limit(limit)
        .into_boxed();
    if let Some(r) = &scope.region {
        q = q.filter(webhook_subscriptions::region.eq(r));
    }
    if let Some(b) = &scope.bin {
        q = q.filter(webhook_subscriptions::bin.eq(b));
    }
    if let Some(id) = after_id {
        q = q.filter(webhook_subscriptions::id.gt(id));
    }
    q.load(conn)
}

/// One live subscription.
pub fn subscription(conn: &mut AnyConnection, id: i64) -> QueryResult<Option<Subscription>> {
    webhook_subscriptions::table
        .filter(webhook_subscriptions::id.eq(id))
        .filter(webhook_subscriptions::deleted_at.is_null())
        .select(Subscription::as_select())
        .first(conn)
        .optional()
}

/// Ends a subscription; its pending deliveries are not tried again. `false` when it was
/// ended already.
pub fn delete_subscription(
    conn: &mut AnyConnection,
    id: i64,
    at: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        webhook_subscriptions::table
            .filter(webhook_subscriptions::id.eq(id))
            .filter(webhook_subscriptions::deleted_at.is_null()),
    )
    .set(webhook_subscriptions::deleted_at.eq(at))
    .execute(conn)?;
    diesel::update(
        webhook_deliveries::table
            .filter(webhook_deliveries::subscription_id.eq(id))
            .filter(webhook_deliveries::status.eq("pending")),
    )
    .set(webhook_deliveries::status.eq("failed"))
    .execute(conn)?;
    Ok(n == 1)
}

/// Moves a subscription's cursor from `from` to `to`; `false` when another worker moved it
/// first (the caller's transaction must then roll back its deliveries).
pub fn move_cursor(conn: &mut AnyConnection, id: i64, from: i64, to: i64) -> QueryResult<bool> {
    let n = diesel::update(
        webhook_subscriptions::table
            .filter(webhook_subscriptions::id.eq(id))
            .filter(webhook_subscriptions::cursor_seq.eq(from)),
    )
    .set(webhook_subscriptions::cursor_seq.eq(to))
    .execute(conn)?;
    Ok(n == 1)
}

/// A delivery as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = webhook_deliveries)]
pub struct Delivery {
    pub id: i64,
    pub subscription_id: i64,
    pub event_seq: i64,
    pub event_type: String,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
    pub delivered_at: Option<NaiveDateTime>,
}

/// Queues event `seq` of type `event_type` for subscription `sub`, due at `at`.
pub fn queue(
    conn: &mut AnyConnection,
    sub: i64,
    seq: i64,
    event_type: &str,
    at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(webhook_deliveries::table)
        .values((
            webhook_deliveries::subscription_id.eq(sub),
            webhook_deliveries::event_seq.eq(seq),
            webhook_deliveries::event_type.eq(event_type),
            webhook_deliveries::status.eq("pending"),
            webhook_deliveries::attempts.eq(0),
            webhook_deliveries::next_attempt_at.eq(at),
            webhook_deliveries::created_at.eq(at),
        ))
        .execute(conn)
        .map(drop)
}

/// Pending deliveries due at `now`, the earliest first; at most `limit`.
pub fn due(conn: &mut AnyConnection, now: NaiveDateTime, limit: i64) -> QueryResult<Vec<Delivery>> {
    webhook_deliveries::table
        .filter(webhook_deliveries::status.eq("pending"))
        .filter(webhook_deliveries::next_attempt_at.le(now))
        .order((webhook_deliveries::next_attempt_at, webhook_deliveries::id))
        .limit(limit)
        .select(Delivery::as_select())
        .load(conn)
}

/// Takes a due delivery for one try: moves its next attempt to `until` if no other worker
/// took it since it was read (`false` then). A worker that dies during the try leaves it
/// to be tried again at `until`.
pub fn take(conn: &mut AnyConnection, d: &Delivery, until: NaiveDateTime) -> QueryResult<bool> {
    let n = diesel::update(
        webhook_deliveries::table
            .filter(webhook_deliveries::id.eq(d.id))
            .filter(webhook_deliveries::status.eq("pending"))
            .filter(webhook_deliveries::next_attempt_at.eq(d.next_attempt_at)),
    )
    .set(webhook_deliveries::next_attempt_at.eq(until))
    .execute(conn)?;
    Ok(n == 1)
}

/// What one try came to.
pub struct Attempt<'a> {
    pub at: NaiveDateTime,
    pub status_code: Option<i32>,
    pub error: Option<&'a str>,
    pub duration_ms: i64,
}

/// Records a try of delivery `id` and where the delivery stands after it.
pub fn record_attempt(
    conn: &mut AnyConnection,
    id: i64,
    attempt: &Attempt<'_>,
    status: &str,
    attempts: i32,
    next_attempt_at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(webhook_attempts::table)
        .values((
            webhook_attempts::delivery_id.eq(id),
            webhook_attempts::attempted_at.eq(attempt.at),
            webhook_attempts::status_code.eq(attempt.status_code),
            webhook_attempts::error.eq(attempt.error),
            webhook_attempts::duration_ms.eq(attempt.duration_ms),
        ))
        .execute(conn)?;
    let delivered = (status == "delivered").then_some(attempt.at);
    diesel::update(webhook_deliveries::table.filter(webhook_deliveries::id.eq(id)))
        .set((
            webhook_deliveries::status.eq(status),
            webhook_deliveries::attempts.eq(attempts),
            webhook_deliveries::next_attempt_at.eq(next_attempt_at),
            webhook_deliveries::delivered_at.eq(delivered),
        ))
        .execute(conn)
        .map(drop)
}

/// Removes at most `limit` deliveries finished (delivered or failed) before `before`, and
/// their tries. A finished delivery's `next_attempt_at` is its last try's time.
pub fn prune(conn: &mut AnyConnection, before: NaiveDateTime, limit: i64) -> QueryResult<usize> {
    let ids: Vec<i64> = webhook_deliveries::table
        .filter(webhook_deliveries::status.eq_any(["delivered", "failed"]))
        .filter(webhook_deliveries::next_attempt_at.lt(before))
        .order(webhook_deliveries::id)
        .limit(limit)
        .select(webhook_deliveries::id)
        .load(conn)?;
    if ids.is_empty() {
        return Ok(0);
    }
    diesel::delete(webhook_attempts::table.filter(webhook_attempts::delivery_id.eq_any(&ids)))
        .execute(conn)?;
    diesel::delete(webhook_deliveries::table.filter(webhook_deliveries::id.eq_any(&ids)))
        .execute(conn)
}

/// A subscription's deliveries, newest first, before `before_id`.
pub fn deliveries(
    conn: &mut AnyConnection,
    sub: i64,
    before_id: Option<i64>,
    limit: i64,
) -> QueryResult<Vec<Delivery>> {
    let mut q = webhook_deliveries::table
        .filter(webhook_deliveries::subscription_id.eq(sub))
        .order(webhook_deliveries::id.desc())
        .limit(limit)
        .select(Delivery::as_select())
        .into_boxed();
    if let Some(id) = before_id {
        q = q.filter(webhook_deliveries::id.lt(id));
    }
    q.load(conn)
}

/// One delivery of subscription `sub`.
pub fn delivery(conn: &mut AnyConnection, sub: i64, id: i64) -> QueryResult<Option<Delivery>> {
    webhook_deliveries::table
        .filter(webhook_deliveries::id.eq(id))
        .filter(webhook_deliveries::subscription_id.eq(sub))
        .select(Delivery::as_select())
        .first(conn)
        .optional()
}

/// A try as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = webhook_attempts)]
pub struct AttemptRow {
    pub id: i64,
    pub delivery_id: i64,
    pub attempted_at: NaiveDateTime,
    pub status_code: Option<i32>,
    pub error: Option<String>,
    pub duration_ms: i64,
}

/// The tries of `deliveries`, oldest first.
pub fn attempts(conn: &mut AnyConnection, deliveries: &[i64]) -> QueryResult<Vec<AttemptRow>> {
    webhook_attempts::table
        .filter(webhook_attempts::delivery_id.eq_any(deliveries))
        .order(webhook_attempts::id)
        .select(AttemptRow::as_select())
        .load(conn)
}

/// Queues delivery `id` again from the start of the schedule, due at `at`.
pub fn requeue(conn: &mut AnyConnection, id: i64, at: NaiveDateTime) -> QueryResult<()> {
    diesel::update(webhook_deliveries::table.filter(webhook_deliveries::id.eq(id)))
        .set((
            webhook_deliveries::status.eq("pending"),
            webhook_deliveries::attempts.eq(0),
            webhook_deliveries::next_attempt_at.eq(at),
        ))
        .execute(conn)
        .map(drop)
}

/// A case a time-driven event concerns: its id, employer, region and the day in question.
pub type Due = (i64, String, String, NaiveDate);

/// The first named region of each of `ids`, for the events of permits naming several.
fn permit_regions_of(
    conn: &mut AnyConnection,
    ids: &[i64],
) -> QueryResult<std::collections::BTreeMap<i64, String>> {
    use super::schema::permit_regions as r;
    let rows: Vec<(i64, String)> = r::table
        .filter(r::permit_id.eq_any(ids))
        .order((r::permit_id, r::region))
        .select((r::permit_id, r::region))
        .load(conn)?;
    let mut out = std::collections::BTreeMap::new();
    for (id, region) in rows {
        out.entry(id).or_insert(region);
    }
    Ok(out)
}

/// Issued permits (active or suspended) whose last day is between `from` and `to`.
pub fn permits_ending(
    conn: &mut AnyConnection,
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<Vec<Due>> {
    use super::schema::permits as p;
    let rows: Vec<(i64, String, NaiveDate)> = p::table
        .filter(p::status.eq_any(["active", "suspended"]))
        .filter(p::end_date.ge(from))
        .filter(p::end_date.le(to))
        .order(p::id)
        .select((p::id, p::bin, p::end_date))
        .load(conn)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
    let regions = permit_regions_of(conn, &ids)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, bin, end)| regions.get(&id).map(|r| (id, bin, r.clone(), end)))
        .collect())
}

/// Issued ICT permits whose last day is between `from` and `to`.
pub fn ict_permits_ending(
    conn: &mut AnyConnection,
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<Vec<Due>> {
    use super::schema::{ict_decisions as d, ict_permits as p};
    let ending: Vec<(i64, Option<NaiveDate>)> = d::table
        .filter(d::valid_until.ge(from))
        .filter(d::valid_until.le(to))
        .select((d::permit_id, d::valid_until))
        .load(conn)?;
    let ids: Vec<i64> = ending.iter().map(|r| r.0).collect();
    let rows: Vec<(i64, String, String)> = p::table
        .filter(p::id.eq_any(&ids))
        .filter(p::status.eq_any(["issued", "suspended"]))
        .order(p::id)
        .select((p::id, p::bin, p::region))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, bin, region)| {
            let until = ending.iter().find(|e| e.0 == id).and_then(|e| e.1)?;
            Some((id, bin, region, until))
        })
        .collect())
}

/// Permits awaiting payment with a region's fee unpaid whose last day to pay is `on`.
pub fn fees_due_on(conn: &mut AnyConnection, on: NaiveDate) -> QueryResult<Vec<Due>> {
    use super::schema::{permit_regions as r, permits as p};
    let unpaid: Vec<(i64, String)> = r::table
        .filter(r::payment_due.eq(on))
        .filter(r::paid_on.is_null())
        .order((r::permit_id, r::region))
        .select((r::permit_id, r::region))
        .load(conn)?;
    let ids: Vec<i64> = unpaid.iter().map(|r| r.0).collect();
    let rows: Vec<(i64, String)> = p::table
        .filter(p::id.eq_any(&ids))
        .filter(p::status.eq("awaiting_payment"))
        .order(p::id)
        .select((p::id, p::bin))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, bin)| {
            let region = unpaid.iter().find(|u| u.0 == id)?.1.clone();
            Some((id, bin, region, on))
        })
        .collect())
}

/// An ICT permit in force with workers whose arrival is not notified (Art. 35(3)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unnotified {
    pub permit_id: i64,
    pub bin: String,
    pub region: String,
    pub issued_on: NaiveDate,
    pub contract_start: NaiveDate,
    /// The workers not notified and not departed, by id.
    pub workers: Vec<i64>,
}

/// ICT permits in force (issued or suspended) with a worker neither notified nor departed.
pub fn ict_unnotified(conn: &mut AnyConnection) -> QueryResult<Vec<Unnotified>> {
    use super::schema::{ict_decisions as d, ict_permits as p, ict_workers as w};
    let workers: Vec<(i64, i64)> = w::table
        .filter(w::arrival_id.is_null())
        .filter(w::departed_on.is_null())
        .order((w::permit_id, w::id))
        .select((w::permit_id, w::id))
        .load(conn)?;
    let mut ids: Vec<i64> = workers.iter().map(|x| x.0).collect();
    ids.dedup();
    let permits: Vec<(i64, String, String, NaiveDate)> = p::table
        .filter(p::id.eq_any(&ids))
        .filter(p::status.eq_any(["issued", "suspended"]))
        .order(p::id)
        .select((p::id, p::bin, p::region, p::contract_start))
        .load(conn)?;
    let issued: std::collections::BTreeMap<i64, Option<NaiveDate>> = d::table
        .filter(d::permit_id.eq_any(permits.iter().map(|x| x.0)))
        .select((d::permit_id, d::issued_on))
        .load(conn)?
        .into_iter()
        .collect();
    Ok(permits
        .into_iter()
        .filter_map(|(id, bin, region, contract_start)| {
            let issued_on = issued.get(&id).copied().flatten()?;
            Some(Unnotified {
                permit_id: id,
                bin,
                region,
                issued_on,
                contract_start,
                workers: workers.iter().filter(|x| x.0 == id).map(|x| x.1).collect(),
            })
        })
        .collect())
}

/// The region of each of `ids` (first named region of a permit; an ICT permit's own).
pub fn regions_of(
    conn: &mut AnyConnection,
    permits: &[i64],
    ict_permits: &[i64],
) -> QueryResult<(
    std::collections::BTreeMap<i64, String>,
    std::collections::BTreeMap<i64, String>,
)> {
    use super::schema::ict_permits as p;
    let ict: Vec<(i64, String)> = p::table
        .filter(p::id.eq_any(ict_permits))
        .select((p::id, p::region))
        .load(conn)?;
    Ok((permit_regions_of(conn, permits)?, ict.into_iter().collect()))
}

/// Whether a live subscription's cursor is behind the chain's head: there may be events
/// to queue (one read, so that an idle worker takes no write lock).
pub fn behind(conn: &mut AnyConnection) -> QueryResult<bool> {
    let lowest: Option<i64> = webhook_subscriptions::table
        .filter(webhook_subscriptions::deleted_at.is_null())
        .select(diesel::dsl::min(webhook_subscriptions::cursor_seq))
        .first(conn)?;
    Ok(match lowest {
        Some(c) => c < head_seq(conn)?,
        None => false,
    })
}
