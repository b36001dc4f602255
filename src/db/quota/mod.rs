//! The quota in the database: the national figures, the regions' allocations, transfers,
//! and the consumption ledger that cases draw on. Every change is a conditional UPDATE
//! whose affected-row count is checked (DESIGN principle 3) and a line in `quota_ledger`.
//! Rows are always touched in one order — national, then regions by code, then
//! countries — so concurrent transactions on PostgreSQL cannot deadlock.

mod check;
mod ledger;
mod national;
mod regional;
mod rows;
mod transfers;

pub use check::{check_and_record, ensure_sound, fault, mismatches, sound, LedgerMismatch};
pub use ledger::{confirm, hold, hold_read, ledger, release, Hold, HoldRow, LedgerRow};
pub use national::{
    national, national_versions, set_national, NationalQuota, NationalRow, SetNational, VersionRow,
};
pub use regional::{regional, regional_of, set_regional};
pub use rows::{CategoryRow, CountryRow, RegionalRow};
pub use transfers::{transfer, transfers, Transfer, TransferRow};
