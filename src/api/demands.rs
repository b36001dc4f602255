//! Quota demand (Art. 32(5)): employers file next year's need, akimats review their
//! region's, the ministry sees it aggregated beside the labour-force arithmetic.

use super::extract::{Body, IdempotencyKey, IfMatch, Query, RequestId};
use super::idempotency::{create, etag, Created};
use super::page::{split, PageQuery};
use super::quotas::{year_of, YearPath};
use super::{narrowed, AppState};
use crate::auth::{authorize, authorize_role, region_case_access, Action, Caller, Scope};
use crate::cases;
use crate::cases::demands::Filter;
use crate::cases::reports::demand as summary;
use crate::domain::demand::{DemandDecision, DemandState};
use crate::domain::{EmployerId, Message, RegionCode};
use crate::error::{ApiError, Problem};
use crate::wire::demands::{
    Decision, DemandQuery, DemandSummaryView, DemandView, NewDemandRequest, ReviewRequest,
};
use crate::wire::docs::{IdempotencyConflict, IdempotencyKeyHeader, IfMatchDemand, StaleVersion};
use actix_web::http::header;
use actix_web::{get, post, web, HttpResponse};

super::page::cursor_page!(
    /// A page of demands.
    DemandPage,
    DemandView,
    "The demands on this page, oldest first."
);

fn parse_region(s: &str, field: &str) -> Result<RegionCode, ApiError> {
    s.parse()
        .map_err(|e: crate::domain::ids::IdError| ApiError::invalid(field, e))
}

/// File quota demand for next year
///
/// Files demand for next year's quota (employer), within the filing window of the rule
/// set in force (Art. 32(5)).
#[utoipa::path(tag = "quota demand", security(("bearer" = [])),
    params(IdempotencyKeyHeader),
    request_body = NewDemandRequest,
    responses(
        (status = 201, description = "Filed.", body = DemandView, headers(("Location" = String, description = "The demand."), ("ETag" = String, description = "The version."))),
        (status = 404, description = "No rule set in force.", body = Problem, content_type = "application/problem+json"),
        IdempotencyConflict,
        crate::wire::refusals::FileDemandRefused,
    ))]
#[post("/quota-demands")]
pub async fn file_quota_demand(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    key: IdempotencyKey,
    body: Body<NewDemandRequest>,
) -> Result<HttpResponse, ApiError> {
    let req = body.value;
    let region = parse_region(&req.region, "region")?;
    let bin: EmployerId = caller
        .bin
        .clone()
        .ok_or_else(|| ApiError::Forbidden(Message::new("forbidden-no-bin")))?;
    authorize(
        &caller,
        Action::FileQuotaDemand,
        Scope::Case {
            region: &region,
            bin: &bin,
        },
    )?;
    let today = state.time.today();
    let actor = state.actor(&caller, &rid);
    let cmd = cases::demands::FileDemand {
        year: req.year,
        region,
        bin,
        category: req.category,
        profession: req.profession,
        number: req.number,
        justification: req.justification,
    };
    create(&state, &caller, key, body.fingerprint, move |conn| {
        let view = DemandView::from(cases::demands::file(conn, &cmd, today, &actor)?);
        Ok(Created {
            location: format!("/v1/quota-demands/{}", view.id),
            version: Some(view.version),
            body: view,
        })
    })
    .await
}

/// List quota demands
///
/// Demands, oldest first: an employer sees its own, an akimat its region's, the ministry
/// and auditors all.
#[utoipa::path(tag = "quota demand", security(("bearer" = [])), params(DemandQuery, PageQuery),
    responses((status = 200, description = "A page of demands.", body = DemandPage)))]
#[get("/quota-demands")]
pub async fn list_quota_demands(
    state: web::Data<AppState>,
    caller: Caller,
    filter: Query<DemandQuery>,
    page: Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.0.parse()?;
    let Query(f) = filter;
    let scope = narrowed(
        &state,
        &caller,
        Action::ReadQuotaDemands,
        f.region.as_deref(),
    )?;
    let filter = Filter {
        year: f.year.map(year_of).transpose()?,
        region: scope.region,
        bin: scope.bin,
        status: f.status.map(DemandState::from),
        after_id: page.after_id,
        limit: page.fetch(),
    };
    let rows = state
        .db(move |c| Ok(cases::demands::list(c, &filter)?))
        .await?;
    let (items, next_cursor) = split(page, rows, |d| d.id, |d| Ok(DemandView::from(d)))?;
    Ok(HttpResponse::Ok().json(DemandPage { items, next_cursor }))
}

/// Read a quota demand
///
/// One demand for next year's quota with its categories and its review (Art. 32(5)): an
/// employer reads its own, an akimat its region's, the ministry and auditors all; another
/// employer's or another region's answers 404.
#[utoipa::path(tag = "quota demand", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Demand id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64)),
    responses(
        (status = 200, description = "The demand.", body = DemandView, headers(("ETag" = String, description = "The version."))),
        (status = 404, description = "No such demand, or not the caller's.", body = Problem, content_type = "application/problem+json"),
    ))]
#[get("/quota-demands/{id}")]
pub async fn get_quota_demand(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    authorize_role(&caller, Action::ReadQuotaDemands)?;
    let view = state
        .db(move |c| {
            cases::demands::load(c, id, region_case_access(&caller, Action::ReadQuotaDemands))
                .map(DemandView::from)
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(view.version)))
        .json(view))
}

/// Review a quota demand
///
/// Reviews a demand of the akimat's region: accept, reduce with a reason, or reject with
/// a reason; the reviewed demand is the region's proposal to the ministry (Art. 32(5)).
#[utoipa::path(tag = "quota demand", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Demand id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IfMatchDemand),
    request_body = ReviewRequest,
    responses(
        (status = 200, description = "Reviewed.", body = DemandView, headers(("ETag" = String, description = "The version."))),
        (status = 404, description = "No such demand, or not the caller's region.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already reviewed.", body = Problem, content_type = "application/problem+json"),
        StaleVersion,
        crate::wire::refusals::ReviewDemandRefused,
    ))]
#[post("/quota-demands/{id}/review")]
pub async fn review_quota_demand(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    if_match: IfMatch,
    id: web::Path<i64>,
    body: Body<ReviewRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    authorize_role(&caller, Action::ReviewQuotaDemand)?;
    let req = body.value;
    let actor = state.actor(&caller, &rid);
    let cmd = cases::demands::Review {
        decision: match req.decision {
            Decision::Accept => DemandDecision::Accept,
            Decision::Reduce => DemandDecision::Reduce,
            Decision::Reject => DemandDecision::Reject,
        },
        accepted_number: req.accepted_number,
        reason: req.reason,
        expected_version: if_match.0,
    };
    let view = state
        .write(move |conn| {
            let access = region_case_access(&caller, Action::ReviewQuotaDemand);
            let (_, after) = cases::demands::review(conn, id, &cmd, access, &actor)?;
            Ok(DemandView::from(after))
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(view.version)))
        .json(view))
}

/// Demand summary for setting the quota
///
/// A year's demand by region × category beside the labour-force arithmetic of the
/// quota, for the ministry setting it (Art. 32(5)).
#[utoipa::path(tag = "quota demand", security(("bearer" = [])),
    params(YearPath),
    responses((status = 200, description = "The summary.", body = DemandSummaryView)))]
#[get("/quotas/{year}/demand-summary")]
pub async fn quota_demand_summary(
    state: web::Data<AppState>,
    caller: Caller,
    YearPath(year): YearPath,
) -> Result<HttpResponse, ApiError> {
    authorize(&caller, Action::ReadQuotaDemandSummary, Scope::All)?;
    let s = state.read(move |c| Ok(summary::summary(c, year)?)).await?;
    Ok(HttpResponse::Ok().json(DemandSummaryView::from(s)))
}

impl crate::api::extract::ActionBody for NewDemandRequest {
    const ACTION: Action = Action::FileQuotaDemand;
}

impl crate::api::extract::ActionBody for ReviewRequest {
    const ACTION: Action = Action::ReviewQuotaDemand;
}
