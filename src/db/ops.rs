//! The aggregates the metrics endpoint reads at scrape time (issue 24): a few cheap
//! `GROUP BY` queries on indexed columns, on both databases. No row leaves with a name,
//! a passport number or a BIN: only counts per region and category.

use super::schema::{permit_regions, permits, regional_quotas};
use super::AnyConnection;
use chrono::NaiveDate;
use diesel::dsl::count_star;
use diesel::prelude::*;
use std::collections::BTreeMap;

// Applications awaiting decision are counted per region (of the decision) and category
// (of the permit).
diesel::allow_columns_to_appear_in_same_group_by_clause!(permit_regions::region, permits::category,);

/// A region's units of one category in one year: (year, region, category, allocated,
/// held, used).
pub type UnitsRow = (i32, String, String, i64, i64, i64);

/// The regional quota rows of the years `from..=to`.
pub fn regional_units(conn: &mut AnyConnection, from: i32, to: i32) -> QueryResult<Vec<UnitsRow>> {
    regional_quotas::table
        .filter(regional_quotas::year.between(from, to))
        .select((
            regional_quotas::year,
            regional_quotas::region,
            regional_quotas::category,
            regional_quotas::allocated,
            regional_quotas::held,
            regional_quotas::used,
        ))
        .order((
            regional_quotas::year,
            regional_quotas::region,
            regional_quotas::category,
        ))
        .load(conn)
}

/// Applications awaiting a region's decision, per (region, category, count); with
/// `overdue_on`, only those whose decision was due before that day.
pub fn awaiting_decision(
    conn: &mut AnyConnection,
    overdue_on: Option<NaiveDate>,
) -> QueryResult<Vec<(String, String, i64)>> {
    let pending = permit_regions::table
        .inner_join(permits::table)
        .filter(permit_regions::decision.eq("pending"))
        .filter(permits::status.eq(crate::domain::permit::PermitState::Applied.as_str()))
        .group_by((permit_regions::region, permits::category))
        .select((permit_regions::region, permits::category, count_star()));
    match overdue_on {
        None => pending.load(conn),
        Some(day) => pending.filter(permits::decision_due.lt(day)).load(conn),
    }
}

/// Workers whose departure is overdue on `today` (Art. 28(2)(8)), counted per kind of
/// permit (`permit`, `ict`), region and category: (kind, region, category, workers). A
/// permit's worker counts in every region the permit names (each region's akimat watches
/// it); an ICT permit has no quota category (`none`, Art. 32(3)).
pub type DeparturesRow = (&'static str, String, String, i64);

/// The overdue departures of [`DeparturesRow`], in (kind, region, category) order.
pub fn overdue_departures(
    conn: &mut AnyConnection,
    today: NaiveDate,
) -> QueryResult<Vec<DeparturesRow>> {
    let mut counts: BTreeMap<(&'static str, String, String), i64> = BTreeMap::new();
    let owed = super::permits::departures_owed(conn, None, today)?;
    let ids: Vec<i64> = owed.iter().map(|(_, p, _)| p.id).collect();
    let regions: Vec<(i64, String)> = permit_regions::table
        .filter(permit_regions::permit_id.eq_any(&ids))
        .select((permit_regions::permit_id, permit_regions::region))
        .load(conn)?;
    for (_, p, _) in &owed {
        for (_, region) in regions.iter().filter(|(id, _)| *id == p.id) {
            let key = ("permit", region.clone(), p.category.code().to_owned());
            *counts.entry(key).or_default() += 1;
        }
    }
    for (_, p) in super::ict::departures_owed(conn, None, today)? {
        let key = ("ict", p.region.as_str().to_owned(), "none".to_owned());
        *counts.entry(key).or_default() += 1;
    }
    Ok(counts
        .into_iter()
        .map(|((kind, region, category), n)| (kind, region, category, n))
        .collect())
}

/// A national category whose `distributed` is not the sum of its regions' allocations, or
/// exceeds its total: (year, category, total, distributed, sum of the regions).
pub type DistributionRow = (i32, String, i64, i64, i64);

/// The national categories whose figures the regions do not add up to (Art. 32: the
/// regions never get more than the nation's figure).
pub fn distribution_mismatches(conn: &mut AnyConnection) -> QueryResult<Vec<DistributionRow>> {
    use super::schema::national_category_quotas as n;
    let national: Vec<(i32, String, i64, i64)> = n::table
        .select((n::year, n::category, n::total, n::distributed))
        .load(conn)?;
    let sums: Vec<(i32, String, Option<i64>)> = regional_quotas::table
        .group_by((regional_quotas::year, regional_quotas::category))
        .select((
            regional_quotas::year,
            regional_quotas::category,
            diesel::dsl::sql::<diesel::sql_types::Nullable<diesel::sql_types::BigInt>>(
                "CAST(SUM(allocated) AS BIGINT)",
            ),
        ))
        .load(conn)?;
    Ok(national
        .into_iter()
        .filter_map(|(year, category, total, distributed)| {
            let sum = sums
                .iter()
                .find(|(y, c, _)| *y == year && *c == category)
                .and_then(|(_, _, s)| *s)
                .unwrap_or(0);
            (sum != distributed || distributed > total).then_some((
                year,
                category,
                total,
                distributed,
                sum,
            ))
        })
        .collect())
}

/// Rows per table the consistency report shows: (table, rows).
pub fn table_counts(conn: &mut AnyConnection) -> QueryResult<Vec<(&'static str, i64)>> {
    use super::schema::{audit_events, quota_holds, quota_ledger};
    Ok(vec![
        (
            "audit_events",
            audit_events::table.count().get_result(conn)?,
        ),
        ("permits", permits::table.count().get_result(conn)?),
        ("quota_holds", quota_holds::table.count().get_result(conn)?),
        (
            "quota_ledger",
            quota_ledger::table.count().get_result(conn)?,
        ),
    ])
}
