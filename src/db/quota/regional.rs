//! The split of a year's quota among the regions (Art. 6(2), 7(23), 9(5)).

use super::rows::{category_row, concurrent_or, ledger_line, regional_row, Line, RegionalRow};
use crate::db::audit::Actor;
use crate::db::schema::{national_category_quotas, regional_quotas};
use crate::db::{AnyConnection, Error};
use crate::domain::ledger::Movement;
use crate::domain::quota::{self, Allocation};
use crate::domain::{Category, Message, RegionCode};
use diesel::prelude::*;

/// The regions' rows of a year, optionally of one region, by region then category.
pub fn regional(
    conn: &mut AnyConnection,
    year: i32,
    region: Option<&str>,
) -> QueryResult<Vec<RegionalRow>> {
    let mut rows: Vec<RegionalRow> = match region {
        Some(r) => return regional_of(conn, year, r),
        None => regional_quotas::table
            .filter(regional_quotas::year.eq(year))
            .select(RegionalRow::as_select())
            .load(conn)?,
    };
    rows.sort_by(|a, b| (&a.region, a.category).cmp(&(&b.region, b.category)));
    Ok(rows)
}

/// One region's rows of a year, by category: one statement whose shape never changes, so
/// both backends keep it prepared (a boxed query is prepared anew on every call).
pub fn regional_of(
    conn: &mut AnyConnection,
    year: i32,
    region: &str,
) -> QueryResult<Vec<RegionalRow>> {
    let mut rows: Vec<RegionalRow> = regional_quotas::table
        .filter(regional_quotas::year.eq(year))
        .filter(regional_quotas::region.eq(region))
        .select(RegionalRow::as_select())
        .load(conn)?;
    rows.sort_by_key(|r| r.category);
    Ok(rows)
}

/// Moves the national `distributed` counter by `delta` within `0..=total`.
pub(super) fn move_distributed(
    conn: &mut AnyConnection,
    year: i32,
    category: Category,
    delta: i64,
) -> QueryResult<bool> {
    let n = diesel::update(
        national_category_quotas::table
            .find((year, category.code()))
            .filter(
                (national_category_quotas::distributed + delta).le(national_category_quotas::total),
            )
            .filter((national_category_quotas::distributed + delta).ge(0)),
    )
    .set(national_category_quotas::distributed.eq(national_category_quotas::distributed + delta))
    .execute(conn)?;
    Ok(n == 1)
}

/// Adds `units` to a region's allocation, creating its row if it has none.
pub(super) fn add_allocation(
    conn: &mut AnyConnection,
    year: i32,
    region: &str,
    category: Category,
    units: i64,
) -> Result<(), Error> {
    let n = diesel::update(regional_quotas::table.find((year, region, category.code())))
        .set(regional_quotas::allocated.eq(regional_quotas::allocated + units))
        .execute(conn)?;
    if n == 0 {
        insert_allocation(conn, year, region, category, units)?;
    }
    Ok(())
}

/// Creates a region's row for a category; one created concurrently is a 409.
fn insert_allocation(
    conn: &mut AnyConnection,
    year: i32,
    region: &str,
    category: Category,
    units: i64,
) -> Result<(), Error> {
    diesel::insert_into(regional_quotas::table)
        .values((
            regional_quotas::year.eq(year),
            regional_quotas::region.eq(region),
            regional_quotas::category.eq(category.code()),
            regional_quotas::allocated.eq(units),
            regional_quotas::held.eq(0),
            regional_quotas::used.eq(0),
        ))
        .execute(conn)
        .map(drop)
        .map_err(|e| concurrent_or(e, Message::new("conflict-allocation-changed")))
}

/// Sets a region's allocation of each listed category (Art. 6(2), 7(23), 9(5)).
/// Call inside a write transaction.
pub fn set_regional(
    conn: &mut AnyConnection,
    year: i32,
    region: &RegionCode,
    changes: &[(Category, i64)],
    note: &str,
    actor: &Actor,
) -> Result<Vec<RegionalRow>, Error> {
    super::check::ensure_sound(conn, year)?;
    let mut changes = changes.to_vec();
    changes.sort_by_key(|(c, _)| *c);
    // The national rows first, as the lock order requires; reads after them see what
    // every allocation that held them before has committed.
    for (category, _) in &changes {
        lock_national(conn, year, *category)?;
    }
    let mut violations = Vec::new();
    for (category, new) in &changes {
        let (current, reserve) = current_and_reserve(conn, year, region, *category)?;
        violations.extend(quota::check_regional_allocation(
            year, region, *category, current, *new, reserve,
        ));
    }
    if !violations.is_empty() {
        return Err(Error::rules(violations));
    }
    for (category, new) in changes {
        set_one(conn, year, region, category, new, note, actor)?;
    }
    Ok(regional(conn, year, Some(region.as_str()))?)
}

/// How many times an allocation re-reads and tries again when a transfer between regions
/// changed the row between its read and its compare-and-set.
const ALLOCATION_ATTEMPTS: usize = 5;

/// Sets one category's allocation to `new` (an absolute value): a compare-and-set on the
/// allocation read, retried a bounded number of times before a 409.
fn set_one(
    conn: &mut AnyConnection,
    year: i32,
    region: &RegionCode,
    category: Category,
    new: i64,
    note: &str,
    actor: &Actor,
) -> Result<(), Error> {
    for _ in 0..ALLOCATION_ATTEMPTS {
        let row = regional_row(conn, year, region.as_str(), category)?;
        let (current, reserve) = current_and_reserve(conn, year, region, category)?;
        let violations =
            quota::check_regional_allocation(year, region, category, current, new, reserve);
        if !violations.is_empty() {
            return Err(Error::rules(violations));
        }
        let delta = new - current.allocated;
        if delta == 0 {
            return Ok(());
        }
        if !move_distributed(conn, year, category, delta)? {
            continue;
        }
        let done = match row {
            Some(_) => {
                diesel::update(
                    regional_quotas::table
                        .find((year, region.as_str(), category.code()))
                        .filter(regional_quotas::allocated.eq(current.allocated))
                        .filter((regional_quotas::held + regional_quotas::used).le(new)),
                )
                .set(regional_quotas::allocated.eq(new))
                .execute(conn)?
                    == 1
            }
            None => {
                insert_allocation(conn, year, region.as_str(), category, new)?;
                true
            }
        };
        if !done {
            // Undo this attempt's move of the national counter and read again.
            move_distributed(conn, year, category, -delta)?;
            continue;
        }
        return Ok(ledger_line(
            conn,
            actor,
            Line {
                year,
                region: region.as_str(),
                category,
                movement: Movement::Allocation,
                deltas: (delta, 0, 0),
                hold_id: None,
                transfer_id: None,
                note,
            },
        )?);
    }
    Err(Error::conflict(
        "changed-concurrently",
        Message::new("conflict-allocation-changed"),
    ))
}

/// Takes the national category row's lock (a no-op UPDATE): the stand-in for
/// `SELECT … FOR UPDATE`, which the two-database connection cannot express.
fn lock_national(conn: &mut AnyConnection, year: i32, category: Category) -> Result<(), Error> {
    let n = diesel::update(national_category_quotas::table.find((year, category.code())))
        .set(national_category_quotas::distributed.eq(national_category_quotas::distributed))
        .execute(conn)?;
    if n == 0 {
        return Err(Error::from(quota::quota_not_set(year, category)));
    }
    Ok(())
}

/// The region's figures of a category and the national reserve, read now.
fn current_and_reserve(
    conn: &mut AnyConnection,
    year: i32,
    region: &RegionCode,
    category: Category,
) -> Result<(Allocation, i64), Error> {
    let national = category_row(conn, year, category)?;
    let current = regional_row(conn, year, region.as_str(), category)?
        .as_ref()
        .map(RegionalRow::allocation)
        .unwrap_or_default();
    Ok((current, national.total - national.distributed))
}
