//! The rows and the small statements every part of the quota shares: a region's and a
//! category's row, the ledger line every change writes, and the 409 of a concurrent insert.
//! The other files import this one and it imports none of them, so they form no cycle.

use crate::db::audit::Actor;
use crate::db::schema::{country_quotas, national_category_quotas, quota_ledger, regional_quotas};
use crate::db::{AnyConnection, Error};
use crate::domain::ledger::Movement;
use crate::domain::quota::{self, Allocation};
use crate::domain::{Category, CountryCode, Message, RegionCode};
use diesel::prelude::*;

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = regional_quotas)]
pub struct RegionalRow {
    pub year: i32,
    #[diesel(deserialize_as = String)]
    pub region: RegionCode,
    #[diesel(deserialize_as = String)]
    pub category: Category,
    pub allocated: i64,
    pub held: i64,
    pub used: i64,
}

impl RegionalRow {
    pub fn allocation(&self) -> Allocation {
        Allocation {
            allocated: self.allocated,
            held: self.held,
            used: self.used,
        }
    }
}

pub(super) fn regional_row(
    conn: &mut AnyConnection,
    year: i32,
    region: &str,
    category: Category,
) -> QueryResult<Option<RegionalRow>> {
    regional_quotas::table
        .find((year, region, category.code()))
        .select(RegionalRow::as_select())
        .first(conn)
        .optional()
}

pub(super) fn category_row(
    conn: &mut AnyConnection,
    year: i32,
    category: Category,
) -> Result<CategoryRow, Error> {
    national_category_quotas::table
        .find((year, category.code()))
        .select(CategoryRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| Error::from(quota::quota_not_set(year, category)))
}

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = national_category_quotas)]
pub struct CategoryRow {
    pub year: i32,
    #[diesel(deserialize_as = String)]
    pub category: Category,
    pub total: i64,
    pub distributed: i64,
}

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = country_quotas)]
pub struct CountryRow {
    pub year: i32,
    #[diesel(deserialize_as = String)]
    pub country: CountryCode,
    pub total: i64,
    pub held: i64,
    pub used: i64,
}

/// One line of the ledger.
pub(super) struct Line<'a> {
    pub(super) year: i32,
    pub(super) region: &'a str,
    pub(super) category: Category,
    pub(super) movement: Movement,
    pub(super) deltas: (i64, i64, i64),
    pub(super) hold_id: Option<i64>,
    pub(super) transfer_id: Option<i64>,
    pub(super) note: &'a str,
}

pub(super) fn ledger_line(conn: &mut AnyConnection, actor: &Actor, l: Line<'_>) -> QueryResult<()> {
    diesel::insert_into(quota_ledger::table)
        .values((
            quota_ledger::year.eq(l.year),
            quota_ledger::region.eq(l.region),
            quota_ledger::category.eq(l.category.code()),
            quota_ledger::movement.eq(l.movement.as_str()),
            quota_ledger::allocated_delta.eq(l.deltas.0),
            quota_ledger::held_delta.eq(l.deltas.1),
            quota_ledger::used_delta.eq(l.deltas.2),
            quota_ledger::hold_id.eq(l.hold_id),
            quota_ledger::transfer_id.eq(l.transfer_id),
            quota_ledger::note.eq(l.note),
            quota_ledger::occurred_at.eq(actor.at),
            quota_ledger::actor.eq(&actor.sub),
            quota_ledger::request_id.eq(&actor.request_id),
        ))
        .execute(conn)
        .map(drop)
}
/// A unique violation from a concurrent insert is a 409 the client can retry.
pub(super) fn concurrent_or(e: diesel::result::Error, detail: Message) -> Error {
    if crate::db::is_unique_violation(&e) {
        Error::conflict("changed-concurrently", detail)
    } else {
        Error::Db(e)
    }
}
