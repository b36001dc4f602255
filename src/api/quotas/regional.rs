//! The split of the year's quota among the regions (Art. 6(2), 7(23), 9(5)).

use super::national::no_quota;
use super::{RegionPath, YearPath};
use crate::api::docs::Concurrent;
use crate::api::extract::{Body, RequestId};
use crate::api::{narrowed, AppState};
use crate::auth::{authorize, Action, Caller, Scope};
use crate::cases;
use crate::db::{self, quota as q, reference};
use crate::domain::{Category, RegionCode};
use crate::error::{ApiError, Problem};
use actix_web::{get, put, web, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

#[derive(Debug, Clone, Serialize, ToSchema)]
/// A region's figures for one category.
pub struct RegionalCategoryView {
    /// Worker category of these figures.
    pub category: Category,
    /// Allocated to the region by the ministry.
    pub allocated: i64,
    /// Held by decisions awaiting payment.
    pub held: i64,
    /// Used by issued permits.
    pub used: i64,
    /// allocated − held − used.
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
    /// Set while the year's figures fail their ledger check (the figures above may then be
    /// wrong, and every write to the year's quota is refused, 409
    /// `quota-ledger-mismatch`); the answer then also carries `Ledger-Check: failing`.
    /// `null` while they are sound.
    pub ledger_fault: Option<super::LedgerFaultView>,
}

/// One region's view.
fn regional_view(year: i32, region: &RegionCode, rows: &[q::RegionalRow]) -> RegionalQuotaView {
    let mut views = regional_views(year, &[region.as_str().to_owned()], rows);
    views.swap_remove(0)
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
            ledger_fault: None,
            categories: Category::ALL
                .into_iter()
                .map(|category| {
                    let a = rows
                        .iter()
                        .find(|r| r.region.as_str() == region && r.category == category)
                        .map(q::RegionalRow::allocation)
                        .unwrap_or_default();
                    RegionalCategoryView {
                        category,
                        allocated: a.allocated,
                        held: a.held,
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
    #[validate(
        length(min = 1, max = 1000),
        custom(function = "crate::api::extract::not_blank")
    )]
    #[schema(
        pattern = "\\S",
        example = "Distribution per Order No. 412",
        min_length = 1,
        max_length = 1000
    )]
    pub reason: String,
}

/// Sets a region's allocation of some categories (ministry). The regions together never
/// exceed the national figure; a region never goes below what it holds and uses.
#[utoipa::path(tag = "quotas", security(("bearer" = [])),
    params(RegionPath),
    request_body = RegionalAllocationRequest,
    responses(
        (status = 200, description = "The region's figures after the change.", body = RegionalQuotaView),
        (status = 404, description = "No such region.", body = Problem, content_type = "application/problem+json"),
        Concurrent,
        (status = 422, description = "Invalid fields, or a rule violation: `quota-not-set`, `national-quota-exceeded`, `allocation-below-used` (Art. 7(23)).", body = Problem, content_type = "application/problem+json"),
    ))]
#[put("/quotas/{year}/regions/{region}")]
pub async fn set_regional_quota(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    RegionPath { year, region }: RegionPath,
    body: Body<RegionalAllocationRequest>,
) -> Result<HttpResponse, ApiError> {
    authorize(&caller, Action::AllocateRegionalQuota, Scope::All)?;
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
            let (_, rows) =
                cases::quota::set_regional(conn, year, &region, &changes, &req.reason, &actor)?;
            Ok(regional_view(year, &region, &rows))
        })
        .await?;
    Ok(HttpResponse::Ok().json(view))
}

/// Every region's figures for the year (ministry, auditor; an akimat gets its own region).
#[utoipa::path(tag = "quotas", security(("bearer" = [])),
    params(YearPath),
    responses(
        (status = 200, description = "Per region and category: allocated, held, used, available.", body = [RegionalQuotaView], headers(("Ledger-Check" = Option<String>, description = "`failing` while the year's figures fail their ledger check (see `ledger_fault`)."))),
        (status = 404, description = "No quota is set for the year.", body = Problem, content_type = "application/problem+json"),
    ))]
#[get("/quotas/{year}/regions")]
pub async fn list_regional_quotas(
    state: web::Data<AppState>,
    caller: Caller,
    YearPath(year): YearPath,
) -> Result<HttpResponse, ApiError> {
    let views = regions(&state, &caller, year).await?;
    let mut res = HttpResponse::Ok();
    super::mark_fault(
        &mut res,
        views.first().and_then(|v| v.ledger_fault.as_ref()),
    );
    Ok(res.json(views))
}

/// Every region's figures `caller` may read (the API's and the console's).
pub(crate) async fn regions(
    state: &AppState,
    caller: &Caller,
    year: i32,
) -> Result<Vec<RegionalQuotaView>, ApiError> {
    let own = narrowed(state, caller, Action::ReadRegionalQuota, None)?.region;
    state
        .read(move |c| {
            if q::national(c, year)?.is_none() {
                return Err(no_quota(year));
            }
            let codes: Vec<String> = match &own {
                Some(r) => vec![r.as_str().to_owned()],
                None => reference::regions(c)?.into_iter().map(|r| r.code).collect(),
            };
            let rows = q::regional(c, year, own.as_ref().map(RegionCode::as_str))?;
            let fault = super::ledger_fault(c, year)?;
            let mut views = regional_views(year, &codes, &rows);
            for v in &mut views {
                v.ledger_fault.clone_from(&fault);
            }
            Ok(views)
        })
        .await
}

/// One region's figures for the year (an akimat reads its own region only).
#[utoipa::path(tag = "quotas", security(("bearer" = [])),
    params(RegionPath),
    responses(
        (status = 200, description = "Allocated, held, used and available per category.", body = RegionalQuotaView, headers(("Ledger-Check" = Option<String>, description = "`failing` while the year's figures fail their ledger check (see `ledger_fault`)."))),
        (status = 404, description = "No such region, or no quota for the year.", body = Problem, content_type = "application/problem+json"),
    ))]
#[get("/quotas/{year}/regions/{region}")]
pub async fn get_regional_quota(
    state: web::Data<AppState>,
    caller: Caller,
    RegionPath { year, region }: RegionPath,
) -> Result<HttpResponse, ApiError> {
    authorize(&caller, Action::ReadRegionalQuota, Scope::Region(&region))?;
    let view = state
        .db(move |c| {
            // One statement, outside a transaction, in the common case: the schema's foreign
            // keys make a region's rows proof that the region and the year's national quota
            // exist. Only a region without rows needs the checks that tell a missing region
            // or year (404) from a region not yet allocated anything (zeros).
            let rows = q::regional_of(c, year, region.as_str())?;
            if !rows.is_empty() {
                let mut view = regional_view(year, &region, &rows);
                view.ledger_fault = super::ledger_fault(c, year)?;
                return Ok(view);
            }
            db::read_tx(c, |c| {
                cases::quota::ensure_region(c, &region)?;
                if q::national(c, year)?.is_none() {
                    return Err(no_quota(year));
                }
                let rows = q::regional_of(c, year, region.as_str())?;
                let mut view = regional_view(year, &region, &rows);
                view.ledger_fault = super::ledger_fault(c, year)?;
                Ok(view)
            })
        })
        .await?;
    let mut res = HttpResponse::Ok();
    super::mark_fault(&mut res, view.ledger_fault.as_ref());
    Ok(res.json(view))
}

impl crate::api::extract::ActionBody for RegionalAllocationRequest {
    const ACTION: crate::auth::Action = crate::auth::Action::AllocateRegionalQuota;
}
