//! Stored first responses of creating requests, replayed for a repeated `Idempotency-Key`.

use super::schema::idempotency_keys;
use super::AnyConnection;
use chrono::NaiveDateTime;
use diesel::prelude::*;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = idempotency_keys)]
pub struct Stored {
    pub request_hash: String,
    pub status: i32,
    /// The first answer's headers: a JSON array of `[name, value]` pairs.
    pub headers: String,
    pub body: String,
}

/// The answer stored for `caller` (a principal, see `api::idempotency`) and `key`.
pub fn find(conn: &mut AnyConnection, caller: &str, key: &str) -> QueryResult<Option<Stored>> {
    idempotency_keys::table
        .find((caller, key))
        .select(Stored::as_select())
        .first(conn)
        .optional()
}

/// Stores the response; a unique violation means a concurrent request with the same key won.
pub fn store(
    conn: &mut AnyConnection,
    caller: &str,
    key: &str,
    stored: &Stored,
    at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(idempotency_keys::table)
        .values((
            idempotency_keys::caller.eq(caller),
            idempotency_keys::key.eq(key),
            idempotency_keys::request_hash.eq(&stored.request_hash),
            idempotency_keys::status.eq(stored.status),
            idempotency_keys::headers.eq(&stored.headers),
            idempotency_keys::body.eq(&stored.body),
            idempotency_keys::created_at.eq(at),
        ))
        .execute(conn)
        .map(drop)
}
