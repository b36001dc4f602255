//! Employers' quota demand for next year (Art. 32(5)) and the akimats' reviews of it.

use super::audit::Actor;
use super::schema::quota_demands;
use super::AnyConnection;
use crate::domain::quota::DemandOutcome;
use crate::domain::Category;
use chrono::NaiveDateTime;
use diesel::prelude::*;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = quota_demands)]
pub struct DemandRow {
    pub id: i64,
    pub year: i32,
    pub region: String,
    pub bin: String,
    pub category: String,
    pub profession: String,
    pub number: i64,
    pub justification: String,
    pub status: String,
    pub accepted_number: Option<i64>,
    pub review_reason: Option<String>,
    pub reviewed_by: Option<String>,
    pub reviewed_at: Option<NaiveDateTime>,
    pub filed_at: NaiveDateTime,
    pub filed_by: String,
    pub version: i64,
}

/// A demand as an employer files it.
#[derive(Debug, Clone)]
pub struct NewDemand<'a> {
    pub year: i32,
    pub region: &'a str,
    pub bin: &'a str,
    pub category: Category,
    pub profession: &'a str,
    pub number: i64,
    pub justification: &'a str,
}

pub fn file(conn: &mut AnyConnection, d: &NewDemand<'_>, actor: &Actor) -> QueryResult<DemandRow> {
    diesel::insert_into(quota_demands::table)
        .values((
            quota_demands::year.eq(d.year),
            quota_demands::region.eq(d.region),
            quota_demands::bin.eq(d.bin),
            quota_demands::category.eq(d.category.code()),
            quota_demands::profession.eq(d.profession),
            quota_demands::number.eq(d.number),
            quota_demands::justification.eq(d.justification),
            quota_demands::status.eq("filed"),
            quota_demands::filed_at.eq(actor.at),
            quota_demands::filed_by.eq(&actor.sub),
            quota_demands::version.eq(1),
        ))
        .returning(quota_demands::all_columns)
        .get_result(conn)
}

pub fn get(conn: &mut AnyConnection, id: i64) -> QueryResult<Option<DemandRow>> {
    quota_demands::table
        .find(id)
        .select(DemandRow::as_select())
        .first(conn)
        .optional()
}

/// Filters of the listing; `region` and `bin` also carry the caller's own scope.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub year: Option<i32>,
    pub region: Option<String>,
    pub bin: Option<String>,
    pub status: Option<String>,
    pub after_id: Option<i64>,
    pub limit: i64,
}

pub fn list(conn: &mut AnyConnection, f: &Filter) -> QueryResult<Vec<DemandRow>> {
    let mut q = quota_demands::table
        .select(DemandRow::as_select())
        .order(quota_demands::id)
        .limit(f.limit)
        .into_boxed();
    if let Some(y) = f.year {
        q = q.filter(quota_demands::year.eq(y));
    }
    if let Some(r) = &f.region {
        q = q.filter(quota_demands::region.eq(r));
    }
    if let Some(b) = &f.bin {
        q = q.filter(quota_demands::bin.eq(b));
    }
    if let Some(s) = &f.status {
        q = q.filter(quota_demands::status.eq(s));
    }
    if let Some(id) = f.after_id {
        q = q.filter(quota_demands::id.gt(id));
    }
    q.load(conn)
}

/// Every demand of a year, for the ministry's summary.
pub fn of_year(conn: &mut AnyConnection, year: i32) -> QueryResult<Vec<DemandRow>> {
    quota_demands::table
        .filter(quota_demands::year.eq(year))
        .select(DemandRow::as_select())
        .load(conn)
}

/// Records a review if the demand is still filed and at `version`; `None` when it is not.
pub fn review(
    conn: &mut AnyConnection,
    id: i64,
    version: i64,
    outcome: DemandOutcome,
    reason: Option<&str>,
    actor: &Actor,
) -> QueryResult<Option<DemandRow>> {
    let n = diesel::update(
        quota_demands::table
            .find(id)
            .filter(quota_demands::status.eq("filed"))
            .filter(quota_demands::version.eq(version)),
    )
    .set((
        quota_demands::status.eq(outcome.status),
        quota_demands::accepted_number.eq(outcome.accepted_number),
        quota_demands::review_reason.eq(reason),
        quota_demands::reviewed_by.eq(&actor.sub),
        quota_demands::reviewed_at.eq(actor.at),
        quota_demands::version.eq(version + 1),
    ))
    .execute(conn)?;
    if n == 0 {
        return Ok(None);
    }
    get(conn, id)
}
