//! The wire types of `src/api/quotas/`, one file per sub-resource as there.

pub mod fault;
pub mod ledger;
pub mod national;
pub mod regional;
pub mod transfers;
