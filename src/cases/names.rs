//! The names a page shows beside the codes it holds: employers by the name their profile
//! in force gives them, officials by the display name their identity provider gave them.

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

/// The display names of the officials `subs` (sign-in subjects), by subject; one who never
/// signed in through the identity provider is left out (the page shows the subject).
pub fn officials(conn: &mut Conn, subs: &[String]) -> Result<BTreeMap<String, String>, CaseError> {
    let mut unique: Vec<String> = subs.to_vec();
    unique.sort();
    unique.dedup();
    Ok(db::officials::names(conn, &unique)?.into_iter().collect())
}

/// Keeps `name` as the display name of the official `sub`, who signed in `at`.
pub fn remember_official(
    conn: &mut Conn,
    sub: &str,
    name: &str,
    at: chrono::NaiveDateTime,
) -> Result<(), CaseError> {
    Ok(db::officials::remember(conn, sub, name, at)?)
}
