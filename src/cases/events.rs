//! Events to employers' systems (issue 22): the feed, the sweep that records what time
//! brings (expiry coming up, the last day to pay, an arrival notice due, an overdue
//! departure), and the webhook
//! subscriptions with their deliveries.
//!
//! The outbox is the audit trail: every change records its audit event in its own
//! transaction, and the chain gives it its place (`seq`) in commit order, without gaps. An
//! event is an audit event whose action maps to an [`EventType`]; a change that rolled back
//! left no audit event, so no event. The feed and the delivery worker read the trail
//! after a cursor; nothing is written beside each change, so no command costs a statement
//! more.

use crate::cases::CaseError;
use crate::db::audit::{self, Actor};
pub use crate::db::events::Scope;
use crate::db::events::{self as db, Delivery, Subscription};
use crate::db::Conn;
use crate::domain::article::{cite_all, ART_28_2_8, ART_33_2, ART_33_4, ART_35_1, ART_35_3};
use crate::domain::event::{self, CaseKind, EventType};
use crate::domain::permit::PermitState;
use crate::domain::violation::Message;
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::Serialize;
use serde_json::{json, Value};

/// One event as the feed answers it and a webhook delivers it (the same JSON).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Wire {
    /// Stable id, the same in the feed and in every delivery: de-duplicate by it.
    pub id: String,
    pub event_type: &'static str,
    pub occurred_at: DateTime<Utc>,
    pub case_kind: &'static str,
    pub case_id: i64,
    pub region: Option<String>,
    pub bin: Option<String>,
    /// The legal basis of the act (null for an act no article governs).
    pub article: Option<String>,
    pub data: Value,
}

/// An event and its place in the trail.
#[derive(Debug, Clone)]
pub struct FeedEvent {
    pub seq: i64,
    pub event_type: EventType,
    pub wire: Wire,
}

/// The service's secret for events (`event_keys`): an event's id and a stream's cursors
/// are derived from it, so neither tells an event's place in the whole trail, which would
/// tell one employer how many events others had between two of its own.
pub struct EventKey(hmac::Hmac<sha2::Sha256>);

/// Rounds of the Feistel network of a cursor (four make a pseudorandom permutation,
/// Luby-Rackoff).
const ROUNDS: u8 = 4;

impl EventKey {
    /// The key, read from the database.
    pub fn load(conn: &mut Conn) -> Result<EventKey, CaseError> {
        Ok(EventKey::new(db::event_key(conn)?.as_bytes()))
    }

    /// The key of the stored `secret`.
    pub fn new(secret: &[u8]) -> EventKey {
        use hmac::digest::{Digest, KeyInit};
        // HMAC-SHA256's key is one block (64 bytes): SHA-512 of the stored secret.
        let block = sha2::Sha512::digest(secret);
        EventKey(hmac::Hmac::new(&block))
    }

    /// HMAC-SHA256 under the key of `parts`, each length-prefixed.
    fn mac(&self, parts: &[&[u8]]) -> [u8; 32] {
        use hmac::Mac;
        let mut mac = self.0.clone();
        for part in parts {
            mac.update(&(part.len() as u64).to_be_bytes());
            mac.update(part);
        }
        mac.finalize().into_bytes().into()
    }

    /// The stable id of the event at `seq`, the same in every stream, the feed and every
    /// delivery (`webhook-id`): `evt_` and 32 hex digits of a MAC of its place, which
    /// tell nothing of the place without the key.
    pub fn event_id(&self, seq: i64) -> String {
        let mac = self.mac(&[b"event-id", &seq.to_be_bytes()]);
        let hex: String = mac[..16].iter().map(|b| format!("{b:02x}")).collect();
        format!("evt_{hex}")
    }

    /// One round of the Feistel network of `stream`'s cursors.
    fn round(&self, stream: &[u8], round: u8, half: u32) -> u32 {
        let mac = self.mac(&[b"cursor", stream, &[round], &half.to_be_bytes()]);
        u32::from_be_bytes([mac[0], mac[1], mac[2], mac[3]])
    }

    /// The cursor after place `seq` of `stream`: `e` and 16 hex digits of the place
    /// permuted by a keyed Feistel network of its own per stream, so that a stream's cursors
    /// tell neither the place nor the gap between two of them.
    pub fn cursor(&self, stream: &Scope, seq: i64) -> String {
        let stream = stream_name(stream);
        let n = u64::try_from(seq).unwrap_or(0);
        let (mut left, mut right) = ((n >> 32) as u32, n as u32);
        for i in 0..ROUNDS {
            (left, right) = (right, left ^ self.round(&stream, i, right));
        }
        format!("e{:016x}", (u64::from(left) << 32) | u64::from(right))
    }

    /// The place a cursor of `stream` continues after; `None` for a value outside the
    /// contract's pattern `^e[0-9a-f]{16}$`. Every value of the pattern is a place (one
    /// no page answered reads as some place, and the feed goes on after it).
    pub fn position(&self, stream: &Scope, cursor: &str) -> Option<i64> {
        let digits = cursor.strip_prefix('e')?;
        let well_formed = digits.len() == 16
            && digits
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        let n = u64::from_str_radix(digits, 16)
            .ok()
            .filter(|_| well_formed)?;
        let stream = stream_name(stream);
        let (mut left, mut right) = ((n >> 32) as u32, n as u32);
        for i in (0..ROUNDS).rev() {
            (left, right) = (right ^ self.round(&stream, i, left), left);
        }
        let place = (u64::from(left) << 32) | u64::from(right);
        Some(i64::try_from(place).unwrap_or(i64::MAX))
    }
}

/// The name a stream's cursors are keyed with.
fn stream_name(stream: &Scope) -> Vec<u8> {
    serde_json::json!([stream.region, stream.bin])
        .to_string()
        .into_bytes()
}

/// Actions the sweep records, whose `after` is the event's data as it is.
fn swept(t: EventType) -> bool {
    matches!(
        t,
        EventType::PermitFeeDue
            | EventType::PermitExpiring
            | EventType::PermitDepartureOverdue
            | EventType::IctPermitExpiring
            | EventType::IctPermitDepartureOverdue
            | EventType::IctPermitArrivalNoticeDue
    )
}

/// The event an audit event is, if any: its type by its action ([`EventType::of_action`])
/// and a small data object from its `after` snapshot.
pub fn event_of(e: &audit::Event, key: &EventKey) -> Result<Option<FeedEvent>, CaseError> {
    let (Some(seq), Some(kind)) = (e.seq, CaseKind::of_entity(&e.entity_type)) else {
        return Ok(None);
    };
    let after: Value = match &e.after_json {
        Some(text) => serde_json::from_str(text)?,
        None => Value::Null,
    };
    let permit_state = after["permit"]["status"]
        .as_str()
        .and_then(PermitState::parse);
    let Some(t) = EventType::of_action(&e.action, permit_state) else {
        return Ok(None);
    };
    let Ok(case_id) = e.entity_id.parse::<i64>() else {
        return Ok(None);
    };
    let data = if swept(t) {
        after
    } else if kind == CaseKind::Permit {
        let fee_due = after["regions"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|r| r["payment_due"].as_str())
            .max();
        json!({
            "status": after["permit"]["status"],
            "start_date": after["permit"]["start_date"],
            "end_date": after["permit"]["end_date"],
            "fee_due": fee_due,
        })
    } else {
        let status = after.get("status").or_else(|| after.get("state"));
        json!({ "status": status })
    };
    Ok(Some(FeedEvent {
        seq,
        event_type: t,
        wire: Wire {
            id: key.event_id(seq),
            event_type: t.as_str(),
            occurred_at: e.occurred_at.and_utc(),
            case_kind: kind.as_str(),
            case_id,
            region: e.region.clone(),
            bin: e.bin.clone(),
            article: Some(e.legal_basis.clone()).filter(|b| !b.is_empty()),
            data,
        },
    }))
}

/// A page of the feed: the events, and the place to read on from (the last event read, or
/// where the page began when nothing new was there).
pub struct Page {
    pub items: Vec<FeedEvent>,
    pub after: i64,
}

/// The events within `scope` after `after` (of type `only`), at most `limit`, in commit
/// order.
pub fn feed(
    conn: &mut Conn,
    scope: &Scope,
    only: Option<EventType>,
    after: i64,
    limit: i64,
) -> Result<Page, CaseError> {
    let actions = match only {
        Some(t) => vec![t.action()],
        None => EventType::actions(),
    };
    let rows = db::after(conn, scope, &actions, after, None, limit)?;
    let last = rows.last().and_then(|e| e.seq).unwrap_or(after);
    let key = EventKey::load(conn)?;
    let mut items = Vec::new();
    for e in &rows {
        if let Some(ev) = event_of(e, &key)? {
            if only.is_none_or(|t| t == ev.event_type) {
                items.push(ev);
            }
        }
    }
    Ok(Page { items, after: last })
}

/// Records the sweep's event `t` of a case once per `key_date`, in the caller's write
/// transaction; `false` when it was recorded already.
#[allow(clippy::too_many_arguments)]
fn record_swept(
    conn: &mut Conn,
    actor: &Actor,
    t: EventType,
    id: i64,
    bin: &str,
    region: &str,
    key_date: NaiveDate,
    basis: &str,
    data: Value,
) -> Result<bool, CaseError> {
    let entity_id = id.to_string();
    if !db::mark(conn, t.entity_type(), &entity_id, t.as_str(), key_date)? {
        return Ok(false);
    }
    audit::record(
        actor,
        audit::Change {
            action: t.action(),
            entity_type: t.entity_type(),
            entity_id,
            region: Some(region),
            bin: Some(bin),
            before: None,
            after: Some(data),
            legal_basis: basis,
        },
    )?;
    Ok(true)
}

/// The sweep (run by the delivery worker, in one write transaction): records the events
/// time brings on `today`, each once per case, type and day, as audit events so that they
/// take their place in the trail. Returns how many it recorded.
pub fn sweep(conn: &mut Conn, today: NaiveDate, actor: &Actor) -> Result<usize, CaseError> {
    let Some(rules) = crate::db::rulesets::in_force(conn, today)? else {
        return Ok(0);
    };
    let window = rules.rules.extension_window.earliest_days_before_expiry;
    let horizon = today
        .checked_add_days(chrono::Days::new(u64::from(window)))
        .unwrap_or(today);
    let mut n = 0;
    for (id, bin, region, end) in db::permits_ending(conn, today, horizon)? {
        if let Some(opened) = event::expiring(end, window, today) {
            let data = json!({"end_date": end, "extension_window_opened": opened});
            let basis = cite_all(&[ART_33_2]);
            n += usize::from(record_swept(
                conn,
                actor,
                EventType::PermitExpiring,
                id,
                &bin,
                &region,
                opened,
                &basis,
                data,
            )?);
        }
    }
    for (id, bin, region, end) in db::ict_permits_ending(conn, today, horizon)? {
        if let Some(opened) = event::expiring(end, window, today) {
            let data = json!({"end_date": end, "extension_window_opened": opened});
            let basis = cite_all(&[ART_35_1]);
            n += usize::from(record_swept(
                conn,
                actor,
                EventType::IctPermitExpiring,
                id,
                &bin,
                &region,
                opened,
                &basis,
                data,
            )?);
        }
    }
    for (id, bin, region, due) in db::fees_due_on(conn, today)? {
        if event::fee_due_today(due, today) {
            let data = json!({"fee_due": due});
            let basis = cite_all(&[ART_33_4]);
            n += usize::from(record_swept(
                conn,
                actor,
                EventType::PermitFeeDue,
                id,
                &bin,
                &region,
                due,
                &basis,
                data,
            )?);
        }
    }
    n += sweep_departures(conn, today, actor)?;
    n += sweep_arrivals(conn, &rules.rules.ict, today, actor)?;
    Ok(n)
}

/// Art. 35(3): one event per ICT permit whose workers' arrival notice is due today and not
/// made, keyed on that day.
fn sweep_arrivals(
    conn: &mut Conn,
    rules: &crate::domain::ruleset::IctRules,
    today: NaiveDate,
    actor: &Actor,
) -> Result<usize, CaseError> {
    let basis = cite_all(&[ART_35_3]);
    let mut n = 0;
    for u in db::ict_unnotified(conn)? {
        let Some(due) = event::arrival_notice_due(rules, u.issued_on, u.contract_start, today)
        else {
            continue;
        };
        let data = json!({
            "due_on": due,
            "counted_from": u.issued_on.max(u.contract_start),
            "worker_ids": u.workers,
        });
        n += usize::from(record_swept(
            conn,
            actor,
            EventType::IctPermitArrivalNoticeDue,
            u.permit_id,
            &u.bin,
            &u.region,
            due,
            &basis,
            data,
        )?);
    }
    Ok(n)
}

/// Art. 28(2)(8): one event per permit whose workers' departure is owed and not recorded,
/// keyed on the day it became owed.
fn sweep_departures(conn: &mut Conn, today: NaiveDate, actor: &Actor) -> Result<usize, CaseError> {
    use crate::cases::permits::list::PermitKind;
    let owed = crate::cases::permits::list::overdue_departures(conn, None, today)?;
    let mut cases: std::collections::BTreeMap<(bool, i64), (String, NaiveDate, Vec<i64>)> =
        std::collections::BTreeMap::new();
    for d in owed {
        let ict = d.permit_kind == PermitKind::IctPermit;
        let e = cases
            .entry((ict, d.permit_id))
            .or_insert_with(|| (d.bin.as_str().to_owned(), d.ended_on, Vec::new()));
        e.1 = e.1.min(d.ended_on);
        e.2.push(d.worker_id);
    }
    let permits: Vec<i64> = cases.keys().filter(|k| !k.0).map(|k| k.1).collect();
    let icts: Vec<i64> = cases.keys().filter(|k| k.0).map(|k| k.1).collect();
    let (permit_regions, ict_regions) = db::regions_of(conn, &permits, &icts)?;
    let basis = cite_all(&[ART_28_2_8]);
    let mut n = 0;
    for ((ict, id), (bin, since, workers)) in cases {
        let (t, region) = if ict {
            (EventType::IctPermitDepartureOverdue, ict_regions.get(&id))
        } else {
            (EventType::PermitDepartureOverdue, permit_regions.get(&id))
        };
        let Some(region) = region else { continue };
        let data = json!({"owed_since": since, "worker_ids": workers});
        n += usize::from(record_swept(
            conn, actor, t, id, &bin, region, since, &basis, data,
        )?);
    }
    Ok(n)
}

/// Who a subscription belongs to: an employer (its BIN) or an akimat (its region).
#[derive(Debug, Clone)]
pub enum Owner {
    Employer(String),
    Akimat(String),
}

impl Owner {
    fn scope(&self) -> Scope {
        match self {
            Owner::Employer(bin) => Scope {
                region: None,
                bin: Some(bin.clone()),
            },
            Owner::Akimat(region) => Scope {
                region: Some(region.clone()),
                bin: None,
            },
        }
    }

    fn owns(&self, s: &Subscription) -> bool {
        match self {
            Owner::Employer(bin) => s.role == "employer" && s.bin.as_ref() == Some(bin),
            Owner::Akimat(region) => s.role == "akimat" && s.region.as_ref() == Some(region),
        }
    }
}

/// A new subscription's request.
pub struct NewSubscription {
    pub url: String,
    pub types: Vec<EventType>,
}

/// A secret in the Standard Webhooks form: `whsec_` and 32 random bytes in base64.
fn new_secret() -> String {
    use base64::Engine;
    let mut bytes = Vec::with_capacity(32);
    bytes.extend_from_slice(uuid::Uuid::new_v4().as_bytes());
    bytes.extend_from_slice(uuid::Uuid::new_v4().as_bytes());
    format!(
        "whsec_{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}

/// The event types a subscription stores, as wire forms.
fn types_of(s: &Subscription) -> Result<Vec<EventType>, CaseError> {
    let names: Vec<String> = serde_json::from_str(&s.types)?;
    Ok(names.iter().filter_map(|n| EventType::parse(n)).collect())
}

/// A subscription with the event types it receives (empty: all).
pub struct SubscriptionView {
    pub row: Subscription,
    pub types: Vec<EventType>,
}

fn view(row: Subscription) -> Result<SubscriptionView, CaseError> {
    let types = types_of(&row)?;
    Ok(SubscriptionView { row, types })
}

/// Registers `owner`'s endpoint; it receives the events committed from now on. The
/// answer holds the secret (the only time it is shown).
pub fn subscribe(
    conn: &mut Conn,
    owner: &Owner,
    req: &NewSubscription,
    actor: &Actor,
) -> Result<SubscriptionView, CaseError> {
    let secret = new_secret();
    let names: Vec<&str> = req.types.iter().map(|t| t.as_str()).collect();
    let types = serde_json::to_string(&names)?;
    let scope = owner.scope();
    let (role, bin, region) = match owner {
        Owner::Employer(b) => ("employer", Some(b.as_str()), None),
        Owner::Akimat(r) => ("akimat", None, Some(r.as_str())),
    };
    let cursor_seq = db::head_seq(conn)?;
    let row = db::insert_subscription(
        conn,
        &db::NewSubscription {
            role,
            bin,
            region,
            url: &req.url,
            secret: &secret,
            types: &types,
            cursor_seq,
            at: actor.at,
            by: &actor.sub,
        },
    )?;
    audit::record(
        actor,
        audit::Change {
            action: "webhook_subscription.created",
            entity_type: "webhook_subscription",
            entity_id: row.id.to_string(),
            region: scope.region.as_deref(),
            bin: scope.bin.as_deref(),
            before: None,
            after: Some(json!({"url": req.url, "types": names})),
            legal_basis: crate::domain::article::SERVICE_RULE,
        },
    )?;
    view(row)
}

/// The owner's subscriptions, oldest first, after `after_id`.
pub fn subscriptions(
    conn: &mut Conn,
    owner: &Owner,
    after_id: Option<i64>,
    limit: i64,
) -> Result<Vec<SubscriptionView>, CaseError> {
    db::subscriptions(conn, &owner.scope(), after_id, limit)?
        .into_iter()
        .map(view)
        .collect()
}

fn not_found() -> CaseError {
    CaseError::not_found(Message::new("not-found-webhook"))
}

/// One of the owner's subscriptions (another's is not found).
pub fn subscription(
    conn: &mut Conn,
    owner: &Owner,
    id: i64,
) -> Result<SubscriptionView, CaseError> {
    match db::subscription(conn, id)? {
        Some(s) if owner.owns(&s) => view(s),
        _ => Err(not_found()),
    }
}

/// Ends one of the owner's subscriptions: nothing more is delivered to it.
pub fn unsubscribe(
    conn: &mut Conn,
    owner: &Owner,
    id: i64,
    actor: &Actor,
) -> Result<(), CaseError> {
    let s = subscription(conn, owner, id)?.row;
    if !db::delete_subscription(conn, id, actor.at)? {
        return Err(not_found());
    }
    audit::record(
        actor,
        audit::Change {
            action: "webhook_subscription.deleted",
            entity_type: "webhook_subscription",
            entity_id: id.to_string(),
            region: s.region.as_deref(),
            bin: s.bin.as_deref(),
            before: Some(json!({"url": s.url})),
            after: None,
            legal_basis: crate::domain::article::SERVICE_RULE,
        },
    )?;
    Ok(())
}

/// A delivery with its tries, oldest first.
pub struct DeliveryLog {
    pub delivery: Delivery,
    /// The id of the event it delivers (its `webhook-id`).
    pub event_id: String,
    pub attempts: Vec<db::AttemptRow>,
}

/// The deliveries of one of the owner's subscriptions, newest first, before `before_id`.
pub fn deliveries(
    conn: &mut Conn,
    owner: &Owner,
    id: i64,
    before_id: Option<i64>,
    limit: i64,
) -> Result<Vec<DeliveryLog>, CaseError> {
    subscription(conn, owner, id)?;
    let rows = db::deliveries(conn, id, before_id, limit)?;
    let ids: Vec<i64> = rows.iter().map(|d| d.id).collect();
    let mut attempts = db::attempts(conn, &ids)?;
    let key = EventKey::load(conn)?;
    Ok(rows
        .into_iter()
        .map(|d| {
            let (mine, rest) = attempts.drain(..).partition(|a| a.delivery_id == d.id);
            attempts = rest;
            DeliveryLog {
                event_id: key.event_id(d.event_seq),
                delivery: d,
                attempts: mine,
            }
        })
        .collect())
}

/// Queues a delivery of one of the owner's subscriptions again, from the start of the
/// retry schedule, due now.
pub fn replay(
    conn: &mut Conn,
    owner: &Owner,
    id: i64,
    delivery_id: i64,
    now: NaiveDateTime,
) -> Result<DeliveryLog, CaseError> {
    subscription(conn, owner, id)?;
    if db::delivery(conn, id, delivery_id)?.is_none() {
        return Err(CaseError::not_found(Message::new(
            "not-found-webhook-delivery",
        )));
    }
    db::requeue(conn, delivery_id, now)?;
    let delivery = db::delivery(conn, id, delivery_id)?.ok_or_else(not_found)?;
    let attempts = db::attempts(conn, &[delivery_id])?;
    let event_id = EventKey::load(conn)?.event_id(delivery.event_seq);
    Ok(DeliveryLog {
        delivery,
        event_id,
        attempts,
    })
}

/// Turns the events committed since each live subscription's cursor into deliveries due
/// at `now`, at most `batch` per subscription, and moves the cursors, in the caller's
/// write transaction. Returns how many deliveries it queued.
pub fn fan_out(conn: &mut Conn, now: NaiveDateTime, batch: i64) -> Result<usize, CaseError> {
    let subs = db::subscriptions(conn, &Scope::default(), None, i64::MAX)?;
    if subs.is_empty() {
        return Ok(0);
    }
    let head = db::head_seq(conn)?;
    let actions = EventType::actions();
    let key = EventKey::load(conn)?;
    let mut n = 0;
    for s in subs {
        if s.cursor_seq >= head {
            continue;
        }
        let types = types_of(&s)?;
        let rows = db::after(conn, &s.scope(), &actions, s.cursor_seq, Some(head), batch)?;
        let full = i64::try_from(rows.len()).is_ok_and(|len| len == batch);
        let to = match rows.last().and_then(|e| e.seq) {
            Some(last) if full => last,
            _ => head,
        };
        for e in &rows {
            if let Some(ev) = event_of(e, &key)? {
                if types.is_empty() || types.contains(&ev.event_type) {
                    db::queue(conn, s.id, ev.seq, ev.event_type.as_str(), now)?;
                    n += 1;
                }
            }
        }
        if !db::move_cursor(conn, s.id, s.cursor_seq, to)? {
            return Err(CaseError::conflict(
                "changed-concurrently",
                Message::new("conflict-webhook-cursor"),
            ));
        }
    }
    Ok(n)
}

/// Removes the deliveries finished (delivered, or failed when their schedule ran out)
/// before `before`, with their tries, in the caller's write transaction; a pending one
/// stays. Returns how many it removed.
pub fn prune(conn: &mut Conn, before: NaiveDateTime) -> Result<usize, CaseError> {
    Ok(db::prune(conn, before, PRUNE_BATCH)?)
}

/// Deliveries removed per sweep, at most (the rest go at the next).
const PRUNE_BATCH: i64 = 10_000;

/// Deliveries due at `now`, at most `limit`.
pub fn due(conn: &mut Conn, now: NaiveDateTime, limit: i64) -> Result<Vec<Delivery>, CaseError> {
    Ok(db::due(conn, now, limit)?)
}

/// What a worker sends for one delivery.
pub struct Outgoing {
    pub url: String,
    pub secret: String,
    pub event: Wire,
}

/// Takes delivery `d` for one try (its next attempt moved to `lease_until`) and returns
/// what to send; `None` when another worker took it first, or its subscription is gone.
pub fn take(
    conn: &mut Conn,
    d: &Delivery,
    lease_until: NaiveDateTime,
) -> Result<Option<Outgoing>, CaseError> {
    if !db::take(conn, d, lease_until)? {
        return Ok(None);
    }
    let Some(s) = db::subscription(conn, d.subscription_id)? else {
        return Ok(None);
    };
    let Some(e) = db::at_seq(conn, d.event_seq)? else {
        return Ok(None);
    };
    let key = EventKey::load(conn)?;
    Ok(event_of(&e, &key)?.map(|ev| Outgoing {
        url: s.url,
        secret: s.secret,
        event: ev.wire,
    }))
}

/// When to try again after `attempts` tries failed, by the retry `schedule` (seconds
/// after each failed try); `None` when the schedule has run out.
pub fn retry_after(attempts: i32, schedule: &[u64]) -> Option<u64> {
    let i = usize::try_from(attempts).ok()?.checked_sub(1)?;
    schedule.get(i).copied()
}

/// Records a try of delivery `d` at `attempt.at` and where it stands after it: delivered
/// on a 2xx, else due again by the `schedule`, or failed when it has run out.
pub fn record(
    conn: &mut Conn,
    d: &Delivery,
    attempt: &db::Attempt<'_>,
    schedule: &[u64],
) -> Result<(), CaseError> {
    let attempts = d.attempts.saturating_add(1);
    let ok = attempt.status_code.is_some_and(|c| (200..300).contains(&c));
    let (status, next) = if ok {
        ("delivered", attempt.at)
    } else {
        match retry_after(attempts, schedule) {
            Some(secs) => (
                "pending",
                attempt.at
                    + chrono::Duration::seconds(i64::try_from(secs).unwrap_or(i64::MAX / 1000)),
            ),
            None => ("failed", attempt.at),
        }
    };
    db::record_attempt(conn, d.id, attempt, status, attempts, next)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stream(bin: &str) -> Scope {
        Scope {
            region: None,
            bin: Some(bin.to_owned()),
        }
    }

    #[test]
    fn a_cursor_is_a_place_of_its_own_stream_that_it_does_not_show() {
        let key = EventKey::new(b"secret");
        let (mine, theirs) = (stream("210340000013"), stream("980440000024"));
        for seq in [0, 1, 2, 1042, i64::from(u32::MAX) + 7] {
            let cursor = key.cursor(&mine, seq);
            assert_eq!(key.position(&mine, &cursor), Some(seq), "{cursor}");
            assert_ne!(
                key.position(&theirs, &cursor),
                Some(seq),
                "another stream's"
            );
            assert_ne!(cursor, key.cursor(&theirs, seq));
            assert!(
                !cursor.contains(&format!("{seq:x}")) || seq < 16,
                "{cursor}"
            );
        }
        // Neighbouring places have unrelated cursors: no gap can be read from them.
        let (a, b) = (key.cursor(&mine, 41), key.cursor(&mine, 42));
        let differ = a.bytes().zip(b.bytes()).filter(|(x, y)| x != y).count();
        assert!(differ >= 8, "{a} {b}");
        assert!(
            key.position(&mine, "e0000000000000000").is_some(),
            "any of the pattern"
        );
        assert_eq!(key.position(&mine, "c2"), None);
        assert_eq!(key.position(&mine, "e000000000000000G"), None);
        assert_eq!(key.position(&mine, "e00000000000000000"), None);
    }

    #[test]
    fn an_event_id_is_stable_and_tells_nothing_of_its_place() {
        let key = EventKey::new(b"secret");
        assert_eq!(key.event_id(15), key.event_id(15));
        assert_ne!(key.event_id(15), key.event_id(16));
        assert_ne!(key.event_id(15), EventKey::new(b"other").event_id(15));
        let id = key.event_id(15);
        assert!(id.starts_with("evt_") && id.len() == 36, "{id}");
        assert!(id[4..].bytes().all(|b| b.is_ascii_hexdigit()), "{id}");
    }

    #[test]
    fn retries_follow_the_schedule_then_stop() {
        let schedule = [5, 300, 1800];
        assert_eq!(retry_after(1, &schedule), Some(5));
        assert_eq!(retry_after(3, &schedule), Some(1800));
        assert_eq!(retry_after(4, &schedule), None);
    }
}
