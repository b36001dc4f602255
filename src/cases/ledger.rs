//! The typed ledger: the only way a case touches quota (Art. 33(2), 32(4)(2)).
//!
//! A case claims units with a [`QuotaClaim`] built in the domain (year, region, category,
//! country of origin, a non-zero number of units) under its [`CaseRef`], keeps the hold
//! id it gets back, and later confirms or releases that hold. Call order inside the case's
//! write transaction: `hold` writes the hold and its ledger line, the case writes its own
//! rows naming the hold and its audit event, and [`Hold::take`] counts the units against
//! the contended regional row as the case's last write, so that row is locked only until
//! the commit. A case holds at most once per region: a released
//! hold is never taken again, and an extension or a new application is a case of its own
//! (`CaseKind::PermitExtension`) holding quota of the year it starts in.

use super::CaseError;
use crate::db::audit::Actor;
use crate::db::quota;
use crate::db::Conn;
use crate::domain::hold::{CaseRef, QuotaClaim, Release};
use crate::domain::CountryCode;

pub use crate::db::quota::{Hold, HoldRow};

/// Writes a hold of the claim's units for `case`; its units count once [`Hold::take`]
/// runs, which answers `quota-exhausted` (Art. 33(2)) or `country-quota-exhausted`
/// (Art. 32(4)(2)) when too few are left. On an error from either the caller must roll
/// its transaction back.
pub fn hold(
    conn: &mut Conn,
    claim: &QuotaClaim,
    case: &CaseRef,
    actor: &Actor,
) -> Result<Hold, CaseError> {
    quota::hold(conn, claim, case, actor)
}

/// [`hold`] for a case whose checks read, in this transaction, that the claim's year is
/// sound and which country-of-origin quota the claim draws on (`country`, none when the
/// claim's country has none): nothing more is read.
pub fn hold_read(
    conn: &mut Conn,
    claim: &QuotaClaim,
    country: Option<CountryCode>,
    case: &CaseRef,
    actor: &Actor,
) -> Result<Hold, CaseError> {
    quota::hold_read(conn, claim, country, case, actor)
}

/// The permit was issued: the held units become used.
pub fn confirm(conn: &mut Conn, hold_id: i64, actor: &Actor) -> Result<HoldRow, CaseError> {
    quota::confirm(conn, hold_id, actor)
}

/// The units go back to the region, for the reason given.
pub fn release(
    conn: &mut Conn,
    hold_id: i64,
    why: Release,
    actor: &Actor,
) -> Result<HoldRow, CaseError> {
    quota::release(conn, hold_id, why, actor)
}
