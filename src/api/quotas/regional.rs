//! The split of the year's quota among the regions (Art. 6(2), 7(23), 9(5)).

use super::{RegionPath, YearPath};
use crate::api::docs::Concurrent;
use crate::api::extract::{Body, RequestId};
use crate::api::{narrowed, AppState};
use crate::auth::{authorize, Action, Caller, Scope};
use crate::cases;
use crate::cases::quota::view;
use crate::domain::Category;
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

impl From<view::RegionalQuota> for RegionalQuotaView {
    fn from(r: view::RegionalQuota) -> Self {
        let categories = r.categories.into_iter().map(|c| RegionalCategoryView {
            category: c.category,
            allocated: c.allocated,
            held: c.held,
            used: c.used,
            available: c.available,
        });
        RegionalQuotaView {
            year: r.year,
            region: r.region,
            categories: categories.collect(),
            ledger_fault: r.ledger_fault.map(super::LedgerFaultView::from),
        }
    }
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

/// Set a region's allocation
///
/// Sets a region's allocation of some categories (ministry). The regions together never
/// exceed the national figure; a region never goes below what it holds and uses.
/// Idempotent as a PUT is: the figures are absolute, so a repeat sets the same ones.
#[utoipa::path(tag = "quotas", security(("bearer" = [])),
    params(RegionPath),
    request_body = RegionalAllocationRequest,
    responses(
        (status = 200, description = "The region's figures after the change.", body = RegionalQuotaView),
        (status = 404, description = "No such region.", body = Problem, content_type = "application/problem+json"),
        Concurrent,
        crate::api::refusals::RegionalQuotaRefused,
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
    let figures = state
        .write(move |conn| {
            let (_, rows) =
                cases::quota::set_regional(conn, year, &region, &changes, &req.reason, &actor)?;
            Ok(view::regional_view(year, &region, &rows))
        })
        .await?;
    Ok(HttpResponse::Ok().json(RegionalQuotaView::from(figures)))
}

super::super::page::cursor_page!(
    /// The regions' figures of a year, one page.
    RegionalQuotaPage,
    RegionalQuotaView,
    "Per region, by code."
);

/// List regions' quota figures
///
/// Every region's figures for the year (ministry, auditor; an akimat gets its own region).
#[utoipa::path(tag = "quotas", security(("bearer" = [])),
    params(YearPath),
    responses(
        (status = 200, description = "Per region and category: allocated, held, used, available.", body = RegionalQuotaPage, headers(("Ledger-Check" = Option<String>, description = "`failing` while the year's figures fail their ledger check (see `ledger_fault`)."))),
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
    Ok(res.json(RegionalQuotaPage {
        items: views,
        next_cursor: None,
    }))
}

/// Every region's figures `caller` may read.
async fn regions(
    state: &AppState,
    caller: &Caller,
    year: i32,
) -> Result<Vec<RegionalQuotaView>, ApiError> {
    let own = narrowed(state, caller, Action::ReadRegionalQuota, None)?.region;
    let figures = state
        .read(move |c| Ok(view::regions(c, year, own.as_ref())?))
        .await?;
    Ok(figures.into_iter().map(RegionalQuotaView::from).collect())
}

/// Read a region's quota figures
///
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
    let figures = state
        .db(move |c| Ok(view::region(c, year, &region)?))
        .await?;
    let view = RegionalQuotaView::from(figures);
    let mut res = HttpResponse::Ok();
    super::mark_fault(&mut res, view.ledger_fault.as_ref());
    Ok(res.json(view))
}

impl crate::api::extract::ActionBody for RegionalAllocationRequest {
    const ACTION: crate::auth::Action = crate::auth::Action::AllocateRegionalQuota;
}
