//! The ledger check: a region's stored figures must be the sums of its ledger lines. Run
//! at start-up and by the ministry on demand; a year whose figures the ledger does not
//! explain is recorded as faulty and its quota refuses every write until a check passes.

use crate::db::schema::{quota_ledger, quota_year_faults, regional_quotas};
use crate::db::{AnyConnection, Error};
use crate::domain::Message;
use chrono::NaiveDateTime;
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::BigInt;
use std::collections::BTreeMap;

/// A regional row whose stored figures differ from the sums of its ledger lines.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LedgerMismatch {
    pub year: i32,
    pub region: String,
    pub category: String,
    /// The stored (allocated, held, used).
    pub stored: (i64, i64, i64),
    /// The sums of the ledger's (allocated, held, used) deltas.
    pub ledger: (i64, i64, i64),
}

type Key = (i32, String, String);

/// Compares every regional row of `year` (of every year when `None`) with its ledger
/// lines: one aggregate over the ledger, one read of the rows.
pub fn mismatches(conn: &mut AnyConnection, year: Option<i32>) -> QueryResult<Vec<LedgerMismatch>> {
    let mut lines = quota_ledger::table
        .group_by((
            quota_ledger::year,
            quota_ledger::region,
            quota_ledger::category,
        ))
        .select((
            quota_ledger::year,
            quota_ledger::region,
            quota_ledger::category,
            sql::<BigInt>("CAST(SUM(allocated_delta) AS BIGINT)"),
            sql::<BigInt>("CAST(SUM(held_delta) AS BIGINT)"),
            sql::<BigInt>("CAST(SUM(used_delta) AS BIGINT)"),
        ))
        .into_boxed();
    let mut rows = regional_quotas::table
        .select((
            regional_quotas::year,
            regional_quotas::region,
            regional_quotas::category,
            regional_quotas::allocated,
            regional_quotas::held,
            regional_quotas::used,
        ))
        .into_boxed();
    if let Some(y) = year {
        lines = lines.filter(quota_ledger::year.eq(y));
        rows = rows.filter(regional_quotas::year.eq(y));
    }
    let mut sums: BTreeMap<Key, (i64, i64, i64)> = lines
        .load::<(i32, String, String, i64, i64, i64)>(conn)?
        .into_iter()
        .map(|(y, r, c, a, h, u)| ((y, r, c), (a, h, u)))
        .collect();
    let mut out = Vec::new();
    for (y, r, c, a, h, u) in rows.load::<(i32, String, String, i64, i64, i64)>(conn)? {
        let ledger = sums.remove(&(y, r.clone(), c.clone())).unwrap_or_default();
        if ledger != (a, h, u) {
            out.push(LedgerMismatch {
                year: y,
                region: r,
                category: c,
                stored: (a, h, u),
                ledger,
            });
        }
    }
    // Lines of a row that no longer exists explain nothing.
    out.extend(sums.into_iter().map(|((y, r, c), ledger)| LedgerMismatch {
        year: y,
        region: r,
        category: c,
        stored: (0, 0, 0),
        ledger,
    }));
    out.sort_by(|a, b| (a.year, &a.region, &a.category).cmp(&(b.year, &b.region, &b.category)));
    Ok(out)
}

/// Runs the check for `year` (every year when `None`) and records the outcome: a year
/// with a mismatch is marked faulty (with its first mismatching row), a year without one
/// is cleared. Returns the mismatches.
pub fn check_and_record(
    conn: &mut AnyConnection,
    year: Option<i32>,
    at: NaiveDateTime,
) -> QueryResult<Vec<LedgerMismatch>> {
    let found = mismatches(conn, year)?;
    let mut clear = quota_year_faults::table.into_boxed();
    if let Some(y) = year {
        clear = clear.filter(quota_year_faults::year.eq(y));
    }
    let faulty: Vec<i32> = found.iter().map(|m| m.year).collect();
    let stale: Vec<i32> = clear
        .select(quota_year_faults::year)
        .load::<i32>(conn)?
        .into_iter()
        .filter(|y| !faulty.contains(y))
        .collect();
    diesel::delete(quota_year_faults::table.filter(quota_year_faults::year.eq_any(&stale)))
        .execute(conn)?;
    for m in &found {
        let known = quota_year_faults::table
            .find(m.year)
            .select(quota_year_faults::year)
            .first::<i32>(conn)
            .optional()?;
        if known.is_none() {
            diesel::insert_into(quota_year_faults::table)
                .values((
                    quota_year_faults::year.eq(m.year),
                    quota_year_faults::detail.eq(describe(m)),
                    quota_year_faults::found_at.eq(at),
                ))
                .execute(conn)?;
        }
    }
    Ok(found)
}

fn describe(m: &LedgerMismatch) -> String {
    format!(
        "{} category {}: stored allocated/held/used {:?}, ledger {:?}",
        m.region, m.category, m.stored, m.ledger
    )
}

/// What the last check found wrong with `year`'s figures, and when: `None` while they are
/// sound. Reads of the figures carry it, since the figures may be wrong.
pub fn fault(conn: &mut AnyConnection, year: i32) -> QueryResult<Option<(String, NaiveDateTime)>> {
    quota_year_faults::table
        .find(year)
        .select((quota_year_faults::detail, quota_year_faults::found_at))
        .first(conn)
        .optional()
}

/// Refuses a write to `year`'s quota while a check has found its figures unexplained.
pub fn ensure_sound(conn: &mut AnyConnection, year: i32) -> Result<(), Error> {
    let fault = quota_year_faults::table
        .find(year)
        .select(quota_year_faults::detail)
        .first::<String>(conn)
        .optional()?;
    sound(year, fault)
}

/// [`ensure_sound`] on the fault the caller read in this transaction (`detail`, none when
/// the year's figures are explained): 409 `quota-ledger-mismatch` when there is one.
pub fn sound(year: i32, fault: Option<String>) -> Result<(), Error> {
    match fault {
        None => Ok(()),
        Some(detail) => Err(Error::conflict(
            "quota-ledger-mismatch",
            Message::new("conflict-quota-ledger-mismatch")
                .arg("year", year)
                .text("row", detail),
        )),
    }
}
