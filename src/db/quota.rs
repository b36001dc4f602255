//! The quota in the database: the national figures, the regions' allocations, transfers,
//! and the consumption ledger that permits draw on. Every change is a conditional UPDATE
//! whose affected-row count is checked (DESIGN principle 3) and a line in `quota_ledger`.
//! Rows are always touched in one order — national, then regions by code, then
//! countries — so concurrent transactions on PostgreSQL cannot deadlock.

use super::audit::Actor;
use super::schema::{
    countries, country_quotas, national_category_quotas, national_quota_versions, national_quotas,
    quota_holds, quota_ledger, quota_transfers, regional_quotas,
};
use super::AnyConnection;
use crate::domain::quota::{self, Allocation, NationalQuotaPlan, Pool};
use crate::domain::{Category, CountryCode, RegionCode, Violation};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use rust_decimal::Decimal;

/// Why a quota operation did not happen.
#[derive(Debug, thiserror::Error)]
pub enum QuotaError {
    #[error("a rule refuses the change")]
    Rule(Vec<Violation>),
    #[error("{0}")]
    NotFound(String),
    #[error("{1}")]
    Conflict(&'static str, String),
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

fn rule(v: Violation) -> QuotaError {
    QuotaError::Rule(vec![v])
}

fn category_of(code: &str) -> Result<Category, diesel::result::Error> {
    Category::from_code(code).ok_or_else(|| {
        diesel::result::Error::DeserializationError(format!("unknown category {code}").into())
    })
}

// ---------------------------------------------------------------- national quota

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = national_quotas)]
pub struct NationalRow {
    pub year: i32,
    pub version: i64,
    pub labour_force: i64,
    pub labour_force_source: String,
    pub permit_percent: String,
    pub permit_total: i64,
    pub immigrant_percent: String,
    pub immigrant_total: i64,
    pub order_number: String,
    pub order_date: NaiveDate,
    pub updated_at: NaiveDateTime,
    pub updated_by: String,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = national_category_quotas)]
pub struct CategoryRow {
    pub year: i32,
    pub category: String,
    pub total: i64,
    pub distributed: i64,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = country_quotas)]
pub struct CountryRow {
    pub year: i32,
    pub country: String,
    pub total: i64,
    pub held: i64,
    pub used: i64,
}

/// A year's national quota as it stands.
#[derive(Debug, Clone)]
pub struct NationalQuota {
    pub head: NationalRow,
    pub categories: Vec<CategoryRow>,
    pub countries: Vec<CountryRow>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = national_quota_versions)]
pub struct VersionRow {
    pub year: i32,
    pub version: i64,
    pub body: String,
    pub created_at: NaiveDateTime,
    pub created_by: String,
}

/// A new version of a year's national quota, as the ministry sets it.
#[derive(Debug, Clone)]
pub struct SetNational {
    pub year: i32,
    pub labour_force: i64,
    pub labour_force_source: String,
    pub permit_percent: Decimal,
    pub immigrant_percent: Decimal,
    pub categories: Vec<(Category, i64)>,
    pub countries: Vec<(CountryCode, i64)>,
    pub order_number: String,
    pub order_date: NaiveDate,
}

pub fn national(conn: &mut AnyConnection, year: i32) -> QueryResult<Option<NationalQuota>> {
    let Some(head) = national_quotas::table
        .find(year)
        .select(NationalRow::as_select())
        .first(conn)
        .optional()?
    else {
        return Ok(None);
    };
    let mut categories: Vec<CategoryRow> = national_category_quotas::table
        .filter(national_category_quotas::year.eq(year))
        .select(CategoryRow::as_select())
        .load(conn)?;
    categories.sort_by_key(|c| Category::from_code(&c.category));
    let countries = country_quotas::table
        .filter(country_quotas::year.eq(year))
        .order(country_quotas::country)
        .select(CountryRow::as_select())
        .load(conn)?;
    Ok(Some(NationalQuota {
        head,
        categories,
        countries,
    }))
}

pub fn national_versions(conn: &mut AnyConnection, year: i32) -> QueryResult<Vec<VersionRow>> {
    national_quota_versions::table
        .filter(national_quota_versions::year.eq(year))
        .order(national_quota_versions::version)
        .select(VersionRow::as_select())
        .load(conn)
}

/// Sets a new version of the year's national quota; `snapshot` renders the stored version
/// for the history. Call inside a write transaction.
pub fn set_national(
    conn: &mut AnyConnection,
    cmd: &SetNational,
    actor: &Actor,
    snapshot: impl Fn(&NationalQuota) -> String,
) -> Result<NationalQuota, QuotaError> {
    // Rows are locked in key order, as everywhere in this module.
    let mut cmd = cmd.clone();
    cmd.categories.sort_by_key(|(c, _)| *c);
    cmd.countries.sort_by(|a, b| a.0.cmp(&b.0));
    let cmd = &cmd;
    let before = national(conn, cmd.year)?;
    let permit_total = quota::share_of_labour_force(cmd.labour_force, cmd.permit_percent)
        .ok_or_else(|| rule(quota::share_out_of_range("permit", "Art. 32(4)(1)")))?;
    let immigrant_total = quota::share_of_labour_force(cmd.labour_force, cmd.immigrant_percent)
        .ok_or_else(|| {
            rule(quota::share_out_of_range(
                "labour-immigrant",
                "Art. 32(4)(3)",
            ))
        })?;
    let distributed = |c: Category| {
        before
            .as_ref()
            .and_then(|b| b.categories.iter().find(|r| r.category == c.code()))
            .map_or(0, |r| r.distributed)
    };
    let taken = |country: &str| {
        before
            .as_ref()
            .and_then(|b| b.countries.iter().find(|r| r.country == country))
            .map_or(0, |r| r.held + r.used)
    };
    let mut plan_countries = Vec::new();
    for (country, number) in &cmd.countries {
        let treaty: Option<bool> = countries::table
            .find(country.as_str())
            .select(countries::labour_migration_treaty)
            .first(conn)
            .optional()?;
        let Some(treaty) = treaty else {
            return Err(QuotaError::NotFound(format!(
                "no country {country} in the reference data"
            )));
        };
        plan_countries.push((country.clone(), *number, taken(country.as_str()), treaty));
    }
    // Country quotas that the new version drops must have nothing held or used.
    if let Some(b) = &before {
        for row in &b.countries {
            if !cmd.countries.iter().any(|(c, _)| c.as_str() == row.country) {
                let country: CountryCode = row
                    .country
                    .parse()
                    .map_err(|_| QuotaError::NotFound(row.country.clone()))?;
                plan_countries.push((country, 0, row.held + row.used, true));
            }
        }
    }
    let plan = NationalQuotaPlan {
        year: cmd.year,
        permit_total,
        categories: cmd
            .categories
            .iter()
            .map(|(c, n)| (*c, *n, distributed(*c)))
            .collect(),
        countries: plan_countries,
    };
    let violations = quota::check_national_quota(&plan);
    if !violations.is_empty() {
        return Err(QuotaError::Rule(violations));
    }

    let version = before.as_ref().map_or(1, |b| b.head.version + 1);
    let head = (
        national_quotas::version.eq(version),
        national_quotas::labour_force.eq(cmd.labour_force),
        national_quotas::labour_force_source.eq(&cmd.labour_force_source),
        national_quotas::permit_percent.eq(cmd.permit_percent.normalize().to_string()),
        national_quotas::permit_total.eq(permit_total),
        national_quotas::immigrant_percent.eq(cmd.immigrant_percent.normalize().to_string()),
        national_quotas::immigrant_total.eq(immigrant_total),
        national_quotas::order_number.eq(&cmd.order_number),
        national_quotas::order_date.eq(cmd.order_date),
        national_quotas::updated_at.eq(actor.at),
        national_quotas::updated_by.eq(&actor.sub),
    );
    match &before {
        None => {
            diesel::insert_into(national_quotas::table)
                .values((national_quotas::year.eq(cmd.year), head))
                .execute(conn)
                .map_err(|e| concurrent_or(e, "the year's quota was set concurrently"))?;
        }
        Some(b) => {
            let n = diesel::update(
                national_quotas::table
                    .find(cmd.year)
                    .filter(national_quotas::version.eq(b.head.version)),
            )
            .set(head)
            .execute(conn)?;
            if n == 0 {
                return Err(QuotaError::Conflict(
                    "changed-concurrently",
                    "the year's quota changed while this version was being set; read it again"
                        .into(),
                ));
            }
        }
    }
    for (category, total) in &cmd.categories {
        let n = diesel::update(
            national_category_quotas::table
                .find((cmd.year, category.code()))
                .filter(national_category_quotas::distributed.le(*total)),
        )
        .set(national_category_quotas::total.eq(*total))
        .execute(conn)?;
        if n == 0 {
            let exists = before
                .as_ref()
                .is_some_and(|b| b.categories.iter().any(|r| r.category == category.code()));
            if exists {
                let distributed = category_row(conn, cmd.year, *category)?.distributed;
                return Err(rule(quota::below_distributed(
                    *category,
                    *total,
                    distributed,
                )));
            }
            diesel::insert_into(national_category_quotas::table)
                .values((
                    national_category_quotas::year.eq(cmd.year),
                    national_category_quotas::category.eq(category.code()),
                    national_category_quotas::total.eq(*total),
                    national_category_quotas::distributed.eq(0),
                ))
                .execute(conn)?;
        }
    }
    for (country, total) in &cmd.countries {
        let n = diesel::update(
            country_quotas::table
                .find((cmd.year, country.as_str()))
                .filter((country_quotas::held + country_quotas::used).le(*total)),
        )
        .set(country_quotas::total.eq(*total))
        .execute(conn)?;
        if n == 0 {
            diesel::insert_into(country_quotas::table)
                .values((
                    country_quotas::year.eq(cmd.year),
                    country_quotas::country.eq(country.as_str()),
                    country_quotas::total.eq(*total),
                    country_quotas::held.eq(0),
                    country_quotas::used.eq(0),
                ))
                .execute(conn)
                .map_err(|e| concurrent_or(e, "the country quota changed concurrently"))?;
        }
    }
    if let Some(b) = &before {
        for row in &b.countries {
            if !cmd.countries.iter().any(|(c, _)| c.as_str() == row.country) {
                let n = diesel::delete(
                    country_quotas::table
                        .find((cmd.year, row.country.as_str()))
                        .filter(country_quotas::held.eq(0))
                        .filter(country_quotas::used.eq(0)),
                )
                .execute(conn)?;
                if n == 0 {
                    return Err(QuotaError::Conflict(
                        "changed-concurrently",
                        format!("units of the {} quota were taken concurrently", row.country),
                    ));
                }
            }
        }
    }
    let after = national(conn, cmd.year)?
        .ok_or_else(|| QuotaError::NotFound(format!("no quota for {}", cmd.year)))?;
    diesel::insert_into(national_quota_versions::table)
        .values((
            national_quota_versions::year.eq(cmd.year),
            national_quota_versions::version.eq(version),
            national_quota_versions::body.eq(snapshot(&after)),
            national_quota_versions::created_at.eq(actor.at),
            national_quota_versions::created_by.eq(&actor.sub),
        ))
        .execute(conn)?;
    Ok(after)
}

fn concurrent_or(e: diesel::result::Error, what: &str) -> QuotaError {
    if super::is_unique_violation(&e) {
        QuotaError::Conflict("changed-concurrently", what.to_owned())
    } else {
        QuotaError::Db(e)
    }
}

// ---------------------------------------------------------------- regions

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = regional_quotas)]
pub struct RegionalRow {
    pub year: i32,
    pub region: String,
    pub category: String,
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

/// The regions' rows of a year, optionally of one region, by region then category.
pub fn regional(
    conn: &mut AnyConnection,
    year: i32,
    region: Option<&str>,
) -> QueryResult<Vec<RegionalRow>> {
    let mut q = regional_quotas::table
        .filter(regional_quotas::year.eq(year))
        .select(RegionalRow::as_select())
        .into_boxed();
    if let Some(r) = region {
        q = q.filter(regional_quotas::region.eq(r.to_owned()));
    }
    let mut rows: Vec<RegionalRow> = q.load(conn)?;
    rows.sort_by(|a, b| {
        (&a.region, Category::from_code(&a.category))
            .cmp(&(&b.region, Category::from_code(&b.category)))
    });
    Ok(rows)
}

fn regional_row(
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

fn category_row(
    conn: &mut AnyConnection,
    year: i32,
    category: Category,
) -> Result<CategoryRow, QuotaError> {
    national_category_quotas::table
        .find((year, category.code()))
        .select(CategoryRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| rule(quota::quota_not_set(year, category)))
}

/// Moves the national `distributed` counter by `delta` within `0..=total`.
fn move_distributed(
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

/// One line of the ledger.
struct Line<'a> {
    year: i32,
    region: &'a str,
    category: Category,
    movement: &'a str,
    deltas: (i64, i64, i64),
    hold_id: Option<i64>,
    transfer_id: Option<i64>,
    note: &'a str,
}

fn ledger_line(conn: &mut AnyConnection, actor: &Actor, l: Line<'_>) -> QueryResult<()> {
    diesel::insert_into(quota_ledger::table)
        .values((
            quota_ledger::year.eq(l.year),
            quota_ledger::region.eq(l.region),
            quota_ledger::category.eq(l.category.code()),
            quota_ledger::movement.eq(l.movement),
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

/// Adds `units` to a region's allocation, creating its row if it has none.
fn add_allocation(
    conn: &mut AnyConnection,
    year: i32,
    region: &str,
    category: Category,
    units: i64,
) -> Result<(), QuotaError> {
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
) -> Result<(), QuotaError> {
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
        .map_err(|e| concurrent_or(e, "the region's allocation changed concurrently"))
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
) -> Result<Vec<RegionalRow>, QuotaError> {
    let mut changes = changes.to_vec();
    changes.sort_by_key(|(c, _)| *c);
    let mut violations = Vec::new();
    let mut plan = Vec::new();
    for (category, new) in &changes {
        let national = category_row(conn, year, *category)?;
        let row = regional_row(conn, year, region.as_str(), *category)?;
        let current = row
            .as_ref()
            .map(RegionalRow::allocation)
            .unwrap_or_default();
        let reserve = national.total - national.distributed;
        violations.extend(quota::check_regional_allocation(
            year, region, *category, current, *new, reserve,
        ));
        plan.push((*category, row.is_some(), current, *new));
    }
    if !violations.is_empty() {
        return Err(QuotaError::Rule(violations));
    }
    let changed_concurrently = || {
        QuotaError::Conflict(
            "changed-concurrently",
            "the allocation changed while it was being set; read it again".into(),
        )
    };
    for (category, existed, current, new) in plan {
        let delta = new - current.allocated;
        if delta == 0 {
            continue;
        }
        if !move_distributed(conn, year, category, delta)? {
            return Err(changed_concurrently());
        }
        if existed {
            // Compare-and-set on the allocation read above: a concurrent change is a 409.
            let n = diesel::update(
                regional_quotas::table
                    .find((year, region.as_str(), category.code()))
                    .filter(regional_quotas::allocated.eq(current.allocated))
                    .filter((regional_quotas::held + regional_quotas::used).le(new)),
            )
            .set(regional_quotas::allocated.eq(new))
            .execute(conn)?;
            if n == 0 {
                return Err(changed_concurrently());
            }
        } else {
            insert_allocation(conn, year, region.as_str(), category, new)?;
        }
        ledger_line(
            conn,
            actor,
            Line {
                year,
                region: region.as_str(),
                category,
                movement: "allocation",
                deltas: (delta, 0, 0),
                hold_id: None,
                transfer_id: None,
                note,
            },
        )?;
    }
    Ok(regional(conn, year, Some(region.as_str()))?)
}

// ---------------------------------------------------------------- transfers

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = quota_transfers)]
pub struct TransferRow {
    pub id: i64,
    pub year: i32,
    pub category: String,
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
) -> Result<i64, QuotaError> {
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
) -> Result<TransferRow, QuotaError> {
    let Transfer {
        year,
        category,
        from,
        to,
        units,
        reason,
    } = *t;
    let available = unused_at(conn, year, category, from)?;
    let violations = quota::check_transfer(year, category, from, to, units, available);
    if !violations.is_empty() {
        return Err(QuotaError::Rule(violations));
    }
    // A concurrent change took the units between the check above and the UPDATE below:
    // refuse with what is left now.
    let exceeded = |conn: &mut AnyConnection| -> QuotaError {
        match unused_at(conn, year, category, from) {
            Ok(left) => rule(quota::transfer_exceeds_unused(
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
                    "transfer_out"
                } else {
                    "transfer_in"
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

// ---------------------------------------------------------------- the consumption ledger

/// Units a case asks to hold: the interface permits draw on.
#[derive(Debug, Clone)]
pub struct HoldRequest<'a> {
    pub year: i32,
    pub region: &'a RegionCode,
    pub category: Category,
    /// The worker's citizenship; counted against its country-of-origin quota when it has one.
    pub country: Option<&'a CountryCode>,
    pub units: i64,
    /// The case holding the units, e.g. `permit:42`; one hold per case.
    pub case_ref: &'a str,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = quota_holds)]
pub struct HoldRow {
    pub id: i64,
    pub year: i32,
    pub region: String,
    pub category: String,
    pub country: Option<String>,
    pub units: i64,
    pub case_ref: String,
    pub state: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// Holds units for a case (Art. 33(2)): one conditional UPDATE that succeeds only while
/// `held + used + units <= allocated`, and the same for the country-of-origin quota in the
/// same transaction. The hold and its ledger line are written first and the contended
/// regional row last, so its lock is held only until the commit (the January rush).
/// Call inside a write transaction; on error, roll it back.
pub fn hold(
    conn: &mut AnyConnection,
    req: &HoldRequest<'_>,
    actor: &Actor,
) -> Result<HoldRow, QuotaError> {
    let (year, region, category, units) = (req.year, req.region.as_str(), req.category, req.units);
    if !(1..=i64::from(i32::MAX)).contains(&units) {
        return Err(QuotaError::Conflict(
            "invalid-units",
            "a hold needs a positive number of units".into(),
        ));
    }
    let row: HoldRow = diesel::insert_into(quota_holds::table)
        .values((
            quota_holds::year.eq(year),
            quota_holds::region.eq(region),
            quota_holds::category.eq(category.code()),
            quota_holds::country.eq(None::<&str>),
            quota_holds::units.eq(units),
            quota_holds::case_ref.eq(req.case_ref),
            quota_holds::state.eq("held"),
            quota_holds::created_at.eq(actor.at),
            quota_holds::updated_at.eq(actor.at),
        ))
        .returning(quota_holds::all_columns)
        .get_result(conn)
        .map_err(|e| match e {
            e if super::is_unique_violation(&e) => QuotaError::Conflict(
                "case-already-holds-quota",
                format!("{} already holds quota", req.case_ref),
            ),
            // The hold references the regional row: none means nothing was allocated.
            diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::ForeignKeyViolation,
                _,
            ) => rule(quota::quota_exhausted(
                year,
                req.region,
                category,
                Allocation::default(),
                units,
            )),
            e => QuotaError::Db(e),
        })?;
    ledger_line(
        conn,
        actor,
        Line {
            year,
            region,
            category,
            movement: "hold",
            deltas: (0, units, 0),
            hold_id: Some(row.id),
            transfer_id: None,
            note: req.case_ref,
        },
    )?;
    let n = diesel::update(
        regional_quotas::table
            .find((year, region, category.code()))
            .filter(
                (regional_quotas::held + regional_quotas::used + units)
                    .le(regional_quotas::allocated),
            ),
    )
    .set(regional_quotas::held.eq(regional_quotas::held + units))
    .execute(conn)?;
    if n == 0 {
        let left = regional_row(conn, year, region, category)?
            .map(|r| r.allocation())
            .unwrap_or_default();
        return Err(rule(quota::quota_exhausted(
            year, req.region, category, left, units,
        )));
    }
    // The country-of-origin quota, if the worker's country has one, decided by the
    // conditional UPDATE itself rather than by a read before it.
    let Some(country) = req.country else {
        return Ok(row);
    };
    let n =
        diesel::update(country_quotas::table.find((year, country.as_str())).filter(
            (country_quotas::held + country_quotas::used + units).le(country_quotas::total),
        ))
        .set(country_quotas::held.eq(country_quotas::held + units))
        .execute(conn)?;
    if n == 0 {
        return match country_quotas::table
            .find((year, country.as_str()))
            .select(CountryRow::as_select())
            .first(conn)
            .optional()?
        {
            Some(r) => Err(rule(quota::country_quota_exhausted(
                year,
                country,
                r.total - r.held - r.used,
                units,
            ))),
            None => Ok(row),
        };
    }
    Ok(diesel::update(quota_holds::table.find(row.id))
        .set(quota_holds::country.eq(country.as_str()))
        .returning(quota_holds::all_columns)
        .get_result(conn)?)
}

/// Why held or used units go back to the region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Release {
    Refused,
    Withdrawn,
    LapsedUnpaid,
    Revoked,
    Returned,
}

impl Release {
    /// Whether the units come back from used (an issued permit revoked or returned,
    /// Art. 33(2)) rather than from held (a decision that never became a permit).
    pub fn from_used(self) -> bool {
        matches!(self, Release::Revoked | Release::Returned)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Release::Refused => "refused",
            Release::Withdrawn => "withdrawn",
            Release::LapsedUnpaid => "lapsed_unpaid",
            Release::Revoked => "revoked",
            Release::Returned => "returned",
        }
    }
}

fn hold_row(conn: &mut AnyConnection, id: i64) -> Result<HoldRow, QuotaError> {
    quota_holds::table
        .find(id)
        .select(HoldRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| QuotaError::NotFound(format!("no quota hold {id}")))
}

/// Moves a hold's state with a compare-and-set, refusing a second move.
fn move_hold(
    conn: &mut AnyConnection,
    h: &HoldRow,
    to: &str,
    at: NaiveDateTime,
) -> Result<(), QuotaError> {
    let n = diesel::update(
        quota_holds::table
            .find(h.id)
            .filter(quota_holds::state.eq(&h.state)),
    )
    .set((quota_holds::state.eq(to), quota_holds::updated_at.eq(at)))
    .execute(conn)?;
    if n == 0 {
        return Err(QuotaError::Conflict(
            "hold-state-changed",
            format!("quota hold {} is no longer {}", h.id, h.state),
        ));
    }
    Ok(())
}

/// Shifts a hold's units between the region's (and country's) held and used figures.
fn shift(conn: &mut AnyConnection, h: &HoldRow, held: i64, used: i64) -> QueryResult<()> {
    diesel::update(regional_quotas::table.find((h.year, &h.region, &h.category)))
        .set((
            regional_quotas::held.eq(regional_quotas::held + held),
            regional_quotas::used.eq(regional_quotas::used + used),
        ))
        .execute(conn)?;
    if let Some(country) = &h.country {
        diesel::update(country_quotas::table.find((h.year, country)))
            .set((
                country_quotas::held.eq(country_quotas::held + held),
                country_quotas::used.eq(country_quotas::used + used),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Confirms held units as used: the permit was issued (its fee paid).
pub fn confirm(
    conn: &mut AnyConnection,
    hold_id: i64,
    actor: &Actor,
) -> Result<HoldRow, QuotaError> {
    let h = hold_row(conn, hold_id)?;
    if h.state != "held" {
        return Err(QuotaError::Conflict(
            "hold-state-changed",
            format!("quota hold {hold_id} is {}, not held", h.state),
        ));
    }
    move_hold(conn, &h, "confirmed", actor.at)?;
    shift(conn, &h, -h.units, h.units)?;
    ledger_line(
        conn,
        actor,
        Line {
            year: h.year,
            region: &h.region,
            category: category_of(&h.category)?,
            movement: "confirm",
            deltas: (0, -h.units, h.units),
            hold_id: Some(h.id),
            transfer_id: None,
            note: &h.case_ref,
        },
    )?;
    hold_row(conn, hold_id)
}

/// Gives a hold's units back to the region: from held when the case was refused,
/// withdrawn or lapsed unpaid; from used when the permit was revoked or returned.
pub fn release(
    conn: &mut AnyConnection,
    hold_id: i64,
    why: Release,
    actor: &Actor,
) -> Result<HoldRow, QuotaError> {
    let h = hold_row(conn, hold_id)?;
    let (held, used) = match (h.state.as_str(), why.from_used()) {
        ("held", false) => (-h.units, 0),
        ("confirmed", true) => (0, -h.units),
        ("released", _) => {
            return Err(QuotaError::Conflict(
                "hold-state-changed",
                format!("quota hold {hold_id} was already released"),
            ))
        }
        (state, _) => {
            return Err(QuotaError::Conflict(
                "release-reason-mismatch",
                format!("a {state} hold cannot be released as {}", why.as_str()),
            ))
        }
    };
    move_hold(conn, &h, "released", actor.at)?;
    shift(conn, &h, held, used)?;
    ledger_line(
        conn,
        actor,
        Line {
            year: h.year,
            region: &h.region,
            category: category_of(&h.category)?,
            movement: why.as_str(),
            deltas: (0, held, used),
            hold_id: Some(h.id),
            transfer_id: None,
            note: &h.case_ref,
        },
    )?;
    hold_row(conn, hold_id)
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = quota_ledger)]
pub struct LedgerRow {
    pub id: i64,
    pub year: i32,
    pub region: String,
    pub category: String,
    pub movement: String,
    pub allocated_delta: i64,
    pub held_delta: i64,
    pub used_delta: i64,
    pub hold_id: Option<i64>,
    pub transfer_id: Option<i64>,
    pub note: String,
    pub occurred_at: NaiveDateTime,
    pub actor: String,
    pub request_id: String,
}

/// Ledger lines of a year, oldest first, optionally of one region and category.
pub fn ledger(
    conn: &mut AnyConnection,
    year: i32,
    region: Option<&str>,
    category: Option<Category>,
    after_id: Option<i64>,
    limit: i64,
) -> QueryResult<Vec<LedgerRow>> {
    let mut q = quota_ledger::table
        .filter(quota_ledger::year.eq(year))
        .order(quota_ledger::id)
        .limit(limit)
        .select(LedgerRow::as_select())
        .into_boxed();
    if let Some(r) = region {
        q = q.filter(quota_ledger::region.eq(r.to_owned()));
    }
    if let Some(c) = category {
        q = q.filter(quota_ledger::category.eq(c.code()));
    }
    if let Some(id) = after_id {
        q = q.filter(quota_ledger::id.gt(id));
    }
    q.load(conn)
}
