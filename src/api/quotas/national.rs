//! The year's national quota (Art. 32(4), 7(23)): versions set by the ministry.

use super::YearPath;
use crate::api::extract::{Body, IfMatch, RequestId};
use crate::api::idempotency::etag;
use crate::api::AppState;
use crate::auth::{authorize, Action, Caller, Scope};
use crate::cases;
use crate::cases::quota::view;
use crate::error::{ApiError, Problem};
use crate::wire::docs::{Concurrent, IfMatchQuota, StaleVersion};
use crate::wire::quotas::national::{
    NationalQuotaRequest, NationalQuotaVersionView, NationalQuotaView,
};
use actix_web::http::header;
use actix_web::{get, put, web, HttpResponse};

/// Set the year's national quota
///
/// Sets a new version of the year's national quota (ministry). The first version creates
/// the year (201); later ones may change it during the year, never below what is
/// distributed to regions (200). Every version is kept.
#[utoipa::path(tag = "quotas", security(("bearer" = [])),
    params(YearPath,
        IfMatchQuota),
    request_body = NationalQuotaRequest,
    responses(
        (status = 200, description = "A new version was set.", body = NationalQuotaView, headers(("ETag" = String, description = "The version."))),
        (status = 201, description = "The year's first version was set.", body = NationalQuotaView, headers(("ETag" = String, description = "The version."))),
        (status = 404, description = "A country is not in the reference data.", body = Problem, content_type = "application/problem+json"),
        Concurrent,
        StaleVersion,
        crate::wire::refusals::NationalQuotaRefused,
    ))]
#[put("/quotas/{year}")]
pub async fn set_national_quota(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    if_match: IfMatch,
    YearPath(year): YearPath,
    body: Body<NationalQuotaRequest>,
) -> Result<HttpResponse, ApiError> {
    authorize(&caller, Action::SetNationalQuota, Scope::All)?;
    let cmd = body.value.command(year)?;
    let actor = state.actor(&caller, &rid);
    let (quota, created) = state
        .write(move |conn| {
            Ok(cases::quota::set_national_quota(
                conn, &cmd, if_match.0, &actor,
            )?)
        })
        .await?;
    let view = NationalQuotaView::from(quota);
    let mut res = if created {
        HttpResponse::Created()
    } else {
        HttpResponse::Ok()
    };
    Ok(res
        .insert_header((header::ETAG, etag(view.version)))
        .json(view))
}

/// Read the year's national quota
///
/// The year's national quota by category with its utilization: allocated to regions, held
/// for applications, used by permits issued and available (Art. 32). The ministry and
/// auditors.
#[utoipa::path(tag = "quotas", security(("bearer" = [])),
    params(YearPath),
    responses(
        (status = 200, description = "The current version.", body = NationalQuotaView, headers(("ETag" = String, description = "The version."), ("Ledger-Check" = Option<String>, description = "`failing` while the year's figures fail their ledger check (see `ledger_fault`)."))),
        (status = 404, description = "No quota is set for the year.", body = Problem, content_type = "application/problem+json"),
    ))]
#[get("/quotas/{year}")]
pub async fn get_national_quota(
    state: web::Data<AppState>,
    caller: Caller,
    YearPath(year): YearPath,
) -> Result<HttpResponse, ApiError> {
    let view = national(&state, &caller, year).await?;
    let mut res = HttpResponse::Ok();
    super::mark_fault(&mut res, view.ledger_fault.as_ref());
    Ok(res
        .insert_header((header::ETAG, etag(view.version)))
        .json(view))
}

super::super::page::cursor_page!(
    /// The versions of a year's national quota, one page.
    NationalQuotaVersionPage,
    NationalQuotaVersionView,
    "Every version, oldest first."
);

/// List versions of the national quota
///
/// Every version of the year's national quota, oldest first (ministry, auditor).
#[utoipa::path(tag = "quotas", security(("bearer" = [])),
    params(YearPath),
    responses(
        (status = 200, description = "The versions.", body = NationalQuotaVersionPage),
        (status = 404, description = "No quota is set for the year.", body = Problem, content_type = "application/problem+json"),
    ))]
#[get("/quotas/{year}/versions")]
pub async fn list_national_quota_versions(
    state: web::Data<AppState>,
    caller: Caller,
    YearPath(year): YearPath,
) -> Result<HttpResponse, ApiError> {
    authorize(&caller, Action::ReadNationalQuota, Scope::All)?;
    let rows = state.db(move |c| Ok(view::versions(c, year)?)).await?;
    // A stored version that no longer parses is logged and refused, never served as a
    // default.
    let items: Vec<NationalQuotaVersionView> = rows
        .into_iter()
        .map(|r| {
            let quota = serde_json::from_str(&r.body).map_err(|e| {
                log::error!(
                    "national quota {year} version {} does not parse: {e}",
                    r.version
                );
                ApiError::Internal
            })?;
            Ok(NationalQuotaVersionView {
                version: r.version,
                created_at: r.created_at.and_utc(),
                created_by: r.created_by,
                quota,
            })
        })
        .collect::<Result<_, ApiError>>()?;
    Ok(HttpResponse::Ok().json(NationalQuotaVersionPage {
        items,
        next_cursor: None,
    }))
}

/// The year's national quota as `caller` may read it.
async fn national(
    state: &AppState,
    caller: &Caller,
    year: i32,
) -> Result<NationalQuotaView, ApiError> {
    authorize(caller, Action::ReadNationalQuota, Scope::All)?;
    let quota = state.read(move |c| Ok(view::national(c, year)?)).await?;
    Ok(NationalQuotaView::from(quota))
}

impl crate::api::extract::ActionBody for NationalQuotaRequest {
    const ACTION: crate::auth::Action = crate::auth::Action::SetNationalQuota;
}
