//! The yearly quota: national figures (Art. 32(4), 7(23)), the split among regions
//! (Art. 6(2), 7(23), 9(5)), transfers during the year, and the ledger behind the figures.

use super::extract::{region_param, Body, IdempotencyKey, IfMatch, Query, RequestId};
use super::idempotency::{create, etag, Created};
use super::page::{split, PageQuery};
use super::{narrowed, AppState};
use crate::auth::{authorize, Action, Caller, Scope};
use crate::db::{audit, quota as q, reference};
use crate::domain::quota::Pool;
use crate::domain::{Category, CountryCode, RegionCode};
use crate::error::{ApiError, FieldError, Problem};
use actix_web::http::header;
use actix_web::{get, post, put, web, HttpResponse};
use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

/// Years the service accepts in paths.
const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

pub(crate) fn year_of(y: i32) -> Result<i32, ApiError> {
    if YEARS.contains(&y) {
        Ok(y)
    } else {
        Err(ApiError::Malformed {
            detail: format!("year {y} is outside 2000-2100"),
            errors: vec![FieldError::new("year", "must be between 2000 and 2100")],
        })
    }
}

fn ensure_region(conn: &mut crate::db::Conn, region: &RegionCode) -> Result<(), ApiError> {
    if reference::region_exists(conn, region.as_str())? {
        Ok(())
    } else {
        Err(ApiError::not_found(format!("no region {region}")))
    }
}

// ---------------------------------------------------------------- request and response types

/// A category's number in a quota.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CategoryNumber {
    /// Worker category the number is for.
    pub category: Category,
    /// Workers of this category, at least 0.
    #[validate(range(min = 0, max = 10_000_000))]
    #[schema(example = 5893, minimum = 0, maximum = 10_000_000)]
    pub number: i64,
}

/// A country-of-origin quota (Art. 32(4)(2)).
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CountryNumber {
    /// ISO 3166-1 alpha-3 code of a treaty partner.
    #[schema(example = "UZB", pattern = "^[A-Z]{3}$")]
    pub country: String,
    /// Workers from the country, at least 0 (Art. 32(4)(2)).
    #[validate(range(min = 0, max = 10_000_000))]
    #[schema(example = 1000, minimum = 0, maximum = 10_000_000)]
    pub number: i64,
}

/// The ministry's order that sets or changes the quota.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MinistryOrder {
    /// Number of the order.
    #[validate(length(min = 1, max = 100))]
    #[schema(example = "Order No. 412", min_length = 1, max_length = 100)]
    pub number: String,
    /// Date of the order.
    pub date: NaiveDate,
}

/// A new version of a year's national quota (Art. 32(4), 7(23)).
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NationalQuotaRequest {
    /// Forecast labour force (employed plus unemployed, Art. 1(11)) the quota is a share of.
    #[validate(range(min = 1, max = 100_000_000))]
    #[schema(example = 7_300_000, minimum = 1, maximum = 100_000_000)]
    pub labour_force: i64,
    /// Where the labour-force figure comes from.
    #[validate(length(min = 1, max = 500))]
    #[schema(
        example = "Bureau of National Statistics, forecast for 2026",
        min_length = 1,
        max_length = 500
    )]
    pub labour_force_source: String,
    /// Percentage of the labour force for permits to employers (Art. 32(4)(1)).
    #[serde(with = "rust_decimal::serde::str")]
    #[schema(value_type = String, example = "0.25", pattern = "^[0-9]{1,3}(\\.[0-9]+)?$")]
    pub permit_percent: Decimal,
    /// The permit quota by worker category; every category once. Their sum may not exceed
    /// the permit quota.
    #[validate(nested)]
    pub categories: Vec<CategoryNumber>,
    /// Percentage of the labour force for labour immigrants (Art. 32(4)(3)), recorded for
    /// the ministry's statistics.
    #[serde(with = "rust_decimal::serde::str")]
    #[schema(value_type = String, example = "2.9", pattern = "^[0-9]{1,3}(\\.[0-9]+)?$")]
    pub labour_immigrant_percent: Decimal,
    /// Country-of-origin quotas, only for treaty partners (Art. 32(4)(2)).
    #[serde(default)]
    #[validate(length(max = 250), nested)]
    #[schema(max_items = 250)]
    pub country_quotas: Vec<CountryNumber>,
    /// The ministry's order that sets or changes the quota (Art. 7(23)).
    #[validate(nested)]
    pub order: MinistryOrder,
}

/// A category of the national quota with its utilization across the regions.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct NationalCategoryView {
    /// Worker category of these figures.
    pub category: Category,
    /// The national figure.
    pub total: i64,
    /// Allocated to regions.
    pub distributed: i64,
    /// Not distributed: the national reserve.
    pub reserve: i64,
    /// Held by decisions awaiting payment, all regions.
    pub pending: i64,
    /// Used by issued permits, all regions.
    pub used: i64,
    /// Distributed and neither pending nor used.
    pub available: i64,
}

/// A country-of-origin quota and its use.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CountryQuotaView {
    /// ISO 3166-1 alpha-3 code of the treaty partner (Art. 32(4)(2)).
    #[schema(example = "UZB")]
    pub country: String,
    /// The country-of-origin quota set for the year (Art. 32(4)(2)).
    pub total: i64,
    /// Held by decisions awaiting payment.
    pub pending: i64,
    /// Used by issued permits.
    pub used: i64,
    /// total − pending − used.
    pub available: i64,
}

/// A year's national quota as it stands.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct NationalQuotaView {
    /// The quota year.
    #[schema(example = 2026)]
    pub year: i32,
    /// Version of the quota; also its `ETag`.
    pub version: i64,
    /// Forecast labour force the quota is a share of (employed plus unemployed, Art. 1(11)).
    pub labour_force: i64,
    /// Where the labour-force figure comes from.
    pub labour_force_source: String,
    /// Percentage of the labour force for permits to employers, decimal (Art. 32(4)(1)).
    #[schema(example = "0.25")]
    pub permit_percent: String,
    /// The permit quota: `permit_percent` of the labour force, rounded down.
    pub permit_total: i64,
    /// Percentage of the labour force for labour immigrants, decimal (Art. 32(4)(3)).
    #[schema(example = "2.9")]
    pub labour_immigrant_percent: String,
    /// The labour-immigrant quota, rounded down.
    pub labour_immigrant_total: i64,
    /// The ministry's order that set this version (Art. 7(23)).
    pub order: MinistryOrder,
    /// The permit quota per worker category with its use across the regions (Art. 32(4)(1)).
    pub categories: Vec<NationalCategoryView>,
    /// Country-of-origin quotas with their use (Art. 32(4)(2)).
    pub country_quotas: Vec<CountryQuotaView>,
    /// When the current version was set (UTC).
    pub updated_at: DateTime<Utc>,
    /// Token subject of the ministry user who set the current version.
    pub updated_by: String,
}

impl NationalQuotaView {
    fn new(n: &q::NationalQuota, regions: &[q::RegionalRow]) -> Self {
        let h = &n.head;
        NationalQuotaView {
            year: h.year,
            version: h.version,
            labour_force: h.labour_force,
            labour_force_source: h.labour_force_source.clone(),
            permit_percent: h.permit_percent.clone(),
            permit_total: h.permit_total,
            labour_immigrant_percent: h.immigrant_percent.clone(),
            labour_immigrant_total: h.immigrant_total,
            order: MinistryOrder {
                number: h.order_number.clone(),
                date: h.order_date,
            },
            categories: n
                .categories
                .iter()
                .filter_map(|c| {
                    let category = Category::from_code(&c.category)?;
                    let of = regions.iter().filter(|r| r.category == c.category);
                    let (pending, used) = of.fold((0, 0), |(p, u), r| (p + r.held, u + r.used));
                    Some(NationalCategoryView {
                        category,
                        total: c.total,
                        distributed: c.distributed,
                        reserve: c.total - c.distributed,
                        pending,
                        used,
                        available: c.distributed - pending - used,
                    })
                })
                .collect(),
            country_quotas: n
                .countries
                .iter()
                .map(|c| CountryQuotaView {
                    country: c.country.clone(),
                    total: c.total,
                    pending: c.held,
                    used: c.used,
                    available: c.total - c.held - c.used,
                })
                .collect(),
            updated_at: h.updated_at.and_utc(),
            updated_by: h.updated_by.clone(),
        }
    }
}

/// One stored version of a year's quota.
#[derive(Debug, Serialize, ToSchema)]
pub struct NationalQuotaVersionView {
    /// Version number: 1 for the year's first, then one above the previous.
    pub version: i64,
    /// When this version was set (UTC).
    pub created_at: DateTime<Utc>,
    /// Token subject of the ministry user who set this version.
    pub created_by: String,
    /// The quota as this version set it.
    #[schema(value_type = NationalQuotaView)]
    pub quota: serde_json::Value,
}

/// A region's figures for one category.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RegionalCategoryView {
    /// Worker category of these figures.
    pub category: Category,
    /// Allocated to the region by the ministry.
    pub allocated: i64,
    /// Held by decisions awaiting payment.
    pub pending: i64,
    /// Used by issued permits.
    pub used: i64,
    /// allocated − pending − used.
    pub available: i64,
}

/// A region's quota for a year, every category.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RegionalQuotaView {
    /// The quota year.
    pub year: i32,
    /// ISO 3166-2:KZ code of the region.
    #[schema(example = "KZ-75")]
    pub region: String,
    /// The region's figures for every worker category.
    pub categories: Vec<RegionalCategoryView>,
}

fn regional_views(
    year: i32,
    regions: &[String],
    rows: &[q::RegionalRow],
) -> Vec<RegionalQuotaView> {
    regions
        .iter()
        .map(|region| RegionalQuotaView {
            year,
            region: region.clone(),
            categories: Category::ALL
                .into_iter()
                .map(|category| {
                    let a = rows
                        .iter()
                        .find(|r| &r.region == region && r.category == category.code())
                        .map(q::RegionalRow::allocation)
                        .unwrap_or_default();
                    RegionalCategoryView {
                        category,
                        allocated: a.allocated,
                        pending: a.held,
                        used: a.used,
                        available: a.available(),
                    }
                })
                .collect(),
        })
        .collect()
}

/// A category's new allocation for the region.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CategoryAllocation {
    /// Worker category whose allocation is set.
    pub category: Category,
    /// The region's new allocation of the category, not below what it holds and uses (Art. 7(23)).
    #[validate(range(min = 0, max = 10_000_000))]
    #[schema(example = 50, minimum = 0, maximum = 10_000_000)]
    pub allocated: i64,
}

/// Sets the region's allocation of the listed categories; others stay as they are.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegionalAllocationRequest {
    /// The categories to set, each at most once.
    #[validate(length(min = 1, max = 5), nested)]
    #[schema(min_items = 1, max_items = 5)]
    pub categories: Vec<CategoryAllocation>,
    /// Why, e.g. the order's number.
    #[validate(length(min = 1, max = 1000))]
    #[schema(
        example = "Distribution per Order No. 412",
        min_length = 1,
        max_length = 1000
    )]
    pub reason: String,
}

/// Moves unused units between two regions, or a region and the national reserve.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TransferRequest {
    /// Worker category whose units move.
    pub category: Category,
    /// Region giving the units; absent or null for the national reserve.
    #[serde(default)]
    #[schema(example = "KZ-71", pattern = "^KZ-[0-9]{2}$")]
    pub from_region: Option<String>,
    /// Region receiving the units; absent or null for the national reserve.
    #[serde(default)]
    #[schema(example = "KZ-75", pattern = "^KZ-[0-9]{2}$")]
    pub to_region: Option<String>,
    /// Unused units (workers) to move.
    #[validate(range(min = 1, max = 10_000_000))]
    #[schema(example = 10, minimum = 1, maximum = 10_000_000)]
    pub units: i64,
    /// Why the units move, e.g. the akimat's request or the order's number.
    #[validate(length(min = 1, max = 1000))]
    #[schema(
        example = "Unused in Astana, requested by Almaty akimat",
        min_length = 1,
        max_length = 1000
    )]
    pub reason: String,
}

/// A redistribution of quota during the year.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TransferView {
    /// Identifier of the transfer.
    pub id: i64,
    /// The quota year.
    pub year: i32,
    /// Worker category whose units moved.
    pub category: Category,
    /// Null: the national reserve.
    pub from_region: Option<String>,
    /// Null: the national reserve.
    pub to_region: Option<String>,
    /// Units (workers) moved.
    pub units: i64,
    /// Why the units moved.
    pub reason: String,
    /// When the transfer was made (UTC).
    pub created_at: DateTime<Utc>,
    /// Token subject of the ministry user who made the transfer.
    pub created_by: String,
}

impl TryFrom<q::TransferRow> for TransferView {
    type Error = ApiError;
    fn try_from(t: q::TransferRow) -> Result<Self, ApiError> {
        Ok(TransferView {
            id: t.id,
            year: t.year,
            category: Category::from_code(&t.category).ok_or(ApiError::Internal)?,
            from_region: t.from_region,
            to_region: t.to_region,
            units: t.units,
            reason: t.reason,
            created_at: t.created_at.and_utc(),
            created_by: t.created_by,
        })
    }
}

/// A page of transfers.
#[derive(Debug, Serialize, ToSchema)]
pub struct TransferPage {
    /// The transfers on this page, oldest first.
    pub items: Vec<TransferView>,
    /// Pass as `cursor` for the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

/// One movement of units; a region's figures are the sums of its lines.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LedgerLineView {
    /// Identifier of the line; ids ascend in the order lines were written.
    pub id: i64,
    /// The quota year.
    pub year: i32,
    /// ISO 3166-2:KZ code of the region whose figures moved.
    pub region: String,
    /// Worker category whose figures moved.
    pub category: Category,
    /// allocation, transfer_in, transfer_out, hold, confirm, refused, withdrawn,
    /// lapsed_unpaid, revoked or returned.
    #[schema(example = "hold")]
    pub movement: String,
    /// Change of the allocated figure.
    pub allocated_delta: i64,
    /// Change of the pending (held) figure.
    pub pending_delta: i64,
    /// Change of the used figure (issued permits).
    pub used_delta: i64,
    /// The hold (case) the line belongs to.
    pub hold_id: Option<i64>,
    /// The transfer the line belongs to (`transfer_in`, `transfer_out`); null otherwise.
    pub transfer_id: Option<i64>,
    /// The reason or the case reference.
    pub note: String,
    /// When the movement happened (UTC).
    pub occurred_at: DateTime<Utc>,
    /// Token subject that caused the movement.
    pub actor: String,
    /// `X-Request-Id` of the request that caused the movement.
    pub request_id: String,
}

/// A page of ledger lines.
#[derive(Debug, Serialize, ToSchema)]
pub struct LedgerPage {
    /// The ledger lines on this page, oldest first.
    pub items: Vec<LedgerLineView>,
    /// Pass as `cursor` for the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LedgerQuery {
    /// Only this region (an akimat always gets its own).
    #[param(pattern = "^KZ-[0-9]{2}$")]
    pub region: Option<String>,
    /// Only this category.
    pub category: Option<Category>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TransferQuery {
    /// Only transfers from or to this region (an akimat always gets its own).
    #[param(pattern = "^KZ-[0-9]{2}$")]
    pub region: Option<String>,
}

// ---------------------------------------------------------------- national quota

impl NationalQuotaRequest {
    /// Parses the request into the command the database layer takes.
    fn command(self, year: i32) -> Result<q::SetNational, ApiError> {
        let mut errors = Vec::new();
        for (field, p) in [
            ("permit_percent", self.permit_percent),
            ("labour_immigrant_percent", self.labour_immigrant_percent),
        ] {
            if p <= Decimal::ZERO || p > Decimal::ONE_HUNDRED {
                errors.push(FieldError::new(field, "must be above 0 and at most 100"));
            }
        }
        for c in Category::ALL {
            let n = self.categories.iter().filter(|x| x.category == c).count();
            if n != 1 {
                errors.push(FieldError::new(
                    "categories",
                    format!("category {c} must appear exactly once, found {n}"),
                ));
            }
        }
        let mut countries: Vec<(CountryCode, i64)> = Vec::new();
        for (i, c) in self.country_quotas.iter().enumerate() {
            match c.country.parse::<CountryCode>() {
                Ok(code) if countries.iter().any(|(x, _)| x == &code) => errors.push(
                    FieldError::new(format!("country_quotas[{i}].country"), "appears twice"),
                ),
                Ok(code) => countries.push((code, c.number)),
                Err(e) => errors.push(FieldError::new(
                    format!("country_quotas[{i}].country"),
                    e.to_string(),
                )),
            }
        }
        if !errors.is_empty() {
            return Err(ApiError::Invalid(errors));
        }
        Ok(q::SetNational {
            year,
            labour_force: self.labour_force,
            labour_force_source: self.labour_force_source,
            permit_percent: self.permit_percent,
            immigrant_percent: self.labour_immigrant_percent,
            categories: self
                .categories
                .iter()
                .map(|c| (c.category, c.number))
                .collect(),
            countries,
            order_number: self.order.number,
            order_date: self.order.date,
        })
    }
}

fn national_view(
    conn: &mut crate::db::Conn,
    year: i32,
) -> Result<Option<NationalQuotaView>, ApiError> {
    let Some(n) = q::national(conn, year)? else {
        return Ok(None);
    };
    let regions = q::regional(conn, year, None)?;
    Ok(Some(NationalQuotaView::new(&n, &regions)))
}

/// Sets a new version of the year's national quota (ministry). The first version creates
/// the year (201); later ones may change it during the year, never below what is
/// distributed to regions (200). Every version is kept.
#[utoipa::path(tag = "quotas", security(("bearer" = [])),
    params(("year" = i32, Path, description = "Quota year.", minimum = 2000, maximum = 2100),
        ("If-Match" = Option<String>, Header, description = "The ETag last read; refused with 412 when the quota changed since.", pattern = "^(W/)?\"[0-9]+\"$")),
    request_body = NationalQuotaRequest,
    responses(
        (status = 200, description = "A new version was set.", body = NationalQuotaView, headers(("ETag" = String, description = "The version."))),
        (status = 201, description = "The year's first version was set.", body = NationalQuotaView, headers(("ETag" = String, description = "The version."))),
        (status = 404, description = "A country is not in the reference data.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Changed concurrently; read and retry.", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match the current version.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, or a rule violation: `category-split-exceeds-quota` (Art. 32(4)(1)), `quota-below-distributed` (Art. 7(23)), `country-not-treaty-partner` (Art. 32(4)(2)), `quota-below-used`.", body = Problem, content_type = "application/problem+json"),
    ))]
#[put("/quotas/{year}")]
pub async fn set_national_quota(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    if_match: IfMatch,
    year: web::Path<i32>,
    body: Body<NationalQuotaRequest>,
) -> Result<HttpResponse, ApiError> {
    authorize(&caller, Action::SetNationalQuota, Scope::All)?;
    let year = year_of(year.into_inner())?;
    let cmd = body.value.command(year)?;
    let actor = state.actor(&caller, &rid);
    let (view, created) = state
        .write(move |conn| {
            let before = national_view(conn, year)?;
            if let Some(expected) = if_match.0 {
                let current = before.as_ref().map_or(0, |b| b.version);
                if current != expected {
                    return Err(ApiError::PreconditionFailed { current });
                }
            }
            let regions = q::regional(conn, year, None)?;
            let after = q::set_national(conn, &cmd, &actor, |n| {
                serde_json::to_string(&NationalQuotaView::new(n, &regions)).unwrap_or_default()
            })?;
            let view = NationalQuotaView::new(&after, &regions);
            audit::record(
                conn,
                &actor,
                audit::Change {
                    action: "quota.set",
                    entity_type: "national_quota",
                    entity_id: year.to_string(),
                    region: None,
                    bin: None,
                    before: before.as_ref().and_then(|b| serde_json::to_value(b).ok()),
                    after: serde_json::to_value(&view).ok(),
                    legal_basis: "Art. 7(23), 32(4)",
                },
            )?;
            Ok((view, before.is_none()))
        })
        .await?;
    let mut res = if created {
        HttpResponse::Created()
    } else {
        HttpResponse::Ok()
    };
    Ok(res
        .insert_header((header::ETAG, etag(view.version)))
        .json(view))
}

/// The year's national quota with utilization (ministry, auditor).
#[utoipa::path(tag = "quotas", security(("bearer" = [])),
    params(("year" = i32, Path, description = "Quota year.", minimum = 2000, maximum = 2100)),
    responses(
        (status = 200, description = "The current version.", body = NationalQuotaView, headers(("ETag" = String, description = "The version."))),
        (status = 404, description = "No quota is set for the year.", body = Problem, content_type = "application/problem+json"),
    ))]
#[get("/quotas/{year}")]
pub async fn get_national_quota(
    state: web::Data<AppState>,
    caller: Caller,
    year: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    authorize(&caller, Action::ReadNationalQuota, Scope::All)?;
    let year = year_of(year.into_inner())?;
    let view = state
        .read(move |c| national_view(c, year))
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no quota is set for {year}")))?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(view.version)))
        .json(view))
}

/// Every version of the year's national quota, oldest first (ministry, auditor).
#[utoipa::path(tag = "quotas", security(("bearer" = [])),
    params(("year" = i32, Path, description = "Quota year.", minimum = 2000, maximum = 2100)),
    responses(
        (status = 200, description = "The versions.", body = [NationalQuotaVersionView]),
        (status = 404, description = "No quota is set for the year.", body = Problem, content_type = "application/problem+json"),
    ))]
#[get("/quotas/{year}/versions")]
pub async fn list_national_quota_versions(
    state: web::Data<AppState>,
    caller: Caller,
    year: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    authorize(&caller, Action::ReadNationalQuota, Scope::All)?;
    let year = year_of(year.into_inner())?;
    let rows = state
        .db(move |c| Ok(q::national_versions(c, year)?))
        .await?;
    if rows.is_empty() {
        return Err(ApiError::not_found(format!("no quota is set for {year}")));
    }
    let views: Vec<NationalQuotaVersionView> = rows
        .into_iter()
        .map(|r| NationalQuotaVersionView {
            version: r.version,
            created_at: r.created_at.and_utc(),
            created_by: r.created_by,
            quota: serde_json::from_str(&r.body).unwrap_or_default(),
        })
        .collect();
    Ok(HttpResponse::Ok().json(views))
}

// ---------------------------------------------------------------- regions

/// Sets a region's allocation of some categories (ministry). The regions together never
/// exceed the national figure; a region never goes below what it holds and uses.
#[utoipa::path(tag = "quotas", security(("bearer" = [])),
    params(("year" = i32, Path, description = "Quota year.", minimum = 2000, maximum = 2100),
        ("region" = String, Path, description = "ISO 3166-2:KZ region code.", example = "KZ-75", pattern = "^KZ-[0-9]{2}$")),
    request_body = RegionalAllocationRequest,
    responses(
        (status = 200, description = "The region's figures after the change.", body = RegionalQuotaView),
        (status = 404, description = "No such region.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Changed concurrently; read and retry.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, or a rule violation: `quota-not-set`, `national-quota-exceeded`, `allocation-below-used` (Art. 7(23)).", body = Problem, content_type = "application/problem+json"),
    ))]
#[put("/quotas/{year}/regions/{region}")]
pub async fn set_regional_quota(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    path: web::Path<(i32, String)>,
    body: Body<RegionalAllocationRequest>,
) -> Result<HttpResponse, ApiError> {
    authorize(&caller, Action::AllocateRegionalQuota, Scope::All)?;
    let (year, region) = path.into_inner();
    let year = year_of(year)?;
    let region = region_param(&region, "region")?;
    let req = body.value;
    let mut changes: Vec<(Category, i64)> = Vec::new();
    for c in &req.categories {
        if changes.iter().any(|(x, _)| *x == c.category) {
            return Err(ApiError::invalid(
                "categories",
                format!("category {} appears twice", c.category),
            ));
        }
        changes.push((c.category, c.allocated));
    }
    let actor = state.actor(&caller, &rid);
    let view = state
        .write(move |conn| {
            ensure_region(conn, &region)?;
            let codes = [region.as_str().to_owned()];
            let before = regional_views(
                year,
                &codes,
                &q::regional(conn, year, Some(region.as_str()))?,
            );
            let rows = q::set_regional(conn, year, &region, &changes, &req.reason, &actor)?;
            let after = regional_views(year, &codes, &rows);
            audit::record(
                conn,
                &actor,
                audit::Change {
                    action: "quota.allocated",
                    entity_type: "regional_quota",
                    entity_id: format!("{year}/{region}"),
                    region: Some(region.as_str()),
                    bin: None,
                    before: serde_json::to_value(&before[0]).ok(),
                    after: serde_json::to_value(&after[0]).ok(),
                    legal_basis: "Art. 6(2), 7(23), 9(5)",
                },
            )?;
            after.into_iter().next().ok_or(ApiError::Internal)
        })
        .await?;
    Ok(HttpResponse::Ok().json(view))
}

/// Every region's figures for the year (ministry, auditor; an akimat gets its own region).
#[utoipa::path(tag = "quotas", security(("bearer" = [])),
    params(("year" = i32, Path, description = "Quota year.", minimum = 2000, maximum = 2100)),
    responses(
        (status = 200, description = "Per region and category: allocated, pending, used, available.", body = [RegionalQuotaView]),
        (status = 404, description = "No quota is set for the year.", body = Problem, content_type = "application/problem+json"),
    ))]
#[get("/quotas/{year}/regions")]
pub async fn list_regional_quotas(
    state: web::Data<AppState>,
    caller: Caller,
    year: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let year = year_of(year.into_inner())?;
    let own = narrowed(&caller, Action::ReadRegionalQuota, None)?.region;
    let views = state
        .read(move |c| {
            if q::national(c, year)?.is_none() {
                return Err(ApiError::not_found(format!("no quota is set for {year}")));
            }
            let codes: Vec<String> = match &own {
                Some(r) => vec![r.as_str().to_owned()],
                None => reference::regions(c)?.into_iter().map(|r| r.code).collect(),
            };
            let rows = q::regional(c, year, own.as_ref().map(RegionCode::as_str))?;
            Ok(regional_views(year, &codes, &rows))
        })
        .await?;
    Ok(HttpResponse::Ok().json(views))
}

/// One region's figures for the year (an akimat reads its own region only).
#[utoipa::path(tag = "quotas", security(("bearer" = [])),
    params(("year" = i32, Path, description = "Quota year.", minimum = 2000, maximum = 2100),
        ("region" = String, Path, description = "ISO 3166-2:KZ region code.", example = "KZ-75", pattern = "^KZ-[0-9]{2}$")),
    responses(
        (status = 200, description = "Allocated, pending, used and available per category.", body = RegionalQuotaView),
        (status = 404, description = "No such region, or no quota for the year.", body = Problem, content_type = "application/problem+json"),
    ))]
#[get("/quotas/{year}/regions/{region}")]
pub async fn get_regional_quota(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(i32, String)>,
) -> Result<HttpResponse, ApiError> {
    let (year, region) = path.into_inner();
    let year = year_of(year)?;
    let region = region_param(&region, "region")?;
    authorize(&caller, Action::ReadRegionalQuota, Scope::Region(&region))?;
    let view = state
        .read(move |c| {
            ensure_region(c, &region)?;
            if q::national(c, year)?.is_none() {
                return Err(ApiError::not_found(format!("no quota is set for {year}")));
            }
            let rows = q::regional(c, year, Some(region.as_str()))?;
            regional_views(year, &[region.as_str().to_owned()], &rows)
                .into_iter()
                .next()
                .ok_or(ApiError::Internal)
        })
        .await?;
    Ok(HttpResponse::Ok().json(view))
}

// ---------------------------------------------------------------- transfers

/// Moves unused units of a category between two regions, or between a region and the
/// national reserve, with a reason (ministry; Art. 7(23)).
#[utoipa::path(tag = "quotas", security(("bearer" = [])),
    params(("year" = i32, Path, description = "Quota year.", minimum = 2000, maximum = 2100),
        ("Idempotency-Key" = Option<String>, Header, description = "Replays the first answer for a repeated key.", min_length = 1, max_length = 255)),
    request_body = TransferRequest,
    responses(
        (status = 201, description = "Transferred.", body = TransferView, headers(("Location" = String, description = "The year's transfers."))),
        (status = 404, description = "No such region.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The Idempotency-Key was used for another request.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, or a rule violation: `transfer-exceeds-unused`, `transfer-to-itself`, `quota-not-set` (Art. 7(23)).", body = Problem, content_type = "application/problem+json"),
    ))]
#[post("/quotas/{year}/transfers")]
pub async fn transfer_quota(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    key: IdempotencyKey,
    year: web::Path<i32>,
    body: Body<TransferRequest>,
) -> Result<HttpResponse, ApiError> {
    authorize(&caller, Action::TransferQuota, Scope::All)?;
    let year = year_of(year.into_inner())?;
    let req = body.value;
    let pool = |r: &Option<String>, field: &str| -> Result<Pool, ApiError> {
        match r {
            None => Ok(Pool::Reserve),
            Some(s) => region_param(s, field).map(Pool::Region),
        }
    };
    let (from, to) = (
        pool(&req.from_region, "from_region")?,
        pool(&req.to_region, "to_region")?,
    );
    let actor = state.actor(&caller, &rid);
    create(&state, &caller, key, body.fingerprint, move |conn| {
        for p in [&from, &to] {
            if let Pool::Region(r) = p {
                ensure_region(conn, r)?;
            }
        }
        let cmd = q::Transfer {
            year,
            category: req.category,
            from: &from,
            to: &to,
            units: req.units,
            reason: &req.reason,
        };
        let row = q::transfer(conn, &cmd, &actor)?;
        let view = TransferView::try_from(row)?;
        for p in [&from, &to] {
            let region = match p {
                Pool::Region(r) => Some(r.as_str()),
                Pool::Reserve => None,
            };
            audit::record(
                conn,
                &actor,
                audit::Change {
                    action: "quota.transferred",
                    entity_type: "quota_transfer",
                    entity_id: view.id.to_string(),
                    region,
                    bin: None,
                    before: None,
                    after: serde_json::to_value(&view).ok(),
                    legal_basis: "Art. 7(23)",
                },
            )?;
        }
        Ok(Created {
            location: format!("/v1/quotas/{year}/transfers"),
            version: None,
            body: view,
        })
    })
    .await
}

/// The year's transfers, oldest first (ministry, auditor; an akimat those of its region).
#[utoipa::path(tag = "quotas", security(("bearer" = [])),
    params(("year" = i32, Path, description = "Quota year.", minimum = 2000, maximum = 2100), TransferQuery, PageQuery),
    responses((status = 200, description = "A page of transfers.", body = TransferPage)))]
#[get("/quotas/{year}/transfers")]
pub async fn list_quota_transfers(
    state: web::Data<AppState>,
    caller: Caller,
    year: web::Path<i32>,
    filter: Query<TransferQuery>,
    page: Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let year = year_of(year.into_inner())?;
    let page = page.0.parse()?;
    let region = narrowed(
        &caller,
        Action::ReadQuotaTransfers,
        filter.0.region.as_deref(),
    )?
    .region;
    let rows = state
        .db(move |c| {
            Ok(q::transfers(
                c,
                year,
                region.as_ref().map(RegionCode::as_str),
                page.after_id,
                page.limit,
            )?)
        })
        .await?;
    let (items, next_cursor) = split(page, rows, |t| t.id, TransferView::try_from)?;
    Ok(HttpResponse::Ok().json(TransferPage { items, next_cursor }))
}

/// The ledger behind the figures: every allocation, transfer, hold, confirmation and
/// release, oldest first (ministry, auditor; an akimat its own region).
#[utoipa::path(tag = "quotas", security(("bearer" = [])),
    params(("year" = i32, Path, description = "Quota year.", minimum = 2000, maximum = 2100), LedgerQuery, PageQuery),
    responses((status = 200, description = "A page of ledger lines.", body = LedgerPage)))]
#[get("/quotas/{year}/ledger")]
pub async fn list_quota_ledger(
    state: web::Data<AppState>,
    caller: Caller,
    year: web::Path<i32>,
    filter: Query<LedgerQuery>,
    page: Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let year = year_of(year.into_inner())?;
    let page = page.0.parse()?;
    let Query(filter) = filter;
    let region = narrowed(&caller, Action::ReadRegionalQuota, filter.region.as_deref())?.region;
    let rows = state
        .db(move |c| {
            Ok(q::ledger(
                c,
                year,
                region.as_ref().map(RegionCode::as_str),
                filter.category,
                page.after_id,
                page.limit,
            )?)
        })
        .await?;
    let (items, next_cursor) = split(
        page,
        rows,
        |l| l.id,
        |l| {
            Ok(LedgerLineView {
                id: l.id,
                year: l.year,
                region: l.region,
                category: Category::from_code(&l.category).ok_or(ApiError::Internal)?,
                movement: l.movement,
                allocated_delta: l.allocated_delta,
                pending_delta: l.held_delta,
                used_delta: l.used_delta,
                hold_id: l.hold_id,
                transfer_id: l.transfer_id,
                note: l.note,
                occurred_at: l.occurred_at.and_utc(),
                actor: l.actor,
                request_id: l.request_id,
            })
        },
    )?;
    Ok(HttpResponse::Ok().json(LedgerPage { items, next_cursor }))
}

/// Categories' national numbers of a year, for the demand summary.
pub(crate) fn category_totals(n: &q::NationalQuota) -> BTreeMap<Category, i64> {
    n.categories
        .iter()
        .filter_map(|c| Category::from_code(&c.category).map(|k| (k, c.total)))
        .collect()
}
