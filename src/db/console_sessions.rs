//! The console's sessions held by the server (`console_sessions`), found by the SHA-256 of
//! the id the browser's cookie carries; the rule of when one is over is
//! [`crate::domain::session::is_open`].

use super::schema::console_sessions;
use super::AnyConnection;
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// A session's row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = console_sessions)]
pub struct Row {
    /// The session's state: a JSON object of strings.
    pub state: String,
    /// When the session was last used (UTC).
    pub last_seen: NaiveDateTime,
    /// When the identity token it began with expires (UTC); none before sign-in.
    pub ends_at: Option<NaiveDateTime>,
}

/// The session whose id hashes to `id_hash`, open or not.
pub fn find(conn: &mut AnyConnection, id_hash: &str) -> QueryResult<Option<Row>> {
    console_sessions::table
        .find(id_hash)
        .select(Row::as_select())
        .first(conn)
        .optional()
}

/// Starts a session, and removes those idle since before `idle_before` (and those whose
/// token expired before `at`), so that abandoned sessions do not pile up.
pub fn insert(
    conn: &mut AnyConnection,
    id_hash: &str,
    state: &str,
    ends_at: Option<NaiveDateTime>,
    at: NaiveDateTime,
    idle_before: NaiveDateTime,
) -> QueryResult<()> {
    diesel::delete(
        console_sessions::table.filter(
            console_sessions::last_seen
                .lt(idle_before)
                .or(console_sessions::ends_at.lt(at)),
        ),
    )
    .execute(conn)?;
    diesel::insert_into(console_sessions::table)
        .values((
            console_sessions::id_hash.eq(id_hash),
            console_sessions::state.eq(state),
            console_sessions::created_at.eq(at),
            console_sessions::last_seen.eq(at),
            console_sessions::ends_at.eq(ends_at),
        ))
        .execute(conn)
        .map(drop)
}

/// Replaces a session's state and end, marking it used at `at`; false when the row is gone
/// (signed out meanwhile).
pub fn update(
    conn: &mut AnyConnection,
    id_hash: &str,
    state: &str,
    ends_at: Option<NaiveDateTime>,
    at: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::update(console_sessions::table.find(id_hash))
        .set((
            console_sessions::state.eq(state),
            console_sessions::ends_at.eq(ends_at),
            console_sessions::last_seen.eq(at),
        ))
        .execute(conn)
        .map(|n| n == 1)
}

/// Marks a session used at `at`.
pub fn touch(conn: &mut AnyConnection, id_hash: &str, at: NaiveDateTime) -> QueryResult<()> {
    diesel::update(console_sessions::table.find(id_hash))
        .set(console_sessions::last_seen.eq(at))
        .execute(conn)
        .map(drop)
}

/// Ends a session: its row is deleted, so its id opens nothing again.
pub fn delete(conn: &mut AnyConnection, id_hash: &str) -> QueryResult<()> {
    diesel::delete(console_sessions::table.find(id_hash))
        .execute(conn)
        .map(drop)
}
