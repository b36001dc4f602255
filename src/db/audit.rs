//! The append-only audit trail (DESIGN principle 4). Every state change calls [`record`]
//! inside its own transaction; nothing updates or deletes an event.

use super::schema::audit_events;
use super::AnyConnection;
use chrono::{NaiveDateTime, SubsecRound};
use diesel::prelude::*;
use serde_json::Value;

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

/// An entity's history, oldest first, at most `limit` lines: one statement of a fixed shape
/// (kept prepared) on the `(entity_type, entity_id)` index, without the before/after
/// snapshots the view does not show.
pub fn history(
    conn: &mut AnyConnection,
    entity_type: &str,
    entity_id: &str,
    limit: i64,
) -> QueryResult<Vec<HistoryLine>> {
    audit_events::table
        .filter(audit_events::entity_type.eq(entity_type))
        .filter(audit_events::entity_id.eq(entity_id))
        .order(audit_events::id)
        .limit(limit)
        .select(HistoryLine::as_select())
        .load(conn)
}

/// The JSON snapshot of a value for an event's before/after; a value that cannot be
/// encoded fails the transaction instead of leaving a hole in the trail.
pub fn snapshot<T: serde::Serialize>(value: &T) -> Result<Value, super::Error> {
    Ok(serde_json::to_value(value)?)
}

pub fn record(conn: &mut AnyConnection, actor: &Actor, change: Change<'_>) -> QueryResult<()> {
    let json = |v: Option<Value>| v.map(|v| v.to_string());
    diesel::insert_into(audit_events::table)
        .values((
            audit_events::occurred_at.eq(actor.at),
            audit_events::actor.eq(&actor.sub),
            audit_events::role.eq(actor.role),
            audit_events::region.eq(change.region),
            audit_events::bin.eq(change.bin),
            audit_events::action.eq(change.action),
            audit_events::entity_type.eq(change.entity_type),
            audit_events::entity_id.eq(&change.entity_id),
            audit_events::before_json.eq(json(change.before)),
            audit_events::after_json.eq(json(change.after)),
            audit_events::legal_basis.eq(change.legal_basis),
            audit_events::request_id.eq(&actor.request_id),
        ))
        .execute(conn)
        .map(drop)
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
