//! What the route finder asks of a permit's worker beyond the employer, position and
//! education (Art. 32(2)(9)-(11)), kept beside `permit_workers` (at diesel's 16 columns).

use super::schema::permit_worker_routes as r;
use super::AnyConnection;
use diesel::prelude::*;

/// A worker's route facts as stored.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = r)]
pub struct RouteRow {
    pub worker_id: i64,
    /// The worker permanently resides in Kazakhstan (Art. 32(2)(9)).
    pub permanent_resident: bool,
    /// The first head of a branch or representative office (Art. 32(2)(10)).
    pub first_head: bool,
    /// The category of the Government's list of persons who need no permit (Art. 32(2)(11)).
    pub no_permit_list_category: Option<String>,
}

/// Stores a worker's route facts.
pub fn insert(conn: &mut AnyConnection, row: &RouteRow) -> QueryResult<usize> {
    diesel::insert_into(r::table).values(row).execute(conn)
}

/// The route facts stored for any of `workers`.
pub fn of_workers(conn: &mut AnyConnection, workers: &[i64]) -> QueryResult<Vec<RouteRow>> {
    r::table
        .filter(r::worker_id.eq_any(workers))
        .select(RouteRow::as_select())
        .load(conn)
}
