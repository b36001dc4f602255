//! Self-employment certificates (Art. 34, 1(30), 32(2)(8)) and employers' reports of their
//! holders' employment (Art. 28(2)(10)). The holder is a person, not an employer: the akimat
//! that decides a certificate, the ministry and auditors see it; an employer only one whose
//! holder's employment it reported.

use super::extract::{Body, IdempotencyKey, IfMatch, Query, RequestId};
use super::idempotency::{create, Created};
use super::lifecycle::{answer, moved, Versioned};
use super::page::{split, PageQuery};
use super::AppState;
use crate::auth::{authorize, authorize_role, certificate_access, visible, Action, Caller, Scope};
use crate::cases::certificates::{self as cmd, Decide, ReportKind};
use crate::cases::certificates::{list, view};
use crate::domain::person::PassportNumber;
use crate::domain::{Message, RegionCode};
use crate::error::{ApiError, Problem};
use crate::wire::certificates::{
    application, CertificateDecisionRequest, CertificateExtensionRequest, CertificateView,
    EmploymentReportRequest, EmploymentReportView, NewCertificateRequest, ReportKindParam,
};
use crate::wire::docs::{
    IdempotencyConflict, IdempotencyKeyHeader, IfMatchCertificate, StaleVersion,
};
use actix_web::{get, post, web, HttpResponse};

impl crate::api::extract::ActionBody for NewCertificateRequest {
    const ACTION: Action = Action::ApplySelfEmploymentCertificate;
}
impl crate::api::extract::ActionBody for CertificateDecisionRequest {
    const ACTION: Action = Action::DecideSelfEmploymentCertificate;
}
impl crate::api::extract::ActionBody for CertificateExtensionRequest {
    const ACTION: Action = Action::DecideSelfEmploymentCertificate;
}
impl crate::api::extract::ActionBody for EmploymentReportRequest {
    const ACTION: Action = Action::ReportSelfEmployment;
}

super::page::cursor_page!(
    /// A page of certificates.
    CertificatePage,
    CertificateView,
    "The certificates on this page, oldest first."
);

impl Versioned for CertificateView {
    fn version(&self) -> i64 {
        self.version
    }
}

/// Register a self-employment certificate application
///
/// Registers an application for a self-employment certificate (akimat, its own region),
/// made through a foreign mission or directly, for a profession on the in-demand list in
/// force today whose education and experience requirements are met (Art. 34(1)-(4)).
#[utoipa::path(tag = "self-employment", security(("bearer" = [])),
    params(IdempotencyKeyHeader),
    request_body = NewCertificateRequest,
    responses(
        (status = 201, description = "Registered.", body = CertificateView, headers(("Location" = String, description = "The certificate."), ("ETag" = String, description = "The version."))),
        (status = 404, description = "No such country, or no rule set in force.", body = Problem, content_type = "application/problem+json"),
        IdempotencyConflict,
        crate::wire::refusals::ApplyCertificateRefused,
    ))]
#[post("/self-employment-certificates")]
pub async fn apply_certificate(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    key: IdempotencyKey,
    body: Body<NewCertificateRequest>,
) -> Result<HttpResponse, ApiError> {
    let req = body.value;
    let region: RegionCode = req
        .region
        .parse()
        .map_err(|e: crate::domain::ids::IdError| ApiError::invalid("region", e))?;
    authorize(
        &caller,
        Action::ApplySelfEmploymentCertificate,
        Scope::Region(&region),
    )?;
    let command = application(region, req)?;
    let today = state.time.today();
    let actor = state.actor(&caller, &rid);
    create(&state, &caller, key, body.fingerprint, move |conn| {
        let row = cmd::apply(conn, &command, today, &actor)?;
        let view = CertificateView::from(view::Certificate::new(row, Vec::new()));
        Ok(Created {
            location: format!("/v1/self-employment-certificates/{}", view.id),
            version: Some(view.version),
            body: view,
        })
    })
    .await
}

/// List self-employment certificates
///
/// Certificates, oldest first: an akimat sees its region's, an employer those whose
/// holder's employment it reported, the ministry and auditors all.
#[utoipa::path(tag = "self-employment", security(("bearer" = [])), params(PageQuery),
    responses((status = 200, description = "A page of certificates.", body = CertificatePage)))]
#[get("/self-employment-certificates")]
pub async fn list_certificates(
    state: web::Data<AppState>,
    caller: Caller,
    page: Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.0.parse()?;
    let scope = visible(&caller, Action::ReadSelfEmploymentCertificates, None)?;
    let rows = state
        .read(move |c| {
            let (region, bin) = (scope.region.as_ref(), scope.bin.as_ref());
            Ok(list::list(c, region, bin, page.after_id, page.fetch())?)
        })
        .await?;
    let (items, next_cursor) = split(page, rows, |c| c.id, |c| Ok(CertificateView::from(c)))?;
    Ok(HttpResponse::Ok().json(CertificatePage { items, next_cursor }))
}

/// Read a self-employment certificate
///
/// One certificate with its employment history (404 when not the caller's to see).
#[utoipa::path(tag = "self-employment", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Certificate id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64)),
    responses(
        (status = 200, description = "The certificate.", body = CertificateView, headers(("ETag" = String, description = "The version."))),
        (status = 404, description = "No such certificate, or not the caller's to see.", body = Problem, content_type = "application/problem+json"),
    ))]
#[get("/self-employment-certificates/{id}")]
pub async fn get_certificate(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    authorize_role(&caller, Action::ReadSelfEmploymentCertificates)?;
    let view = state
        .db(move |c| {
            let access = certificate_access(&caller, Action::ReadSelfEmploymentCertificates);
            Ok(CertificateView::from(view::read(c, id, access)?))
        })
        .await?;
    Ok(answer(view))
}

/// Issue or refuse a self-employment certificate
///
/// Decides an application of the akimat's region: issue for at most three months, or
/// refuse on grounds of the rule set's `case_grounds` with an optional note (Art. 34(1)).
#[utoipa::path(tag = "self-employment", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Certificate id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IfMatchCertificate),
    request_body = CertificateDecisionRequest,
    responses(
        (status = 200, description = "Decided.", body = CertificateView, headers(("ETag" = String, description = "The version."))),
        (status = 404, description = "No such certificate, or not the caller's region.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already decided.", body = Problem, content_type = "application/problem+json"),
        StaleVersion,
        crate::wire::refusals::DecideCertificateRefused,
    ))]
#[post("/self-employment-certificates/{id}/decisions")]
pub async fn decide_certificate(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    if_match: IfMatch,
    id: web::Path<i64>,
    body: Body<CertificateDecisionRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    authorize_role(&caller, Action::DecideSelfEmploymentCertificate)?;
    let decision = Decide::try_from(body.value)?;
    let today = state.time.today();
    let actor = state.actor(&caller, &rid);
    moved(&state, move |conn| {
        let row = cmd::decide(
            conn,
            id,
            &decision,
            if_match.0,
            today,
            certificate_access(&caller, Action::DecideSelfEmploymentCertificate),
            &actor,
        )?;
        Ok(CertificateView::from(view::of_row(conn, row)?))
    })
    .await
}

/// Extend a self-employment certificate
///
/// Extends an issued certificate of the akimat's region for the holder's labour contract:
/// applied for within three months of issue, once the holder is employed (the contract
/// starts while the certificate is valid, or the employer reported the hire while it was),
/// for the contract's term, never beyond three years (Art. 34(1),(3)).
#[utoipa::path(tag = "self-employment", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Certificate id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IfMatchCertificate),
    request_body = CertificateExtensionRequest,
    responses(
        (status = 200, description = "Extended.", body = CertificateView, headers(("ETag" = String, description = "The version."))),
        (status = 404, description = "No such certificate, or not the caller's region.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not issued, or already extended.", body = Problem, content_type = "application/problem+json"),
        StaleVersion,
        crate::wire::refusals::ExtendCertificateRefused,
    ))]
#[post("/self-employment-certificates/{id}/extensions")]
pub async fn extend_certificate(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    if_match: IfMatch,
    id: web::Path<i64>,
    body: Body<CertificateExtensionRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    authorize_role(&caller, Action::DecideSelfEmploymentCertificate)?;
    let req = body.value;
    let command = cmd::Extend {
        employer: req
            .employer_bin
            .parse()
            .map_err(|e: crate::domain::ids::IdError| ApiError::invalid("employer_bin", e))?,
        contract_start: req.contract_start,
        contract_end: req.contract_end,
    };
    let today = state.time.today();
    let actor = state.actor(&caller, &rid);
    moved(&state, move |conn| {
        let row = cmd::extend(
            conn,
            id,
            &command,
            if_match.0,
            today,
            certificate_access(&caller, Action::DecideSelfEmploymentCertificate),
            &actor,
        )?;
        Ok(CertificateView::from(view::of_row(conn, row)?))
    })
    .await
}

/// Report a certificate holder's employment
///
/// An employer reports that it hired the holder of an issued certificate, or that the
/// employment ended (Art. 28(2)(10)); a day outside the certificate's validity is accepted
/// and flagged.
#[utoipa::path(tag = "self-employment", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Certificate id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IdempotencyKeyHeader),
    request_body = EmploymentReportRequest,
    responses(
        (status = 201, description = "Reported.", body = EmploymentReportView, headers(("Location" = String, description = "The certificate."))),
        (status = 404, description = "No such certificate.", body = Problem, content_type = "application/problem+json"),
        IdempotencyConflict,
        crate::wire::refusals::ReportEmploymentRefused,
    ))]
#[post("/self-employment-certificates/{id}/employment-reports")]
pub async fn report_employment(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    key: IdempotencyKey,
    id: web::Path<i64>,
    body: Body<EmploymentReportRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let bin = caller
        .bin
        .clone()
        .ok_or_else(|| ApiError::Forbidden(Message::new("forbidden-no-bin")))?;
    let req = body.value;
    let passport = PassportNumber::parse(&req.passport_number)
        .map_err(|e| ApiError::rule(e.violation("/passport_number")))?;
    let kind = match req.kind {
        ReportKindParam::Hire => ReportKind::Hire,
        ReportKindParam::End => ReportKind::End,
    };
    let actor = state.actor(&caller, &rid);
    create(&state, &caller, key, body.fingerprint, move |conn| {
        let report = cmd::report(conn, id, &bin, &passport, kind, req.date, &actor)?;
        let view = EmploymentReportView::from(view::Report::from(report));
        Ok(Created {
            location: format!("/v1/self-employment-certificates/{id}"),
            version: None,
            body: view,
        })
    })
    .await
}
