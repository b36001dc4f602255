//! The ledger behind a year's figures.

use super::YearPath;
use crate::api::extract::{Query, RequestId};
use crate::api::page::{split, PageQuery};
use crate::api::{narrowed, AppState};
use crate::auth::{authorize, Action, Caller, Scope};
use crate::cases;
use crate::cases::quota::view;
use crate::error::ApiError;
use crate::wire::quotas::ledger::{
    LedgerCheckView, LedgerLineView, LedgerMismatchView, LedgerQuery,
};
use actix_web::{get, post, web, HttpResponse};

super::super::page::cursor_page!(
    /// A page of ledger lines.
    LedgerPage,
    LedgerLineView,
    "The ledger lines on this page, oldest first."
);

/// List the quota ledger
///
/// The ledger behind the figures: every allocation, transfer, hold, confirmation and
/// release, oldest first (ministry, auditor; an akimat its own region).
#[utoipa::path(tag = "quotas", security(("bearer" = [])),
    params(YearPath, LedgerQuery, PageQuery),
    responses((status = 200, description = "A page of ledger lines.", body = LedgerPage)))]
#[get("/quotas/{year}/ledger")]
pub async fn list_quota_ledger(
    state: web::Data<AppState>,
    caller: Caller,
    YearPath(year): YearPath,
    filter: Query<LedgerQuery>,
    page: Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.0.parse()?;
    let Query(filter) = filter;
    let region = narrowed(
        &state,
        &caller,
        Action::ReadRegionalQuota,
        filter.region.as_deref(),
    )?
    .region;
    let rows = state
        .db(move |c| {
            Ok(view::ledger(
                c,
                year,
                region.as_ref(),
                filter.category,
                page.after_id,
                page.fetch(),
            )?)
        })
        .await?;
    let (items, next_cursor) = split(page, rows, |l| l.id, |l| Ok(LedgerLineView::from(l)))?;
    Ok(HttpResponse::Ok().json(LedgerPage { items, next_cursor }))
}

/// Check the quota ledger against the figures
///
/// Checks that every region's figures for the year are the sums of its ledger lines
/// (ministry). A mismatch refuses the year's quota writes; a clean check lifts an earlier
/// refusal (the same check runs at start-up). A computation: it changes nothing but that
/// mark, which it sets from what it finds, so a repeat answers the same; it takes neither
/// `Idempotency-Key` nor `If-Match`.
#[utoipa::path(tag = "quotas", security(("bearer" = [])),
    params(YearPath),
    responses((status = 200, description = "The outcome of the check.", body = LedgerCheckView)))]
#[post("/quotas/{year}/ledger-check")]
pub async fn check_quota_ledger(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    YearPath(year): YearPath,
) -> Result<HttpResponse, ApiError> {
    authorize(&caller, Action::CheckQuotaLedger, Scope::All)?;
    let actor = state.actor(&caller, &rid);
    let found = state
        .write(move |conn| Ok(cases::quota::check_ledger(conn, year, &actor)?))
        .await?;
    Ok(HttpResponse::Ok().json(LedgerCheckView {
        year,
        sound: found.is_empty(),
        mismatches: found
            .into_iter()
            .map(|m| LedgerMismatchView {
                region: m.region,
                category: m.category,
                stored: m.stored.into(),
                ledger: m.ledger.into(),
            })
            .collect(),
    }))
}
