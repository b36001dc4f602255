//! Pre-trial complaints against the service's acts (APPK No. 350-VI, Art. 91-92, 99-100):
//! thin handlers that parse, authorize, call one command of `cases::complaint` and render.

use super::extract::{Body, IdempotencyKey, IfMatch, Query, RequestId};
use super::idempotency::{create, Created};
use super::lifecycle::{answer, Versioned};
use super::page::{split, PageQuery};
use super::{narrowed, AppState};
use crate::auth::{
    authorize_role, certificate_access, complaint_access, complaint_decider, permit_access, Action,
    Caller, Role,
};
use crate::cases::complaint::{self as cases, CaseLink, Complaint, QueueOf, Scope};
use crate::domain::{EmployerId, Message};
use crate::error::{ApiError, Problem};
use crate::wire::complaints::{
    CaseComplaintRequest, ComplaintCounts, ComplaintDecisionRequest, ComplaintQuery,
    ComplaintRequest, ComplaintStatistics, ComplaintStatisticsQuery, ComplaintView,
    HolderComplaintRequest, OutcomeWire, QueueQuery, ReconsiderationRequest,
};
use crate::wire::docs::{
    ComplaintExists, EmployerOrOtherRegion, IdempotencyKeyHeader, IfMatchComplaint,
    NotAkimatsComplaint, NotAnAkimat, NotAnEmployer, StaleVersionShort,
};
use actix_web::{get, post, web, HttpResponse};
use chrono::{Datelike, NaiveDate};

impl crate::api::extract::ActionBody for ComplaintRequest {
    const ACTION: Action = Action::FileComplaint;
}
impl crate::api::extract::ActionBody for CaseComplaintRequest {
    const ACTION: Action = Action::FileComplaint;
}
impl crate::api::extract::ActionBody for HolderComplaintRequest {
    const ACTION: Action = Action::ReconsiderComplaint;
}
impl crate::api::extract::ActionBody for ReconsiderationRequest {
    const ACTION: Action = Action::ReconsiderComplaint;
}
impl crate::api::extract::ActionBody for ComplaintDecisionRequest {
    const ACTION: Action = Action::DecideComplaint;
}

impl Versioned for ComplaintView {
    fn version(&self) -> i64 {
        self.version
    }
}

fn respond(c: Complaint) -> HttpResponse {
    answer(ComplaintView::from(c))
}

/// A complaint just filed, answered 201 at its address.
fn created(c: Complaint) -> Created<ComplaintView> {
    let v = ComplaintView::from(c);
    Created {
        location: format!("/v1/complaints/{}", v.id),
        version: Some(v.version),
        body: v,
    }
}

/// File a complaint against a permit decision
///
/// Files a complaint against a refusal, suspension or revocation of the employer's permit,
/// or against a decision not taken by its deadline (employer; APPK Art. 91, 92). Filed late
/// (after the rule set's months from the act), it is accepted and marked `late`.
#[utoipa::path(tag = "complaints", security(("bearer" = [])),
    params(IdempotencyKeyHeader),
    request_body = ComplaintRequest,
    responses(
        (status = 201, description = "Filed with the akimat whose act it contests.", body = ComplaintView, headers(("Location" = String, description = "The complaint."), ("ETag" = String, description = "The version."))),
        NotAnEmployer,
        (status = 404, description = "No such permit, or not the employer's; no rule set in force.", body = Problem, content_type = "application/problem+json"),
        ComplaintExists,
        crate::wire::refusals::FileComplaintRefused,
    ))]
#[post("/complaints")]
pub async fn file_complaint(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    key: IdempotencyKey,
    body: Body<ComplaintRequest>,
) -> Result<HttpResponse, ApiError> {
    authorize_role(&caller, Action::FileComplaint)?;
    let bin: EmployerId = caller
        .bin
        .clone()
        .ok_or_else(|| ApiError::Forbidden(Message::new("forbidden-no-bin")))?;
    let req = body.value;
    let cmd = cases::File {
        bin,
        permit_id: req.permit_id,
        act: req.act.into(),
        relief: req.relief.into(),
        grounds: req.grounds,
        references: req.references.into_iter().map(String::from).collect(),
    };
    let (today, offset) = (state.time.today(), state.time.offset());
    let actor = state.actor(&caller, &rid);
    let c = caller.clone();
    create(&state, &caller, key, body.fingerprint, move |conn| {
        let access = permit_access(&c, Action::FileComplaint);
        let filed = cases::file(conn, &cmd, today, offset, access, &actor)?;
        Ok(created(filed))
    })
    .await
}

/// Complain against an ICT permit refusal
///
/// Files the employer's complaint against the refusal of its ICT permit (employer; Art.
/// 35(1), APPK Art. 91, 92), with the akimat that refused, in the same queue and under the
/// same terms as a permit's. Filed late, it is accepted and marked `late`.
#[utoipa::path(tag = "complaints", security(("bearer" = [])),
    params(("id" = i64, Path, description = "ICT permit id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IdempotencyKeyHeader),
    request_body = CaseComplaintRequest,
    responses(
        (status = 201, description = "Filed with the akimat that refused.", body = ComplaintView, headers(("Location" = String, description = "The complaint."), ("ETag" = String, description = "The version."))),
        NotAnEmployer,
        (status = 404, description = "No such ICT permit, or not the employer's; no rule set in force.", body = Problem, content_type = "application/problem+json"),
        ComplaintExists,
        crate::wire::refusals::FileComplaintRefused,
    ))]
#[post("/ict-permits/{id}/complaints")]
pub async fn file_ict_complaint(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    key: IdempotencyKey,
    id: web::Path<i64>,
    body: Body<CaseComplaintRequest>,
) -> Result<HttpResponse, ApiError> {
    let case = CaseLink::Ict(id.into_inner());
    file_case(state, caller, rid, key, case, body.value, body.fingerprint).await
}

/// Register a complaint against a certificate refusal
///
/// Registers a certificate holder's written complaint against the refusal of the
/// certificate (akimat, its own region; Art. 34(1), APPK Art. 91, 92): the akimat that
/// registered the application registers the complaint, which it may then satisfy itself
/// or pass on. Filed late, it is accepted and marked `late`.
#[utoipa::path(tag = "complaints", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Certificate id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IdempotencyKeyHeader),
    request_body = HolderComplaintRequest,
    responses(
        (status = 201, description = "Registered with the akimat that refused.", body = ComplaintView, headers(("Location" = String, description = "The complaint."), ("ETag" = String, description = "The version."))),
        NotAnAkimat,
        (status = 404, description = "No such certificate, or not the akimat's region; no rule set in force.", body = Problem, content_type = "application/problem+json"),
        ComplaintExists,
        crate::wire::refusals::FileComplaintRefused,
    ))]
#[post("/self-employment-certificates/{id}/complaints")]
pub async fn file_certificate_complaint(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    key: IdempotencyKey,
    id: web::Path<i64>,
    body: Body<HolderComplaintRequest>,
) -> Result<HttpResponse, ApiError> {
    let case = CaseLink::Certificate(id.into_inner());
    file_case(
        state,
        caller,
        rid,
        key,
        case,
        body.value.0,
        body.fingerprint,
    )
    .await
}

/// The skeleton of filing against a certificate's or an ICT permit's refusal: one
/// command, the caller's own case (404 otherwise), answered 201 with the complaint.
async fn file_case(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    key: IdempotencyKey,
    case: CaseLink,
    req: CaseComplaintRequest,
    fingerprint: String,
) -> Result<HttpResponse, ApiError> {
    let action = match case {
        CaseLink::Certificate(_) => Action::ReconsiderComplaint,
        CaseLink::Ict(_) => Action::FileComplaint,
    };
    authorize_role(&caller, action)?;
    let cmd = cases::FileCase {
        case,
        relief: req.relief.into(),
        grounds: req.grounds,
        references: req.references.into_iter().map(String::from).collect(),
    };
    let (today, offset) = (state.time.today(), state.time.offset());
    let actor = state.actor(&caller, &rid);
    let c = caller.clone();
    create(&state, &caller, key, fingerprint, move |conn| {
        let access = certificate_access(&c, action);
        let filed = cases::file_case(conn, &cmd, (today, offset), access, &actor)?;
        Ok(created(filed))
    })
    .await
}

/// Read a complaint
///
/// One complaint with its deadlines: the employer's own, an akimat's region's, all for the
/// ministry and auditors.
#[utoipa::path(tag = "complaints", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Complaint id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64)),
    responses(
        (status = 200, description = "The complaint.", body = ComplaintView, headers(("ETag" = String, description = "The version."))),
        (status = 404, description = "No such complaint, or not the caller's.", body = Problem, content_type = "application/problem+json"),
    ))]
#[get("/complaints/{id}")]
pub async fn get_complaint(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    authorize_role(&caller, Action::ReadComplaints)?;
    let id = id.into_inner();
    let today = state.time.today();
    let c = state
        .db(move |c| {
            cases::one(
                c,
                id,
                today,
                complaint_access(&caller, Action::ReadComplaints),
            )
        })
        .await?;
    Ok(respond(c))
}

super::page::cursor_page!(
    /// A page of complaints.
    ComplaintPage,
    ComplaintView,
    "The complaints on this page."
);

/// The listing's scope: what the caller may see, narrowed by the query.
fn scope_of(state: &AppState, caller: &Caller, q: &ComplaintQuery) -> Result<Scope, ApiError> {
    let visible = narrowed(state, caller, Action::ReadComplaints, q.region.as_deref())?;
    Ok(Scope {
        region: visible.region,
        bin: visible.bin,
        overdue: q.overdue == Some(true),
    })
}

/// List complaints
///
/// Complaints, oldest first, with their deadlines: an employer lists its own, an akimat
/// those against its region's acts, the ministry and auditors all.
#[utoipa::path(tag = "complaints", security(("bearer" = [])), params(ComplaintQuery, PageQuery),
    responses(
        (status = 200, description = "A page of complaints.", body = ComplaintPage),
        (status = 403, description = "An akimat asking for another region.", body = Problem, content_type = "application/problem+json"),
    ))]
#[get("/complaints")]
pub async fn list_complaints(
    state: web::Data<AppState>,
    caller: Caller,
    filter: Query<ComplaintQuery>,
    page: Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.0.parse()?;
    let today = state.time.today();
    let scope = scope_of(&state, &caller, &filter.0)?;
    let (after_id, limit) = (page.after_id, page.fetch());
    let rows = state
        .db(move |c| Ok(cases::list(c, &scope, today, after_id, limit)?))
        .await?;
    let (items, next_cursor) = split(page, rows, |r| r.id, |r| Ok(ComplaintView::from(r)))?;
    Ok(HttpResponse::Ok().json(ComplaintPage { items, next_cursor }))
}

/// Complaints awaiting a decision
///
/// The queue of open complaints by deadline, the earliest (and overdue) first: an akimat's
/// those awaiting it (its own term, or its decision where the rule set names the akimat),
/// the ministry's those it decides; auditors read every open complaint. Ahead of them all,
/// the annulled revocations whose permits wait for quota (`awaiting_quota`), for the
/// akimat to reinstate once there is room.
#[utoipa::path(tag = "complaints", security(("bearer" = [])), params(QueueQuery),
    responses(
        (status = 200, description = "Open complaints by deadline (at most `limit`, never a `next_cursor`).", body = ComplaintPage),
        EmployerOrOtherRegion,
    ))]
#[get("/complaint-queue")]
pub async fn complaint_queue(
    state: web::Data<AppState>,
    caller: Caller,
    filter: Query<QueueQuery>,
) -> Result<HttpResponse, ApiError> {
    let whose = match caller.role {
        Role::Employer => {
            return Err(ApiError::Forbidden(
                Message::new("forbidden-role").text("role", caller.role.as_str()),
            ))
        }
        Role::Ministry => QueueOf::Ministry,
        Role::Akimat => QueueOf::Akimat,
        _ => QueueOf::All,
    };
    let limit = PageQuery {
        limit: filter.0.limit,
        cursor: None,
    }
    .parse()?
    .limit();
    let today = state.time.today();
    let q = ComplaintQuery {
        region: filter.0.region.clone(),
        overdue: filter.0.overdue,
    };
    let scope = scope_of(&state, &caller, &q)?;
    let rows = state
        .db(move |c| Ok(cases::officials(c, &scope, whose, today, limit)?))
        .await?;
    Ok(HttpResponse::Ok().json(ComplaintPage {
        items: rows.into_iter().map(ComplaintView::from).collect(),
        next_cursor: None,
    }))
}

/// Complaint statistics by region
///
/// Complaints filed, satisfied and refused by region and kind of act, with the median
/// time to decide: the ministry and auditors all regions, an akimat its own.
#[utoipa::path(tag = "complaints", security(("bearer" = [])), params(ComplaintStatisticsQuery),
    responses(
        (status = 200, description = "The counts.", body = ComplaintStatistics),
        EmployerOrOtherRegion,
    ))]
#[get("/complaint-statistics")]
pub async fn complaint_statistics(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<ComplaintStatisticsQuery>,
) -> Result<HttpResponse, ApiError> {
    authorize_role(&caller, Action::ReadStatistics)?;
    let scope = narrowed(
        &state,
        &caller,
        Action::ReadStatistics,
        q.0.region.as_deref(),
    )?;
    let today = state.time.today();
    let from =
        q.0.filed_from
            .or_else(|| NaiveDate::from_ymd_opt(today.year(), 1, 1))
            .unwrap_or(today);
    let to = q.0.filed_to.unwrap_or(today);
    let rows = state
        .db(move |c| Ok(cases::statistics(c, from, to, scope.region.as_ref())?))
        .await?;
    let rows = rows
        .into_iter()
        .map(|r| ComplaintCounts {
            region: r.region.to_string(),
            act: r.act.into(),
            filed: r.counts.filed,
            late: r.counts.late,
            reconsidered: r.counts.reconsidered,
            satisfied: r.counts.satisfied,
            partly_satisfied: r.counts.partly_satisfied,
            refused: r.counts.refused,
            open: r.counts.open,
            median_days_to_decide: r.counts.median_days_to_decide,
        })
        .collect();
    Ok(HttpResponse::Ok().json(ComplaintStatistics {
        filed_from: from,
        filed_to: to,
        rows,
    }))
}

/// Satisfy a complaint by the akimat itself
///
/// The akimat whose act is contested satisfies the complaint itself within its term (APPK
/// Art. 91(4)): the act is annulled and the permit goes back to where it stood before it.
#[utoipa::path(tag = "complaints", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Complaint id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IfMatchComplaint),
    request_body = ReconsiderationRequest,
    responses(
        (status = 200, description = "Satisfied by the akimat: the act annulled.", body = ComplaintView, headers(("ETag" = String, description = "The version."))),
        NotAnAkimat,
        NotAkimatsComplaint,
        (status = 409, description = "Not `filed`, or the permit changed concurrently.", body = Problem, content_type = "application/problem+json"),
        StaleVersionShort,
        crate::wire::refusals::ReconsiderComplaintRefused,
    ))]
#[post("/complaints/{id}/reconsideration")]
pub async fn reconsider_complaint(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    if_match: IfMatch,
    id: web::Path<i64>,
    body: Body<ReconsiderationRequest>,
) -> Result<HttpResponse, ApiError> {
    let (id, reasons) = (id.into_inner(), body.value.reasons);
    let action = Action::ReconsiderComplaint;
    authorize_role(&caller, action)?;
    let (today, actor) = (state.time.today(), state.actor(&caller, &rid));
    let done = state
        .write(move |c| {
            let access = complaint_access(&caller, action);
            cases::reconsider(c, id, &reasons, if_match.0, today, access, &actor)
        })
        .await?;
    Ok(respond(done))
}

/// Forward a complaint to the considering body
///
/// The akimat passes the complaint with the case to the body considering it (APPK Art.
/// 91(3), (4)), whose decision term runs from today in working days.
#[utoipa::path(tag = "complaints", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Complaint id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IfMatchComplaint),
    responses(
        (status = 200, description = "With the body considering it, with its deadline.", body = ComplaintView, headers(("ETag" = String, description = "The version."))),
        NotAnAkimat,
        NotAkimatsComplaint,
        (status = 409, description = "Not `filed`.", body = Problem, content_type = "application/problem+json"),
        StaleVersionShort,
    ))]
#[post("/complaints/{id}/forwarding")]
pub async fn forward_complaint(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    if_match: IfMatch,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let action = Action::ReconsiderComplaint;
    authorize_role(&caller, action)?;
    let (today, actor) = (state.time.today(), state.actor(&caller, &rid));
    let done = state
        .write(move |c| {
            let access = complaint_access(&caller, action);
            cases::forward(c, id, if_match.0, today, access, &actor)
        })
        .await?;
    Ok(respond(done))
}

/// Reinstate a permit once quota is free
///
/// The akimat reinstates the permit of a complaint that annulled its revocation while the
/// regions had no quota left (`awaiting_quota`, first in the complaint queue): the permit
/// is active again with its quota held and used anew, the 12-month bar lifted (APPK Art.
/// 91(3), Art. 33(2)).
#[utoipa::path(tag = "complaints", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Complaint id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IfMatchComplaint),
    responses(
        (status = 200, description = "Reinstated: the permit active, the complaint no longer awaiting quota.", body = ComplaintView, headers(("ETag" = String, description = "The version."))),
        NotAnAkimat,
        NotAkimatsComplaint,
        (status = 409, description = "`complaint-not-awaiting-quota`, or the permit changed concurrently.", body = Problem, content_type = "application/problem+json"),
        StaleVersionShort,
        crate::wire::refusals::ReinstateRefused,
    ))]
#[post("/complaints/{id}/reinstatement")]
pub async fn reinstate_complaint(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    if_match: IfMatch,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let action = Action::ReconsiderComplaint;
    authorize_role(&caller, action)?;
    let (today, actor) = (state.time.today(), state.actor(&caller, &rid));
    let done = state
        .write(move |c| {
            let access = complaint_access(&caller, action);
            cases::reinstate(c, id, if_match.0, today, access, &actor)
        })
        .await?;
    Ok(respond(done))
}

/// Decide a complaint
///
/// The body considering the complaint decides it (APPK Art. 91(3), 92(2)-(3)): satisfied
/// (the act annulled, the permit back where it stood, a revocation's quota held again and
/// its bar lifted), partly satisfied or refused with reasons.
#[utoipa::path(tag = "complaints", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Complaint id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IfMatchComplaint),
    request_body = ComplaintDecisionRequest,
    responses(
        (status = 200, description = "Decided.", body = ComplaintView, headers(("ETag" = String, description = "The version."))),
        (status = 403, description = "Not the body the rule set names to decide it (`forbidden-not-deciding-body`), or a role that never decides.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such complaint, or not the akimat's region.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not `forwarded`, or the permit changed concurrently.", body = Problem, content_type = "application/problem+json"),
        StaleVersionShort,
        crate::wire::refusals::DecideComplaintRefused,
    ))]
#[post("/complaints/{id}/decisions")]
pub async fn decide_complaint(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    if_match: IfMatch,
    id: web::Path<i64>,
    body: Body<ComplaintDecisionRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let req = body.value;
    let cmd = cases::Decide {
        outcome: match req.outcome {
            OutcomeWire::Satisfied => cases::Outcome::Satisfied,
            OutcomeWire::PartlySatisfied => cases::Outcome::PartlySatisfied,
            OutcomeWire::Refused => cases::Outcome::Refused,
        },
        reasons: req.reasons,
        term_restored: req.term_restored,
    };
    authorize_role(&caller, Action::DecideComplaint)?;
    let (today, actor) = (state.time.today(), state.actor(&caller, &rid));
    let done = state
        .write(move |c| {
            let access = complaint_decider(&caller);
            cases::decide(c, id, &cmd, if_match.0, today, access, &actor)
        })
        .await?;
    Ok(respond(done))
}
