//! The audit trail as read (DESIGN principle 4): events by filter, and the verification of
//! the hash chain that makes it tamper-evident. Written only by the commands.

use super::CaseError;
use crate::db::{audit, Conn};

/// A recorded event, the filter of a listing, and a verification of the chain.
pub use crate::db::audit::{Event, Filter, Verification};

/// The events `filter` selects, by id.
pub fn list(conn: &mut Conn, filter: &Filter) -> Result<Vec<Event>, CaseError> {
    Ok(audit::list(conn, filter)?)
}

/// Walks the chain from its first event: where it holds, and the first break if any.
pub fn verify(conn: &mut Conn) -> Result<Verification, CaseError> {
    Ok(audit::verify(conn)?)
}
