//! Redistributions of a year's quota during the year (Art. 7(23) with the Art. 6(2) rules).

use super::regional::{add_allocation, move_distributed};
use super::rows::{category_row, ledger_line, regional_row, Line};
use crate::db::audit::Actor;
use crate::db::schema::{quota_transfers, regional_quotas};
use crate::db::{AnyConnection, Error};
use crate::domain::ledger::Movement;
use crate::domain::quota::{self, Pool};
use crate::domain::Category;
use chrono::NaiveDateTime;
use diesel::prelude::*;

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = quota_transfers)]
pub struct TransferRow {
    pub id: i64,
    pub year: i32,
    #[diesel(deserialize_as = String)]
    pub category: Category,
    pub from_region: Option<String>,
    pub to_region: Option<String>,
    pub units: i64,
    pub reason: String,
    pub created_at: NaiveDateTime,
    pub created_by: String,
}

/// Units a transfer could take from `from`: the reserve, or a region's unused units.
fn unused_at(
    conn: &mut AnyConnection,
    year: i32,
    category: Category,
    from: &Pool,
) -> Result<i64, Error> {
    Ok(match from {
        Pool::Reserve => {
            let national = category_row(conn, year, category)?;
            national.total - national.distributed
        }
        Pool::Region(r) => {
            category_row(conn, year, category)?;
            regional_row(conn, year, r.as_str(), category)?
                .map(|r| r.allocation().available())
                .unwrap_or(0)
        }
    })
}

/// A redistribution the ministry orders.
#[derive(Debug, Clone)]
pub struct Transfer<'a> {
    pub year: i32,
    pub category: Category,
    pub from: &'a Pool,
    pub to: &'a Pool,
    pub units: i64,
    pub reason: &'a str,
}

/// Moves unused units between two regions or a region and the reserve (Art. 7(23)).
/// Call inside a write transaction.
pub fn transfer(
    conn: &mut AnyConnection,
    t: &Transfer<'_>,
    actor: &Actor,
) -> Result<TransferRow, Error> {
    let Transfer {
        year,
        category,
        from,
        to,
        units,
        reason,
    } = *t;
    super::check::ensure_sound(conn, year)?;
    let available = unused_at(conn, year, category, from)?;
    let violations = quota::check_transfer(year, category, from, to, units, available);
    if !violations.is_empty() {
        return Err(Error::rules(violations));
    }
    // A concurrent change took the units between the check above and the UPDATE below:
    // refuse with what is left now.
    let exceeded = |conn: &mut AnyConnection| -> Error {
        match unused_at(conn, year, category, from) {
            Ok(left) => Error::from(quota::transfer_exceeds_unused(
                year, category, from, units, left,
            )),
            Err(e) => e,
        }
    };
    let reserve_delta = match (from, to) {
        (Pool::Reserve, _) => units,
        (_, Pool::Reserve) => -units,
        _ => 0,
    };
    if reserve_delta != 0 && !move_distributed(conn, year, category, reserve_delta)? {
        return Err(exceeded(conn));
    }
    let region_of = |p: &Pool| match p {
        Pool::Region(r) => Some(r.as_str().to_owned()),
        Pool::Reserve => None,
    };
    let (from_region, to_region) = (region_of(from), region_of(to));
    let mut ends: Vec<(&str, i64)> = Vec::new();
    if let Some(r) = &from_region {
        ends.push((r, -units));
    }
    if let Some(r) = &to_region {
        ends.push((r, units));
    }
    ends.sort();
    for (region, delta) in &ends {
        if *delta < 0 {
            let n = diesel::update(
                regional_quotas::table
                    .find((year, *region, category.code()))
                    .filter(
                        (regional_quotas::allocated - units)
                            .ge(regional_quotas::held + regional_quotas::used),
                    ),
            )
            .set(regional_quotas::allocated.eq(regional_quotas::allocated - units))
            .execute(conn)?;
            if n == 0 {
                return Err(exceeded(conn));
            }
        } else {
            add_allocation(conn, year, region, category, units)?;
        }
    }
    let id: i64 = diesel::insert_into(quota_transfers::table)
        .values((
            quota_transfers::year.eq(year),
            quota_transfers::category.eq(category.code()),
            quota_transfers::from_region.eq(&from_region),
            quota_transfers::to_region.eq(&to_region),
            quota_transfers::units.eq(units),
            quota_transfers::reason.eq(reason),
            quota_transfers::created_at.eq(actor.at),
            quota_transfers::created_by.eq(&actor.sub),
        ))
        .returning(quota_transfers::id)
        .get_result(conn)?;
    for (region, delta) in &ends {
        ledger_line(
            conn,
            actor,
            Line {
                year,
                region,
                category,
                movement: if *delta < 0 {
                    Movement::TransferOut
                } else {
                    Movement::TransferIn
                },
                deltas: (*delta, 0, 0),
                hold_id: None,
                transfer_id: Some(id),
                note: reason,
            },
        )?;
    }
    Ok(quota_transfers::table
        .find(id)
        .select(TransferRow::as_select())
        .first(conn)?)
}

/// Transfers of a year, optionally those touching one region, oldest first.
pub fn transfers(
    conn: &mut AnyConnection,
    year: i32,
    region: Option<&str>,
    after_id: Option<i64>,
    limit: i64,
) -> QueryResult<Vec<TransferRow>> {
    let mut q = quota_transfers::table
        .filter(quota_transfers::year.eq(year))
        .order(quota_transfers::id)
        .limit(limit)
        .select(TransferRow::as_select())
        .into_boxed();
    if let Some(r) = region {
        q = q.filter(
            quota_transfers::from_region
                .eq(r.to_owned())
                .or(quota_transfers::to_region.eq(r.to_owned())),
        );
    }
    if let Some(id) = after_id {
        q = q.filter(quota_transfers::id.gt(id));
    }
    q.load(conn)
}
