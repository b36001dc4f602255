//! The names a page shows beside the codes it holds: employers by the name their profile
//! in force gives them.

use crate::cases::CaseError;
use crate::db::{self, Conn};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// The names of the employers `bins` by their profile in force on `today`, by BIN; an
/// employer with no profile yet is left out (the page shows its BIN alone).
pub fn employers(
    conn: &mut Conn,
    bins: &[String],
    today: NaiveDate,
) -> Result<BTreeMap<String, String>, CaseError> {
    let mut unique: Vec<&String> = bins.iter().collect();
    unique.sort();
    unique.dedup();
    let mut names = BTreeMap::new();
    for bin in unique {
        if let Some(p) = db::permits::profile_on(conn, bin, today)? {
            names.insert(bin.clone(), p.name);
        }
    }
    Ok(names)
}
