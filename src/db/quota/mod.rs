//! The quota in the database: the national figures, the regions' allocations, transfers,
//! and the consumption ledger that cases draw on. Every change is a conditional UPDATE
//! whose affected-row count is checked (DESIGN principle 3) and a line in `quota_ledger`.
//! Rows are always touched in one order — national, then regions by code, then
//! countries — so concurrent transactions on PostgreSQL cannot deadlock.

mod check;
mod ledger;
mod national;
mod regional;
mod transfers;

pub use check::{check_and_record, ensure_sound, fault, mismatches, LedgerMismatch};
pub use ledger::{confirm, hold, ledger, release, Hold, HoldRow, LedgerRow};
pub use national::{
    national, national_versions, set_national, CategoryRow, CountryRow, NationalQuota, NationalRow,
    SetNational, VersionRow,
};
pub use regional::{regional, regional_of, set_regional, RegionalRow};
pub use transfers::{transfer, transfers, Transfer, TransferRow};

use super::Error;
use crate::domain::Message;

/// A unique violation from a concurrent insert is a 409 the client can retry.
fn concurrent_or(e: diesel::result::Error, detail: Message) -> Error {
    if super::is_unique_violation(&e) {
        Error::conflict("changed-concurrently", detail)
    } else {
        Error::Db(e)
    }
}
