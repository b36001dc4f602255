//! Transfers of unused quota during the year (Art. 7(23), with the Art. 6(2) rules).

use super::YearPath;
use crate::api::docs::{IdempotencyConflict, IdempotencyKeyHeader};
use crate::api::extract::{region_param, Body, IdempotencyKey, Query, RequestId};
use crate::api::idempotency::{create, Created};
use crate::api::page::{split, PageQuery};
use crate::api::{narrowed, AppState};
use crate::auth::{authorize, Action, Caller, Scope};
use crate::cases;
use crate::cases::quota::view;
use crate::domain::quota::Pool;
use crate::domain::Category;
use crate::error::ApiError;
use actix_web::{get, post, web, HttpResponse};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

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
    #[validate(
        length(min = 1, max = 1000),
        custom(function = "crate::api::extract::not_blank")
    )]
    #[schema(
        pattern = "\\S",
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

impl From<view::Transfer> for TransferView {
    fn from(t: view::Transfer) -> Self {
        TransferView {
            id: t.id,
            year: t.year,
            category: t.category,
            from_region: t.from_region,
            to_region: t.to_region,
            units: t.units,
            reason: t.reason,
            created_at: t.created_at,
            created_by: t.created_by,
        }
    }
}

super::super::page::cursor_page!(
    /// A page of transfers.
    TransferPage,
    TransferView,
    "The transfers on this page, oldest first."
);

/// One movement of units; a region's figures are the sums of its lines.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TransferQuery {
    /// Only transfers from or to this region (an akimat always gets its own).
    #[param(pattern = "^KZ-[0-9]{2}$")]
    pub region: Option<String>,
}

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
        crate::api::refusals::TransferRefused,
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
