//! Transfers of unused quota during the year (Art. 7(23), with the Art. 6(2) rules).

use super::YearPath;
use crate::api::extract::{Body, IdempotencyKey, Query, RequestId};
use crate::api::idempotency::{create, Created};
use crate::api::page::{split, PageQuery};
use crate::api::{narrowed, AppState};
use crate::auth::{authorize, Action, Caller, Scope};
use crate::cases;
use crate::cases::quota::view;
use crate::domain::quota::Pool;
use crate::error::ApiError;
use crate::wire::docs::{IdempotencyConflict, IdempotencyKeyHeader};
use crate::wire::fields::region_param;
use crate::wire::quotas::transfers::{TransferQuery, TransferRequest, TransferView};
use actix_web::{get, post, web, HttpResponse};

super::super::page::cursor_page!(
    /// A page of transfers.
    TransferPage,
    TransferView,
    "The transfers on this page, oldest first."
);

/// Transfer unused quota
///
/// Moves unused units of a category between two regions, or between a region and the
/// national reserve, with a reason (ministry; Art. 7(23) with the Art. 6(2) rules, which
/// its audit events and ledger lines cite).
#[utoipa::path(tag = "quotas", security(("bearer" = [])),
    params(YearPath,
        IdempotencyKeyHeader),
    request_body = TransferRequest,
    responses(
        (status = 201, description = "Transferred.", body = TransferView, headers(("Location" = String, description = "The year's transfers."))),
        IdempotencyConflict,
        crate::wire::refusals::TransferRefused,
    ))]
#[post("/quotas/{year}/transfers")]
pub async fn transfer_quota(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    key: IdempotencyKey,
    YearPath(year): YearPath,
    body: Body<TransferRequest>,
) -> Result<HttpResponse, ApiError> {
    authorize(&caller, Action::TransferQuota, Scope::All)?;
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
        let cmd = cases::quota::Transfer {
            year,
            category: req.category,
            from: &from,
            to: &to,
            units: req.units,
            reason: &req.reason,
        };
        let done = view::Transfer::from(cases::quota::transfer(conn, &cmd, &actor)?);
        Ok(Created {
            location: format!("/v1/quotas/{year}/transfers"),
            version: None,
            body: TransferView::from(done),
        })
    })
    .await
}

/// List quota transfers
///
/// The year's transfers, oldest first (ministry, auditor; an akimat those of its region).
#[utoipa::path(tag = "quotas", security(("bearer" = [])),
    params(YearPath, TransferQuery, PageQuery),
    responses((status = 200, description = "A page of transfers.", body = TransferPage)))]
#[get("/quotas/{year}/transfers")]
pub async fn list_quota_transfers(
    state: web::Data<AppState>,
    caller: Caller,
    YearPath(year): YearPath,
    filter: Query<TransferQuery>,
    page: Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.0.parse()?;
    let region = narrowed(
        &state,
        &caller,
        Action::ReadQuotaTransfers,
        filter.0.region.as_deref(),
    )?
    .region;
    let rows = state
        .db(move |c| {
            let region = region.as_ref();
            Ok(view::transfers(
                c,
                year,
                region,
                page.after_id,
                page.fetch(),
            )?)
        })
        .await?;
    let (items, next_cursor) = split(page, rows, |t| t.id, |t| Ok(TransferView::from(t)))?;
    Ok(HttpResponse::Ok().json(TransferPage { items, next_cursor }))
}

impl crate::api::extract::ActionBody for TransferRequest {
    const ACTION: crate::auth::Action = crate::auth::Action::TransferQuota;
}
