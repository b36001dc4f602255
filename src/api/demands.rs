//! Quota demand (Art. 32(5)): employers file next year's need, akimats review their
//! region's, the ministry sees it aggregated beside the labour-force arithmetic.

use super::extract::{Body, IdempotencyKey, IfMatch, Query, RequestId};
use super::idempotency::{create, etag, Created};
use super::page::{split, PageQuery};
use super::quotas::{year_of, YearPath};
use super::{narrowed, AppState};
use crate::api::docs::{IdempotencyConflict, IdempotencyKeyHeader, IfMatchDemand, StaleVersion};
use crate::auth::{authorize, authorize_role, region_case_access, Action, Caller, Scope};
use crate::cases;
use crate::cases::demands::{Demand, Filter};
use crate::cases::reports::demand as summary;
use crate::domain::demand::{DemandDecision, DemandState};
use crate::domain::{Category, EmployerId, Message, RegionCode};
use crate::error::{ApiError, Problem};
use actix_web::http::header;
use actix_web::{get, post, web, HttpResponse};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

/// An employer's demand for next year's quota.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewDemandRequest {
    /// The quota year the demand is for (filed in the year before).
    #[validate(range(min = 2000, max = 2100))]
    #[schema(example = 2027, minimum = 2000, maximum = 2100)]
    pub year: i32,
    /// Region where the workers will work (ISO 3166-2:KZ).
    #[schema(example = "KZ-75", pattern = "^KZ-[0-9]{2}$")]
    pub region: String,
    /// Worker category the workers are needed in.
    pub category: Category,
    /// Profession needed; for `seasonal`, one on the ministry's seasonal list (Art. 7(21-1)).
    #[validate(
        length(min = 1, max = 200),
        custom(function = "crate::api::extract::not_blank")
    )]
    #[schema(
        pattern = "\\S",
        example = "Petroleum engineer",
        min_length = 1,
        max_length = 200
    )]
    pub profession: String,
    /// Workers needed.
    #[validate(range(min = 1, max = 100_000))]
    #[schema(example = 12, minimum = 1, maximum = 100_000)]
    pub number: i64,
    /// Why Kazakh staff cannot fill the positions.
    #[validate(
        length(min = 1, max = 4000),
        custom(function = "crate::api::extract::not_blank")
    )]
    #[schema(
        pattern = "\\S",
        example = "New refinery unit; no local candidates on the Electronic Labour Exchange",
        min_length = 1,
        max_length = 4000
    )]
    pub justification: String,
}

/// A quota demand and its review.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DemandView {
    /// Identifier of the demand.
    pub id: i64,
    /// The quota year the demand is for (filed in the year before, Art. 32(5)).
    pub year: i32,
    /// Region where the workers will work (ISO 3166-2:KZ).
    #[schema(example = "KZ-75")]
    pub region: String,
    /// The employer's BIN.
    #[schema(example = "210340000013")]
    pub bin: String,
    /// Worker category the workers are needed in.
    pub category: Category,
    /// Profession the workers are needed for.
    pub profession: String,
    /// Workers requested.
    pub number: i64,
    /// Why Kazakh staff cannot fill the positions, as the employer filed it.
    pub justification: String,
    /// filed, accepted, reduced or rejected.
    #[schema(example = "filed")]
    pub status: DemandStatus,
    /// The number the akimat supports, once reviewed.
    pub accepted_number: Option<i64>,
    /// The akimat's reason (required to reduce or reject); null until reviewed.
    pub review_reason: Option<String>,
    /// Token subject of the akimat user who reviewed the demand; null until reviewed.
    pub reviewed_by: Option<String>,
    /// When the akimat reviewed the demand (UTC); null until reviewed.
    pub reviewed_at: Option<DateTime<Utc>>,
    /// When the demand was filed (UTC).
    pub filed_at: DateTime<Utc>,
    /// Token subject of the employer user who filed the demand.
    pub filed_by: String,
    /// Version; also the `ETag`.
    pub version: i64,
}

/// Where a demand stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DemandStatus {
    /// Filed by the employer, awaiting the akimat's review.
    Filed,
    /// The akimat supports the whole number.
    Accepted,
    /// The akimat supports a smaller number.
    Reduced,
    /// The akimat supports none of it.
    Rejected,
}

impl From<DemandState> for DemandStatus {
    fn from(s: DemandState) -> Self {
        match s {
            DemandState::Filed => DemandStatus::Filed,
            DemandState::Accepted => DemandStatus::Accepted,
            DemandState::Reduced => DemandStatus::Reduced,
            DemandState::Rejected => DemandStatus::Rejected,
        }
    }
}

impl From<DemandStatus> for DemandState {
    fn from(s: DemandStatus) -> Self {
        match s {
            DemandStatus::Filed => DemandState::Filed,
            DemandStatus::Accepted => DemandState::Accepted,
            DemandStatus::Reduced => DemandState::Reduced,
            DemandStatus::Rejected => DemandState::Rejected,
        }
    }
}

impl From<Demand> for DemandView {
    fn from(d: Demand) -> Self {
        DemandView {
            id: d.id,
            year: d.year,
            region: d.region.to_string(),
            bin: d.bin.to_string(),
            category: d.category,
            profession: d.profession,
            number: d.number,
            justification: d.justification,
            status: d.status.into(),
            accepted_number: d.accepted_number,
            review_reason: d.review_reason,
            reviewed_by: d.reviewed_by,
            reviewed_at: d.reviewed_at.map(|t| t.and_utc()),
            filed_at: d.filed_at.and_utc(),
            filed_by: d.filed_by,
            version: d.version,
        }
    }
}

super::page::cursor_page!(
    /// A page of demands.
    DemandPage,
    DemandView,
    "The demands on this page, oldest first."
);

/// The akimat's decision.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Accept,
    Reduce,
    Reject,
}

/// Review of a demand by the region's akimat.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewRequest {
    /// `accept` the number requested, `reduce` it to `accepted_number`, or `reject` it.
    pub decision: Decision,
    /// For `reduce`: the number supported, below the number requested.
    #[validate(range(min = 0, max = 100_000))]
    #[schema(minimum = 0, maximum = 100_000)]
    pub accepted_number: Option<i64>,
    /// Required for `reduce` and `reject`; when given, not blank.
    #[validate(
        length(min = 1, max = 4000),
        custom(function = "crate::api::extract::not_blank")
    )]
    #[schema(min_length = 1, max_length = 4000, pattern = "\\S")]
    pub reason: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DemandQuery {
    /// Only demands for this quota year.
    #[param(minimum = 2000, maximum = 2100)]
    pub year: Option<i32>,
    /// Only this region (an akimat always gets its own).
    #[param(pattern = "^KZ-[0-9]{2}$")]
    pub region: Option<String>,
    /// Only demands in this state.
    pub status: Option<DemandStatus>,
}

/// Demand for one region and category.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DemandSummaryRow {
    /// Region of the row (ISO 3166-2:KZ).
    pub region: String,
    /// Worker category of the row.
    pub category: Category,
    /// Number of demands filed.
    pub demands: i64,
    /// Workers requested.
    pub requested: i64,
    /// Workers the akimat supports (accepted and reduced demands).
    pub supported: i64,
    /// Workers in demands not reviewed yet.
    pub awaiting_review: i64,
}

/// Demand for one category nationwide, beside the quota set for it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DemandCategoryTotal {
    /// Worker category of the total.
    pub category: Category,
    /// Workers requested in the category, all regions.
    pub requested: i64,
    /// Workers the akimats support in the category (accepted and reduced demands), all regions.
    pub supported: i64,
    /// The national figure for the category, when the year's quota is set.
    pub quota: Option<i64>,
}

/// The labour-force arithmetic of the year's quota, when it is set (Art. 32(4)).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LabourForceArithmetic {
    /// Forecast labour force the quota is a share of (employed plus unemployed, Art. 1(11)).
    pub labour_force: i64,
    /// Percentage of the labour force for permits to employers, decimal (Art. 32(4)(1)).
    #[schema(value_type = crate::api::schemas::Percent, example = "0.25")]
    pub permit_percent: String,
    /// The permit quota: `permit_percent` of `labour_force`, rounded down (Art. 32(4)(1)).
    pub permit_total: i64,
}

/// A year's demand by region × category (Art. 32(5)).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DemandSummaryView {
    /// The quota year summarized.
    pub year: i32,
    /// Demand per region and worker category; only pairs with at least one demand appear.
    pub rows: Vec<DemandSummaryRow>,
    /// Demand per worker category, all regions, beside the national figure; every category once.
    pub by_category: Vec<DemandCategoryTotal>,
    /// The labour-force arithmetic of the year's quota (Art. 32(4)); null until it is set.
    pub quota: Option<LabourForceArithmetic>,
}

impl From<summary::Summary> for DemandSummaryView {
    fn from(s: summary::Summary) -> Self {
        let rows = s.rows.into_iter().map(|r| DemandSummaryRow {
            region: r.region,
            category: r.category,
            demands: r.demands,
            requested: r.requested,
            supported: r.supported,
            awaiting_review: r.awaiting_review,
        });
        let by_category = s.by_category.into_iter().map(|c| DemandCategoryTotal {
            category: c.category,
            requested: c.requested,
            supported: c.supported,
            quota: c.quota,
        });
        DemandSummaryView {
            year: s.year,
            rows: rows.collect(),
            by_category: by_category.collect(),
            quota: s.quota.map(|q| LabourForceArithmetic {
                labour_force: q.labour_force,
                permit_percent: q.permit_percent,
                permit_total: q.permit_total,
            }),
        }
    }
}

fn parse_region(s: &str, field: &str) -> Result<RegionCode, ApiError> {
    s.parse()
        .map_err(|e: crate::domain::ids::IdError| ApiError::invalid(field, e.to_string()))
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
        crate::api::refusals::FileDemandRefused,
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
        crate::api::refusals::ReviewDemandRefused,
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
