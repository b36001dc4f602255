//! Commands: every state-changing use of the service, one function each, between the
//! edges (`api`, the console, scheduled jobs) and `{domain, db}`. A command runs inside the
//! caller's write transaction: load rows → pure domain rule → conditional writes → audit
//! event. It returns a [`CaseError`], never an HTTP answer; the edge renders it.
//!
//! Access is the edge's to decide, but some of it can only be decided on the loaded case
//! (its region, its employer): commands that load a case take an `access` check, called
//! before anything about the case is revealed or changed.

pub mod audit;
pub mod case_page;
pub mod certificates;
pub mod complaint;
pub mod cursor;
pub mod demands;
pub mod documents;
pub mod egress;
pub mod eligibility;
pub mod employers;
pub mod events;
pub mod follow;
pub mod ict;
pub mod idempotency;
pub mod ledger;
pub mod lifecycle;
pub mod names;
pub mod permit;
pub mod quota;
pub mod ratio;
pub mod reference;
pub mod reports;
pub mod rulesets;
pub mod sessions;
pub mod statistics;

pub use crate::db::Error as CaseError;
/// The permit commands by the path the edges call them by (`cases::permits::decide`).
pub use permit as permits;

use crate::db::Conn;
use crate::domain::violation::Message;
use crate::domain::{Refusal, RegionCode};

/// The regions a request names (by the path to each in it, e.g. `regions[1]`) must be
/// regions of the reference data: the unknown ones are refused together, each a bad value
/// of its field (422). A path that names a missing region is a missing resource instead
/// (404, [`quota::ensure_region`]). This asks the database; [`known_regions_by`] is the
/// same rule over any lookup (the API asks the token verifier's cached set).
pub fn known_regions<'a>(
    conn: &mut Conn,
    named: impl IntoIterator<Item = (String, &'a RegionCode)>,
) -> Result<(), CaseError> {
    known_regions_by(named, |region| {
        Ok(crate::db::reference::region_exists(conn, region.as_str())?)
    })
}

/// The rule of [`known_regions`], with `knows` answering whether a region is seeded.
pub fn known_regions_by<'a>(
    named: impl IntoIterator<Item = (String, &'a RegionCode)>,
    mut knows: impl FnMut(&RegionCode) -> Result<bool, CaseError>,
) -> Result<(), CaseError> {
    let mut unknown = Vec::new();
    for (field, region) in named {
        if !knows(region)? {
            unknown.push((field, Message::new("unknown-region").text("region", region)));
        }
    }
    if unknown.is_empty() {
        Ok(())
    } else {
        Err(CaseError::Refused(Refusal::UnknownValues(unknown)))
    }
}
