//! The split of the year's quota among the regions (Art. 6(2), 7(23), 9(5)).

use super::{RegionPath, YearPath};
use crate::api::extract::{Body, RequestId};
use crate::api::{narrowed, AppState};
use crate::auth::{authorize, Action, Caller, Scope};
use crate::cases;
use crate::cases::quota::view;
use crate::domain::Category;
use crate::domain::Reason;
use crate::error::{ApiError, Problem};
use crate::wire::docs::Concurrent;
use crate::wire::quotas::regional::{RegionalAllocationRequest, RegionalQuotaView};
use actix_web::{get, put, web, HttpResponse};

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
        crate::wire::refusals::RegionalQuotaRefused,
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
                Reason::CategoryOnce {
                    category: c.category.to_string(),
                    found: 2,
                },
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
