//! Commands: every state-changing use of the service, one function each, between the
//! edges (`api`, the console, scheduled jobs) and `{domain, db}`. A command runs inside the
//! caller's write transaction: load rows → pure domain rule → conditional writes → audit
//! event. It returns a [`CaseError`], never an HTTP answer; the edge renders it.
//!
//! Access is the edge's to decide, but some of it can only be decided on the loaded case
//! (its region, its employer): commands that load a case take an `access` check, called
//! before anything about the case is revealed or changed.

pub mod certificates;
pub mod demands;
pub mod documents;
pub mod eligibility;
pub mod employers;
pub mod ict;
pub mod ledger;
pub mod permits;
pub mod quota;
pub mod rulesets;
pub mod statistics;

pub use crate::db::Error as CaseError;
