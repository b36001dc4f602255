//! The yearly quota: national figures (Art. 32(4), 7(23)), the split among regions
//! (Art. 6(2), 7(23), 9(5)), transfers during the year, and the ledger behind the figures.
//! One file per sub-resource; the path extractors they share live in `path.rs`, the ledger
//! fault a read reports in `fault.rs`.

pub mod fault;
pub mod ledger;
pub mod national;
pub mod path;
pub mod regional;
pub mod transfers;

pub use crate::wire::quotas::fault::LedgerFaultView;
pub(crate) use fault::mark_fault;
pub use fault::LEDGER_CHECK_HEADER;
pub(crate) use path::year_of;
pub use path::{RegionPath, YearPath};
