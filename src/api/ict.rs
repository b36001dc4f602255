//! Intra-corporate transfers (Art. 35, 1(25), 32(3), 33(4)): ICT permits applied for by the
//! Kazakh branch, subsidiary or representative office and decided, extended once,
//! suspended, resumed or revoked by the akimat of the region; arrival notifications
//! (Art. 35(3)); departures (Art. 28(2)(8)); the regional register of ICT foreigners
//! (Art. 35(5)). No quota and no fee: nothing here reaches the ledger.

use super::extract::{Body, IdempotencyKey, IfMatch, Query, RequestId};
use super::idempotency::{create, Created};
use super::lifecycle::{answer, moved, Versioned};
use super::page::{next_cursor, split, PageQuery};
use super::AppState;
use crate::auth::{authorize, authorize_role, region_case_access, visible, Action, Caller, Scope};
use crate::cases::ict::{self as cmd, Decide, Measure, Notify};
use crate::cases::ict::{list, view};
use crate::domain::{Condition, Reason};
use crate::domain::{Message, RegionCode};
use crate::error::{ApiError, Problem};
use crate::wire::docs::{
    IdempotencyConflict, IdempotencyKeyHeader, IfMatchPermit, NotCallersPermit, StaleVersion,
};
use crate::wire::ict::{
    application, ArrivalNotificationRequest, ArrivalView, IctDecisionParam, IctDecisionRequest,
    IctDepartureRequest, IctExtensionDecisionRequest, IctExtensionRequest, IctMeasureParam,
    IctMeasureRequest, IctPermitView, IctRegisterLine, IctWorkerView, NewIctPermitRequest,
    RegisterQuery,
};
use actix_web::{get, post, web, HttpResponse};

impl crate::api::extract::ActionBody for NewIctPermitRequest {
    const ACTION: Action = Action::ApplyIctPermit;
}
impl crate::api::extract::ActionBody for IctDecisionRequest {
    const ACTION: Action = Action::DecideIctPermit;
}
impl crate::api::extract::ActionBody for IctExtensionRequest {
    const ACTION: Action = Action::ApplyIctExtension;
}
impl crate::api::extract::ActionBody for IctExtensionDecisionRequest {
    const ACTION: Action = Action::DecideIctPermit;
}
impl crate::api::extract::ActionBody for IctMeasureRequest {
    const ACTION: Action = Action::DecideIctPermit;
}
impl crate::api::extract::ActionBody for ArrivalNotificationRequest {
    const ACTION: Action = Action::NotifyIct;
}
impl crate::api::extract::ActionBody for IctDepartureRequest {
    const ACTION: Action = Action::NotifyIct;
}

super::page::cursor_page!(
    /// A page of ICT permits.
    IctPermitPage,
    IctPermitView,
    "The items on this page, oldest first."
);

/// Apply for an ICT permit
///
/// Files an ICT permit application for the caller's own BIN (Art. 35(1), 1(25)): the BIN
/// agrees with the declared form; the sender is in a WTO member today; the contract runs at
/// most three years; each worker works for the sender and takes the ICT route (the route
/// finder); managers and specialists, with those on the employer's other live ICT permits,
/// keep the rule set's ratio (Art. 35(4)). No quota, no fee.
#[utoipa::path(tag = "ict", security(("bearer" = [])),
    params(IdempotencyKeyHeader),
    request_body = NewIctPermitRequest,
    responses(
        (status = 201, description = "Filed.", body = IctPermitView, headers(("Location" = String, description = "The permit."), ("ETag" = String, description = "The version."))),
        (status = 404, description = "No such country, or no rule set in force.", body = Problem, content_type = "application/problem+json"),
        IdempotencyConflict,
        crate::wire::refusals::ApplyIctRefused,
    ))]
#[post("/ict-permits")]
pub async fn apply_ict_permit(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    key: IdempotencyKey,
    body: Body<NewIctPermitRequest>,
) -> Result<HttpResponse, ApiError> {
    let req = body.value;
    let region: RegionCode = req
        .region
        .parse()
        .map_err(|e: crate::domain::ids::IdError| ApiError::invalid("region", e))?;
    let bin = caller
        .bin
        .clone()
        .ok_or_else(|| ApiError::Forbidden(Message::new("forbidden-no-bin")))?;
    authorize(
        &caller,
        Action::ApplyIctPermit,
        Scope::Case {
            region: &region,
            bin: &bin,
        },
    )?;
    let command = application(req, region, bin)?;
    let today = state.time.today();
    let actor = state.actor(&caller, &rid);
    create(&state, &caller, key, body.fingerprint, move |conn| {
        let row = cmd::apply(conn, &command, today, &actor)?;
        let view = IctPermitView::from(view::of_row(conn, row)?);
        Ok(Created {
            location: format!("/v1/ict-permits/{}", view.id),
            version: Some(view.version),
            body: view,
        })
    })
    .await
}

/// List ICT permits
///
/// ICT permits, oldest first: an akimat sees its region's, an employer its own, the
/// ministry and auditors all.
#[utoipa::path(tag = "ict", security(("bearer" = [])), params(PageQuery),
    responses((status = 200, description = "A page of ICT permits.", body = IctPermitPage)))]
#[get("/ict-permits")]
pub async fn list_ict_permits(
    state: web::Data<AppState>,
    caller: Caller,
    page: Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.0.parse()?;
    let scope = visible(&caller, Action::ReadIctPermits, None)?;
    let rows = state
        .read(move |c| {
            let (region, bin) = (scope.region.as_ref(), scope.bin.as_ref());
            Ok(list::permits(c, region, bin, page.after_id, page.fetch())?)
        })
        .await?;
    let (items, next_cursor) = split(page, rows, |p| p.id, |p| Ok(IctPermitView::from(p)))?;
    Ok(HttpResponse::Ok().json(IctPermitPage { items, next_cursor }))
}

/// Read an ICT permit
///
/// One ICT permit with its workers and notifications (404 when not the caller's to see).
#[utoipa::path(tag = "ict", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Permit id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64)),
    responses(
        (status = 200, description = "The permit.", body = IctPermitView, headers(("ETag" = String, description = "The version."))),
        (status = 404, description = "No such permit, or not the caller's to see.", body = Problem, content_type = "application/problem+json"),
    ))]
#[get("/ict-permits/{id}")]
pub async fn get_ict_permit(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    authorize_role(&caller, Action::ReadIctPermits)?;
    let today = state.time.today();
    let actor = crate::cases::permits::system_actor(state.time.now().naive_utc());
    let view = state
        .read_settled(
            move |c| {
                let access = region_case_access(&caller, Action::ReadIctPermits);
                Ok(view::read(c, id, today, access)?.map(IctPermitView::from))
            },
            move |c| Ok(view::settle(c, id, today, &actor)?),
        )
        .await?;
    Ok(answer(view))
}

impl Versioned for IctPermitView {
    fn version(&self) -> i64 {
        self.version
    }
}

/// Issue or refuse an ICT permit
///
/// Decides an application of the akimat's region: issue for the contract's term, or refuse
/// with the grounds (Art. 35(1)). No quota is held, no fee assessed (Art. 32(3), 33(4)).
#[utoipa::path(tag = "ict", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Permit id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IfMatchPermit),
    request_body = IctDecisionRequest,
    responses(
        (status = 200, description = "Decided.", body = IctPermitView, headers(("ETag" = String, description = "The version."))),
        (status = 404, description = "No such permit, or not the caller's region.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already decided.", body = Problem, content_type = "application/problem+json"),
        StaleVersion,
        crate::wire::refusals::DecideIctRefused,
    ))]
#[post("/ict-permits/{id}/decisions")]
pub async fn decide_ict_permit(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    if_match: IfMatch,
    id: web::Path<i64>,
    body: Body<IctDecisionRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    authorize_role(&caller, Action::DecideIctPermit)?;
    let body = body.value;
    let decision = match body.decision {
        IctDecisionParam::Issue if body.reason.is_none() && body.grounds.is_empty() => {
            Decide::Issue
        }
        IctDecisionParam::Issue => {
            return Err(ApiError::invalid(
                "reason",
                Reason::OnlyWhen(Condition::Refuse),
            ))
        }
        IctDecisionParam::Refuse => Decide::Refuse {
            grounds: body.grounds.into_iter().map(String::from).collect(),
            note: body.reason,
        },
    };
    let today = state.time.today();
    let actor = state.actor(&caller, &rid);
    moved(&state, move |conn| {
        let row = cmd::decide(
            conn,
            id,
            &decision,
            if_match.0,
            today,
            region_case_access(&caller, Action::DecideIctPermit),
            &actor,
        )?;
        Ok(IctPermitView::from(view::of_row(conn, row)?))
    })
    .await
}

/// Apply to extend an ICT permit
///
/// Applies for the one extension of an issued permit, of at most a year (employer,
/// Art. 35(1)): a second extension or one too long is refused at once with the article;
/// otherwise the application waits for the akimat.
#[utoipa::path(tag = "ict", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Permit id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IfMatchPermit),
    request_body = IctExtensionRequest,
    responses(
        (status = 200, description = "Applied for: the permit with its pending application.", body = IctPermitView, headers(("ETag" = String, description = "The version."))),
        NotCallersPermit,
        (status = 409, description = "Not issued, suspended, or an application is pending (`ict-extension-pending`).", body = Problem, content_type = "application/problem+json"),
        StaleVersion,
        crate::wire::refusals::ApplyIctExtensionRefused,
    ))]
#[post("/ict-permits/{id}/extensions")]
pub async fn apply_ict_extension(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    if_match: IfMatch,
    id: web::Path<i64>,
    body: Body<IctExtensionRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    authorize_role(&caller, Action::ApplyIctExtension)?;
    let months = body.value.months;
    let today = state.time.today();
    let actor = state.actor(&caller, &rid);
    moved(&state, move |conn| {
        let row = cmd::apply_extension(
            conn,
            id,
            months,
            if_match.0,
            today,
            region_case_access(&caller, Action::ApplyIctExtension),
            &actor,
        )?;
        Ok(IctPermitView::from(view::of_row(conn, row)?))
    })
    .await
}

/// Decide an ICT permit extension
///
/// Decides the employer's extension application for a permit of the akimat's region
/// (Art. 35(1)): extends it once, by at most a year and at most what was applied for, or
/// refuses with the reason.
#[utoipa::path(tag = "ict", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Permit id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IfMatchPermit),
    request_body = IctExtensionDecisionRequest,
    responses(
        (status = 200, description = "Extended, or the application refused.", body = IctPermitView, headers(("ETag" = String, description = "The version."))),
        (status = 404, description = "No such permit, or not the caller's region.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not issued, suspended, or no extension applied for (`ict-extension-not-applied`).", body = Problem, content_type = "application/problem+json"),
        StaleVersion,
        crate::wire::refusals::ExtendIctRefused,
    ))]
#[post("/ict-permits/{id}/extension-decisions")]
pub async fn extend_ict_permit(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    if_match: IfMatch,
    id: web::Path<i64>,
    body: Body<IctExtensionDecisionRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    authorize_role(&caller, Action::DecideIctPermit)?;
    let decision = cmd::ExtensionDecision::try_from(body.value)?;
    let today = state.time.today();
    let actor = state.actor(&caller, &rid);
    moved(&state, move |conn| {
        let row = cmd::extend(
            conn,
            id,
            &decision,
            if_match.0,
            today,
            region_case_access(&caller, Action::DecideIctPermit),
            &actor,
        )?;
        Ok(IctPermitView::from(view::of_row(conn, row)?))
    })
    .await
}

/// Suspend, resume or revoke an ICT permit
///
/// Suspends, resumes or revokes a permit of the akimat's region, with the grounds.
#[utoipa::path(tag = "ict", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Permit id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IfMatchPermit),
    request_body = IctMeasureRequest,
    responses(
        (status = 200, description = "Done.", body = IctPermitView, headers(("ETag" = String, description = "The version."))),
        (status = 404, description = "No such permit, or not the caller's region.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not allowed in the permit's state (`ict-measure-not-allowed`).", body = Problem, content_type = "application/problem+json"),
        StaleVersion,
        crate::wire::refusals::MeasureRefused,
    ))]
#[post("/ict-permits/{id}/measures")]
pub async fn ict_permit_measure(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    if_match: IfMatch,
    id: web::Path<i64>,
    body: Body<IctMeasureRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    authorize_role(&caller, Action::DecideIctPermit)?;
    let req = body.value;
    let measure = match (req.measure, req.ground) {
        (IctMeasureParam::Revoke, Some(ground)) => Measure::Revoke { ground },
        (IctMeasureParam::Revoke, None) => {
            return Err(ApiError::invalid(
                "ground",
                Reason::RequiredWhen(Condition::Revoke),
            ))
        }
        (_, Some(_)) => {
            return Err(ApiError::invalid(
                "ground",
                Reason::OnlyWhen(Condition::Revoke),
            ))
        }
        (IctMeasureParam::Suspend, None) => Measure::Suspend,
        (IctMeasureParam::Resume, None) => Measure::Resume,
    };
    let today = state.time.today();
    let actor = state.actor(&caller, &rid);
    moved(&state, move |conn| {
        let row = cmd::measure(
            conn,
            id,
            &measure,
            &req.reason,
            if_match.0,
            today,
            region_case_access(&caller, Action::DecideIctPermit),
            &actor,
        )?;
        Ok(IctPermitView::from(view::of_row(conn, row)?))
    })
    .await
}

/// Notify the arrival of ICT workers
///
/// The employer notifies the arrival of workers of its issued permit (Art. 35(3)): the
/// sending country and organisation, each worker's full name, education, qualification,
/// speciality and experience, and the term of work. Due within ten calendar days after
/// entry; a later notice is accepted and marked `late`.
#[utoipa::path(tag = "ict", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Permit id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IdempotencyKeyHeader),
    request_body = ArrivalNotificationRequest,
    responses(
        (status = 201, description = "Received.", body = ArrivalView, headers(("Location" = String, description = "The permit."))),
        NotCallersPermit,
        (status = 409, description = "The Idempotency-Key was used for another request, or a worker was notified concurrently.", body = Problem, content_type = "application/problem+json"),
        crate::wire::refusals::IctArrivalRefused,
    ))]
#[post("/ict-permits/{id}/arrivals")]
pub async fn notify_ict_arrival(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    key: IdempotencyKey,
    id: web::Path<i64>,
    body: Body<ArrivalNotificationRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    authorize_role(&caller, Action::NotifyIct)?;
    let command = Notify::try_from(body.value)?;
    let today = state.time.today();
    let actor = state.actor(&caller, &rid);
    let who = caller.clone();
    create(&state, &caller, key, body.fingerprint, move |conn| {
        let (_, arrival) = cmd::notify_arrival(
            conn,
            id,
            &command,
            today,
            region_case_access(&who, Action::NotifyIct),
            &actor,
        )?;
        Ok(Created {
            location: format!("/v1/ict-permits/{id}"),
            version: None,
            body: ArrivalView::from(view::Arrival::try_from(arrival)?),
        })
    })
    .await
}

/// Record an ICT worker's departure
///
/// The employer records that a worker of its permit left Kazakhstan once the permit has
/// ended — its last day passed, or it was revoked on or after the first day of its term
/// (the later of its issue and the contract's start) — (Art. 28(2)(8)), as for permits.
#[utoipa::path(tag = "ict", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Permit id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IdempotencyKeyHeader),
    request_body = IctDepartureRequest,
    responses(
        (status = 201, description = "Recorded.", body = IctWorkerView, headers(("Location" = String, description = "The permit."))),
        NotCallersPermit,
        (status = 409, description = "The permit has not ended (`ict-permit-not-ended`), the departure was already recorded (`ict-departure-recorded`), or the Idempotency-Key was used for another request.", body = Problem, content_type = "application/problem+json"),
        crate::wire::refusals::IctDepartureRefused,
    ))]
#[post("/ict-permits/{id}/departures")]
pub async fn record_ict_departure(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    key: IdempotencyKey,
    id: web::Path<i64>,
    body: Body<IctDepartureRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    authorize_role(&caller, Action::NotifyIct)?;
    let req = body.value;
    let today = state.time.today();
    let actor = state.actor(&caller, &rid);
    let who = caller.clone();
    create(&state, &caller, key, body.fingerprint, move |conn| {
        let worker = cmd::record_departure(
            conn,
            id,
            req.worker_id,
            req.date,
            &req.evidence,
            today,
            region_case_access(&who, Action::NotifyIct),
            &actor,
        )?;
        Ok(Created {
            location: format!("/v1/ict-permits/{id}"),
            version: None,
            body: IctWorkerView::from(view::Worker::from(worker)),
        })
    })
    .await
}

super::page::cursor_page!(
    /// A page of the register.
    IctRegisterPage,
    IctRegisterLine,
    "The items on this page, oldest first."
);

/// Register of ICT foreigners
///
/// The register of ICT foreigners (Art. 35(5)), by worker: every worker of a permit ever
/// issued, with the permit, the arrival notification and the departure. `attention`
/// lists the missing and late notifications (Art. 35(3)) and the overdue departures
/// (Art. 28(2)(8)). An akimat reads its region's; the ministry and auditors all.
#[utoipa::path(tag = "ict", security(("bearer" = [])), params(RegisterQuery),
    responses(
        (status = 200, description = "A page of the register.", body = IctRegisterPage),
        (status = 403, description = "Not a role that reads the register, or another region.", body = Problem, content_type = "application/problem+json"),
    ))]
#[get("/ict-register")]
pub async fn ict_register(
    state: web::Data<AppState>,
    caller: Caller,
    query: Query<RegisterQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.0;
    let page = PageQuery {
        limit: q.limit,
        cursor: q.cursor,
    }
    .parse()?;
    let scope = super::narrowed(
        &state,
        &caller,
        Action::ReadIctRegister,
        q.region.as_deref(),
    )?;
    let attention = q.attention.map(list::Attention::from);
    let today = state.time.today();
    let mut items = state
        .read(move |c| {
            let asked = list::RegisterPage {
                region: scope.region.as_ref(),
                attention,
                after_worker: page.after_id,
                limit: page.fetch(),
            };
            Ok(list::register(c, asked, today)?)
        })
        .await?;
    let next = next_cursor(page, &mut items, |l| l.worker_id);
    Ok(HttpResponse::Ok().json(IctRegisterPage {
        items: items.into_iter().map(IctRegisterLine::from).collect(),
        next_cursor: next,
    }))
}
