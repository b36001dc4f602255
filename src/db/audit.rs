//! The append-only audit trail (DESIGN principle 4). Every state change calls [`record`]
//! inside its own transaction; nothing updates or deletes an event.
//!
//! The trail is a hash chain (issue 24): [`seal`], the last step of every write
//! transaction ([`super::write_tx`]), gives each event recorded in it the next place in the
//! chain (`seq`) and `hash` = hex SHA-256(previous hash ‖ [`canonical`] content), under the
//! lock of the one-row chain head. [`verify`] walks the chain and names the first event
//! that does not match: a row changed, deleted or inserted behind the service's back.

use super::connection::AnyConnection;
use super::schema::{audit_chain_head, audit_events};
use chrono::{NaiveDateTime, SubsecRound};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Nullable, Text, Timestamp};
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::cell::RefCell;

/// Who acts, for which request, and when.
#[derive(Debug, Clone)]
pub struct Actor {
    pub sub: String,
    pub role: &'static str,
    pub request_id: String,
    pub at: NaiveDateTime,
}

impl Actor {
    /// The same actor with its time as the databases keep it (whole microseconds, as
    /// PostgreSQL stores a timestamp): a command that changes its loaded case in memory
    /// instead of reading it back then holds what a read would return, on either database.
    pub fn as_stored(&self) -> Actor {
        Actor {
            at: self.at.trunc_subsecs(6),
            ..self.clone()
        }
    }
}

/// One state change.
#[derive(Debug, Clone)]
pub struct Change<'a> {
    pub action: &'a str,
    pub entity_type: &'a str,
    pub entity_id: String,
    /// The region the change concerns, so that its akimat can read the event.
    pub region: Option<&'a str>,
    /// The employer the change concerns.
    pub bin: Option<&'a str>,
    pub before: Option<Value>,
    pub after: Option<Value>,
    /// The article or act the change rests on.
    pub legal_basis: &'a str,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = audit_events)]
pub struct Event {
    pub id: i64,
    pub occurred_at: NaiveDateTime,
    pub actor: String,
    pub role: String,
    pub region: Option<String>,
    pub bin: Option<String>,
    pub action: String,
    pub entity_type: String,
    pub entity_id: String,
    pub before_json: Option<String>,
    pub after_json: Option<String>,
    pub legal_basis: String,
    pub request_id: String,
    /// The event's place in the chain; `None` until its transaction sealed it.
    pub seq: Option<i64>,
    /// Hex SHA-256 of the previous link and this event's content.
    pub hash: Option<String>,
}

/// One line of an entity's history: the columns a case's view shows.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = audit_events)]
pub struct HistoryLine {
    pub occurred_at: NaiveDateTime,
    pub action: String,
    pub actor: String,
    pub role: String,
    pub legal_basis: String,
}

/// The action of the event recording an official's read of a worker's personal data
/// (`crate::ops::reads`): kept in the audit trail, the record the law requires of who read
/// whose data, and never a line of the case's history, which tells what was decided and
/// done (issue 21: every look at a case made a line of it, burying its decisions).
pub const PERSONAL_DATA_READ: &str = "personal_data.read";

/// An entity's history, oldest first, at most `limit` lines, as this thread's transaction
/// sees it: the stored lines, read in one statement of a fixed shape (kept prepared) on the
/// `(entity_type, entity_id)` index without the before/after snapshots the view does not
/// show, then the lines it recorded and has not yet sealed ([`unsealed_lines`]). Reads of
/// personal data ([`PERSONAL_DATA_READ`]) are not history lines.
pub fn history(
    conn: &mut AnyConnection,
    entity_type: &str,
    entity_id: &str,
    limit: i64,
) -> QueryResult<Vec<HistoryLine>> {
    let stored = audit_events::table
        .filter(audit_events::entity_type.eq(entity_type))
        .filter(audit_events::entity_id.eq(entity_id))
        .filter(audit_events::action.ne(PERSONAL_DATA_READ))
        .order(audit_events::id)
        .limit(limit)
        .select(HistoryLine::as_select())
        .load(conn)?;
    Ok(with_unsealed(stored, entity_type, entity_id, limit))
}

/// `stored`, an entity's stored history (oldest first, at most `limit` lines), followed by
/// the lines this thread's transaction recorded for it and has not yet sealed: the history
/// the transaction would read once they are written, up to `limit` lines.
pub fn with_unsealed(
    mut stored: Vec<HistoryLine>,
    entity_type: &str,
    entity_id: &str,
    limit: i64,
) -> Vec<HistoryLine> {
    stored.extend(unsealed_lines(entity_type, entity_id));
    stored.truncate(usize::try_from(limit).unwrap_or(0));
    stored
}

/// The history lines of an entity recorded by this thread's transaction and not yet sealed
/// (they are written with their place in the chain at its end, [`seal`]), in order.
fn unsealed_lines(entity_type: &str, entity_id: &str) -> Vec<HistoryLine> {
    UNSEALED.with(|u| {
        u.borrow()
            .iter()
            .filter(|e| e.entity_type == entity_type && e.entity_id == entity_id)
            .filter(|e| e.action != PERSONAL_DATA_READ)
            .map(|e| HistoryLine {
                occurred_at: e.occurred_at,
                action: e.action.clone(),
                actor: e.actor.clone(),
                role: e.role.clone(),
                legal_basis: e.legal_basis.clone(),
            })
            .collect()
    })
}

/// The JSON snapshot of a value for an event's before/after; a value that cannot be
/// encoded fails the transaction instead of leaving a hole in the trail.
pub fn snapshot<T: serde::Serialize>(value: &T) -> Result<Value, super::error::Error> {
    Ok(serde_json::to_value(value)?)
}

thread_local! {
    /// The events recorded by the write transaction running on this thread and not yet
    /// sealed into the chain. A transaction runs on one thread from `BEGIN` to `COMMIT`
    /// ([`super::write_tx`] takes the list before committing), so the list is exactly the
    /// transaction's own events: an event inserted behind the service's back is never
    /// sealed by a later writer, and [`verify`] reports it. None is written before [`seal`]
    /// writes it already sealed (its id 0 until then).
    static UNSEALED: RefCell<Vec<Event>> = const { RefCell::new(Vec::new()) };
}

/// Forgets the events of a transaction that did not commit (they rolled back with it).
pub(crate) fn forget_unsealed() {
    UNSEALED.with(|u| u.borrow_mut().clear());
}

/// Records one state change; call inside [`super::write_tx`], which writes the event,
/// already sealed into the chain, as one of its last statements: an event is one `INSERT`
/// with its place and hash, never an `INSERT` and an `UPDATE` (issue 20). Until then it is kept as it will be stored (its time in whole microseconds,
/// as PostgreSQL keeps a timestamp), and [`history`] reads it with the stored lines.
pub fn record(actor: &Actor, change: Change<'_>) -> QueryResult<()> {
    let json = |v: Option<Value>| v.map(|v| v.to_string());
    let event = Event {
        id: 0,
        occurred_at: actor.at.trunc_subsecs(6),
        actor: actor.sub.clone(),
        role: actor.role.to_owned(),
        region: change.region.map(str::to_owned),
        bin: change.bin.map(str::to_owned),
        action: change.action.to_owned(),
        entity_type: change.entity_type.to_owned(),
        entity_id: change.entity_id,
        before_json: json(change.before),
        after_json: json(change.after),
        legal_basis: change.legal_basis.to_owned(),
        request_id: actor.request_id.clone(),
        seq: None,
        hash: None,
    };
    UNSEALED.with(|u| u.borrow_mut().push(event));
    Ok(())
}

/// The link before the first event.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The bytes an event's hash covers: its place, id and every column as stored, as one JSON
/// array (`serde_json` writes it byte for byte the same on every platform), timestamps as
/// `YYYY-MM-DDTHH:MM:SS.ffffff`.
pub fn canonical(seq: i64, e: &Event) -> String {
    serde_json::json!([
        seq,
        e.id,
        e.occurred_at.format("%Y-%m-%dT%H:%M:%S%.6f").to_string(),
        e.actor,
        e.role,
        e.region,
        e.bin,
        e.action,
        e.entity_type,
        e.entity_id,
        e.before_json,
        e.after_json,
        e.legal_basis,
        e.request_id,
    ])
    .to_string()
}

/// hex SHA-256(`prev` ‖ [`canonical`]`(seq, e)`): the event's link in the chain.
pub fn link(prev: &str, seq: i64, e: &Event) -> String {
    let mut h = Sha256::new();
    h.update(prev.as_bytes());
    h.update(canonical(seq, e).as_bytes());
    h.finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<String>()
}

/// The chain's last link as the head row keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = audit_chain_head)]
pub struct Head {
    /// How many events the chain holds (the last one's `seq`); 0 for an empty chain.
    pub seq: i64,
    /// The last event's hash ([`GENESIS`] for an empty chain).
    pub hash: String,
    /// The last event's id (`None` for an empty chain).
    pub event_id: Option<i64>,
}

/// The head row and the ids of `n` new events, as [`lock_head`] reads them.
#[derive(QueryableByName)]
struct HeadAndId {
    #[diesel(sql_type = BigInt)]
    seq: i64,
    #[diesel(sql_type = Text)]
    hash: String,
    #[diesel(sql_type = Nullable<BigInt>)]
    event_id: Option<i64>,
    #[diesel(sql_type = BigInt)]
    next_id: i64,
}

/// The head row, locked until the transaction ends on PostgreSQL (SQLite's writers are
/// serialized already by `BEGIN IMMEDIATE`), and the ids of the `n` events to be sealed
/// after it, in one statement: PostgreSQL draws them from the identity's sequence (a row
/// each), SQLite gives the ones after the largest it ever gave (`AUTOINCREMENT`'s
/// `sqlite_sequence`), which no other writer can take before this one commits.
fn lock_head(conn: &mut AnyConnection, n: usize) -> QueryResult<Option<(Head, Vec<i64>)>> {
    let rows: Vec<HeadAndId> = match conn {
        AnyConnection::Postgresql(c) => diesel::sql_query(
            "SELECT h.seq, h.hash, h.event_id, \
               nextval(pg_get_serial_sequence('audit_events', 'id')) AS next_id \
             FROM audit_chain_head h CROSS JOIN generate_series(1, $1) \
             WHERE h.id = 1 FOR UPDATE OF h",
        )
        .bind::<BigInt, _>(i64::try_from(n).unwrap_or(i64::MAX))
        .load(c)?,
        AnyConnection::Sqlite(c) => diesel::sql_query(
            "SELECT seq, hash, event_id, 1 + coalesce((SELECT s.seq FROM sqlite_sequence s \
               WHERE s.name = 'audit_events'), 0) AS next_id \
             FROM audit_chain_head WHERE id = 1",
        )
        .load(c)?,
    };
    let Some(first) = rows.first() else {
        return Ok(None);
    };
    let head = Head {
        seq: first.seq,
        hash: first.hash.clone(),
        event_id: first.event_id,
    };
    let mut ids: Vec<i64> = match conn {
        AnyConnection::Postgresql(_) => rows.iter().map(|r| r.next_id).collect(),
        AnyConnection::Sqlite(_) => (first.next_id..).take(n).collect(),
    };
    ids.sort_unstable();
    Ok(Some((head, ids)))
}

/// The chain's head, unlocked (`None` before start-up first chained the trail).
pub fn head(conn: &mut AnyConnection) -> QueryResult<Option<Head>> {
    audit_chain_head::table
        .filter(audit_chain_head::id.eq(1))
        .select(Head::as_select())
        .first(conn)
        .optional()
}

/// Chains `events`, stored before the chain existed, in this order after `head`: one
/// UPDATE per event, nothing read. Returns the moved head, which the caller writes.
fn chain(conn: &mut AnyConnection, head: Head, events: &[Event]) -> QueryResult<Head> {
    let mut head = head;
    for e in events {
        let seq = head.seq + 1;
        let hash = link(&head.hash, seq, e);
        diesel::update(audit_events::table.filter(audit_events::id.eq(e.id)))
            .set((audit_events::seq.eq(seq), audit_events::hash.eq(&hash)))
            .execute(conn)?;
        head = Head {
            seq,
            hash,
            event_id: Some(e.id),
        };
    }
    Ok(head)
}

/// Seals the events this transaction recorded into the chain: locks the head (taking the
/// events' ids in the same statement), links each event after it in the order recorded,
/// writes them already sealed in one `INSERT` and moves the head. [`super::write_tx`] calls
/// it as the transaction's last statements, so writers take turns on the head only for
/// these three statements and their commit; a transaction that recorded nothing takes no
/// lock.
pub fn seal(conn: &mut AnyConnection) -> QueryResult<()> {
    let events = UNSEALED.with(|u| std::mem::take(&mut *u.borrow_mut()));
    if events.is_empty() {
        return Ok(());
    }
    let Some((mut head, ids)) = lock_head(conn, events.len())? else {
        // The head is written at start-up before anything is recorded ([`genesis`]).
        return Err(diesel::result::Error::QueryBuilderError(
            "the audit chain has no head: start-up did not chain the trail".into(),
        ));
    };
    let mut sealed = Vec::with_capacity(events.len());
    for (mut e, id) in events.into_iter().zip(ids) {
        e.id = id;
        let seq = head.seq + 1;
        let hash = link(&head.hash, seq, &e);
        head = Head {
            seq,
            hash: hash.clone(),
            event_id: Some(id),
        };
        e.seq = Some(seq);
        e.hash = Some(hash);
        sealed.push(e);
    }
    insert_sealed(conn, &sealed)?;
    diesel::update(audit_chain_head::table.filter(audit_chain_head::id.eq(1)))
        .set((
            audit_chain_head::seq.eq(head.seq),
            audit_chain_head::hash.eq(&head.hash),
            audit_chain_head::event_id.eq(head.event_id),
        ))
        .execute(conn)
        .map(drop)
}

/// Writes `events`, each with its id, place and hash, in one statement (PostgreSQL's
/// identity column takes the ids its sequence gave only when told to override it).
fn insert_sealed(conn: &mut AnyConnection, events: &[Event]) -> QueryResult<()> {
    const COLUMNS: usize = 15;
    let (postgres, overriding) = match conn {
        AnyConnection::Postgresql(_) => (true, " OVERRIDING SYSTEM VALUE"),
        AnyConnection::Sqlite(_) => (false, ""),
    };
    let rows: Vec<String> = (0..events.len())
        .map(|i| {
            let marks: Vec<String> = (1..=COLUMNS)
                .map(|k| {
                    let n = i * COLUMNS + k;
                    if postgres {
                        format!("${n}")
                    } else {
                        format!("?{n}")
                    }
                })
                .collect();
            format!("({})", marks.join(", "))
        })
        .collect();
    let sql = format!(
        "INSERT INTO audit_events (id, occurred_at, actor, role, region, bin, action, \
           entity_type, entity_id, before_json, after_json, legal_basis, request_id, seq, hash)\
         {overriding} VALUES {}",
        rows.join(", ")
    );
    let mut q = diesel::sql_query(sql).into_boxed::<<AnyConnection as Connection>::Backend>();
    for e in events {
        q = q
            .bind::<BigInt, _>(e.id)
            .bind::<Timestamp, _>(e.occurred_at)
            .bind::<Text, _>(e.actor.clone())
            .bind::<Text, _>(e.role.clone())
            .bind::<Nullable<Text>, _>(e.region.clone())
            .bind::<Nullable<Text>, _>(e.bin.clone())
            .bind::<Text, _>(e.action.clone())
            .bind::<Text, _>(e.entity_type.clone())
            .bind::<Text, _>(e.entity_id.clone())
            .bind::<Nullable<Text>, _>(e.before_json.clone())
            .bind::<Nullable<Text>, _>(e.after_json.clone())
            .bind::<Text, _>(e.legal_basis.clone())
            .bind::<Text, _>(e.request_id.clone())
            .bind::<Nullable<BigInt>, _>(e.seq)
            .bind::<Nullable<Text>, _>(e.hash.clone());
    }
    q.execute(conn).map(drop)
}

/// Once, right after the migration that made the chain ([`super::migrate`] calls it): chains
/// the events recorded before the chain existed, in id order, and writes the head. Returns
/// how many were chained (0 when the head exists already).
pub fn genesis(conn: &mut AnyConnection) -> QueryResult<i64> {
    if head(conn)?.is_some() {
        return Ok(0);
    }
    let events: Vec<Event> = audit_events::table
        .filter(audit_events::seq.is_null())
        .order(audit_events::id)
        .select(Event::as_select())
        .load(conn)?;
    let empty = Head {
        seq: 0,
        hash: GENESIS.to_owned(),
        event_id: None,
    };
    let h = chain(conn, empty, &events)?;
    diesel::insert_into(audit_chain_head::table)
        .values((
            audit_chain_head::id.eq(1),
            audit_chain_head::seq.eq(h.seq),
            audit_chain_head::hash.eq(&h.hash),
            audit_chain_head::event_id.eq(h.event_id),
        ))
        .execute(conn)?;
    Ok(h.seq)
}

/// Why the chain does not verify, at the first event that does not match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Break {
    /// The event's hash is not SHA-256 of the previous link and its content: the event (or
    /// one before it) was changed after it was recorded.
    HashMismatch,
    /// The event's `seq` is not the next place: the event(s) before it were deleted.
    Gap,
    /// The event has no place in the chain: it was inserted behind the service's back.
    NotChained,
    /// The last event is not the head the service keeps: events at the end were deleted
    /// (or the head was changed).
    HeadMismatch,
}

impl Break {
    /// The stable code of the finding.
    pub fn code(self) -> &'static str {
        match self {
            Break::HashMismatch => "hash-mismatch",
            Break::Gap => "sequence-gap",
            Break::NotChained => "not-chained",
            Break::HeadMismatch => "head-mismatch",
        }
    }
}

/// The first event where the chain breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The event's id (the last chained event's for a head mismatch; none for an empty
    /// trail whose head moved).
    pub event_id: Option<i64>,
    /// The place the event holds (its stored `seq`), if any.
    pub seq: Option<i64>,
    /// The place it should hold.
    pub expected_seq: i64,
    pub problem: Break,
}

/// What a walk of the chain found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    /// Events walked (in chain order) up to the end or to the first break.
    pub checked: i64,
    /// The head the service keeps (`None` before start-up wrote it).
    pub head: Option<Head>,
    /// The first break; `None` when every event matches.
    pub first_break: Option<Finding>,
}

/// Events read per query of the walk.
const VERIFY_PAGE: i64 = 1000;

/// Walks the chain in `seq` order, recomputing every link, then checks that no event stands
/// outside the chain and that the last link is the head. Run it in one read transaction
/// ([`super::read_tx`]) so that it sees one snapshot.
pub fn verify(conn: &mut AnyConnection) -> QueryResult<Verification> {
    let head = head(conn)?;
    let (mut seq, mut prev, mut last_id) = (0_i64, GENESIS.to_owned(), None);
    loop {
        let page: Vec<Event> = audit_events::table
            .filter(audit_events::seq.gt(seq))
            .order(audit_events::seq)
            .limit(VERIFY_PAGE)
            .select(Event::as_select())
            .load(conn)?;
        let n = page.len();
        for e in page {
            let expected = seq + 1;
            let broken = |problem| Finding {
                event_id: Some(e.id),
                seq: e.seq,
                expected_seq: expected,
                problem,
            };
            if e.seq != Some(expected) {
                return Ok(Verification {
                    checked: seq,
                    head,
                    first_break: Some(broken(Break::Gap)),
                });
            }
            let hash = link(&prev, expected, &e);
            if e.hash.as_deref() != Some(hash.as_str()) {
                return Ok(Verification {
                    checked: seq,
                    head,
                    first_break: Some(broken(Break::HashMismatch)),
                });
            }
            (seq, prev, last_id) = (expected, hash, Some(e.id));
        }
        if i64::try_from(n).unwrap_or(i64::MAX) < VERIFY_PAGE {
            break;
        }
    }
    let outside: Option<i64> = audit_events::table
        .filter(audit_events::seq.is_null())
        .select(diesel::dsl::min(audit_events::id))
        .first(conn)?;
    let first_break = if let Some(id) = outside {
        Some(Finding {
            event_id: Some(id),
            seq: None,
            expected_seq: seq + 1,
            problem: Break::NotChained,
        })
    } else {
        let matches = head
            .as_ref()
            .is_some_and(|h| h.seq == seq && h.hash == prev && h.event_id == last_id);
        (!matches).then_some(Finding {
            event_id: last_id,
            seq: last_id.map(|_| seq),
            expected_seq: seq + 1,
            problem: Break::HeadMismatch,
        })
    };
    Ok(Verification {
        checked: seq,
        head,
        first_break,
    })
}

/// Filters of the audit listing; `region` restricts to one region's events.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub region: Option<String>,
    pub entity_type: Option<String>,
    pub entity_id: Option<String>,
    pub action: Option<String>,
    pub actor: Option<String>,
    pub after_id: Option<i64>,
    pub limit: i64,
}

/// Events in id order, newest last, from after the cursor.
pub fn list(conn: &mut AnyConnection, f: &Filter) -> QueryResult<Vec<Event>> {
    let mut q = audit_events::table
        .select(Event::as_select())
        .order(audit_events::id)
        .limit(f.limit)
        .into_boxed();
    if let Some(r) = &f.region {
        q = q.filter(audit_events::region.eq(r));
    }
    if let Some(t) = &f.entity_type {
        q = q.filter(audit_events::entity_type.eq(t));
    }
    if let Some(i) = &f.entity_id {
        q = q.filter(audit_events::entity_id.eq(i));
    }
    if let Some(a) = &f.action {
        q = q.filter(audit_events::action.eq(a));
    }
    if let Some(a) = &f.actor {
        q = q.filter(audit_events::actor.eq(a));
    }
    if let Some(id) = f.after_id {
        q = q.filter(audit_events::id.gt(id));
    }
    q.load(conn)
}
