//! Employers' quota demand for next year (Art. 32(5)) and the akimats' reviews of it.

use super::audit::Actor;
use super::schema::quota_demands;
use super::AnyConnection;
use crate::domain::demand::{DemandOutcome, DemandState};
use crate::domain::{Category, EmployerId, RegionCode};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// A demand as stored, typed at the edge: a stored value the domain does not know fails
/// the query (and is logged) instead of reaching a handler.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = quota_demands)]
pub struct DemandRow {
    pub id: i64,
    pub year: i32,
    #[diesel(deserialize_as = String)]
    pub region: RegionCode,
    #[diesel(deserialize_as = String)]
    pub bin: EmployerId,
    #[diesel(deserialize_as = String)]
    pub category: Category,
    pub profession: String,
    pub number: i64,
    pub justification: String,
    #[diesel(deserialize_as = String)]
    #[serde(serialize_with = "state_str")]
    pub status: DemandState,
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
    pub region: &'a RegionCode,
    pub bin: &'a EmployerId,
    pub category: Category,
    pub profession: &'a str,
    pub number: i64,
    pub justification: &'a str,
}

pub fn file(conn: &mut AnyConnection, d: &NewDemand<'_>, actor: &Actor) -> QueryResult<DemandRow> {
    diesel::insert_into(quota_demands::table)
        .values((
            quota_demands::year.eq(d.year),
            quota_demands::region.eq(d.region.as_str()),
            quota_demands::bin.eq(d.bin.as_str()),
            quota_demands::category.eq(d.category.code()),
            quota_demands::profession.eq(d.profession),
            quota_demands::number.eq(d.number),
            quota_demands::justification.eq(d.justification),
            quota_demands::status.eq(DemandState::Filed.as_str()),
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
    pub region: Option<RegionCode>,
    pub bin: Option<EmployerId>,
    pub status: Option<DemandState>,
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
        q = q.filter(quota_demands::region.eq(r.as_str()));
    }
    if let Some(b) = &f.bin {
        q = q.filter(quota_demands::bin.eq(b.as_str()));
    }
    if let Some(s) = &f.status {
        q = q.filter(quota_demands::status.eq(s.as_str()));
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

/// Records a review if the demand is still in the state `from` and at `version`; `None`
/// when it is not.
pub fn review(
    conn: &mut AnyConnection,
    id: i64,
    from: DemandState,
    version: i64,
    outcome: DemandOutcome,
    reason: Option<&str>,
    actor: &Actor,
) -> QueryResult<Option<DemandRow>> {
    let n = diesel::update(
        quota_demands::table
            .find(id)
            .filter(quota_demands::status.eq(from.as_str()))
            .filter(quota_demands::version.eq(version)),
    )
    .set((
        quota_demands::status.eq(outcome.state.as_str()),
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

fn state_str<S: serde::Serializer>(state: &DemandState, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(state.as_str())
}
