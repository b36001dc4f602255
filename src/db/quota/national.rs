//! The year's national quota (Art. 32(4), 7(23)): versions set by the ministry.

use super::rows::{category_row, concurrent_or, CategoryRow, CountryRow};
use crate::db::audit::Actor;
use crate::db::schema::{
    countries, country_quotas, national_category_quotas, national_quota_versions, national_quotas,
};
use crate::db::{AnyConnection, Error};
use crate::domain::quota::{self, CountryPlan, NationalQuotaPlan, QuotaComponent};
use crate::domain::ProblemCode;
use crate::domain::{Category, CountryCode, Message, Refusal, Violation};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use rust_decimal::Decimal;

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
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

/// A year's national quota as it stands.
#[derive(Debug, Clone, serde::Serialize)]
pub struct NationalQuota {
    #[serde(flatten)]
    pub head: NationalRow,
    pub categories: Vec<CategoryRow>,
    pub countries: Vec<CountryRow>,
}

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
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
    categories.sort_by_key(|c| c.category);
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
/// for the history. With `expected` (the caller's `If-Match`), the version replaced is the
/// one named, checked by the conditional UPDATE itself, so two writers holding the same
/// version cannot both succeed. Returns the quota before and after. Call inside a write
/// transaction.
pub fn set_national(
    conn: &mut AnyConnection,
    cmd: &SetNational,
    expected: Option<i64>,
    actor: &Actor,
    snapshot: impl Fn(&NationalQuota) -> Result<String, serde_json::Error>,
) -> Result<(Option<NationalQuota>, NationalQuota), Error> {
    // Rows are locked in key order, as everywhere in this module.
    let mut cmd = cmd.clone();
    cmd.categories.sort_by_key(|(c, _)| *c);
    cmd.countries.sort_by(|a, b| a.0.cmp(&b.0));
    let cmd = &cmd;
    super::check::ensure_sound(conn, cmd.year)?;
    let before = national(conn, cmd.year)?;
    let current = before.as_ref().map_or(0, |b| b.head.version);
    if expected.is_some_and(|e| e != current) {
        return Err(Error::Refused(Refusal::Stale { current }));
    }
    let permit_total = quota::share_of_labour_force(cmd.labour_force, cmd.permit_percent)
        .ok_or_else(|| Error::from(quota::share_out_of_range(QuotaComponent::Permits)))?;
    let immigrant_total = quota::share_of_labour_force(cmd.labour_force, cmd.immigrant_percent)
        .ok_or_else(|| Error::from(quota::share_out_of_range(QuotaComponent::LabourImmigrants)))?;
    let distributed = |c: Category| {
        before
            .as_ref()
            .and_then(|b| b.categories.iter().find(|r| r.category == c))
            .map_or(0, |r| r.distributed)
    };
    let taken = |country: &str| {
        before
            .as_ref()
            .and_then(|b| b.countries.iter().find(|r| r.country.as_str() == country))
            .map_or(0, |r| r.held + r.used)
    };
    let mut plan_countries = Vec::new();
    for (country, number) in &cmd.countries {
        let flags: Option<(bool, bool)> = countries::table
            .find(country.as_str())
            .select((countries::labour_migration_treaty, countries::eaeu_member))
            .first(conn)
            .optional()?;
        let Some((treaty, eaeu)) = flags else {
            return Err(Error::from(
                Violation::service_rule(ProblemCode::UnknownCountry).text("country", country),
            ));
        };
        plan_countries.push(CountryPlan {
            country: country.clone(),
            number: *number,
            taken: taken(country.as_str()),
            treaty,
            eaeu,
        });
    }
    // Country quotas that the new version drops must have nothing held or used.
    if let Some(b) = &before {
        for row in &b.countries {
            if !cmd.countries.iter().any(|(c, _)| *c == row.country) {
                plan_countries.push(CountryPlan {
                    country: row.country.clone(),
                    number: 0,
                    taken: row.held + row.used,
                    treaty: true,
                    eaeu: false,
                });
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
        return Err(Error::rules(violations));
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
                .map_err(|e| concurrent_or(e, Message::new("conflict-quota-set-concurrently")))?;
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
                // Another version was set between the read above and this UPDATE.
                if expected.is_some() {
                    let current = national(conn, cmd.year)?.map_or(0, |n| n.head.version);
                    return Err(Error::Refused(Refusal::Stale { current }));
                }
                return Err(Error::conflict(
                    "changed-concurrently",
                    Message::new("conflict-quota-set-concurrently"),
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
                .is_some_and(|b| b.categories.iter().any(|r| r.category == *category));
            if exists {
                let distributed = category_row(conn, cmd.year, *category)?.distributed;
                return Err(Error::from(quota::below_distributed(
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
                .map_err(|e| concurrent_or(e, Message::new("conflict-quota-set-concurrently")))?;
        }
    }
    if let Some(b) = &before {
        for row in &b.countries {
            if !cmd.countries.iter().any(|(c, _)| *c == row.country) {
                let n = diesel::delete(
                    country_quotas::table
                        .find((cmd.year, row.country.as_str()))
                        .filter(country_quotas::held.eq(0))
                        .filter(country_quotas::used.eq(0)),
                )
                .execute(conn)?;
                if n == 0 {
                    return Err(Error::conflict(
                        "changed-concurrently",
                        Message::new("conflict-country-quota-taken").text("country", &row.country),
                    ));
                }
            }
        }
    }
    let after = national(conn, cmd.year)?.ok_or_else(|| {
        Error::not_found(Message::new("not-found-quota-year").arg("year", cmd.year))
    })?;
    diesel::insert_into(national_quota_versions::table)
        .values((
            national_quota_versions::year.eq(cmd.year),
            national_quota_versions::version.eq(version),
            national_quota_versions::body.eq(snapshot(&after)?),
            national_quota_versions::created_at.eq(actor.at),
            national_quota_versions::created_by.eq(&actor.sub),
        ))
        .execute(conn)?;
    Ok((before, after))
}
