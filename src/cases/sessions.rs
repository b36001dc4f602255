//! The console's sessions held by the server: found, started, saved and ended by the
//! SHA-256 of their id (the console's session store hashes it), open only while
//! [`crate::domain::session::is_open`] says so.

use super::CaseError;
use crate::db::{console_sessions as db, Conn};
use crate::domain::session::is_open;
use chrono::{Duration, NaiveDateTime};

/// How a session is kept: now (UTC), and how long it may stay idle.
#[derive(Debug, Clone, Copy)]
pub struct Keeping {
    pub now: NaiveDateTime,
    pub idle: Duration,
}

/// What a session's lookup found.
#[derive(Debug)]
pub enum Found {
    /// Open: its state, and whether its last use is old enough to be marked again.
    Open { state: String, stale_mark: bool },
    /// Over (idle too long, or its token expired): to be deleted.
    Over,
    /// No such session (never was, or signed out).
    Missing,
}

/// How long a use goes unrecorded: a session's last use is written at most once a minute,
/// so that reading pages writes nothing most of the time (the idle timeout is exact to
/// this much).
const MARK_EVERY: Duration = Duration::minutes(1);

/// Looks the session up (a read).
pub fn find(conn: &mut Conn, id_hash: &str, k: Keeping) -> Result<Found, CaseError> {
    Ok(match db::find(conn, id_hash)? {
        None => Found::Missing,
        Some(row) if is_open(row.last_seen, row.ends_at, k.now, k.idle) => Found::Open {
            stale_mark: k.now - row.last_seen >= MARK_EVERY,
            state: row.state,
        },
        Some(_) => Found::Over,
    })
}

/// Marks the session used now.
pub fn mark(conn: &mut Conn, id_hash: &str, k: Keeping) -> Result<(), CaseError> {
    Ok(db::touch(conn, id_hash, k.now)?)
}

/// Starts a session (and removes the sessions that are over).
pub fn start(
    conn: &mut Conn,
    id_hash: &str,
    state: &str,
    ends_at: Option<NaiveDateTime>,
    k: Keeping,
) -> Result<(), CaseError> {
    Ok(db::insert(
        conn,
        id_hash,
        state,
        ends_at,
        k.now,
        k.now - k.idle,
    )?)
}

/// Saves an open session's state; false when it ended meanwhile.
pub fn save(
    conn: &mut Conn,
    id_hash: &str,
    state: &str,
    ends_at: Option<NaiveDateTime>,
    k: Keeping,
) -> Result<bool, CaseError> {
    Ok(db::update(conn, id_hash, state, ends_at, k.now)?)
}

/// Ends a session.
pub fn end(conn: &mut Conn, id_hash: &str) -> Result<(), CaseError> {
    Ok(db::delete(conn, id_hash)?)
}
