//! The first answer to a creating request with an `Idempotency-Key`, stored in the same
//! transaction as the change it answers (DESIGN principle 4), and found again for a repeat.

use super::CaseError;
use crate::db::{self, idempotency, Conn};
use crate::domain::Message;
use chrono::NaiveDateTime;

/// A stored first answer: the request's fingerprint, status, headers and body.
pub use crate::db::idempotency::Stored;

/// The answer `owner` stored under `key`, if any.
pub fn find(conn: &mut Conn, owner: &str, key: &str) -> Result<Option<Stored>, CaseError> {
    Ok(idempotency::find(conn, owner, key)?)
}

/// Stores the first answer under `owner`'s `key`; a concurrent request with the same key
/// that stored first makes this one 409 `idempotency-key-in-use`.
pub fn store(
    conn: &mut Conn,
    owner: &str,
    key: &str,
    stored: &Stored,
    at: NaiveDateTime,
) -> Result<(), CaseError> {
    idempotency::store(conn, owner, key, stored, at).map_err(|e| {
        if db::is_unique_violation(&e) {
            CaseError::conflict(
                "idempotency-key-in-use",
                Message::new("conflict-idempotency-key-in-use"),
            )
        } else {
            e.into()
        }
    })
}
